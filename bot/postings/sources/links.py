"""Which job board a link belongs to, and the public API URLs that serve its jobs.

`classify_url` is pure string work (no DNS, no fetch), cheap enough to run on every chat link.
Slugs are checked against a strict alphabet before they are put into an API URL, so a crafted
link cannot steer the request to another path or host.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import quote

from yarl import URL


class Provider(StrEnum):
    GREENHOUSE = "greenhouse"
    LEVER = "lever"
    LEVER_EU = "lever_eu"
    ASHBY = "ashby"
    WORKABLE = "workable"
    SMARTRECRUITERS = "smartrecruiters"
    RECRUITEE = "recruitee"


@dataclass(frozen=True, slots=True)
class BoardLink:
    """A link to a board (`job_id` None) or to one job on it.

    `slug` is None only for a company page that embeds a Greenhouse job (`?gh_jid=`) without
    naming the board: the board's token is then looked for in the page itself.
    """

    provider: Provider
    slug: str | None
    job_id: str | None = None

    def board_url(self) -> str:
        """The human page of the whole board (what `/jobbot boards` lists)."""
        return board_page_url(self.provider, self.slug or "")


_SLUG = re.compile(r"[A-Za-z0-9][A-Za-z0-9._~%-]{0,99}")
_DNS_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_JOB_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")
_GREENHOUSE_HOSTS = {
    "boards.greenhouse.io",
    "job-boards.greenhouse.io",
    "boards.eu.greenhouse.io",
    "job-boards.eu.greenhouse.io",
}
_NOT_BOARDS = {"embed", "v1", "api", "static", "assets", "favicon.ico", "robots.txt"}


def _slug(value: str | None) -> str | None:
    return value if value and _SLUG.fullmatch(value) and value.lower() not in _NOT_BOARDS else None


def _job(value: str | None) -> str | None:
    return value if value and _JOB_ID.fullmatch(value) else None


def classify_url(raw: str) -> BoardLink | None:
    """The board (and job) a link points at, or None when it is no known board's link."""
    try:
        url = URL(raw.strip())
    except (ValueError, TypeError):
        return None
    if url.scheme not in ("http", "https") or not url.host:
        return None
    host = url.host.lower().rstrip(".")
    parts = [p for p in url.path.split("/") if p]
    first = parts[0] if parts else None
    if host in _GREENHOUSE_HOSTS:
        return _greenhouse(url, parts)
    if host in ("jobs.lever.co", "jobs.eu.lever.co"):
        provider = Provider.LEVER_EU if host == "jobs.eu.lever.co" else Provider.LEVER
        return _board(provider, first, parts[1] if len(parts) > 1 else None)
    if host == "jobs.ashbyhq.com":
        return _board(Provider.ASHBY, first, parts[1] if len(parts) > 1 else None)
    if host == "apply.workable.com":
        job = parts[2] if len(parts) > 2 and parts[1] == "j" else None
        return _board(Provider.WORKABLE, first, job)
    if host in ("jobs.smartrecruiters.com", "careers.smartrecruiters.com"):
        numeric = re.match(r"\d{6,}", parts[1]) if len(parts) > 1 else None
        return _board(Provider.SMARTRECRUITERS, first, numeric.group(0) if numeric else None)
    if host.endswith(".recruitee.com") and host.count(".") == 2:
        company = host.split(".")[0]
        if not _DNS_LABEL.fullmatch(company) or company in ("www", "api", "app"):
            return None
        job = parts[1] if len(parts) > 1 and parts[0] == "o" else None
        return BoardLink(Provider.RECRUITEE, company, _job(job))
    gh_jid = _job(url.query.get("gh_jid"))
    if gh_jid is not None:  # a company careers page embedding a Greenhouse job
        return BoardLink(Provider.GREENHOUSE, _slug(url.query.get("for")), gh_jid)
    return None


def _board(provider: Provider, slug: str | None, job: str | None) -> BoardLink | None:
    board = _slug(slug)
    return None if board is None else BoardLink(provider, board, _job(job))


