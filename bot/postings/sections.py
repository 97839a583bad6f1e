"""Clean posting text → sections (required, preferred, responsibilities, benefits, chrome, …).

The text is read line by line. A line can be:
- site chrome (see chrome.py), marked CHROME without changing the current section;
- a heading ("Requirements", "What you'll bring:", "## Nice to have", "Dein Profil"), which opens a
  section of its kind (headings.py), also in the label form "Requirements: 5+ years of Go";
- a heading glued to its text, as in text copied from PDFs ("… Qualifications An educational
  background …"): a known heading in title case followed by a capitalised word opens a section
  mid-line, and so does one ending in a colon, except after a word inside a list item ("- 3 years
  administering Employee Benefits: 401k …" is one requirement);
- body text, which belongs to the current section, with three refinements: a clause with a
  preference cue ("German is a plus", "ideally", "preferred") inside required text is PREFERRED;
  equal-opportunity and how-to-apply sentences are EEO/APPLY wherever they stand, and benefit and
  company-blurb sentences BENEFITS/ABOUT unless they ask for something in a requirement or duty
  list; and under no or an unknown heading, requirement-like bullets count as REQUIRED and verb-led ones as
  RESPONSIBILITIES;
- a field line ("Pay: $20/hr", "The base pay range is …") inside requirements or duties, marked
  OTHER so pay and job-type words are not requirements.
The short lines before the first heading are the HEADER (title, company, location); a lone word
between chrome lines at the top is the job site's name (CHROME).

Sections partition the clean text: every character belongs to exactly one section.
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import bisect
import itertools
import re

from bot.postings.chrome import MAX_LISTING_LINE, ChromeHit, chrome_hit
from bot.postings.fields_header import JOB_NOUN
from bot.postings.headings import heading_kind, normalise_heading
from bot.postings.model import Section, SectionKind
from bot.postings.textscan import lower_same_length, positions, word_set

MAX_HEADER_LINES = 8
MAX_HEADER_LINE = 120
MAX_HEADING_LINE = 80
MAX_PIPED_HEADER_LINE = 300  # "Acme | Senior Engineer | Remote (EU) | €80–100k | Python | apply: <link>"

_K = SectionKind

_PREFERENCE_CUE = re.compile(
    r"\b(?:(?:is|are|would be|will be|as) (?:a (?:big |huge |strong )?(?:plus|bonus)|an (?:advantage|asset))|a plus\b"
    r"|nice[- ]to[- ]have|preferred|preferably|preference (?:for|given)|ideally|desirable|desired|advantageous"
    r"|bonus(?: points)?|not (?:required|mandatory|a must)|(?:is|are) (?:helpful|beneficial)|(?:would be|is) great"
    r"|von vorteil|wünschenswert|ein plus|idealerweise|en fordel|et plus|est un plus|un atout|serait un plus"
    r"|meriterande|meritterende|gerne gesehen)\b",
    re.IGNORECASE,
)
_REQUIRED_CLAIM = re.compile(
    r"\b(?:is|are) (?:a must|required|essential|mandatory)\b|\bmust[- ]haves?\b", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"(?:(?<=[a-z0-9)][.!?])|(?<=[a-z0-9)] [.!?])) +(?=[A-Z])")
_CLAUSE_END = re.compile(r"[;.!?](?:\s|$)")
_EEO_CUE = re.compile(
    r"\b(?:equal (?:employment )?opportunit(?:y|ies) (?:employer|workplace)|without regard to (?:race|age|sex|gender)"
    r"|e-verify|reasonable accommodations?|affirmative action|protected veteran|we (?:celebrate|value|embrace) diversity"
    r"|all qualified applicants|welcome applications from|committed to (?:creating )?(?:a )?(?:diverse|inclusive)"
    r"|(?:do|does|will) not discriminate)",
    re.IGNORECASE,
)
_APPLY_CUE = re.compile(
    r"(?:- )?(?:to apply\b|apply (?:now|today|via|with|through|at|by|here|online)\b|please (?:send|apply|submit|email)\b"
    r"|send (?:your|us your) (?:cv|resume|application)|interested (?:candidates|applicants)|interested\?|if (?:this sounds like you|you are"
    r" interested)|applications? (?:close|deadline|are reviewed)|we look forward to (?:receiving|hearing|your)"
    r"|(?:the |our )?(?:application|recruitment|hiring|interview|selection|assessment) process (?:is|will|consists|includes|starts))",
    re.IGNORECASE,
)
_BENEFIT_CUE = re.compile(
    r"(?:- )?(?:(?:in addition |in return |in exchange |further(?:more)? )?(?:we (?:can )?offer you|you(?:'ll| will) (?:also )?(?:receive|get) (?:a |an )?(?:competitive|attractive|generous|excellent))"
    r"|(?:there are )?(?:excellent|great|attractive|generous) benefits|(?:our )?(?:\w+ )?range of (?:benefits|perks|rewards)|(?:a )?(?:competitive|attractive|generous) (?:salary|salaries|pension|compensation|remuneration|pay)\b)",
    re.IGNORECASE,
)
_ASKING_KINDS = frozenset((_K.REQUIRED, _K.PREFERRED, _K.RESPONSIBILITIES))
"""Sections that ask the candidate for something or list their duties."""
_ASK_WORDS = frozenset(
    ("experience", "experienced", "knowledge", "knowledgeable", "skill", "skills", "skilled", "degree", "years",
     "yrs", "require", "required", "requires", "requirement", "requirements", "mandatory", "must", "proficient",
     "proficiency", "familiar", "familiarity", "expertise", "understanding", "ability", "certified",
     "certification", "qualified", "qualification", "qualifications")
)  # fmt: skip
"""What a requirement line asks for. Narrower than the extractor's ask cues (bot/skills/sentences.py): a
company blurb's "education", "competences" or "experiences" must not keep it in a requirement list."""
_WORD = re.compile(r"[a-z]+")
_BENEFIT_PHRASE_FOLLOWERS = frozenset(
    ("a", "an", "the", "and", "or", "plus", "with", "including", "incl", "package", "packages", "scheme", "schemes",
     "based", "of", "in", "from", "up", "that", "which", "to", "for", "per", "dependent", "depending",
     "commensurate")
)  # fmt: skip
"""Words that may follow a benefit cue in a benefit line."""
_MODIFIER_BENEFIT_NOUNS = frozenset(("pay", "salary", "pension", "compensation", "remuneration", "benefits"))
"""Benefit nouns that also modify a skill's noun ("pay benchmarking", "benefits administration")."""
_COMPANY_NOUNS = frozenset(
    ("leader", "provider", "supplier", "manufacturer", "developer", "company", "firm", "business", "organisation",
     "organization", "university", "institution", "institute", "hospital", "platform", "start-up", "startup",
     "consultancy", "agency", "bank", "employer", "centre", "center")
)  # fmt: skip
_COMPANY_NOUN_PHRASE_ENDS = frozenset(
    ("for", "of", "to", "in", "on", "at", "with", "that", "which", "who", "where", "within")
)
_COMPANY_CUE = re.compile(
    r"(?!(?:- )?(?:you|your|it|this|that|there|what|who|key|the (?:role|position|job|ideal|successful|right|candidate))\b)"
    r"(?!(?:- )?(?:\S+ ){0,2}(?:candidates?|applicants?)\b)"
    r"\S+(?: \S+){0,4}? (?:is|are) (?:a|an|the|one of the) ",
    re.IGNORECASE,
)
"""A sentence that opens by saying what the employer is ("Acme is a global leader in …", "We are the leading
supplier of …"): the company blurb, wherever it stands."""
_REQUIREMENT_CUE = re.compile(
    r"(?:- )?(?:you (?:have|bring|are|should|must|possess|hold|know)\b|must (?:have|be)\b|experience (?:with|in|using)\b"
    r"|\d+\+? (?:years|yrs)|(?:at least|minimum(?: of)?) \w+ (?:years|yrs)|proficien|(?:strong|solid|excellent|good|deep)"
    r" (?:knowledge|understanding|experience|skills|command)|knowledge of|familiar(?:ity)? with|fluent|fluency"
    r"|(?:a |an )?(?:bachelor|master|ph\.?d|degree|diploma)|certified|certification|licen[sc]ed?\b|ability to)",
    re.IGNORECASE,
)
_DUTY_CUE = re.compile(
    r"(?:- )?(?:you(?:'ll| will) |)(?:design|build|develop|own|lead|manag|maintain|creat|implement|driv|work|collaborat"
    r"|partner|support|deliver|write|ensure|coordinate|plan|run|operate|improve|analy[sz]e|help|mentor|participate"
    r"|contribut|review|provid|prepar|conduct|assist|monitor|administer|perform|handl|overse|sell|car|fix|mak|writ)"
    r"(?:e|es|s|ing)?\b",
    re.IGNORECASE,
)
_GLUED_HEADINGS = (
    # duties
    "responsibilities", "key responsibilities", "main responsibilities", "your responsibilities", "your tasks",
    "tasks", "duties", "responsibilities and duties", "duties and responsibilities", "tasks and responsibilities",
    "what you'll do", "what you will do", "your role", "your role in the team", "your mission", "the role",
    "about the role", "the position", "the job", "role summary",
    # requirements
    "qualifications", "requirements", "competencies", "skills", "your profile", "who you are", "about you",
    "your qualifications", "requirements and qualifications", "qualifications and skills", "skills and experience",
    "our requirements", "required qualifications", "basic qualifications", "minimum qualifications", "must have",
    "skills needed", "skills required", "required skills", "essential skills", "who we are looking for",
    "who are we looking for", "what we're looking for", "what we are looking for", "what you'll need",
    "what you will need", "what you'll bring", "what you will bring", "what we expect",
    # preferences
    "nice to have", "nice to haves", "preferred qualifications", "preferred skills", "desired skills", "bonus points",
    # benefits, applying, the company, the rest
    "benefits", "job benefits", "benefits and perks", "perks and benefits", "what we offer", "we offer", "our offer",
    "what can we offer", "what's in it for you", "remuneration and benefits", "compensation and benefits",
    "salary and benefits", "why join us", "how to apply", "about us", "who we are", "about the department",
    "about the team", "additional information", "job description",
)  # fmt: skip
"""Headings that open a section in the middle of a line, as text copied from a PDF glues them to the
sentence after them: in sentence case or title case, followed by a capitalised word, or by a colon
or question mark ("… ETL processes ) Job benefits:", "What's in it for you? We …")."""
_SMALL_WORDS = frozenset(("and", "or", "of", "the", "in", "to", "for", "a", "with"))


