"""PDF → text with pdfium, refusing encrypted, scanned and absurdly long documents."""

from __future__ import annotations

from dataclasses import dataclass

import pypdfium2 as pdfium

from bot.resumes.errors import CorruptFile, EncryptedPdf, ScannedPdf, TooManyPages
from bot.resumes.limits import PAGE_REFUSAL_FACTOR, ResumeLimits

_PASSWORD_ERRORS = frozenset({4, 6})  # FPDF_ERR_PASSWORD, FPDF_ERR_SECURITY
# Fewer letters and digits than this on every page read means there is no text layer.
_MIN_TEXT_CHARS = 20


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str
    pages: int
    warnings: tuple[str, ...]


def pdf_text(data: bytes, limits: ResumeLimits) -> PdfText:
    """Text of the first `max_pages` pages; the page count is checked before any page is loaded."""
    truncated_file = b"%%EOF" not in data[-1024:]
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if exc.err_code in _PASSWORD_ERRORS:
            raise EncryptedPdf() from exc
        raise CorruptFile() from exc
    try:
        pages = len(document)
        if pages == 0:
            raise CorruptFile()
        if pages > PAGE_REFUSAL_FACTOR * limits.max_pages:
            raise TooManyPages(
                f"This PDF has {pages:,} pages, which is not a resume; "
                f"I read resumes of up to {limits.max_pages} pages."
            )
        warnings: list[str] = []
        if pages > limits.max_pages:
            warnings.append(f"only the first {limits.max_pages} of {pages} pages were read")
        texts: list[str] = []
        size = 0
        for index in range(min(pages, limits.max_pages)):
            page_text = _page_text(document, index)
            texts.append(page_text)
            size += len(page_text)
            if size > limits.max_chars:
                break
    finally:
        document.close()
    text = "\n".join(texts)
    if sum(ch.isalnum() for ch in text[:10_000]) < _MIN_TEXT_CHARS:
        raise CorruptFile() if truncated_file else ScannedPdf()
    if truncated_file:
        warnings.append("the PDF looks truncated, so some text may be missing")
    return PdfText(text=text, pages=pages, warnings=tuple(warnings))


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise CorruptFile() from exc
    try:
        textpage = page.get_textpage()
        try:
            return str(textpage.get_text_range()).replace("\r\n", "\n").replace("\r", "\n")
        finally:
            textpage.close()
    finally:
        page.close()
