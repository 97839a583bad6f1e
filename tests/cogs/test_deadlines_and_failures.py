"""Every command answers before any slow work; failures (also in buttons) are one private sentence."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import aiohttp
import discord
import pytest
from discord import app_commands

from bot.errors import UserFacingError
from bot.postings.parse import parse_posting
from bot.store import Store
from cogs.admin import Admin
from cogs.errors import PRIVATE_INPUT, AnsweringView, ErrorHandler, traceback_without_messages
from cogs.ingest import Ingest
from cogs.keywords import Keywords, Pager
from cogs.score import Score
from cogs.subscriptions import Subscriptions
from tests.cogs.conftest import ADMIN_ID, CHANNEL_ID, EXAMPLES, GUILD_ID, InteractionFactory, StandInBot
from tests.cogs.helpers import answer, attachment, chat_message

RESUME = (EXAMPLES / "resume-sam-lee.md").read_bytes()
BACKEND = (EXAMPLES / "posting-backend-engineer.md").read_text(encoding="utf-8")


class AnsweredFirstStore:
    """The real store, refusing to be touched before the interaction has its first response."""

    def __init__(self, store: Store, interaction: MagicMock) -> None:
        self._store = store
        self._interaction = interaction

    def __getattr__(self, name: str) -> Any:
        assert self._interaction.response.is_done(), f"store.{name} was used before the first response"
        return getattr(self._store, name)


def channel(channel_id: int = CHANNEL_ID) -> MagicMock:
    mock = MagicMock(spec=discord.TextChannel)
    mock.id = channel_id
    mock.mention = f"<#{channel_id}>"
    return mock


Run = Callable[[Any, MagicMock], Awaitable[None]]
COMMANDS: dict[str, tuple[type[Any], Run]] = {
    "jobbot watch": (Admin, lambda cog, i: cog.watch.callback(cog, i, channel())),
    "jobbot unwatch": (Admin, lambda cog, i: cog.unwatch.callback(cog, i, channel())),
    "jobbot status": (Admin, lambda cog, i: cog.status.callback(cog, i)),
    "jobbot settings": (Admin, lambda cog, i: cog.settings.callback(cog, i, "thread", None)),
    "subscribe": (
        Subscriptions,
        lambda cog, i: cog.subscribe.callback(cog, i, channel(), None, None, None, None, None),
    ),
    "unsubscribe": (Subscriptions, lambda cog, i: cog.unsubscribe.callback(cog, i, 1)),
    "subscriptions": (Subscriptions, lambda cog, i: cog.subscriptions.callback(cog, i)),
    "jobkeywords": (Keywords, lambda cog, i: cog.jobkeywords.callback(cog, i, None)),
    "score": (Score, lambda cog, i: cog.score.callback(cog, i, attachment(RESUME), None)),
    "match": (Score, lambda cog, i: cog.match.callback(cog, i, attachment(RESUME))),
    "Save job posting": (
        Ingest,
        lambda cog, i: cog.save_job_posting(i, chat_message(BACKEND, guild_id=GUILD_ID, channel_id=CHANNEL_ID)),
    ),
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
async def test_every_command_defers_privately_before_any_store_work(
    bot: StandInBot, interaction: InteractionFactory, command: str
) -> None:
    cog_class, run = COMMANDS[command]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    bot.store = AnsweredFirstStore(bot.store, inter)  # type: ignore[assignment]
    cog = cog_class(bot)
    with contextlib.suppress(UserFacingError):  # an empty guild is a fine answer here
        await run(cog, inter)
    inter.response.defer.assert_awaited_once_with(ephemeral=True, thinking=True)


async def test_a_download_that_drops_is_one_sentence(bot: StandInBot, interaction: InteractionFactory) -> None:
    await bot.store.postings.save_posting(GUILD_ID, parse_posting(BACKEND), source="chat")
    cog = Score(bot)  # type: ignore[arg-type]
    resume = attachment(RESUME, "resume.md")
    resume.read = AsyncMock(side_effect=aiohttp.ServerDisconnectedError())
    with pytest.raises(UserFacingError, match=r"^I could not download resume\.md; please share it again\.$"):
        await cog.score.callback(cog, interaction(), resume, None)


async def test_match_has_a_per_member_cooldown_with_a_clear_wait(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    cog = Score(bot)  # type: ignore[arg-type]
    member = interaction(user_id=5)
    with pytest.raises(app_commands.CommandOnCooldown) as slowed:
        for _ in range(10):
            await cog.match._check_can_run(member)
    handler = ErrorHandler(bot)  # type: ignore[arg-type]
    await handler.on_app_command_error(member, slowed.value)
    text = answer(member)["content"]
    assert text.startswith("Slow down: you can use this command again in ") and text.endswith(" s.")
    assert answer(member)["ephemeral"]


async def test_the_error_handler_answers_when_discord_refuses_the_answer_too(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    handler = ErrorHandler(bot)  # type: ignore[arg-type]
    expired = interaction()
    expired.response.send_message = AsyncMock(
        side_effect=discord.NotFound(MagicMock(status=404, reason="gone"), "Unknown interaction")
    )
    await handler.on_app_command_error(expired, app_commands.MissingPermissions(["manage_guild"]))  # no raise
    dropped = interaction()
    dropped.response.send_message = AsyncMock(side_effect=aiohttp.ServerDisconnectedError())
    await handler.on_app_command_error(dropped, app_commands.MissingPermissions(["manage_guild"]))  # no raise
    expired.response.send_message.assert_awaited_once()
    assert "Manage Server" in expired.response.send_message.await_args.kwargs["content"]


def parser_failure(secret: str, command: Any = None) -> app_commands.CommandInvokeError:
    try:
        try:
            raise KeyError(secret)
        except KeyError as inner:
            raise ValueError(f"could not read line {secret!r}") from inner
    except ValueError as outer:
        return app_commands.CommandInvokeError(command or MagicMock(), outer)


async def test_a_failure_reading_a_resume_never_logs_its_text(
    bot: StandInBot, interaction: InteractionFactory, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "Jane Roe, 12 Hidden Lane, jane@example.com"
    inter = interaction()
    inter.command = Score(bot).score  # type: ignore[arg-type]
    assert inter.command.extras[PRIVATE_INPUT]
    await inter.response.defer(ephemeral=True, thinking=True)
    with caplog.at_level(logging.DEBUG):
        await ErrorHandler(bot).on_app_command_error(inter, parser_failure(secret, inter.command))  # type: ignore[arg-type]
    (record,) = [r for r in caplog.records if r.getMessage() == "command failed"]
    logged = str(record.__dict__)
    assert "Jane" not in logged and "Hidden Lane" not in logged and record.exc_info is None
    assert "ValueError" in record.trace and "KeyError" in record.trace and "test_deadlines" in record.trace
    assert answer(inter)["content"] == "Something went wrong on my side; the error was logged."


def test_a_traceback_without_messages_keeps_where_it_failed() -> None:
    trace = traceback_without_messages(parser_failure("Jane Roe").original)
    assert "Jane" not in trace and "parser_failure" in trace
    assert trace.index("builtins.ValueError") < trace.index("builtins.KeyError")


async def test_a_failing_button_answers_in_one_sentence(interaction: InteractionFactory) -> None:
    pager = Pager([discord.Embed(title="1"), discord.Embed(title="2")], owner_id=5)
    assert isinstance(pager, AnsweringView)
    pressed = interaction(user_id=5)
    pressed.data = {"component_type": 2, "custom_id": pager.next.custom_id}
    pressed.response.edit_message = AsyncMock(side_effect=RuntimeError("boom"))
    await pager._scheduled_task(pager.next, pressed)  # how discord.py runs a pressed button
    sent = answer(pressed)
    assert sent["content"] == "Something went wrong on my side; the error was logged."
    assert sent["ephemeral"] and sent["allowed_mentions"].to_dict() == {"parse": []}

    refused = interaction(user_id=5)
    await pager.on_error(refused, UserFacingError("That page is gone."), pager.next)
    assert answer(refused)["content"] == "That page is gone."


async def test_autocomplete_never_raises_when_the_store_fails(bot: StandInBot, interaction: InteractionFactory) -> None:
    broken = MagicMock()
    broken.postings.titles = AsyncMock(side_effect=RuntimeError("database is locked"))
    broken.subscriptions.for_guild = AsyncMock(side_effect=RuntimeError("database is locked"))
    bot.store = broken
    keywords, subscriptions = Keywords(bot), Subscriptions(bot)  # type: ignore[arg-type]
    assert await keywords.posting_autocomplete(interaction(), "backend") == []
    assert await subscriptions.subscription_autocomplete(interaction(), "") == []
    assert await keywords.posting_autocomplete(interaction(guild_id=None), "x" * 5000) == []


async def test_autocomplete_gives_up_on_a_busy_store_within_discords_deadline(
    bot: StandInBot, interaction: InteractionFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cogs.choices.QUERY_BUDGET_SECONDS", 0.05)
    monkeypatch.setattr("cogs.subscriptions.QUERY_BUDGET_SECONDS", 0.05)
    never = asyncio.Event()

    async def stuck(*args: object) -> list[object]:
        await never.wait()
        return []

    busy = MagicMock()
    busy.postings.titles = stuck
    busy.subscriptions.for_guild = stuck
    bot.store = busy
    keywords, subscriptions = Keywords(bot), Subscriptions(bot)  # type: ignore[arg-type]
    async with asyncio.timeout(2):
        assert await keywords.posting_autocomplete(interaction(), "backend") == []
        assert await subscriptions.subscription_autocomplete(interaction(), "") == []
