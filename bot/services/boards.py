"""Job links and followed company job boards: resolve a shared link, follow a board, poll boards.

Resolving a link reads the board's public JSON API where there is one (structured fields win over
what the posting parser guesses), else the page's schema.org JSON-LD, else its readable HTML.

Polling: every board due is fetched once per interval however many guilds follow it, with a
conditional request (ETag / Last-Modified), several boards at a time (each request under the
fetcher's own time cap, so a slow board never holds up the others), exponential back-off after
errors and 429s (Retry-After honoured), and jitter so boards followed together spread out.
The first poll after a start reads each board in full and compares it with what is stored; later
polls remember each job's fingerprint, so nothing unchanged is parsed again, and where the API has
a listing without descriptions (Greenhouse; SmartRecruiters has only that) they read it and fetch
only the jobs that are new or whose own "updated" stamp moved.
A job new to a guild is stored as that guild's feed posting and handed to `on_created` (the bot
passes it to subscription delivery, which makes each announcement happen once); a job that left
the board is marked removed. A guild that starts following a board gets the board's current jobs
stored silently: only jobs posted after the follow are announced. After FAILING_NOTICE_AFTER
failures in a row, `on_failing` tells each following guild once (the bot posts in the channel the
follow was set up in).
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import json
import logging
import random
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from yarl import URL

from bot.config import Settings
from bot.errors import UserFacingError
from bot.net.fetch import Fetcher, Response
from bot.postings.model import Posting
from bot.postings.sources.build import to_posting
from bot.postings.sources.jsonld import job_postings_in_page
from bot.postings.sources.links import (
    BoardLink,
    Provider,
    board_api_url,
    board_listing_url,
    board_page_url,
    classify_url,
    greenhouse_board_in_page,
    job_api_url,
)
from bot.postings.sources.model import SourceFormatError, SourcePosting
from bot.postings.sources.page import readable_html
from bot.postings.sources.providers import MAX_JOBS, find_job, parse_board, parse_job
from bot.store import Board, FollowedBoard, Store, StoredPosting

log = logging.getLogger(__name__)

MAX_FOLLOWED_PER_GUILD = 50
MAX_BACKOFF = timedelta(hours=12)
JITTER = 0.1  # next poll at interval × (1 ± JITTER)
POLL_CONCURRENCY = 16
DUE_BATCH = 200
MAX_DETAIL_FETCHES = 100  # SmartRecruiters one-job reads per poll (its list has no descriptions)
MAX_LIST_PAGES = 10  # SmartRecruiters list pages (100 jobs each) read per poll
BOARD_BYTES_FACTOR = 8  # a whole board's listing (descriptions included) may be this many pages' worth

OnCreated = Callable[[StoredPosting], Awaitable[None]]
OnChanged = Callable[[int], Awaitable[None]]
OnFailing = Callable[[FollowedBoard, str], Awaitable[None]]
FAILING_NOTICE_AFTER = 5  # failures in a row before the guilds that follow a board hear about it (once)


@dataclass(frozen=True, slots=True)
class ResolvedPosting:
    """A link read into a posting; `source` holds the structured fields when an API or JSON-LD gave them."""

    posting: Posting
    url: str
    link: BoardLink | None
    source: SourcePosting | None


class RateLimited(UserFacingError):
    def __init__(self, retry_after: float | None) -> None:
        super().__init__("That job board is limiting requests right now; jobbot will try again later.")
        self.retry_after = retry_after


def api_route(url: str, settings: Settings) -> str:
    """A board API URL, sent through `board_api_origin` when one is set (a proxy, or tests' server)."""
    origin = settings.board_api_origin
    if not origin:
        return url
    parsed = URL(url)
    return f"{origin.rstrip('/')}/{parsed.host}{parsed.raw_path_qs}"


def _json(response: Response) -> Any:
    """The JSON body of a board's answer (run in a worker thread: a board may send megabytes)."""
    if response.status == 429:
        raise RateLimited(_retry_after(response))
    response.raise_for_status()
    try:
        return json.loads(response.body)
    except (ValueError, RecursionError):
        raise SourceFormatError() from None


def _retry_after(response: Response) -> float | None:
    value = response.headers.get("Retry-After", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(UTC)).total_seconds()) if when.tzinfo else None


# -- resolving one link ------------------------------------------------------------------------------


