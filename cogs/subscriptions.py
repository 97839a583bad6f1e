"""`/subscribe`, `/unsubscribe`, `/subscriptions`, and announcing new postings to subscribed channels.

Each announcement is claimed in the store before it is sent, so it goes out at most once, also
across restarts. A channel that is gone or closed to the bot disables its subscription, and the
admins are told once. Announcements never ping anyone.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.services.delivery import claim_deliveries, delivered, delivery_failed
from bot.store import StoredPosting, Subscription
from cogs.choices import QUERY_BUDGET_SECONDS
from cogs.ingest import jump_url
from cogs.render import EMBED_COLOUR, NO_PINGS, clip, posting_embed, say

if TYPE_CHECKING:
    from bot.app import JobBot

log = logging.getLogger(__name__)

Seniority = Literal["intern", "junior", "mid", "senior", "lead", "staff", "principal", "manager", "director"]


def describe_filters(subscription: Subscription) -> str:
    parts: list[str] = []
    if subscription.keywords:
        parts.append("keywords " + ", ".join(subscription.keywords))
    if subscription.location:
        parts.append(f"location {subscription.location}")
    if subscription.remote is not None:
        parts.append("remote only" if subscription.remote else "not remote")
    if subscription.seniority:
        parts.append(f"seniority {subscription.seniority}")
    if subscription.company:
        parts.append(f"company {subscription.company}")
    return "; ".join(parts) or "every new posting"


def describe(subscription: Subscription) -> str:
    where = f"<#{subscription.channel_id}>" if subscription.channel_id else f"<@{subscription.user_id}> by DM"
    state = "" if subscription.enabled else f" — stopped: {subscription.disabled_reason or 'disabled'}"
    return f"#{subscription.id} → {where}: {describe_filters(subscription)}{state}"


class Subscriptions(commands.Cog):
    def __init__(self, bot: JobBot) -> None:
        self.bot = bot

    @app_commands.command(name="subscribe", description="Announce new job postings of this server in a channel.")
    @app_commands.describe(
        channel="Where new postings are announced.",
        keywords="Comma-separated skills or title words; each must appear (e.g. python, django).",
        location="Only postings whose location contains this (e.g. Berlin).",
        remote="Only remote postings (true) or only non-remote ones (false).",
        seniority="Only postings of this seniority.",
        company="Only postings of this company.",
    )
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def subscribe(
        self,
        interaction: discord.Interaction[Any],
        channel: discord.TextChannel,
        keywords: str | None = None,
        location: str | None = None,
        remote: bool | None = None,
        seniority: Seniority | None = None,
        company: str | None = None,
    ) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        subscription = await self.bot.store.subscriptions.create(
            interaction.guild_id,
            interaction.user.id,
            channel_id=channel.id,
            keywords=[keywords] if keywords else (),
            location=location,
            remote=remote,
            seniority=seniority,
            company=company,
        )
        await say(
            interaction,
            f"Subscription #{subscription.id}: I will announce new postings in {channel.mention} "
            f"({describe_filters(subscription)}).",
        )

    @app_commands.command(name="unsubscribe", description="Stop a subscription of this server.")
    @app_commands.describe(subscription="The subscription to stop (see /subscriptions).")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def unsubscribe(self, interaction: discord.Interaction[Any], subscription: int) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        if await self.bot.store.subscriptions.delete(interaction.guild_id, subscription):
            await say(interaction, f"Subscription #{subscription} is stopped.")
        else:
            await say(interaction, f"There is no subscription #{subscription} in this server.")

    @unsubscribe.autocomplete("subscription")
    async def subscription_autocomplete(
        self, interaction: discord.Interaction[Any], current: str
    ) -> list[app_commands.Choice[int]]:
        if interaction.guild_id is None:
            return []
        try:
            subscriptions = await asyncio.wait_for(
                self.bot.store.subscriptions.for_guild(interaction.guild_id), QUERY_BUDGET_SECONDS
            )
        except Exception:
            log.exception("subscription autocomplete failed")
            return []
        wanted = current.strip().lstrip("#").casefold()
        shown = [s for s in subscriptions if wanted in describe(s).casefold()][:25]
        return [app_commands.Choice(name=clip(describe(s), 100), value=s.id) for s in shown]

    @app_commands.command(name="subscriptions", description="List this server's subscriptions.")
    @app_commands.guild_only()
    @app_commands.default_permissions(manage_guild=True)
    @app_commands.checks.has_permissions(manage_guild=True)
    async def subscriptions(self, interaction: discord.Interaction[Any]) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)  # the store may be busy: answer in time
        assert interaction.guild_id is not None
        found = await self.bot.store.subscriptions.for_guild(interaction.guild_id)
        if not found:
            await say(interaction, "This server has no subscriptions yet; add one with /subscribe.")
            return
        lines = "\n".join(describe(s) for s in found[:40])
        embed = discord.Embed(title="Subscriptions", description=clip(lines, 4000), colour=EMBED_COLOUR)
        await say(interaction, embed=embed)

    # -- delivery -------------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_jobbot_posting_created(self, stored: StoredPosting) -> None:
        for subscription in await claim_deliveries(self.bot.store, stored):
            await self._deliver(subscription, stored)

    async def _deliver(self, subscription: Subscription, stored: StoredPosting) -> None:
        embed = posting_embed(stored.posting(), posting_id=stored.id, link=jump_url(stored))
        try:
            target: discord.abc.Messageable
            if subscription.channel_id is not None:
                target = self.bot.get_partial_messageable(subscription.channel_id, guild_id=subscription.guild_id)
            else:  # a member's subscription, delivered by DM
                assert subscription.user_id is not None
                target = await self.bot.fetch_user(subscription.user_id)
            message = await target.send(embed=embed, allowed_mentions=NO_PINGS)
        except (discord.Forbidden, discord.NotFound) as exc:
            reason = "the channel is gone" if isinstance(exc, discord.NotFound) else "I may not post in the channel"
            log.warning("subscription disabled", extra={"subscription": subscription.id, "status": exc.status})
            if await delivery_failed(self.bot.store, subscription, stored.id, permanent=True, reason=reason):
                await self._tell_admins(
                    subscription.guild_id,
                    f"I stopped subscription {describe(subscription)} because {reason}; "
                    "fix the channel and use /subscribe again.",
                )
        except discord.HTTPException as exc:
            log.warning("delivery failed", extra={"subscription": subscription.id, "status": exc.status})
            await delivery_failed(self.bot.store, subscription, stored.id, permanent=False, reason=str(exc.status))
        else:
            await delivered(self.bot.store, subscription, stored.id, message.channel.id, message.id)

    async def _tell_admins(self, guild_id: int, text: str) -> None:
        """The guild's admin channel if set, else its system channel; silently nowhere otherwise."""
        settings = await self.bot.store.guilds.settings(guild_id)
        guild = self.bot.get_guild(guild_id)
        channel_id = settings.admin_channel_id or (guild.system_channel.id if guild and guild.system_channel else None)
        if channel_id is None:
            log.warning("no channel to tell admins", extra={"guild": guild_id})
            return
        try:
            await self.bot.get_partial_messageable(channel_id, guild_id=guild_id).send(text, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            log.warning("could not tell admins", extra={"guild": guild_id, "status": exc.status})


async def setup(bot: JobBot) -> None:
    await bot.add_cog(Subscriptions(bot))
