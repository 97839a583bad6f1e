"""Structured fields of a posting: title, company, locations, workplace, employment type,
seniority, years of experience, salary and education.

Each field comes from the most explicit place that states it: a label ("Location: Berlin"), then
the header lines at the top, then sentences of the body. Chrome is blanked out first, so nothing
from the job site around a pasted posting becomes a field. A field the posting does not state is
None: nothing is guessed (a bare "$150k" has no period; a bare "degree" has no level).
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from bot.postings.fields_education import DEGREE_NEEDLES, DEGREE_TRIGGERS, degree_mentions, level_rank
from bot.postings.fields_experience import YEAR_TRIGGERS, year_mentions
from bot.postings.fields_header import (
    COMPANY_NEEDLES,
    COMPANY_TRIGGERS,
    PLACE_TRIGGERS,
    TITLE_TRIGGERS,
    clean_company,
    clean_locations,
    clean_title,
    company_from_about_heading,
    company_from_sentences,
    dollar_currency,
    is_place,
    place_from_sentences,
    split_company_place,
    split_title_line,
    title_from_sentences,
)
from bot.postings.fields_salary import SALARY_SYMBOLS, SALARY_TRIGGERS, find_salary
from bot.postings.model import Education, PostingFields, Section, SectionKind
from bot.postings.textscan import lines_containing, lower_same_length, positions, word_set

_K = SectionKind

_LABEL_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("job title", "title", "position", "role", "job", "stelle", "stilling", "poste", "intitulé du poste"),
    "company": ("company", "employer", "organisation", "organization", "firma", "unternehmen", "arbejdsgiver",
                "virksomhed", "entreprise", "hiring company", "client"),
    "location": ("location", "locations", "based in", "office", "office location", "work location", "job location",
                 "city", "standort", "arbeitsort", "einsatzort", "dienstort", "lieu", "localisation", "arbejdssted",
                 "arbetsort", "place of work", "where"),
    "workplace": ("workplace", "workplace type", "work model", "work arrangement", "remote", "remote work",
                  "work setup", "arbeitsmodell", "arbejdsform"),
    "employment": ("employment type", "job type", "contract type", "type", "contract", "schedule", "hours",
                   "employment", "anstellungsart", "vertragsart", "beschäftigungsart", "type de contrat",
                   "ansættelsesform", "ansættelsestype", "commitment"),
    "seniority": ("experience level", "seniority", "seniority level", "level", "career level", "job level",
                  "karrierestufe", "berufserfahrung", "niveau"),
}  # fmt: skip
MAX_LABEL_LINES = 300
"""Lines with a colon read for labels; a posting has a handful."""
MAX_LABEL_VALUE = 200
"""Characters of a label's value read ("Location: …"); real values are a few words."""
_LABEL_OF = {name: field for field, names in _LABEL_NAMES.items() for name in names}
_LABEL_LINE = re.compile(
    r"^[ \t]*(?:- )?(?P<label>" + "|".join(sorted(map(re.escape, _LABEL_OF), key=len, reverse=True)) + r")"
    r"[ \t]*[:：][ \t]*(?P<value>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)

_NAMING_SEPARATOR = re.compile(r"\s(?:—|–|\||@|at|·|•|bei|chez|hos)\s")
_LEADING_SYMBOLS = re.compile(r"^[^\w(]+")
_EMPLOYMENT_PRIORITY = ("internship", "contract", "temporary", "part_time", "full_time")

_WORKPLACE_STRONG = (
    ("hybrid", re.compile(r"\bhybrid\w*|\b\d days? (?:a|per) week (?:in|at) (?:the |our )?office|partly remote", re.I)),
    (
        "remote",
        re.compile(
            r"\b(?:fully remote|100% remote|remote[- ](?:first|only|friendly)|remote (?:position|role|job|work|opportunity)"
            r"|work (?:from home|remotely|from anywhere)|(?:is|be|are) (?:fully |100% )?remote\b|remote\s*\(|^\s*remote\s*$"
            r"|^remote\s*[-–—,:|]|homeoffice|télétravail complet|fuldt remote|100 ?% homeoffice)",
            re.I | re.M,
        ),
    ),
    (
        "onsite",
        re.compile(
            r"\b(?:(?:this|the) (?:role|position|job) is (?:fully )?(?:on-?site|in[- ]office|in[- ]person|office[- ]based)"
            r"|on-?site (?:role|position|job|work)|work(?:ing)? on-?site|fully on-?site|100% on-?site"
            r"|(?:\d|five) days (?:a|per) week (?:in|at) (?:the |our )?office|in-office (?:role|position)"
            r"|in-person (?:role|position|work)|not (?:a )?remote|no remote|^\s*on-?site\s*$|^\s*in[- ]office\s*$"
            r"|^on-?site\s*[-–—,:|]|vor ort|présentiel)",
            re.I | re.M,
        ),
    ),
)
_WORKPLACE_TRIGGERS = frozenset(
    ("remote", "remotely", "hybrid", "onsite", "site", "office", "home", "homeoffice", "person", "ort", "présentiel",
     "télétravail", "wfh", "anywhere")
)  # fmt: skip
_WORKPLACE_VALUE = re.compile(
    r"(?P<hybrid>hybrid)|(?P<remote>remote|home ?office|wfh)|(?P<onsite>on-?site|office|in[- ]person)", re.I
)

_EMPLOYMENT_VALUE = re.compile(
    r"(?P<internship>intern(?:ship)?|praktikum|werkstudent|working student|stage|co-op|trainee(?:ship)?|apprenticeship)"
    r"|(?P<part_time>part[- ]?time|teilzeit|deltid|temps partiel)"
    r"|(?P<temporary>temporary|temp\b|seasonal|fixed[- ]term|befristet|cdd|vikariat|maternity cover|barselsvikariat)"
    r"|(?P<contract>contract(?:or)?|freelance(?:r)?|consulting|1099|b2b)"
    r"|(?P<full_time>full[- ]?time|permanent|vollzeit|fuldtid|heltid|cdi|festanstellung|unbefristet|fast stilling)",
    re.I,
)
_EMPLOYMENT_BODY = re.compile(
    r"\b(?:(?:this is an?|a|an|is a|for a|the) (?P<kind>full[- ]time|part[- ]time|permanent|temporary|contract|freelance"
    r"|fixed[- ]term|seasonal)(?: \w+)? (?:position|role|job|contract|opportunity|employment|basis|assignment)"
    r"|(?P<kind2>full[- ]time|part[- ]time|contract|freelance|temporary) basis|(?P<kind3>contract)[- ]to[- ]hire"
    r"|(?P<kind4>\d+[- ]month) contract|(?P<kind5>internship) (?:program|position|role|opportunity)"
    r"|(?:hiring|seeking|looking for|recruiting) (?:an? |\w+ )?(?P<kind6>full[- ]time|part[- ]time|temporary|seasonal)"
    r"|\bin (?P<kind7>teilzeit|vollzeit)\b|\b(?P<kind8>fuldtid|deltid|heltid)sstilling)",
    re.I,
)

_EMPLOYMENT_TRIGGERS = frozenset(
    ("full", "part", "permanent", "temporary", "contract", "freelance", "fixed", "seasonal", "internship", "basis", "hire",
     "full-time", "part-time", "fixed-term", "contract-to-hire", "teilzeit", "vollzeit", "fuldtidsstilling",
     "deltidsstilling", "heltidsstilling")
)  # fmt: skip

_SENIORITY = (
    ("intern", r"intern|internship|praktikant|werkstudent|working student|trainee|apprentice|co-op|stagiaire|summer student"),
    ("executive", r"chief \w+ officer|c[tefo]o|vp|vice president|president|svp|evp|managing director|geschäftsführer"),
    ("director", r"director|head of|direktør|directeur|leiter(?:in)? (?:der|des)|bereichsleiter"),
    ("manager", r"(?<!product )(?<!project )(?<!program )(?<!programme )(?<!account )(?<!relationship )"
     r"(?<!success )(?<!community )(?<!content )(?<!campaign )(?<!case )(?<!property )(?<!social media )"
     r"(?<!marketing )(?<!brand )(?<!category )(?<!territory )(?<!partner )manager|teamleiter|team leader|supervisor"),
    ("principal", r"principal"),
    ("staff", r"staff(?= (?:\w+ ){0,2}(?:engineer|developer|scientist|designer|architect|analyst|researcher|product))"),
    ("lead", r"lead|tech lead|team lead"),
    ("senior", r"senior|sr\.?|snr|erfahrene[rn]?|seniorkonsulent"),
    ("mid", r"mid[- ]level|mid(?![-\w])|intermediate|medior"),
    ("junior", r"junior|jr\.?|entry[- ]level|graduate|new grad|associate(?=\s+\w)(?! director)|berufseinsteiger"),
)  # fmt: skip
_SENIORITY_PATTERNS = tuple((name, re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.I)) for name, p in _SENIORITY)
_SENIORITY_VALUE = re.compile(
    r"(?P<intern>internship|intern)|(?P<junior>entry[- ]level|junior|associate|graduate)|(?P<senior>mid-senior|senior)"
    r"|(?P<mid>mid[- ]level|intermediate|mid)|(?P<director>director)|(?P<executive>executive)|(?P<lead>lead)"
    r"|(?P<principal>principal)|(?P<staff>staff)|(?P<manager>manager)",
    re.I,
)
_SENIORITY_BEFORE_TITLE = re.compile(
    r"(?:(?P<junior>entry[- ]level|junior)|(?P<senior>senior|experienced)|(?P<mid>mid[- ]level)|(?P<intern>intern))\s+$"
)
_PREFERENCE = re.compile(
    r"preferred|preferably|a plus|an advantage|nice to have|ideally|desirable|bonus|advantageous", re.I
)
_REQUIREMENT = re.compile(r"required|requirement|must|mandatory|minimum|essential", re.I)


