"""Years of experience: "10+ years", "3–5 years", "at least three years", "5 or more years",
"minimum of 2 years", "mindestens 3 Jahre".

A figure counts only when experience is what it measures: "experience", "background", "track
record" (or the German/Danish/French words) close after it, or "experience" just before it
("Experience: 3+ years"). "4-year degree", "10 years in business" and "for 3 years" without
experience nearby are ignored.
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import re
from collections.abc import Iterator

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "a": 1, "an": 1,
    "ein": 1, "einem": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "et": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5,
    "un": 1, "deux": 2, "trois": 3, "cinq": 5,
}  # fmt: skip
_NUM = r"(?:\d{1,2}(?:[.,]5)?|" + "|".join(sorted((w for w in _WORDS if len(w) > 2), key=len, reverse=True)) + ")"
_UNIT = r"(?:years?|yrs?|jahre?n?|års?|ans|année?s?|jaar|años)\b"
_UNIT_ONLY = re.compile(r"(?<!\w)" + _UNIT, re.IGNORECASE)
_YEARS = re.compile(
    r"(?<![\w.])(?P<lead>at least|a minimum of|minimum(?: of)?|min\.?|no less than|more than|over|in excess of|mindestens"
    r"|minimal|mindst|minimum|au moins|minst|up to|no more than|maximum(?: of)?)?\s*"
    r"\(?(?<![\w.])(?P<a>" + _NUM + r")\)?"
    r"(?:\s*(?:-|–|—|to|bis|til|à|or)\s*\(?(?P<b>" + _NUM + r")\)?)?"
    r"(?P<plus>\s*\+)?(?P<more0>\s*or more)?\s*" + _UNIT + r"(?P<plus2>\s*\+)?"
    r"(?P<more>\s*(?:or more|or longer|and above|and up|minimum|at minimum|at least|or greater))?",
    re.IGNORECASE,
)
_EXPERIENCE_AFTER = re.compile(
    r"experien|\bexp\b|erfahrung|erfaring|erfarenhet|expérience|ervaring|experiencia|background|track record|in the (?:field|industry)"
    r"|post[- ]qualification|of (?:professional|relevant|hands-on|industry|clinical|commercial|practical|progressive|proven)"
    r"|^\s*(?:of|in|with|using)\s+(?-i:[A-Z])|^\s*(?:of\s+)?(?:working|developing|building|managing|leading|selling|designing|programming|writing|using"
    r"|teaching|nursing|with\s+\w|as\s+an?\s|in\s+(?:a\s+|an\s+|the\s+)?(?:[\w/-]+\s+){0,5}(?:role|position|setting"
    r"|environment|capacity|field|industry|team|company|organi[sz]ation|unit|hospital|trade)s?\b)",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;\n]")
_EXPERIENCE_BEFORE = re.compile(r"experien|erfahrung|erfaring|expérience|ervaring", re.IGNORECASE)
_NOT_EXPERIENCE = re.compile(
    r"\s*(?:-|\s)?(?:old|of age|degree|program|programme|course|warranty|contract|of service|in business|history|ago"
    r"|guarantee|apprenticeship|of (?:tuition|funding|growth|operation|existence))\b",
    re.IGNORECASE,
)


YEAR_TRIGGERS = frozenset(
    (
        "year",
        "years",
        "yr",
        "yrs",
        "jahr",
        "jahre",
        "jahren",
        "år",
        "års",
        "ans",
        "année",
        "années",
        "jaar",
        "jaren",
        "años",
    )
)


def _value(text: str) -> float:
    low = text.lower()
    if low in _WORDS:
        return float(_WORDS[low])
    return float(low.replace(",", "."))


MAX_UNITS = 300
"""Mentions of "years" examined per line: bounded work on a line that repeats it 50,000 times."""


def year_mentions(
    text: str, start: int = 0, end: int | None = None
) -> Iterator[tuple[int, float | None, float | None]]:
    """(offset, min, max) for each experience requirement stated in text[start:end]."""
    stop = len(text) if end is None else end
    seen: set[int] = set()
    for count, unit in enumerate(_UNIT_ONLY.finditer(text, start, stop)):
        if count >= MAX_UNITS:
            return
        for m in _YEARS.finditer(text, max(start, unit.start() - 70), min(stop, unit.end() + 20)):
            if m.start() <= unit.start() < m.end() and m.start() not in seen:
                seen.add(m.start())
                mention = _mention(text, m, start, stop)
                if mention is not None:
                    yield mention


def _mention(text: str, m: re.Match[str], start: int, stop: int) -> tuple[int, float | None, float | None] | None:
    """The requirement one figure states, if experience is what it measures."""
    if _NOT_EXPERIENCE.match(text, m.end()) or m.group().rstrip()[-1:] == "-":
        return None
    after = text[m.end() : min(m.end() + 70, stop)]
    clause_end = _CLAUSE_END.search(after)
    after = after[: clause_end.start()] if clause_end else after
    before = text[max(start, m.start() - 40) : m.start()]
    if not _EXPERIENCE_BEFORE.search(before):
        duration = before.endswith(("for ", "For "))  # "lived for 3 years in Berlin"
        if duration or not _EXPERIENCE_AFTER.search(after):
            return None
    low = _value(m.group("a"))
    high = _value(m.group("b")) if m.group("b") else None
    lead = (m.group("lead") or "").lower()
    if high is not None and high < low:
        return None
    if lead.startswith(("up to", "no more", "maximum")) and high is None:
        return m.start(), None, low
    if high is not None and " or " in m.group().lower() and not m.group("more"):
        return m.start(), low, None  # "2 or 3 years": at least two
    return m.start(), low, high
