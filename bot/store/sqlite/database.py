"""The one connection, the lock that serialises work on it, and the helpers every repository shares.

Every operation holds an asyncio lock for its duration, so two coroutines never interleave
statements inside one transaction; writes are explicit `BEGIN IMMEDIATE … COMMIT` transactions
(the connection is in autocommit mode, see `bot/store/connection.py`).
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from typing import Any, cast

import aiosqlite

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def timestamp(moment: datetime) -> str:
    """The one text form of a timestamp in the database (UTC, milliseconds): it sorts as text."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def parse_timestamp(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def optional_bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


class Database:
    """The connection, the lock that serialises operations on it, and the clock."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock
        self._lock = asyncio.Lock()

    def now(self) -> str:
        return timestamp(self.clock())

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            yield self.conn

    @asynccontextmanager
    async def writing(self) -> AsyncIterator[aiosqlite.Connection]:
        async with self._lock:
            await self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
                await self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    await self.conn.execute("ROLLBACK")
                raise

    async def fetch_one(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
        async with self.reading() as conn, conn.execute(sql, params) as cursor:
            return await cursor.fetchone()

    async def fetch_all(self, sql: str, params: Sequence[Any] = ()) -> list[sqlite3.Row]:
        async with self.reading() as conn:
            return cast("list[sqlite3.Row]", list(await conn.execute_fetchall(sql, params)))


async def fetch_one(conn: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    async with conn.execute(sql, params) as cursor:
        return await cursor.fetchone()


async def changes(conn: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> int:
    """Run a write statement; how many rows it touched."""
    async with conn.execute(sql, params) as cursor:
        return cursor.rowcount


async def ensure_guild(conn: aiosqlite.Connection, guild_id: int) -> None:
    await conn.execute("INSERT INTO guilds (guild_id) VALUES (?) ON CONFLICT (guild_id) DO NOTHING", (guild_id,))
