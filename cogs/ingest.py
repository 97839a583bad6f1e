"""Reading postings from chat: watched channels, edits, deletes, and the "Save job posting" menu.

Ordinary chat must cost almost nothing: a message outside a watched channel, from a bot, or
short and without a job-board link or posting file is dropped before any await or parse.
Edits and deletes use the raw events so messages outside the cache are handled too.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from bot.services.ingest import (
    IngestResult,
    MessageRef,
    Outcome,
    check_posting_file_size,
    ingest_file,
    ingest_text,
    is_posting_file,
    remove_message,
    worth_reading,
)
from bot.store import PostingSource, StoredPosting
from cogs.attachments import read_attachment
from cogs.render import NO_PINGS, clip, posting_embed, posting_label, say

if TYPE_CHECKING:
    from bot.app import JobBot

log = logging.getLogger(__name__)

ACK_EMOJI = "✅"
CATCH_UP_MESSAGES = 100  # per watched channel, read when a guild becomes available


def jump_url(stored: StoredPosting) -> str | None:
    """Where a posting can be read: its message for chat postings, its page for board postings."""
    if stored.message_id is not None and stored.channel_id is not None:
        return f"https://discord.com/channels/{stored.guild_id}/{stored.channel_id}/{stored.message_id}"
    return stored.url


def _already_acknowledged(message: discord.Message) -> bool:
    return any(reaction.me and str(reaction.emoji) == ACK_EMOJI for reaction in message.reactions)


def _home_channel_id(channel: Any) -> int:
    """A thread counts as its parent channel for watching."""
    parent_id = getattr(channel, "parent_id", None)
    return int(parent_id) if isinstance(channel, discord.Thread) and parent_id else int(channel.id)


class Ingest(commands.Cog):
    def __init__(self, bot: JobBot) -> None:
        self.bot = bot
        self._watched: dict[int, frozenset[int]] = {}  # guild id → watched channel ids (cache)
        self._catch_ups: set[asyncio.Task[None]] = set()
        self.save_menu = app_commands.guild_only(
            app_commands.ContextMenu(name="Save job posting", callback=self.save_job_posting)
        )

    async def cog_load(self) -> None:
        self.bot.tree.add_command(self.save_menu)

    async def cog_unload(self) -> None:
        self.bot.tree.remove_command(self.save_menu.name, type=self.save_menu.type)
        for task in self._catch_ups:
            task.cancel()

    # -- watched channels (cached: every chat message asks) -----------------------------------------

    async def _is_watched(self, guild_id: int, channel_id: int) -> bool:
        channels = self._watched.get(guild_id)
        if channels is None:
            channels = frozenset(await self.bot.store.guilds.watched_channels(guild_id))
            self._watched[guild_id] = channels
        return channel_id in channels

    @commands.Cog.listener()
    async def on_guild_available(self, guild: discord.Guild) -> None:
        self._watched[guild.id] = frozenset(await self.bot.store.guilds.watched_channels(guild.id))
        task = asyncio.create_task(self._catch_up(guild, self._watched[guild.id]))
        self._catch_ups.add(task)
        task.add_done_callback(self._catch_ups.discard)

    async def _catch_up(self, guild: discord.Guild, channel_ids: frozenset[int]) -> None:
        """Read what was shared while the bot was away: the latest messages of each watched channel.

        Messages already stored update their posting (no second posting, no second announcement).
        """
        for channel_id in sorted(channel_ids):
            channel = guild.get_channel(channel_id)
            if not isinstance(channel, discord.TextChannel):
                continue
            try:
                recent = [m async for m in channel.history(limit=CATCH_UP_MESSAGES)]
            except discord.HTTPException as exc:
                log.warning("catch-up skipped a channel", extra={"channel": channel_id, "status": exc.status})
                continue
            for message in reversed(recent):
                await self._catch_up_message(message)

    async def _catch_up_message(self, message: discord.Message) -> None:
        """A message stored before and not edited since is only marked (if a crash came first).

        Parsing it again, or fetching its job link again, on every restart would cost a
        catch-up as much as the first reading.
        """
        if message.guild is None:
            return
        known = await self.bot.store.postings.get_by_message(message.guild.id, message.id)
        if known is None or (message.edited_at is not None and message.edited_at > known.updated_at):
            await self._read_chat(message, catching_up=True)
        elif not _already_acknowledged(message):
            await self._acknowledge(message, known, reaction_only=True)

    @commands.Cog.listener()
    async def on_jobbot_watch_changed(self, guild_id: int) -> None:
        self._watched.pop(guild_id, None)

    # -- gateway events -------------------------------------------------------------------------

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        await self._read_chat(message, catching_up=False)

    async def _read_chat(self, message: discord.Message, *, catching_up: bool) -> None:
        if message.guild is None or message.author.bot or message.webhook_id is not None:
            return
        channels = self._watched.get(message.guild.id)
        home = _home_channel_id(message.channel)
        if channels is not None and home not in channels:
            return  # the common case: chat outside watched channels, no await at all
        files = [a for a in message.attachments if is_posting_file(a.filename, a.content_type)]
        if not files and not worth_reading(message.content):
            return
        if not await self._is_watched(message.guild.id, home):
            return
        try:
            result = await self._ingest(message, files, force=False, source="chat")
        except UserFacingError as exc:
            if not catching_up:  # a catch-up after every restart must not repeat the same answer
                await self._reply(message, str(exc))
            return
        if result.stored is not None and not _already_acknowledged(message):
            # Also a message seen again (a catch-up after a restart) that was stored but not yet marked.
            await self._acknowledge(message, result.stored, reaction_only=result.outcome is not Outcome.CREATED)
        self._announce(result)

    @commands.Cog.listener()
    async def on_raw_message_edit(self, payload: discord.RawMessageUpdateEvent) -> None:
        if payload.guild_id is None or "content" not in payload.data:
            return  # not in a guild, or only an embed unfurled
        message = payload.message
        if message.author.bot or any(is_posting_file(a.filename, a.content_type) for a in message.attachments):
            return  # a posting file cannot be changed by an edit: only its caption was
        store = self.bot.store
        known = await store.postings.get_by_message(payload.guild_id, payload.message_id)
        if known is None and not await self._is_watched(payload.guild_id, _home_channel_id(message.channel)):
            return
        where = MessageRef(payload.guild_id, payload.channel_id, payload.message_id, message.author.id)
        try:
            result = await ingest_text(
                store, where, message.content, settings=self.bot.settings, force=known is not None
            )
        except UserFacingError as exc:  # e.g. an edited-in link that cannot be read: keep the posting as it was
            log.info("edit not ingested", extra={"message_id": payload.message_id, "reason": str(exc)})
            return
        if result.outcome is Outcome.CREATED and result.stored is not None:
            await self._acknowledge(message, result.stored)
        self._announce(result)

    @commands.Cog.listener()
    async def on_raw_message_delete(self, payload: discord.RawMessageDeleteEvent) -> None:
        if payload.guild_id is not None and await remove_message(self.bot.store, payload.guild_id, payload.message_id):
            self.bot.dispatch("jobbot_postings_changed", payload.guild_id)

    @commands.Cog.listener()
    async def on_raw_bulk_message_delete(self, payload: discord.RawBulkMessageDeleteEvent) -> None:
        if payload.guild_id is None:
            return
        removed = [await remove_message(self.bot.store, payload.guild_id, m) for m in sorted(payload.message_ids)]
        if any(removed):
            self.bot.dispatch("jobbot_postings_changed", payload.guild_id)

    # -- the context menu (works without the message-content intent) ------------------------------

    async def save_job_posting(self, interaction: discord.Interaction[Any], message: discord.Message) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        files = [a for a in message.attachments if is_posting_file(a.filename, a.content_type)]
        if not files and not message.content.strip():
            raise UserFacingError("That message has no text or posting file I can read.")
        result = await self._ingest(message, files, force=True, source="command", guild_id=interaction.guild_id)
        stored = result.stored
        if stored is None:
            raise UserFacingError("I could not read a job posting in that message.")
        label = clip(posting_label(stored.posting()), 150)
        if result.outcome is Outcome.CREATED:
            text = f"Saved as posting #{stored.id}: {label}. Try /jobkeywords posting:#{stored.id}."
            await self._acknowledge(message, stored)
        elif result.outcome is Outcome.UPDATED:
            text = f"Updated posting #{stored.id}: {label}."
        else:
            text = f"This posting is already saved as #{stored.id}: {label}."
        self._announce(result)
        await say(interaction, text)

    # -- helpers --------------------------------------------------------------------------------

    async def _ingest(
        self,
        message: discord.Message,
        files: list[discord.Attachment],
        *,
        force: bool,
        source: PostingSource,
        guild_id: int | None = None,
    ) -> IngestResult:
        gid = guild_id if guild_id is not None else message.guild.id if message.guild else None
        if gid is None:
            raise UserFacingError("Postings are saved per server; use this in a server.")
        where = MessageRef(gid, message.channel.id, message.id, message.author.id)
        settings = self.bot.settings
        if files:
            attachment = files[0]
            data = await read_attachment(
                attachment, lambda size: check_posting_file_size(attachment.filename, size, settings)
            )
            return await ingest_file(
                self.bot.store,
                where,
                data,
                attachment.filename,
                attachment.content_type,
                settings,
                message_text=message.content,
                source=source,
            )
        return await ingest_text(self.bot.store, where, message.content, settings=settings, force=force, source=source)

    def _announce(self, result: IngestResult) -> None:
        """Tell the other cogs (subscriptions, autocomplete caches) what changed."""
        if result.stored is None:
            return
        self.bot.dispatch("jobbot_postings_changed", result.stored.guild_id)
        if result.outcome is Outcome.CREATED:
            self.bot.dispatch("jobbot_posting_created", result.stored)

    async def _acknowledge(
        self, message: discord.Message, stored: StoredPosting, *, reaction_only: bool = False
    ) -> None:
        """✅ on the posting message, or a short summary in a thread, as the guild chose.

        A thread is opened once, for a new posting; a posting seen again only gets the reaction,
        and so does one where the bot may not open threads (the member still sees it was read).
        """
        try:
            settings = await self.bot.store.guilds.settings(stored.guild_id)
            summarise = settings.ack_style == "thread" and not reaction_only
            if summarise and isinstance(message.channel, discord.TextChannel):
                try:
                    await self._summarise_in_thread(message, stored)
                    return
                except discord.Forbidden:
                    log.warning("no thread allowed: reacting instead", extra={"posting": stored.id})
            await message.add_reaction(ACK_EMOJI)
        except discord.HTTPException as exc:
            log.warning("could not acknowledge a posting", extra={"posting": stored.id, "status": exc.status})

    async def _summarise_in_thread(self, message: discord.Message, stored: StoredPosting) -> None:
        posting = stored.posting()
        thread = await message.create_thread(name=clip(posting_label(posting), 100))
        embed = posting_embed(posting, posting_id=stored.id, link=jump_url(stored))
        await thread.send(embed=embed, allowed_mentions=NO_PINGS)

    async def _reply(self, message: discord.Message, text: str) -> None:
        try:
            await message.reply(text, mention_author=False, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            log.warning("could not reply", extra={"status": exc.status})


async def setup(bot: JobBot) -> None:
    await bot.add_cog(Ingest(bot))
