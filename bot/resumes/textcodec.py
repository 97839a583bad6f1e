"""Bytes of a text-like file → str, in whatever encoding it came, refusing binary junk."""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from bot.resumes.errors import UnsupportedType

_BOM_CODECS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16-LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# charset detection looks at a prefix only: its cost grows with the input and the answer does not.
_DETECTION_SAMPLE_BYTES = 64 * 1024
# Share of control characters above which decoded "text" is really a binary file.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


def decode_text(data: bytes) -> str:
    """Decode by BOM, then strict UTF-8, then the encoding charset-normalizer finds likeliest."""
    for bom, codec in _BOM_CODECS:
        if data.startswith(bom):
            return _checked(data.decode(codec, errors="replace"))
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return _checked(data.decode(utf16, errors="replace"))
    try:
        return _checked(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    sample = data[:_DETECTION_SAMPLE_BYTES]
    if len(data) > len(sample) and b"\n" in sample:
        sample = sample[: sample.rfind(b"\n") + 1]
    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        raise UnsupportedType()
    encoding = best.encoding
    # Short Western text often ties between code pages (cp1250 vs cp1252 for "è"): on a tie,
    # take Windows' Western default, the commonest legacy encoding of resumes.
    if any(m.encoding == "cp1252" and m.chaos <= best.chaos and m.coherence >= best.coherence for m in matches):
        encoding = "cp1252"
    return _checked(data.decode(encoding, errors="replace"))


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: mostly-Latin text leaves a zero in every other byte."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 8:
        return None
    zeros_even, zeros_odd = sample[0::2].count(0), sample[1::2].count(0)
    if zeros_odd > 0.6 * half and zeros_even < 0.05 * half:
        return "utf-16-le"
    if zeros_even > 0.6 * half and zeros_odd < 0.05 * half:
        return "utf-16-be"
    return None


def _checked(text: str) -> str:
    """Refuse text that is mostly control characters or undecodable bytes: it was never text."""
    if not text:
        return text
    sample = text[:_DETECTION_SAMPLE_BYTES]
    bad = sum(
        1 for ch in sample if ch == "\ufffd" or (ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc")
    )
    if "\x00" in sample or bad > _MAX_CONTROL_SHARE * len(sample):
        raise UnsupportedType()
    return text
