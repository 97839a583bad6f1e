"""Ordinary English words that taxonomy entries once listed as bare spellings ("logging deliveries",
"backup cover", "crown moulding"): on requirement lines of our own writing for shop, ward, warehouse and
office jobs they are no keyword, while the product or practice written in full still counts."""

from __future__ import annotations

import pytest

from bot.postings.model import CleanText, Section, SectionKind
from bot.skills.extract import extract_keywords
from bot.skills.model import Category


def names(*lines: str) -> set[str]:
    """Taxonomy keywords of one requirements section holding `lines` as a bullet list."""
    text = "Requirements\n" + "".join(f"- {line}\n" for line in lines)
    keywords = extract_keywords(text, CleanText.identity(text), [Section(SectionKind.REQUIRED, 0, len(text))], None)
    return {k.keyword for k in keywords if k.category is not Category.OTHER}


@pytest.mark.parametrize(
    ("line", "wrong"),
    [
        ("Experience with Chrome plating, polishing and buffing", "Google Chrome"),
        ("Fermentation or brewing experience welcome", "Bioreactors"),
        ("You will support our evolution into online retail", "Evolutionary biology"),
        ("Experience with diagnostics of forklift faults", "Medical diagnostics"),
        ("Must pass an IPC-A-610 soldering course", "Shared memory"),
        ("Experience in carpentry: skirting, architraves and crown moulding", "Injection molding"),
        ("Experience in logging deliveries and goods-in paperwork", "Application logging"),
        ("Mocking up displays for seasonal promotions", "Mocking frameworks"),
        ("Comfortable with messaging customers by phone and email", "Messaging systems"),
        ("Able to provide backup cover for the forklift team", "Backup and recovery"),
        ("Experience in sales performance monitoring and reporting", "Application performance monitoring"),
        ("Interest in furniture and home decor", "Furniture industry"),
        ("Understanding of dairy hygiene in the chilled aisle", "Dairy industry"),
        ("Experience organising charity dinners", "Nonprofit sector"),
        ("Previous experience in television or publishing is a plus", "Broadcast media"),
        ("Previous experience in television or publishing is a plus", "Publishing industry"),
        ("Experience in the entertainment sector", "Media and entertainment"),
        ("Networking with local suppliers and customers", "Networking technologies"),
        ("Loading newspapers for the early morning rounds", "Online media"),
        ("Monitor vital signs and escalate a heart rate above 120 bpm", "Business process management"),
        ("Knowledge of how viruses spread on the ward", "Virology"),
        ("Promote our eco-friendly product range", "Engineering change management"),
        ("Hosting services for corporate clients at our hotel", "Web hosting"),
        ("Able to support preschool children on the day unit", "Preschool education"),
        ("Orchestration of the evening programme with the events team", "Container orchestration"),
        ("Reception cover at a busy GP surgery", "Surgery"),
        ("Preparing quotations and invoices for customers", "Bid management"),
        ("At least one year working in a commercial kitchen", "Kitchen management"),
        ("Uniform: black trousers, white shirt and bow tie", "Hazard analysis"),
        ("Heart rate monitoring of residents on the night shift", "Heart rate variability"),
    ],
)
def test_an_ordinary_word_is_no_keyword(line: str, wrong: str) -> None:
    assert wrong not in names(line)


def test_a_company_called_aurora_is_no_database() -> None:
    line = "Aurora Industries makes office fittings; knowledge of office software is useful"
    assert "Amazon Aurora" not in names(line)


@pytest.mark.parametrize(
    ("line", "right"),
    [
        ("Debugging with Google Chrome DevTools", "Browser DevTools"),
        ("Support for Google Chrome and Microsoft Edge", "Google Chrome"),
        ("Testing in Chrome, Firefox and Safari", "Google Chrome"),
        ("Amazon Aurora PostgreSQL in production", "Amazon Aurora"),
        ("Aurora MySQL and DynamoDB on AWS", "Amazon Aurora"),
        ("Application logging with ELK", "Application logging"),
        ("Application logging with ELK", "Elastic Stack"),
        ("Unit tests with mocking frameworks such as Mockito", "Mocking frameworks"),
        ("Messaging with Kafka and RabbitMQ", "Messaging systems"),
        ("Backup and restore of our PostgreSQL databases", "Backup and recovery"),
        ("Backup administration with Veeam", "Backup and recovery"),
        ("Application performance monitoring with Datadog", "Application performance monitoring"),
        ("Plastic injection moulding of housings", "Injection molding"),
        ("In vitro diagnostics product development", "Medical diagnostics"),
        ("Knowledge of inter-process communication in C++", "Shared memory"),
        ("Five years in the furniture industry", "Furniture industry"),
        ("Experience in surgery as a scrub nurse in theatre", "Surgery"),
        ("Knowledge of networking and Linux servers", "Networking technologies"),
        ("Quality inspection to IPC-A-610", "IPC-A-610"),
        ("HAZOP studies and bow-tie analysis", "Hazard analysis"),
    ],
)
def test_the_product_or_practice_in_full_still_counts(line: str, right: str) -> None:
    assert right in names(line)


def test_emr_beside_generic_cloud_words_stays_medical_records() -> None:
    found = names("Build cloud-based interfaces between the EMR and lab systems")
    assert "Electronic health records" in found
    assert "Amazon EMR" not in found
    assert "Amazon EMR" in names("Spark and Hive jobs on an EMR cluster")
