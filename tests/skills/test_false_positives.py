"""Names that are also ordinary words, company names or another field's acronym, on postings of our own
writing: the data options `not-before=`, `not-after=`, `not-beside=` and `sense=` (FORMAT.md), and a tag
line that starts with stray punctuation."""

from __future__ import annotations

import pytest

from bot.postings.parse import parse_posting
from bot.skills.model import Category
from bot.skills.taxonomy import NAME, YEAR, Ordinary, TaxonomyError, parse_taxonomy


def names(text: str) -> set[str]:
    return {k.keyword for k in parse_posting(text).keywords if k.category is not Category.OTHER}


def test_a_season_next_to_spring_is_the_season() -> None:
    for line in (
        "Our engineering team ships the Spring 2026 release of the software platform.",
        "Software development interns start in the Spring semester with Python.",
        "We hire developers every Spring for our backend stack.",
    ):
        assert "Spring Framework" not in names(f"Requirements\n- {line}\n- Python\n"), line


def test_spring_the_framework_still_counts() -> None:
    for line in ("Java Spring in production", "the Spring framework", "Spring, Hibernate and Maven", "Spring Boot"):
        found = names(f"Requirements\n- {line}\n")
        assert found & {"Spring Framework", "Spring Boot"}, line


def test_a_company_named_with_express_is_not_express_js() -> None:
    text = "Requirements\n- You will develop software for partners such as American Express and Visa.\n- Python\n"
    assert "Express.js" not in names(text)
    assert "Express.js" not in names("Requirements\n- Software engineers ship our Express delivery service.\n")


def test_express_js_still_counts() -> None:
    assert "Express.js" in names("Requirements\n- Experience with Node.js and Express\n")
    assert "Express.js" in names("Requirements\n- We build REST APIs in Express.\n")


def test_unity_among_values_is_the_value() -> None:
    text = "Requirements\n- Our engineering culture values Unity and teamwork in software development.\n- Python\n"
    assert "Unity" not in names(text)


def test_unity_the_engine_still_counts() -> None:
    for line in ("Unity or Unreal", "Unity3D for mobile games", "C# and Unity"):
        assert "Unity" in names(f"Requirements\n- {line}\n"), line
    assert "Unity" in names("Requirements\n- Unity3D and teamwork\n")  # a spelling no value word has


def test_emr_in_a_healthcare_posting_is_medical_records() -> None:
    text = "Registered Nurse\n\nRequirements\n- Accurate charting in the EMR\n- Epic or Cerner experience\n"
    found = names(text)
    assert "Electronic health records" in found
    assert "Amazon EMR" not in found


def test_emr_among_cloud_and_data_words_is_amazon_emr() -> None:
    text = "Data Engineer\n\nRequirements\n- Spark jobs on EMR clusters\n- Glue and Redshift on AWS\n"
    found = names(text)
    assert "Amazon EMR" in found
    assert "Electronic health records" not in found


def test_emr_listed_among_cloud_services_is_amazon_emr() -> None:
    text = "Data Engineer\n\nRequirements\n- Amazon S3\n- EMR\n- Python\n"
    assert "Amazon EMR" in names(text)
    text = "Medical Assistant\n\nRequirements\n- Phlebotomy\n- EMR\n- Scheduling patients\n"
    assert "Electronic health records" in names(text)


def test_a_tag_line_may_start_with_stray_punctuation() -> None:
    found = names("Backend developer\n\n. net-core c# oop docker amazon-web-services\n")
    assert {"Object-oriented programming", "Docker", "C#"} <= found


SOURCE = """[framework]
Spring | | case, not-before=every/summer, not-after=YEAR/semester
Express | | not-before=NAME, not-beside=soft_skill
[tool]
Health records | EMR
Cloud EMR | | sense=EMR:spark/aws
"""


def test_the_loader_reads_the_options() -> None:
    entries = parse_taxonomy([("t.txt", SOURCE)]).by_name
    assert entries["Spring"].ordinary == Ordinary(frozenset({"every", "summer"}), frozenset({YEAR, "semester"}))
    assert entries["Express"].ordinary == Ordinary(frozenset({NAME}), frozenset(), Category.SOFT_SKILL)
    ((spelling, other, cues),) = entries["Health records"].senses
    assert (spelling, other, cues) == ("emr", entries["Cloud EMR"], frozenset({"spark", "aws"}))
    assert entries["Cloud EMR"].senses == ()


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ("not-before=a b", "not a '/'-separated list"),
        ("not-beside=colour", "unknown option"),
        ("sense=XYZ:aws", "not a spelling of another entry"),
        ("sense=Spring:aws", "not a spelling of another entry"),
    ],
)
def test_the_loader_rejects_bad_options(options: str, problem: str) -> None:
    with pytest.raises(TaxonomyError) as error:
        parse_taxonomy([("t.txt", f"[framework]\nSpring | | {options}\n")])
    assert any(problem in p for p in error.value.problems)


def test_a_cloud_term_two_lines_away_does_not_make_records_amazon_emr() -> None:
    text = (
        "Ward Clerk\n\nRequirements\n- Keep patient notes up to date in the EMR.\n- Book appointments by phone.\n"
        "- Our booking tool runs on Microsoft Azure.\n"
    )
    assert "Amazon EMR" not in names(text)


def test_a_thing_word_on_the_next_line_does_not_make_a_soft_skill_a_thing() -> None:
    text = "Analyst\n\nRequirements\n- A pragmatic approach to problem-solving\nSystems thinker with curiosity\n"
    assert "Problem solving" in names(text)
    assert "Communication" not in names("Engineer\n\nRequirements\n- Design communication protocols such as SPI\n")
