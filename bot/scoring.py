"""Posting × resume → MatchReport: a documented, versioned, explainable match score.

Method `jobbot-match/1` (change METHOD when the numbers a user sees would change):

The score is the sum of category points out of 100. Each category has a nominal weight; a
category the posting says nothing about (no years, no education) is left out and its weight is
shared among the others in proportion, so an unstated requirement never costs anything.

| category         | weight | what earns it |
|------------------|-------:|---------------|
| required skills  |     40 | posting keywords that are required or unmarked (not soft skills), by keyword weight |
| preferred skills |     15 | posting keywords marked preferred / nice to have |
| soft skills      |      5 | soft-skill keywords of the posting |
| title            |     10 | the posting's role words found in the resume's titles or summary |
| experience       |     10 | resume's total years (overlaps once) against the posting's minimum |
| education        |     10 | highest degree against the posting's level; field of study |
| resume health    |     10 | text extracted, standard headings, dated positions, contact details |

Per keyword, credit is 1.0 when the resume uses the term in experience, projects or summary,
0.7 when it appears only in a skills list (a list proves less than use), and 0.5 for a partial
match: a more specific term of the same family (the resume says Django where Python is asked)
or a near spelling (rapidfuzz ratio ≥ 90, only for names of 5+ characters, never for
case-sensitive names such as C, R or Go). Credit never grows with repetition: the 20th
"Python" earns nothing, so keyword stuffing does not pay, and a resume repeating a term more
than STUFFING_REPEATS times gets a resume-health warning instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from bot.postings.model import CleanText, Posting, Section, SectionKind
from bot.resumes.model import ResumeText
from bot.skills.model import Category, Keyword

METHOD = "jobbot-match/1"

WEIGHTS: dict[str, float] = {
    "required_skills": 40.0,
    "preferred_skills": 15.0,
    "soft_skills": 5.0,
    "title": 10.0,
    "experience": 10.0,
    "education": 10.0,
    "resume_health": 10.0,
}
CATEGORY_LABELS = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "soft_skills": "Soft skills",
    "title": "Job title",
    "experience": "Years of experience",
    "education": "Education",
    "resume_health": "Resume health",
}

CREDIT_USED = 1.0
CREDIT_LISTED = 0.7
CREDIT_PARTIAL = 0.5
FUZZY_MIN_LENGTH = 5
FUZZY_THRESHOLD = 90.0
STUFFING_REPEATS = 12
USED_SECTIONS = frozenset({"experience", "projects", "summary"})

DEGREE_RANK = {
    "high_school": 1,
    "certificate": 1,
    "associate": 2,
    "bachelor": 3,
    "master": 4,
    "mba": 4,
    "doctorate": 5,
}
DEGREE_WORDS = {
    "high_school": "a high-school diploma",
    "certificate": "a certificate",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "mba": "an MBA",
    "doctorate": "a doctorate",
}
SECTION_ADVICE = {
    Category.PROGRAMMING_LANGUAGE: "your experience bullets (where you used it) and the skills list",
    Category.FRAMEWORK: "your experience bullets (what you built with it) and the skills list",
    Category.DATABASE: "your experience bullets and the skills list",
    Category.CLOUD: "your experience bullets and the skills list",
    Category.TOOL: "your experience bullets and the skills list",
    Category.PRACTICE: "your experience bullets",
    Category.DOMAIN: "your summary or experience bullets",
    Category.SOFT_SKILL: "an experience bullet that shows it",
    Category.CERTIFICATION: "a Certifications section",
    Category.EDUCATION: "the Education section",
    Category.LANGUAGE: "a Languages line",
    Category.OTHER: "your experience bullets or the skills list",
}
TITLE_NOISE = re.compile(
    r"\b(senior|sr|junior|jr|lead|principal|staff|head|chief|intern|internship|trainee|graduate|entry|level|"
    r"mid|i{1,3}|iv|remote|hybrid|full|part|time|contract|m/f/d|f/m/d|w/m/d|h/f|the|of|and|for|with|in|at)\b\.?",
    re.IGNORECASE,
)
WORD = re.compile(r"[a-z0-9+#]+")


@dataclass(frozen=True, slots=True)
class KeywordMatch:
    """One posting keyword and what the resume has of it."""

    keyword: str
    category: str
    bucket: str  # "required_skills" | "preferred_skills" | "soft_skills"
    required: bool | None
    weight: float
    status: str  # "matched" | "partial" | "missing"
    credit: float  # 0..1
    posting_count: int
    resume_count: int
    resume_sections: tuple[str, ...]  # where the resume has it: "experience", "skills", ...
    matched_as: str | None  # the resume's wording when it differs (a variant or a related term)

    def to_dict(self) -> dict[str, Any]:
        return {
            "keyword": self.keyword,
            "category": self.category,
            "required": self.required,
            "weight": round(self.weight, 4),
            "status": self.status,
            "credit": round(self.credit, 3),
            "posting_count": self.posting_count,
            "resume_count": self.resume_count,
            "resume_sections": list(self.resume_sections),
            "matched_as": self.matched_as,
        }


@dataclass(frozen=True, slots=True)
class CategoryScore:
    name: str
    points: float  # earned, out of `weight`
    weight: float  # this category's share of 100 after leaving out what the posting does not ask
    detail: str

    @property
    def percent(self) -> int:
        return round(100 * self.points / self.weight) if self.weight else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": CATEGORY_LABELS[self.name],
            "percent": self.percent,
            "points": round(self.points, 2),
            "weight": round(self.weight, 2),
            "detail": self.detail,
        }


@dataclass(frozen=True, slots=True)
class MatchReport:
    score: int  # 0..100
    categories: tuple[CategoryScore, ...]
    matched: tuple[KeywordMatch, ...]  # matched and partially matched, most important first
    missing: tuple[KeywordMatch, ...]  # required first, then by weight
    advice: tuple[str, ...]
    method: str = METHOD

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "method": self.method,
            "categories": {c.name: c.to_dict() for c in self.categories},
            "matched": [m.to_dict() for m in self.matched],
            "missing": [m.to_dict() for m in self.missing],
            "advice": list(self.advice),
        }


@dataclass(frozen=True, slots=True)
class _ResumeTerm:
    count: int
    sections: tuple[str, ...]
    wording: str


@dataclass(slots=True)
class ResumeProfile:
    """What scoring needs of a resume, computed once so ranking many postings stays cheap."""

    resume: ResumeText
    terms: dict[str, _ResumeTerm]  # canonical name (lower case) → where and how often
    implied: dict[str, str]  # parent canonical (lower) → the resume term implying it
    ngrams: tuple[str, ...]  # lower-case 1–3 word phrases, for near-spelling matches
    words: frozenset[str]
    title_text: str  # position titles and the first lines, lower case
    max_repeats: int
    fuzzy_memo: dict[str, str | None] = field(default_factory=dict)


def profile_resume(resume: ResumeText) -> ResumeProfile:
    """Extract the resume's keywords once (the costly part of scoring)."""
    from bot.skills.extract import extract_keywords

    text = resume.text
    # The whole resume is "about the candidate", so no section-based filtering applies.
    whole = (Section(SectionKind.REQUIRED, 0, len(text)),)
    keywords = extract_keywords(text, CleanText.identity(text), whole, None)
    terms: dict[str, _ResumeTerm] = {}
    implied: dict[str, str] = {}
    max_repeats = 0
    for kw in keywords:
        sections = tuple(sorted({resume.section_at(m.start) for m in kw.mentions}))
        terms[kw.keyword.lower()] = _ResumeTerm(kw.count, sections, kw.mentions[0].text if kw.mentions else kw.keyword)
        max_repeats = max(max_repeats, kw.count)
        for parent in kw.parents:
            implied.setdefault(parent.lower(), kw.keyword)
    lowered = text.lower()
    tokens = WORD.findall(lowered)
    ngrams = {" ".join(tokens[i : i + n]) for n in (1, 2, 3) for i in range(len(tokens) - n + 1)}
    titles = [p.title for p in resume.positions if p.title]
    head = "\n".join(text.splitlines()[:8])
    return ResumeProfile(
        resume=resume,
        terms=terms,
        implied=implied,
        ngrams=tuple(sorted(g for g in ngrams if len(g) >= FUZZY_MIN_LENGTH)),
        words=frozenset(tokens),
        title_text=" \n".join([*titles, head]).lower(),
        max_repeats=max_repeats,
    )


