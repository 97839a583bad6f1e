"""Guild settings, subscriptions, deliveries, boards, and the cascades between them."""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.errors import UserFacingError
from bot.store import Store, open_store
from tests.store.factories import make_posting

GUILD_A = 111
GUILD_B = 222


async def test_guild_settings_default_and_change(store: Store) -> None:
    settings = await store.guilds.settings(GUILD_A)
    assert (settings.ack_style, settings.admin_channel_id) == ("reaction", None)
    await store.guilds.set_ack_style(GUILD_A, "thread")
    await store.guilds.set_admin_channel(GUILD_A, 99)
    settings = await store.guilds.settings(GUILD_A)
    assert (settings.ack_style, settings.admin_channel_id) == ("thread", 99)
    assert (await store.guilds.settings(GUILD_B)).ack_style == "reaction"
    with pytest.raises(ValueError, match="acknowledgement style"):
        await store.guilds.set_ack_style(GUILD_A, "banner")  # type: ignore[arg-type]


async def test_watched_channels(store: Store) -> None:
    assert await store.guilds.watch(GUILD_A, 10, added_by=5)
    assert not await store.guilds.watch(GUILD_A, 10)
    assert await store.guilds.watch(GUILD_A, 11)
    assert await store.guilds.is_watched(GUILD_A, 10)
    assert not await store.guilds.is_watched(GUILD_B, 10)
    assert await store.guilds.watched_channels(GUILD_A) == [10, 11]
    assert await store.guilds.unwatch(GUILD_A, 10)
    assert not await store.guilds.unwatch(GUILD_A, 10)
    assert await store.guilds.watched_channels(GUILD_A) == [11]


async def test_watch_state_stays_right_when_lookups_race_changes(store: Store) -> None:
    for _ in range(3):
        results = await asyncio.gather(
            store.guilds.is_watched(GUILD_A, 10),
            store.guilds.watch(GUILD_A, 10),
            store.guilds.is_watched(GUILD_A, 10),
        )
        assert results[1] is True
        assert await store.guilds.is_watched(GUILD_A, 10)
        await asyncio.gather(store.guilds.is_watched(GUILD_A, 10), store.guilds.unwatch(GUILD_A, 10))
        assert not await store.guilds.is_watched(GUILD_A, 10)
    await store.guilds.watch(GUILD_A, 10)
    await store.guilds.forget(GUILD_A)
    assert not await store.guilds.is_watched(GUILD_A, 10)


async def test_subscriptions_are_cleaned_and_guild_scoped(store: Store) -> None:
    sub = await store.subscriptions.create(
        GUILD_A, 7, channel_id=10, keywords=["Python, django", " python ", ""], location="  Berlin ", remote=True
    )
    assert sub.keywords == ("Python", "django")
    assert (sub.location, sub.remote, sub.seniority, sub.company) == ("Berlin", True, None, None)
    assert sub.enabled and not sub.admins_notified and sub.channel_id == 10 and sub.user_id is None
    dm = await store.subscriptions.create(GUILD_A, 8, user_id=8, company="Acme")
    assert dm.user_id == 8 and dm.channel_id is None

    assert [s.id for s in await store.subscriptions.for_guild(GUILD_A)] == [sub.id, dm.id]
    assert await store.subscriptions.for_guild(GUILD_B) == []
    assert await store.subscriptions.get(GUILD_B, sub.id) is None
    assert not await store.subscriptions.delete(GUILD_B, sub.id)
    assert await store.subscriptions.get(GUILD_A, sub.id) == sub

    assert await store.subscriptions.delete(GUILD_A, dm.id)
    assert not await store.subscriptions.delete(GUILD_A, dm.id)


async def test_subscription_input_is_bounded(store: Store) -> None:
    with pytest.raises(ValueError, match="exactly one"):
        await store.subscriptions.create(GUILD_A, 7, channel_id=1, user_id=2)
    with pytest.raises(ValueError, match="exactly one"):
        await store.subscriptions.create(GUILD_A, 7)
    with pytest.raises(UserFacingError, match="at most 25 keywords"):
        await store.subscriptions.create(GUILD_A, 7, channel_id=1, keywords=[",".join(f"k{i}" for i in range(26))])
    with pytest.raises(UserFacingError, match="longer than 100"):
        await store.subscriptions.create(GUILD_A, 7, channel_id=1, location="x" * 101)
    assert await store.subscriptions.for_guild(GUILD_A) == []


