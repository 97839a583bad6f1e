"""Postings and resumes written for the scoring tests, read through the real parser and reader."""

from __future__ import annotations

from bot.postings.model import Posting
from bot.postings.parse import parse_posting
from bot.resumes import read_resume
from bot.resumes.model import ResumeText

BACKEND_POSTING = """# Backend Engineer (Python) — Acme Data

**Location:** Berlin, Germany

## What you'll do
- Build Python services and REST APIs that ingest sensor data
- Run PostgreSQL and Apache Kafka in production

## Requirements
- 3+ years of backend development with Python
- Django or FastAPI
- PostgreSQL, Docker and Kubernetes
- A Bachelor's degree in Computer Science

## Nice to have
- Terraform
- Grafana
"""

NURSE_POSTING = """Registered Nurse - Medical Unit
Lakeside Hospital - Haifa

Responsibilities
- Assess and deliver patient care on a 30-bed medical unit
- Administer medications and IV therapy; monitor vital signs

Requirements
- Registered Nurse license
- BLS certification; ACLS preferred
- 2+ years of acute care experience
- Bachelor of Science in Nursing (BSN)
"""

NO_YEARS_POSTING = """# Data Engineer — Fjord Analytics

## Requirements
- Python and SQL
- Apache Airflow
- Docker
"""

SHORT_NAMES_POSTING = """# Statistician — Lab Analytics

## Requirements
- Programming in C, R or Go
- Docker
"""


def resume_markdown(
    *,
    name: str = "Sam Lee",
    headline: str = "Backend Engineer with 6 years of experience building Python services.",
    title: str = "Backend Engineer",
    bullets: tuple[str, ...] = (
        "Built payment services in Python with Django and PostgreSQL",
        "Moved deployments to Docker and Kubernetes; wrote Terraform modules",
        "Ran Apache Kafka consumers for the ledger",
    ),
    skills: str = "Python, Django, PostgreSQL, Docker, Kubernetes, Kafka, Terraform",
    education: str = "B.Sc. Computer Science — Universität Hamburg, 2016",
) -> str:
    lines = [f"# {name}", "sam.lee@example.com · +49 30 1234 5678", "", "## Summary", headline, ""]
    if bullets:
        lines += ["## Experience", f"{title} — Kiezbank, Berlin", "Mar 2018 – Feb 2024"]
        lines += [f"- {b}" for b in bullets] + [""]
    lines += ["## Skills", skills, "", "## Education", education, ""]
    return "\n".join(lines)


NURSE_RESUME = """# Dana Cohen
dana.cohen@example.com · +972 50 123 4567

## Summary
Registered Nurse with 5 years of experience in medical-surgical and acute care.

## Experience
Registered Nurse — Rambam Health Care Campus, Haifa
Jan 2019 – Dec 2023
- Delivered patient care for 28 adults per shift; administered medications and IV therapy
- Monitored vital signs and documented care in the electronic health record

## Certifications
BLS, ACLS

## Education
Bachelor of Science in Nursing (BSN) — University of Haifa, 2018
"""


def read_text_resume(text: str) -> ResumeText:
    return read_resume(text.encode("utf-8"), "resume.md", "text/markdown")


def posting(text: str) -> Posting:
    return parse_posting(text)
