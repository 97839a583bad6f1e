"""Sections, dated positions, years of experience, degrees and contact presence from text."""

from __future__ import annotations

import time
from datetime import date

import pytest

from bot.resumes.dates import find_ranges, total_years
from bot.resumes.headings import heading_kind
from bot.resumes.structure import analyse

TODAY = date(2025, 6, 15)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("EXPERIENCE", "experience"),
        ("Work History", "experience"),
        ("Professional Experience:", "experience"),
        ("## Employment History", "experience"),
        ("**Relevant Work Experience**", "experience"),
        ("W O R K  E X P E R I E N C E", "experience"),
        ("PROFESSIONAL HISTORY", "experience"),
        ("Technical Skills", "skills"),
        ("Core Competencies", "skills"),
        ("SKILLS & EXPERTISE", "skills"),
        ("T O O L S  &  T E C H", "skills"),
        ("Skills: Python, SQL, Tableau", "skills"),
        ("Academic Background", "education"),
        ("Education & Training", "education"),
        ("Educaon", "education"),  # a PDF converter dropped the "ti" ligature
        ("Professional Summary", "summary"),
        ("Career Objective", "summary"),
        ("PROFILE", "summary"),
        ("Personal Projects", "projects"),
        ("Licenses & Certifications", "certifications"),
        ("Contact Information", "contact"),
        ("Languages", "other"),
        ("HOBBIES AND INTERESTS", "other"),
        ("SUMMARY EDUCATION", "summary"),  # two columns side by side: the first wins
        ("LEADERSHIP EXPERIENCE", "experience"),
        ("Work Experience\tAcme Corp, 2019 - 2021", "experience"),  # a layout table's label cell
        ("CONSULTING EXPERIENCE", "experience"),  # unknown all-caps heading holding a section word
    ],
)
def test_heading_phrasings(line: str, kind: str) -> None:
    assert heading_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "GOOGLE INC",  # a company in capitals
        "Senior Software Engineer",
        "Technologies: Java, Spring, Kafka",  # inside a job entry
        "Jan 2020 - Dec 2020\tQA Engineer, Umbrella",
        "Responsibilities and Experience:",
        "patents",  # the end of a wrapped sentence
        "I have ten years of experience in skills training and education programmes.",
        "",
    ],
)
def test_lines_that_are_not_headings(line: str) -> None:
    assert heading_kind(line) is None


@pytest.mark.parametrize(
    ("line", "start", "end", "current"),
    [
        ("Jan 2019 – Present", date(2019, 1, 1), TODAY, True),
        ("2017-2020", date(2017, 1, 1), date(2020, 1, 1), False),
        ("03/2018 - 11/2021", date(2018, 3, 1), date(2021, 12, 1), False),
        ("May 2015 to June 2016", date(2015, 5, 1), date(2016, 7, 1), False),
        ("2019 – now", date(2019, 1, 1), TODAY, True),
        ("Since 2020", date(2020, 1, 1), TODAY, True),
        ("Sept. 2018 - Feb. 2020", date(2018, 9, 1), date(2020, 3, 1), False),
        ("2019 october - now: Mobile Developer", date(2019, 10, 1), TODAY, True),
        ("2021  now Full-Stack Developer", date(2021, 1, 1), TODAY, True),  # a dash lost in conversion
        ("Jan 2016  Jun 2017", date(2016, 1, 1), date(2017, 7, 1), False),
        ("IBS LLC, Software Developer 1998/2004", date(1998, 1, 1), date(2004, 1, 1), False),
        ("Embedded automotive software / 2018  2019", date(2018, 1, 1), date(2019, 1, 1), False),
        ("Apr 2020Jun 2020 Masa working program", date(2020, 4, 1), date(2020, 7, 1), False),
        ("2015-17", date(2015, 1, 1), date(2017, 1, 1), False),
        ("Intern, 2019 - 2019", date(2019, 1, 1), date(2019, 7, 1), False),  # within one year: half a year
        ("Lead, Jan 2024 - Dec 2026", date(2024, 1, 1), TODAY, False),  # the future is clamped to today
    ],
)
def test_date_ranges(line: str, start: date, end: date, current: bool) -> None:
    [found] = find_ranges(line, TODAY)
    assert (found.start, found.end, found.current) == (start, end, current)


