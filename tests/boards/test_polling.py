"""Following and polling boards: new, changed and closed jobs, 304s, back-off, garbage, slow boards."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.config import Settings
from bot.errors import UserFacingError
from bot.net.fetch import Fetcher
from bot.postings.sources.links import Provider, board_api_url, board_listing_url, job_api_url
from bot.services.boards import FAILING_NOTICE_AFTER, MAX_BACKOFF, BoardService
from bot.store import FollowedBoard, Store, StoredPosting
from tests.boards.server import BoardServer
from tests.sources import payloads

GREENHOUSE_LINK = "https://boards.greenhouse.io/acme"
GREENHOUSE_API = board_api_url(Provider.GREENHOUSE, "acme")
GUILD = 111


@dataclass
class Clock:
    now: datetime = field(default_factory=lambda: datetime(2026, 11, 27, 12, 0, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass
class Harness:
    service: BoardService
    clock: Clock
    created: list[StoredPosting]
    store: Store
    failing: list[tuple[int, str]]


@pytest.fixture
async def harness(board_server: BoardServer, store: Store) -> AsyncIterator[Harness]:
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, allow_private_networks=True, board_api_origin=board_server.origin, board_poll_minutes=30
    )
    clock = Clock()
    created: list[StoredPosting] = []

    failing: list[tuple[int, str]] = []

    async def on_created(stored: StoredPosting) -> None:
        created.append(stored)

    async def on_failing(followed: FollowedBoard, error: str) -> None:
        failing.append((followed.guild_id, error))

    async with Fetcher(settings) as fetcher:
        service = BoardService(
            store, settings, fetcher, on_created=on_created, on_failing=on_failing, rng=random.Random(7), now=clock
        )
        yield Harness(service, clock, created, store, failing)


def _board(*jobs: dict[str, Any]) -> dict[str, Any]:
    return payloads.greenhouse_board(*jobs)


async def _live(store: Store, guild_id: int = GUILD) -> dict[str, str | None]:
    return {p.external_id or "": p.title for p in await store.postings.list_active(guild_id)}


async def test_follow_stores_current_jobs_without_announcing_them(board_server: BoardServer, harness: Harness) -> None:
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1), payloads.greenhouse_job(2, "SRE")))
    result = await harness.service.follow(GUILD, GREENHOUSE_LINK, channel_id=5, user_id=9)
    assert result.added and result.jobs == 2
    assert await _live(harness.store) == {"1": "Senior Backend Engineer", "2": "SRE"}
    assert harness.created == []
    again = await harness.service.follow(
        GUILD, "https://job-boards.greenhouse.io/acme/jobs/1"
    )  # a job link: same board
    assert not again.added and again.board.id == result.board.id
    [followed] = await harness.service.followed(GUILD)
    assert followed.channel_id == 5 and followed.board.url == "https://job-boards.greenhouse.io/acme"


async def test_poll_finds_new_changed_and_closed_jobs(board_server: BoardServer, harness: Harness) -> None:
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1), payloads.greenhouse_job(2, "SRE")))
    await harness.service.follow(GUILD, GREENHOUSE_LINK)
    summary = await harness.service.poll_due()
    assert summary.boards == 0  # not due yet: the follow counted as a poll

    board_server.serve_api(
        GREENHOUSE_API,
        _board(payloads.greenhouse_job(2, "Staff SRE"), payloads.greenhouse_job(3, "Data Engineer")),
    )
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert (summary.boards, summary.created, summary.updated, summary.removed) == (1, 1, 1, 1)
    assert await _live(harness.store) == {"2": "Staff SRE", "3": "Data Engineer"}
    assert [s.external_id for s in harness.created] == ["3"]
    assert harness.created[0].source == "feed" and harness.created[0].url.endswith("/jobs/3")  # type: ignore[union-attr]

    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert (summary.boards, summary.created, summary.updated, summary.removed) == (1, 0, 0, 0)
    assert len(harness.created) == 1


async def test_a_board_followed_by_many_guilds_is_fetched_once(board_server: BoardServer, harness: Harness) -> None:
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1)))
    for guild in (1, 2, 3):
        await harness.service.follow(guild, GREENHOUSE_LINK)
    board_server.requests.clear()
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1), payloads.greenhouse_job(2, "SRE")))
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert summary.boards == 1 and summary.created == 3
    assert len(board_server.requests) == 1
    assert sorted(s.guild_id for s in harness.created) == [1, 2, 3]
    for guild in (1, 2, 3):
        assert await _live(harness.store, guild) == {"1": "Senior Backend Engineer", "2": "SRE"}


async def test_not_modified_answers_change_nothing(board_server: BoardServer, harness: Harness) -> None:
    modified = "Wed, 25 Nov 2026 10:00:00 GMT"
    board_server.serve_api(
        GREENHOUSE_API, _board(payloads.greenhouse_job(1)), etag='"v1"', headers={"Last-Modified": modified}
    )
    await harness.service.follow(GUILD, GREENHOUSE_LINK)
    harness.clock.advance(minutes=40)
    await harness.service.poll_due()  # learns the ETag
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert summary.not_modified == 1
    path = board_server.api_path(board_listing_url(Provider.GREENHOUSE, "acme"))  # later polls: the light listing
    assert board_server.hits(path)[-1].headers["If-None-Match"] == '"v1"'
    assert board_server.hits(path)[-1].headers["If-Modified-Since"] == modified
    assert await _live(harness.store) == {"1": "Senior Backend Engineer"}

    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(9, "New")), etag='"v2"')
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert summary.not_modified == 0 and summary.created == 1 and summary.removed == 1


async def test_errors_back_off_exponentially_and_honour_retry_after(
    board_server: BoardServer, harness: Harness, store: Store
) -> None:
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1)))
    result = await harness.service.follow(GUILD, GREENHOUSE_LINK)
    board_server.serve_api(GREENHOUSE_API, {"error": "boom"}, status=503)
    waits = []
    for _ in range(3):
        harness.clock.advance(hours=13)
        summary = await harness.service.poll_due()
        assert summary.failed == 1
        board = await store.boards.get(result.board.id)
        assert board is not None and board.next_poll_at is not None
        waits.append((board.next_poll_at - harness.clock.now) / timedelta(minutes=30))
    assert 0.9 <= waits[0] <= 1.1 and 1.8 <= waits[1] <= 2.2 and 3.6 <= waits[2] <= 4.4
    assert board.consecutive_failures == 3 and "error (503)" in (board.last_error or "")

    board_server.serve_api(GREENHOUSE_API, {"error": "slow down"}, status=429, headers={"Retry-After": "36000"})
    harness.clock.advance(hours=13)
    await harness.service.poll_due()
    board = await store.boards.get(result.board.id)
    assert board is not None and board.next_poll_at is not None
    assert board.next_poll_at - harness.clock.now >= timedelta(seconds=36000)
    assert board.next_poll_at - harness.clock.now <= MAX_BACKOFF * 1.1

    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1)))
    harness.clock.advance(hours=13)
    await harness.service.poll_due()
    board = await store.boards.get(result.board.id)
    assert board is not None and board.consecutive_failures == 0 and board.last_error is None


@pytest.mark.parametrize("garbage", [b"<html>We'll be right back</html>", b'{"jobs": "nope"}', b"\xff\xfe\x00garbage"])
async def test_a_board_answering_garbage_keeps_its_postings(
    garbage: bytes, board_server: BoardServer, harness: Harness, store: Store
) -> None:
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1)))
    result = await harness.service.follow(GUILD, GREENHOUSE_LINK)
    board_server.routes[board_server.api_path(GREENHOUSE_API)].body = garbage
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert summary.failed == 1 and summary.removed == 0
    assert await _live(store) == {"1": "Senior Backend Engineer"}  # garbage never reads as "every job closed"
    board = await store.boards.get(result.board.id)
    assert board is not None and "format jobbot does not understand" in (board.last_error or "")


async def test_a_slow_board_does_not_delay_the_others(
    board_server: BoardServer, harness: Harness, store: Store
) -> None:
    slugs = ["fast1", "fast2", "fast3", "slow"]
    for slug in slugs:
        board_server.serve_api(board_api_url(Provider.GREENHOUSE, slug), _board(payloads.greenhouse_job(1)))
        await harness.service.follow(GUILD, f"https://boards.greenhouse.io/{slug}")
    for slug in slugs:
        route = board_server.serve_api(
            board_api_url(Provider.GREENHOUSE, slug),
            _board(payloads.greenhouse_job(1), payloads.greenhouse_job(2, f"{slug} engineer")),
        )
        if slug == "slow":
            route.delay = 3.0
    harness.clock.advance(minutes=40)
    started = time.monotonic()
    polling = asyncio.create_task(harness.service.poll_due())
    while len(harness.created) < 3:
        await asyncio.sleep(0.02)
        assert time.monotonic() - started < 2.0, "the fast boards waited for the slow one"
    assert not polling.done()
    summary = await polling
    assert summary.created == 4 and time.monotonic() - started >= 2.9


async def test_smartrecruiters_reads_job_ads_only_for_new_jobs(board_server: BoardServer, harness: Harness) -> None:
    board_server.serve_api(
        board_api_url(Provider.SMARTRECRUITERS, "Hooli"), payloads.smartrecruiters_list("744000000000001")
    )
    for job_id in ("744000000000001", "744000000000002"):
        url = job_api_url(Provider.SMARTRECRUITERS, "Hooli", job_id)
        assert url is not None
        detail = payloads.smartrecruiters_posting(job_id)
        detail["name"] = f"Network Engineer {job_id[-1]}"  # two distinct ads (the same text is one posting)
        board_server.serve_api(url, detail)
    await harness.service.follow(GUILD, "https://jobs.smartrecruiters.com/Hooli")
    harness.clock.advance(minutes=40)
    await harness.service.poll_due()
    board_server.requests.clear()
    board_server.serve_api(
        board_api_url(Provider.SMARTRECRUITERS, "Hooli"),
        payloads.smartrecruiters_list("744000000000001", "744000000000002"),
    )
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert summary.created == 1 and summary.updated == 0  # the known job's list entry never replaces its ad
    details = [r.path for r in board_server.requests if "/postings/" in r.path]
    assert details == [board_server.api_path(job_api_url(Provider.SMARTRECRUITERS, "Hooli", "744000000000002") or "")]
    for stored in await harness.store.postings.list_active(GUILD):
        assert "CCNP" in {k.keyword for k in stored.posting().keywords if k.required}


async def test_follow_and_unfollow_refusals(board_server: BoardServer, harness: Harness) -> None:
    with pytest.raises(UserFacingError, match="not a job board link I can follow"):
        await harness.service.follow(GUILD, "https://example.com/careers")
    with pytest.raises(UserFacingError, match="does not exist"):
        await harness.service.follow(GUILD, "https://jobs.lever.co/nobody")  # the local API answers 404
    assert await harness.service.followed(GUILD) == []
    board_server.serve_api(board_api_url(Provider.LEVER, "globex"), [payloads.lever_job()])
    await harness.service.follow(GUILD, "https://jobs.lever.co/globex")
    assert await harness.service.unfollow(GUILD, "https://jobs.eu.lever.co/globex") is None  # another board
    board = await harness.service.unfollow(GUILD, "https://jobs.lever.co/globex/whatever")
    assert board is not None and board.slug == "globex"
    assert await harness.service.followed(GUILD) == []
    harness.clock.advance(minutes=40)
    assert (await harness.service.poll_due()).boards == 0  # nobody follows it any more


async def test_following_guilds_hear_once_that_a_board_keeps_failing(
    board_server: BoardServer, harness: Harness
) -> None:
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1)))
    await harness.service.follow(1, GREENHOUSE_LINK, channel_id=10)
    await harness.service.follow(2, GREENHOUSE_LINK, channel_id=20)
    board_server.routes.pop(board_server.api_path(GREENHOUSE_API))  # the board is gone: 404
    for attempt in range(1, FAILING_NOTICE_AFTER + 3):
        harness.clock.advance(days=2)
        assert (await harness.service.poll_due()).failed == 1
        assert len(harness.failing) == (0 if attempt < FAILING_NOTICE_AFTER else 2)
    assert sorted(g for g, _ in harness.failing) == [1, 2]
    assert "does not exist" in harness.failing[0][1]


async def test_smartrecruiters_pages_are_all_read_and_a_partial_read_closes_nothing(
    board_server: BoardServer, harness: Harness
) -> None:
    listing = board_api_url(Provider.SMARTRECRUITERS, "Hooli")
    ids = ["744000000000001", "744000000000002", "744000000000003"]
    for job_id in ids:
        detail = payloads.smartrecruiters_posting(job_id)
        detail["name"] = f"Network Engineer {job_id[-1]}"
        board_server.serve_api(job_api_url(Provider.SMARTRECRUITERS, "Hooli", job_id) or "", detail)
    first_page = payloads.smartrecruiters_list(*ids[:2]) | {"totalFound": 3}
    board_server.serve_api(listing, first_page)
    board_server.serve_api(f"{listing}&offset=2", payloads.smartrecruiters_list(ids[2]) | {"totalFound": 3})
    result = await harness.service.follow(GUILD, "https://jobs.smartrecruiters.com/Hooli")
    assert result.jobs == 3
    assert set(await _live(harness.store)) == set(ids)

    board_server.serve_api(f"{listing}&offset=2", payloads.smartrecruiters_list() | {"totalFound": 3})  # a short read
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert summary.failed == 0 and summary.removed == 0
    assert set(await _live(harness.store)) == set(ids)


async def test_the_same_ad_on_two_boards_is_one_posting_and_not_parsed_every_poll(
    board_server: BoardServer, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.services.boards as boards

    other_api = board_api_url(Provider.GREENHOUSE, "acme-eu")
    board_server.serve_api(GREENHOUSE_API, _board(payloads.greenhouse_job(1)))
    board_server.serve_api(other_api, _board())
    await harness.service.follow(GUILD, GREENHOUSE_LINK)
    await harness.service.follow(GUILD, "https://boards.greenhouse.io/acme-eu")
    board_server.serve_api(other_api, _board(payloads.greenhouse_job(1)))  # the same ad appears on the other board
    parses: list[str] = []
    real = boards.to_posting
    monkeypatch.setattr(boards, "to_posting", lambda job: parses.append(job.external_id) or real(job))
    for _ in range(3):
        harness.clock.advance(minutes=40)
        summary = await harness.service.poll_due()
        assert summary.created == 0 and summary.failed == 0
    assert len(await harness.store.postings.list_active(GUILD)) == 1
    assert parses == ["1"]  # once, on the poll that first saw it on the second board


async def test_greenhouse_polls_read_the_light_listing_and_only_new_or_edited_jobs(
    board_server: BoardServer, harness: Harness
) -> None:
    one, two = payloads.greenhouse_job(1), payloads.greenhouse_job(2, "SRE")
    board_server.serve_api(GREENHOUSE_API, _board(one, two))
    await harness.service.follow(GUILD, GREENHOUSE_LINK)
    harness.clock.advance(minutes=40)
    await harness.service.poll_due()  # the first poll after a (re)start reads descriptions in full
    edited = payloads.greenhouse_job(2, "Senior SRE") | {"updated_at": "2026-11-26T09:00:00-05:00"}
    board_server.serve_api(GREENHOUSE_API, _board(one, edited, payloads.greenhouse_job(3, "Data Engineer")))
    board_server.requests.clear()
    harness.clock.advance(minutes=40)
    summary = await harness.service.poll_due()
    assert (summary.created, summary.updated, summary.removed) == (1, 1, 0)
    listing = board_server.api_path(board_listing_url(Provider.GREENHOUSE, "acme"))
    assert [r.path.split("?")[0] for r in board_server.requests] == [
        listing,
        f"{listing}/2",  # edited: its updated_at moved
        f"{listing}/3",  # new
    ]
    assert await _live(harness.store) == {"1": "Senior Backend Engineer", "2": "Senior SRE", "3": "Data Engineer"}
    stored = {p.external_id: p for p in await harness.store.postings.list_active(GUILD)}
    assert "Python" in {k.keyword for k in stored["3"].posting().keywords}  # the description was read
