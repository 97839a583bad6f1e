"""Posting × resume → MatchReport: a documented, versioned, explainable match score.

Method `jobbot-match/2` (change METHOD when the numbers a user sees would change):

The score is the sum of category points out of 100. Each category has a nominal weight; a
category the posting says nothing about (no years or level, no education) is left out and its
weight is shared among the others in proportion, so an unstated requirement never costs anything. A skill
category holding less than BUCKET_FULL_WEIGHT of keyword weight (about two ordinary keywords) has
its weight cut in proportion, so one "Hebrew is an advantage" cannot be worth 15 points.

| category         | weight | what earns it |
|------------------|-------:|---------------|
| required skills  |     40 | posting keywords that are required or unmarked (not soft skills), by keyword weight |
| preferred skills |     15 | posting keywords marked preferred / nice to have |
| soft skills      |      5 | soft-skill keywords of the posting |
| title            |     10 | the posting's role words in the resume's headline and position titles |
| experience       |     10 | resume's years against the posting's minimum, and the level (junior/mid/senior) fit |
| education        |     10 | highest degree against the posting's level; field of study |
| resume health    |     10 | text extracted, standard headings, dated positions, contact details |

Per keyword, credit is 1.0 when the resume uses the term outside a bare skills list (experience,
projects, summary), 0.7 when it appears only in a skills list (a list proves less than use), and
0.5 for a partial match: a more specific term of the same family (the resume says Django where
Python is asked) or a near spelling (rapidfuzz ratio ≥ 90, only for names of 5+ characters, never
for case-sensitive or short names such as C, R or Go). Credit never grows with repetition: the
20th "Python" earns nothing, so keyword stuffing does not pay, and a resume repeating a term more
than STUFFING_REPEATS times gets a resume-health warning instead.

A keyword counts with its posting weight times a prior for how much it tells fields apart:
spoken languages, degrees and fields of study (asked by postings of every field) count 0.3,
practices (Agile, code review) 0.7, named technologies, tools, certifications and domains 1.0;
a keyword the posting's title names (the Java of "Java Developer") counts double.

Title: role words of the posting title (seniority and contract words removed, "front end" and
"front-end" read as "frontend") found in the resume's headline or position titles earn full
credit, elsewhere in the resume half; generic role nouns (developer, engineer, analyst, manager)
count 0.3 of a specific word (Java, frontend, nurse), so "Java Developer" is mostly about Java.

Experience: years as a fraction of the posting's minimum, times the level fit. The posting's
level comes from its seniority, else its minimum years (up to 2 junior, up to 4 mid, else senior);
the resume's from a junior/senior word in its first lines, else the years it states there ("6+
years of experience"), else its dated positions (< 2 years junior, < 5 mid, else senior). One
step apart keeps 75%, two steps (a senior resume on a junior posting or the reverse) 40%.

Experience and education count only as far as the resume is in the posting's field: their points
are multiplied by min(1, skill match / 0.5), the skill match being the prior-weighted credit over
the posting's non-soft keywords. Ten years as a backend engineer and a degree earn nothing towards
a nursing posting, so postings of the resume's own field rank first. The title is not gated: a
matching title is itself evidence of the field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
from rapidfuzz import fuzz, process

from bot.postings.model import CleanText, Education, Posting, PostingFields, Section, SectionKind
from bot.resumes.model import ResumeText
from bot.skills.model import Category, Keyword

if TYPE_CHECKING:
    from bot.ranking import RankingIndex

METHOD = "jobbot-match/2"

WEIGHTS: dict[str, float] = {
    "required_skills": 40.0,
    "preferred_skills": 15.0,
    "soft_skills": 5.0,
    "title": 10.0,
    "experience": 10.0,
    "education": 10.0,
    "resume_health": 10.0,
}
BUCKETS = ("required_skills", "preferred_skills", "soft_skills")
CATEGORY_LABELS = {
    "required_skills": "Required skills",
    "preferred_skills": "Preferred skills",
    "soft_skills": "Soft skills",
    "title": "Job title",
    "experience": "Experience",
    "education": "Education",
    "resume_health": "Resume health",
}

CREDIT_USED = 1.0
CREDIT_LISTED = 0.7
CREDIT_PARTIAL = 0.5
FUZZY_MIN_LENGTH = 5
FUZZY_THRESHOLD = 90.0
STUFFING_REPEATS = 12
RELEVANCE_FULL_AT = 0.5  # skill match fraction at which experience and education count in full
CATEGORY_PRIOR = {Category.LANGUAGE: 0.3, Category.EDUCATION: 0.3, Category.PRACTICE: 0.7}
GENERIC_ROLE_WEIGHT = 0.3
TITLE_TERM_BOOST = 2.0
BUCKET_FULL_WEIGHT = 1.0  # keyword weight at which a skill category counts at its full weight
TITLE_ELSEWHERE_CREDIT = 0.5
LEVEL_FIT = (1.0, 0.75, 0.4)  # by steps between the posting's level and the resume's
LEVEL_NAMES = ("junior", "mid", "senior")
HEAD_CHARS = 600  # the resume's opening, where people state their years ("6+ years of experience")
HEADLINE_LINES = 5  # the first non-empty lines, where people name their role and level
HEADLINE_LINE_CHARS = 100

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
ROLE_PHRASES = (  # spellings of one role word, folded before splitting a title into words
    (re.compile(r"\bfront[\s-]+end\b"), "frontend"),
    (re.compile(r"\bback[\s-]+end\b"), "backend"),
    (re.compile(r"\bfull[\s-]+stack\b"), "fullstack"),
    (re.compile(r"\bdev[\s-]*ops\b"), "devops"),
    (re.compile(r"\bquality assurance\b"), "qa"),
)
ROLE_SYNONYMS = {"golang": "go", "unity3d": "unity", "dev": "developer", "programmer": "developer", "rn": "nurse"}
GENERIC_ROLE_WORDS = frozenset({
    "developer", "engineer", "software", "analyst", "manager", "specialist", "consultant", "officer", "assistant",
    "associate", "technician", "architect", "administrator", "expert", "professional", "team", "member", "worker",
    "operator", "coordinator", "executive", "web", "application", "applications", "systems", "system",
})  # fmt: skip
SENIORITY_LEVEL = {
    "intern": 0, "junior": 0, "mid": 1, "senior": 2, "lead": 2, "staff": 2, "principal": 2,
    "manager": 2, "director": 2, "executive": 2,
}  # fmt: skip
CLAIMED_YEARS = re.compile(r"\b(\d{1,2})(?:[.,]\d)?\s*\+?\s*-?\s*(?:years?|yrs)\b(?!\s+old)", re.IGNORECASE)
HEADLINE_LEVEL = (
    (re.compile(r"\b(junior|jr\.?|intern|trainee|entry[- ]level|graduate)\b", re.IGNORECASE), 0),
    (re.compile(r"\b(senior|sr\.?|lead|principal|staff|head of)\b", re.IGNORECASE), 2),
)


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
    words: frozenset[str]  # role-normalised words of the whole resume
    title_words: frozenset[str]  # role-normalised words of the headline and position titles
    level: int | None  # 0 junior, 1 mid, 2 senior
    level_reason: str
    max_repeats: int
    text_lower: str
    memo: dict[Any, Any] = field(default_factory=dict)  # per-resume answers reused across postings


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
    headline = "\n".join(
        [line.strip()[:HEADLINE_LINE_CHARS] for line in text.splitlines() if line.strip()][:HEADLINE_LINES]
    )
    titles = [p.title for p in resume.positions if p.title]
    level, reason = _resume_level(resume, headline, text[:HEAD_CHARS])
    return ResumeProfile(
        resume=resume,
        terms=terms,
        implied=implied,
        ngrams=tuple(sorted(g for g in ngrams if len(g) >= FUZZY_MIN_LENGTH)),
        words=frozenset(role_words(text)),
        title_words=frozenset(role_words("\n".join([*titles, headline]))),
        level=level,
        level_reason=reason,
        max_repeats=max_repeats,
        text_lower=lowered,
    )


def role_words(text: str) -> tuple[str, ...]:
    """Lower-case words with one spelling per role word ("Front-End" → "frontend", "Golang" → "go")."""
    low = text.lower()
    for pattern, replacement in ROLE_PHRASES:
        low = pattern.sub(replacement, low)
    return tuple(ROLE_SYNONYMS.get(w, w) for w in WORD.findall(low))


@lru_cache(maxsize=65536)
def title_role(title: str | None) -> tuple[str, ...]:
    """The role words of a posting title: seniority, contract and filler words removed, each once."""
    if not title:
        return ()
    low = title.lower()
    for pattern, replacement in ROLE_PHRASES:
        low = pattern.sub(replacement, low)
    return tuple(dict.fromkeys(role_words(TITLE_NOISE.sub(" ", low))))


def _years_level(years: float) -> int:
    return 0 if years < 2 else (1 if years < 5 else 2)


def _resume_level(resume: ResumeText, headline: str, head: str) -> tuple[int | None, str]:
    """The level a resume presents: its headline word, else the years it claims, else its dated positions."""
    found = [(m.start(), level, m.group(0)) for pattern, level in HEADLINE_LEVEL for m in pattern.finditer(headline)]
    if found:
        _, level, word = min(found)
        return level, f"'{word}' in the resume's first lines"
    claimed = CLAIMED_YEARS.search(head)
    if claimed:
        years = float(claimed.group(1))
        return _years_level(years), f"{years:g} years stated in the resume"
    if resume.total_years is not None:
        return _years_level(resume.total_years), f"{resume.total_years:.1f} years of dated positions"
    return None, "no level found"


def posting_level(fields: PostingFields) -> int | None:
    """0 junior, 1 mid, 2 senior: the posting's seniority, else its minimum years (a minimum, so 2+ is junior)."""
    if fields.seniority in SENIORITY_LEVEL:
        return SENIORITY_LEVEL[fields.seniority]
    if fields.years_min is not None:
        return 0 if fields.years_min <= 2 else (1 if fields.years_min < 5 else 2)
    return None


