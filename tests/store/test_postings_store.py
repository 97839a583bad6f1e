"""Postings in the store: round trip, de-duplication, removal, guild isolation, persistence."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.store import Store, open_store
from tests.store.factories import make_posting

GUILD_A = 111
GUILD_B = 222
CHANNEL = 5


async def test_saved_posting_round_trips_exactly(store: Store) -> None:
    original = make_posting()
    stored, created = await store.postings.save_posting(
        GUILD_A, original, source="chat", channel_id=CHANNEL, message_id=1001, author_id=77, url="https://x.test/j"
    )
    assert created
    assert (stored.guild_id, stored.source, stored.channel_id, stored.message_id, stored.author_id) == (
        GUILD_A,
        "chat",
        CHANNEL,
        1001,
        77,
    )
    assert (stored.title, stored.company, stored.location, stored.workplace, stored.seniority) == (
        "Senior Python Engineer",
        "Acme",
        "Berlin, Germany",
        "remote",
        "senior",
    )
    assert stored.created_at.tzinfo is not None and stored.removed_at is None
    assert stored.posting() == original
    keywords = await store.postings.keywords(GUILD_A, stored.id)
    assert [(k.keyword, k.category, k.required, k.count) for k in keywords] == [
        ("PostgreSQL", "programming_language", True, 1),
        ("Python", "programming_language", True, 1),
    ]


async def test_data_persists_across_reopening(db_path: Path) -> None:
    first = await open_store(db_path)
    stored, _ = await first.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    await first.guilds.watch(GUILD_A, CHANNEL)
    await first.close()

    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()

    second = await open_store(db_path)
    try:
        again = await second.postings.get(GUILD_A, stored.id)
        assert again is not None and again.posting() == stored.posting()
        assert await second.guilds.is_watched(GUILD_A, CHANNEL)
        _, created = await second.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
        assert not created  # a restart catch-up sees the message again
    finally:
        await second.close()


async def test_an_edit_updates_the_same_posting_and_its_keywords(store: Store) -> None:
    first, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1001)
    edited_posting = make_posting(
        "Staff Go Engineer at Acme. Required: Go, Kubernetes.", title="Staff Go Engineer", keywords=("Go", "Kubernetes")
    )
    edited, created = await store.postings.save_posting(GUILD_A, edited_posting, source="chat", message_id=1001)
    assert not created
    assert edited.id == first.id
    assert edited.title == "Staff Go Engineer"
    assert edited.updated_at >= first.updated_at
    assert [k.keyword for k in await store.postings.keywords(GUILD_A, first.id)] == ["Go", "Kubernetes"]
    assert edited.posting() == edited_posting
    assert (await store.postings.counts(GUILD_A)).active == 1


async def test_the_same_text_shared_twice_is_stored_once(store: Store) -> None:
    first, created = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    assert created
    reformatted = make_posting("**Senior  Python Engineer** at acme!\nRequired: Python, PostgreSQL -- Remote in Berlin")
    second, created = await store.postings.save_posting(GUILD_A, reformatted, source="chat", message_id=2)
    assert not created and second.id == first.id
    third, created = await store.postings.save_posting(GUILD_A, make_posting(), source="command", url="https://x.test")
    assert not created and third.id == first.id
    assert (await store.postings.counts(GUILD_A)).active == 1


async def test_an_edit_that_duplicates_another_posting_retires_itself(store: Store) -> None:
    keep, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    other, _ = await store.postings.save_posting(
        GUILD_A, make_posting("Data Analyst at Initech. SQL.", title="Data Analyst"), source="chat", message_id=2
    )
    result, created = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=2)
    assert not created and result.id == keep.id
    retired = await store.postings.get(GUILD_A, other.id, include_removed=True)
    assert retired is not None and retired.removed
    assert (await store.postings.counts(GUILD_A)).active == 1


async def test_concurrent_saves_of_one_message_create_one_posting(store: Store) -> None:
    results = await asyncio.gather(
        *(store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=9) for _ in range(20))
    )
    assert sum(created for _, created in results) == 1
    assert len({stored.id for stored, _ in results}) == 1


async def test_removal_by_message(store: Store) -> None:
    stored, _ = await store.postings.save_posting(
        GUILD_A, make_posting(), source="chat", channel_id=CHANNEL, message_id=1
    )
    assert await store.postings.remove_by_message(GUILD_A, 1)
    assert not await store.postings.remove_by_message(GUILD_A, 1)  # already removed
    assert not await store.postings.remove_by_message(GUILD_A, 404)

    assert await store.postings.get(GUILD_A, stored.id) is None
    removed = await store.postings.get(GUILD_A, stored.id, include_removed=True)
    assert removed is not None and removed.removed_at is not None
    assert await store.postings.latest(GUILD_A) is None
    assert await store.postings.titles(GUILD_A) == []
    assert await store.postings.list_active(GUILD_A) == []
    counts = await store.postings.counts(GUILD_A)
    assert (counts.active, counts.removed) == (0, 1)

    # A late edit event for the deleted message does not bring it back.
    again, created = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    assert not created and again.id == stored.id and again.removed

    # The same text shared afresh is a new posting, since the old one is gone.
    fresh, created = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=2)
    assert created and fresh.id != stored.id


async def test_latest_titles_and_listing_are_newest_first(store: Store) -> None:
    saved = []
    for i, channel in enumerate([1, 2, 1]):
        posting = make_posting(f"Role number {i} at Acme", title=f"Role {i}", keywords=())
        stored, _ = await store.postings.save_posting(
            GUILD_A, posting, source="chat", channel_id=channel, message_id=100 + i
        )
        saved.append(stored)
    latest = await store.postings.latest(GUILD_A)
    assert latest is not None and latest.id == saved[2].id
    in_channel_2 = await store.postings.latest(GUILD_A, channel_id=2)
    assert in_channel_2 is not None and in_channel_2.id == saved[1].id
    assert await store.postings.latest(GUILD_A, channel_id=3) is None
    titles = await store.postings.titles(GUILD_A)
    assert [(t.id, t.title, t.company) for t in titles] == [(s.id, s.title, "Acme") for s in reversed(saved)]
    assert [p.id for p in await store.postings.list_active(GUILD_A, limit=2)] == [saved[2].id, saved[1].id]


async def test_postings_never_cross_guilds(store: Store) -> None:
    in_a, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", channel_id=1, message_id=50)
    # The same message id and the same text in another guild are another posting.
    in_b, created = await store.postings.save_posting(
        GUILD_B, make_posting(), source="chat", channel_id=1, message_id=50
    )
    assert created and in_b.id != in_a.id

    other = make_posting("Only in A: Rust Engineer", title="Rust Engineer", keywords=("Rust",))
    only_a, _ = await store.postings.save_posting(GUILD_A, other, source="chat", channel_id=1, message_id=51)

    assert await store.postings.get(GUILD_B, only_a.id) is None
    assert await store.postings.get(GUILD_B, only_a.id, include_removed=True) is None
    assert await store.postings.keywords(GUILD_B, only_a.id) == []
    latest_b = await store.postings.latest(GUILD_B)
    assert latest_b is not None and latest_b.id == in_b.id
    assert [t.id for t in await store.postings.titles(GUILD_B)] == [in_b.id]
    assert [p.id for p in await store.postings.list_active(GUILD_B)] == [in_b.id]
    assert (await store.postings.counts(GUILD_B)).active == 1
    assert await store.postings.get_by_message(GUILD_B, 51) is None

    assert await store.postings.remove_by_message(GUILD_B, 50)
    still_a = await store.postings.get(GUILD_A, in_a.id)
    assert still_a is not None and not still_a.removed


async def test_feed_postings_by_board_and_external_id(store: Store) -> None:
    board = await store.boards.get_or_create("greenhouse", "acme")
    job = make_posting("Platform Engineer at Acme. Terraform.", title="Platform Engineer", keywords=("Terraform",))
    stored, created = await store.postings.save_posting(
        GUILD_A, job, source="feed", url="https://boards.test/1", board_id=board.id, external_id="1"
    )
    assert created and stored.source == "feed" and (stored.board_id, stored.external_id) == (board.id, "1")

    updated_job = make_posting("Platform Engineer at Acme. Terraform, AWS.", title="Platform Engineer II")
    again, created = await store.postings.save_posting(
        GUILD_A, updated_job, source="feed", board_id=board.id, external_id="1"
    )
    assert not created and again.id == stored.id and again.title == "Platform Engineer II"
    assert again.url == "https://boards.test/1"  # kept when the update gives none
    assert await store.postings.feed_external_ids(GUILD_A, board.id) == {"1"}
    assert await store.postings.feed_external_ids(GUILD_B, board.id) == set()
    found = await store.postings.get_feed_posting(GUILD_A, board.id, "1")
    assert found is not None and found.id == stored.id
    assert await store.postings.get_feed_posting(GUILD_B, board.id, "1") is None

    assert await store.postings.remove_feed_posting(GUILD_A, board.id, "1")
    assert await store.postings.feed_external_ids(GUILD_A, board.id) == set()
    # Listed on the board again: the same posting comes back.
    back, created = await store.postings.save_posting(
        GUILD_A, updated_job, source="feed", board_id=board.id, external_id="1"
    )
    assert not created and back.id == stored.id and not back.removed


async def test_bad_arguments_are_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="source"):
        await store.postings.save_posting(GUILD_A, make_posting(), source="email")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="together"):
        await store.postings.save_posting(GUILD_A, make_posting(), source="feed", external_id="1")
    assert (await store.postings.counts(GUILD_A)).active == 0
