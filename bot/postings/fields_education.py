"""Education: degree level ("Bachelor's", "BSc", "MS", "PhD", "high school diploma", "trade
certificate") and fields of study ("in Computer Science, Statistics or a related field").

A bare "degree" gives fields but no level: the level is never guessed.
"""

# ruff: noqa: E501 - regular expressions of phrase lists read better unwrapped

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

LEVEL_ORDER = ("high_school", "certificate", "associate", "bachelor", "master", "doctorate")

_LEVELS: tuple[tuple[str, str], ...] = (
    ("doctorate", r"ph\.?\s?d\.?|doctorate|doctoral degree|doctor of (?:pharmacy|nursing practice|medicine|philosophy)|pharmd|doktor(?:grad|at)?|dr\. rer\. nat"),
    ("master", r"master['’]?s?(?: degree)?(?: of (?:science|arts|business administration|fine arts|applied science))?|m\.sc\.?|msc|m\.s\.|ms(?= in\b| or\b| degree\b|/)|m\.a\.(?= in\b)|mba|m\.eng\.?|meng"
     r"|msn|graduate degree|postgraduate degree|diplom(?:-ingenieur)?|kandidatgrad|cand\.\s?\w+|kandidat(?:uddannelse)?"
     r"|bac\s?\+\s?5"),
    ("bachelor", r"bachelor['’]?s?(?: degree)?(?: of (?:science|arts|applied science|business administration|fine arts|commerce))?|b\.sc\.?|bsc|b\.s\.|bs(?= in\b| or\b| degree\b|/)|b\.a\.|ba(?= in\b| degree\b)"
     r"|b\.eng\.?|beng|bsn|undergraduate degree|(?:4|four)[- ]year (?:college |university )?degree"
     r"|(?:university|college|academic) degree|hochschulabschluss|abgeschlossenes studium|bac\s?\+\s?3|professionsbachelor"),
    ("associate", r"associate['’]?s? degree|associate of (?:arts|science|applied science)|a\.a\.s?\.|adn|(?:2|two)[- ]year degree"),
    ("high_school", r"high school(?: diploma)?|ged|secondary school|a-levels|abitur|gcses?"),
    ("certificate", r"(?:trade|vocational|technical|journeyman|apprenticeship) (?:certificate|diploma|qualification|ticket)"
     r"|completed apprenticeship|abgeschlossene (?:berufs)?ausbildung|red seal|certificate (?:in|of) [A-Z]\w+"
     r"|nvq(?: level \d)?|city (?:and|&) guilds"),
)  # fmt: skip
_LEVEL = re.compile(
    r"(?<![\w.])(?:" + "|".join(f"(?P<{name}>{pattern})" for name, pattern in _LEVELS) + r")(?![\w])",
    re.IGNORECASE,
)
_SECOND_LEVEL = re.compile(r"(?:\s*(?:/|or|and|,)\s*(?:" + _LEVEL.pattern + r"))*", re.IGNORECASE)
_BARE_DEGREE = re.compile(r"\bdegree\b", re.IGNORECASE)
_FIELDS = re.compile(
    r"(?:\s+degree)?\s*(?:\([^)]{0,20}\)\s*)?(?:in|of|within|der|des|im bereich|i|en)\s+(?:the\s+)?(?:field\s+of\s+)?",
    re.IGNORECASE,
)
_FIELD_STOP = re.compile(
    r"\s+(?:is|are|preferred|required|or higher|with|from|plus|as well|strongly|ideally|and/or (?:equivalent|relevant)"
    r"|or (?:an?\s+|any\s+|other\s+)?(?:related|equivalent|similar|relevant|comparable|another)|and (?:\d|at least|experience)"
    r"|or equivalent|desired|a must|required)\b|[.;:(\n]|,\s+(?:or|and)\s+(?:an?\s+)?(?:related|equivalent|relevant|similar)"
    r"|,\s+(?:ideally|preferably|or equivalent|plus|with)",
    re.IGNORECASE,
)
_FIELD_SPLIT = re.compile(r"\s*(?:,|/|\b(?:or|and|oder|und|eller|og|ou|et|o|y)\b|&)\s*", re.IGNORECASE)
_NOT_A_FIELD = re.compile(
    r"related|equivalent|similar|relevant|comparable|field|discipline|area|experience|subject|quantitative|technical"
    r"|vergleichbar|tilsvarende|équivalent|ähnlich|similaire|lignende|ausbildung|école|school|universit|hochschule"
    r"|^(?:a|an|the|any|other|etc)$",
    re.IGNORECASE,
)