def score(posting: Posting, resume: ResumeText | ResumeProfile) -> MatchReport:
    """The match report of one resume against one posting (same inputs, same report, always)."""
    profile = resume if isinstance(resume, ResumeProfile) else profile_resume(resume)
    role = frozenset(title_role(posting.fields.title))
    matches = [_match_keyword(kw, profile, role) for kw in posting.keywords]
    categories = _categories(posting, profile, matches)
    total = sum(c.points for c in categories)
    order = _importance_order
    matched = tuple(sorted((m for m in matches if m.status != "missing"), key=order))
    missing = tuple(sorted((m for m in matches if m.status == "missing"), key=order))
    return MatchReport(
        score=final_score(total),
        categories=tuple(categories),
        matched=matched,
        missing=missing,
        advice=tuple(_advice(posting, profile, matched, missing, categories)),
    )


def final_score(total: float) -> int:
    """Points → the 0..100 integer shown; half points round up (the ranking index does the same)."""
    return max(0, min(100, int(total + 0.5)))


def rank(
    resume: ResumeText | ResumeProfile, postings: Sequence[Posting] | RankingIndex, limit: int | None = None
) -> list[tuple[Posting, MatchReport]]:
    """Postings best first for one resume (by exact total); exact ties keep the input order.

    Scores come from a `bot.ranking.RankingIndex` (built once per posting list and cached; pass
    one to keep it yourself); full reports are built only for the postings returned.
    """
    from bot.ranking import RankingIndex, index_for

    index = postings if isinstance(postings, RankingIndex) else index_for(postings)
    return index.rank(resume, limit)


