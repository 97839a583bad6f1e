"""`/jobkeywords [posting]`: the keywords a resume needs for a posting shared in this server."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.services.lookup import resolve_posting
from cogs.choices import PostingCog
from cogs.errors import AnsweringView
from cogs.render import NO_PINGS, keyword_pages, say

if TYPE_CHECKING:
    from bot.app import JobBot

PAGER_TIMEOUT = 600.0  # within the 15 minutes an interaction's answer can still be edited


class Pager(AnsweringView):
    """Previous/next buttons over embeds; only the member who asked can turn the pages."""

    def __init__(self, pages: list[discord.Embed], owner_id: int) -> None:
        super().__init__(timeout=PAGER_TIMEOUT)
        self.pages = pages
        self.owner_id = owner_id
        self.index = 0
        self.answered: discord.Interaction[Any] | None = None  # the command whose answer shows the pages
        self._sync_buttons()

    def _sync_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def interaction_check(self, interaction: discord.Interaction[Any]) -> bool:
        if interaction.user.id != self.owner_id:
            await interaction.response.send_message(
                "Only the member who asked can turn these pages; run /jobkeywords yourself.",
                ephemeral=True,
                allowed_mentions=NO_PINGS,
            )
            return False
        return True

    async def on_timeout(self) -> None:
        """Take the buttons away once they stop working, instead of leaving "This interaction failed"."""
        if self.answered is not None:
            with contextlib.suppress(discord.HTTPException):
                await self.answered.edit_original_response(view=None)

    async def _show(self, interaction: discord.Interaction[Any], step: int) -> None:
        self.index = max(0, min(len(self.pages) - 1, self.index + step))
        self._sync_buttons()
        await interaction.response.edit_message(embed=self.pages[self.index], view=self, allowed_mentions=NO_PINGS)

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pager]) -> None:
        await self._show(interaction, -1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.primary)
    async def next(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Pager]) -> None:
        await self._show(interaction, +1)


class Keywords(PostingCog):
    @app_commands.command(name="jobkeywords", description="The keywords a resume needs for a job posting shared here.")
    @app_commands.describe(posting="A posting of this server (type to search); by default the latest one here.")
    @app_commands.guild_only()
    async def jobkeywords(self, interaction: discord.Interaction[Any], posting: str | None = None) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        stored = await resolve_posting(self.bot.store, interaction.guild_id, interaction.channel_id, posting)
        pages = await asyncio.to_thread(lambda: keyword_pages(stored.posting(), posting_id=stored.id))
        view = Pager(pages, interaction.user.id) if len(pages) > 1 else None
        await say(interaction, embed=pages[0], view=view)
        if view is not None:
            view.answered = interaction

    @jobkeywords.autocomplete("posting")
    async def posting_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.choices.autocomplete(interaction, current)


async def setup(bot: JobBot) -> None:
    await bot.add_cog(Keywords(bot))