_NOT_NEWLINE = re.compile(r"[^\n]")


class _View:
    """The clean text with chrome blanked, and a quick way to ask which section an offset is in."""

    def __init__(self, text: str, sections: Sequence[Section]) -> None:
        self.sections = list(sections)
        self.starts = [s.start for s in self.sections]
        pieces = []
        pos = 0
        for s in self.sections:
            if s.kind is _K.CHROME:
                pieces.append(text[pos : s.start])
                pieces.append(_NOT_NEWLINE.sub(" ", text[s.start : s.end]))
                pos = s.end
        pieces.append(text[pos:])
        self.text = "".join(pieces)
        self.lower = lower_same_length(self.text)
        self.words = word_set(self.lower)

    def lines_with(
        self, words: frozenset[str], needles: Sequence[str] = (), limit: int | None = None
    ) -> list[tuple[int, int]]:
        """Lines (within the first `limit` characters) holding one of the lower-case `words` (or `needles`).

        Words are first checked against the text's word set, so an absent field costs a set operation.
        """
        present = [w for w in needles if w in self.lower]
        present.extend(self.words & words)
        if not present:
            return []
        haystack = self.lower if limit is None else self.lower[:limit]
        return lines_containing(haystack, present)

    def windows_with(
        self, words: frozenset[str], needles: Sequence[str] = (), before: int = 20, after: int = 60
    ) -> list[tuple[int, int, int]]:
        """(start, end, line end) of short windows around each word-initial trigger, merged when they overlap."""
        present = [w for w in needles if w in self.lower]
        present.extend(self.words & words)
        windows: list[tuple[int, int, int]] = []
        lower = self.lower
        for at in positions(lower, present):
            if at and lower[at - 1].isalnum():
                continue
            line_start = lower.rfind("\n", 0, at) + 1
            line_end = lower.find("\n", at)
            if line_end < 0:
                line_end = len(lower)
            start, end = max(line_start, at - before), min(line_end, at + after)
            if windows and start <= windows[-1][1] and windows[-1][2] == line_end:
                windows[-1] = (windows[-1][0], max(windows[-1][1], end), line_end)
            else:
                windows.append((start, end, line_end))
        return windows

    def kind_at(self, offset: int) -> SectionKind:
        i = bisect.bisect_right(self.starts, offset) - 1
        return self.sections[i].kind if i >= 0 else _K.OTHER

    def header_lines(self, limit: int = 8) -> list[str]:
        lines: list[str] = []
        for s in self.sections:
            if s.kind is _K.HEADER:
                lines.extend(line.strip() for line in self.text[s.start : s.end].splitlines() if line.strip())
            elif s.kind is not _K.CHROME:
                break
            if len(lines) >= limit:
                break
        return lines[:limit]