def bucket_of(kw: Keyword) -> str:
    if kw.category is Category.SOFT_SKILL:
        return "soft_skills"
    return "preferred_skills" if kw.required is False else "required_skills"


def effective_weight(kw: Keyword, role: frozenset[str]) -> float:
    """The keyword's weight in its category: the posting's weight times the field-telling prior,
    doubled when the posting's title names it (the Java of "Java Developer")."""
    weight = kw.weight * CATEGORY_PRIOR.get(kw.category, 1.0)
    if role:
        for mention in kw.mentions:
            if _names_role(mention.text, role):
                return weight * TITLE_TERM_BOOST
    return weight


@lru_cache(maxsize=65536)
def _names_role(text: str, role: frozenset[str]) -> bool:
    """True when a mention's words are all role words of the title and not only generic ones."""
    low = text.lower()
    if not any(word in low for word in role if word not in GENERIC_ROLE_WORDS):
        return False  # the common case, without a regex
    words = set(role_words(text))
    return bool(words) and words <= role and not words <= GENERIC_ROLE_WORDS


def fuzzy_allowed(kw: Keyword) -> bool:
    """Near spellings only for long names never written in capitals (C, R, Go, SAS never match fuzzily)."""
    name = kw.keyword
    if len(name) < FUZZY_MIN_LENGTH or not name[0].isalpha():
        return False
    for mention in kw.mentions:
        text = mention.text
        if len(text) <= 3 or text.isupper():
            return False
    return True