async def test_disabling_and_notifying_admins_happen_once(store: Store) -> None:
    sub = await store.subscriptions.create(GUILD_A, 7, channel_id=10)
    assert await store.subscriptions.disable(sub.id, "The channel is gone.")
    assert not await store.subscriptions.disable(sub.id, "again")
    disabled = await store.subscriptions.get(GUILD_A, sub.id)
    assert disabled is not None and not disabled.enabled and disabled.disabled_reason == "The channel is gone."
    assert await store.subscriptions.enabled_for_guild(GUILD_A) == []
    assert await store.subscriptions.mark_admins_notified(sub.id)
    assert not await store.subscriptions.mark_admins_notified(sub.id)


async def test_a_delivery_is_claimed_once_even_after_a_restart(db_path: Path) -> None:
    store = await open_store(db_path)
    posting, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    sub = await store.subscriptions.create(GUILD_A, 7, channel_id=10)
    assert await store.deliveries.claim(sub.id, posting.id)
    assert not await store.deliveries.claim(sub.id, posting.id)
    await store.deliveries.record_message(sub.id, posting.id, channel_id=10, message_id=5555)
    await store.close()

    store = await open_store(db_path)
    try:
        assert not await store.deliveries.claim(sub.id, posting.id)
        delivery = await store.deliveries.get(sub.id, posting.id)
        assert delivery is not None and delivery.delivered_at is not None
        assert (delivery.channel_id, delivery.message_id) == (10, 5555)
        await store.deliveries.release(sub.id, posting.id)  # a confirmed delivery is never given back
        assert not await store.deliveries.claim(sub.id, posting.id)
    finally:
        await store.close()


async def test_a_failed_send_can_be_released_and_retried(store: Store) -> None:
    posting, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    sub = await store.subscriptions.create(GUILD_A, 7, channel_id=10)
    assert await store.deliveries.claim(sub.id, posting.id)
    await store.deliveries.release(sub.id, posting.id)
    assert await store.deliveries.get(sub.id, posting.id) is None
    assert await store.deliveries.claim(sub.id, posting.id)


async def test_deliveries_never_cross_guilds(store: Store) -> None:
    posting_b, _ = await store.postings.save_posting(GUILD_B, make_posting(), source="chat", message_id=1)
    sub_a = await store.subscriptions.create(GUILD_A, 7, channel_id=10)
    assert not await store.deliveries.claim(sub_a.id, posting_b.id)
    assert not await store.deliveries.claim(sub_a.id, 424242)  # no such posting
    assert await store.deliveries.get(sub_a.id, posting_b.id) is None


def _count(path: Path, table: str) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


async def test_deleting_a_posting_cascades_to_keywords_and_deliveries(db_path: Path) -> None:
    store = await open_store(db_path)
    posting, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    sub = await store.subscriptions.create(GUILD_A, 7, channel_id=10)
    await store.deliveries.claim(sub.id, posting.id)
    await store.close()
    assert (_count(db_path, "posting_keywords"), _count(db_path, "deliveries")) == (2, 1)

    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("DELETE FROM postings WHERE id = ?", (posting.id,))
    conn.commit()
    conn.close()
    assert (_count(db_path, "posting_keywords"), _count(db_path, "deliveries"), _count(db_path, "subscriptions")) == (
        0,
        0,
        1,
    )


async def test_deleting_a_subscription_cascades_to_its_deliveries(store: Store, db_path: Path) -> None:
    posting, _ = await store.postings.save_posting(GUILD_A, make_posting(), source="chat", message_id=1)
    keep = await store.subscriptions.create(GUILD_A, 7, channel_id=10)
    gone = await store.subscriptions.create(GUILD_A, 7, channel_id=11)
    assert await store.deliveries.claim(keep.id, posting.id)
    assert await store.deliveries.claim(gone.id, posting.id)
    assert await store.subscriptions.delete(GUILD_A, gone.id)
    assert await store.deliveries.get(gone.id, posting.id) is None
    assert await store.deliveries.get(keep.id, posting.id) is not None
    assert _count(db_path, "deliveries") == 1


