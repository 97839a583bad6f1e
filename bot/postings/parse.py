"""Raw posting text → `Posting`: the pipeline clean → chrome → sections → fields → keywords."""

from __future__ import annotations

from bot.postings.model import CleanText, Posting, PostingFields, Section, SectionKind
from bot.skills.extract import extract_keywords


def parse_posting(raw: str) -> Posting:
    """Parse what a user shared; `raw` is kept exactly so keyword offsets point into it."""
    clean = CleanText.identity(raw)
    sections = (Section(SectionKind.OTHER, 0, len(raw)),) if raw else ()
    fields = PostingFields()
    keywords = extract_keywords(raw, clean, sections, fields.title)
    return Posting(raw=raw, clean=clean, sections=sections, fields=fields, keywords=keywords)
