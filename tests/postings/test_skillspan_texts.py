"""The SkillSpan postings of ../shared, as the keyword evaluation feeds them: plain text kept as is,
only site metadata marked as chrome, and every stage bounded and total."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.postings.clean import clean_posting
from bot.postings.fields import extract_fields
from bot.postings.model import SectionKind
from bot.postings.sections import split_sections

pytestmark = pytest.mark.shared


def _postings(shared_dir: Path) -> list[str]:
    groups: dict[tuple[str, int], list[str]] = {}
    for line in (shared_dir / "data" / "skillspan" / "dev.json").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        groups.setdefault((row["source"], row["idx"]), []).append(" ".join(row["tokens"]))
    return ["\n".join(sentences) for sentences in groups.values()]


_WINDOWS_1252_MARKS = str.maketrans("\x91\x92\x93\x94\x95\x96\x97", "‘’“”•–—")
"""Quotes, bullets and dashes that some postings hold as control characters: cleaning restores them."""


def test_skillspan_postings(shared_dir: Path) -> None:
    texts = _postings(shared_dir)
    assert len(texts) > 50
    changed = 0
    for text in texts:
        cleaned = clean_posting(text)
        clean = cleaned.clean
        assert len(clean.origin) == len(clean.text) + 1
        if clean.text != text.translate(_WINDOWS_1252_MARKS):
            changed += 1
            assert clean.text.count("\n") == text.count("\n")  # lines are never merged
            for i, ch in enumerate(clean.text):
                assert not ch.isalnum() or text[clean.origin[i]] == ch
        sections = split_sections(clean.text, cleaned.heading_starts)
        assert sections[0].start == 0 and sections[-1].end == len(clean.text)
        for section in sections:
            if section.kind is SectionKind.CHROME:
                chrome = clean.text[section.start : section.end]
                assert all(
                    line.startswith(("Likes:", "Date posted:", "Apply", "APPLY"))
                    for line in chrome.splitlines()
                    if line
                ), chrome
        extract_fields(clean.text, sections)
    assert changed <= len(texts) // 4  # only bullets (•, *, →) and zero-width characters differ
