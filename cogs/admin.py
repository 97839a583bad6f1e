"""`/jobbot …`: the server admins' commands (watched channels, status, settings).

Manage Server is required twice on purpose: `default_permissions` hides the commands from
members in the client (a hint a server can override), `checks.has_permissions` enforces it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from cogs.errors import permission_phrase
from cogs.render import EMBED_COLOUR, say

if TYPE_CHECKING:
    from bot.app import JobBot

AckChoice = Literal["reaction", "thread"]


# What reading a channel needs: see it, read what was shared while away, mark postings with ✅.
READING_PERMISSIONS = ("view_channel", "read_message_history", "add_reactions")


def _mention(channel_id: int) -> str:
    return f"<#{channel_id}>"


def missing_reading_permissions(channel: discord.TextChannel, me: discord.Member | None) -> list[str]:
    """The permissions the bot lacks in `channel` to read and mark postings (none known: none)."""
    if me is None:
        return []
    granted = channel.permissions_for(me)
    return [name for name in READING_PERMISSIONS if not getattr(granted, name)]


@app_commands.guild_only()
@app_commands.default_permissions(manage_guild=True)
class Admin(commands.GroupCog, group_name="jobbot", group_description="Set up jobbot for this server."):
    def __init__(self, bot: JobBot) -> None:
        self.bot = bot
        super().__init__()

    @app_commands.command(name="watch", description="Read job postings shared in a channel.")
    @app_commands.describe(channel="The channel where members share job postings.")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def watch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        added = await self.bot.store.guilds.watch(interaction.guild_id, channel.id, interaction.user.id)
        self.bot.dispatch("jobbot_watch_changed", interaction.guild_id)
        if added:
            text = f"I now read job postings shared in {channel.mention} and mark them with ✅."
        else:
            text = f"I already read job postings in {channel.mention}."
        missing = missing_reading_permissions(channel, interaction.guild.me if interaction.guild else None)
        if missing:
            text += f" I need {permission_phrase(missing)} there to do it."
        await say(interaction, text)

    @app_commands.command(name="unwatch", description="Stop reading job postings in a channel.")
    @app_commands.describe(channel="The channel to stop reading.")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def unwatch(self, interaction: discord.Interaction[Any], channel: discord.TextChannel) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        removed = await self.bot.store.guilds.unwatch(interaction.guild_id, channel.id)
        self.bot.dispatch("jobbot_watch_changed", interaction.guild_id)
        if removed:
            text = f"I stopped reading {channel.mention}; the postings already saved stay available."
        else:
            text = f"I was not reading {channel.mention}."
        await say(interaction, text)

    @app_commands.command(name="status", description="What jobbot has stored and watches in this server.")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def status(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        store = self.bot.store
        counts = await store.postings.counts(interaction.guild_id)
        watched = await store.guilds.watched_channels(interaction.guild_id)
        subscriptions = await store.subscriptions.for_guild(interaction.guild_id)
        settings = await store.guilds.settings(interaction.guild_id)
        embed = discord.Embed(title="jobbot status", colour=EMBED_COLOUR)
        embed.add_field(
            name="Postings",
            value=(
                f"{counts.active} saved ({counts.from_chat} from chat, {counts.from_command} saved by hand, "
                f"{counts.from_feed} from job boards), {counts.removed} removed"
            ),
            inline=False,
        )
        embed.add_field(
            name=f"Watched channels ({len(watched)})",
            value=", ".join(_mention(c) for c in watched[:40]) or "None yet: use /jobbot watch.",
            inline=False,
        )
        enabled = sum(1 for s in subscriptions if s.enabled)
        embed.add_field(
            name="Subscriptions",
            value=f"{enabled} active, {len(subscriptions) - enabled} disabled",
            inline=False,
        )
        acknowledgement = "a ✅ reaction" if settings.ack_style == "reaction" else "a summary in a thread"
        embed.add_field(name="Acknowledgement", value=acknowledgement, inline=False)
        await say(interaction, embed=embed)

    @app_commands.command(name="settings", description="How jobbot acknowledges postings, and where admins hear news.")
    @app_commands.describe(
        acknowledgement="React with ✅ on the posting, or reply with a short summary in a thread.",
        admin_channel="Where I tell admins about problems (for example a subscription I had to stop).",
    )
    @app_commands.checks.has_permissions(manage_guild=True)
    async def settings(
        self,
        interaction: discord.Interaction[Any],
        acknowledgement: AckChoice | None = None,
        admin_channel: discord.TextChannel | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        guilds = self.bot.store.guilds
        if acknowledgement is not None:
            await guilds.set_ack_style(interaction.guild_id, acknowledgement)
        if admin_channel is not None:
            await guilds.set_admin_channel(interaction.guild_id, admin_channel.id)
        current = await guilds.settings(interaction.guild_id)
        style = "a ✅ reaction" if current.ack_style == "reaction" else "a summary in a thread"
        where = _mention(current.admin_channel_id) if current.admin_channel_id else "the server's system channel"
        await say(interaction, f"I acknowledge postings with {style} and tell admins about problems in {where}.")

    @commands.Cog.listener()
    async def on_guild_remove(self, guild: discord.Guild) -> None:
        """Removed from a server: forget everything it stored (postings, watches, subscriptions)."""
        await self.bot.store.guilds.forget(guild.id)
        self.bot.dispatch("jobbot_watch_changed", guild.id)
        self.bot.dispatch("jobbot_postings_changed", guild.id)


async def setup(bot: JobBot) -> None:
    await bot.add_cog(Admin(bot))
