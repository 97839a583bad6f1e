"""The shape of a resume's text: sections, dated positions, years of experience, degrees,
and whether contact details are present (only that: the details themselves are not kept)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from bot.resumes.dates import DateRange, find_ranges, find_split_range, total_years
from bot.resumes.headings import heading_kind
from bot.resumes.model import Position, ResumeSection

_DEGREE_ORDER = ("doctorate", "master", "mba", "bachelor", "associate", "high_school")
# Unambiguous anywhere in a resume.
_DEGREES_ANYWHERE = (
    ("doctorate", r"\bph\.?\s?d\b|\bdoctor(?:ate|al degree| of (?:philosophy|science|engineering|education))"
     r"|\bd\.phil\b|\bed\.d\b"),
    ("mba", r"\bm\.?b\.?a\b|\bmaster of business administration\b"),
    ("master", r"\bmast[er]+(?:'s|’s|s)?\s+(?:of|in|degree)\b|\bmast[er]+(?:'s|’s)\b|\bm\.?sc\b|\bm\.eng\b"
     r"|\bm\.tech\b|\bmtech\b|\bm\.s\.|\bm\.a\.|\bmagist(?:er|ra)\b|\bllm\b"),
    ("bachelor", r"\bbachelor|\bb\.?sc\b|\bb\.tech\b|\bbtech\b|\bb\.eng\b|\bbeng\b|\bb\.s\.|\bb\.a\.|\bbba\b"
     r"|\bb\.com\b|\bundergraduate degree"),
    ("associate", r"\bassociate(?:'s|’s)?\s+(?:degree|of (?:arts|science|applied))|\ba\.a\.s\.|\baas degree"),
    ("high_school", r"\bhigh[- ]school\b|\bsecondary school\b|\bg\.?e\.?d\b|\ba[- ]levels?\b|\bmatriculation\b"),
)  # fmt: skip
# Upper-case short forms ("BA in Economics", "MS, Computer Science"): read only in education.
_DEGREES_IN_EDUCATION = (
    ("master", r"\b(?:MS|MA|MEng|MSc)\b"),
    ("bachelor", r"\b(?:BA|BS|BE|BEng|BSc)\b"),
    ("associate", r"\b(?:AA|AS)\b(?= (?:in|of)\b)"),
)
_ANYWHERE = [(level, re.compile(pattern, re.IGNORECASE)) for level, pattern in _DEGREES_ANYWHERE]
_IN_EDUCATION = [(level, re.compile(pattern)) for level, pattern in _DEGREES_IN_EDUCATION]
_BA_ANYWHERE = re.compile(r"\b(?:BA|BS|MA|MS|BSc|MSc)\s+(?:in|of)\b|\b(?:BA|MA)\s*\(Hons")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?<![\w/.])\+?\(?\d[\d\s().\-]{6,20}\d(?![\w/])")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d$")
_NOT_EXPERIENCE = frozenset({"education", "certifications", "projects"})
_MAX_TITLE_CHARS = 100
_MAX_EMAIL_TOKEN = 320
_MAX_POSITIONS = 100
_EXCERPT_CONTEXT = 150
_TITLE_TRIM = " \t|,;:-–—•·*#"


@dataclass(frozen=True, slots=True)
class ResumeStructure:
    sections: tuple[ResumeSection, ...]
    positions: tuple[Position, ...]
    total_years: float | None
    degrees: tuple[str, ...]
    has_email: bool
    has_phone: bool


def analyse(text: str, today: date) -> ResumeStructure:
    lines = _lines(text)
    sections = _sections(text, lines)
    positions = _positions(lines, sections, today)
    years = total_years([(date_range.start, date_range.end) for date_range, _, _ in positions]) if positions else None
    return ResumeStructure(
        sections=sections,
        positions=tuple(_as_position(date_range, line, title) for date_range, line, title in positions),
        total_years=years,
        degrees=_degrees(text, sections),
        has_email=_has_email(text),
        has_phone=any(_is_phone(match.group()) for match in _PHONE.finditer(text)),
    )


def _lines(text: str) -> list[tuple[int, str]]:
    """(offset, line) for every line of `text`."""
    result: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        result.append((offset, line))
        offset += len(line) + 1
    return result


def _sections(text: str, lines: list[tuple[int, str]]) -> tuple[ResumeSection, ...]:
    """Spans from each heading to the next; the part above the first heading is the contact block."""
    starts: list[tuple[int, str, str | None]] = []
    level = 0  # markdown depth of the current section's heading (0: not markdown)
    for offset, line in lines:
        kind = heading_kind(line)
        if kind is None:
            continue
        depth = _markdown_depth(line)
        if kind == "other" and starts and level and depth > level:
            continue  # "### Engineer — Acme" under "## Experience" is an entry of it, not a new section
        starts.append((offset, kind, line.strip()))
        level = depth
    if not starts:
        return (ResumeSection("other", 0, len(text)),) if text else ()
    if starts[0][0] > 0:
        starts.insert(0, (0, "contact", None))
    sections = [
        ResumeSection(kind, start, (starts[i + 1][0] if i + 1 < len(starts) else len(text)), heading)
        for i, (start, kind, heading) in enumerate(starts)
    ]
    return tuple(section for section in sections if section.end > section.start)


def _markdown_depth(line: str) -> int:
    stripped = line.lstrip()
    return len(stripped) - len(stripped.lstrip("#"))


def _positions(
    lines: list[tuple[int, str]], sections: tuple[ResumeSection, ...], today: date
) -> list[tuple[DateRange, str, str]]:
    """(range, line, title) of date ranges in experience sections; if none, in all but education-like
    ones. At most `_MAX_POSITIONS` of each: no resume has more, and hostile text may have thousands."""
    found: dict[str, list[tuple[DateRange, str, int]]] = {"experience": [], "fallback": []}
    section_index = 0
    end_line = -1  # a line already used as the end of a range split over two lines
    for index, (offset, line) in enumerate(lines):
        while section_index + 1 < len(sections) and sections[section_index + 1].start <= offset:
            section_index += 1  # sections are in text order: one pass, not a lookup per line
        kind = sections[section_index].kind if sections else "other"
        if kind in _NOT_EXPERIENCE or index == end_line:
            continue
        bucket = found["experience" if kind == "experience" else "fallback"]
        ranges = find_ranges(line, today)
        if not ranges and index + 1 < len(lines) and not find_ranges(lines[index + 1][1], today):
            split = find_split_range(line, lines[index + 1][1], today)
            if split is not None:
                ranges, end_line = [split], index + 1
        for date_range in ranges:
            if len(bucket) < _MAX_POSITIONS:
                bucket.append((date_range, line, index))
    chosen = found["experience"] or found["fallback"]
    return [
        (date_range, _excerpt(line, *date_range.span), _title(line, date_range, lines, index))
        for date_range, line, index in chosen
    ]


def _excerpt(line: str, start: int, end: int) -> str:
    """The line, or on an absurdly long line the text around the dates (keeps the work linear)."""
    if len(line) > 2 * _EXCERPT_CONTEXT:
        line = line[max(0, start - _EXCERPT_CONTEXT) : end + _EXCERPT_CONTEXT]
    return " ".join(line.split())


def _title(line: str, date_range: DateRange, lines: list[tuple[int, str]], index: int) -> str:
    """The line without its dates; when only dates are left, the line above (often the job title)."""
    start, end = date_range.span
    rest = _excerpt(line[:start] + " " + line[end:], start, start).strip(_TITLE_TRIM)
    if sum(ch.isalpha() for ch in rest) < 3 and index > 0:
        above = lines[index - 1][1]
        rest = _excerpt(above, len(above), len(above)).strip(_TITLE_TRIM)
    return rest[:_MAX_TITLE_CHARS]


def _as_position(date_range: DateRange, line: str, title: str) -> Position:
    return Position(
        title=title or None,
        start=date_range.start,
        end=date_range.stated_end,
        current=date_range.current,
        line=line,
    )


def _degrees(text: str, sections: tuple[ResumeSection, ...]) -> tuple[str, ...]:
    found: set[str] = set()
    for level, pattern in _ANYWHERE:
        if pattern.search(text):
            found.add(level)
    for match in _BA_ANYWHERE.finditer(text):
        found.add("master" if match.group().startswith("M") else "bachelor")
    for section in sections:
        if section.kind == "education":
            for level, pattern in _IN_EDUCATION:
                if pattern.search(text, section.start, section.end):
                    found.add(level)
    if "mba" in found:
        found.add("master")
    return tuple(level for level in _DEGREE_ORDER if level in found)


def _has_email(text: str) -> bool:
    """Searched token by token: one regex over a 200,000-character run of word characters
    would backtrack quadratically (hostile text is analysed in the bot's own process)."""
    return any(_EMAIL.search(token) for token in text.split() if "@" in token and len(token) <= _MAX_EMAIL_TOKEN)


def _is_phone(candidate: str) -> bool:
    digits = sum(ch.isdigit() for ch in candidate)
    return 9 <= digits <= 15 and not _YEAR_RANGE.match(candidate.strip())
