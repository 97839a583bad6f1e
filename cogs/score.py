"""`/score resume:<file> [posting]` and `/match resume:<file>`: private match reports.

Both defer ephemerally at once (the first follow-up inherits that privacy), refuse an
oversized file from its declared size before downloading it, and read and score it in a
worker thread. The resume is never stored and never logged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from bot.services.matching import ResumeUpload, check_resume_size, match_resume, score_resume
from cogs.attachments import read_attachment
from cogs.choices import PostingCog
from cogs.errors import PRIVATE_INPUT
from cogs.render import match_embed, say, score_embed

if TYPE_CHECKING:
    from bot.app import JobBot

# Per member: reading a PDF is the most expensive thing a member can ask for.
SCORE_RATE, SCORE_PER = 3, 60.0
MATCH_RATE, MATCH_PER = 2, 60.0


async def download_resume(attachment: discord.Attachment, bot: JobBot) -> ResumeUpload:
    """The declared size is checked first: a too-large file is never downloaded."""
    data = await read_attachment(attachment, lambda size: check_resume_size(size, bot.settings))
    return ResumeUpload(data, attachment.filename, attachment.content_type)


class Score(PostingCog):
    @app_commands.command(
        name="score",
        description="Privately score your resume against a job posting shared here.",
        extras={PRIVATE_INPUT: True},
    )
    @app_commands.describe(
        resume="Your resume (PDF, DOCX, ODT, RTF, TXT, MD or HTML); read in memory, never stored.",
        posting="A posting of this server (type to search); by default the latest one here.",
    )
    @app_commands.guild_only()
    @app_commands.checks.cooldown(SCORE_RATE, SCORE_PER)
    async def score(
        self, interaction: discord.Interaction[Any], resume: discord.Attachment, posting: str | None = None
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        upload = await download_resume(resume, self.bot)
        result = await score_resume(
            self.bot.store, interaction.guild_id, interaction.channel_id, posting, upload, self.bot.settings
        )
        await say(interaction, embed=score_embed(result.posting, result.report, posting_id=result.posting_id))

    @score.autocomplete("posting")
    async def posting_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[str]]:
        return await self.choices.autocomplete(interaction, current)

    @app_commands.command(
        name="match",
        description="Privately rank this server's job postings for your resume.",
        extras={PRIVATE_INPUT: True},
    )
    @app_commands.describe(resume="Your resume (PDF, DOCX, ODT, RTF, TXT, MD or HTML); read in memory, never stored.")
    @app_commands.guild_only()
    @app_commands.checks.cooldown(MATCH_RATE, MATCH_PER)
    async def match(self, interaction: discord.Interaction[Any], resume: discord.Attachment) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        assert interaction.guild_id is not None
        upload = await download_resume(resume, self.bot)
        ranked = await match_resume(self.bot.store, interaction.guild_id, upload, self.bot.settings)
        await say(interaction, embed=match_embed([(r.posting_id, r.posting, r.report) for r in ranked]))


async def setup(bot: JobBot) -> None:
    await bot.add_cog(Score(bot))