def _glued_forms(phrase: str) -> list[str]:
    """ "Your tasks", "Your Tasks" and "Requirements and Qualifications" for "your tasks"."""
    words = phrase.split()
    forms = [
        phrase[0].upper() + phrase[1:],
        " ".join(w[0].upper() + w[1:] for w in words),
        " ".join(w if i and w in _SMALL_WORDS else w[0].upper() + w[1:] for i, w in enumerate(words)),
    ]
    forms += [form.replace("'", "’") for form in forms if "'" in form]
    return list(dict.fromkeys(forms))


_GLUED_FORMS = tuple(form for phrase in _GLUED_HEADINGS for form in _glued_forms(phrase))


def _glued_patterns(forms: tuple[str, ...]) -> dict[str, dict[str, re.Pattern[str]]]:
    """Lower-case first word → {first word as written → pattern of the headings that start with it}: the
    text is searched for the first words, and only the few headings that start with one are tried there."""
    grouped: dict[str, dict[str, list[str]]] = {}
    for form in forms:
        first = form.split(" ", 1)[0]
        grouped.setdefault(first.lower(), {}).setdefault(first, []).append(form)
    return {
        low: {first: _glued_pattern(firsts) for first, firsts in by_first.items()} for low, by_first in grouped.items()
    }


def _glued_pattern(forms: list[str]) -> re.Pattern[str]:
    """A heading before a capitalised word ("… skills Job Benefits Health …"), or ending in a colon or question
    mark ("… processes ) Job benefits: …"; group 2, see `_labels_a_list_item`)."""
    alternatives = "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))  # the longest heading first
    return re.compile(
        r"(?:^|(?<=[A-Za-z0-9.!?)] ))(?:("
        + alternatives
        + r")(?= (?!and |or |&)[A-Z])|("
        + alternatives
        + r")[:?](?= |$))",
        re.MULTILINE,
    )