def _greenhouse(url: URL, parts: list[str]) -> BoardLink | None:
    if parts and parts[0] == "embed":  # /embed/job_app?for=acme&token=123, /embed/job_board?for=acme
        board = _slug(url.query.get("for"))
        job = _job(url.query.get("token") or url.query.get("gh_jid"))
        return None if board is None else BoardLink(Provider.GREENHOUSE, board, job)
    board = _slug(parts[0]) if parts else None
    if board is None:
        return None
    job = parts[2] if len(parts) > 2 and parts[1] == "jobs" else url.query.get("gh_jid")
    return BoardLink(Provider.GREENHOUSE, board, _job(job))


_GREENHOUSE_IN_PAGE = re.compile(
    r"(?:boards(?:-api)?|job-boards)(?:\.eu)?\.greenhouse\.io/(?:embed/job_(?:board|app)(?:/js)?\?(?:[^\"'\s]*?&(?:amp;)?)?for="
    r"|v1/boards/)([A-Za-z0-9][A-Za-z0-9_-]{0,99})"
)


def greenhouse_board_in_page(html: str) -> str | None:
    """The board token a careers page's Greenhouse embed script names (for `?gh_jid=` links)."""
    match = _GREENHOUSE_IN_PAGE.search(html[:2_000_000])
    return match.group(1) if match else None


def board_page_url(provider: Provider, slug: str) -> str:
    s = quote(slug, safe="")
    return {
        Provider.GREENHOUSE: f"https://job-boards.greenhouse.io/{s}",
        Provider.LEVER: f"https://jobs.lever.co/{s}",
        Provider.LEVER_EU: f"https://jobs.eu.lever.co/{s}",
        Provider.ASHBY: f"https://jobs.ashbyhq.com/{s}",
        Provider.WORKABLE: f"https://apply.workable.com/{s}",
        Provider.SMARTRECRUITERS: f"https://jobs.smartrecruiters.com/{s}",
        Provider.RECRUITEE: f"https://{s}.recruitee.com/",
    }[provider]


def board_api_url(provider: Provider, slug: str) -> str:
    """The public JSON listing every open job of a board (with descriptions where the API can)."""
    s = quote(slug, safe="")
    return {
        Provider.GREENHOUSE: f"https://boards-api.greenhouse.io/v1/boards/{s}/jobs?content=true",
        Provider.LEVER: f"https://api.lever.co/v0/postings/{s}?mode=json",
        Provider.LEVER_EU: f"https://api.eu.lever.co/v0/postings/{s}?mode=json",
        Provider.ASHBY: f"https://api.ashbyhq.com/posting-api/job-board/{s}?includeCompensation=true",
        Provider.WORKABLE: f"https://apply.workable.com/api/v1/widget/accounts/{s}?details=true",
        Provider.SMARTRECRUITERS: f"https://api.smartrecruiters.com/v1/companies/{s}/postings?limit=100",
        Provider.RECRUITEE: f"https://{s}.recruitee.com/api/offers/",
    }[provider]


def board_listing_url(provider: Provider, slug: str) -> str:
    """The cheapest listing of a board's open jobs: Greenhouse's without descriptions (a board of
    300 jobs is ~50 KB instead of ~3 MB), whose changed jobs are then read one by one; the others
    have no lighter form than `board_api_url`."""
    if provider is Provider.GREENHOUSE:
        return f"https://boards-api.greenhouse.io/v1/boards/{quote(slug, safe='')}/jobs"
    return board_api_url(provider, slug)


def job_api_url(provider: Provider, slug: str, job_id: str) -> str | None:
    """The one-job endpoint, for providers that have one; the others are read from the board list."""
    s, j = quote(slug, safe=""), quote(job_id, safe="")
    if provider is Provider.GREENHOUSE:
        return f"https://boards-api.greenhouse.io/v1/boards/{s}/jobs/{j}?pay_transparency=true"
    if provider in (Provider.LEVER, Provider.LEVER_EU):
        host = "api.eu.lever.co" if provider is Provider.LEVER_EU else "api.lever.co"
        return f"https://{host}/v0/postings/{s}/{j}?mode=json"
    if provider is Provider.SMARTRECRUITERS:
        return f"https://api.smartrecruiters.com/v1/companies/{s}/postings/{j}"
    return None
