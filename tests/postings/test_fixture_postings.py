"""Every field and the key sections of 42 hand-written postings (tests/postings/fixtures/).

The postings span software, data, design, nursing, sales, finance, trades, teaching, hospitality,
internships and non-US/non-English jobs, in plain text, markdown, Discord markdown, HTML,
Greenhouse's entity-escaped HTML and pasted job-board pages with their chrome.
expected.json holds, per file, the value of every field (null when the posting does not say it)
and snippets that must fall in a section of a given kind.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from bot.postings.model import Posting
from bot.postings.parse import parse_posting

FIXTURES = Path(__file__).parent / "fixtures"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FIELDS = ("title", "company", "locations", "workplace", "employment_type", "seniority", "years_min", "years_max")


@pytest.fixture(scope="module")
def parsed() -> dict[str, Posting]:
    return {name: parse_posting((FIXTURES / name).read_text(encoding="utf-8")) for name in EXPECTED}


def test_the_table_covers_every_fixture_and_enough_of_them() -> None:
    files = {p.name for p in FIXTURES.iterdir() if p.name != "expected.json"}
    assert files == set(EXPECTED)
    assert len(files) >= 40
    assert {p.suffix for p in FIXTURES.iterdir()} >= {".txt", ".md", ".html"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fields(name: str, parsed: dict[str, Posting]) -> None:
    want = EXPECTED[name]
    got = parsed[name].to_dict()
    for field in FIELDS:
        assert got[field] == want[field], f"{name}: {field}"
    assert got["salary"] == want["salary"], f"{name}: salary"
    assert got["education"] == want["education"], f"{name}: education"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections(name: str, parsed: dict[str, Posting]) -> None:
    posting = parsed[name]
    text = posting.clean.text
    for kind, snippets in EXPECTED[name]["sections"].items():
        for snippet in snippets:
            at = text.find(snippet)
            assert at >= 0, f"{name}: {snippet!r} not in the clean text"
            section = next(s for s in posting.sections if s.start <= at < s.end)
            assert str(section.kind) == kind, f"{name}: {snippet!r} is in {section.kind}, expected {kind}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sections_tile_the_clean_text(name: str, parsed: dict[str, Posting]) -> None:
    sections = parsed[name].sections
    assert sections[0].start == 0
    assert sections[-1].end == len(parsed[name].clean.text)
    assert all(a.end == b.start for a, b in itertools.pairwise(sections))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_nothing_from_chrome_becomes_a_field(name: str, parsed: dict[str, Posting]) -> None:
    posting = parsed[name]
    chrome = " ".join(posting.clean.text[s.start : s.end] for s in posting.sections if str(s.kind) == "chrome")
    fields = posting.fields
    for value in (fields.title, fields.company, *fields.locations):
        if value and chrome:
            in_rest = any(
                value in posting.clean.text[s.start : s.end] for s in posting.sections if str(s.kind) != "chrome"
            )
            assert in_rest, f"{name}: {value!r} only appears in chrome"
