"""Fixtures that start the fake Discord and a real JobBot connected to it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.app import JobBot
from bot.config import Settings
from tests.e2e.fake_discord import FakeDiscord

pytestmark = pytest.mark.e2e

BotFactory = Callable[..., Awaitable[JobBot]]


@pytest.fixture
async def fake(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeDiscord]:
    # JobBot points discord.http.Route.BASE at the fake: put Discord's own back afterwards.
    monkeypatch.setattr(discord.http.Route, "BASE", discord.http.Route.BASE)
    server = FakeDiscord()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "jobbot.db"


def make_settings(fake: FakeDiscord, database: Path, **overrides: Any) -> Settings:
    return Settings(
        _env_file=None,  # type: ignore[call-arg]
        discord_token="fake.token.secret",
        discord_api_base=fake.api_base,
        discord_gateway_url=fake.gateway_url,
        database=database,
        **overrides,
    )


@pytest.fixture
async def start_bot(fake: FakeDiscord, database: Path) -> AsyncIterator[BotFactory]:
    """Start (and, at the end, stop) JobBots against the fake; a test may restart one on the same database."""
    running: list[tuple[JobBot, asyncio.Task[None]]] = []

    async def start(**overrides: Any) -> JobBot:
        bot = JobBot(make_settings(fake, database, **overrides), guild_ready_timeout=0.05)
        task = asyncio.create_task(bot.start("fake.token.secret"))
        running.append((bot, task))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            ready.cancel()
            task.result()  # raises what stopped the bot
        if ready not in done:
            ready.cancel()
            raise TimeoutError("the bot did not become ready against the fake Discord")
        return bot

    yield start
    for bot, task in running:
        if not bot.is_closed():
            await asyncio.wait_for(bot.close(), 10)
        with contextlib.suppress(Exception, asyncio.CancelledError):
            await asyncio.wait_for(task, 5)


async def stop_bot(bot: JobBot) -> None:
    await asyncio.wait_for(bot.close(), 10)
