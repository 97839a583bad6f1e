"""How much work a resume may cost: every bound a hostile upload could try to push."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.config import Settings

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ResumeLimits:
    """Bounds for reading one resume.

    max_bytes: checked first, before any parsing.
    max_pages: a PDF longer than this is read up to this page with a warning; one longer than
        `PAGE_REFUSAL_FACTOR` times this is refused outright (it is not a resume).
    max_chars: longer text is truncated with a warning.
    timeout_seconds: wall time for parsing in the worker process, which is killed beyond it.
    max_decompressed_bytes: total unpacked size of the parts of a DOCX/ODT (zip bombs).
    """

    max_bytes: int = 8 * MB
    max_pages: int = 20
    max_chars: int = 200_000
    timeout_seconds: float = 5.0
    max_decompressed_bytes: int = 50 * MB

    @classmethod
    def from_settings(cls, settings: Settings) -> ResumeLimits:
        return cls(
            max_bytes=settings.max_resume_bytes,
            max_pages=settings.max_resume_pages,
            max_chars=settings.max_resume_chars,
            timeout_seconds=settings.resume_timeout_seconds,
            max_decompressed_bytes=settings.max_decompressed_bytes,
        )


PAGE_REFUSAL_FACTOR = 5