def extract_fields(text: str, sections: Sequence[Section]) -> PostingFields:
    """All fields of a posting, from its clean text and sections."""
    view = _View(text, sections)
    labels = _labels(view)
    header = view.header_lines() + [v for values in labels.values() for v in values if "|" in v or "·" in v]
    title, company, header_rest = _title_and_company(labels, header)
    if company is None:
        company = _company_elsewhere(view)
    if title is None:
        title = title_from_sentences(view.text, view.lines_with(TITLE_TRIGGERS, limit=3000))
    locations = _locations(labels, header_rest, view)
    years_min, years_max = _years(view)
    return PostingFields(
        title=title,
        company=company,
        locations=locations,
        workplace=_workplace(labels, header, view),
        employment_type=_employment_type(labels, header, view, title),
        seniority=_seniority(title, labels, header, view),
        years_min=years_min,
        years_max=years_max,
        salary=find_salary(view.text, view.lines_with(SALARY_TRIGGERS, SALARY_SYMBOLS), dollar_currency(locations)),
        education=_education(view),
    )


def _labels(view: _View) -> dict[str, list[str]]:
    """Values of each labelled field in order ("Location: Berlin"; or "Location:" with the value on the next line)."""
    found: dict[str, list[str]] = {}
    text = view.text
    for start, _ in lines_containing(text, (":", "："))[:MAX_LABEL_LINES]:
        m = _LABEL_LINE.match(text, start)
        if m is None or view.kind_at(m.start()) in (_K.CHROME, _K.EEO):
            continue
        value = m.group("value")[:MAX_LABEL_VALUE].strip()
        if not value:
            next_start = m.end() + 1
            while text.startswith("\n", next_start):
                next_start += 1
            next_end = text.find("\n", next_start)
            value = text[next_start : next_end if next_end >= 0 else len(text)].strip()
            value = value if len(value) <= 80 else ""
        if value:
            found.setdefault(_LABEL_OF[m.group("label").lower()], []).append(value)
    return found


