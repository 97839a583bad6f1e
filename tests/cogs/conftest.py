"""Cog tests: the real store on a temporary database, a stand-in bot, and spec'd mock interactions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.config import Settings
from bot.store import Store

GUILD_ID = 111
CHANNEL_ID = 222
ADMIN_ID = 1
MEMBER_ID = 2
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@dataclass
class StandInBot:
    """What the cogs use of JobBot: the store, the settings, dispatch, and sending."""

    store: Store
    settings: Settings
    dispatched: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)
    channels: dict[int, MagicMock] = field(default_factory=dict)
    tree: MagicMock = field(default_factory=MagicMock)

    def dispatch(self, event: str, *args: Any) -> None:
        self.dispatched.append((event, args))

    def get_partial_messageable(self, channel_id: int, *, guild_id: int | None = None) -> MagicMock:
        if channel_id not in self.channels:
            channel = MagicMock()
            channel.send = AsyncMock(return_value=MagicMock(id=9000 + channel_id, channel=MagicMock(id=channel_id)))
            self.channels[channel_id] = channel
        return self.channels[channel_id]

    def get_guild(self, guild_id: int) -> None:
        return None


@pytest.fixture
def bot(store: Store) -> StandInBot:
    return StandInBot(store=store, settings=Settings(_env_file=None))  # type: ignore[call-arg]


InteractionFactory = Callable[..., MagicMock]


@pytest.fixture
def interaction() -> InteractionFactory:
    def make(*, user_id: int = MEMBER_ID, guild_id: int | None = GUILD_ID, manage_guild: bool = False) -> MagicMock:
        mock = MagicMock(spec=discord.Interaction)
        mock.guild_id = guild_id
        mock.guild = MagicMock(id=guild_id) if guild_id is not None else None
        mock.channel_id = CHANNEL_ID
        mock.user = MagicMock(id=user_id)
        mock.permissions = discord.Permissions(manage_guild=manage_guild, send_messages=True)
        mock.command = None
        mock.created_at = discord.utils.utcnow()
        done = {"value": False}

        def finish(*args: Any, **kwargs: Any) -> None:
            done["value"] = True

        mock.response = MagicMock()
        mock.response.is_done = MagicMock(side_effect=lambda: done["value"])
        mock.response.defer = AsyncMock(side_effect=finish)
        mock.response.send_message = AsyncMock(side_effect=finish)
        mock.response.edit_message = AsyncMock(side_effect=finish)
        mock.followup = MagicMock()
        mock.followup.send = AsyncMock()
        return mock

    return make
