"""Resolving shared links against a local server that plays each board's API and career pages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.config import Settings
from bot.errors import UserFacingError
from bot.net.fetch import Fetcher
from bot.postings.model import Salary
from bot.postings.sources.links import Provider, board_api_url, job_api_url
from bot.services.boards import resolve_link, resolve_url
from tests.boards.server import BoardServer
from tests.sources import payloads


@pytest.fixture
def settings(board_server: BoardServer) -> Settings:
    return Settings(_env_file=None, allow_private_networks=True, board_api_origin=board_server.origin)  # type: ignore[call-arg]


@pytest.fixture
async def fetcher(settings: Settings) -> AsyncIterator[Fetcher]:
    async with Fetcher(settings) as opened:
        yield opened


@pytest.mark.parametrize(
    "link",
    [
        "https://boards.greenhouse.io/acme/jobs/4001",
        "https://job-boards.greenhouse.io/acme/jobs/4001",
        "https://boards.greenhouse.io/embed/job_app?for=acme&token=4001",
    ],
)
async def test_greenhouse_job_links(link: str, board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    job_url = job_api_url(Provider.GREENHOUSE, "acme", "4001")
    assert job_url is not None
    board_server.serve_api(job_url, payloads.greenhouse_job())
    resolved = await resolve_url(link, fetcher, settings)
    assert resolved.posting.fields.title == "Senior Backend Engineer"
    assert resolved.url == "https://job-boards.greenhouse.io/acme/jobs/4001"
    assert "Python" in {k.keyword for k in resolved.posting.keywords if k.required}


async def test_gh_jid_link_finds_the_board_in_the_careers_page(
    board_server: BoardServer, fetcher: Fetcher, settings: Settings
) -> None:
    board_server.serve_html(
        "/careers?gh_jid=4001",
        '<div id="grnhse_app"></div><script src="https://boards.greenhouse.io/embed/job_board/js?for=acme"></script>',
    )
    job_url = job_api_url(Provider.GREENHOUSE, "acme", "4001")
    assert job_url is not None
    board_server.serve_api(job_url, payloads.greenhouse_job())
    resolved = await resolve_url(board_server.url("/careers?gh_jid=4001"), fetcher, settings)
    assert resolved.link is not None and resolved.link.slug == "acme"
    assert resolved.posting.fields.company == "Acme"


@pytest.mark.parametrize(
    ("host", "provider"), [("jobs.lever.co", Provider.LEVER), ("jobs.eu.lever.co", Provider.LEVER_EU)]
)
async def test_lever_job_links(
    host: str, provider: Provider, board_server: BoardServer, fetcher: Fetcher, settings: Settings
) -> None:
    job = payloads.lever_job()
    job_url = job_api_url(provider, "globex", job["id"])
    assert job_url is not None
    board_server.serve_api(job_url, job)
    resolved = await resolve_url(f"https://{host}/globex/{job['id']}", fetcher, settings)
    assert resolved.posting.fields.salary == Salary(70000.0, 90000.0, "GBP", "year")
    assert resolved.posting.fields.workplace == "hybrid"


async def test_ashby_job_read_from_the_board(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    wanted = payloads.ashby_job()
    other = payloads.ashby_job("11111111-2222-4333-8444-555566667777", "Recruiter")
    board_server.serve_api(board_api_url(Provider.ASHBY, "initech"), payloads.ashby_board(other, wanted))
    resolved = await resolve_url(f"https://jobs.ashbyhq.com/initech/{wanted['id']}", fetcher, settings)
    assert resolved.posting.fields.title == "Product Designer"
    assert resolved.posting.fields.workplace == "remote"


async def test_workable_job(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    board_server.serve_api(
        board_api_url(Provider.WORKABLE, "umbrella"), payloads.workable_account(payloads.workable_job())
    )
    resolved = await resolve_url("https://apply.workable.com/umbrella/j/A1B2C3D4E5/", fetcher, settings)
    assert resolved.posting.fields.company == "Umbrella Corp"
    assert resolved.posting.fields.employment_type == "contract"


async def test_smartrecruiters_job(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    job_url = job_api_url(Provider.SMARTRECRUITERS, "Hooli", "744000012345678")
    assert job_url is not None
    board_server.serve_api(job_url, payloads.smartrecruiters_posting())
    resolved = await resolve_url(
        "https://jobs.smartrecruiters.com/Hooli/744000012345678-network-engineer", fetcher, settings
    )
    assert "CCNP" in {k.keyword for k in resolved.posting.keywords if k.required}


async def test_recruitee_job(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    board_server.serve_api(
        board_api_url(Provider.RECRUITEE, "stark"), payloads.recruitee_offers(payloads.recruitee_offer())
    )
    resolved = await resolve_url("https://stark.recruitee.com/o/frontend-developer", fetcher, settings)
    assert resolved.posting.fields.title == "Frontend Developer"
    assert resolved.posting.fields.salary == Salary(12000.0, 18000.0, "PLN", "month")


async def test_any_page_with_json_ld(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    board_server.serve_html("/jobs/sre", payloads.jsonld_page())
    resolved = await resolve_url(board_server.url("/jobs/sre"), fetcher, settings)
    assert resolved.source is not None
    assert resolved.posting.fields.title == "Site Reliability Engineer"
    assert resolved.posting.fields.company == "Wayne Enterprises"
    assert "Terraform" in {k.keyword for k in resolved.posting.keywords}


async def test_any_page_without_json_ld_reads_the_html(
    board_server: BoardServer, fetcher: Fetcher, settings: Settings
) -> None:
    board_server.serve_html("/jobs/accountant", payloads.PLAIN_PAGE)
    resolved = await resolve_url(board_server.url("/jobs/accountant"), fetcher, settings)
    assert resolved.source is None
    assert resolved.posting.fields.title == "Staff Accountant"
    assert {"QuickBooks", "Microsoft Excel"} & {k.keyword for k in resolved.posting.keywords}


async def test_failures_are_one_sentence(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    with pytest.raises(UserFacingError, match="whole job board"):
        await resolve_url("https://jobs.lever.co/globex", fetcher, settings)
    with pytest.raises(UserFacingError, match="no longer on the company's board"):
        await resolve_url("https://jobs.lever.co/globex/gone-1", fetcher, settings)  # the API answers 404
    board_server.serve_api(board_api_url(Provider.ASHBY, "initech"), payloads.ashby_board())
    with pytest.raises(UserFacingError, match="no longer on the company's board"):
        await resolve_url("https://jobs.ashbyhq.com/initech/missing", fetcher, settings)
    board_server.serve_api(board_api_url(Provider.RECRUITEE, "stark"), "<html>maintenance</html>")
    with pytest.raises(UserFacingError, match="format jobbot does not understand"):
        await resolve_url("https://stark.recruitee.com/o/x", fetcher, settings)
    board_server.serve_html("/empty", "<html><body></body></html>")
    with pytest.raises(UserFacingError, match="no text"):
        await resolve_url(board_server.url("/empty"), fetcher, settings)


async def test_resolve_link_is_for_job_links_only(board_server: BoardServer, settings: Settings) -> None:
    assert await resolve_link("https://example.com/blog", settings) is None
    assert await resolve_link("https://jobs.lever.co/globex", settings) is None  # a board, not a job
    job = payloads.lever_job()
    job_url = job_api_url(Provider.LEVER, "globex", job["id"])
    assert job_url is not None
    board_server.serve_api(job_url, job)
    resolved = await resolve_link(f"https://jobs.lever.co/globex/{job['id']}", settings)
    assert resolved is not None and resolved.posting.fields.title == "Data Engineer"


async def test_a_link_to_a_pdf_posting_is_read_like_an_attached_file(
    board_server: BoardServer, fetcher: Fetcher, settings: Settings
) -> None:
    from tests.boards.server import Route
    from tests.resumes.builders import make_pdf

    lines = ["Payroll Specialist", "Requirements", "- 3+ years of payroll with ADP", "- Advanced Excel"]
    board_server.routes["/files/payroll.pdf"] = Route(make_pdf([lines]), content_type="application/pdf")
    resolved = await resolve_url(board_server.url("/files/payroll.pdf"), fetcher, settings)
    assert resolved.posting.fields.title == "Payroll Specialist"
    assert "ADP" in {k.keyword for k in resolved.posting.keywords}


async def test_pages_in_other_encodings_decode(board_server: BoardServer, fetcher: Fetcher, settings: Settings) -> None:
    from tests.boards.server import Route

    page = '<html><head><meta charset="iso-8859-1"></head><body><h1>Técnico de redes</h1>' + "<p>Cisco.</p>" * 40
    board_server.routes["/latin1"] = Route(page.encode("latin-1"), content_type="text/html")
    resolved = await resolve_url(board_server.url("/latin1"), fetcher, settings)
    assert "Técnico de redes" in resolved.posting.clean.text
