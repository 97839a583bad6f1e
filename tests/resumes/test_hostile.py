"""Each way an upload can be wrong or hostile ends in one typed error with a plain sentence,
within bounded time and memory, and never in a traceback."""

from __future__ import annotations

import io
import time
import zipfile

import pypdfium2 as pdfium
import pytest

from bot.errors import UserFacingError
from bot.resumes import (
    CorruptFile,
    EmptyFile,
    EncryptedDocument,
    EncryptedPdf,
    ExecutableFile,
    ImageFile,
    LegacyWordFile,
    ResumeLimits,
    ScannedPdf,
    TooLarge,
    TooManyPages,
    UnsafeXml,
    UnsupportedType,
    ZipBomb,
    read_resume,
    reader,
)
from bot.resumes.odt_text import odt_text
from tests.resumes.builders import BILLION_LAUGHS_DTD, make_docx, make_odt, make_pdf, replace_zip_member

DOCX = make_docx(["EXPERIENCE", "Welder 2010 - 2020"])


def _one_sentence(error: UserFacingError) -> str:
    message = str(error)
    assert message.endswith("."), message
    assert message.count(". ") == 0, message
    assert "Error" not in message and "Traceback" not in message
    return message


def test_empty_file() -> None:
    with pytest.raises(EmptyFile) as caught:
        read_resume(b"", "cv.pdf", "application/pdf")
    _one_sentence(caught.value)


def test_oversize_file_is_refused_from_its_size_before_any_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_parsing() -> None:
        raise AssertionError("an oversize file reached the parser")

    monkeypatch.setattr(reader, "_parser_pool", no_parsing)
    monkeypatch.setattr(reader, "sniff", no_parsing)
    data = b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)
    with pytest.raises(TooLarge) as caught:
        read_resume(data, "cv.pdf", None, ResumeLimits(max_bytes=1024 * 1024))
    assert "2.0 MB" in _one_sentence(caught.value) and "1 MB limit" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200, ExecutableFile),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200, ExecutableFile),
        (b"\xcf\xfa\xed\xfe\x07\x00\x00\x01" + b"\x00" * 200, ExecutableFile),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 100, ImageFile),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 100, ImageFile),
        (b"GIF89a\x01\x00\x01\x00" + b"\x00" * 100, ImageFile),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 " + b"\x00" * 100, ImageFile),
        (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00" + b"\x00" * 100, ImageFile),
        (b"II*\x00\x08\x00\x00\x00" + b"\x00" * 100, ImageFile),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, LegacyWordFile),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 100, UnsupportedType),
        (bytes(range(256)) * 20, UnsupportedType),  # binary junk is not text
    ],
)
def test_files_that_are_not_documents_are_refused_whatever_their_name(data: bytes, error: type[Exception]) -> None:
    for filename, content_type in (("resume.pdf", "application/pdf"), ("resume.docx", None), (None, None)):
        with pytest.raises(error) as caught:
            read_resume(data, filename, content_type)
        _one_sentence(caught.value)  # type: ignore[arg-type]


def test_image_message_suggests_a_document() -> None:
    with pytest.raises(ImageFile, match="PDF or DOCX"):
        read_resume(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "resume.docx", None)


def test_old_word_doc_message_says_how_to_convert() -> None:
    with pytest.raises(LegacyWordFile, match="save it as DOCX or PDF"):
        read_resume(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "resume.doc", None)


def test_password_protected_docx_is_not_called_an_old_doc() -> None:
    ole2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 64
    with pytest.raises(EncryptedDocument, match="password-protected"):
        read_resume(ole2, "resume.docx", None)


def test_encrypted_pdf() -> None:
    data = make_pdf([["Jane Doe", "Secret experience"]], user_password="hunter2")
    with pdfium.PdfDocument(data, password="hunter2") as document:  # really encrypted, with that password
        assert len(document) == 1
    with pytest.raises(EncryptedPdf) as caught:
        read_resume(data, "cv.pdf", None)
    assert "password" in _one_sentence(caught.value)


def test_scanned_pdf_says_it_is_scanned_and_how_to_fix_it() -> None:
    with pytest.raises(ScannedPdf) as caught:
        read_resume(make_pdf([[], []], image_only=True), "scan.pdf", None)
    message = str(caught.value)
    assert "scanned" in message and "no text layer" in message and "export a text PDF" in message


