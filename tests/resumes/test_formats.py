"""Every supported format, built in the test, reads to the text a person sees in it."""

from __future__ import annotations

from datetime import date

import pytest

from bot.resumes import ResumeLimits, read_resume
from tests.resumes.builders import make_docx, make_odt, make_pdf

TODAY = date(2025, 6, 1)

RESUME_LINES = [
    "Jane Doe",
    "jane.doe@example.com | +1 (555) 123-4567",
    "PROFESSIONAL EXPERIENCE",
    "Senior Data Engineer, Acme Corp    Jan 2019 - Present",
    "Built Spark pipelines and Airflow DAGs.",
    "Data Analyst, Initech    03/2016 - 12/2018",
    "EDUCATION",
    "B.Sc. in Computer Science, 2012 - 2016",
    "Technical Skills",
    "Python, SQL, Spark",
]


def test_pdf_text_layer_pages_and_structure() -> None:
    data = make_pdf([RESUME_LINES[:6], RESUME_LINES[6:]])
    resume = read_resume(data, "resume.pdf", "application/pdf", today=TODAY)
    assert resume.format == "pdf"
    assert resume.pages == 2
    assert "Built Spark pipelines and Airflow DAGs." in resume.text
    assert "Python, SQL, Spark" in resume.text
    assert [s.kind for s in resume.sections] == ["contact", "experience", "education", "skills"]
    assert resume.has_email and resume.has_phone
    assert resume.degrees == ("bachelor",)
    assert resume.total_years == pytest.approx(9.4, abs=0.1)  # 2016-03 .. 2025-06 with no gap


def test_pdf_over_page_limit_reads_first_pages_with_warning() -> None:
    pages = [[f"Page {i} experience line"] for i in range(1, 31)]
    resume = read_resume(make_pdf(pages), "long.pdf", None, ResumeLimits(max_pages=20))
    assert resume.pages == 30
    assert "Page 20 experience line" in resume.text
    assert "Page 21 experience line" not in resume.text
    assert resume.warnings == ("only the first 20 of 30 pages were read",)


def test_docx_reads_body_tables_nested_tables_text_boxes_headers_and_footers() -> None:
    data = make_docx(
        ["EXPERIENCE", "Backend Developer at Globex"],
        header="Jane Doe - jane@example.com",
        footer="References available on request",
        table=[["2019 - 2021", "Platform Engineer, Hooli"], ["Skills", "Kubernetes, Terraform"]],
        nested_cell_text="Nested: Go and Rust",
        text_box="Certified Kubernetes Administrator",
    )
    resume = read_resume(data, "cv.docx", None, today=TODAY)
    assert resume.format == "docx"
    text = resume.text
    assert text.startswith("Jane Doe - jane@example.com")  # the header comes first: contact block
    assert text.endswith("References available on request")
    assert "Platform Engineer, Hooli" in text
    assert "Nested: Go and Rust" in text
    assert resume.section_at(text.index("Skills\tKubernetes")) == "skills"  # the table's label cell
    assert text.count("Certified Kubernetes Administrator") == 1  # the VML fallback copy is skipped
    assert resume.has_email


def test_docx_table_row_of_single_paragraph_cells_is_one_line() -> None:
    data = make_docx(["WORK HISTORY"], table=[["Jan 2020 - Dec 2020", "QA Engineer, Umbrella"]])
    resume = read_resume(data, "cv.docx", None, today=TODAY)
    assert "Jan 2020 - Dec 2020\tQA Engineer, Umbrella" in resume.text
    assert [(p.title, p.start, p.end) for p in resume.positions] == [
        ("QA Engineer, Umbrella", date(2020, 1, 1), date(2020, 12, 1))  # the end month as written
    ]
    assert resume.total_years == 1.0


def test_odt_paragraphs_headings_lists_tables_spaces_and_header() -> None:
    body = (
        "<text:h>Work Experience</text:h>"
        "<text:p>Nurse<text:s text:c='3'/>at<text:tab/>City Hospital<text:line-break/>May 2015 to June 2016</text:p>"
        "<text:list><text:list-item><text:p>Triage and wound care</text:p></text:list-item></text:list>"
        "<table:table><table:table-row><table:table-cell><text:p>Education</text:p></table:table-cell>"
        "<table:table-cell><text:p>Bachelor of Science in Nursing</text:p></table:table-cell>"
        "</table:table-row></table:table>"
        "<office:annotation><text:p>private reviewer note</text:p></office:annotation>"
    )
    resume = read_resume(make_odt(body, header="Ann Smith"), "cv.odt", None, today=TODAY)
    assert resume.format == "odt"
    assert resume.text.splitlines()[:4] == [
        "Ann Smith",
        "Work Experience",
        "Nurse   at\tCity Hospital",
        "May 2015 to June 2016",
    ]
    assert "Triage and wound care" in resume.text
    assert "private reviewer note" not in resume.text
    assert resume.degrees == ("bachelor",)
    assert resume.total_years == pytest.approx(1.2, abs=0.05)


def test_rtf_with_code_page_escapes() -> None:
    rtf = (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Arial;}}"
        rb"\f0 Jos\'e9 Garc\'eda\par SKILLS\par Excel, SAP\par EXPERIENCE\par Accountant 2018 - 2022\par}"
    )
    resume = read_resume(rtf, "cv.rtf", "application/rtf", today=TODAY)
    assert resume.format == "rtf"
    assert resume.text.splitlines()[0] == "José García"
    assert [s.kind for s in resume.sections] == ["contact", "skills", "experience"]
    assert resume.total_years == 4.0


