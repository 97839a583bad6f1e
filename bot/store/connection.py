"""Opening the SQLite database the same way everywhere.

WAL lets `jobbot db check` (or a backup) read while the bot writes; `synchronous=NORMAL`
is durable enough under WAL (a power cut may lose the last commits, never corrupt the file);
`busy_timeout` makes a second process wait for a lock instead of failing at once.
The connection runs in autocommit mode (`isolation_level=None`): every transaction is an
explicit `BEGIN IMMEDIATE … COMMIT`, so nothing is committed behind the code's back.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import aiosqlite

from bot.errors import UserFacingError

BUSY_TIMEOUT_MS = 5_000
WAL_RETRY_SECONDS = 0.01


async def _switch_to_wal(conn: aiosqlite.Connection) -> None:
    """Put the database in WAL mode (persistent: a no-op once done).

    Converting a new database needs an exclusive lock, and when several processes open it at
    the same moment SQLite answers "locked" at once instead of waiting (deadlock avoidance),
    so the switch is retried for a bounded time.
    """
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            rows = list(await conn.execute_fetchall("PRAGMA journal_mode = WAL"))
            if rows and str(rows[0][0]).lower() == "wal":
                return
            reason = f"journal mode stayed {rows[0][0] if rows else 'unknown'}"
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                raise
            reason = str(exc)
        if time.monotonic() > deadline:
            raise sqlite3.OperationalError(reason)
        await asyncio.sleep(WAL_RETRY_SECONDS)


async def connect(path: Path) -> aiosqlite.Connection:
    """Open (creating it and its folder if needed) the database at `path`, configured for the bot."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserFacingError(f"The database folder {path.parent} cannot be created ({exc.strerror}).") from None
    try:
        conn = await aiosqlite.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.Error as exc:
        raise UserFacingError(f"The database {path} cannot be opened ({exc}).") from None
    try:
        conn.row_factory = sqlite3.Row
        await _switch_to_wal(conn)
        await conn.execute("PRAGMA synchronous = NORMAL")
        await conn.execute("PRAGMA foreign_keys = ON")
        await conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except sqlite3.Error as exc:
        await conn.close()
        raise UserFacingError(f"The database {path} cannot be used ({exc}).") from None
    except BaseException:
        await conn.close()
        raise
    return conn


async def connect_read_only(path: Path) -> aiosqlite.Connection:
    """Open an existing database without ever creating or changing it (for health checks)."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    conn = await aiosqlite.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.row_factory = sqlite3.Row
    return conn
