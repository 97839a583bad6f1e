"""Postings and their keywords: saved once per guild, re-parsed in place, removed softly."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import Any, cast

import aiosqlite

from bot.postings.model import Posting
from bot.store.dedup import content_hash
from bot.store.records import POSTING_SOURCES, PostingCounts, PostingSource, PostingTitle, StoredKeyword, StoredPosting
from bot.store.sqlite.database import Database, changes, ensure_guild, fetch_one, optional_bool, parse_timestamp

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
        removed_at=parse_timestamp(row["removed_at"]),
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
    def __init__(self, db: Database) -> None:
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
            await ensure_guild(conn, guild_id)
            existing = await self._find_same_source(conn, guild_id, message_id, board_id, external_id)
            duplicate = await fetch_one(
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
            row = await fetch_one(conn, f"SELECT {_POSTING_COLUMNS} FROM postings WHERE id = ?", (posting_id,))
        assert row is not None
        return _posting(row), created

    @staticmethod
    async def _find_same_source(
        conn: aiosqlite.Connection, guild_id: int, message_id: int | None, board_id: int | None, external_id: str | None
    ) -> sqlite3.Row | None:
        """The row this message or board job was saved as before, live or removed."""
        if message_id is not None:
            row = await fetch_one(
                conn,
                "SELECT id, removed_at FROM postings WHERE guild_id = ? AND message_id = ?",
                (guild_id, message_id),
            )
            if row is not None:
                return row
        if external_id is not None:
            return await fetch_one(
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
            changed = await changes(
                conn,
                "UPDATE postings SET removed_at = ? WHERE guild_id = ? AND message_id = ? AND removed_at IS NULL",
                (self._db.now(), guild_id, message_id),
            )
        return changed == 1

    async def remove_feed_posting(self, guild_id: int, board_id: int, external_id: str) -> bool:
        async with self._db.writing() as conn:
            changed = await changes(
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
        return [
            StoredKeyword(r["keyword"], r["category"], r["weight"], optional_bool(r["required"]), r["count"])
            for r in rows
        ]

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