def score(posting: Posting, resume: ResumeText | ResumeProfile) -> MatchReport:
    """The match report of one resume against one posting (same inputs, same report, always)."""
    profile = resume if isinstance(resume, ResumeProfile) else profile_resume(resume)
    matches = [_match_keyword(kw, profile) for kw in posting.keywords]
    categories = _categories(posting, profile, matches)
    total = sum(c.points for c in categories)
    order = _importance_order
    matched = tuple(sorted((m for m in matches if m.status != "missing"), key=order))
    missing = tuple(sorted((m for m in matches if m.status == "missing"), key=order))
    return MatchReport(
        score=max(0, min(100, round(total))),
        categories=tuple(categories),
        matched=matched,
        missing=missing,
        advice=tuple(_advice(posting, profile, matched, missing, categories)),
    )


def rank(
    resume: ResumeText | ResumeProfile, postings: Sequence[Posting], limit: int | None = None
) -> list[tuple[Posting, MatchReport]]:
    """Postings best first for one resume; ties keep the input order (deterministic).

    The resume is profiled once; each posting then costs dictionary look-ups only, and the
    near-spelling look-ups are memoised per keyword across postings.
    """
    profile = resume if isinstance(resume, ResumeProfile) else profile_resume(resume)
    reports = [(posting, score(posting, profile)) for posting in postings]
    order = sorted(range(len(reports)), key=lambda i: (-reports[i][1].score, i))
    chosen = order if limit is None else order[:limit]
    return [reports[i] for i in chosen]


