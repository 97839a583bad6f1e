"""Guild settings and watched channels."""

from __future__ import annotations

from typing import cast

from bot.store.records import ACK_STYLES, AckStyle, GuildSettings
from bot.store.sqlite.database import Database, changes, ensure_guild


class SqliteGuildRepository:
    def __init__(self, db: Database) -> None:
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
        return added == 1

    async def unwatch(self, guild_id: int, channel_id: int) -> bool:
        async with self._db.writing() as conn:
            removed = await changes(
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
