"""Bytes of a shared posting file → text, or one clear sentence saying why not.

People attach postings saved from browsers, exported from Word or copied on phones, so the
encoding is whatever their tool wrote: BOMs first, then UTF-8, then charset-normalizer.
Binary junk is refused rather than turned into mojibake that would produce nonsense keywords.
"""

from __future__ import annotations

import codecs

from bot.errors import UserFacingError

MAX_POSTING_BYTES = 5 * 1024 * 1024
"""A posting is a few KB; a saved job page with inline scripts may be a few hundred KB."""

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"  # DOCX, ODT and other office formats are zip archives
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .doc
_MAX_CONTROL_SHARE = 0.02


def posting_text_from_bytes(data: bytes, filename: str | None) -> str:
    """Decode a posting file; raise UserFacingError for documents and binary data."""
    name = filename or "the posting"
    if len(data) > MAX_POSTING_BYTES:
        limit = MAX_POSTING_BYTES // (1024 * 1024)
        raise UserFacingError(f"{name} is larger than {limit} MB; a posting is much smaller than that.")
    if data.startswith((_PDF_MAGIC, _ZIP_MAGIC, _OLE_MAGIC)):
        raise UserFacingError(f"{name} is a PDF or office document; attach the posting as text/HTML or paste it.")
    text = _decode(data)
    if text is None or _looks_binary(text):
        raise UserFacingError(f"{name} does not look like text; attach the posting as text/HTML or paste it.")
    return text


def _decode(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError:
                return None
    if b"\x00" in data[:4096]:
        return _decode_utf16_without_bom(data)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _decode_utf16_without_bom(data: bytes) -> str | None:
    """Windows tools write UTF-16 without a BOM: mostly-ASCII text then has a NUL in every other byte."""
    sample = data[:4096]
    odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    for encoding, nuls, others in (("utf-16-le", odd_nuls, even_nuls), ("utf-16-be", even_nuls, odd_nuls)):
        if nuls > 0.8 * half and others < 0.05 * half:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                return None
    return None


def _looks_binary(text: str) -> bool:
    """Text with NULs or many control characters is a binary file that happened to decode."""
    sample = text[:65_536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v")
    return controls > _MAX_CONTROL_SHARE * max(len(sample), 1)