def _bucket(kw: Keyword) -> str:
    if kw.category is Category.SOFT_SKILL:
        return "soft_skills"
    return "preferred_skills" if kw.required is False else "required_skills"


def _match_keyword(kw: Keyword, profile: ResumeProfile) -> KeywordMatch:
    key = kw.keyword.lower()
    term = profile.terms.get(key)
    status, credit, matched_as = "missing", 0.0, None
    resume_count = 0
    sections: tuple[str, ...] = ()
    if term is not None:
        resume_count, sections = term.count, term.sections
        used = any(s in USED_SECTIONS for s in term.sections) or not (set(term.sections) & {"skills"})
        credit = CREDIT_USED if used else CREDIT_LISTED
        status = "matched"
        if term.wording.lower() != key:
            matched_as = term.wording
    elif key in profile.implied:
        status, credit, matched_as = "partial", CREDIT_PARTIAL, profile.implied[key]
    else:
        near = _near_spelling(kw, profile)
        if near is not None:
            status, credit, matched_as = "partial", CREDIT_PARTIAL, near
    return KeywordMatch(
        keyword=kw.keyword,
        category=str(kw.category),
        bucket=_bucket(kw),
        required=kw.required,
        weight=kw.weight,
        status=status,
        credit=credit,
        posting_count=kw.count,
        resume_count=resume_count,
        resume_sections=sections,
        matched_as=matched_as,
    )


def _near_spelling(kw: Keyword, profile: ResumeProfile) -> str | None:
    name = kw.keyword.lower()
    if len(name) < FUZZY_MIN_LENGTH or not name[0].isalpha() or _is_case_sensitive(kw):
        return None
    if name in profile.fuzzy_memo:
        return profile.fuzzy_memo[name]
    best: str | None = None
    best_score = FUZZY_THRESHOLD
    for gram in profile.ngrams:
        if abs(len(gram) - len(name)) > 2 or gram[0] != name[0]:
            continue
        similarity = fuzz.ratio(name, gram)
        if similarity >= best_score and gram != name:
            best, best_score = gram, similarity
    profile.fuzzy_memo[name] = best
    return best


def _is_case_sensitive(kw: Keyword) -> bool:
    """Short names written with capitals in the posting (C, R, Go, SAS) never match fuzzily."""
    return any(m.text.isupper() or len(m.text) <= 3 for m in kw.mentions)


def _importance_order(m: KeywordMatch) -> tuple[int, float, str]:
    rank_of_bucket = {"required_skills": 0, "preferred_skills": 1, "soft_skills": 2}[m.bucket]
    return (rank_of_bucket, -m.weight, m.keyword.lower())