_GLUED_PATTERNS = _glued_patterns(_GLUED_FORMS)
_LIST_ITEM_MARKS = frozenset(("- ", "• ", "* ", "– ", "· "))
_LABEL = re.compile(r"([^:\n]{2,50}):\s+(\S.*)")
_FIELD_LINE = re.compile(
    r"(?:- )?(?:(?:base |annual )?(?:pay|salary|wage|compensation)(?: range)?|rate|job type|employment type|(?:work |job )?location"
    r"|schedule|hours|start date|contract type|seniority level|experience level|job id|reference)\s*:"
    r"|(?:the )?(?:annual |base |hourly )*(?:pay|salary|compensation|wage) (?:range|band|rate)\b",
    re.IGNORECASE,
)
_FIELD_LABEL = re.compile(
    r"(?:salary|pay|compensation|rate|pay range|salary range|rewards?|location|schedule|hours|start date|type)\b"
)


_EEO_WORDS = frozenset(
    ("welcome", "equal", "regard", "discriminate", "e-verify", "accommodation", "accommodations", "affirmative",
     "veteran", "veterans", "diversity", "diverse", "inclusive", "qualified")
)  # fmt: skip
_BENEFIT_WORDS = frozenset(
    ("offer", "benefits", "perks", "rewards", "competitive", "attractive", "generous", "excellent")
)
"""Every benefit cue holds one of these words."""
_PREFERENCE_WORDS = frozenset(
    ("plus", "advantage", "asset", "bonus", "nice", "nice-to-have", "preferred", "preferably", "preference", "ideally",
     "desirable", "desired", "advantageous", "required", "mandatory", "must", "helpful", "beneficial", "great",
     "vorteil", "wünschenswert", "fordel", "atout", "meriterande", "meritterende", "gerne", "essential", "must-have",
     "must-haves")
)  # fmt: skip


