"""Reading loosely typed JSON safely, and mapping each provider's vocabulary onto the posting model's."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape
from typing import Any

from bot.postings.model import Salary

MAX_TEXT = 200_000  # characters kept of any one string field


def text(value: Any) -> str | None:
    """A non-empty stripped string, or None for anything else (numbers become their digits)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        value = value.strip()[:MAX_TEXT]
        return value or None
    return None


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value and abs(value) < 1e12 else None
    if isinstance(value, str):
        try:
            return number(float(value.replace(",", "").strip()))
        except ValueError:
            return None
    return None


def get(obj: Any, *path: str) -> Any:
    """obj[path[0]][path[1]]… or None as soon as a step is missing or not an object."""
    for key in path:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def paragraph(plain: str | None) -> str:
    """Plain text as HTML that keeps its lines."""
    return "" if not plain else "<p>" + escape(plain).replace("\n", "<br>\n") + "</p>"


def headed(heading: str, html: str | None) -> str:
    return "" if not html or not html.strip() else f"<h3>{escape(heading)}</h3>\n{html}"


def unique(values: Iterable[str | None]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value.casefold() not in {s.casefold() for s in seen}:
            seen[value] = None
    return tuple(seen)


_EMPLOYMENT = (
    ("intern", "internship"),
    ("trainee", "internship"),
    ("apprentice", "internship"),
    ("part", "part_time"),
    ("contract", "contract"),
    ("freelance", "contract"),
    ("consult", "contract"),
    ("temp", "temporary"),
    ("seasonal", "temporary"),
    ("full", "full_time"),
    ("permanent", "full_time"),
    ("regular", "full_time"),
)


def employment_type(value: Any) -> str | None:
    """'Full-time', 'FullTime', 'FULL_TIME', 'fulltime_permanent', 'Intern' … → the model's names."""
    raw = text(value)
    if raw is None:
        return None
    folded = re.sub(r"[^a-z]", "", raw.lower())
    for stem, kind in _EMPLOYMENT:
        if stem in folded:
            return kind
    return None


def workplace(value: Any) -> str | None:
    raw = text(value)
    if raw is None:
        return None
    folded = re.sub(r"[^a-z]", "", raw.lower())
    if "hybrid" in folded:
        return "hybrid"
    if "remote" in folded or "telecommute" in folded:
        return "remote"
    if folded in {"onsite", "inoffice", "office", "inperson"}:
        return "onsite"
    return None


def period(value: Any) -> str | None:
    raw = (text(value) or "").lower()
    for stem, name in (("hour", "hour"), ("day", "day"), ("week", "week"), ("month", "month"), ("year", "year")):
        if stem in raw:
            return name
    if "annual" in raw or raw in {"1 year", "p1y"}:
        return "year"
    return None


def salary(minimum: Any, maximum: Any, currency: Any, per: Any) -> Salary | None:
    low, high = number(minimum), number(maximum)
    if low is None and high is None:
        return None
    code = text(currency)
    code = code.upper() if code and re.fullmatch(r"[A-Za-z]{3}", code) else None
    return Salary(low, high, code, period(per))
