"""The real type of an upload, from its first bytes: names and content types may lie.

Only the container is decided here (zip stays "zip"); which zip-based format it is needs
the archive's directory, which is read in the worker process like any other parsing.
"""

from __future__ import annotations

from typing import Literal

from bot.resumes.errors import EncryptedDocument, ExecutableFile, ImageFile, LegacyWordFile, UnsupportedType

Container = Literal["pdf", "zip", "rtf", "html", "text"]

_IMAGE_PREFIXES = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",  # JPEG
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",  # TIFF, little-endian
    b"MM\x00*",  # TIFF, big-endian
    b"\x00\x00\x01\x00",  # ICO
)
_ISO_MEDIA_IMAGE_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")
_EXECUTABLE_PREFIXES = (
    b"\x7fELF",
    b"\xfe\xed\xfa\xce",  # Mach-O 32
    b"\xfe\xed\xfa\xcf",  # Mach-O 64
    b"\xce\xfa\xed\xfe",
    b"\xcf\xfa\xed\xfe",
    b"\xca\xfe\xba\xbe",  # Mach-O universal (and Java classes)
    b"\x00asm",  # WebAssembly
)
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_OTHER_ARCHIVES = (b"\x1f\x8b", b"7z\xbc\xaf\x27\x1c", b"Rar!\x1a\x07", b"BZh", b"\xfd7zXZ\x00")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


def sniff(data: bytes) -> Container:
    """Classify `data` by content, refusing images, programs, old .doc files, password-protected
    Office files and other archives."""
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head.startswith(_IMAGE_PREFIXES) or _is_riff_webp(head) or _is_iso_media_image(head):
        raise ImageFile()
    if head.startswith(_EXECUTABLE_PREFIXES) or (head.startswith(b"MZ") and b"\x00" in head[2:64]):
        raise ExecutableFile()
    if head.startswith(_OLE2):
        # Office encrypts a password-protected DOCX into an OLE2 file holding this stream.
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise EncryptedDocument()
        raise LegacyWordFile()
    if head.startswith(_OTHER_ARCHIVES):
        raise UnsupportedType()
    text_head = _strip_bom(head).lstrip()
    if text_head.startswith(b"{\\rtf"):
        return "rtf"
    if _looks_like_html(text_head):
        return "html"
    return "text"


def _is_riff_webp(head: bytes) -> bool:
    return head.startswith(b"RIFF") and head[8:12] == b"WEBP"


def _is_iso_media_image(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in _ISO_MEDIA_IMAGE_BRANDS


def _strip_bom(head: bytes) -> bytes:
    for bom in _BOMS:
        if head.startswith(bom):
            return head[len(bom) :]
    return head


def _looks_like_html(text_head: bytes) -> bool:
    if not text_head.startswith(b"<"):
        return False
    lowered = text_head.lower()
    return lowered.startswith((b"<!doctype html", b"<html")) or any(
        tag in lowered for tag in (b"<html", b"<body", b"<head")
    )
