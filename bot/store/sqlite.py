"""The SQLite (aiosqlite) implementation of the storage interface in `bot/store/base.py`.

One connection per process. Every operation holds an asyncio lock for its duration, so two
coroutines never interleave statements inside one transaction; writes are explicit
`BEGIN IMMEDIATE … COMMIT` transactions (the connection is in autocommit mode).
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, cast

import aiosqlite

from bot.postings.model import Posting
from bot.store.base import Store
from bot.store.connection import connect
from bot.store.dedup import content_hash
from bot.store.filters import clean_filter_keywords, clean_filter_text
from bot.store.migrations import apply_migrations, load_migrations
from bot.store.records import (
    ACK_STYLES,
    POSTING_SOURCES,
    AckStyle,
    Board,
    Delivery,
    FollowedBoard,
    GuildSettings,
    PostingCounts,
    PostingSource,
    PostingTitle,
    StoredKeyword,
    StoredPosting,
    Subscription,
)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def _ts(moment: datetime) -> str:
    """The one text form of a timestamp in the database (UTC, milliseconds): it sorts as text."""
    if moment.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def _dt(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


def _bool(value: int | None) -> bool | None:
    return None if value is None else bool(value)


class _Database:
    """The connection, the lock that serialises operations on it, and the clock."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock) -> None:
        self.conn = conn
        self.clock = clock
        self._lock = asyncio.Lock()

    def now(self) -> str:
        return _ts(self.clock())

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


