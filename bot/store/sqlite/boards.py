"""Company job boards, who follows them, and their poll schedule."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from bot.store.records import Board, FollowedBoard
from bot.store.sqlite.database import Database, changes, ensure_guild, fetch_one, parse_timestamp, timestamp

_BOARD_COLUMNS = (
    "b.id, b.provider, b.slug, b.url, b.etag, b.last_modified, b.last_polled_at, b.next_poll_at,"
    " b.consecutive_failures, b.last_error"
)


def _board(row: sqlite3.Row) -> Board:
    return Board(
        id=row["id"],
        provider=row["provider"],
        slug=row["slug"],
        url=row["url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_polled_at=parse_timestamp(row["last_polled_at"]),
        next_poll_at=parse_timestamp(row["next_poll_at"]),
        consecutive_failures=row["consecutive_failures"],
        last_error=row["last_error"],
    )


class SqliteBoardRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def get_or_create(self, provider: str, slug: str, url: str | None = None) -> Board:
        async with self._db.writing() as conn:
            await conn.execute(
                "INSERT INTO boards (provider, slug, url, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (provider, slug) DO UPDATE SET url = coalesce(boards.url, excluded.url)",
                (provider, slug, url, self._db.now()),
            )
            row = await fetch_one(
                conn, f"SELECT {_BOARD_COLUMNS} FROM boards AS b WHERE b.provider = ? AND b.slug = ?", (provider, slug)
            )
        assert row is not None
        return _board(row)

    async def get(self, board_id: int) -> Board | None:
        row = await self._db.fetch_one(f"SELECT {_BOARD_COLUMNS} FROM boards AS b WHERE b.id = ?", (board_id,))
        return None if row is None else _board(row)

    async def follow(
        self, guild_id: int, board_id: int, channel_id: int | None = None, created_by: int | None = None
    ) -> bool:
        async with self._db.writing() as conn:
            await ensure_guild(conn, guild_id)
            added = await changes(
                conn,
                "INSERT INTO followed_boards (guild_id, board_id, channel_id, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, board_id) DO NOTHING",
                (guild_id, board_id, channel_id, created_by, self._db.now()),
            )
        return added == 1

    async def unfollow(self, guild_id: int, board_id: int) -> bool:
        async with self._db.writing() as conn:
            removed = await changes(
                conn, "DELETE FROM followed_boards WHERE guild_id = ? AND board_id = ?", (guild_id, board_id)
            )
        return removed == 1

    async def followed(self, guild_id: int) -> list[FollowedBoard]:
        rows = await self._db.fetch_all(
            f"SELECT f.guild_id, f.channel_id, {_BOARD_COLUMNS} FROM followed_boards AS f"
            " JOIN boards AS b ON b.id = f.board_id WHERE f.guild_id = ? ORDER BY b.provider, b.slug",
            (guild_id,),
        )
        return [FollowedBoard(row["guild_id"], row["channel_id"], _board(row)) for row in rows]

    async def followers(self, board_id: int) -> list[FollowedBoard]:
        rows = await self._db.fetch_all(
            f"SELECT f.guild_id, f.channel_id, {_BOARD_COLUMNS} FROM followed_boards AS f"
            " JOIN boards AS b ON b.id = f.board_id WHERE f.board_id = ? ORDER BY f.guild_id",
            (board_id,),
        )
        return [FollowedBoard(row["guild_id"], row["channel_id"], _board(row)) for row in rows]

    async def due(self, now: datetime, limit: int = 50) -> list[Board]:
        rows = await self._db.fetch_all(
            f"SELECT {_BOARD_COLUMNS} FROM boards AS b"
            " WHERE (b.next_poll_at IS NULL OR b.next_poll_at <= ?)"
            " AND EXISTS (SELECT 1 FROM followed_boards AS f WHERE f.board_id = b.id)"
            " ORDER BY b.next_poll_at IS NOT NULL, b.next_poll_at, b.id LIMIT ?",
            (timestamp(now), limit),
        )
        return [_board(row) for row in rows]

    async def record_success(
        self,
        board_id: int,
        *,
        polled_at: datetime,
        next_poll_at: datetime,
        etag: str | None,
        last_modified: str | None,
    ) -> None:
        async with self._db.writing() as conn:
            await conn.execute(
                "UPDATE boards SET etag = ?, last_modified = ?, last_polled_at = ?, next_poll_at = ?,"
                " consecutive_failures = 0, last_error = NULL WHERE id = ?",
                (etag, last_modified, timestamp(polled_at), timestamp(next_poll_at), board_id),
            )

    async def record_failure(self, board_id: int, *, polled_at: datetime, next_poll_at: datetime, error: str) -> int:
        async with (
            self._db.writing() as conn,
            conn.execute(
                "UPDATE boards SET last_polled_at = ?, next_poll_at = ?,"
                " consecutive_failures = consecutive_failures + 1, last_error = ?"
                " WHERE id = ? RETURNING consecutive_failures",
                (timestamp(polled_at), timestamp(next_poll_at), error[:500], board_id),
            ) as cursor,
        ):
            row = await cursor.fetchone()
        return 0 if row is None else int(row[0])
