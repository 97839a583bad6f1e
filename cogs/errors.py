"""The one application-command error handler: one sentence to the user, the rest to the log.

Installed as `tree.on_error` so every slash command and context menu shares it; a traceback
never reaches Discord. It answers with the first response when the interaction has none yet and
with an ephemeral follow-up otherwise (an interaction can be answered only once).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from cogs.render import say

if TYPE_CHECKING:
    from bot.app import JobBot

log = logging.getLogger(__name__)

PERMISSION_NAMES = {
    "manage_guild": "Manage Server",
    "manage_channels": "Manage Channels",
    "send_messages": "Send Messages",
    "embed_links": "Embed Links",
    "add_reactions": "Add Reactions",
    "create_public_threads": "Create Public Threads",
    "send_messages_in_threads": "Send Messages in Threads",
    "read_message_history": "Read Message History",
    "view_channel": "View Channel",
}


def _permission_list(names: list[str]) -> str:
    return ", ".join(PERMISSION_NAMES.get(name, name.replace("_", " ").title()) for name in names)


def describe_error(error: app_commands.AppCommandError) -> str:
    """The sentence a user sees for an error raised while running a command."""
    if isinstance(error, app_commands.CommandInvokeError) and isinstance(error.original, UserFacingError):
        return str(error.original)
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need the {_permission_list(error.missing_permissions)} permission to use this command."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I need the {_permission_list(error.missing_permissions)} permission here to do that."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: you can use this command again in {error.retry_after:.0f} s."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not understand the value {str(error.value)[:100]!r}."
    if isinstance(error, app_commands.CheckFailure):
        return "You are not allowed to use this command here."
    if isinstance(error, app_commands.CommandNotFound):
        return "This command is not available any more; it may have been renamed."
    return "Something went wrong on my side; the error was logged."


class ErrorHandler(commands.Cog):
    def __init__(self, bot: JobBot) -> None:
        self.bot = bot
        self._previous: Any = bot.tree.on_error

    async def cog_load(self) -> None:
        self.bot.tree.on_error = self.on_app_command_error  # type: ignore[method-assign]

    async def cog_unload(self) -> None:
        self.bot.tree.on_error = self._previous  # type: ignore[method-assign]

    async def on_app_command_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        sentence = describe_error(error)
        command = interaction.command.qualified_name if interaction.command else None
        expected = not isinstance(error, app_commands.CommandInvokeError) or isinstance(error.original, UserFacingError)
        if expected:
            log.info("command refused", extra={"command": command, "reason": type(error).__name__})
        else:
            original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
            log.error("command failed", extra={"command": command}, exc_info=original)
        try:
            await say(interaction, sentence)
        except discord.HTTPException as exc:
            log.warning("could not tell the user about an error", extra={"status": exc.status})


async def setup(bot: JobBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