class _Cues:
    """Where sentence cues can be at all (a word set, then str.find), so most lines skip those patterns."""

    __slots__ = ("benefit", "eeo", "glued", "preference")

    def __init__(self, text: str) -> None:
        lowered = lower_same_length(text)
        words = word_set(lowered)
        self.eeo = positions(lowered, words & _EEO_WORDS)
        self.preference = positions(lowered, words & _PREFERENCE_WORDS)
        self.benefit = positions(lowered, words & _BENEFIT_WORDS)
        self.glued = _glued_headings(text, words & _GLUED_PATTERNS.keys())

    @staticmethod
    def within(found: list[int], start: int, end: int) -> bool:
        i = bisect.bisect_left(found, start)
        return i < len(found) and found[i] < end

    def glued_within(self, start: int, end: int) -> list[re.Match[str]]:
        """The glued headings that start in [start, end)."""
        i = bisect.bisect_left(self.glued, start, key=re.Match.start)
        found = []
        while i < len(self.glued) and self.glued[i].start() < end:
            found.append(self.glued[i])
            i += 1
        return found


def _glued_headings(text: str, first_words: frozenset[str]) -> list[re.Match[str]]:
    """Glued headings in order, tried only where a heading's first word starts a word."""
    candidates = [
        (pos, pattern)
        for low in first_words
        for first, pattern in _GLUED_PATTERNS[low].items()
        for pos in positions(text, (first,))
        if not pos or text[pos - 1] in " \n"
    ]
    candidates.sort(key=lambda candidate: candidate[0])
    found: list[re.Match[str]] = []
    for pos, pattern in candidates:
        glued = pattern.match(text, pos) if not found or pos >= found[-1].end() else None
        if glued is not None and not _labels_a_list_item(text, glued):
            found.append(glued)
    return found


