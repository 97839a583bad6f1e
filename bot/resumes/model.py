"""Plain data for a resume that has been read. Resumes are never stored: this lives in memory only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ResumeSection:
    """A span of `ResumeText.text`.

    kind: "contact" | "summary" | "experience" | "skills" | "education" | "projects"
          | "certifications" | "other"
    """

    kind: str
    start: int
    end: int
    heading: str | None = None


@dataclass(frozen=True, slots=True)
class Position:
    """One dated entry of the experience section."""

    title: str | None
    start: date | None
    end: date | None  # None with current=True means "Present"
    current: bool
    line: str  # the line the dates were read from, for explanations


@dataclass(frozen=True, slots=True)
class ResumeText:
    text: str
    format: str  # "pdf" | "docx" | "odt" | "rtf" | "html" | "markdown" | "text"
    pages: int | None
    sections: tuple[ResumeSection, ...]
    positions: tuple[Position, ...] = ()
    total_years: float | None = None  # experience, overlapping positions counted once
    degrees: tuple[str, ...] = ()  # degree levels found: "bachelor", "master", "doctorate", ...
    has_email: bool = False
    has_phone: bool = False
    warnings: tuple[str, ...] = ()  # e.g. "text was truncated at 200,000 characters"

    def section_at(self, offset: int) -> str:
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.kind
        return "other"