def test_html_blocks_become_lines_and_scripts_vanish() -> None:
    html = (
        b"<!DOCTYPE html><html><head><title>CV</title><style>p{color:red}</style></head><body>"
        b"<h1>Sam Lee</h1><h2>Summary</h2><p>Product <b>manager</b> with\n   8 years.</p>"
        b"<script>alert('x')</script><h2>Experience</h2><ul><li>PM, Stark Industries, 2017 &ndash; now</li></ul>"
        b"</body></html>"
    )
    resume = read_resume(html, "cv.html", "text/html", today=TODAY)
    assert resume.format == "html"
    assert resume.text.splitlines() == ["Sam Lee", "Summary", "Product manager with 8 years.", "Experience",
                                        "PM, Stark Industries, 2017 – now"]  # fmt: skip
    assert resume.positions[0].current


@pytest.mark.parametrize("codec", ["utf-16", "utf-8-sig", "utf-32"])
def test_text_in_unicode_encodings_with_bom(codec: str) -> None:
    text = "Zoë Müller\nEXPERIENCE\nIngénieure, 2020 – present\n"
    resume = read_resume(text.encode(codec), "cv.txt", "text/plain", today=TODAY)
    assert resume.format == "text"
    assert resume.text == text.strip()
    assert resume.positions[0].start == date(2020, 1, 1)


def test_text_in_a_legacy_code_page() -> None:
    text = "Résumé de François Lefèvre\nProfessional Experience\nDéveloppeur à Montréal, 2015 – 2019\n"
    resume = read_resume(text.encode("cp1252"), None, None, today=TODAY)
    assert resume.text.splitlines()[:2] == ["Résumé de François Lefèvre", "Professional Experience"]
    assert resume.sections[1].kind == "experience"
    assert resume.total_years == 4.0


def test_markdown_by_name_or_by_headings() -> None:
    markdown = "# Alex Kim\n\n## Experience\n\n**Staff Engineer**, Initech — 2016-2020\n\n## Skills\n\n- Rust\n"
    named = read_resume(markdown.encode(), "README.md", None, today=TODAY)
    sniffed = read_resume(markdown.encode(), None, None, today=TODAY)
    assert named.format == sniffed.format == "markdown"
    assert [s.kind for s in named.sections] == ["other", "experience", "skills"]
    assert named.total_years == 4.0


def test_characters_beyond_the_limit_are_truncated_with_a_warning() -> None:
    text = ("Experienced welder and fabricator. " * 200).encode()
    resume = read_resume(text, "cv.txt", None, ResumeLimits(max_chars=1000))
    assert len(resume.text) <= 1000
    assert resume.warnings == ("text was truncated at 1,000 characters",)
    pdf = make_pdf([[f"Experienced welder and fabricator, line {i}" for i in range(40)]])
    assert read_resume(pdf, None, None, ResumeLimits(max_chars=500)).warnings == (
        "text was truncated at 500 characters",
    )


def test_name_and_content_type_never_decide_the_format() -> None:
    pdf = make_pdf([["Jane Doe", "EXPERIENCE", "Welder 2010 - 2020"]])
    resume = read_resume(pdf, "resume.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    assert resume.format == "pdf"


def test_limits_from_settings() -> None:
    from bot.config import Settings

    settings = Settings(max_resume_bytes=1000, max_resume_pages=3, max_resume_chars=50, resume_timeout_seconds=1.5,
                        max_decompressed_bytes=4000)  # fmt: skip
    assert ResumeLimits.from_settings(settings) == ResumeLimits(1000, 3, 50, 1.5, 4000)
    assert ResumeLimits() == ResumeLimits.from_settings(Settings(_env_file=None))  # type: ignore[call-arg]


def test_long_docx_and_odt_stop_at_the_character_limit_even_inside_a_table() -> None:
    lines = [f"Line {i}: maintained hydraulic presses and CNC lathes." for i in range(400)]
    docx_data = make_docx(["Jane Doe"], table=[[line] for line in lines[:200]])
    odt_data = make_odt("".join(f"<text:p>{line}</text:p>" for line in lines))
    for data in (docx_data, odt_data, make_docx(lines)):
        resume = read_resume(data, None, None, ResumeLimits(max_chars=2000))
        assert len(resume.text) == 2000
        assert resume.warnings == ("text was truncated at 2,000 characters",)
        assert "Line 0:" in resume.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom(codec: str) -> None:
    text = "Chloé Martin\nSkills\nPayroll, Excel, SAP\nExperience\nAccountant, 2012 - 2020\n"
    resume = read_resume(text.encode(codec), "cv.txt", None, today=TODAY)
    assert resume.text == text.strip()
    assert resume.total_years == 8.0


def test_control_characters_are_removed_and_vertical_tabs_break_lines() -> None:
    text = "Project\x02 manager at Acme\x7f\x0bSkills: Scrum, Jira, Confluence and stakeholder management\n" * 3
    resume = read_resume(text.encode(), None, None)
    first, second = resume.text.splitlines()[:2]
    assert (first, second) == ("Project manager at Acme", "Skills: Scrum, Jira, Confluence and stakeholder management")