def _labels_a_list_item(text: str, glued: re.Match[str]) -> bool:
    """A heading with a colon after a word inside a list item is the item's own label, not a heading:
    "- 3 years administering Employee Benefits: 401k and HSA plans" is one requirement. In running text
    pasted without line breaks ("… and curiosity Job benefits: Free fruit …") it opens its section."""
    start = glued.start()
    if glued.lastindex != 2 or start < 2 or text[start - 1] == "\n" or text[start - 2] in ".!?)":
        return False
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.lstrip()[:2] in _LIST_ITEM_MARKS


def split_sections(text: str, heading_starts: frozenset[int] = frozenset()) -> tuple[Section, ...]:
    """Classify every part of the clean text; `heading_starts` are lines the markup marked as headings."""
    marks: list[tuple[int, SectionKind, str | None]] = []  # (clean offset, kind, heading) where kinds change
    cues = _Cues(text)
    kind: SectionKind = _K.HEADER
    heading: str | None = None
    header_lines = 0
    in_listing = False  # inside a chrome block such as "Similar jobs"
    pos = 0
    length = len(text)
    while pos < length:
        end = text.find("\n", pos)
        if end < 0:
            end = length
        line_start = pos
        pos = end + 1
        line = text[line_start:end]
        stripped = line.strip()
        if not stripped:
            continue
        start = line_start + (len(line) - len(line.lstrip()))

        hit = chrome_hit(stripped)
        if hit is not None:
            marks.append((start, _K.CHROME, None))
            if hit is ChromeHit.BLOCK:
                in_listing = True
            continue

        found = _heading_line(stripped, start in heading_starts or line_start in heading_starts)
        if found is not None:
            new_kind, new_heading, body_offset = found
            in_listing = False
            if new_kind is None:  # unknown: the title at the top, else body text judged by content
                new_kind = _K.HEADER if kind is _K.HEADER and header_lines == 0 else _K.OTHER
            kind, heading = new_kind, (None if new_kind is _K.HEADER else new_heading)
            marks.append((start, kind, heading))
            if body_offset is not None:
                _mark_body(marks, text, start + body_offset, end, kind, heading, cues)
            continue

        if in_listing:
            if len(stripped) <= MAX_LISTING_LINE:
                marks.append((start, _K.CHROME, None))
                continue
            in_listing = False

        if kind is _K.HEADER:
            header_lines += 1
            too_long = len(stripped) > MAX_HEADER_LINE and not (
                len(stripped) <= MAX_PIPED_HEADER_LINE and stripped.count("|") + stripped.count("·") >= 2
            )
            if header_lines > MAX_HEADER_LINES or too_long or _is_sentence(stripped):
                kind = _K.OTHER
            else:
                marks.append((start, _K.HEADER, None))
                continue

        # "Pay: $20/hr" or "The base pay range is …" among the requirements is not a requirement
        head = stripped[:60]
        if (
            kind in (_K.REQUIRED, _K.PREFERRED, _K.RESPONSIBILITIES)
            and (":" in head or " range" in head or " band" in head)
            and _FIELD_LINE.match(stripped)
        ):
            marks.append((start, _K.OTHER, None))
            continue

        body_start = start
        for glued in cues.glued_within(start, end):
            cut = glued.start()
            _mark_body(marks, text, body_start, cut, kind, heading, cues)
            glued_heading = glued.group(glued.lastindex or 1)
            kind, heading = heading_kind(glued_heading) or _K.OTHER, glued_heading
            marks.append((cut, kind, heading))
            body_start = glued.end() + 1
        _mark_body(marks, text, body_start, end, kind, heading, cues)

    _mark_site_names(marks, text)
    return _to_sections(marks, length)


