"""Guild settings and watched channels.

`is_watched` runs for every chat message the bot sees, so the watched channels are cached per
guild: one process owns a SQLite database, and every change goes through this repository.
"""

from __future__ import annotations

from typing import cast

from bot.store.records import ACK_STYLES, AckStyle, GuildSettings
from bot.store.sqlite.database import Database, changes, ensure_guild


class SqliteGuildRepository:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._watched: dict[int, frozenset[int]] = {}
        self._changes = 0  # bumped by every watch change, so a load that raced one is not cached

    def _forget_cached(self, guild_id: int) -> None:
        self._changes += 1
        self._watched.pop(guild_id, None)

    async def settings(self, guild_id: int) -> GuildSettings:
        row = await self._db.fetch_one("SELECT ack_style, admin_channel_id FROM guilds WHERE guild_id = ?", (guild_id,))
        if row is None:
            return GuildSettings(guild_id)
        return GuildSettings(guild_id, cast("AckStyle", row["ack_style"]), row["admin_channel_id"])

    async def set_ack_style(self, guild_id: int, style: AckStyle) -> None:
        if style not in ACK_STYLES:
            raise ValueError(f"unknown acknowledgement style {style!r}")
        async with self._db.writing() as conn:
            await ensure_guild(conn, guild_id)
            await conn.execute(
                "UPDATE guilds SET ack_style = ?, updated_at = ? WHERE guild_id = ?", (style, self._db.now(), guild_id)
            )

    async def set_admin_channel(self, guild_id: int, channel_id: int | None) -> None:
        async with self._db.writing() as conn:
            await ensure_guild(conn, guild_id)
            await conn.execute(
                "UPDATE guilds SET admin_channel_id = ?, updated_at = ? WHERE guild_id = ?",
                (channel_id, self._db.now(), guild_id),
            )

    async def watch(self, guild_id: int, channel_id: int, added_by: int | None = None) -> bool:
        async with self._db.writing() as conn:
            await ensure_guild(conn, guild_id)
            added = await changes(
                conn,
                "INSERT INTO watched_channels (guild_id, channel_id, added_by, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (guild_id, channel_id) DO NOTHING",
                (guild_id, channel_id, added_by, self._db.now()),
            )
        self._forget_cached(guild_id)
        return added == 1

    async def unwatch(self, guild_id: int, channel_id: int) -> bool:
        async with self._db.writing() as conn:
            removed = await changes(
                conn, "DELETE FROM watched_channels WHERE guild_id = ? AND channel_id = ?", (guild_id, channel_id)
            )
        self._forget_cached(guild_id)
        return removed == 1

    async def watched_channels(self, guild_id: int) -> list[int]:
        rows = await self._db.fetch_all(
            "SELECT channel_id FROM watched_channels WHERE guild_id = ? ORDER BY created_at, channel_id", (guild_id,)
        )
        return [int(row[0]) for row in rows]

    async def is_watched(self, guild_id: int, channel_id: int) -> bool:
        channels = self._watched.get(guild_id)
        if channels is None:
            changes_before = self._changes
            channels = frozenset(await self.watched_channels(guild_id))
            if self._changes == changes_before:
                self._watched[guild_id] = channels
        return channel_id in channels

    async def forget(self, guild_id: int) -> None:
        async with self._db.writing() as conn:
            await conn.execute("DELETE FROM guilds WHERE guild_id = ?", (guild_id,))
        self._forget_cached(guild_id)