async def test_forgetting_a_guild_removes_everything_it_stored(store: Store, db_path: Path) -> None:
    for guild in (GUILD_A, GUILD_B):
        posting, _ = await store.postings.save_posting(guild, make_posting(), source="chat", message_id=1)
        sub = await store.subscriptions.create(guild, 7, channel_id=10)
        await store.deliveries.claim(sub.id, posting.id)
        await store.guilds.watch(guild, 10)
        board = await store.boards.get_or_create("lever", "acme")
        await store.boards.follow(guild, board.id)
    await store.guilds.forget(GUILD_A)
    assert await store.postings.list_active(GUILD_A) == []
    assert await store.subscriptions.for_guild(GUILD_A) == []
    assert await store.guilds.watched_channels(GUILD_A) == []
    assert await store.boards.followed(GUILD_A) == []
    assert len(await store.postings.list_active(GUILD_B)) == 1
    assert [f.guild_id for f in await store.boards.followers(board.id)] == [GUILD_B]
    assert (_count(db_path, "deliveries"), _count(db_path, "posting_keywords"), _count(db_path, "boards")) == (1, 2, 1)


async def test_boards_follow_and_poll_schedule(store: Store) -> None:
    now = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    acme = await store.boards.get_or_create("greenhouse", "acme", "https://boards.greenhouse.io/acme")
    assert (await store.boards.get_or_create("greenhouse", "acme")).id == acme.id
    initech = await store.boards.get_or_create("lever", "initech")
    lonely = await store.boards.get_or_create("ashby", "nobody-follows")

    assert await store.boards.follow(GUILD_A, acme.id, channel_id=10, created_by=7)
    assert not await store.boards.follow(GUILD_A, acme.id)
    assert await store.boards.follow(GUILD_B, acme.id)
    assert await store.boards.follow(GUILD_A, initech.id)
    followed = await store.boards.followed(GUILD_A)
    assert [(f.board.provider, f.board.slug, f.channel_id) for f in followed] == [
        ("greenhouse", "acme", 10),
        ("lever", "initech", None),
    ]
    assert [f.guild_id for f in await store.boards.followers(acme.id)] == [GUILD_A, GUILD_B]

    # Never polled: due at once; a board nobody follows is never due.
    assert {b.id for b in await store.boards.due(now)} == {acme.id, initech.id}
    await store.boards.record_success(
        acme.id, polled_at=now, next_poll_at=now + timedelta(minutes=30), etag='"v1"', last_modified=None
    )
    assert [b.id for b in await store.boards.due(now)] == [initech.id]
    assert (
        await store.boards.record_failure(
            initech.id, polled_at=now, next_poll_at=now + timedelta(minutes=5), error="HTTP 503"
        )
        == 1
    )
    assert (
        await store.boards.record_failure(
            initech.id, polled_at=now, next_poll_at=now + timedelta(minutes=10), error="HTTP 503"
        )
        == 2
    )
    assert await store.boards.due(now) == []
    later = now + timedelta(minutes=31)
    assert [b.id for b in await store.boards.due(later)] == [initech.id, acme.id]  # most overdue first

    polled = await store.boards.get(acme.id)
    assert polled is not None
    assert (polled.etag, polled.consecutive_failures, polled.last_polled_at) == ('"v1"', 0, now)
    failing = await store.boards.get(initech.id)
    assert failing is not None and (failing.consecutive_failures, failing.last_error) == (2, "HTTP 503")
    await store.boards.record_success(
        initech.id, polled_at=later, next_poll_at=later + timedelta(minutes=30), etag=None, last_modified="Thu"
    )
    recovered = await store.boards.get(initech.id)
    assert recovered is not None and (recovered.consecutive_failures, recovered.last_error) == (0, None)

    assert await store.boards.unfollow(GUILD_A, initech.id)
    assert not await store.boards.unfollow(GUILD_A, initech.id)
    assert lonely.id not in {b.id for b in await store.boards.due(later + timedelta(days=1))}
