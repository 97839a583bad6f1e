"""The text report a person reads: fields first, keywords by category, marks, counts, wording to copy."""

from __future__ import annotations

from bot.postings.model import CleanText, Education, Posting, PostingFields, Salary, Section, SectionKind
from bot.skills.extract import extract_keywords
from bot.skills.report import format_posting_text

RAW = """Requirements
- 5+ years of Python and k8s
- Excellent communication skills
Nice to have
- Terraform
- Experience with Zorblax
"""


def _posting(fields: PostingFields) -> Posting:
    clean = CleanText.identity(RAW)
    cut = RAW.index("Nice to have")
    sections = (Section(SectionKind.REQUIRED, 0, cut), Section(SectionKind.PREFERRED, cut, len(RAW)))
    keywords = extract_keywords(RAW, clean, sections, fields.title)
    return Posting(RAW, clean, sections, fields, keywords)


def test_report_shows_fields_categories_marks_and_wording() -> None:
    fields = PostingFields(
        title="Senior Python Engineer",
        company="Acme",
        locations=("Berlin", "Remote"),
        workplace="hybrid",
        employment_type="full_time",
        seniority="senior",
        years_min=5,
        salary=Salary(70000, 90000, "EUR", "year"),
        education=Education("bachelor", ("Computer Science",), True),
    )
    text = format_posting_text(_posting(fields))
    lines = text.splitlines()
    assert lines[:9] == [
        "Title:      Senior Python Engineer",
        "Company:    Acme",
        "Location:   Berlin; Remote",
        "Workplace:  hybrid",
        "Type:       full time",
        "Seniority:  senior",
        "Experience: 5+ years",
        "Salary:     70,000–90,000 EUR a year",
        "Education:  bachelor in Computer Science (required)",
    ]
    assert "Programming languages:" in lines
    assert any(line.startswith("  - Python  [required, 1×") for line in lines)
    assert any(line.startswith('  - Kubernetes (written "k8s")  [required') for line in lines)
    assert any(line.startswith("  - Terraform  [preferred") for line in lines)
    assert lines.index("Programming languages:") < lines.index("Other terms (not in the taxonomy: check them):")
    assert lines[-1].startswith("Copy: Python, ")
    assert {"k8s", "Terraform", "communication skills"} <= set(lines[-1].removeprefix("Copy: ").split(", "))
    assert lines.index("Soft skills:") > lines.index("Tools and software:")
    assert "Zorblax" not in lines[-1]  # unchecked discoveries are not offered for copying


def test_report_without_fields_or_keywords() -> None:
    empty = Posting("", CleanText.identity(""), (), PostingFields())
    assert format_posting_text(empty) == "No posting fields or keywords found."
    assert format_posting_text(Posting("x", CleanText.identity("x"), (), PostingFields(title="X"))).endswith(
        "No keywords found."
    )