DEGREE_TRIGGERS = frozenset(
    ("degree", "degrees", "doctor", "pharmd", "bachelor", "bachelors", "master", "masters", "phd", "doctorate", "doctoral", "doktor", "bsc",
     "msc", "sc", "bs", "ms", "ba", "mba", "meng", "beng", "eng", "diploma", "diplom", "school", "ged", "abitur", "gcse",
     "gcses", "levels", "apprenticeship", "certificate", "seal", "journeyman", "nvq", "guilds", "associate",
     "undergraduate", "graduate", "postgraduate", "bsn", "msn", "adn", "hochschulabschluss", "studium", "kandidat",
     "kandidatgrad", "kandidatuddannelse", "cand", "bac", "ausbildung", "berufsausbildung", "aa", "aas",
     "professionsbachelor", "diplom-ingenieur", "bachelor's", "master's", "bachelor’s", "master’s", "b.sc", "m.sc",
     "ph.d", "b.s", "m.s", "b.a", "m.a", "a-levels", "4-year", "four-year", "two-year", "2-year", "associate's")
)  # fmt: skip
DEGREE_NEEDLES = ("b.s.", "m.s.", "b.a.", "m.a.", "ph.d", "ph. d", "a.a.", "bac+", "bac +")


MAX_MENTIONS = 100
"""Degree mentions read per line; a posting names a few."""


@dataclass(frozen=True, slots=True)
class DegreeMention:
    offset: int
    level: str | None
    fields: tuple[str, ...]


def degree_mentions(
    text: str, start: int = 0, end: int | None = None, fields_end: int | None = None
) -> Iterator[DegreeMention]:
    """Each degree named in text[start:end], with its level (None for a bare "degree") and the fields
    of study that follow it (read up to `fields_end`, the end of the line, when given)."""
    stop = len(text) if end is None else end
    reach = stop if fields_end is None else fields_end
    spans: list[tuple[int, int]] = []
    for m in _LEVEL.finditer(text, start, stop):
        if len(spans) >= MAX_MENTIONS:
            return
        yield DegreeMention(m.start(), m.lastgroup, _fields_after(text, m.end(), reach))
        spans.append(m.span())
    for m in _BARE_DEGREE.finditer(text, start, stop):
        if any(a <= m.start() <= b + 25 for a, b in spans):
            continue
        fields = _fields_after(text, m.end(), reach)
        if fields:
            yield DegreeMention(m.start(), None, fields)


def _fields_after(text: str, offset: int, stop: int) -> tuple[str, ...]:
    # skip a second level ("BS/MS in ...", "Bachelor's or Master's degree in ...")
    window = text[offset : min(stop, offset + 200)]
    skip = _SECOND_LEVEL.match(window)
    pos = skip.end() if skip else 0
    intro = _FIELDS.match(window, pos)
    if intro is None:
        return ()
    rest = window[intro.end() :]
    cut = _FIELD_STOP.search(rest)
    phrase = rest[: cut.start()] if cut else rest
    fields = []
    for part in _FIELD_SPLIT.split(phrase):
        part = part.strip(" ,-")
        if not part or len(part) > 40 or _NOT_A_FIELD.search(part) or not part[0].isalpha():
            continue
        fields.append(part[0].upper() + part[1:])
    return tuple(dict.fromkeys(fields))


def level_rank(level: str | None) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else -1