def keyword_credit(key: str, fuzzy_ok: bool, profile: ResumeProfile) -> tuple[str, float, str | None]:
    """(status, credit, the resume's wording when it differs) for a canonical name (lower case)."""
    term = profile.terms.get(key)
    if term is not None:
        used = bool(set(term.sections) - {"skills"})  # anywhere but a bare skills list
        wording = term.wording if term.wording.lower() != key else None
        return "matched", (CREDIT_USED if used else CREDIT_LISTED), wording
    if key in profile.implied:
        return "partial", CREDIT_PARTIAL, profile.implied[key]
    near = near_spellings((key,), profile)[key] if fuzzy_ok else None
    if near is not None:
        return "partial", CREDIT_PARTIAL, near
    return "missing", 0.0, None


def _match_keyword(kw: Keyword, profile: ResumeProfile, role: frozenset[str]) -> KeywordMatch:
    key = kw.keyword.lower()
    status, credit, matched_as = keyword_credit(key, fuzzy_allowed(kw), profile)
    term = profile.terms.get(key) if status == "matched" else None
    return KeywordMatch(
        keyword=kw.keyword,
        category=str(kw.category),
        bucket=bucket_of(kw),
        required=kw.required,
        weight=effective_weight(kw, role),
        status=status,
        credit=credit,
        posting_count=kw.count,
        resume_count=term.count if term else 0,
        resume_sections=term.sections if term else (),
        matched_as=matched_as,
    )


def near_spellings(names: Iterable[str], profile: ResumeProfile) -> dict[str, str | None]:
    """The resume's closest near spelling of each name (lower case), or None; memoised per resume.

    A candidate is a 1–3 word phrase of the resume with the same first letter, at most two
    characters longer or shorter, and a rapidfuzz ratio of at least FUZZY_THRESHOLD; the best
    ratio wins, ties to the first phrase in sorted order. Names are compared in batches per first
    letter in rapidfuzz's C code, so ranking thousands of postings stays fast.
    """
    wanted = list(dict.fromkeys(names))
    todo: dict[str, list[str]] = {}
    for name in wanted:
        if ("near", name) not in profile.memo:
            todo.setdefault(name[:1], []).append(name)
    by_first: dict[str, tuple[str, ...]] = profile.memo.get("grams by first letter") or _grams_by_first(profile)
    for first, group in todo.items():
        grams = by_first.get(first, ())
        if not grams:
            profile.memo.update({("near", name): None for name in group})
            continue
        similarity = process.cdist(group, grams, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD, dtype=np.float64)
        gram_lengths = np.fromiter((len(g) for g in grams), dtype=np.int64, count=len(grams))
        for row, name in enumerate(group):
            scores = np.where(np.abs(gram_lengths - len(name)) <= 2, similarity[row], 0.0)
            best = int(np.argmax(scores))
            ok = scores[best] >= FUZZY_THRESHOLD and grams[best] != name
            profile.memo[("near", name)] = grams[best] if ok else None
    return {name: profile.memo[("near", name)] for name in wanted}