async def resolve_url(url: str, fetcher: Fetcher, settings: Settings) -> ResolvedPosting:
    """Any http(s) link to one job → its posting; UserFacingError (one sentence) when it cannot be read."""
    link = classify_url(url)
    page: Response | None = None
    if link is not None and link.slug is None:  # ?gh_jid= on a company's own careers page
        page = await fetcher.get(url)
        page.raise_for_status()
        token = greenhouse_board_in_page(page.text())
        link = replace(link, slug=token) if token else None
    if link is not None and link.slug is not None:
        if link.job_id is None:
            raise UserFacingError(
                "That link is a whole job board, not one job: an admin can follow it with /jobbot follow."
            )
        source = await _fetch_job(link.provider, link.slug, link.job_id, fetcher, settings)
        posting = await asyncio.to_thread(to_posting, source)
        return ResolvedPosting(posting, source.url or url, link, source)
    if page is None:
        page = await fetcher.get(url)
        page.raise_for_status()
    return await asyncio.to_thread(_read_page, page, settings)


_DOCUMENT_TYPES = frozenset(
    {"application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
)


def _read_page(page: Response, settings: Settings) -> ResolvedPosting:
    """A page's JSON-LD JobPosting if it has one, else its readable HTML through the posting parser.

    A link to a PDF or DOCX posting is read like an attached posting file (the bounded reader).
    """
    from bot.postings.parse import parse_posting

    if page.content_type in _DOCUMENT_TYPES or page.body.startswith((b"%PDF-", b"PK\x03\x04")):
        from bot.services.ingest import posting_text_from_file

        filename = URL(page.url).name or "the linked document"
        text = posting_text_from_file(page.body, filename, page.content_type or None, settings)
        return ResolvedPosting(parse_posting(text), page.url, None, None)
    html = page.text()
    found = job_postings_in_page(html, page.url)
    if found:
        return ResolvedPosting(to_posting(found[0]), found[0].url or page.url, None, found[0])
    readable = readable_html(html)
    posting = parse_posting(readable)
    if not readable or not posting.clean.text.strip():
        raise UserFacingError("That page has no text I can read as a job posting.")
    return ResolvedPosting(posting, page.url, None, None)


async def _fetch_job(provider: Provider, slug: str, job_id: str, fetcher: Fetcher, settings: Settings) -> SourcePosting:
    one = job_api_url(provider, slug, job_id)
    if one is not None:
        response = await fetcher.get(api_route(one, settings))
        if response.status in (404, 410):
            raise UserFacingError("That job is no longer on the company's board.")
        return parse_job(provider, await asyncio.to_thread(_json, response))
    response = await fetcher.get(api_route(board_api_url(provider, slug), settings))
    if response.status == 404:
        raise UserFacingError("That company's job board does not exist (any more); check the link.")
    found = await asyncio.to_thread(lambda: find_job(provider, _json(response), job_id))
    if found is None:
        raise UserFacingError("That job is no longer on the company's board.")
    return found


async def resolve_link(url: str, settings: Settings) -> ResolvedPosting | None:
    """For chat ingestion: a link to one job on a known board → its posting; None for any other link.

    Opens its own fetcher; UserFacingError when the board cannot be read.
    """
    link = classify_url(url)
    if link is None or link.job_id is None:
        return None
    async with Fetcher(settings) as fetcher:
        return await resolve_url(url, fetcher, settings)


# -- reading a whole board ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BoardRead:
    """A board's jobs as of now (None: not modified since the validators sent), and its new validators.

    `summaries` are the ids of jobs known only from a list entry without their description
    (SmartRecruiters jobs seen before, or past the detail-read budget): present on the board, but
    never to be stored or compared as they are.
    """

    jobs: list[SourcePosting] | None
    etag: str | None
    last_modified: str | None
    summaries: frozenset[str] = frozenset()
    complete: bool = True  # False: the board lists more jobs than were read, so absence proves nothing


async def read_board(
    provider: Provider,
    slug: str,
    fetcher: Fetcher,
    settings: Settings,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    known: Callable[[SourcePosting], bool] | None = None,
) -> BoardRead:
    """Fetch and parse a board.

    With `known` (a poll that remembers the last one), the cheapest listing is read and only the
    jobs `known` does not recognise get their description read one by one (Greenhouse; and
    SmartRecruiters always, whose list has no job ad). Without it, the full listing.
    """
    headers: dict[str, str] = {"Accept": "application/json"}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    listing = board_listing_url(provider, slug) if known is not None else board_api_url(provider, slug)
    response = await fetcher.get(
        api_route(listing, settings),
        headers=headers,
        max_bytes=settings.max_fetch_bytes * BOARD_BYTES_FACTOR,
    )
    if response.status == 304:
        return BoardRead(None, etag, last_modified)
    if response.status == 404:
        raise UserFacingError("That company's job board does not exist (any more); check the link.")
    data = await asyncio.to_thread(_json, response)
    summaries: frozenset[str] = frozenset()
    complete = True
    if provider is Provider.SMARTRECRUITERS:
        data, complete = await _smartrecruiters_pages(data, slug, fetcher, settings)
    jobs = await asyncio.to_thread(parse_board, provider, data)
    complete = complete and len(jobs) < MAX_JOBS  # at the cap, the rest of the board went unread
    if provider is Provider.SMARTRECRUITERS or listing != board_api_url(provider, slug):
        jobs, summaries = await _read_details(provider, jobs, slug, fetcher, settings, known or (lambda _: False))
    etag, last_modified = response.headers.get("ETag"), response.headers.get("Last-Modified")
    return BoardRead(jobs, etag, last_modified, summaries, complete)


async def _smartrecruiters_pages(
    first: Any, slug: str, fetcher: Fetcher, settings: Settings
) -> tuple[dict[str, Any], bool]:
    """Every page of a SmartRecruiters listing (100 a page, up to MAX_LIST_PAGES); True if all were read."""
    content = first.get("content") if isinstance(first, dict) else None
    if not isinstance(content, list):
        return first, True  # not the documented shape: parse_board says so
    total = first.get("totalFound")
    entries = list(content)
    pages = 1
    while isinstance(total, int) and len(entries) < total and content and pages < MAX_LIST_PAGES:
        url = f"{board_api_url(Provider.SMARTRECRUITERS, slug)}&offset={len(entries)}"
        page = await asyncio.to_thread(_json, await fetcher.get(api_route(url, settings)))
        content = page.get("content") if isinstance(page, dict) else None
        if not isinstance(content, list):
            raise SourceFormatError()
        entries.extend(content)
        pages += 1
    complete = not isinstance(total, int) or len(entries) >= total
    return {**first, "content": entries}, complete


async def _read_details(
    provider: Provider,
    jobs: list[SourcePosting],
    slug: str,
    fetcher: Fetcher,
    settings: Settings,
    known: Callable[[SourcePosting], bool],
) -> tuple[list[SourcePosting], frozenset[str]]:
    """Read the one-job endpoint for list entries `known` does not recognise, up to MAX_DETAIL_FETCHES.

    Returns the jobs and the ids still known only by their list entry (the summaries).
    """
    out: list[SourcePosting] = []
    summaries: set[str] = set()
    budget = MAX_DETAIL_FETCHES
    for job in jobs:
        if known(job) or budget <= 0:
            out.append(job)
            summaries.add(job.external_id)
            continue
        budget -= 1
        try:
            out.append(await _fetch_job(provider, slug, job.external_id, fetcher, settings))
        except UserFacingError:
            out.append(job)
            summaries.add(job.external_id)
    return out, frozenset(summaries)


# -- following and polling ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FollowResult:
    board: Board
    added: bool  # False: the guild already followed it
    jobs: int  # open jobs stored for the guild now


@dataclass(slots=True)
class PollSummary:
    boards: int = 0
    not_modified: int = 0
    failed: int = 0
    created: int = 0
    updated: int = 0
    removed: int = 0


@dataclass(slots=True)
class _BoardState:
    """What the last successful poll saw: each job's fingerprint, to spot edited jobs without re-parsing.

    `duplicates` holds (guild, job, fingerprint) of jobs a guild already has as another posting (the
    same ad on two boards, or shared in chat): without it they would be parsed again every poll.
    """

    fingerprints: dict[str, str] = field(default_factory=dict)
    stamps: dict[str, str | None] = field(default_factory=dict)  # the list's "last changed" of each job
    duplicates: set[tuple[int, str, str]] = field(default_factory=set)

    def recognises(self, entry: SourcePosting) -> bool:
        """A list entry of a job read in full before and not changed since (by the board's own stamp)."""
        return entry.external_id in self.fingerprints and self.stamps.get(entry.external_id) == entry.stamp


def follow_link(url: str) -> BoardLink:
    link = classify_url(url)
    if link is None or link.slug is None:
        raise UserFacingError(
            "That is not a job board link I can follow: use a Greenhouse, Lever, Ashby, Workable, "
            "SmartRecruiters or Recruitee board address."
        )
    return link


async def _noop_created(_: StoredPosting) -> None:
    return None


async def _noop_changed(_: int) -> None:
    return None


async def _noop_failing(_: FollowedBoard, __: str) -> None:
    return None


class BoardService:
    """Follows and polls boards for every guild; `fetcher` must be open while it is used."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        fetcher: Fetcher,
        *,
        on_created: OnCreated = _noop_created,
        on_changed: OnChanged = _noop_changed,
        on_failing: OnFailing = _noop_failing,
        rng: random.Random | None = None,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        concurrency: int = POLL_CONCURRENCY,
    ) -> None:
        self._store = store
        self._settings = settings
        self._fetcher = fetcher
        self._on_created = on_created
        self._on_changed = on_changed
        self._on_failing = on_failing
        self._rng = rng or random.Random()
        self._now = now
        self._concurrency = concurrency
        self._states: dict[int, _BoardState] = {}
        self._polling: set[int] = set()

    # -- commands ---------------------------------------------------------------------------------

    async def follow(
        self, guild_id: int, url: str, *, channel_id: int | None = None, user_id: int | None = None
    ) -> FollowResult:
        """Follow the board a link belongs to; its current jobs are stored for the guild, not announced."""
        link = follow_link(url)
        assert link.slug is not None
        followed = await self._store.boards.followed(guild_id)
        board = await self._store.boards.get_or_create(
            link.provider, link.slug, board_page_url(link.provider, link.slug)
        )
        if any(f.board.id == board.id for f in followed):
            return FollowResult(board, False, len(await self._store.postings.feed_external_ids(guild_id, board.id)))
        if len(followed) >= MAX_FOLLOWED_PER_GUILD:
            raise UserFacingError(f"This server already follows {MAX_FOLLOWED_PER_GUILD} boards, the most allowed.")
        read = await read_board(link.provider, link.slug, self._fetcher, self._settings)
        assert read.jobs is not None
        for job in read.jobs:  # stored before the follow exists, so a poll meanwhile cannot announce them
            if job.external_id in read.summaries:
                continue
            posting = await asyncio.to_thread(to_posting, job)
            await self._save(guild_id, board, job, posting)
        await self._store.boards.follow(guild_id, board.id, channel_id, user_id)
        now = self._now()
        await self._store.boards.record_success(
            board.id, polled_at=now, next_poll_at=self._next_poll(now), etag=None, last_modified=None
        )
        await self._on_changed(guild_id)
        return FollowResult(board, True, len(read.jobs))

    async def unfollow(self, guild_id: int, url: str) -> Board | None:
        """Stop following; the board's postings stay (they are marked removed as jobs close no more)."""
        link = follow_link(url)
        for followed in await self._store.boards.followed(guild_id):
            board = followed.board
            if board.provider == link.provider and board.slug == link.slug:
                await self._store.boards.unfollow(guild_id, board.id)
                return board
        return None

    async def followed(self, guild_id: int) -> list[FollowedBoard]:
        return await self._store.boards.followed(guild_id)

    # -- polling ----------------------------------------------------------------------------------

    async def poll_due(self) -> PollSummary:
        """Poll every board whose time has come, `concurrency` at a time; never raises for one board."""
        summary = PollSummary()
        gate = asyncio.Semaphore(self._concurrency)

        async def one(board: Board) -> None:
            async with gate:
                await self.poll_board(board, summary)

        while True:
            due = [b for b in await self._store.boards.due(self._now(), DUE_BATCH) if b.id not in self._polling]
            if not due:
                return summary
            await asyncio.gather(*(one(board) for board in due))

    async def poll_board(self, board: Board, summary: PollSummary | None = None) -> None:
        summary = summary if summary is not None else PollSummary()
        summary.boards += 1
        self._polling.add(board.id)
        try:
            await self._poll(board, summary)
        except UserFacingError as exc:
            summary.failed += 1
            await self._failed(board, str(exc), getattr(exc, "retry_after", None))
        except Exception as exc:  # a store or parser bug must not stop the other boards
            summary.failed += 1
            log.exception("board poll failed", extra={"board": board.id})
            await self._failed(board, type(exc).__name__, None)
        finally:
            self._polling.discard(board.id)

    async def _poll(self, board: Board, summary: PollSummary) -> None:
        followers = await self._store.boards.followers(board.id)
        if not followers:
            self._states.pop(board.id, None)
            return
        provider = Provider(board.provider)
        state = self._states.get(board.id)
        read = await read_board(
            provider,
            board.slug,
            self._fetcher,
            self._settings,
            etag=board.etag if state is not None else None,  # after a restart, read the whole board once
            last_modified=board.last_modified if state is not None else None,
            known=None if state is None else state.recognises,
        )
        now = self._now()
        if read.jobs is None:
            summary.not_modified += 1
        else:
            fresh = _BoardState()
            for job in read.jobs:
                fresh.stamps[job.external_id] = job.stamp
                if job.external_id not in read.summaries:
                    fresh.fingerprints[job.external_id] = job.fingerprint()
                elif state is not None and job.external_id in state.fingerprints:  # read in full before
                    fresh.fingerprints[job.external_id] = state.fingerprints[job.external_id]
            await self._apply(board, read, followers, state, fresh, summary)
            self._states[board.id] = fresh
        await self._store.boards.record_success(
            board.id,
            polled_at=now,
            next_poll_at=self._next_poll(now),
            etag=read.etag,
            last_modified=read.last_modified,
        )

    async def _apply(
        self,
        board: Board,
        read: BoardRead,
        followers: list[FollowedBoard],
        state: _BoardState | None,
        fresh: _BoardState,
        summary: PollSummary,
    ) -> None:
        """Store new and changed jobs for every following guild; retire the jobs that left the board.

        Jobs known only by a list entry (`read.summaries`) count as still open, and are left as
        stored; when the board was not read to its end, no job counts as closed.
        """
        assert read.jobs is not None
        current = {job.external_id: job for job in read.jobs}
        summaries = read.summaries
        parsed: dict[str, Posting] = {}  # parsed once per poll, shared by every guild

        async def posting_of(job: SourcePosting) -> Posting:
            if job.external_id not in parsed:
                parsed[job.external_id] = await asyncio.to_thread(to_posting, job)
            return parsed[job.external_id]

        for follower in followers:
            guild_id = follower.guild_id
            known = await self._store.postings.feed_external_ids(guild_id, board.id)
            changed = False
            for external_id in sorted(known - current.keys()) if read.complete else ():
                if await self._store.postings.remove_feed_posting(guild_id, board.id, external_id):
                    summary.removed += 1
                    changed = True
            for external_id, job in current.items():
                if external_id in summaries:
                    continue
                if external_id in known:
                    if not await self._edited(guild_id, board, job, state):
                        continue
                    await self._save(guild_id, board, job, await posting_of(job))
                    summary.updated += 1
                    changed = True
                    continue
                duplicate = (guild_id, external_id, fresh.fingerprints.get(external_id, ""))
                if state is not None and duplicate in state.duplicates:
                    fresh.duplicates.add(duplicate)
                    continue
                stored, created = await self._save(guild_id, board, job, await posting_of(job))
                changed = True
                if created:
                    summary.created += 1
                    await self._on_created(stored)
                elif (stored.board_id, stored.external_id) != (board.id, external_id):
                    fresh.duplicates.add(duplicate)
            if changed:
                await self._on_changed(guild_id)

    async def _edited(self, guild_id: int, board: Board, job: SourcePosting, state: _BoardState | None) -> bool:
        if state is not None:
            return state.fingerprints.get(job.external_id) != job.fingerprint()
        stored = await self._store.postings.get_feed_posting(guild_id, board.id, job.external_id)
        return stored is None or stored.raw_text != job.document()

    async def _save(
        self, guild_id: int, board: Board, job: SourcePosting, posting: Posting
    ) -> tuple[StoredPosting, bool]:
        return await self._store.postings.save_posting(
            guild_id, posting, source="feed", url=job.url, board_id=board.id, external_id=job.external_id
        )

    async def _failed(self, board: Board, error: str, retry_after: float | None) -> None:
        now = self._now()
        delay = self.backoff(board.consecutive_failures + 1)
        if retry_after is not None:
            delay = max(delay, timedelta(seconds=min(retry_after, MAX_BACKOFF.total_seconds())))
        count = await self._store.boards.record_failure(board.id, polled_at=now, next_poll_at=now + delay, error=error)
        log.warning("board poll failed", extra={"board": board.id, "failures": count, "error": error})
        if count == FAILING_NOTICE_AFTER:  # exactly once per run of failures
            for follower in await self._store.boards.followers(board.id):
                await self._on_failing(follower, error)

    def backoff(self, failures: int) -> timedelta:
        """interval, 2×, 4×, … after 1, 2, 3 … failures in a row, capped at MAX_BACKOFF, with jitter."""
        doublings: int = min(max(failures - 1, 0), 20)
        base = timedelta(minutes=self._settings.board_poll_minutes) * float(2**doublings)
        return min(MAX_BACKOFF, base) * self._rng.uniform(1 - JITTER, 1 + JITTER)

    def _next_poll(self, now: datetime) -> datetime:
        return now + timedelta(minutes=self._settings.board_poll_minutes) * self._rng.uniform(1 - JITTER, 1 + JITTER)

    async def run(self, stop: asyncio.Event) -> None:
        """Poll due boards until `stop` is set (the cog's background task)."""
        tick = min(30.0, self._settings.board_poll_minutes * 60 / 4)
        while not stop.is_set():
            try:
                await self.poll_due()
            except Exception:
                log.exception("board polling round failed")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), tick)
