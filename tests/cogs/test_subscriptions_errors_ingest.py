"""Subscriptions and their delivery, the one error handler, and the "Save job posting" menu."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

import discord
import pytest
from discord import app_commands

from bot.errors import UserFacingError
from bot.postings.parse import parse_posting
from cogs.errors import ErrorHandler, describe_error
from cogs.ingest import Ingest
from cogs.subscriptions import Subscriptions
from tests.cogs.conftest import ADMIN_ID, CHANNEL_ID, EXAMPLES, GUILD_ID, InteractionFactory, StandInBot
from tests.cogs.helpers import answer, chat_message

BACKEND = (EXAMPLES / "posting-backend-engineer.md").read_text(encoding="utf-8")
NURSE = (EXAMPLES / "posting-icu-nurse.txt").read_text(encoding="utf-8")
FEED = 333
ADMINS = 444


def text_channel(channel_id: int) -> MagicMock:
    channel = MagicMock(spec=discord.TextChannel)
    channel.id = channel_id
    channel.mention = f"<#{channel_id}>"
    return channel


def http_error(kind: type[discord.HTTPException], status: int) -> discord.HTTPException:
    return kind(MagicMock(status=status, reason="refused"), {"message": "refused", "code": 50001})


async def subscribe(cog: Subscriptions, inter: MagicMock, **filters: object) -> None:
    options = {"keywords": None, "location": None, "remote": None, "seniority": None, "company": None, **filters}
    await cog.subscribe.callback(cog, inter, text_channel(FEED), **options)


async def test_subscribe_list_and_unsubscribe(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    await subscribe(cog, inter, keywords="python, django", remote=True)
    assert "keywords python, django; remote only" in answer(inter)["content"]

    listing = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.subscriptions.callback(cog, listing)
    assert f"<#{FEED}>" in answer(listing)["embed"].description

    (subscription,) = await bot.store.subscriptions.for_guild(GUILD_ID)
    gone = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.unsubscribe.callback(cog, gone, subscription.id)
    assert "stopped" in answer(gone)["content"]
    unknown = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.unsubscribe.callback(cog, unknown, subscription.id)
    assert "no subscription" in answer(unknown)["content"]


async def test_subscriptions_of_an_empty_guild(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    inter = interaction(user_id=ADMIN_ID, manage_guild=True)
    await cog.subscriptions.callback(cog, inter)
    assert "no subscriptions yet" in answer(inter)["content"]


async def test_a_hostile_filter_is_refused_in_one_sentence(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError, match="longer than"):
        await subscribe(cog, interaction(user_id=ADMIN_ID, manage_guild=True), location="x" * 5000)


@pytest.mark.parametrize("command", ["subscribe", "unsubscribe", "subscriptions"])
async def test_subscription_commands_need_manage_server(
    bot: StandInBot, interaction: InteractionFactory, command: str
) -> None:
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    with pytest.raises(app_commands.MissingPermissions):
        await getattr(cog, command)._check_can_run(interaction())


async def test_a_new_posting_is_delivered_once_without_pings(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    await subscribe(cog, interaction(user_id=ADMIN_ID, manage_guild=True), keywords="python")
    stored, _ = await bot.store.postings.save_posting(GUILD_ID, parse_posting(BACKEND), source="chat")
    nurse, _ = await bot.store.postings.save_posting(GUILD_ID, parse_posting(NURSE), source="chat")
    for posting in (stored, stored, nurse):
        await cog.on_jobbot_posting_created(posting)
    send = bot.channels[FEED].send
    send.assert_awaited_once()
    assert send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert "Northwind" in send.await_args.kwargs["embed"].title


@pytest.mark.parametrize("error", [discord.Forbidden, discord.NotFound])
async def test_a_refused_channel_disables_the_subscription_and_admins_hear_once(
    bot: StandInBot, interaction: InteractionFactory, error: type[discord.HTTPException]
) -> None:
    await bot.store.guilds.set_admin_channel(GUILD_ID, ADMINS)
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    await subscribe(cog, interaction(user_id=ADMIN_ID, manage_guild=True))
    bot.get_partial_messageable(FEED).send = AsyncMock(side_effect=http_error(error, 403))
    first, _ = await bot.store.postings.save_posting(GUILD_ID, parse_posting(BACKEND), source="chat")
    second, _ = await bot.store.postings.save_posting(GUILD_ID, parse_posting(NURSE), source="chat")
    await cog.on_jobbot_posting_created(first)
    await cog.on_jobbot_posting_created(second)
    (subscription,) = await bot.store.subscriptions.for_guild(GUILD_ID)
    assert not subscription.enabled
    notice = bot.channels[ADMINS].send
    notice.assert_awaited_once()
    assert "I stopped subscription" in notice.await_args.args[0]
    assert notice.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}


async def test_a_passing_failure_gives_the_delivery_back(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Subscriptions(bot)  # type: ignore[arg-type]
    await subscribe(cog, interaction(user_id=ADMIN_ID, manage_guild=True))
    bot.get_partial_messageable(FEED).send = AsyncMock(side_effect=http_error(discord.HTTPException, 500))
    stored, _ = await bot.store.postings.save_posting(GUILD_ID, parse_posting(BACKEND), source="chat")
    await cog.on_jobbot_posting_created(stored)
    (subscription,) = await bot.store.subscriptions.for_guild(GUILD_ID)
    assert subscription.enabled
    assert await bot.store.deliveries.get(subscription.id, stored.id) is None


# -- the error handler ---------------------------------------------------------------------------


async def test_the_error_handler_answers_first_then_follows_up(
    bot: StandInBot, interaction: InteractionFactory
) -> None:
    handler = ErrorHandler(bot)  # type: ignore[arg-type]
    fresh = interaction()
    await handler.on_app_command_error(fresh, app_commands.MissingPermissions(["manage_guild"]))
    sent = answer(fresh)
    assert sent["ephemeral"] and "Manage Server" in sent["content"]
    fresh.response.send_message.assert_awaited_once()

    deferred = interaction()
    await deferred.response.defer(ephemeral=True, thinking=True)
    failure = app_commands.CommandInvokeError(MagicMock(), UserFacingError("That file is not a resume."))
    await handler.on_app_command_error(deferred, failure)
    deferred.followup.send.assert_awaited_once()
    assert answer(deferred)["content"] == "That file is not a resume."


def test_unexpected_errors_become_one_sentence_without_internals() -> None:
    failure = app_commands.CommandInvokeError(MagicMock(), KeyError("/srv/jobbot/secret path"))
    sentence = describe_error(failure)
    assert sentence == "Something went wrong on my side; the error was logged."
    cooldown = app_commands.CommandOnCooldown(app_commands.Cooldown(1, 60), 42.3)
    assert "43 s" in describe_error(cooldown)  # rounded up: never "try again in 0 s"
    mismatch = app_commands.CommandSignatureMismatch(MagicMock())
    assert describe_error(mismatch) == "This command was just updated; please try it again in a minute."


# -- ingestion -------------------------------------------------------------------------------------


def message(content: str, *, bot_author: bool = False, channel_id: int = CHANNEL_ID) -> MagicMock:
    return chat_message(content, guild_id=GUILD_ID, channel_id=channel_id, bot_author=bot_author)


async def test_save_job_posting_on_an_empty_message(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Ingest(bot)  # type: ignore[arg-type]
    with pytest.raises(UserFacingError, match="no text or posting file"):
        await cog.save_job_posting(interaction(), message("   "))


async def test_save_job_posting_saves_and_then_recognises_it(bot: StandInBot, interaction: InteractionFactory) -> None:
    cog = Ingest(bot)  # type: ignore[arg-type]
    first = interaction()
    shared = message(BACKEND)
    await cog.save_job_posting(first, shared)
    assert answer(first)["content"].startswith("Saved as posting #")
    shared.add_reaction.assert_awaited_once_with("✅")
    again = interaction()
    await cog.save_job_posting(again, shared)
    assert answer(again)["content"].startswith("Updated posting #")
    assert [e for e, _ in bot.dispatched].count("jobbot_posting_created") == 1


async def test_chat_costs_no_store_query(bot: StandInBot) -> None:
    await bot.store.guilds.watch(GUILD_ID, CHANNEL_ID)
    cog = Ingest(bot)  # type: ignore[arg-type]
    cog._watched[GUILD_ID] = frozenset({CHANNEL_ID})
    for chat in (message("lol"), message(BACKEND, bot_author=True), message(BACKEND, channel_id=999)):
        await cog.on_message(chat)
        chat.add_reaction.assert_not_awaited()
    posting = message(BACKEND)
    await cog.on_message(posting)
    posting.add_reaction.assert_awaited_once_with("✅")
