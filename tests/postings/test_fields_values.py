"""Salary, years of experience and education parsed from the ways postings write them."""

from __future__ import annotations

import pytest

from bot.postings.fields_education import degree_mentions
from bot.postings.fields_experience import year_mentions
from bot.postings.fields_salary import find_salary
from bot.postings.model import Salary


def _salary(text: str, dollar: str = "USD") -> Salary | None:
    return find_salary(text, [(0, len(text))], dollar)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$150k–$190k", Salary(150_000, 190_000, "USD", None)),
        ("Salary: €60.000 - €75.000 per year", Salary(60_000, 75_000, "EUR", "year")),
        ("45/hr", Salary(45, 45, None, "hour")),
        ("£40,000 pa", Salary(40_000, 40_000, "GBP", "year")),
        ("USD 120,000", Salary(120_000, 120_000, "USD", None)),
        ("Pay: €80–100k", Salary(80_000, 100_000, "EUR", None)),
        ("$65,000 - $80,000/yr", Salary(65_000, 80_000, "USD", "year")),
        ("$28.50/hour", Salary(28.5, 28.5, "USD", "hour")),
        ("CHF 120k – 140k", Salary(120_000, 140_000, "CHF", None)),
        ("DKK 45.000 per month", Salary(45_000, 45_000, "DKK", "month")),
        ("Vergütung von 1.200 € pro Monat", Salary(1_200, 1_200, "EUR", "month")),
        ("Up to $90k base", Salary(None, 90_000, "USD", None)),
        ("Salary: 60,000 - 75,000", Salary(60_000, 75_000, None, None)),
        ("£550 - £600 per day", Salary(550, 600, "GBP", "day")),
        ("Salaire : 42 000 € - 48 000 € par an", Salary(42_000, 48_000, "EUR", "year")),
        ("fully remote in the US, 90-110k. dm me", Salary(90_000, 110_000, None, None)),
    ],
)
def test_salary_forms(text: str, expected: Salary) -> None:
    assert _salary(text) == expected


def test_bare_dollar_follows_the_country_given() -> None:
    assert _salary("Wage: $55 - $60 per hour", dollar="CAD") == Salary(55, 60, "CAD", "hour")


@pytest.mark.parametrize(
    "text",
    [
        "a learning budget of €1,500 a year",
        "We raised $20M from great investors",
        "Sign-on bonus of $10,000 for experienced nurses",
        "401(k) match up to 4%",
        "Team of 10 - 20 people",
        "In 2024 we grew to 300 stores",
        "Home office stipend of $500",
        "3 weeks of vacation",
        "between 50-100k requests per second",
        "We serve 20-50k customers",
    ],
)
def test_money_that_is_not_salary(text: str) -> None:
    assert _salary(text) is None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("10+ years of experience", 10, None),
        ("3–5 years of professional experience", 3, 5),
        ("at least three years of experience in sales", 3, None),
        ("5 or more years experience", 5, None),
        ("minimum of 2 years experience", 2, None),
        ("Experience: 3+ years", 3, None),
        ("up to 3 years of experience", None, 3),
        ("mindestens 3 Jahre Berufserfahrung", 3, None),
        ("2 ans d'expérience minimum", 2, None),
        ("You have 5 years in a similar role", 5, None),
        ("2+ years in a SOC or incident response role", 2, None),
        ("needs cypress + playwright, 3 yrs exp", 3, None),
        ("5+ years of Python", 5, None),
    ],
)
def test_years_of_experience(text: str, low: float | None, high: float | None) -> None:
    assert [(a, b) for _, a, b in year_mentions(text)] == [(low, high)]


@pytest.mark.parametrize(
    "text",
    [
        "a 4-year degree",
        "we have been in business for 10 years",
        "founded 25 years ago",
        "often years of experience",
        "she lived for 3 years in Berlin",
        "10 years of growth",
    ],
)
def test_years_that_are_not_experience(text: str) -> None:
    assert list(year_mentions(text)) == []


@pytest.mark.parametrize(
    ("text", "level", "fields"),
    [
        ("A Bachelor's degree in Computer Science or a related field", "bachelor", ("Computer Science",)),
        ("BS/MS in Computer Science, Statistics, Mathematics, or related quantitative field", "bachelor",
         ("Computer Science", "Statistics", "Mathematics")),
        ("PhD in Physics preferred", "doctorate", ("Physics",)),
        ("High school diploma or GED required", "high_school", ()),
        ("Master’s degree in Data Science is a plus", "master", ("Data Science",)),
        ("Bachelor of Science in Pharmacy", "bachelor", ("Pharmacy",)),
        ("Abgeschlossenes Studium der Informatik oder eine vergleichbare Ausbildung", "bachelor", ("Informatik",)),
        ("Kandidatgrad i datalogi eller tilsvarende", "master", ("Datalogi",)),
        ("Completed apprenticeship as an electrician", "certificate", ()),
        ("degree in computer science or engineering", None, ("Computer science", "Engineering")),
    ],
)  # fmt: skip
def test_degree_levels_and_fields(text: str, level: str | None, fields: tuple[str, ...]) -> None:
    first = next(degree_mentions(text))
    assert (first.level, first.fields) == (level, fields)


def test_no_degree() -> None:
    assert list(degree_mentions("A driver's licence and a clean record")) == []