async def _fetch_one(conn: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> sqlite3.Row | None:
    async with conn.execute(sql, params) as cursor:
        return await cursor.fetchone()


async def _changes(conn: aiosqlite.Connection, sql: str, params: Sequence[Any] = ()) -> int:
    """Run a write statement; how many rows it touched."""
    async with conn.execute(sql, params) as cursor:
        return cursor.rowcount


async def _ensure_guild(conn: aiosqlite.Connection, guild_id: int) -> None:
    await conn.execute("INSERT INTO guilds (guild_id) VALUES (?) ON CONFLICT (guild_id) DO NOTHING", (guild_id,))


# --------------------------------------------------------------------------- guilds


class SqliteGuildRepository:
    def __init__(self, db: _Database) -> None:
        self._db = db

    async def settings(self, guild_id: int) -> GuildSettings:
        row = await self._db.fetch_one("SELECT ack_style, admin_channel_id FROM guilds WHERE guild_id = ?", (guild_id,))
        if row is None:
            return GuildSettings(guild_id)
        return GuildSettings(guild_id, cast("AckStyle", row["ack_style"]), row["admin_channel_id"])

    async def set_ack_style(self, guild_id: int, style: AckStyle) -> None:
        if style not in ACK_STYLES:
            raise ValueError(f"unknown acknowledgement style {style!r}")
        async with self._db.writing() as conn:
            await _ensure_guild(conn, guild_id)
            await conn.execute(
                "UPDATE guilds SET ack_style = ?, updated_at = ? WHERE guild_id = ?", (style, self._db.now(), guild_id)
            )

    async def set_admin_channel(self, guild_id: int, channel_id: int | None) -> None:
        async with self._db.writing() as conn:
            await _ensure_guild(conn, guild_id)
            await conn.execute(
                "UPDATE guilds SET admin_channel_id = ?, updated_at = ? WHERE guild_id = ?",
                (channel_id, self._db.now(), guild_id),
            )

    async def watch(self, guild_id: int, channel_id: int, added_by: int | None = None) -> bool:
        async with self._db.writing() as conn:
            await _ensure_guild(conn, guild_id)
            added = await _changes(
                conn,
                "INSERT INTO watched_channels (guild_id, channel_id, added_by, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, channel_id) DO NOTHING",
                (guild_id, channel_id, added_by, self._db.now()),
            )
        return added == 1

    async def unwatch(self, guild_id: int, channel_id: int) -> bool:
        async with self._db.writing() as conn:
            removed = await _changes(
                conn, "DELETE FROM watched_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
            )
        return removed == 1

    async def watched_channels(self, guild_id: int) -> list[int]:
        rows = await self._db.fetch_all(
            "SELECT channel_id FROM watched_channels WHERE guild_id = ? ORDER BY created_at, channel_id", (guild_id,)
        )
        return [int(row[0]) for row in rows]

    async def is_watched(self, guild_id: int, channel_id: int) -> bool:
        row = await self._db.fetch_one(
            "SELECT 1 FROM watched_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
        )
        return row is not None

    async def forget(self, guild_id: int) -> None:
        async with self._db.writing() as conn:
            await conn.execute("DELETE FROM guilds WHERE guild_id = ?", (guild_id,))


# --------------------------------------------------------------------------- postings

_POSTING_COLUMNS = (
    "id, guild_id, source, channel_id, message_id, author_id, url, board_id, external_id, title, company, location,"
    " workplace, employment_type, seniority, created_at, updated_at, removed_at, record, raw_text"
)


def _posting(row: sqlite3.Row) -> StoredPosting:
    return StoredPosting(
        id=row["id"],
        guild_id=row["guild_id"],
        source=cast("PostingSource", row["source"]),
        channel_id=row["channel_id"],
        message_id=row["message_id"],
        author_id=row["author_id"],
        url=row["url"],
        board_id=row["board_id"],
        external_id=row["external_id"],
        title=row["title"],
        company=row["company"],
        location=row["location"],
        workplace=row["workplace"],
        employment_type=row["employment_type"],
        seniority=row["seniority"],
        created_at=datetime.fromisoformat(row["created_at"]),
        updated_at=datetime.fromisoformat(row["updated_at"]),
        removed_at=_dt(row["removed_at"]),
        record_json=row["record"],
        raw_text=row["raw_text"],
    )


def _content_columns(posting: Posting) -> dict[str, Any]:
    """The columns a (re-)parse sets: structured fields, the record, the raw text and its hash."""
    fields = posting.fields
    record = posting.to_record()
    del record["raw"]  # kept once, in raw_text
    return {
        "content_hash": content_hash(posting),
        "title": fields.title,
        "company": fields.company,
        "location": "; ".join(fields.locations) if fields.locations else None,
        "workplace": fields.workplace,
        "employment_type": fields.employment_type,
        "seniority": fields.seniority,
        "years_min": fields.years_min,
        "years_max": fields.years_max,
        "salary_min": fields.salary.minimum if fields.salary else None,
        "salary_max": fields.salary.maximum if fields.salary else None,
        "salary_currency": fields.salary.currency if fields.salary else None,
        "salary_period": fields.salary.period if fields.salary else None,
        "education_level": fields.education.level if fields.education else None,
        "record": json.dumps(record, ensure_ascii=False, separators=(",", ":")),
        "raw_text": posting.raw,
    }


def _keyword_rows(posting: Posting) -> list[tuple[str, str, float, int | None, int]]:
    return [
        (k.keyword, str(k.category), k.weight, None if k.required is None else int(k.required), k.count)
        for k in posting.keywords
    ]


async def _write_keywords(
    conn: aiosqlite.Connection, posting_id: int, rows: list[tuple[str, str, float, int | None, int]]
) -> None:
    """Replace a posting's keywords; a name given twice is merged rather than refused."""
    await conn.execute("DELETE FROM posting_keywords WHERE posting_id = ?", (posting_id,))
    await conn.executemany(
        "INSERT INTO posting_keywords (posting_id, keyword, category, weight, required, count)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (posting_id, keyword) DO UPDATE SET"
        " weight = max(weight, excluded.weight), count = count + excluded.count,"
        " required = coalesce(max(required, excluded.required), required, excluded.required)",
        [(posting_id, *row) for row in rows],
    )


class SqlitePostingRepository:
    def __init__(self, db: _Database) -> None:
        self._db = db

    async def save_posting(
        self,
        guild_id: int,
        posting: Posting,
        *,
        source: PostingSource,
        channel_id: int | None = None,
        message_id: int | None = None,
        author_id: int | None = None,
        url: str | None = None,
        board_id: int | None = None,
        external_id: str | None = None,
    ) -> tuple[StoredPosting, bool]:
        if source not in POSTING_SOURCES:
            raise ValueError(f"unknown posting source {source!r}")
        if (board_id is None) != (external_id is None):
            raise ValueError("board_id and external_id go together")
        content = _content_columns(posting)
        keywords = _keyword_rows(posting)
        now = self._db.now()
        async with self._db.writing() as conn:
            await _ensure_guild(conn, guild_id)
            existing = await self._find_same_source(conn, guild_id, message_id, board_id, external_id)
            duplicate = await _fetch_one(
                conn,
                "SELECT id FROM postings WHERE guild_id = ? AND content_hash = ? AND removed_at IS NULL",
                (guild_id, content["content_hash"]),
            )
            created = False
            if existing is not None:
                posting_id = await self._reparse(
                    conn, existing, duplicate, content, keywords, url=url, from_board=external_id is not None, now=now
                )
            elif duplicate is not None:
                posting_id = int(duplicate["id"])
            else:
                origin = {
                    "guild_id": guild_id,
                    "source": source,
                    "channel_id": channel_id,
                    "message_id": message_id,
                    "author_id": author_id,
                    "url": url,
                    "board_id": board_id,
                    "external_id": external_id,
                    "created_at": now,
                    "updated_at": now,
                }
                values = {**origin, **content}
                async with conn.execute(
                    f"INSERT INTO postings ({', '.join(values)}) VALUES ({', '.join(':' + c for c in values)})", values
                ) as cursor:
                    posting_id = cast(int, cursor.lastrowid)
                await _write_keywords(conn, posting_id, keywords)
                created = True
            row = await _fetch_one(conn, f"SELECT {_POSTING_COLUMNS} FROM postings WHERE id = ?", (posting_id,))
        assert row is not None
        return _posting(row), created

    @staticmethod
    async def _find_same_source(
        conn: aiosqlite.Connection, guild_id: int, message_id: int | None, board_id: int | None, external_id: str | None
    ) -> sqlite3.Row | None:
        """The row this message or board job was saved as before, live or removed."""
        if message_id is not None:
            row = await _fetch_one(
                conn,
                "SELECT id, removed_at FROM postings WHERE guild_id = ? AND message_id = ?",
                (guild_id, message_id),
            )
            if row is not None:
                return row
        if external_id is not None:
            return await _fetch_one(
                conn,
                "SELECT id, removed_at FROM postings WHERE guild_id = ? AND board_id = ? AND external_id = ?",
                (guild_id, board_id, external_id),
            )
        return None

    @staticmethod
    async def _reparse(
        conn: aiosqlite.Connection,
        existing: sqlite3.Row,
        duplicate: sqlite3.Row | None,
        content: dict[str, Any],
        keywords: list[tuple[str, str, float, int | None, int]],
        *,
        url: str | None,
        from_board: bool,
        now: str,
    ) -> int:
        """Update a known message or board job with its new parse; returns the posting that stands for it.

        If the new text duplicates another live posting, this row is retired and the other one
        stands for it. A board job listed again comes back to life; a deleted message never does.
        """
        posting_id = int(existing["id"])
        if duplicate is not None and duplicate["id"] != posting_id:
            if existing["removed_at"] is None:
                await conn.execute("UPDATE postings SET removed_at = ? WHERE id = ?", (now, posting_id))
            return int(duplicate["id"])
        assignments = ", ".join(f"{column} = :{column}" for column in content)
        await conn.execute(
            f"UPDATE postings SET {assignments}, url = coalesce(:url, url), updated_at = :now,"
            " removed_at = :removed_at WHERE id = :id",
            {
                **content,
                "url": url,
                "now": now,
                "removed_at": None if from_board else existing["removed_at"],
                "id": posting_id,
            },
        )
        await _write_keywords(conn, posting_id, keywords)
        return posting_id

    async def get(self, guild_id: int, posting_id: int, *, include_removed: bool = False) -> StoredPosting | None:
        live = "" if include_removed else " AND removed_at IS NULL"
        row = await self._db.fetch_one(
            f"SELECT {_POSTING_COLUMNS} FROM postings WHERE guild_id = ? AND id = ?{live}", (guild_id, posting_id)
        )
        return None if row is None else _posting(row)

    async def get_by_message(self, guild_id: int, message_id: int) -> StoredPosting | None:
        row = await self._db.fetch_one(
            f"SELECT {_POSTING_COLUMNS} FROM postings WHERE guild_id = ? AND message_id = ?", (guild_id, message_id)
        )
        return None if row is None else _posting(row)

    async def get_feed_posting(self, guild_id: int, board_id: int, external_id: str) -> StoredPosting | None:
        row = await self._db.fetch_one(
            f"SELECT {_POSTING_COLUMNS} FROM postings WHERE guild_id = ? AND board_id = ? AND external_id = ?",
            (guild_id, board_id, external_id),
        )
        return None if row is None else _posting(row)

    async def remove_by_message(self, guild_id: int, message_id: int) -> bool:
        async with self._db.writing() as conn:
            changed = await _changes(
                conn,
                "UPDATE postings SET removed_at = ? WHERE guild_id = ? AND message_id = ? AND removed_at IS NULL",
                (self._db.now(), guild_id, message_id),
            )
        return changed == 1

    async def remove_feed_posting(self, guild_id: int, board_id: int, external_id: str) -> bool:
        async with self._db.writing() as conn:
            changed = await _changes(
                conn,
                "UPDATE postings SET removed_at = ?"
                " WHERE guild_id = ? AND board_id = ? AND external_id = ? AND removed_at IS NULL",
                (self._db.now(), guild_id, board_id, external_id),
            )
        return changed == 1

    async def feed_external_ids(self, guild_id: int, board_id: int) -> set[str]:
        rows = await self._db.fetch_all(
            "SELECT external_id FROM postings WHERE guild_id = ? AND board_id = ? AND removed_at IS NULL",
            (guild_id, board_id),
        )
        return {str(row[0]) for row in rows}

    async def latest(self, guild_id: int, channel_id: int | None = None) -> StoredPosting | None:
        if channel_id is None:
            row = await self._db.fetch_one(
                f"SELECT {_POSTING_COLUMNS} FROM postings"
                " WHERE guild_id = ? AND removed_at IS NULL ORDER BY id DESC LIMIT 1",
                (guild_id,),
            )
        else:
            row = await self._db.fetch_one(
                f"SELECT {_POSTING_COLUMNS} FROM postings"
                " WHERE guild_id = ? AND channel_id = ? AND removed_at IS NULL ORDER BY id DESC LIMIT 1",
                (guild_id, channel_id),
            )
        return None if row is None else _posting(row)

    async def titles(self, guild_id: int, limit: int = 5000) -> list[PostingTitle]:
        rows = await self._db.fetch_all(
            "SELECT id, title, company FROM postings"
            " WHERE guild_id = ? AND removed_at IS NULL ORDER BY id DESC LIMIT ?",
            (guild_id, limit),
        )
        return [PostingTitle(row["id"], row["title"], row["company"]) for row in rows]

    async def list_active(self, guild_id: int, limit: int = 500) -> list[StoredPosting]:
        rows = await self._db.fetch_all(
            f"SELECT {_POSTING_COLUMNS} FROM postings"
            " WHERE guild_id = ? AND removed_at IS NULL ORDER BY id DESC LIMIT ?",
            (guild_id, limit),
        )
        return [_posting(row) for row in rows]

    async def keywords(self, guild_id: int, posting_id: int) -> list[StoredKeyword]:
        rows = await self._db.fetch_all(
            "SELECT k.keyword, k.category, k.weight, k.required, k.count FROM posting_keywords AS k"
            " JOIN postings AS p ON p.id = k.posting_id WHERE p.guild_id = ? AND p.id = ?"
            " ORDER BY k.weight DESC, k.keyword",
            (guild_id, posting_id),
        )
        return [StoredKeyword(r["keyword"], r["category"], r["weight"], _bool(r["required"]), r["count"]) for r in rows]

    async def counts(self, guild_id: int) -> PostingCounts:
        row = await self._db.fetch_one(
            "SELECT count(*) FILTER (WHERE removed_at IS NULL),"
            " count(*) FILTER (WHERE removed_at IS NOT NULL),"
            " count(*) FILTER (WHERE removed_at IS NULL AND source = 'chat'),"
            " count(*) FILTER (WHERE removed_at IS NULL AND source = 'feed'),"
            " count(*) FILTER (WHERE removed_at IS NULL AND source = 'command')"
            " FROM postings WHERE guild_id = ?",
            (guild_id,),
        )
        assert row is not None
        return PostingCounts(*(int(value) for value in row))


# --------------------------------------------------------------------------- subscriptions

_SUBSCRIPTION_COLUMNS = (
    "id, guild_id, channel_id, user_id, keywords, location, remote, seniority, company, created_by, created_at,"
    " enabled, disabled_reason, admins_notified"
)


def _subscription(row: sqlite3.Row) -> Subscription:
    return Subscription(
        id=row["id"],
        guild_id=row["guild_id"],
        channel_id=row["channel_id"],
        user_id=row["user_id"],
        keywords=tuple(json.loads(row["keywords"])),
        location=row["location"],
        remote=_bool(row["remote"]),
        seniority=row["seniority"],
        company=row["company"],
        created_by=row["created_by"],
        created_at=datetime.fromisoformat(row["created_at"]),
        enabled=bool(row["enabled"]),
        disabled_reason=row["disabled_reason"],
        admins_notified=bool(row["admins_notified"]),
    )


class SqliteSubscriptionRepository:
    def __init__(self, db: _Database) -> None:
        self._db = db

    async def create(
        self,
        guild_id: int,
        created_by: int,
        *,
        channel_id: int | None = None,
        user_id: int | None = None,
        keywords: Iterable[str] = (),
        location: str | None = None,
        remote: bool | None = None,
        seniority: str | None = None,
        company: str | None = None,
    ) -> Subscription:
        if (channel_id is None) == (user_id is None):
            raise ValueError("a subscription goes to a channel or to a member, exactly one of the two")
        values = {
            "guild_id": guild_id,
            "channel_id": channel_id,
            "user_id": user_id,
            "keywords": json.dumps(list(clean_filter_keywords(keywords)), ensure_ascii=False),
            "location": clean_filter_text(location, "location"),
            "remote": None if remote is None else int(remote),
            "seniority": clean_filter_text(seniority, "seniority"),
            "company": clean_filter_text(company, "company"),
            "created_by": created_by,
            "created_at": self._db.now(),
        }
        async with self._db.writing() as conn:
            await _ensure_guild(conn, guild_id)
            async with conn.execute(
                f"INSERT INTO subscriptions ({', '.join(values)}) VALUES ({', '.join(':' + c for c in values)})"
                f" RETURNING {_SUBSCRIPTION_COLUMNS}",
                values,
            ) as cursor:
                row = await cursor.fetchone()
        assert row is not None
        return _subscription(row)

    async def get(self, guild_id: int, subscription_id: int) -> Subscription | None:
        row = await self._db.fetch_one(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE guild_id = ? AND id = ?",
            (guild_id, subscription_id),
        )
        return None if row is None else _subscription(row)

    async def delete(self, guild_id: int, subscription_id: int) -> bool:
        async with self._db.writing() as conn:
            deleted = await _changes(
                conn, "DELETE FROM subscriptions WHERE guild_id = ? AND id = ?", (guild_id, subscription_id)
            )
        return deleted == 1

    async def for_guild(self, guild_id: int) -> list[Subscription]:
        rows = await self._db.fetch_all(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE guild_id = ? ORDER BY id", (guild_id,)
        )
        return [_subscription(row) for row in rows]

    async def enabled_for_guild(self, guild_id: int) -> list[Subscription]:
        rows = await self._db.fetch_all(
            f"SELECT {_SUBSCRIPTION_COLUMNS} FROM subscriptions WHERE guild_id = ? AND enabled = 1 ORDER BY id",
            (guild_id,),
        )
        return [_subscription(row) for row in rows]

    async def disable(self, subscription_id: int, reason: str) -> bool:
        async with self._db.writing() as conn:
            changed = await _changes(
                conn,
                "UPDATE subscriptions SET enabled = 0, disabled_reason = ?, disabled_at = ?"
                " WHERE id = ? AND enabled = 1",
                (reason[:500], self._db.now(), subscription_id),
            )
        return changed == 1

    async def mark_admins_notified(self, subscription_id: int) -> bool:
        async with self._db.writing() as conn:
            changed = await _changes(
                conn,
                "UPDATE subscriptions SET admins_notified = 1 WHERE id = ? AND admins_notified = 0",
                (subscription_id,),
            )
        return changed == 1


# --------------------------------------------------------------------------- deliveries


class SqliteDeliveryRepository:
    def __init__(self, db: _Database) -> None:
        self._db = db

    async def claim(self, subscription_id: int, posting_id: int) -> bool:
        async with self._db.writing() as conn:
            claimed = await _changes(
                conn,
                "INSERT OR IGNORE INTO deliveries (subscription_id, posting_id, claimed_at)"
                " SELECT s.id, p.id, ? FROM subscriptions AS s JOIN postings AS p ON p.guild_id = s.guild_id"
                " WHERE s.id = ? AND p.id = ?",
                (self._db.now(), subscription_id, posting_id),
            )
        return claimed == 1

    async def record_message(self, subscription_id: int, posting_id: int, channel_id: int, message_id: int) -> None:
        async with self._db.writing() as conn:
            await conn.execute(
                "UPDATE deliveries SET delivered_at = ?, channel_id = ?, message_id = ?"
                " WHERE subscription_id = ? AND posting_id = ?",
                (self._db.now(), channel_id, message_id, subscription_id, posting_id),
            )

    async def release(self, subscription_id: int, posting_id: int) -> None:
        async with self._db.writing() as conn:
            await conn.execute(
                "DELETE FROM deliveries WHERE subscription_id = ? AND posting_id = ? AND delivered_at IS NULL",
                (subscription_id, posting_id),
            )

    async def get(self, subscription_id: int, posting_id: int) -> Delivery | None:
        row = await self._db.fetch_one(
            "SELECT subscription_id, posting_id, claimed_at, delivered_at, channel_id, message_id FROM deliveries"
            " WHERE subscription_id = ? AND posting_id = ?",
            (subscription_id, posting_id),
        )
        if row is None:
            return None
        return Delivery(
            subscription_id=row["subscription_id"],
            posting_id=row["posting_id"],
            claimed_at=datetime.fromisoformat(row["claimed_at"]),
            delivered_at=_dt(row["delivered_at"]),
            channel_id=row["channel_id"],
            message_id=row["message_id"],
        )


# --------------------------------------------------------------------------- boards

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
        last_polled_at=_dt(row["last_polled_at"]),
        next_poll_at=_dt(row["next_poll_at"]),
        consecutive_failures=row["consecutive_failures"],
        last_error=row["last_error"],
    )