def test_ten_thousand_page_pdf_is_refused_from_its_page_count() -> None:
    document = pdfium.PdfDocument.new()
    for _ in range(10_000):
        document.new_page(200, 200)
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    started = time.perf_counter()
    with pytest.raises(TooManyPages) as caught:
        read_resume(buffer.getvalue(), "cv.pdf", None)
    assert time.perf_counter() - started < 10.0  # bounded (a worker may be starting), not a benchmark
    assert "10,000 pages" in _one_sentence(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        make_pdf([["Jane Doe", "EXPERIENCE"]])[:300],  # truncated
        b"%PDF-1.7\n" + bytes(range(256)) * 4,  # a PDF header over junk
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    ],
    ids=["truncated", "junk", "no-pages"],
)
def test_corrupt_pdf(data: bytes) -> None:
    with pytest.raises(CorruptFile) as caught:
        read_resume(data, "cv.pdf", None)
    _one_sentence(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        DOCX[: len(DOCX) // 2],  # truncated: no central directory
        replace_zip_member(DOCX, "word/document.xml", b"<w:document><w:body><w:p>"),  # broken XML
        b"PK\x03\x04" + b"\x00" * 100,
    ],
    ids=["truncated", "bad-xml", "bare-header"],
)
def test_corrupt_docx(data: bytes) -> None:
    with pytest.raises(CorruptFile):
        read_resume(data, "cv.docx", None)


def test_zip_that_is_not_a_document() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photos/me.txt", "hello")
    with pytest.raises(UnsupportedType):
        read_resume(buffer.getvalue(), "cv.docx", None)


def test_zip_bomb_docx_is_refused_before_inflating() -> None:
    bomb = replace_zip_member(DOCX, "word/document.xml", b" " * (60 * 1024 * 1024))
    assert len(bomb) < 200 * 1024
    started = time.perf_counter()
    with pytest.raises(ZipBomb) as caught:
        read_resume(bomb, "cv.docx", None)
    assert time.perf_counter() - started < 10.0
    _one_sentence(caught.value)


def test_zip_bomb_under_a_lower_unpacked_limit() -> None:
    inflated = replace_zip_member(DOCX, "word/document.xml", b"<!-- padding -->" * 100_000)  # 1.6 MB, ratio < 200
    with pytest.raises(ZipBomb):
        read_resume(inflated, "cv.docx", None, ResumeLimits(max_decompressed_bytes=1024 * 1024))


def test_zip_with_lying_sizes_is_refused() -> None:
    """A member whose headers declare 100 bytes but which inflates to 10 MB is never inflated past 100."""
    bomb = bytearray(replace_zip_member(DOCX, "word/document.xml", b" " * (10 * 1024 * 1024)))
    archive = zipfile.ZipFile(io.BytesIO(bytes(bomb)))
    info = archive.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    bomb[info.header_offset + 22 : info.header_offset + 26] = (100).to_bytes(4, "little")
    central = bytes(bomb).rfind(real, 0, len(bomb) - 22)
    bomb[central : central + 4] = (100).to_bytes(4, "little")
    with pytest.raises(CorruptFile):  # zipfile stops at the declared size, then the CRC fails
        read_resume(bytes(bomb), "cv.docx", None)


def test_zip_with_too_many_members() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<x/>")
        for i in range(2500):
            archive.writestr(f"word/media/{i}.bin", b"")
    with pytest.raises(ZipBomb):
        read_resume(buffer.getvalue(), "cv.docx", None)


def test_billion_laughs_in_docx_is_refused() -> None:
    body = BILLION_LAUGHS_DTD + (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    with pytest.raises(UnsafeXml) as caught:
        read_resume(replace_zip_member(DOCX, "word/document.xml", body.encode()), "cv.docx", None)
    _one_sentence(caught.value)


def test_billion_laughs_in_utf16_xml_is_refused() -> None:
    body = BILLION_LAUGHS_DTD.replace('1.0"?>', '1.0" encoding="UTF-16"?>') + "<w:document/>"
    with pytest.raises(UnsafeXml):
        read_resume(replace_zip_member(DOCX, "word/document.xml", body.encode("utf-16")), "cv.docx", None)


def test_billion_laughs_in_odt_is_refused_by_the_zip_scan_and_by_the_parser() -> None:
    odt = make_odt("<text:p>&lol9;</text:p>", prolog=BILLION_LAUGHS_DTD)
    with pytest.raises(UnsafeXml):
        read_resume(odt, "cv.odt", None)
    with pytest.raises(UnsafeXml):  # defusedxml refuses it too, without the scan
        odt_text({"content.xml": zipfile.ZipFile(io.BytesIO(odt)).read("content.xml")}, 1000)


def test_a_hanging_parser_is_killed_at_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    from bot.resumes.errors import ParseTimeout
    from bot.resumes.worker import ParserPool

    pool = ParserPool("tests.resumes.hostile_jobs:hang", size=1)
    monkeypatch.setattr(reader, "_pool", pool)
    try:
        started = time.perf_counter()
        with pytest.raises(ParseTimeout) as caught:
            read_resume(DOCX, "cv.docx", None, ResumeLimits(timeout_seconds=0.5))
        assert 0.5 <= time.perf_counter() - started < 10.0
        assert "0.5 seconds" in _one_sentence(caught.value)
    finally:
        pool.close()
