"""Bytes → text, and bad input of every kind handled in bounded time with a clear result."""

from __future__ import annotations

import codecs
import time

import pytest

from bot.errors import UserFacingError
from bot.postings.clean import MAX_TEXT_CHARS, clean_posting
from bot.postings.decode import MAX_POSTING_BYTES, posting_text_from_bytes
from bot.postings.fields import extract_fields
from bot.postings.sections import split_sections


def test_utf8_and_boms() -> None:
    assert posting_text_from_bytes("Café Manager".encode(), "a.txt") == "Café Manager"
    assert posting_text_from_bytes(codecs.BOM_UTF8 + b"Nurse", "a.txt") == "Nurse"
    assert posting_text_from_bytes(codecs.BOM_UTF16_LE + "Løn 45.000 kr.".encode("utf-16-le"), None) == "Løn 45.000 kr."
    assert posting_text_from_bytes(codecs.BOM_UTF16_BE + "Ingénieur".encode("utf-16-be"), None) == "Ingénieur"


def test_utf16_without_bom() -> None:
    text = "Registered Nurse, night shift, Denver"
    assert posting_text_from_bytes(text.encode("utf-16-le"), None) == text
    assert posting_text_from_bytes(text.encode("utf-16-be"), None) == text


def test_legacy_encoding_is_detected() -> None:
    raw = "Wir suchen einen Entwickler für unser Büro in München. Gehalt nach Vereinbarung, schöne Grüße.".encode(
        "cp1252"
    )
    assert "München" in posting_text_from_bytes(raw, "stelle.txt")


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"%PDF-1.7\n...", "attach the posting as text"),
        (b"PK\x03\x04rest-of-a-docx", "attach the posting as text"),
        (bytes(range(256)) * 64, "does not look like text"),
        (b"\x00\x01\x02\x03" * 1000, "does not look like text"),
    ],
)
def test_documents_and_binary_junk_are_refused_with_a_sentence(data: bytes, words: str) -> None:
    with pytest.raises(UserFacingError, match=words):
        posting_text_from_bytes(data, "job.bin")


def test_too_big_is_refused() -> None:
    with pytest.raises(UserFacingError, match="larger than"):
        posting_text_from_bytes(b"a" * (MAX_POSTING_BYTES + 1), "big.txt")


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "   \n\n\t ",
        "x" * (5 * 1024 * 1024),
        "Requirements\n" + "- Python\n" * 100_000,
        "<div>" * 10_000 + "Senior Engineer" + "</div>" * 10_000,
        "<" * 200_000,
        "&lt;p&gt;" * 50_000,
        "**" * 100_000,
        "$1 " * 100_000,
        "10 years " * 50_000,
        "Requirements\n" + "Python is a plus; " * 20_000,
        "Similar jobs\n" * 100_000,
        "Location: " + "Berlin, Germany; " * 20_000,
        "Location:\n" * 100_000,
        "<li>a" * 400_000,
        "<br>" * 500_000,
    ],
    ids=lambda raw: f"{raw[:12]!r}x{len(raw)}",
)
def test_hostile_postings_are_understood_in_bounded_time(raw: str) -> None:
    started = time.perf_counter()
    cleaned = clean_posting(raw)
    sections = split_sections(cleaned.clean.text, cleaned.heading_starts)
    extract_fields(cleaned.clean.text, sections)
    assert time.perf_counter() - started < 15  # about a second on a busy 2-core machine
    assert len(cleaned.clean.text) <= MAX_TEXT_CHARS
    assert len(cleaned.clean.origin) == len(cleaned.clean.text) + 1
    if sections:
        assert sections[-1].end == len(cleaned.clean.text)