@pytest.mark.parametrize(
    "line",
    [
        "Call 555-2019-2020",
        "Computer Science (2011  2015) beside a job",  # two spaces mid-line between bare years
        "Won the 2019 award",
        "Revenue grew from 1200 to 1800",
        "Starting 2030 - 2032",
    ],
)
def test_not_date_ranges(line: str) -> None:
    assert find_ranges(line, TODAY) == []


def test_overlapping_positions_count_once() -> None:
    years = total_years(
        [
            (date(2010, 1, 1), date(2015, 1, 1)),
            (date(2013, 1, 1), date(2016, 1, 1)),  # overlaps the first
            (date(2014, 1, 1), date(2014, 6, 1)),  # inside both
            (date(2018, 1, 1), date(2020, 1, 1)),  # after a gap
        ]
    )
    assert years == 8.0


RESUME = """Maria Lopez
maria.lopez@example.org · (415) 555-0134 · San Francisco

Summary
Operations manager with a decade in logistics.

Work Experience
Operations Manager, Contoso Logistics
Jan 2019 – Present
Shift Lead, Northwind Traders | 2014-2019
Warehouse Associate, Northwind Traders | 2013 - 2015

Education
Master of Business Administration, State University, 2016 - 2018
B.A. Economics, 2009 - 2013

Certifications
Six Sigma Green Belt, 2020 - 2021
"""


def test_whole_resume_structure() -> None:
    structure = analyse(RESUME, TODAY)
    assert [(s.kind, s.heading) for s in structure.sections] == [
        ("contact", None),
        ("summary", "Summary"),
        ("experience", "Work Experience"),
        ("education", "Education"),
        ("certifications", "Certifications"),
    ]
    assert RESUME[structure.sections[2].start :].startswith("Work Experience")
    assert [(p.title, p.current) for p in structure.positions] == [
        ("Operations Manager, Contoso Logistics", True),  # a line holding only dates: the title is above
        ("Shift Lead, Northwind Traders", False),
        ("Warehouse Associate, Northwind Traders", False),
    ]
    assert structure.positions[0].line == "Jan 2019 – Present"
    assert structure.total_years == 12.5  # 2013-01 .. 2025-06-15; education and certification dates left out
    assert structure.degrees == ("master", "mba", "bachelor")
    assert structure.has_email and structure.has_phone


def test_present_means_the_injected_today() -> None:
    text = "Experience\nEngineer, Jan 2020 - Present\n"
    assert analyse(text, date(2021, 1, 1)).total_years == 1.0
    assert analyse(text, date(2030, 1, 1)).total_years == 10.0


def test_dates_outside_any_experience_heading_still_count_unless_education() -> None:
    text = "Sam Roe\nAcme Corp, Engineer, 2015 - 2020\nEducation\nBSc, 2011 - 2015\n"
    structure = analyse(text, TODAY)
    assert structure.total_years == 5.0
    assert structure.degrees == ("bachelor",)


@pytest.mark.parametrize(
    ("text", "degrees"),
    [
        ("Education\nPh.D. in Physics", ("doctorate",)),
        ("Education\nDoctor of Philosophy, Chemistry", ("doctorate",)),
        ("Education\nMSc Data Science\nBSc Mathematics", ("master", "bachelor")),
        ("Education\nMS, Computer Science", ("master",)),
        ("Holds a Master's degree in Finance", ("master",)),
        ("Education\nAssociate of Applied Science, Nursing", ("associate",)),
        ("Education\nHigh School Diploma, 2010", ("high_school",)),
        ("Education\nMBA, Wharton", ("master", "mba")),
        ("Experience\nScrum Master at Initech\nBA team lead", ()),  # a role, not a degree
        ("Skills\nMS Office, MA state licence", ()),  # short forms only count under Education
    ],
)
def test_degrees(text: str, degrees: tuple[str, ...]) -> None:
    assert analyse(text, TODAY).degrees == degrees


