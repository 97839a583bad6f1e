"""`SourcePosting` → `Posting`: the description goes through the ordinary pipeline (sections,
fields, keywords); the fields the source states outright replace what the parser guessed.
"""

from __future__ import annotations

from dataclasses import replace

from bot.postings.clean import clean_posting
from bot.postings.fields import extract_fields
from bot.postings.model import Posting
from bot.postings.sections import split_sections
from bot.postings.sources.model import SourcePosting
from bot.skills.extract import extract_keywords


def to_posting(source: SourcePosting) -> Posting:
    """Parse a source's document, structured fields first (the keyword extractor sees the real title)."""
    raw = source.document()
    cleaned = clean_posting(raw)
    sections = split_sections(cleaned.clean.text, cleaned.heading_starts)
    parsed = extract_fields(cleaned.clean.text, sections)
    fields = replace(
        parsed,
        title=source.title or parsed.title,
        company=source.company or parsed.company,
        locations=source.locations or parsed.locations,
        workplace=source.workplace or parsed.workplace,
        employment_type=source.employment_type or parsed.employment_type,
        salary=source.salary or parsed.salary,
    )
    keywords = extract_keywords(raw, cleaned.clean, sections, fields.title)
    return Posting(raw=raw, clean=cleaned.clean, sections=sections, fields=fields, keywords=keywords)
