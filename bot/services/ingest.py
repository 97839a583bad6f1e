"""Turn what a member shared (a message's text, an attached file) into a stored posting of a guild.

Detection and parsing are CPU work, so they run in a worker thread: a long posting or a PDF never
delays the gateway heartbeat. The store keys postings by guild and message id, so a message seen
again (an edit, a restart catch-up) updates its posting instead of creating a second one.
"""

from __future__ import annotations

import asyncio
import re
import threading
from dataclasses import dataclass
from enum import StrEnum

from bot.config import Settings
from bot.errors import UserFacingError
from bot.postings.decode import posting_text_from_bytes
from bot.postings.model import Posting
from bot.postings.parse import parse_posting
from bot.store import PostingSource, Store, StoredPosting

# Career sites and applicant-tracking systems: a message linking one is worth a closer look.
JOB_BOARD_LINK = re.compile(
    r"https?://[^\s<>?#]+\?(?:[^\s<>]*&)?gh_jid=\d+[^\s<>]*"  # a Greenhouse job embedded in a company's site
    r"|https?://(?:[\w-]+\.)*(?:greenhouse\.io|lever\.co|ashbyhq\.com|workable\.com|smartrecruiters\.com"
    r"|recruitee\.com|myworkdayjobs\.com|bamboohr\.com|jobvite\.com|icims\.com|teamtailor\.com|personio\.\w+"
    r"|workatastartup\.com|wellfound\.com|linkedin\.com/jobs|indeed\.\w+)(?:[/?#][^\s<>]*)?",
    re.IGNORECASE,
)
# Shorter text is chat unless it links a job board: the detector is not even asked.
MIN_POSTING_CHARS = 150
# Extensions and content types of posting files read from attachments.
POSTING_FILE_SUFFIXES = (".pdf", ".docx", ".txt", ".text", ".md", ".html", ".htm")
_DOCUMENT_MAGIC = (b"%PDF-", b"PK\x03\x04")


class Outcome(StrEnum):
    CREATED = "created"  # a new posting
    UPDATED = "updated"  # the same message again (an edit): its posting was re-parsed
    DUPLICATE = "duplicate"  # the same text is already a live posting of the guild
    IGNORED = "ignored"  # not a posting


@dataclass(frozen=True, slots=True)
class MessageRef:
    """Where a posting was shared."""

    guild_id: int
    channel_id: int | None
    message_id: int | None
    author_id: int | None


@dataclass(frozen=True, slots=True)
class IngestResult:
    outcome: Outcome
    stored: StoredPosting | None = None


def job_board_link(text: str) -> str | None:
    match = JOB_BOARD_LINK.search(text)
    return match.group(0).rstrip(").,;>") if match else None


def worth_reading(text: str) -> bool:
    """The cheap first look at a chat message (no detector, no parse): long enough, or a job link."""
    return len(text) >= MIN_POSTING_CHARS or job_board_link(text) is not None


def is_posting_file(filename: str, content_type: str | None) -> bool:
    name = filename.lower()
    kind = (content_type or "").split(";")[0].strip().lower()
    return name.endswith(POSTING_FILE_SUFFIXES) or kind in {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "text/plain",
        "text/markdown",
        "text/html",
    }


def analyse(text: str, *, force: bool) -> Posting | None:
    """Parse `text` if it reads as a posting (or if `force`, e.g. someone asked to save it). Blocking."""
    from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting

    if not text.strip():
        return None
    warm_up()
    if not force and looks_like_posting(text) < POSTING_THRESHOLD:
        return None
    return parse_posting(text)


_warmed = threading.Event()
_warming = threading.Lock()


def warm_up() -> None:
    """Build the detector's and the parser's tables once. Blocking: run it in a thread.

    The first analyses wait here for the one build instead of each building the (large) skills
    taxonomy in its own worker thread at the same time.
    """
    if _warmed.is_set():
        return
    with _warming:
        if _warmed.is_set():
            return
        from bot.postings.detect import looks_like_posting

        sample = "Senior Python Engineer\nRequirements: 3+ years of Python and SQL."
        looks_like_posting(sample)
        parse_posting(sample)
        _warmed.set()


def posting_text_from_file(data: bytes, filename: str, content_type: str | None, settings: Settings) -> str:
    """Text of an attached posting: PDF and DOCX through the (bounded) document reader, the rest decoded."""
    check_posting_file_size(filename, len(data), settings)  # the declared size may have lied
    if data.startswith(_DOCUMENT_MAGIC):
        from bot.resumes import ResumeLimits, read_resume

        return read_resume(data, filename, content_type, ResumeLimits.from_settings(settings)).text
    return posting_text_from_bytes(data, filename)


def check_posting_file_size(filename: str, size: int, settings: Settings) -> None:
    """Refuse a file from its size (the declared one: before downloading it)."""
    if size > settings.max_posting_bytes:
        raise UserFacingError(f"{filename} is larger than {_mb(settings.max_posting_bytes)}, the limit for postings.")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


async def ingest_text(
    store: Store,
    where: MessageRef,
    text: str,
    *,
    settings: Settings | None = None,
    force: bool = False,
    source: PostingSource = "chat",
) -> IngestResult:
    """Detect, parse (in a thread) and store; `force` skips detection.

    A short message sharing a link to one job on a known board (Greenhouse, Lever, …) stores that
    job, fetched from the board, when `settings` are given; a failed fetch is a UserFacingError.
    """
    link = job_board_link(text)
    if link is not None and settings is not None and len(text.replace(link, "").strip()) < MIN_POSTING_CHARS:
        from bot.services.boards import resolve_link

        resolved = await resolve_link(link, settings)
        if resolved is not None:
            return await save(store, where, resolved.posting, source=source, url=resolved.url)
    posting = await asyncio.to_thread(analyse, text, force=force)
    if posting is None:
        return IngestResult(Outcome.IGNORED)
    return await save(store, where, posting, source=source, url=link)


async def ingest_file(
    store: Store,
    where: MessageRef,
    data: bytes,
    filename: str,
    content_type: str | None,
    settings: Settings,
    *,
    message_text: str = "",
    source: PostingSource = "chat",
) -> IngestResult:
    """An attached posting file (plus the message's own words) is always read as a posting."""
    text = await asyncio.to_thread(posting_text_from_file, data, filename, content_type, settings)
    combined = f"{message_text.strip()}\n\n{text}" if message_text.strip() else text
    posting = await asyncio.to_thread(analyse, combined, force=True)
    if posting is None:
        raise UserFacingError(f"{filename} has no text I can read as a job posting.")
    return await save(store, where, posting, source=source, url=job_board_link(combined))


async def save(
    store: Store, where: MessageRef, posting: Posting, *, source: PostingSource, url: str | None
) -> IngestResult:
    stored, created = await store.postings.save_posting(
        where.guild_id,
        posting,
        source=source,
        channel_id=where.channel_id,
        message_id=where.message_id,
        author_id=where.author_id,
        url=url,
    )
    if created:
        return IngestResult(Outcome.CREATED, stored)
    same_message = where.message_id is not None and stored.message_id == where.message_id
    return IngestResult(Outcome.UPDATED if same_message else Outcome.DUPLICATE, stored)


async def remove_message(store: Store, guild_id: int, message_id: int) -> bool:
    """A deleted message takes its posting with it."""
    return await store.postings.remove_by_message(guild_id, message_id)