def _keyword_category(name: str, matches: list[KeywordMatch], weight: float) -> CategoryScore | None:
    chosen = [m for m in matches if m.bucket == name]
    if not chosen:
        return None
    total = sum(m.weight for m in chosen)
    earned = sum(m.weight * m.credit for m in chosen)
    full = sum(1 for m in chosen if m.status == "matched")
    partial = sum(1 for m in chosen if m.status == "partial")
    detail = f"{full} of {len(chosen)} found" + (f", {partial} partly" if partial else "")
    return CategoryScore(name, weight * earned / total if total else 0.0, weight, detail)


def _title_category(posting: Posting, profile: ResumeProfile, weight: float) -> CategoryScore | None:
    title = posting.fields.title
    if not title:
        return None
    role = " ".join(WORD.findall(TITLE_NOISE.sub(" ", title.lower())))
    if not role:
        return None
    role_words = role.split()
    found = [w for w in role_words if w in profile.words]
    similarity = max(
        (fuzz.token_set_ratio(role, line) for line in profile.title_text.splitlines() if line.strip()),
        default=0.0,
    )
    fraction = max(len(found) / len(role_words), similarity / 100.0)
    detail = f"'{title}': " + ("role words found" if fraction >= 0.99 else f"{round(100 * fraction)}% of the role")
    return CategoryScore("title", weight * fraction, weight, detail)


def _experience_category(posting: Posting, profile: ResumeProfile, weight: float) -> CategoryScore | None:
    wanted = posting.fields.years_min
    if wanted is None or wanted <= 0:
        return None
    have = profile.resume.total_years
    if have is None:
        return CategoryScore("experience", weight * 0.25, weight, f"{wanted:g}+ years asked; no dated positions found")
    fraction = min(1.0, have / wanted)
    return CategoryScore("experience", weight * fraction, weight, f"{have:.1f} years of {wanted:g}+ asked")


def _education_category(posting: Posting, profile: ResumeProfile, weight: float) -> CategoryScore | None:
    education = posting.fields.education
    if education is None or education.level not in DEGREE_RANK:
        return None
    wanted = DEGREE_RANK[education.level]
    have = max((DEGREE_RANK.get(d, 0) for d in profile.resume.degrees), default=0)
    fraction = 1.0 if have >= wanted else (0.5 if have == wanted - 1 else 0.0)
    if education.required is False and fraction < 1.0:
        fraction = max(fraction, 0.5)
    level = DEGREE_WORDS[education.level]
    detail = f"{level} asked; " + ("found" if have >= wanted else "not found")
    if education.fields:
        text = profile.resume.text.lower()
        if any(f.lower() in text for f in education.fields):
            detail += f"; field ({', '.join(education.fields)}) found"
        else:
            fraction *= 0.85
            detail += f"; field ({', '.join(education.fields)}) not found"
    return CategoryScore("education", weight * fraction, weight, detail)


def _health_category(profile: ResumeProfile, weight: float) -> CategoryScore:
    resume = profile.resume
    kinds = {s.kind for s in resume.sections}
    checks = {
        "text extracted": len(resume.text.strip()) >= 300,
        "standard headings": len(kinds & {"experience", "education", "skills"}) >= 2,
        "dated positions": bool(resume.positions),
        "contact details": resume.has_email or resume.has_phone,
        "no keyword stuffing": profile.max_repeats <= STUFFING_REPEATS,
    }
    passed = [name for name, ok in checks.items() if ok]
    failed = [name for name, ok in checks.items() if not ok]
    detail = f"{len(passed)} of {len(checks)} checks" + (f"; missing: {', '.join(failed)}" if failed else "")
    return CategoryScore("resume_health", weight * len(passed) / len(checks), weight, detail)


def _categories(posting: Posting, profile: ResumeProfile, matches: list[KeywordMatch]) -> list[CategoryScore]:
    """Score each category at its nominal weight, then rescale so the applicable ones sum to 100."""
    raw: list[CategoryScore] = []
    for name in ("required_skills", "preferred_skills", "soft_skills"):
        cat = _keyword_category(name, matches, WEIGHTS[name])
        if cat is not None:
            raw.append(cat)
    for name, maker in (
        ("title", _title_category),
        ("experience", _experience_category),
        ("education", _education_category),
    ):
        cat = maker(posting, profile, WEIGHTS[name])
        if cat is not None:
            raw.append(cat)
    raw.append(_health_category(profile, WEIGHTS["resume_health"]))
    scale = 100.0 / sum(c.weight for c in raw)
    return [CategoryScore(c.name, c.points * scale, c.weight * scale, c.detail) for c in raw]