class SqliteBoardRepository:
    def __init__(self, db: _Database) -> None:
        self._db = db

    async def get_or_create(self, provider: str, slug: str, url: str | None = None) -> Board:
        async with self._db.writing() as conn:
            await conn.execute(
                "INSERT INTO boards (provider, slug, url, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (provider, slug) DO UPDATE SET url = coalesce(boards.url, excluded.url)",
                (provider, slug, url, self._db.now()),
            )
            row = await _fetch_one(
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
            await _ensure_guild(conn, guild_id)
            added = await _changes(
                conn,
                "INSERT INTO followed_boards (guild_id, board_id, channel_id, created_by, created_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (guild_id, board_id) DO NOTHING",
                (guild_id, board_id, channel_id, created_by, self._db.now()),
            )
        return added == 1

    async def unfollow(self, guild_id: int, board_id: int) -> bool:
        async with self._db.writing() as conn:
            removed = await _changes(
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
            (_ts(now), limit),
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
                (etag, last_modified, _ts(polled_at), _ts(next_poll_at), board_id),
            )

    async def record_failure(self, board_id: int, *, polled_at: datetime, next_poll_at: datetime, error: str) -> int:
        async with (
            self._db.writing() as conn,
            conn.execute(
                "UPDATE boards SET last_polled_at = ?, next_poll_at = ?,"
                " consecutive_failures = consecutive_failures + 1, last_error = ?"
                " WHERE id = ? RETURNING consecutive_failures",
                (_ts(polled_at), _ts(next_poll_at), error[:500], board_id),
            ) as cursor,
        ):
            row = await cursor.fetchone()
        return 0 if row is None else int(row[0])


# --------------------------------------------------------------------------- the store


class SqliteStore:
    """Every repository over one SQLite connection."""

    def __init__(self, conn: aiosqlite.Connection, clock: Clock = utc_now) -> None:
        db = _Database(conn, clock)
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
