"""Scoring properties on postings and resumes read through the real parser and resume reader."""

from __future__ import annotations

import re

import pytest

from bot.scoring import (
    CREDIT_LISTED,
    CREDIT_PARTIAL,
    CREDIT_USED,
    METHOD,
    KeywordMatch,
    MatchReport,
    format_report_text,
    profile_resume,
    score,
)
from tests.scoring.texts import (
    BACKEND_POSTING,
    NO_YEARS_POSTING,
    NURSE_POSTING,
    NURSE_RESUME,
    SHORT_NAMES_POSTING,
    posting,
    read_text_resume,
    resume_markdown,
)


def term(report: MatchReport, name: str) -> KeywordMatch:
    found = [m for m in (*report.matched, *report.missing) if m.keyword == name]
    assert found, f"{name} is not a keyword of the posting"
    return found[0]


@pytest.fixture(scope="module")
def backend_report() -> MatchReport:
    return score(posting(BACKEND_POSTING), read_text_resume(resume_markdown()))


def test_repeating_a_term_thirty_times_earns_no_more_than_once() -> None:
    job = posting(BACKEND_POSTING)
    once = score(job, read_text_resume(resume_markdown()))
    bullets = ("Built payment services in Python with Django and PostgreSQL", *(["Terraform"] * 30))
    stuffed = score(job, read_text_resume(resume_markdown(bullets=bullets)))
    assert term(stuffed, "Terraform").resume_count >= 30
    assert term(stuffed, "Terraform").credit == term(once, "Terraform").credit == CREDIT_USED
    health = {c.name: c for c in stuffed.categories}["resume_health"]
    assert "no keyword stuffing" in health.detail
    assert any("repetition earns nothing" in a for a in stuffed.advice)


def test_a_stuffed_resume_without_experience_does_not_beat_an_honest_one() -> None:
    job = posting(BACKEND_POSTING)
    honest = score(job, read_text_resume(resume_markdown()))
    every_term = "Python, Django, FastAPI, PostgreSQL, Docker, Kubernetes, Terraform, Grafana, Kafka, REST"
    stuffed_text = resume_markdown(
        headline="Engineer.", title="", bullets=(), skills=", ".join([every_term] * 30), education=""
    )
    stuffed = score(job, read_text_resume(stuffed_text))
    assert stuffed.score < honest.score
    assert all(m.credit <= CREDIT_LISTED for m in stuffed.matched)  # a bare list never earns full credit


def test_credit_is_capped_per_term_and_categories_never_exceed_their_weight(backend_report: MatchReport) -> None:
    assert all(0.0 <= m.credit <= 1.0 for m in (*backend_report.matched, *backend_report.missing))
    assert all(c.points <= c.weight + 1e-9 for c in backend_report.categories)
    assert 0 <= backend_report.score <= 100


def test_a_term_only_in_the_skills_list_earns_less_than_one_used_in_experience() -> None:
    job = posting(BACKEND_POSTING)
    used = score(job, read_text_resume(resume_markdown()))
    listed_bullets = ("Built payment services in Python with Django and PostgreSQL", "Ran Apache Kafka consumers")
    listed = score(job, read_text_resume(resume_markdown(bullets=listed_bullets)))
    assert term(used, "Kubernetes").credit == CREDIT_USED
    assert term(listed, "Kubernetes").credit == CREDIT_LISTED
    assert term(listed, "Kubernetes").resume_sections == ("skills",)
    assert listed.score < used.score
    assert any("'Kubernetes' appears only in your skills list" in a for a in listed.advice)


def test_one_letter_and_short_names_never_match_fuzzily() -> None:
    job = posting(SHORT_NAMES_POSTING)
    assert {"C", "R", "Go"} <= {k.keyword for k in job.keywords}
    bullets = ("Wrote Ruby and Rx code; used Git, GCP, Co-pilot and Goa tooling", "Ran Docker images")
    report = score(job, read_text_resume(resume_markdown(bullets=bullets, skills="Ruby, Git, GCP, Docker")))
    for name in ("C", "R", "Go"):
        assert term(report, name).status == "missing"


def test_near_spellings_of_longer_names_match_partly() -> None:
    job = posting(BACKEND_POSTING)
    bullets = ("Built payment services in Python with Django and PostgreSQL", "Deployed on Kubernets clusters")
    report = score(job, read_text_resume(resume_markdown(bullets=bullets, skills="Python, Django")))
    kubernetes = term(report, "Kubernetes")
    assert (kubernetes.status, kubernetes.credit, kubernetes.matched_as) == ("partial", CREDIT_PARTIAL, "kubernets")


def test_a_more_specific_term_of_the_family_matches_its_parent_partly() -> None:
    job = posting(BACKEND_POSTING)
    bullets = ("Built payment services with Django and PostgreSQL",)
    report = score(job, read_text_resume(resume_markdown(headline="Backend engineer.", bullets=bullets, skills="")))
    python = term(report, "Python")
    assert (python.status, python.credit, python.matched_as) == ("partial", CREDIT_PARTIAL, "Django")
    assert any("your resume says 'Django'" in a for a in report.advice)


def test_the_same_inputs_give_the_same_report_even_after_reparsing() -> None:
    text = resume_markdown()
    first = score(posting(BACKEND_POSTING), read_text_resume(text))
    again = score(posting(BACKEND_POSTING), read_text_resume(text))
    assert first == again
    assert first.to_dict() == again.to_dict()
    resume = read_text_resume(text)
    job = posting(BACKEND_POSTING)
    assert score(job, resume) == score(job, resume)


