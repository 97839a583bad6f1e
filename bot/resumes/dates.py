"""Date ranges of positions ("Jan 2019 – Present", "2017-2020", "03/2018 - 11/2021",
"May 2015 to June 2016", "2019 – now", "Since 2020") and the years they add up to.

Precision follows the text: a month range counts both end months in full; a year-only range
runs from January of the first year to January of the last (2017–2020 is three years), and
a range within one year counts half a year. "Present" is `today`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20\d\d)"


def _date(name: str) -> str:
    """One date: 'Jan 2019', 'January, 2019', '2019 October', '03/2018', '3.2018' or '2019'."""
    return (
        rf"(?P<{name}>(?P<{name}_m1>{_MONTH})[\s,]*(?P<{name}_y1>{_YEAR})"
        rf"|(?P<{name}_y2>{_YEAR}),?\s+(?P<{name}_m2>{_MONTH})"
        rf"|(?P<{name}_mn>0?[1-9]|1[0-2])\s?[/.]\s?(?P<{name}_y3>{_YEAR})"
        rf"|(?P<{name}_y4>{_YEAR}))"
    )


_NOW = r"(?P<now>present|current(?:ly)?|now|today|ongoing|to date|till date|nowadays|date)"
_DASH = r"\s*(?:[-–—−‒~]+|/|\bto\b|\btill\b|\buntil\b|\bthrough\b|\bthru\b)\s*"
# Two spaces or a tab stand for a dash lost in conversion ("2019  2021", "Jan 2016  Jun 2017"),
# as does nothing at all between a year and a month name ("Apr 2020Jun 2020").
_GAP = r"(?:\s{2,}|\t|(?<=\d)(?=[a-z]))"
_GAP_TRUSTED_AFTER = re.compile(r"(?:^|[/|@•·]\s*)$")
_RANGE = re.compile(
    rf"(?<![\w/.])(?<!\d-){_date('a')}(?:{_DASH}|{_GAP})(?:{_NOW}|{_date('b')}|(?P<yy>\d\d))(?![\w/]|-\d)",
    re.IGNORECASE,
)
_SINCE = re.compile(rf"\b(?:since|from)\s+{_date('a')}(?![\w/])(?!{_DASH}\w)", re.IGNORECASE)
# A range split over two lines by a converted two-column layout: "August 2012  Senior Analyst"
# then "December 2017" (or "currently working") at the start of the next line.
_LEADING_START = re.compile(rf"^[^\w]*{_date('a')}(?![\w/])", re.IGNORECASE)
_LEADING_END = re.compile(rf"^[^\w]*(?:{_NOW}|{_date('b')})(?![\w/])", re.IGNORECASE)
_OLDEST_YEAR = 1950
_MAX_SPAN_YEARS = 50


@dataclass(frozen=True, slots=True)
class DateRange:
    start: date
    end: date  # exclusive, clamped to today: what the years are counted from
    current: bool
    span: tuple[int, int]  # offsets of the range in the line
    stated_end: date | None  # the end as written (first day of its month or year); None if current


def find_ranges(line: str, today: date) -> list[DateRange]:
    """Every plausible date range in `line`, clamped to `today`."""
    ranges: list[DateRange] = []
    for match in _RANGE.finditer(line):
        found = _from_range(match, today)
        if found is not None:
            ranges.append(found)
    if not ranges:
        for match in _SINCE.finditer(line):
            start, _ = _bounds(match, "a")
            if start is not None and start < today:
                ranges.append(DateRange(start, today, True, match.span(), None))
    return ranges


def find_split_range(line: str, next_line: str, today: date) -> DateRange | None:
    """A range whose start month opens `line` and whose end month (or "present") opens
    `next_line`; both need a month, as two lines merely starting with years are too common."""
    start_match = _LEADING_START.match(line)
    end_match = _LEADING_END.match(next_line) if start_match else None
    if start_match is None or end_match is None:
        return None
    start, start_has_month = _bounds(start_match, "a")
    if start is None or not start_has_month:
        return None
    if end_match.group("now"):
        end, current, stated = today, True, None
    else:
        stated, end_has_month = _bounds(end_match, "b")
        if stated is None or not end_has_month:
            return None
        end, current = _next_month(stated), False
    end = min(end, today)
    if start.year < _OLDEST_YEAR or start >= end or end.year - start.year > _MAX_SPAN_YEARS:
        return None
    return DateRange(start, end, current, start_match.span("a"), stated)


def _from_range(match: re.Match[str], today: date) -> DateRange | None:
    gap_only = not re.search(_DASH, _separator(match))
    start, start_has_month = _bounds(match, "a")
    if start is None:
        return None
    stated: date | None = None
    if match.group("now"):
        end, current, end_has_month = today, True, True
    elif match.group("yy"):
        if start_has_month:
            return None
        year = start.year // 100 * 100 + int(match.group("yy"))
        if year < start.year:
            return None
        stated = end = date(year, 1, 1)
        current, end_has_month = False, False
    else:
        stated, end_has_month = _bounds(match, "b")
        if stated is None:
            return None
        end, current = (_next_month(stated) if end_has_month else stated), False
    # A dash-less gap is trusted between month dates, or at the start of a line or after a
    # separator ("Embedded software / 2018  2019"); not mid-sentence ("Science (2011  2015)").
    trusted = _GAP_TRUSTED_AFTER.search(match.string[: match.start()][-4:]) is not None
    if gap_only and not trusted and not (start_has_month and end_has_month):
        return None
    if not end_has_month and not start_has_month and end.year == start.year:
        end = date(start.year, 7, 1)
    end = min(end, today)
    if start.year < _OLDEST_YEAR or start >= end or end.year - start.year > _MAX_SPAN_YEARS:
        return None
    return DateRange(start, end, current, match.span(), stated)


def _separator(match: re.Match[str]) -> str:
    """The separator text between the two dates of a range match."""
    return match.string[match.end("a") : match.end()][:12]


def _bounds(match: re.Match[str], name: str) -> tuple[date | None, bool]:
    """(first day of the date, whether it names a month) for date group `name` of `match`."""
    if match.group(name) is None:
        return None, False
    groups = match.groupdict()
    for month_key, year_key in ((f"{name}_m1", f"{name}_y1"), (f"{name}_m2", f"{name}_y2")):
        if groups.get(month_key):
            return date(int(groups[year_key]), _MONTHS[groups[month_key][:3].lower()], 1), True
    if groups.get(f"{name}_mn"):
        return date(int(groups[f"{name}_y3"]), int(groups[f"{name}_mn"]), 1), True
    return date(int(groups[f"{name}_y4"]), 1, 1), False


def _next_month(day: date) -> date:
    return date(day.year + 1, 1, 1) if day.month == 12 else date(day.year, day.month + 1, 1)


def total_years(ranges: list[tuple[date, date]]) -> float:
    """Years covered by the union of [start, end) ranges: overlapping jobs count once."""
    days = 0
    current_start: date | None = None
    current_end: date | None = None
    for start, end in sorted(ranges):
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                days += (current_end - current_start).days
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None and current_end is not None:
        days += (current_end - current_start).days
    return round(days / 365.25, 1)