def _mark_site_names(marks: list[tuple[int, SectionKind, str | None]], text: str) -> None:
    """A lone word between chrome lines at the top ("ResumeRocket", "JobSprout") is the site's name."""
    for i, (start, kind, _) in enumerate(marks[:12]):
        if kind is not _K.HEADER or i + 1 >= len(marks) or marks[i + 1][1] is not _K.CHROME:
            continue
        if i > 0 and marks[i - 1][1] is not _K.CHROME:
            continue
        end = text.find("\n", start)
        word = text[start : end if end >= 0 else len(text)].strip()
        if word and " " not in word and not JOB_NOUN.search(word):
            marks[i] = (start, _K.CHROME, None)


def _is_sentence(line: str) -> bool:
    """Prose ends the header: header lines are titles, names, places and short facts."""
    return line.endswith((".", "!")) and line.count(" ") >= 7


def _heading_line(stripped: str, marked: bool) -> tuple[SectionKind | None, str, int | None] | None:
    """(kind or None if unknown, heading text, offset of text after a label) when the line is a heading."""
    if len(stripped) <= MAX_HEADING_LINE and (marked or not stripped.startswith("- ")):
        heading = stripped.rstrip(" :").strip()
        if marked or not stripped.endswith("."):
            kind = heading_kind(heading)
            if kind is not None:
                return kind, heading, None
        if marked or (stripped.endswith(":") and len(stripped.split()) <= 6):
            return None, heading, None
    label = _LABEL.match(stripped) if ":" in stripped[:52] else None
    if label is not None and not stripped.startswith("- "):
        name = label.group(1).strip()
        if not _FIELD_LABEL.match(normalise_heading(name)):
            kind = heading_kind(name)
            if kind is not None and kind is not _K.OTHER:
                return kind, name, label.start(2)
    return None


def _mark_body(
    marks: list[tuple[int, SectionKind, str | None]],
    text: str,
    start: int,
    end: int,
    kind: SectionKind,
    heading: str | None,
    cues: _Cues,
) -> None:
    """Mark body text [start, end) of the current section, refined by what its sentences say."""
    if start >= end:
        return
    line = text[start:end]
    if kind is _K.OTHER and ". " in line:  # a paragraph: judge each sentence on its own
        cuts = [m.end() for m in _SENTENCE_BREAK.finditer(text, start, end)]
        if cuts:
            for a, b in itertools.pairwise([start, *cuts, end]):
                _mark_sentence(marks, text, a, b, heading, cues)
            return
    _mark_sentence(marks, text, start, end, heading, cues, kind)


def _mark_sentence(
    marks: list[tuple[int, SectionKind, str | None]],
    text: str,
    start: int,
    end: int,
    heading: str | None,
    cues: _Cues,
    kind: SectionKind = SectionKind.OTHER,
) -> None:
    line = text[start:end]
    if cues.within(cues.eeo, start, end) and _EEO_CUE.search(line):
        marks.append((start, _K.EEO, None))
        return
    if kind is not _K.HEADER and _APPLY_CUE.match(line):
        marks.append((start, _K.APPLY, None))
        return
    asking = kind in _ASKING_KINDS
    if kind is not _K.HEADER and not (asking and _asks_for_something(line)):
        benefit = _BENEFIT_CUE.match(line) if cues.within(cues.benefit, start, end) else None
        if benefit is not None and not (asking and _continues_the_noun(line, benefit)):
            marks.append((start, _K.BENEFITS, None))
            return
        if _says_what_the_employer_is(line):
            marks.append((start, _K.ABOUT, None))
            return
    if kind is _K.OTHER:
        if _REQUIREMENT_CUE.match(line) or (cues.within(cues.preference, start, end) and _REQUIRED_CLAIM.search(line)):
            kind = _K.REQUIRED
        elif line.startswith("- ") and _DUTY_CUE.match(line):
            kind = _K.RESPONSIBILITIES
    marks.append((start, kind, heading))
    if kind is _K.REQUIRED and cues.within(cues.preference, start, end):
        _mark_preferences(marks, text, start, end, heading)


