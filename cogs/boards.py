"""`/jobbot follow`, `/jobbot unfollow`, `/jobbot boards`, and the background task that polls boards.

The commands join the admin cog's `/jobbot` group (one group per bot: Discord allows one top-level
name), so they inherit its guild-only and Manage Server defaults; Manage Server is also enforced
here, like every admin command. The callbacks are module functions because discord.py reads a
command's options from the callback's signature and cannot bind them to this cog inside another
cog's group; each bot gets fresh command objects in `cog_load`.

New board jobs go out through the same `jobbot_posting_created` event chat postings use, so the
subscriptions cog delivers them (each exactly once, by its delivery table).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from bot.net.fetch import Fetcher
from bot.services.boards import FAILING_NOTICE_AFTER, BoardService
from bot.store import FollowedBoard, StoredPosting
from cogs.render import EMBED_COLOUR, NO_PINGS, clip, say

if TYPE_CHECKING:
    from bot.app import JobBot

log = logging.getLogger(__name__)

PROVIDER_NAMES = {
    "greenhouse": "Greenhouse",
    "lever": "Lever",
    "lever_eu": "Lever (EU)",
    "ashby": "Ashby",
    "workable": "Workable",
    "smartrecruiters": "SmartRecruiters",
    "recruitee": "Recruitee",
}


def describe_board(followed: FollowedBoard) -> str:
    board = followed.board
    where = f" → <#{followed.channel_id}>" if followed.channel_id else ""
    health = f" (failing: {clip(board.last_error, 80)})" if board.consecutive_failures and board.last_error else ""
    return f"{PROVIDER_NAMES.get(board.provider, board.provider)} **{board.slug}** {board.url or ''}{where}{health}"


def _service(interaction: discord.Interaction[Any]) -> BoardService:
    cog = (
        interaction.client.get_cog(Boards.__cog_name__)
        if isinstance(interaction.client, commands.bot.BotBase)
        else None
    )
    if not isinstance(cog, Boards) or cog.service is None:
        raise UserFacingError("Following job boards is not available right now; try again in a minute.")
    return cog.service


@app_commands.describe(
    url="The company's job board address (Greenhouse, Lever, Ashby, Workable, SmartRecruiters, Recruitee).",
    channel="Where I report problems with this board (new jobs reach channels through /subscribe).",
)
@app_commands.checks.has_permissions(manage_guild=True)
async def follow(interaction: discord.Interaction[Any], url: str, channel: discord.TextChannel | None = None) -> None:
    assert interaction.guild_id is not None
    await interaction.response.defer(ephemeral=True, thinking=True)
    channel_id = channel.id if channel is not None else interaction.channel_id
    result = await _service(interaction).follow(
        interaction.guild_id, url, channel_id=channel_id, user_id=interaction.user.id
    )
    name = f"{PROVIDER_NAMES.get(result.board.provider, result.board.provider)} board {result.board.slug}"
    if result.added:
        jobs = f"{result.jobs} open job{'' if result.jobs == 1 else 's'}"
        text = f"I now follow the {name} ({jobs} saved); new jobs reach matching subscriptions as they appear."
    else:
        text = f"This server already follows the {name}."
    await say(interaction, text)


@app_commands.describe(url="The address of a board this server follows (see /jobbot boards).")
@app_commands.checks.has_permissions(manage_guild=True)
async def unfollow(interaction: discord.Interaction[Any], url: str) -> None:
    assert interaction.guild_id is not None
    board = await _service(interaction).unfollow(interaction.guild_id, url)
    if board is None:
        await say(interaction, "This server does not follow that board; /jobbot boards lists the ones it does.")
        return
    await say(interaction, f"I stopped following {board.slug}; the jobs already saved stay available.")


@app_commands.checks.has_permissions(manage_guild=True)
async def boards(interaction: discord.Interaction[Any]) -> None:
    assert interaction.guild_id is not None
    followed = await _service(interaction).followed(interaction.guild_id)
    if not followed:
        await say(interaction, "This server follows no job boards yet; add one with /jobbot follow.")
        return
    lines = "\n".join(describe_board(f) for f in followed)
    title = f"Followed job boards ({len(followed)})"
    embed = discord.Embed(title=title, description=clip(lines, 4000), colour=EMBED_COLOUR)
    await say(interaction, embed=embed)


_COMMANDS = (
    ("follow", "Follow a company's job board: its new jobs reach matching subscriptions.", follow),
    ("unfollow", "Stop following a company's job board.", unfollow),
    ("boards", "List the job boards this server follows.", boards),
)


class Boards(commands.Cog):
    def __init__(self, bot: JobBot) -> None:
        self.bot = bot
        self.service: BoardService | None = None
        self._fetcher: Fetcher | None = None
        self._stop = asyncio.Event()
        self._poller: asyncio.Task[None] | None = None
        self._commands: list[app_commands.Command[Any, ..., Any]] = [
            app_commands.Command(name=name, description=description, callback=callback)
            for name, description, callback in _COMMANDS
        ]

    def _group(self) -> app_commands.Group:
        group = self.bot.tree.get_command("jobbot")
        if not isinstance(group, app_commands.Group):
            raise RuntimeError("cogs.admin (the /jobbot group) must be loaded before cogs.boards")
        return group

    async def cog_load(self) -> None:
        group = self._group()
        for command in self._commands:
            group.add_command(command)
        if not self.bot.serving:
            return  # `jobbot sync`: commands only, no store to poll
        self._fetcher = Fetcher(self.bot.settings)
        await self._fetcher.__aenter__()
        self.service = BoardService(
            self.bot.store,
            self.bot.settings,
            self._fetcher,
            on_created=self._created,
            on_changed=self._changed,
            on_failing=self._failing,
        )
        self._poller = asyncio.create_task(self.service.run(self._stop), name="jobbot-board-poller")

    async def cog_unload(self) -> None:
        group = self.bot.tree.get_command("jobbot")
        if isinstance(group, app_commands.Group):  # gone already when the bot closes (admin unloads first)
            for command in self._commands:
                group.remove_command(command.name)
        self._stop.set()
        if self._poller is not None:
            self._poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._poller
        if self._fetcher is not None:
            await self._fetcher.close()
        self.service = None

    async def _created(self, stored: StoredPosting) -> None:
        self.bot.dispatch("jobbot_posting_created", stored)

    async def _changed(self, guild_id: int) -> None:
        self.bot.dispatch("jobbot_postings_changed", guild_id)

    async def _failing(self, followed: FollowedBoard, error: str) -> None:
        """Tell the channel the follow was set up in, once, that a board keeps failing."""
        if followed.channel_id is None:
            return
        board = followed.board
        text = (
            f"I could not read the {PROVIDER_NAMES.get(board.provider, board.provider)} board {board.slug} "
            f"the last {FAILING_NOTICE_AFTER} times ({clip(error, 200)}). I keep trying, less often; "
            "/jobbot unfollow stops it."
        )
        channel = self.bot.get_partial_messageable(followed.channel_id, guild_id=followed.guild_id)
        try:
            await channel.send(text, allowed_mentions=NO_PINGS)
        except discord.HTTPException as exc:
            log.warning("could not report a failing board", extra={"board": board.id, "status": exc.status})


async def setup(bot: JobBot) -> None:
    await bot.add_cog(Boards(bot))
