"""Find the posting a command is about: by number, by a typed title, or the latest one shared.

Autocomplete cannot wait, so titles are matched in memory with rapidfuzz (a few thousand
titles score in well under a millisecond each).
"""

from __future__ import annotations

from rapidfuzz import fuzz, process, utils

from bot.errors import UserFacingError
from bot.store import PostingTitle, Store, StoredPosting

MAX_CHOICES = 25  # Discord's limit for autocomplete
MAX_CHOICE_CHARS = 100
MIN_TITLE_SCORE = 70.0


def title_label(title: str | None, company: str | None) -> str:
    name = title or "Untitled posting"
    return f"{name} — {company}" if company else name


def choice_name(entry: PostingTitle) -> str:
    """An autocomplete choice: "#12 Backend Engineer — Acme", at most 100 characters."""
    name = f"#{entry.id} {title_label(entry.title, entry.company)}"
    return name if len(name) <= MAX_CHOICE_CHARS else name[: MAX_CHOICE_CHARS - 1] + "…"


def rank_titles(titles: list[PostingTitle], query: str, limit: int = MAX_CHOICES) -> list[PostingTitle]:
    """Best matches for what the user typed, newest first among equals (and when nothing is typed)."""
    query = query.strip().lstrip("#")
    limit = min(limit, MAX_CHOICES)
    if not query:
        return titles[:limit]
    if query.isdigit():
        exact = [t for t in titles if str(t.id).startswith(query)]
        if exact:
            return exact[:limit]
    labels = [title_label(t.title, t.company) for t in titles]
    # partial_ratio: what is typed so far is usually a piece of the title ("backend", "acme data").
    found = process.extract(
        query,
        labels,
        scorer=fuzz.partial_ratio,
        processor=utils.default_process,
        limit=limit,
        score_cutoff=MIN_TITLE_SCORE,
    )
    return [titles[index] for _, _, index in found]


def posting_number(reference: str) -> int | None:
    """ "12", "#12" or an autocomplete choice "#12 Title — Company" → 12.

    A typed title that merely starts with a number ("2025 Graduate Programme") is a title.
    """
    text = reference.strip()
    head = text[1:].split(" ", 1)[0] if text.startswith("#") else text
    return int(head) if head.isdigit() and len(head) < 19 else None


async def resolve_posting(store: Store, guild_id: int, channel_id: int | None, reference: str | None) -> StoredPosting:
    """The posting a command means; one clear sentence when there is none."""
    if reference and reference.strip():
        number = posting_number(reference)
        if number is not None:
            found = await store.postings.get(guild_id, number)
            if found is None:
                raise UserFacingError(f"There is no posting #{number} in this server.")
            return found
        best = rank_titles(await store.postings.titles(guild_id), reference, limit=1)
        if not best:
            raise UserFacingError(f"No posting in this server matches {reference.strip()[:80]!r}.")
        found = await store.postings.get(guild_id, best[0].id)
        if found is None:  # removed between the two queries
            raise UserFacingError(f"No posting in this server matches {reference.strip()[:80]!r}.")
        return found
    latest = None
    if channel_id is not None:
        latest = await store.postings.latest(guild_id, channel_id)
    if latest is None:
        latest = await store.postings.latest(guild_id)
    if latest is None:
        raise UserFacingError(
            "No postings have been saved in this server yet: share one in a watched channel "
            "or use “Save job posting” on a message."
        )
    return latest
