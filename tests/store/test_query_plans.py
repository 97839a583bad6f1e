"""Every statement the repositories run finds its rows through an index, never a full table scan.

The statements are captured from a real workload (SQLite's trace gives them with their values),
then explained on a second connection; a missing or unusable index shows up as `SCAN <table>`.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import cast

from bot.store import migrate_database, open_store
from bot.store.sqlite import SqliteStore
from tests.store.factories import make_posting

NOW = datetime(2026, 1, 1, tzinfo=UTC)
SKIPPED = ("--", "BEGIN", "COMMIT", "ROLLBACK", "PRAGMA")


async def _workload(db_path: Path) -> list[str]:
    store = cast(SqliteStore, await open_store(db_path))
    statements: list[str] = []
    await store._db.conn.set_trace_callback(statements.append)
    try:
        g, s = store.guilds, store.subscriptions
        await g.watch(1, 10)
        await g.is_watched(1, 10)
        await g.watched_channels(1)
        await g.set_ack_style(1, "thread")
        await g.settings(1)
        posting, _ = await store.postings.save_posting(1, make_posting(), source="chat", channel_id=10, message_id=5)
        await store.postings.save_posting(1, make_posting("Edited text", keywords=()), source="chat", message_id=5)
        board = await store.boards.get_or_create("greenhouse", "acme")
        await store.postings.save_posting(1, make_posting("A job"), source="feed", board_id=board.id, external_id="7")
        await store.postings.get(1, posting.id)
        await store.postings.get_by_message(1, 5)
        await store.postings.get_feed_posting(1, board.id, "7")
        await store.postings.feed_external_ids(1, board.id)
        await store.postings.latest(1)
        await store.postings.latest(1, channel_id=10)
        await store.postings.titles(1)
        await store.postings.list_active(1)
        await store.postings.keywords(1, posting.id)
        await store.postings.counts(1)
        sub = await s.create(1, 2, channel_id=10, keywords=["python"])
        await s.get(1, sub.id)
        await s.for_guild(1)
        await s.enabled_for_guild(1)
        await store.deliveries.claim(sub.id, posting.id)
        await store.deliveries.record_message(sub.id, posting.id, 10, 99)
        await store.deliveries.get(sub.id, posting.id)
        await store.deliveries.release(sub.id, posting.id)
        await s.disable(sub.id, "gone")
        await s.mark_admins_notified(sub.id)
        await store.boards.follow(1, board.id)
        await store.boards.followed(1)
        await store.boards.followers(board.id)
        await store.boards.due(NOW)
        await store.boards.record_success(board.id, polled_at=NOW, next_poll_at=NOW, etag=None, last_modified=None)
        await store.boards.record_failure(board.id, polled_at=NOW, next_poll_at=NOW, error="x")
        await store.postings.remove_feed_posting(1, board.id, "7")
        await store.postings.remove_by_message(1, 5)
        await store.boards.unfollow(1, board.id)
        await s.delete(1, sub.id)
        await g.unwatch(1, 10)
    finally:
        await store.close()
    return [sql for sql in statements if not sql.lstrip().upper().startswith(SKIPPED)]


async def test_no_statement_scans_a_whole_table(db_path: Path, tmp_path: Path) -> None:
    statements = await _workload(db_path)
    assert len(statements) > 40
    # Explained on an empty database without statistics (`PRAGMA optimize` gathered some at close,
    # and with a handful of rows a scan *is* the best plan): the planner then assumes big tables.
    empty = tmp_path / "empty.db"
    await migrate_database(empty)
    conn = sqlite3.connect(empty)
    try:
        scans = []
        for sql in statements:
            plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
            scans += [f"{step}  <-  {sql[:120]}" for step in plan if step.startswith("SCAN")]
    finally:
        conn.close()
    assert scans == [], "\n".join(scans)
