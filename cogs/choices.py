"""Autocomplete for "which posting": this guild's titles kept in memory, ranked with rapidfuzz.

Autocomplete cannot defer and its errors never reach the tree's error handler, so it answers
from a small per-guild cache (refreshed when postings change, or after `TTL_SECONDS`) and
returns no choices rather than raising.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.services.lookup import choice_name, rank_titles
from bot.store import PostingTitle

if TYPE_CHECKING:
    from bot.app import JobBot

log = logging.getLogger(__name__)

TTL_SECONDS = 60.0
# Discord drops an autocomplete answer after 3 s: a busy store gives no choices rather than a late answer.
QUERY_BUDGET_SECONDS = 2.0


class PostingChoices:
    def __init__(self, bot: JobBot) -> None:
        self.bot = bot
        self._titles: dict[int, tuple[float, list[PostingTitle]]] = {}

    def invalidate(self, guild_id: int) -> None:
        self._titles.pop(guild_id, None)

    async def _guild_titles(self, guild_id: int) -> list[PostingTitle]:
        cached = self._titles.get(guild_id)
        if cached is not None and time.monotonic() - cached[0] < TTL_SECONDS:
            return cached[1]
        titles = await asyncio.wait_for(self.bot.store.postings.titles(guild_id), QUERY_BUDGET_SECONDS)
        self._titles[guild_id] = (time.monotonic(), titles)
        return titles

    async def autocomplete(self, interaction: discord.Interaction[Any], current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        try:
            titles = await self._guild_titles(interaction.guild_id)
            ranked = rank_titles(titles, current[:100])
        except Exception:
            log.exception("posting autocomplete failed")
            return []
        return [app_commands.Choice(name=choice_name(t), value=f"#{t.id}") for t in ranked]


class PostingCog(commands.Cog):
    """A cog whose commands take a "which posting" option: its choices, dropped when postings change."""

    def __init__(self, bot: JobBot) -> None:
        self.bot = bot
        self.choices = PostingChoices(bot)

    @commands.Cog.listener()
    async def on_jobbot_postings_changed(self, guild_id: int) -> None:
        self.choices.invalidate(guild_id)
