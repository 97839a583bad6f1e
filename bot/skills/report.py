"""The human-readable keyword report (`jobbot keywords --format text`).

What a person reads before editing a resume: the posting's fields at the top, then keywords by
category, most important first, required/preferred marked, with how often the posting says them,
and at the end one line of the exact wording to copy.
"""

from __future__ import annotations

from collections import Counter

from bot.postings.model import Posting
from bot.skills.model import Category, Keyword

CATEGORY_TITLES: dict[Category, str] = {
    Category.PROGRAMMING_LANGUAGE: "Programming languages",
    Category.FRAMEWORK: "Frameworks and libraries",
    Category.DATABASE: "Databases",
    Category.CLOUD: "Cloud and platforms",
    Category.TOOL: "Tools and software",
    Category.PRACTICE: "Methods and practices",
    Category.DOMAIN: "Domain knowledge",
    Category.CERTIFICATION: "Certifications",
    Category.EDUCATION: "Education",
    Category.LANGUAGE: "Spoken languages",
    Category.SOFT_SKILL: "Soft skills",
    Category.OTHER: "Other terms (not in the taxonomy: check them)",
}
_SENIORITY = {"mid": "mid-level"}


def _years(minimum: float | None, maximum: float | None) -> str | None:
    def fmt(x: float) -> str:
        return f"{x:g}"

    if minimum is not None and maximum is not None and maximum != minimum:
        return f"{fmt(minimum)}–{fmt(maximum)} years"
    if minimum is not None:
        return f"{fmt(minimum)}+ years"
    if maximum is not None:
        return f"up to {fmt(maximum)} years"
    return None


def _education(posting: Posting) -> str | None:
    education = posting.fields.education
    if education is None or (education.level is None and not education.fields):
        return None
    text = (education.level or "degree").replace("_", " ")
    if education.fields:
        text += " in " + ", ".join(education.fields)
    if education.required is True:
        text += " (required)"
    elif education.required is False:
        text += " (preferred)"
    return text


def _field_lines(posting: Posting) -> list[str]:
    f = posting.fields
    rows = [
        ("Title", f.title),
        ("Company", f.company),
        ("Location", "; ".join(f.locations) if f.locations else None),
        ("Workplace", f.workplace),
        ("Type", f.employment_type.replace("_", " ") if f.employment_type else None),
        ("Seniority", _SENIORITY.get(f.seniority, f.seniority) if f.seniority else None),
        ("Experience", _years(f.years_min, f.years_max)),
        ("Salary", posting.fields.salary.describe() if posting.fields.salary else None),
        ("Education", _education(posting)),
    ]
    return [f"{label + ':':12}{value}" for label, value in rows if value]


def _mark(keyword: Keyword) -> str:
    if keyword.required is True:
        return "required"
    if keyword.required is False:
        return "preferred"
    return ""


def _wording(keyword: Keyword) -> str:
    """The spelling the posting uses most (ties: first seen), which is what an ATS compares."""
    spellings = Counter(" ".join(m.text.split()) for m in keyword.mentions)
    if not spellings:
        return keyword.keyword
    best = max(spellings.values())
    return next(s for s in spellings if spellings[s] == best)


def format_posting_text(posting: Posting) -> str:
    lines = _field_lines(posting)
    keywords = posting.keywords
    if not keywords:
        lines.append("No keywords found." if lines else "No posting fields or keywords found.")
        return "\n".join(lines)
    if lines:
        lines.append("")
    by_category: dict[Category, list[Keyword]] = {}
    for keyword in keywords:  # already most important first
        by_category.setdefault(keyword.category, []).append(keyword)
    # hard skills first, by their most important keyword; soft skills, then unchecked discoveries, last
    order = sorted(
        by_category,
        key=lambda c: (c is Category.OTHER, c is Category.SOFT_SKILL, -max(k.weight for k in by_category[c])),
    )
    for category in order:
        lines.append(f"{CATEGORY_TITLES[category]}:")
        for keyword in by_category[category]:
            wording = _wording(keyword)
            shown = keyword.keyword
            if wording.casefold() != keyword.keyword.casefold():
                shown += f' (written "{wording}")'
            mark = _mark(keyword)
            details = ", ".join(x for x in (mark, f"{keyword.count}×", f"weight {keyword.weight:.2f}") if x)
            lines.append(f"  - {shown}  [{details}]")
        lines.append("")
    copy = [_wording(k) for k in keywords if k.category is not Category.OTHER]
    lines.append("Copy: " + ", ".join(dict.fromkeys(copy)))
    return "\n".join(lines)
