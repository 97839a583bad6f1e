"""Fields from whole postings: labels, header lines, sentences; None when unsaid; never from chrome."""

from __future__ import annotations

from bot.postings.model import PostingFields
from bot.postings.parse import parse_posting


def _fields(raw: str) -> PostingFields:
    return parse_posting(raw).fields


def test_nothing_said_nothing_guessed() -> None:
    fields = _fields("We need someone to help us tidy our garden this spring. Reply if interested.")
    assert fields == PostingFields()


def test_labels_win() -> None:
    fields = _fields(
        "Job title: Staff Data Scientist\nCompany: Acme Analytics\nLocation: Remote (EU)\n"
        "Employment type: Contract\nSeniority level: Senior\n\nRequirements\n- 7+ years of experience"
    )
    assert fields.title == "Staff Data Scientist"
    assert fields.company == "Acme Analytics"
    assert fields.locations == ("EU",)
    assert fields.workplace == "remote"
    assert fields.employment_type == "contract"
    assert fields.seniority == "staff"
    assert fields.years_min == 7


def test_title_and_company_from_one_header_line() -> None:
    assert (
        _fields("Senior Nurse — St. Mary's Hospital\n").title,
        _fields("Senior Nurse — St. Mary's Hospital\n").company,
    ) == (
        "Senior Nurse",
        "St. Mary's Hospital",
    )
    fields = _fields("Product Designer at Fernway\nCopenhagen, Denmark · Hybrid\n")
    assert (fields.title, fields.company, fields.locations, fields.workplace) == (
        "Product Designer",
        "Fernway",
        ("Copenhagen, Denmark",),
        "hybrid",
    )


def test_title_from_a_sentence_and_company_from_about_heading() -> None:
    raw = "About Lumen\nLumen makes tools for clinics.\n\nWe are looking for a Senior Data Analyst to join our team."
    fields = _fields(raw)
    assert fields.title == "Senior Data Analyst"
    assert fields.company == "Lumen"
    assert fields.seniority == "senior"


def test_seniority_comes_from_the_title() -> None:
    expected = {
        "Software Engineering Intern": "intern",
        "Junior Web Developer": "junior",
        "Senior Accountant": "senior",
        "Lead Nurse": "lead",
        "Staff Software Engineer": "staff",
        "Principal Product Designer": "principal",
        "Engineering Manager": "manager",
        "Director of Marketing": "director",
        "VP of Engineering": "executive",
        "Staff Nurse": None,
        "Product Manager": None,
        "Account Executive, Mid-Market": None,
        "Warehouse Associate": None,
    }
    for title, seniority in expected.items():
        assert _fields(f"{title}\nAcme Corp\n").seniority == seniority, title


def test_chrome_never_gives_fields() -> None:
    raw = (
        "Sign in\nJoin now\nData Engineer\nNorthfield · Columbus, OH\n\nRequirements\n- SQL\n"
        "Similar jobs\nSenior Director of Sales\nBeta Corp · Remote\n$250k - $300k a year\nFull-time"
    )
    fields = _fields(raw)
    assert fields.title == "Data Engineer"
    assert fields.salary is None
    assert fields.workplace is None
    assert fields.employment_type is None


def test_workplace_and_employment_from_sentences() -> None:
    fields = _fields("Backend Developer\n\nThis role is fully remote. This is a part-time position (20 hours a week).")
    assert fields.workplace == "remote"
    assert fields.employment_type == "part_time"
    assert _fields("Nurse\n\nRemote patient monitoring experience is a plus.").workplace is None


def test_education_required_or_preferred_from_its_section() -> None:
    required = _fields("Analyst\n\nRequirements\n- Bachelor's degree in Economics\n\nNice to have\n- MBA").education
    assert required is not None and (required.level, required.fields, required.required) == (
        "bachelor",
        ("Economics",),
        True,
    )
    preferred = _fields("Analyst\n\nNice to have\n- Master's degree in Statistics").education
    assert preferred is not None and preferred.required is False


def test_non_english_sentences() -> None:
    fields = _fields("Wir suchen ab sofort eine Pflegefachkraft (m/w/d) in Teilzeit für unser Seniorenzentrum.\n")
    assert (fields.title, fields.employment_type) == ("Pflegefachkraft", "part_time")