def _asks_for_something(line: str) -> bool:
    """An ask cue ("experience", "knowledge", "required", "degree", "5 years" …): in a requirement or duty
    list, "Excellent benefits administration experience" and "SQL Server is the main database platform; Azure
    experience required" ask the candidate for something; they are neither benefits nor the company blurb."""
    return not _ASK_WORDS.isdisjoint(_WORD.findall(line.lower()))


def _continues_the_noun(line: str, benefit: re.Match[str]) -> bool:
    """The benefit cue is the start of a longer noun ("Competitive pay benchmarking and salary survey
    analysis", "Excellent benefits administration"): a skill asked for, not a benefit offered. A benefit
    cue ends the phrase or goes on with a function word ("Competitive salary and bonus", "… package")."""
    if benefit.group(0).rsplit(None, 1)[-1].lower() not in _MODIFIER_BENEFIT_NOUNS:
        return False
    following = line[benefit.end() :].split(None, 1)
    word = following[0] if following else ""
    return word[:1].islower() and word.rstrip(",.;:!?)") not in _BENEFIT_PHRASE_FOLLOWERS


def _says_what_the_employer_is(line: str) -> bool:
    """'<name> is a|the|one of the …' whose noun phrase names a company, a leader, a university …
    (within its first eight words, before any preposition)."""
    head = line[:100]
    opening = _COMPANY_CUE.match(line) if " is " in head or " are " in head else None
    if opening is None:
        return False
    for word in line[opening.end() :].split(" ", 8)[:8]:
        word = word.lower().rstrip(".,;:!?")
        if word in _COMPANY_NOUNS or (word.endswith("s") and word[:-1] in _COMPANY_NOUNS):
            return True
        if word in _COMPANY_NOUN_PHRASE_ENDS:
            return False
    return False


def _mark_preferences(
    marks: list[tuple[int, SectionKind, str | None]], text: str, start: int, end: int, heading: str | None
) -> None:
    """Turn the clauses of a required line that carry a preference cue into PREFERRED spans."""
    cue = _PREFERENCE_CUE.search(text, start, end)
    while cue is not None:
        clause_start = start
        for stop in _CLAUSE_END.finditer(text, start, cue.start()):
            clause_start = stop.end()
        after = _CLAUSE_END.search(text, cue.end(), end)
        clause_end = after.end() if after else end
        if clause_start > start:
            marks.append((clause_start, _K.PREFERRED, heading))
        else:
            marks[-1] = (start, _K.PREFERRED, heading)
        if clause_end >= end:
            return
        marks.append((clause_end, _K.REQUIRED, heading))
        start = clause_end
        cue = _PREFERENCE_CUE.search(text, start, end)


def _to_sections(marks: list[tuple[int, SectionKind, str | None]], length: int) -> tuple[Section, ...]:
    """Merge runs of equal marks into sections that tile [0, length)."""
    if length == 0:
        return ()
    merged: list[tuple[int, SectionKind, str | None]] = []
    for mark in marks:
        if merged and merged[-1][1] is mark[1] and merged[-1][2] == mark[2]:
            continue
        if merged and merged[-1][0] == mark[0]:
            merged[-1] = mark
            continue
        merged.append(mark)
    if not merged:
        return (Section(_K.OTHER, 0, length),)
    merged[0] = (0, merged[0][1], merged[0][2])
    sections = []
    for i, (start, kind, heading) in enumerate(merged):
        end = merged[i + 1][0] if i + 1 < len(merged) else length
        sections.append(Section(kind, start, end, heading))
    return tuple(sections)
