"""`read_resume`: uploaded bytes → `ResumeText`, refusing what is not a readable resume.

Order matters: size first (no parsing of anything too big), then the sniffed type, then the
parse (in a killable worker unless the file is plain text), then the structure of the text.
The bytes and the text are never written to disk or logged.
"""

from __future__ import annotations

import re
import threading
from datetime import date
from pathlib import PurePath

from bot.resumes.errors import EmptyFile, NoText, TooLarge
from bot.resumes.extract import Extracted, ParseRequest, truncated
from bot.resumes.limits import MB, ResumeLimits
from bot.resumes.model import ResumeText
from bot.resumes.sniff import sniff
from bot.resumes.structure import analyse
from bot.resumes.textcodec import decode_text
from bot.resumes.worker import ParserPool

_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c]")  # CR, CRLF, vertical tab (Word's line break), form feed
# Control characters (pdfium marks soft hyphens with \x02) and Unicode noncharacters.
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffe\uffff]")

_pool: ParserPool | None = None
_pool_lock = threading.Lock()


def _parser_pool() -> ParserPool:
    global _pool
    with _pool_lock:
        if _pool is None:
            _pool = ParserPool()
        return _pool


def read_resume(
    data: bytes,
    filename: str | None,
    content_type: str | None,
    limits: ResumeLimits | None = None,
    *,
    today: date | None = None,
) -> ResumeText:
    """Read a resume of any supported format; raises a `ResumeError` with one sentence for the user.

    `filename` and `content_type` are hints only (they tell Markdown from plain text); the
    type comes from the bytes. `today` fixes what "Present" means (tests, reproducible runs).
    """
    limits = limits or ResumeLimits()
    if not data:
        raise EmptyFile()
    if len(data) > limits.max_bytes:
        raise TooLarge(
            f"This file is {len(data) / MB:.1f} MB, over the {limits.max_bytes / MB:g} MB limit for resumes; "
            "export a smaller PDF or DOCX (without large images)."
        )
    container = sniff(data)
    if container == "text":
        text = decode_text(data)
        extracted = truncated(Extracted(text, _text_format(text, filename, content_type)), limits.max_chars)
    else:
        reply = _parser_pool().run(ParseRequest(container, data, limits), limits.timeout_seconds)
        extracted = Extracted.from_reply(reply)
    text = _normalized(extracted.text)
    if not any(ch.isalnum() for ch in text):
        raise NoText()
    structure = analyse(text, today or date.today())
    return ResumeText(
        text=text,
        format=extracted.format,
        pages=extracted.pages,
        sections=structure.sections,
        positions=structure.positions,
        total_years=structure.total_years,
        degrees=structure.degrees,
        has_email=structure.has_email,
        has_phone=structure.has_phone,
        warnings=extracted.warnings,
    )


def _text_format(text: str, filename: str | None, content_type: str | None) -> str:
    if filename and PurePath(filename).suffix.lower() in _MARKDOWN_SUFFIXES:
        return "markdown"
    if content_type and "markdown" in content_type.lower():
        return "markdown"
    return "markdown" if _MARKDOWN_HEADING.search(text[:5000]) else "text"


def _normalized(text: str) -> str:
    """One newline convention, no control characters, no trailing spaces, no NBSPs, at most one
    blank line in a row."""
    text = _LINE_BREAKS.sub("\n", text).replace("\u00a0", " ")
    text = _INVISIBLE.sub("", text)
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()