def test_a_resume_of_the_field_scores_far_above_one_from_another_field() -> None:
    backend_resume = read_text_resume(resume_markdown())
    nurse_resume = read_text_resume(NURSE_RESUME)
    backend_job, nurse_job = posting(BACKEND_POSTING), posting(NURSE_POSTING)
    assert score(backend_job, backend_resume).score >= score(backend_job, nurse_resume).score + 25
    assert score(nurse_job, nurse_resume).score >= score(nurse_job, backend_resume).score + 25


def test_experience_and_education_count_only_as_far_as_the_skills_match() -> None:
    report = score(posting(NURSE_POSTING), read_text_resume(resume_markdown()))
    gated = [c for c in report.categories if c.name in ("experience", "education")]
    assert gated and all("few of the posting's skills match" in c.detail for c in gated)
    assert all(c.points < 0.5 * c.weight for c in gated)


def test_a_keyword_the_title_names_weighs_double() -> None:
    report = score(posting(BACKEND_POSTING), read_text_resume(resume_markdown()))
    python, django = term(report, "Python"), term(report, "Django")
    job = posting(BACKEND_POSTING)
    weights = {k.keyword: k.weight for k in job.keywords}
    assert python.weight == pytest.approx(2 * weights["Python"])  # "Backend Engineer (Python)"
    assert django.weight == pytest.approx(weights["Django"])


def test_advice_names_missing_required_terms_first_then_partials_then_nice_to_haves() -> None:
    job = posting(BACKEND_POSTING)
    bullets = ("Built payment services with Django", "Deployed on Kubernets clusters")
    report = score(job, read_text_resume(resume_markdown(bullets=bullets, skills="Django")))
    kinds = []
    for line in report.advice:
        if line.startswith("Required:"):
            kinds.append(0)
        elif "your resume says" in line or "only in your skills list" in line:
            kinds.append(1)
        elif line.startswith("Nice to have:"):
            kinds.append(2)
    assert kinds == sorted(kinds) and {0, 1, 2} <= set(kinds)
    missing_required = [m.keyword for m in report.missing if m.bucket == "required_skills"]
    assert report.advice[0].startswith(f"Required: '{missing_required[0]}'")


def test_advice_never_suggests_claiming_a_skill(backend_report: MatchReport) -> None:
    nurse = score(posting(NURSE_POSTING), read_text_resume(resume_markdown()))
    for line in (*backend_report.advice, *nurse.advice):
        assert not re.search(r"\badd\b", line, re.IGNORECASE), line
        if line.startswith("Required:"):
            assert "If you have used it" in line
        if line.startswith("Nice to have:"):
            assert "only if you have real experience" in line


def test_categories_the_posting_does_not_state_are_left_out_and_weights_sum_to_100() -> None:
    job = posting(NO_YEARS_POSTING)
    assert job.fields.years_min is None and job.fields.seniority is None and job.fields.education is None
    report = score(job, read_text_resume(resume_markdown()))
    names = [c.name for c in report.categories]
    assert "experience" not in names and "education" not in names
    assert "required_skills" in names and "resume_health" in names
    assert sum(c.weight for c in report.categories) == pytest.approx(100.0)
    assert report.score == int(sum(c.points for c in report.categories) + 0.5)


def test_a_senior_resume_fits_a_senior_posting_better_than_a_junior_one() -> None:
    base = NO_YEARS_POSTING.replace("# Data Engineer", "# {level} Data Engineer")
    resume = read_text_resume(resume_markdown(headline="Senior data engineer with 9 years of experience."))
    senior = score(posting(base.format(level="Senior")), resume)
    junior = score(posting(base.format(level="Junior")), resume)
    experience = {c.name: c for c in junior.categories}["experience"]
    assert "a junior role; your resume reads senior" in experience.detail
    assert senior.score > junior.score


def test_json_contract(backend_report: MatchReport) -> None:
    data = backend_report.to_dict()
    assert set(data) == {"score", "method", "categories", "matched", "missing", "advice"}
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    assert data["method"] == METHOD
    assert set(data["categories"]) >= {"required_skills", "resume_health"}
    for category in data["categories"].values():
        assert set(category) == {"label", "percent", "points", "weight", "detail"}
    keyword_keys = {"keyword", "category", "required", "weight", "status", "credit", "posting_count"}
    for item in data["matched"] + data["missing"]:
        assert keyword_keys <= set(item)
    assert {m["status"] for m in data["matched"]} <= {"matched", "partial"}
    assert {m["status"] for m in data["missing"]} == {"missing"}
    assert all(isinstance(a, str) for a in data["advice"])


def test_text_format_shows_score_categories_and_missing_terms(backend_report: MatchReport) -> None:
    text = format_report_text(backend_report)
    assert text.startswith(f"Match score: {backend_report.score}/100")
    assert "Required skills" in text and "Missing:" in text and "Advice:" in text


@pytest.mark.parametrize(
    ("headline", "level"),
    [
        ("Junior Java developer looking for my first role.", 0),
        ("Backend engineer with 6+ years of experience in Python.", 2),
        ("Full-stack developer, 3 years of total experience.", 1),
        ("Front-end developer. Age: 27 years old.", 2),  # no stated years: the dated positions (6 years) decide
    ],
)
def test_the_resume_level_comes_from_its_headline_then_stated_years_then_positions(headline: str, level: int) -> None:
    profile = profile_resume(read_text_resume(resume_markdown(headline=headline)))
    assert profile.level == level, profile.level_reason
