"""Open a DOCX/ODT archive only after bounding what it unpacks to (zip bombs, entity bombs).

The sizes a zip declares can lie, so every member is inflated here as a stream and the real
bytes are counted (zipfile also stops at the declared size and then fails the CRC). The XML
parts are kept from this pass, so parsers never inflate the archive a second time.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from bot.resumes.errors import CorruptFile, UnsafeXml, ZipBomb
from bot.resumes.limits import MB, ResumeLimits

MAX_MEMBERS = 2000
# A member inflating this many times over is built to explode; documents compress ~5-30x.
MAX_RATIO = 200
_RATIO_FLOOR_BYTES = 1 * MB
_CHUNK = 256 * 1024
# DTDs never appear in OOXML or ODF parts; they are how entity-expansion attacks start.
_DTD_MARKERS = tuple(
    marker.encode(codec) for marker in ("<!DOCTYPE", "<!ENTITY") for codec in ("ascii", "utf-16-le", "utf-16-be")
)
_XML_SUFFIXES = (".xml", ".rels")


def open_checked_zip(data: bytes, limits: ResumeLimits) -> dict[str, bytes]:
    """The XML parts (name → bytes) of an archive that is well formed, small enough unpacked,
    and free of DTDs; refuses any other with a ResumeError."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
        raise CorruptFile() from exc
    if len(members) > MAX_MEMBERS:
        raise ZipBomb()
    declared = 0
    for info in members:
        declared += info.file_size
        if info.file_size > _RATIO_FLOOR_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ZipBomb()
    if declared > limits.max_decompressed_bytes:
        raise ZipBomb()
    return _inflate_all(archive, members, limits.max_decompressed_bytes)


def _inflate_all(archive: zipfile.ZipFile, members: list[zipfile.ZipInfo], budget: int) -> dict[str, bytes]:
    total = 0
    xml_parts: dict[str, bytes] = {}
    for info in members:
        name = info.filename
        is_xml = name.lower().endswith(_XML_SUFFIXES) or name == "mimetype"
        chunks: list[bytes] = []
        tail = b""
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    if total > budget:
                        raise ZipBomb()
                    if is_xml:
                        window = tail + chunk
                        if any(marker in window for marker in _DTD_MARKERS):
                            raise UnsafeXml()
                        tail = window[-32:]
                        chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError) as exc:
            raise CorruptFile() from exc
        if is_xml:
            xml_parts[name] = b"".join(chunks)
    return xml_parts
