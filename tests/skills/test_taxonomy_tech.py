"""The technical half of the taxonomy: the spellings postings use reach one canonical entry, the
names that are also ordinary words only match as written and only next to code, and words of other
trades that share a spelling with a tech acronym ("mL", "RN", "TS/SCI", "radius") reach none."""

from __future__ import annotations

import pytest

from bot.skills.extract import default_matcher
from bot.skills.taxonomy import Context, Entry, load_taxonomy

TECH_FILES = frozenset(
    {
        "languages_programming.txt",
        "frameworks.txt",
        "databases.txt",
        "cloud_devops.txt",
        "data_ml.txt",
        "security.txt",
        "software_tools.txt",
        "design.txt",
        "software_practices.txt",
        "it_networking.txt",
        "embedded_hardware.txt",
        "web_mobile.txt",
    }
)


def _names(text: str) -> list[str]:
    return [m.entry.name for m in default_matcher().find(text)]


def _by_name() -> dict[str, Entry]:
    return {e.name: e for e in load_taxonomy().entries}


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("Deploy to k8s with Helm", "Kubernetes"),
        ("Postgres and Redis", "PostgreSQL"),
        ("MS SQL or Oracle", "Microsoft SQL Server"),
        ("GCP or Azure", "Google Cloud"),
        ("Amazon Web Services (EC2, S3)", "Amazon Web Services"),
        ("vanilla JS and CSS3", "JavaScript"),
        ("NodeJS microservices", "Node.js"),
        ("ReactJS or Vue", "React"),
        ("sklearn and XGBoost", "scikit-learn"),
        ("Golang services", "Go"),
        ("C#/.NET Core", "C#"),
        ("C#/.NET Core", ".NET"),
        ("modern C++17", "C++"),
        ("CICD pipelines", "CI/CD"),
        ("design RESTful APIs", "REST"),
        ("strong OOP skills", "Object-oriented programming"),
        ("Azure AD and Okta", "Microsoft Entra ID"),
        ("Azure AD and Okta", "Okta"),
        ("we practise TDD", "Test-driven development"),
        ("meets WCAG 2.1 AA", "Web accessibility"),
        ("PySpark jobs on Databricks", "PySpark"),
        ("Spark and Kafka", "Apache Spark"),
        ("ETL/ELT with dbt", "dbt"),
        ("Power BI dashboards", "Microsoft Power BI"),
        ("pen testing and red team work", "Penetration testing"),
        ("SPI, I2C and UART drivers", "I2C"),
        ("Revit and AutoCAD drawings", "Autodesk Revit"),
        ("Figma prototypes", "Figma"),
        ("Machine Learning and NLP", "Machine learning"),
        ("ML platform team", "Machine learning"),
        ("RAG pipelines over a vector DB", "Retrieval-augmented generation"),
        ("ServiceNow tickets", "ServiceNow"),
        ("Cisco IOS and NX-OS", "Cisco IOS"),
        ("iOS and Android apps", "iOS"),
        ("Tier 1 SOC analyst", "Security operations center"),
        ("ARM SoC bring-up", "Systems on chip"),
    ],
)
def test_posting_spellings_reach_the_canonical_entry(text: str, canonical: str) -> None:
    assert canonical in _names(text)


@pytest.mark.parametrize(
    ("text", "not_meant"),
    [
        ("Draw 5 mL into the syringe", "Machine learning"),
        ("Palpate the lymph node", "Node.js"),
        ("Registered Nurse (RN) wanted", "React Native"),
        ("Active TS/SCI clearance required", "TypeScript"),
        ("PCA certification preferred", "Dimensionality reduction"),
        ("Follow CDC guidelines", "Change data capture"),
        ("Live within a 25 mile radius", "RADIUS"),
        ("Clean every lab flask", "Flask"),
        ("Remove rust from the racks", "Rust"),
        ("go to market quickly", "Go"),
        ("we spark joy", "Apache Spark"),
        ("an agile, fast-growing team", "Agile"),
        ("Source OEM parts", "Oracle Enterprise Manager"),
        ("Greet guests at the day spa", "Single-page applications"),
        ("Check the engine RPM", "RPM packaging"),
        ("Fluent in Spanish", "Ansys"),
        ("Contact Ann in HR", "Neural networks"),
        ("Assist with folic acid dosing", "ACID transactions"),
        ("Valid DL required", "Deep learning"),
        ("Partner with the DBA firm", "Database administration"),
        ("Hit your stride", "Threat modeling"),
        ("Canada Pension Plan (CPP) deductions", "C++"),
        ("Taxi and cab drivers welcome", "Change management for IT"),
        ("Arm and shoulder strength", "ARM"),
        ("Pays more or less weekly", "Large-Scale Scrum"),
        ("Tier 1 SOC analyst", "Systems on chip"),
        ("Hunt for IOCs", "Dependency injection"),
    ],
)
def test_words_in_other_senses_reach_no_entry(text: str, not_meant: str) -> None:
    assert not_meant not in _names(text)


@pytest.mark.parametrize(
    "name",
    [
        "C",
        "R",
        "Go",
        "Swift",
        "Rust",
        "Ruby",
        "Dart",
        "Julia",
        "Apache Spark",
        "Flask",
        "Spring Framework",
        "Chef",
        "Puppet",
        "Unity",
    ],
)
def test_names_that_are_ordinary_words_need_exact_case_and_code_nearby(name: str) -> None:
    entry = _by_name()[name]
    assert entry.case
    assert entry.context is Context.CODE


def test_frameworks_imply_their_language() -> None:
    by_name = _by_name()
    assert by_name["Django"].parents == ("Python",)
    assert by_name["Spring Boot"].parents == ("Spring Framework",)
    assert by_name["React Native"].parents == ("React",)
    assert by_name["Ruby on Rails"].parents == ("Ruby",)
    assert by_name["Laravel"].parents == ("PHP",)
    assert by_name["pandas"].parents == ("Python",)


def test_technical_files_hold_at_least_1300_entries() -> None:
    tech = [e for e in load_taxonomy().entries if e.origin.split(":")[0] in TECH_FILES]
    assert len(tech) >= 1300
    assert {e.origin.split(":")[0] for e in tech} == TECH_FILES
