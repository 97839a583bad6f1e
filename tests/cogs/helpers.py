"""Helpers for the cog tests: what an interaction was answered with, mock attachments."""

from __future__ import annotations

from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord


def answer(mock: MagicMock) -> dict[str, Any]:
    """The keyword arguments of the one message the interaction was answered with."""
    sent = [*mock.response.send_message.await_args_list, *mock.followup.send.await_args_list]
    assert len(sent) == 1, f"expected one answer, got {len(sent)}"
    return dict(sent[0].kwargs)


def attachment(data: bytes, filename: str = "resume.md", *, size: int | None = None) -> MagicMock:
    mock = MagicMock(spec=discord.Attachment)
    mock.filename = filename
    mock.size = len(data) if size is None else size
    mock.content_type = None
    mock.read = AsyncMock(return_value=data)
    return mock


def chat_message(
    content: str,
    *,
    guild_id: int,
    channel_id: int,
    bot_author: bool = False,
    attachments: list[MagicMock] | None = None,
) -> MagicMock:
    """A guild text message as discord.py hands it to a listener or a context menu."""
    mock = MagicMock(spec=discord.Message)
    mock.content = content
    mock.id = 777
    mock.guild = MagicMock(id=guild_id)
    mock.channel = MagicMock(spec=discord.TextChannel)
    mock.channel.id = channel_id
    mock.author = MagicMock(id=5, bot=bot_author)
    mock.webhook_id = None
    mock.attachments = attachments or []
    mock.reactions = []
    mock.edited_at = None
    mock.add_reaction = AsyncMock()
    mock.reply = AsyncMock()
    return mock