def _first(labels: dict[str, list[str]], field: str) -> str | None:
    values = labels.get(field)
    return values[0] if values else None


def _title_and_company(labels: dict[str, list[str]], header: list[str]) -> tuple[str | None, str | None, list[str]]:
    """Title and company from labels and the header lines; also the header parts left for the location.

    "Title — Company", "Title at Company", "Title | Company" name the company; after a plain hyphen
    ("Registered Nurse - Medical/Surgical Unit") the part is as often a department, so a company
    on the line below the title wins over it.
    """
    title_label, company_label = _first(labels, "title"), _first(labels, "company")
    title = clean_title(title_label) if title_label else None
    company = clean_company(company_label) if company_label else None
    hyphen_company: str | None = None
    rest: list[str] = []
    title_line = -2
    for n, line in enumerate(header):
        if _LABEL_LINE.match(line):
            continue
        parts = split_title_line(line)
        if title is None:
            for i, part in enumerate(parts):
                candidate = clean_title(part)
                if candidate is None:
                    continue
                title, title_line = candidate, n
                others = parts[:i] + parts[i + 1 :]
                if company is None:
                    near = others if len(parts) <= 4 else parts[max(0, i - 1) : i] + parts[i + 1 : i + 2]
                    found = next((c for c in map(clean_company, near) if c), None)
                    if _NAMING_SEPARATOR.search(line):
                        company = found
                    else:
                        hyphen_company = found
                rest.extend(p for p in others if clean_company(p) is None)
                rest.extend(place for p in others if (place := split_company_place(p)[1]))
                break
            else:
                rest.extend(parts)
            continue
        if company is None and n == title_line + 1 and len(parts) == 1:
            company = clean_company(parts[0])
            if company:
                continue
        if company is None and len(parts) >= 2 and any(is_place(p) or "ago" in p or "applicant" in p for p in parts):
            company = clean_company(parts[0])
            rest.extend(parts[1:] if company else parts)
        else:
            rest.extend(parts)
    return title, company or hyphen_company, rest


def _company_elsewhere(view: _View) -> str | None:
    for s in view.sections:
        if s.kind is _K.ABOUT and s.heading:
            company = company_from_about_heading(s.heading)
            if company:
                return company
    return company_from_sentences(view.text, view.lines_with(COMPANY_TRIGGERS, COMPANY_NEEDLES, limit=5000))


def _locations(labels: dict[str, list[str]], header_rest: list[str], view: _View) -> tuple[str, ...]:
    location = _first(labels, "location")
    if location:
        places = clean_locations(location)
        if places:
            return places
    for part in header_rest:
        places = clean_locations(part)
        if places and all(is_place(p) for p in places):
            return places
    place = place_from_sentences(view.text, view.lines_with(PLACE_TRIGGERS, limit=8000))
    return (place,) if place else ()


def _workplace(labels: dict[str, list[str]], header: list[str], view: _View) -> str | None:
    for key in ("workplace", "location", "employment"):
        value = _first(labels, key)
        if value:
            m = _WORKPLACE_VALUE.search(value)
            if m and m.lastgroup and not (key == "employment" and m.group().lower() == "office"):
                return m.lastgroup
    for line in header:
        if _LABEL_LINE.match(line):
            continue
        for part in split_title_line(line):
            part = _LEADING_SYMBOLS.sub("", part).strip(" ()")
            m = _WORKPLACE_VALUE.match(part)
            if m and m.lastgroup and len(part) <= 30:
                return m.lastgroup
    spans = view.lines_with(_WORKPLACE_TRIGGERS)
    for name, pattern in _WORKPLACE_STRONG:
        for start, end in spans:
            for m in pattern.finditer(view.text, start, end):
                if view.kind_at(m.start()) not in (_K.EEO, _K.BENEFITS) or name == "hybrid":
                    return name
    return None


