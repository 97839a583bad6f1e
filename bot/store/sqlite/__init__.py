"""The SQLite (aiosqlite) implementation of the storage interface in `bot/store/base.py`."""

from __future__ import annotations

from pathlib import Path

import aiosqlite

from bot.store.base import Store
from bot.store.connection import connect
from bot.store.migrations import apply_migrations, load_migrations
from bot.store.sqlite.boards import SqliteBoardRepository
from bot.store.sqlite.database import Clock, Database, utc_now
from bot.store.sqlite.deliveries import SqliteDeliveryRepository
from bot.store.sqlite.guilds import SqliteGuildRepository
from bot.store.sqlite.postings import SqlitePostingRepository
from bot.store.sqlite.subscriptions import SqliteSubscriptionRepository

__all__ = ["SqliteStore", "open_store"]


class SqliteStore:
    """Every repository over one SQLite connection."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock = utc_now) -> None:
        db = Database(conn, clock)
        self._db = db
        self._guilds = SqliteGuildRepository(db)
        self._postings = SqlitePostingRepository(db)
        self._subscriptions = SqliteSubscriptionRepository(db)
        self._deliveries = SqliteDeliveryRepository(db)
        self._boards = SqliteBoardRepository(db)

    @property
    def guilds(self) -> SqliteGuildRepository:
        return self._guilds

    @property
    def postings(self) -> SqlitePostingRepository:
        return self._postings

    @property
    def subscriptions(self) -> SqliteSubscriptionRepository:
        return self._subscriptions

    @property
    def deliveries(self) -> SqliteDeliveryRepository:
        return self._deliveries

    @property
    def boards(self) -> SqliteBoardRepository:
        return self._boards

    async def close(self) -> None:
        """Wait for the operation in progress, refresh the planner's statistics, then close.

        SQLite checkpoints the WAL into the database file when the last connection closes.
        """
        async with self._db.reading() as conn:
            await conn.execute("PRAGMA optimize")
            await conn.close()


async def open_store(path: Path, *, clock: Clock = utc_now) -> Store:
    """Open the database at `path` (created if missing), bring its schema up to date, return the store."""
    migrations = load_migrations()
    conn = await connect(path)
    try:
        await apply_migrations(conn, migrations)
    except BaseException:
        await conn.close()
        raise
    return SqliteStore(conn, clock)
