"""Sniffed container → raw text. This is the job the parsing worker process runs.

Everything here may meet hostile bytes, so it runs under the worker's wall-time limit; only
plain text is cheap and predictable enough to decode in the calling process.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from typing import Any

from bot.resumes.docx_text import docx_text, main_part
from bot.resumes.errors import CorruptFile, UnsupportedType
from bot.resumes.html_text import html_to_text
from bot.resumes.limits import ResumeLimits
from bot.resumes.odt_text import odt_text
from bot.resumes.pdf_text import pdf_text
from bot.resumes.rtf_text import rtf_text
from bot.resumes.sniff import Container
from bot.resumes.zipguard import open_checked_zip

_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
_FORMATS = frozenset({"pdf", "docx", "odt", "rtf", "html"})


@dataclass(frozen=True, slots=True)
class ParseRequest:
    container: Container
    data: bytes
    limits: ResumeLimits


@dataclass(frozen=True, slots=True)
class Extracted:
    text: str
    format: str  # "pdf" | "docx" | "odt" | "rtf" | "html" | "markdown" | "text"
    pages: int | None = None
    warnings: tuple[str, ...] = ()

    @classmethod
    def from_reply(cls, reply: Any) -> Extracted:
        """Rebuild from a worker's JSON reply, checking every field: it crossed a process boundary."""
        if not isinstance(reply, dict):
            raise CorruptFile()
        text, kind, pages, warnings = (reply.get(key) for key in ("text", "format", "pages", "warnings"))
        if (
            not isinstance(text, str)
            or kind not in _FORMATS
            or not (pages is None or (isinstance(pages, int) and pages >= 0))
            or not isinstance(warnings, list)
            or not all(isinstance(warning, str) for warning in warnings)
        ):
            raise CorruptFile()
        return cls(text, str(kind), pages, tuple(warnings))


def extract_job(request: ParseRequest) -> dict[str, Any]:
    """The worker's job: `extract` as JSON-able data."""
    return asdict(extract(request))


def extract(request: ParseRequest) -> Extracted:
    """Text of a PDF, zip-based document, RTF or HTML file, truncated to the character limit."""
    data, limits = request.data, request.limits
    if request.container == "pdf":
        pdf = pdf_text(data, limits)
        extracted = Extracted(pdf.text, "pdf", pdf.pages, pdf.warnings)
    elif request.container == "zip":
        extracted = _zip_document(data, limits)
    elif request.container == "rtf":
        extracted = Extracted(rtf_text(data), "rtf")
    elif request.container == "html":
        extracted = Extracted(html_to_text(data), "html")
    else:
        raise UnsupportedType()
    return truncated(extracted, limits.max_chars)


def truncated(extracted: Extracted, max_chars: int) -> Extracted:
    if len(extracted.text) <= max_chars:
        return extracted
    warning = f"text was truncated at {max_chars:,} characters"
    return replace(extracted, text=extracted.text[:max_chars], warnings=(*extracted.warnings, warning))


def _zip_document(data: bytes, limits: ResumeLimits) -> Extracted:
    parts = open_checked_zip(data, limits)
    main = main_part(parts)
    if main is not None:
        return Extracted(docx_text(parts, main, limits.max_chars), "docx")
    if parts.get("mimetype", b"").startswith(_ODT_MIMETYPE) and "content.xml" in parts:
        return Extracted(odt_text(parts, limits.max_chars), "odt")
    raise UnsupportedType()
