"""The one error handler: one sentence to the user, the rest to the log.

Installed as `tree.on_error` so every slash command and context menu shares it, and used by
`AnsweringView` for buttons; a traceback never reaches Discord. It answers with the first
response when the interaction has none yet and with an ephemeral follow-up otherwise (an
interaction can be answered only once).
"""

from __future__ import annotations

import logging
import math
import traceback
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands
from discord.ext import commands

from bot.errors import UserFacingError
from cogs.render import say

if TYPE_CHECKING:
    from bot.app import JobBot

log = logging.getLogger(__name__)

# Set in a command's `extras` when its input is private (a resume): failures are logged without
# exception messages, which could quote it.
PRIVATE_INPUT = "private_input"

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


def permission_phrase(names: list[str]) -> str:
    """ "the Manage Server permission", "the View Channel and Add Reactions permissions"."""
    labels = [PERMISSION_NAMES.get(name, name.replace("_", " ").title()) for name in names]
    if len(labels) == 1:
        return f"the {labels[0]} permission"
    return f"the {', '.join(labels[:-1])} and {labels[-1]} permissions"


def _original(error: BaseException) -> BaseException:
    """What a command raised, out of discord.py's CommandInvokeError wrapper."""
    return error.original if isinstance(error, app_commands.CommandInvokeError) else error


def describe_error(error: BaseException) -> str:
    """The sentence a user sees for an error raised while running a command or pressing a button."""
    original = _original(error)
    if isinstance(original, UserFacingError):
        return str(original)
    if isinstance(error, app_commands.MissingPermissions):
        return f"You need {permission_phrase(error.missing_permissions)} to use this command."
    if isinstance(error, app_commands.BotMissingPermissions):
        return f"I need {permission_phrase(error.missing_permissions)} here to do that."
    if isinstance(error, app_commands.CommandOnCooldown):
        return f"Slow down: you can use this command again in {max(1, math.ceil(error.retry_after))} s."
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command works in a server, not in direct messages."
    if isinstance(error, app_commands.TransformerError):
        return f"I could not understand the value {str(error.value)[:100]!r}."
    if isinstance(error, app_commands.CheckFailure):
        return "You are not allowed to use this command here."
    if isinstance(error, app_commands.CommandSignatureMismatch):
        return "This command was just updated; please try it again in a minute."
    if isinstance(error, app_commands.CommandNotFound):
        return "This command is not available any more; it may have been renamed."
    return "Something went wrong on my side; the error was logged."


def traceback_without_messages(error: BaseException) -> str:
    """The frames and exception types of a failure, without any exception's message.

    A parser's exception may quote the file it choked on, and for /score that file is a resume,
    which must never reach the logs; where it failed is enough to find the bug.
    """
    parts: list[str] = []
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        frames = "".join(traceback.format_list(traceback.extract_tb(current.__traceback__)))
        parts.append(f"{frames}{type(current).__module__}.{type(current).__qualname__}")
        current = current.__cause__ or current.__context__
    return "\nwhile handling (newest first):\n".join(parts)


async def report_error(
    interaction: discord.Interaction[Any], error: BaseException, *, where: str | None, private: bool
) -> None:
    """Log a failure (without the user's private input) and tell the user in one ephemeral sentence."""
    original = _original(error)
    expected = isinstance(original, UserFacingError) or (
        isinstance(error, app_commands.AppCommandError) and not isinstance(error, app_commands.CommandInvokeError)
    )
    if expected:
        log.info("command refused", extra={"command": where, "reason": type(original).__name__})
    elif private:
        log.error(
            "command failed",
            extra={"command": where, "error": type(original).__name__, "trace": traceback_without_messages(original)},
        )
    else:
        log.error("command failed", extra={"command": where}, exc_info=original)
    try:
        await say(interaction, describe_error(error))
    except Exception as exc:  # nothing may escape: discord.py would log it with the original error chained
        log.warning("could not tell the user about an error", extra={"error": type(exc).__name__})


class AnsweringView(discord.ui.View):
    """A view whose button and select failures answer the member like command failures do.

    discord.py's default only logs them, leaving the member with "This interaction failed".
    """

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any]
    ) -> None:
        await report_error(interaction, error, where=f"{type(self).__name__} {type(item).__name__}", private=False)


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
        command = interaction.command
        private = bool(command is not None and command.extras.get(PRIVATE_INPUT))
        where = command.qualified_name if command is not None else None
        await report_error(interaction, error, where=where, private=private)


async def setup(bot: JobBot) -> None:
    await bot.add_cog(ErrorHandler(bot))