def _grams_by_first(profile: ResumeProfile) -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for gram in profile.ngrams:
        groups.setdefault(gram[:1], []).append(gram)
    by_first = {first: tuple(grams) for first, grams in groups.items()}
    profile.memo["grams by first letter"] = by_first
    return by_first


def _importance_order(m: KeywordMatch) -> tuple[int, float, str]:
    return (BUCKETS.index(m.bucket), -m.weight, m.keyword.lower())


def _keyword_category(name: str, matches: list[KeywordMatch], weight: float) -> CategoryScore | None:
    chosen = [m for m in matches if m.bucket == name]
    if not chosen:
        return None
    total = sum(m.weight for m in chosen)
    earned = sum(m.weight * m.credit for m in chosen)
    full = sum(1 for m in chosen if m.status == "matched")
    partial = sum(1 for m in chosen if m.status == "partial")
    detail = f"{full} of {len(chosen)} found" + (f", {partial} partly" if partial else "")
    weight = weight * min(1.0, total / BUCKET_FULL_WEIGHT)  # a bucket holding little weighs little
    return CategoryScore(name, weight * earned / total if total else 0.0, weight, detail)


def title_fraction(role: tuple[str, ...], profile: ResumeProfile) -> float:
    """How much of the posting's role the resume's titles carry (0..1), specific words counting most."""
    memo_key = ("title", role)
    if memo_key in profile.memo:
        cached: float = profile.memo[memo_key]
        return cached
    total = earned = 0.0
    for word in role:
        weight = GENERIC_ROLE_WEIGHT if word in GENERIC_ROLE_WORDS else 1.0
        total += weight
        if word in profile.title_words:
            earned += weight
        elif word in profile.words:
            earned += weight * TITLE_ELSEWHERE_CREDIT
    fraction = earned / total if total else 0.0
    profile.memo[memo_key] = fraction
    return fraction


def _title_category(posting: Posting, profile: ResumeProfile, weight: float) -> CategoryScore | None:
    role = title_role(posting.fields.title)
    if not role:
        return None
    fraction = title_fraction(role, profile)
    detail = f"'{posting.fields.title}': " + (
        "role words found in your titles" if fraction >= 0.99 else f"{round(100 * fraction)}% of the role"
    )
    return CategoryScore("title", weight * fraction, weight, detail)


def experience_fraction(years_min: float | None, level: int | None, profile: ResumeProfile) -> tuple[float, str] | None:
    """(fraction, explanation) of the experience category, None when the posting states neither."""
    wanted = years_min if years_min is not None and years_min > 0 else None
    if wanted is None and level is None:
        return None
    parts: list[str] = []
    fraction = 1.0
    if wanted is not None:
        have = profile.resume.total_years
        if have is None:
            fraction = 0.25
            parts.append(f"{wanted:g}+ years asked; no dated positions found")
        else:
            fraction = min(1.0, have / wanted)
            parts.append(f"{have:.1f} years of {wanted:g}+ asked")
    if level is not None and profile.level is not None:
        steps = abs(level - profile.level)
        fraction *= LEVEL_FIT[steps]
        if steps:
            parts.append(
                f"a {LEVEL_NAMES[level]} role; your resume reads {LEVEL_NAMES[profile.level]} ({profile.level_reason})"
            )
        else:
            parts.append(f"{LEVEL_NAMES[level]} level fits")
    return fraction, "; ".join(parts)