@pytest.mark.parametrize(
    ("text", "email", "phone"),
    [
        ("a.b+cv@mail.example.co.uk", True, False),
        ("Phone: +44 20 7946 0958", False, True),
        ("(212) 555-0182", False, True),
        ("+972-54-123-4567", False, True),
        ("Experience 2015 - 2020, 2012-2014, 03/2018 - 11/2021", False, False),
        ("Phone:  Email:  (anonymised)", False, False),
    ],
)
def test_contact_presence(text: str, email: bool, phone: bool) -> None:
    structure = analyse(text, TODAY)
    assert (structure.has_email, structure.has_phone) == (email, phone)


def test_no_headings_is_one_other_section() -> None:
    structure = analyse("Just a paragraph about me.", TODAY)
    assert [(s.kind, s.start, s.end) for s in structure.sections] == [("other", 0, 26)]
    assert structure.total_years is None


@pytest.mark.parametrize(
    "text",
    [
        "a" * 200_000,  # one regex over a run of word characters must not backtrack quadratically
        "1" * 200_000,
        "." * 200_000,
        "EXPERIENCE\n" * 18_000,  # thousands of sections
        "Engineer Jan 2019 - Present " * 7_000,  # thousands of ranges on one line
        "2019 - 2020\n" * 16_000,
        "\n" * 200_000,
    ],
    ids=["letters", "digits", "dots", "headings", "ranges-one-line", "ranges-many-lines", "newlines"],
)
def test_hostile_text_is_analysed_in_bounded_time(text: str) -> None:
    """Structure runs in the bot's own process on text an uploader controls (up to max_chars)."""
    started = time.perf_counter()
    structure = analyse(text, TODAY)
    assert time.perf_counter() - started < 10.0  # linear: the quadratic versions took minutes
    assert len(structure.positions) <= 100


def test_positions_keep_the_end_as_written_while_years_count_the_end_month() -> None:
    structure = analyse("Experience\nAnalyst, Jan 2019 - Dec 2019\nIntern, 2016-2018\nLead, 2021 - now\n", TODAY)
    assert [(p.start, p.end, p.current) for p in structure.positions] == [
        (date(2019, 1, 1), date(2019, 12, 1), False),
        (date(2016, 1, 1), date(2018, 1, 1), False),
        (date(2021, 1, 1), None, True),
    ]
    assert structure.total_years == 7.5  # 2 + 1 (all of December 2019) + 4.45 to 2025-06-15


def test_a_range_split_over_two_lines_by_a_converted_layout() -> None:
    text = (
        "Experience\n"
        "August 2012  Senior System Analyst\nDecember 2017\nBuilt billing reports.\n"
        "2019, August  FIRST LINE SOFTWARE\n2020, June Python Developer\n"
        "September 2020  Team Manager\ncurrently working\n"
        "June 2019 AWS certificate\nMay 2018 was a good year\n"  # backwards: not a range
    )
    structure = analyse(text, TODAY)
    assert [(p.title, p.start, p.end, p.current) for p in structure.positions] == [
        ("Senior System Analyst", date(2012, 8, 1), date(2017, 12, 1), False),
        ("FIRST LINE SOFTWARE", date(2019, 8, 1), date(2020, 6, 1), False),
        ("Team Manager", date(2020, 9, 1), None, True),
    ]


def test_two_lines_starting_with_years_only_are_not_a_range() -> None:
    assert analyse("Experience\n2015 Joined Acme\n2018 Promoted to lead\n", TODAY).positions == ()


def test_markdown_entries_under_a_section_stay_in_it() -> None:
    text = (
        "## Experience\n\n### Backend Engineer — Kiezbank\nMar 2021 – Present\n- Built services in Python\n\n"
        "### Developer — Datenwerk\nJun 2017 – Feb 2021\n\n## Skills\nPython, Go\n"
    )
    structure = analyse(text, today=date(2024, 3, 1))
    assert [s.kind for s in structure.sections] == ["experience", "skills"]
    assert [p.title for p in structure.positions] == ["Backend Engineer — Kiezbank", "Developer — Datenwerk"]
