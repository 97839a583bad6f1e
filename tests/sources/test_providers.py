"""Each provider's documented JSON → SourcePosting → Posting: structured fields win, sections survive."""

from __future__ import annotations

from typing import Any

import pytest

from bot.postings.model import Salary, SectionKind
from bot.postings.sources.build import to_posting
from bot.postings.sources.jsonld import job_postings_in_page
from bot.postings.sources.links import Provider
from bot.postings.sources.model import SourceFormatError
from bot.postings.sources.providers import find_job, parse_board, parse_job
from tests.sources import payloads


def _required_keywords(source: Any) -> set[str]:
    return {k.keyword for k in to_posting(source).keywords if k.required}


def test_greenhouse_content_is_unescaped_before_parsing() -> None:
    [job] = parse_board(Provider.GREENHOUSE, payloads.greenhouse_board(payloads.greenhouse_job()))
    assert job.external_id == "4001"
    assert job.body_html.startswith("<p>We build payment")  # entities decoded into real tags
    posting = to_posting(job)
    assert posting.fields.title == "Senior Backend Engineer"
    assert posting.fields.company == "Acme"
    assert posting.fields.locations == ("Berlin, Germany",)
    assert "&lt;" not in posting.clean.text
    assert {"Python", "PostgreSQL", "Docker"} <= _required_keywords(job)


def test_lever_lists_become_headed_sections() -> None:
    [job] = parse_board(Provider.LEVER, [payloads.lever_job()])
    posting = to_posting(job)
    kinds = {s.heading: s.kind for s in posting.sections}
    assert kinds["What you'll do"] is SectionKind.RESPONSIBILITIES
    assert kinds["What we're looking for"] is SectionKind.REQUIRED
    assert posting.fields.workplace == "hybrid"
    assert posting.fields.employment_type == "full_time"
    assert posting.fields.salary == Salary(70000.0, 90000.0, "GBP", "year")
    assert "SQL" in _required_keywords(job)


def test_ashby_compensation_and_remote() -> None:
    [job] = parse_board(Provider.ASHBY, payloads.ashby_board(payloads.ashby_job()))
    assert job.workplace == "remote"
    assert job.employment_type == "full_time"
    assert job.salary == Salary(120000.0, 150000.0, "USD", "year")  # the equity component is not a salary
    assert job.locations == ("Remote - US", "New York, NY")
    assert {"Figma"} <= _required_keywords(job)


def test_workable_requirements_and_benefits_apart() -> None:
    [job] = parse_board(Provider.WORKABLE, payloads.workable_account(payloads.workable_job()))
    posting = to_posting(job)
    assert posting.fields.company == "Umbrella Corp"
    assert posting.fields.employment_type == "contract"
    assert {s.kind for s in posting.sections} >= {SectionKind.REQUIRED, SectionKind.BENEFITS}
    assert "Selenium" in _required_keywords(job)


def test_smartrecruiters_qualifications_read_as_requirements() -> None:
    job = parse_job(Provider.SMARTRECRUITERS, payloads.smartrecruiters_posting())
    posting = to_posting(job)
    assert any(s.heading == "Requirements" and s.kind is SectionKind.REQUIRED for s in posting.sections)
    assert posting.fields.company == "Hooli"
    assert {"CCNP", "BGP"} <= _required_keywords(job)
    [summary] = parse_board(Provider.SMARTRECRUITERS, payloads.smartrecruiters_list("744000012345678"))
    assert summary.body_html == ""  # the list has no job ad: the poller reads the posting itself


def test_recruitee_found_by_the_slug_its_link_shows() -> None:
    data = payloads.recruitee_offers(payloads.recruitee_offer(), payloads.recruitee_offer(902, "backend-developer"))
    job = find_job(Provider.RECRUITEE, data, "frontend-developer")
    assert job is not None and job.external_id == "901"
    assert job.workplace == "hybrid"
    assert job.salary == Salary(12000.0, 18000.0, "PLN", "month")
    assert {"React", "TypeScript"} <= _required_keywords(job)


@pytest.mark.parametrize("provider", list(Provider))
@pytest.mark.parametrize("garbage", [None, "<html>oops</html>", 42, {"unexpected": True}])
def test_garbage_payloads_get_one_sentence(provider: Provider, garbage: Any) -> None:
    if provider in (Provider.LEVER, Provider.LEVER_EU) and isinstance(garbage, dict):
        garbage = {"jobs": "no"}
    with pytest.raises(SourceFormatError, match="format jobbot does not understand"):
        parse_board(provider, garbage)


def test_malformed_jobs_are_skipped_not_fatal() -> None:
    data = payloads.greenhouse_board(payloads.greenhouse_job(1), {"title": "no id"}, "junk", payloads.greenhouse_job(2))
    assert [j.external_id for j in parse_board(Provider.GREENHOUSE, data)] == ["1", "2"]
    bad = {"id": 3, "title": ["not", "text"], "location": "nowhere", "content": 7}
    [job] = parse_board(Provider.GREENHOUSE, payloads.greenhouse_board(bad))
    assert job.title is None and job.locations == ()


def test_jsonld_job_posting_from_a_graph() -> None:
    [job] = job_postings_in_page(payloads.jsonld_page(), "https://careers.wayne.example/sre")
    assert job.external_id == "SRE-7"
    assert job.company == "Wayne Enterprises"
    assert job.workplace == "remote"
    assert job.employment_type == "full_time"
    assert job.salary == Salary(150000.0, 180000.0, "USD", "year")
    assert job.locations == ("Gotham, NJ, US",)
    assert "Terraform" in _required_keywords(job)


def test_jsonld_ignores_broken_and_unrelated_scripts() -> None:
    page = (
        '<script type="application/ld+json">{broken</script>'
        '<script type="application/ld+json">{"@type": "Organization", "name": "X"}</script>'
        '<script type="application/ld+json">[{"@type": ["Thing", "JobPosting"], "title": "Cook",'
        ' "description": "Line cook, nights."}]</script>'
    )
    [job] = job_postings_in_page(page, "https://x.example/cook")
    assert job.title == "Cook" and job.external_id == "https://x.example/cook"
    assert job_postings_in_page("<p>" * 100_000) == []
