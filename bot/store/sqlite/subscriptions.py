"""Subscriptions: where a guild's new postings are announced, and which ones."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime

from bot.store.filters import clean_filter_keywords, clean_filter_text
from bot.store.records import Subscription
from bot.store.sqlite.database import Database, changes, ensure_guild, optional_bool

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
        remote=optional_bool(row["remote"]),
        seniority=row["seniority"],
        company=row["company"],
        created_by=row["created_by"],
        created_at=datetime.fromisoformat(row["created_at"]),
        enabled=bool(row["enabled"]),
        disabled_reason=row["disabled_reason"],
        admins_notified=bool(row["admins_notified"]),
    )


class SqliteSubscriptionRepository:
    def __init__(self, db: Database) -> None:
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
            await ensure_guild(conn, guild_id)
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
            deleted = await changes(
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
            changed = await changes(
                conn,
                "UPDATE subscriptions SET enabled = 0, disabled_reason = ?, disabled_at = ?"
                " WHERE id = ? AND enabled = 1",
                (reason[:500], self._db.now(), subscription_id),
            )
        return changed == 1

    async def mark_admins_notified(self, subscription_id: int) -> bool:
        async with self._db.writing() as conn:
            changed = await changes(
                conn,
                "UPDATE subscriptions SET admins_notified = 1 WHERE id = ? AND admins_notified = 0",
                (subscription_id,),
            )
        return changed == 1
