"""Plain data for taxonomy entries and extracted keywords."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


class Category(StrEnum):
    PROGRAMMING_LANGUAGE = "programming_language"
    FRAMEWORK = "framework"  # frameworks and libraries
    DATABASE = "database"
    CLOUD = "cloud"  # cloud providers, platforms, infrastructure services
    TOOL = "tool"  # software tools and products
    PRACTICE = "practice"  # methodologies and practices
    DOMAIN = "domain"  # domain knowledge
    SOFT_SKILL = "soft_skill"
    CERTIFICATION = "certification"
    EDUCATION = "education"  # degrees and fields of study
    LANGUAGE = "language"  # spoken languages
    OTHER = "other"  # discovered outside the taxonomy


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a keyword occurs: offsets into the raw input the user gave."""

    start: int
    end: int
    text: str
    section: str  # a SectionKind value

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "section": self.section}


@dataclass(frozen=True, slots=True)
class Keyword:
    keyword: str  # canonical name
    category: Category
    weight: float  # 0..1, higher matters more
    required: bool | None  # True required, False preferred/nice-to-have, None unsaid
    mentions: tuple[Mention, ...]
    parents: tuple[str, ...] = ()  # e.g. Django → ("Python",)

    @property
    def count(self) -> int:
        return len(self.mentions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "keyword": self.keyword,
            "category": str(self.category),
            "weight": round(self.weight, 4),
            "required": self.required,
            "count": self.count,
            "mentions": [m.to_dict() for m in self.mentions],
        }
