"""Plain data a parsed posting is made of.

Shared by the posting parser, the keyword extractor, scoring, the store and the CLI,
so it holds no behaviour beyond (de)serialisation and offset mapping.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.skills.model import Keyword


class SectionKind(StrEnum):
    """What a block of a posting is for; decides whether and how much its keywords count."""

    HEADER = "header"  # title / company / location lines at the top
    ABOUT = "about"  # about the company or team
    RESPONSIBILITIES = "responsibilities"
    REQUIRED = "required"  # required / minimum qualifications
    PREFERRED = "preferred"  # preferred, nice to have, bonus
    BENEFITS = "benefits"
    APPLY = "apply"  # how to apply
    EEO = "eeo"  # equal-opportunity and legal boilerplate
    CHROME = "chrome"  # the job site around the posting: never keywords, title or requirements
    OTHER = "other"  # body text under no recognised heading


@dataclass(frozen=True, slots=True)
class Section:
    """A span of the clean text; `start`/`end` are offsets into `CleanText.text`."""

    kind: SectionKind
    start: int
    end: int
    heading: str | None = None


@dataclass(frozen=True, slots=True)
class CleanText:
    """Clean text plus, for each clean character, its offset in the raw input.

    `origin` has len(text) + 1 entries; origin[len(text)] is the raw end offset, so
    a clean span [a, b) maps to the raw span [origin[a], origin[b - 1] + 1).
    """

    text: str
    origin: tuple[int, ...]

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.origin[start]
            return pos, pos
        return self.origin[start], self.origin[end - 1] + 1

    @classmethod
    def identity(cls, text: str) -> CleanText:
        return cls(text, tuple(range(len(text) + 1)))


@dataclass(frozen=True, slots=True)
class Salary:
    minimum: float | None
    maximum: float | None
    currency: str | None  # ISO 4217, e.g. "USD", "EUR"
    period: str | None  # "year" | "month" | "week" | "day" | "hour"

    def to_dict(self) -> dict[str, Any]:
        return {"min": self.minimum, "max": self.maximum, "currency": self.currency, "period": self.period}

    def describe(self) -> str | None:
        """ "75,000–95,000 EUR a year", as the CLI report and the Discord embed show it; None without amounts."""
        if self.minimum is None and self.maximum is None:
            return None
        amounts = [f"{x:,.0f}" for x in (self.minimum, self.maximum) if x is not None]
        text = "–".join(dict.fromkeys(amounts))
        if self.currency:
            text = f"{text} {self.currency}"
        if self.period:
            text = f"{text} {_PERIOD_WORDS.get(self.period, 'per ' + self.period)}"
        return text


_PERIOD_WORDS = {"year": "a year", "month": "a month", "week": "a week", "day": "a day", "hour": "an hour"}


@dataclass(frozen=True, slots=True)
class Education:
    level: str | None  # "high_school" | "associate" | "bachelor" | "master" | "doctorate" | "certificate"
    fields: tuple[str, ...] = ()  # e.g. ("Computer Science", "Statistics")
    required: bool | None = None  # True "required", False "preferred", None unsaid

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "fields": list(self.fields), "required": self.required}


@dataclass(frozen=True, slots=True)
class PostingFields:
    """Structured fields; each is None (or empty) when the posting does not say it."""

    title: str | None = None
    company: str | None = None
    locations: tuple[str, ...] = ()
    workplace: str | None = None  # "remote" | "hybrid" | "onsite"
    employment_type: str | None = None  # "full_time" | "part_time" | "contract" | "temporary" | "internship"
    seniority: str | None = None  # "intern" | "junior" | "mid" | "senior" | "lead" | "staff" | "principal"
    #                               | "manager" | "director" | "executive"
    years_min: float | None = None
    years_max: float | None = None
    salary: Salary | None = None
    education: Education | None = None


@dataclass(frozen=True, slots=True)
class Posting:
    """A posting as the bot understands it; `raw` is exactly what the user gave."""

    raw: str
    clean: CleanText
    sections: tuple[Section, ...]
    fields: PostingFields
    keywords: tuple[Keyword, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of design.md's CLI contract (`jobbot keywords --format json`)."""
        f = self.fields
        return {
            "title": f.title,
            "company": f.company,
            "location": "; ".join(f.locations) if f.locations else None,
            "locations": list(f.locations),
            "workplace": f.workplace,
            "employment_type": f.employment_type,
            "seniority": f.seniority,
            "years_min": f.years_min,
            "years_max": f.years_max,
            "salary": f.salary.to_dict() if f.salary else None,
            "education": f.education.to_dict() if f.education else None,
            "keywords": [k.to_dict() for k in self.keywords],
        }

    def to_record(self) -> dict[str, Any]:
        """Everything needed to rebuild the posting without re-parsing (the store keeps this).

        The clean→raw offset map is not kept: mentions already carry raw offsets.
        """
        record = self.to_dict()
        record["raw"] = self.raw
        record["clean_text"] = self.clean.text
        record["sections"] = [
            {"kind": str(s.kind), "start": s.start, "end": s.end, "heading": s.heading} for s in self.sections
        ]
        for out, kw in zip(record["keywords"], self.keywords, strict=True):
            out["parents"] = list(kw.parents)
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Posting:
        from bot.skills.model import Category, Keyword, Mention

        salary = record.get("salary")
        education = record.get("education")
        fields = PostingFields(
            title=record.get("title"),
            company=record.get("company"),
            locations=tuple(record.get("locations") or ()),
            workplace=record.get("workplace"),
            employment_type=record.get("employment_type"),
            seniority=record.get("seniority"),
            years_min=record.get("years_min"),
            years_max=record.get("years_max"),
            salary=Salary(salary["min"], salary["max"], salary["currency"], salary["period"]) if salary else None,
            education=(
                Education(education["level"], tuple(education["fields"]), education["required"]) if education else None
            ),
        )
        keywords = tuple(
            Keyword(
                keyword=k["keyword"],
                category=Category(k["category"]),
                weight=float(k["weight"]),
                required=k["required"],
                mentions=tuple(Mention(m["start"], m["end"], m["text"], m["section"]) for m in k.get("mentions", ())),
                parents=tuple(k.get("parents", ())),
            )
            for k in record.get("keywords", ())
        )
        clean_text = record.get("clean_text", record.get("raw", ""))
        return cls(
            raw=record.get("raw", ""),
            clean=CleanText.identity(clean_text),
            sections=tuple(
                Section(SectionKind(s["kind"]), s["start"], s["end"], s.get("heading"))
                for s in record.get("sections", ())
            ),
            fields=fields,
            keywords=keywords,
        )