def _experience_category(posting: Posting, profile: ResumeProfile, weight: float) -> CategoryScore | None:
    found = experience_fraction(posting.fields.years_min, posting_level(posting.fields), profile)
    if found is None:
        return None
    return CategoryScore("experience", weight * found[0], weight, found[1])


def education_fraction(education: Education | None, profile: ResumeProfile) -> tuple[float, str] | None:
    """(fraction, explanation) of the education category, None when the posting asks no degree level."""
    if education is None or education.level not in DEGREE_RANK:
        return None
    wanted = DEGREE_RANK[education.level]
    have = max((DEGREE_RANK.get(d, 0) for d in profile.resume.degrees), default=0)
    fraction = 1.0 if have >= wanted else (0.5 if have == wanted - 1 else 0.0)
    if education.required is False and fraction < 1.0:
        fraction = max(fraction, 0.5)
    detail = f"{DEGREE_WORDS[education.level]} asked; " + ("found" if have >= wanted else "not found")
    if education.fields:
        named = ", ".join(education.fields)
        if any(f.lower() in profile.text_lower for f in education.fields):
            detail += f"; field ({named}) found"
        else:
            fraction *= 0.6
            detail += f"; field ({named}) not found"
    return fraction, detail


def _education_category(posting: Posting, profile: ResumeProfile, weight: float) -> CategoryScore | None:
    found = education_fraction(posting.fields.education, profile)
    if found is None:
        return None
    return CategoryScore("education", weight * found[0], weight, found[1])


def health_category(profile: ResumeProfile) -> CategoryScore:
    """Resume health depends on the resume alone (the same points for every posting)."""
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
    weight = WEIGHTS["resume_health"]
    return CategoryScore("resume_health", weight * len(passed) / len(checks), weight, detail)


def _categories(posting: Posting, profile: ResumeProfile, matches: list[KeywordMatch]) -> list[CategoryScore]:
    """Score each category at its nominal weight, then rescale so the applicable ones sum to 100."""
    raw: list[CategoryScore] = []
    for name in BUCKETS:
        cat = _keyword_category(name, matches, WEIGHTS[name])
        if cat is not None:
            raw.append(cat)
    title = _title_category(posting, profile, WEIGHTS["title"])  # the title is evidence of the field itself
    if title is not None:
        raw.append(title)
    gate = relevance(matches)
    for name, maker in (
        ("experience", _experience_category),
        ("education", _education_category),
    ):
        cat = maker(posting, profile, WEIGHTS[name])
        if cat is not None:
            raw.append(_gated(cat, gate))
    raw.append(health_category(profile))
    scale = 100.0 / sum(c.weight for c in raw)
    return [CategoryScore(c.name, c.points * scale, c.weight * scale, c.detail) for c in raw]


def relevance(matches: Iterable[KeywordMatch]) -> float:
    """How far the resume is in the posting's field, from its prior-weighted hard-skill match (0..1)."""
    hard = [m for m in matches if m.bucket != "soft_skills"]
    total = sum(m.weight for m in hard)
    if not total:
        return 1.0
    return gate_of(sum(m.weight * m.credit for m in hard) / total)


def gate_of(match_fraction: float) -> float:
    return min(1.0, match_fraction / RELEVANCE_FULL_AT)


def _gated(category: CategoryScore, gate: float) -> CategoryScore:
    if gate >= 1.0:
        return category
    note = f"; counted at {round(100 * gate)}% because few of the posting's skills match"
    return CategoryScore(category.name, category.points * gate, category.weight, category.detail + note)


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
        if m.category == Category.EDUCATION:
            continue  # degrees are weighed by the education category, not by their wording
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
            wanted, have = posting.fields.years_min, profile.resume.total_years
            short = wanted is not None and wanted > 0 and (have is None or have < wanted)
            dates = " Make sure every position shows its start and end dates." if short else ""
            advice.append(f"Experience: {cat.detail.split('; counted at')[0]}.{dates}")
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