def _advice(
    posting: Posting,
    profile: ResumeProfile,
    matched: Iterable[KeywordMatch],
    missing: Sequence[KeywordMatch],
    categories: Sequence[CategoryScore],
) -> list[str]:
    """Concrete next steps, missing required terms first. Never suggests claiming a skill."""
    advice: list[str] = []
    by_name = {k.keyword: k for k in posting.keywords}
    required_missing = [m for m in missing if m.bucket == "required_skills"]
    for m in required_missing[:6]:
        where = SECTION_ADVICE[_category_of(by_name, m)]
        advice.append(f"Required: '{m.keyword}' is not in your resume. If you have used it, name it in {where}.")
    for m in matched:
        if m.status == "partial" and m.bucket == "required_skills" and m.matched_as:
            advice.append(
                f"'{m.keyword}' is asked; your resume says '{m.matched_as}'. "
                f"If you also know '{m.keyword}', use the posting's wording."
            )
        elif m.status == "matched" and m.bucket == "required_skills" and m.credit < CREDIT_USED:
            advice.append(
                f"'{m.keyword}' appears only in your skills list: show where you used it in an experience bullet."
            )
        if len(advice) >= 10:
            break
    for m in (m for m in missing if m.bucket == "preferred_skills"):
        if len(advice) >= 12:
            break
        advice.append(f"Nice to have: '{m.keyword}'. Mention it only if you have real experience with it.")
    for cat in categories:
        if cat.name == "experience" and cat.percent < 100:
            advice.append(f"Experience: {cat.detail}. Make sure every position shows its start and end dates.")
        elif cat.name == "resume_health" and "missing" in cat.detail:
            advice.append(f"Resume health: {cat.detail.split('missing: ')[1]}.")
    if profile.max_repeats > STUFFING_REPEATS:
        advice.append("Some terms are repeated many times; repetition earns nothing and reads as keyword stuffing.")
    return advice


def _category_of(by_name: dict[str, Keyword], m: KeywordMatch) -> Category:
    kw = by_name.get(m.keyword)
    return kw.category if kw is not None else Category.OTHER


def format_report_text(report: MatchReport) -> str:
    """The report as a person reads it in a terminal."""
    lines = [f"Match score: {report.score}/100   (method {report.method})", ""]
    for c in report.categories:
        lines.append(f"  {CATEGORY_LABELS[c.name]:<20} {c.points:5.1f} / {c.weight:4.1f}   {c.detail}")
    if report.matched:
        lines += ["", "Matched:"]
        for m in report.matched:
            how = f" (as '{m.matched_as}')" if m.matched_as else ""
            where = f" in {', '.join(m.resume_sections)}" if m.resume_sections else ""
            mark = "~" if m.status == "partial" else "+"
            lines.append(f"  {mark} {m.keyword}{how}{where}")
    if report.missing:
        lines += ["", "Missing:"]
        for m in report.missing:
            tag = {"required_skills": "required", "preferred_skills": "nice to have", "soft_skills": "soft skill"}
            lines.append(f"  - {m.keyword} ({tag[m.bucket]}, {m.posting_count}x in the posting)")
    if report.advice:
        lines += ["", "Advice:"]
        lines += [f"  {i}. {a}" for i, a in enumerate(report.advice, 1)]
    return "\n".join(lines)


def format_ranking_text(rows: Sequence[tuple[str, Posting, MatchReport]]) -> str:
    """`jobbot match` text: one line per posting, best first."""
    if not rows:
        return "No postings to rank."
    lines = []
    for i, (label, posting, report) in enumerate(rows, 1):
        f = posting.fields
        what = " — ".join(x for x in (f.title, f.company) if x) or "(untitled posting)"
        lines.append(f"{i:>3}. {report.score:>3}/100  {what}  [{label}]")
        if report.missing:
            top = ", ".join(m.keyword for m in report.missing[:5])
            lines.append(f"       missing: {top}")
    return "\n".join(lines)


@lru_cache(maxsize=1)
def method_description() -> str:
    """The method's documentation, for help texts that explain the score."""
    return (__doc__ or "").strip()
