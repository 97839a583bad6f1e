"""The non-technical half of the taxonomy: the spellings postings use reach one canonical entry,
and words that only look like a skill ("in a timely fashion", "March 1") reach none."""

from __future__ import annotations

import pytest

from bot.skills.extract import default_matcher
from bot.skills.model import Category
from bot.skills.taxonomy import Entry, load_taxonomy


def _names(text: str) -> list[str]:
    return [m.entry.name for m in default_matcher().find(text)]


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Proficient in MS Excel and PowerPoint", "Microsoft Excel"),
        ("Experience with G Suite", "Google Workspace"),
        ("B.Sc. in Biology", "Bachelor of Science"),
        ("bachelors degree in Finance", "Bachelor's degree"),
        ("Ph.D. in Chemistry", "PhD"),
        ("M.A. in Economics", "Master of Arts"),
        ("M&A experience", "Mergers and acquisitions"),
        ("Du taler flydende dansk", "Danish"),
        ("Sehr gute Deutsch-Kenntnisse", "German"),
        ("Fluent Mandarin", "Mandarin Chinese"),
        ("GTAW and GMAW processes", "TIG welding"),
        ("certified forklift operator", "Forklift certification"),
        ("Own FP&A for the region", "Financial planning and analysis"),
        ("Reporting under US GAAP", "GAAP"),
        ("ServSafe Manager certified", "ServSafe"),
        ("OSHA 30-hour card", "OSHA 30"),
        ("Security+ or CySA+", "CompTIA Security+"),
        ("SHRM-CP preferred", "SHRM-CP"),
        ("Lean Six Sigma Green Belt", "Six Sigma Green Belt"),
        ("QuickBooks Online and Xero", "QuickBooks"),
        ("charting in Epic EHR", "Epic"),
        ("Active RN license", "Registered Nurse license"),
        ("BLS and ACLS required", "ACLS"),
        ("Certified Kubernetes Administrator (CKA)", "CKA"),
        ("Strong attention to detail", "Attention to detail"),
    ],
)
def test_posting_spellings_reach_the_canonical_entry(text: str, canonical: str) -> None:
    assert canonical in _names(text)


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("Deliver features in a timely fashion", "Fashion industry"),
        ("Application deadline: March 1", "Master of Architecture"),
        ("A user-friendly interface", "Friendliness"),
        ("Build resilient systems", "Perseverance"),
        ("Ensure data integrity across services", "Personal integrity"),
        ("Structured logging and tracing", "Forestry"),
        ("Our award-winning process mining technology", "Mining operations"),
        ("We polish the UI before release", "Polish"),
        ("Experience translating requirements into designs", "Language translation"),
        ("Ability to handle time zones", "Typing speed"),
        ("Reliable, scalable services", "Dependability"),
        ("Build a bed of tests", "Bachelor of Education"),
    ],
)
def test_words_in_other_senses_reach_no_entry(text: str, not_meant: str) -> None:
    assert not_meant not in _names(text)


def _by_name() -> dict[str, Entry]:
    return {e.name: e for e in load_taxonomy().entries}


def test_credentials_and_levels_imply_their_parents() -> None:
    by_name = _by_name()
    assert by_name["TIG welding"].parents == ("Welding",)
    assert by_name["Six Sigma Green Belt"].parents == ("Six Sigma",)
    assert by_name["Bachelor of Science in Nursing"].parents == ("Bachelor's degree",)
    assert by_name["Mandarin Chinese"].parents == ("Chinese",)


def test_each_kind_of_non_technical_keyword_has_its_category() -> None:
    by_name = _by_name()
    assert by_name["Bachelor's degree"].category is Category.EDUCATION
    assert by_name["Danish"].category is Category.LANGUAGE
    assert by_name["CPA"].category is Category.CERTIFICATION
    assert by_name["Communication"].category is Category.SOFT_SKILL
    assert by_name["Salesforce"].category is Category.TOOL
    assert by_name["Wound care"].category is Category.PRACTICE
