"""Deliveries: the at-most-once record of each announcement."""

from __future__ import annotations

from datetime import datetime

from bot.store.records import Delivery
from bot.store.sqlite.database import Database, changes, parse_timestamp


class SqliteDeliveryRepository:
    def __init__(self, db: Database) -> None:
        self._db = db

    async def claim(self, subscription_id: int, posting_id: int) -> bool:
        async with self._db.writing() as conn:
            claimed = await changes(
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
            delivered_at=parse_timestamp(row["delivered_at"]),
            channel_id=row["channel_id"],
            message_id=row["message_id"],
        )
