"""Link classification and API URLs: every link form people share, and what must not match."""

from __future__ import annotations

import pytest

from bot.postings.sources.links import (
    BoardLink,
    Provider,
    board_api_url,
    classify_url,
    greenhouse_board_in_page,
    job_api_url,
)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://boards.greenhouse.io/acme", BoardLink(Provider.GREENHOUSE, "acme")),
        ("https://boards.greenhouse.io/acme/jobs/4001", BoardLink(Provider.GREENHOUSE, "acme", "4001")),
        ("https://job-boards.greenhouse.io/acme/jobs/4001?gh_src=x", BoardLink(Provider.GREENHOUSE, "acme", "4001")),
        ("https://job-boards.eu.greenhouse.io/acme/jobs/4001", BoardLink(Provider.GREENHOUSE, "acme", "4001")),
        (
            "https://boards.greenhouse.io/embed/job_app?for=acme&token=4001",
            BoardLink(Provider.GREENHOUSE, "acme", "4001"),
        ),
        ("https://boards.greenhouse.io/embed/job_board?for=acme", BoardLink(Provider.GREENHOUSE, "acme")),
        ("https://acme.example/careers/listing?gh_jid=4001", BoardLink(Provider.GREENHOUSE, None, "4001")),
        ("https://jobs.lever.co/globex", BoardLink(Provider.LEVER, "globex")),
        (
            "https://jobs.lever.co/globex/a1b2c3d4-0000-4000-8000-000000000001/apply",
            BoardLink(Provider.LEVER, "globex", "a1b2c3d4-0000-4000-8000-000000000001"),
        ),
        ("https://jobs.eu.lever.co/globex/abc-123", BoardLink(Provider.LEVER_EU, "globex", "abc-123")),
        ("https://jobs.ashbyhq.com/initech", BoardLink(Provider.ASHBY, "initech")),
        ("https://jobs.ashbyhq.com/initech/0f6a-11/application", BoardLink(Provider.ASHBY, "initech", "0f6a-11")),
        ("https://apply.workable.com/umbrella/", BoardLink(Provider.WORKABLE, "umbrella")),
        ("https://apply.workable.com/umbrella/j/A1B2C3D4E5/", BoardLink(Provider.WORKABLE, "umbrella", "A1B2C3D4E5")),
        ("https://jobs.smartrecruiters.com/Hooli", BoardLink(Provider.SMARTRECRUITERS, "Hooli")),
        (
            "https://jobs.smartrecruiters.com/Hooli/744000012345678-network-engineer",
            BoardLink(Provider.SMARTRECRUITERS, "Hooli", "744000012345678"),
        ),
        ("https://stark.recruitee.com/", BoardLink(Provider.RECRUITEE, "stark")),
        (
            "https://stark.recruitee.com/o/frontend-developer",
            BoardLink(Provider.RECRUITEE, "stark", "frontend-developer"),
        ),
    ],
)
def test_every_link_form_is_classified(url: str, expected: BoardLink) -> None:
    assert classify_url(url) == expected


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/jobs/123",
        "ftp://boards.greenhouse.io/acme",
        "https://boards.greenhouse.io/",
        "https://boards.greenhouse.io/embed/job_app?token=1",  # no board named
        "https://jobs.lever.co/",
        "https://www.recruitee.com/",
        "https://evil.com/boards.greenhouse.io/acme",
        "https://boards.greenhouse.io.evil.com/acme",
        "not a url at all",
        "https://jobs.lever.co/..%2f..%2fadmin",
    ],
)
def test_other_links_are_not_boards(url: str) -> None:
    assert classify_url(url) is None


def test_api_urls_follow_each_providers_documentation() -> None:
    assert (
        board_api_url(Provider.GREENHOUSE, "acme")
        == "https://boards-api.greenhouse.io/v1/boards/acme/jobs?content=true"
    )
    assert board_api_url(Provider.LEVER, "globex") == "https://api.lever.co/v0/postings/globex?mode=json"
    assert board_api_url(Provider.LEVER_EU, "globex") == "https://api.eu.lever.co/v0/postings/globex?mode=json"
    assert board_api_url(Provider.ASHBY, "initech").startswith("https://api.ashbyhq.com/posting-api/job-board/initech?")
    assert board_api_url(Provider.WORKABLE, "umbrella") == (
        "https://apply.workable.com/api/v1/widget/accounts/umbrella?details=true"
    )
    assert board_api_url(Provider.SMARTRECRUITERS, "Hooli").startswith(
        "https://api.smartrecruiters.com/v1/companies/Hooli/postings"
    )
    assert board_api_url(Provider.RECRUITEE, "stark") == "https://stark.recruitee.com/api/offers/"
    assert job_api_url(
        Provider.GREENHOUSE,
        "acme",
        "4001",
    ).startswith("https://boards-api.greenhouse.io/v1/boards/acme/jobs/4001")
    assert job_api_url(Provider.LEVER_EU, "globex", "x-1") == "https://api.eu.lever.co/v0/postings/globex/x-1?mode=json"
    assert job_api_url(Provider.ASHBY, "initech", "x") is None


def test_a_careers_page_embedding_greenhouse_names_its_board() -> None:
    page = '<script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>'
    assert greenhouse_board_in_page(page) == "acme"
    assert greenhouse_board_in_page(
        '<iframe src="https://job-boards.greenhouse.io/embed/job_app?token=1&for=acme">'
    ) == ("acme")
    assert greenhouse_board_in_page("<p>no embed here</p>") is None
