"""Opening the SQLite database the same way everywhere.

WAL lets `jobbot db check` (or a backup) read while the bot writes; `synchronous=NORMAL`
is durable enough under WAL (a power cut may lose the last commits, never corrupt the file);
`busy_timeout` makes a second process wait for a lock instead of failing at once.
The connection runs in autocommit mode (`isolation_level=None`): every transaction is an
explicit `BEGIN IMMEDIATE … COMMIT`, so nothing is committed behind the code's back.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import aiosqlite

from bot.errors import UserFacingError

BUSY_TIMEOUT_MS = 5_000


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
        await conn.execute("PRAGMA journal_mode = WAL")
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
