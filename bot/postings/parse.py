"""Raw posting text → `Posting`: the pipeline clean → chrome → sections → fields → keywords."""

from __future__ import annotations

from bot.postings.clean import clean_posting
from bot.postings.fields import extract_fields
from bot.postings.model import Posting
from bot.postings.sections import split_sections
from bot.skills.extract import extract_keywords


def parse_posting(raw: str) -> Posting:
    """Parse what a user shared; `raw` is kept exactly so keyword offsets point into it.

    Site chrome is found while splitting sections (chrome.py), so it never reaches the fields
    or the keyword extractor as posting content.
    """
    cleaned = clean_posting(raw)
    sections = split_sections(cleaned.clean.text, cleaned.heading_starts)
    fields = extract_fields(cleaned.clean.text, sections)
    keywords = extract_keywords(raw, cleaned.clean, sections, fields.title)
    return Posting(raw=raw, clean=cleaned.clean, sections=sections, fields=fields, keywords=keywords)