def _employment_type(labels: dict[str, list[str]], header: list[str], view: _View, title: str | None) -> str | None:
    """The most specific type stated in the labels and header ("Permanent, part-time" is part-time)."""
    if title and re.search(r"\b(?:intern|internship|praktikant|werkstudent|stagiaire|trainee)\b", title, re.I):
        return "internship"
    values = list(labels.get("employment", ()))  # every type label counts: "Contract: Permanent", "Hours: Part-time"
    for line in header:
        if _LABEL_LINE.match(line):
            continue
        for part in split_title_line(line):
            part = _LEADING_SYMBOLS.sub("", part)
            if len(part) <= 40 and _EMPLOYMENT_VALUE.match(part):
                values.append(part)
    found = {m.lastgroup for value in values for m in _EMPLOYMENT_VALUE.finditer(value) if m.lastgroup}
    for kind in _EMPLOYMENT_PRIORITY:
        if kind in found:
            return kind
    for start, end in view.lines_with(_EMPLOYMENT_TRIGGERS):
        m = _EMPLOYMENT_BODY.search(view.text, start, end)
        if m:
            word = next(g for g in m.groups() if g).lower()
            if "month" in word:
                return "contract"
            value = _EMPLOYMENT_VALUE.search(word)
            return value.lastgroup if value else None
    return None


def _seniority(title: str | None, labels: dict[str, list[str]], header: list[str], view: _View) -> str | None:
    if title:
        for name, pattern in _SENIORITY_PATTERNS:
            if pattern.search(title):
                return name
        at = view.lower.find(title.lower())  # "is hiring an entry-level Sales Development Representative"
        while at > 0:
            before = _SENIORITY_BEFORE_TITLE.search(view.lower, max(0, at - 20), at)
            if before and before.lastgroup:
                return before.lastgroup
            at = view.lower.find(title.lower(), at + 1)
    values = list(labels.get("seniority", ()))
    values += [p for line in header for p in split_title_line(line) if re.search(r"\blevel\b", p, re.I)]
    for value in values:
        m = _SENIORITY_VALUE.search(value)
        if m and m.lastgroup:
            return m.lastgroup
    return None


def _years(view: _View) -> tuple[float | None, float | None]:
    tiers: dict[int, list[tuple[float | None, float | None]]] = {}
    mentions_found = (m for start, end in view.lines_with(YEAR_TRIGGERS) for m in year_mentions(view.text, start, end))
    for offset, low, high in mentions_found:
        kind = view.kind_at(offset)
        if kind in (_K.CHROME, _K.ABOUT, _K.BENEFITS, _K.EEO, _K.APPLY):
            continue
        tier = 0 if kind is _K.REQUIRED else 2 if kind is _K.PREFERRED else 1
        tiers.setdefault(tier, []).append((low, high))
    if not tiers:
        return None, None
    mentions = tiers[min(tiers)]
    with_min = [m for m in mentions if m[0] is not None]
    if with_min:
        return max(with_min, key=lambda m: m[0] or 0.0)
    return None, max(m[1] for m in mentions if m[1] is not None)


def _education(view: _View) -> Education | None:
    found: list[tuple[int, str | None, tuple[str, ...], bool | None]] = []
    degrees = (
        m
        for start, end, line_end in view.windows_with(DEGREE_TRIGGERS, DEGREE_NEEDLES)
        for m in degree_mentions(view.text, start, end, line_end)
    )
    for mention in degrees:
        kind = view.kind_at(mention.offset)
        if kind in (_K.CHROME, _K.ABOUT, _K.BENEFITS, _K.EEO, _K.APPLY):
            continue
        line_start = view.text.rfind("\n", 0, mention.offset) + 1
        line_end = view.text.find("\n", mention.offset)
        clause = view.text[line_start : line_end if line_end >= 0 else len(view.text)]
        required: bool | None
        if kind is _K.PREFERRED:
            required = False
        elif kind is _K.REQUIRED:
            required = True
        elif _PREFERENCE.search(clause):
            required = False
        elif _REQUIREMENT.search(clause):
            required = True
        else:
            required = None
        tier = 0 if required else 1 if required is None else 2
        found.append((tier, mention.level, mention.fields, required))
    if not found:
        return None
    best_tier = min(f[0] for f in found)
    chosen = [f for f in found if f[0] == best_tier]
    levelled = [f for f in chosen if f[1] is not None]
    level = min((f[1] for f in levelled), key=level_rank) if levelled else None
    fields = tuple(dict.fromkeys(field for f in chosen if f[1] in (level, None) for field in f[2]))
    return Education(level, fields, chosen[0][3])
