"""Score a resume against one posting of a guild, or rank the guild's postings for it.

The resume lives only in memory for the duration of the call: it is never stored or logged.
Reading it (PDF, DOCX, …) and scoring are CPU work and run in a worker thread.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import dataclass
from datetime import datetime

from bot.config import Settings
from bot.errors import UserFacingError
from bot.postings.model import Posting
from bot.ranking import RankingIndex
from bot.resumes.model import ResumeText
from bot.scoring import MatchReport, score
from bot.services.lookup import resolve_posting
from bot.store import Store, StoredPosting

MATCH_LIMIT = 10
MATCH_POOL = 500  # newest live postings considered by /match


@dataclass(frozen=True, slots=True)
class ResumeUpload:
    """An uploaded resume as the command received it (never persisted)."""

    data: bytes
    filename: str
    content_type: str | None


@dataclass(frozen=True, slots=True)
class ScoredPosting:
    posting_id: int
    posting: Posting
    report: MatchReport


def check_resume_size(size: int, settings: Settings) -> None:
    """Refuse a resume from the size Discord declares, before downloading a byte of it."""
    limit = settings.max_resume_bytes
    if size > limit:
        raise UserFacingError(
            f"That file is {size / (1024 * 1024):.1f} MB; resumes are limited to {limit / (1024 * 1024):g} MB."
        )


def read_upload(upload: ResumeUpload, settings: Settings) -> ResumeText:
    from bot.resumes import ResumeLimits, read_resume

    check_resume_size(len(upload.data), settings)
    return read_resume(upload.data, upload.filename, upload.content_type, ResumeLimits.from_settings(settings))


async def score_resume(
    store: Store,
    guild_id: int,
    channel_id: int | None,
    reference: str | None,
    upload: ResumeUpload,
    settings: Settings,
) -> ScoredPosting:
    """/score: the posting meant (by number, title or the latest) against the uploaded resume."""
    stored = await resolve_posting(store, guild_id, channel_id, reference)

    def work() -> ScoredPosting:
        posting = stored.posting()
        return ScoredPosting(stored.id, posting, score(posting, read_upload(upload, settings)))

    return await asyncio.to_thread(work)


async def match_resume(
    store: Store, guild_id: int, upload: ResumeUpload, settings: Settings, limit: int = MATCH_LIMIT
) -> list[ScoredPosting]:
    """/match: this guild's live postings, best first for the uploaded resume."""
    stored = await store.postings.list_active(guild_id, limit=MATCH_POOL)
    if not stored:
        raise UserFacingError("No postings have been saved in this server yet, so there is nothing to match.")

    def work() -> list[ScoredPosting]:
        resume = read_upload(upload, settings)
        index, ids = _guild_index(guild_id, stored)
        return [ScoredPosting(ids[id(p)], p, r) for p, r in index.rank(resume, limit=limit)]

    return await asyncio.to_thread(work)


_IndexKey = tuple[tuple[int, datetime], ...]
_GUILD_INDEXES: dict[int, tuple[_IndexKey, RankingIndex, dict[int, int]]] = {}
_GUILD_INDEXES_LOCK = threading.Lock()


def _guild_index(guild_id: int, stored: list[StoredPosting]) -> tuple[RankingIndex, dict[int, int]]:
    """The guild's ranking index, rebuilt only when its live postings changed since the last /match.

    Rebuilding means decoding every posting record and precomputing its scoring inputs; with the
    index kept, a /match costs the resume's reading plus look-ups.
    """
    key = tuple((s.id, s.updated_at) for s in stored)
    with _GUILD_INDEXES_LOCK:
        cached = _GUILD_INDEXES.get(guild_id)
    if cached is not None and cached[0] == key:
        return cached[1], cached[2]
    postings = [s.posting() for s in stored]
    index = RankingIndex(postings)
    ids = {id(p): s.id for s, p in zip(stored, postings, strict=True)}
    with _GUILD_INDEXES_LOCK:
        _GUILD_INDEXES[guild_id] = (key, index, ids)
    return index, ids
