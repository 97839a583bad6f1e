"""Keyword extraction (being written: see bot/skills/data/FORMAT.md for the taxonomy)."""

from __future__ import annotations

from collections.abc import Sequence

from bot.postings.model import CleanText, Section
from bot.skills.model import Keyword


def extract_keywords(raw: str, clean: CleanText, sections: Sequence[Section], title: str | None) -> tuple[Keyword, ...]:
    """Keywords of a posting, with mentions mapped to offsets in `raw`."""
    return ()
