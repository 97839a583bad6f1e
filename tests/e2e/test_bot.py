"""A real JobBot against the fake Discord: what members and admins see, end to end."""

from __future__ import annotations

import asyncio

import pytest

from tests.e2e.conftest import BotFactory
from tests.e2e.fake_discord import (
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    JOBS_CHANNEL_ID,
    MEMBER_ID,
    FakeDiscord,
)
from tests.e2e.helpers import (
    ANALYST_POSTING,
    BACKEND_POSTING,
    channel_option,
    eventually,
    resolved_channel,
    subcommand,
    watch,
)

pytestmark = pytest.mark.e2e

REACTION = r"/channels/{channel}/messages/{message}/reactions/[^/]+/@me"


def reaction_path(message: dict[str, str]) -> str:
    return REACTION.format(channel=message["channel_id"], message=message["id"])


async def test_a_posting_in_a_watched_channel_is_saved_edited_and_removed(
    fake: FakeDiscord, start_bot: BotFactory
) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)

    message = await fake.post_message(BACKEND_POSTING)
    await fake.wait_request("PUT", reaction_path(message))
    stored = await bot.store.postings.get_by_message(GUILD_ID, int(message["id"]))
    assert stored is not None and stored.channel_id == JOBS_CHANNEL_ID

    await fake.edit_message(message, ANALYST_POSTING)
    edited = await eventually(
        lambda: bot.store.postings.get_by_message(GUILD_ID, int(message["id"])),
        lambda found: found is not None and found.id == stored.id and found.raw_text == ANALYST_POSTING,
    )
    assert edited.id == stored.id

    await fake.delete_message(message)
    await eventually(lambda: bot.store.postings.get(GUILD_ID, stored.id), lambda found: found is None)


async def test_chat_and_unwatched_channels_are_ignored(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    chat = await fake.post_message("anyone going to the meetup tonight? there will be pizza")
    long_chat = await fake.post_message("I spent the weekend hiking and the weather was great. " * 6)
    elsewhere = await fake.post_message(BACKEND_POSTING, channel_id=GENERAL_CHANNEL_ID)
    # A posting after them is handled, so by then the earlier messages have been looked at.
    marker = await fake.post_message(ANALYST_POSTING)
    await fake.wait_request("PUT", reaction_path(marker))
    await asyncio.sleep(0.2)
    for ignored in (chat, long_chat, elsewhere):
        assert not fake.find("PUT", reaction_path(ignored))
        assert await bot.store.postings.get_by_message(GUILD_ID, int(ignored["id"])) is None


async def test_a_member_cannot_watch_a_channel(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    interaction = await fake.invoke(
        "jobbot",
        subcommand("watch", [channel_option("channel", JOBS_CHANNEL_ID)]),
        user_id=MEMBER_ID,
        resolved=resolved_channel(fake, JOBS_CHANNEL_ID),
    )
    body = (await fake.wait_callback(interaction)).json()
    assert body["data"]["flags"] & 64  # ephemeral
    assert "Manage Server" in body["data"]["content"]
    assert await bot.store.guilds.watched_channels(GUILD_ID) == []


async def test_jobkeywords_answers_with_the_latest_postings_keywords(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    message = await fake.post_message(BACKEND_POSTING)
    await fake.wait_request("PUT", reaction_path(message))

    interaction = await fake.invoke("jobkeywords")
    callback = (await fake.wait_callback(interaction)).json()
    assert callback["type"] == 5  # deferred first
    followup = (await fake.wait_followup(interaction)).json()
    embed = followup["embeds"][0]
    text = str(embed)
    assert "Python" in text and "PostgreSQL" in text
    assert "Northwind" in embed["title"] + embed["description"]
    assert "```" in embed["description"]  # the terms to copy
    assert followup["allowed_mentions"] == {"parse": []}


async def test_jobkeywords_autocomplete_offers_this_guilds_postings(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    for text in (BACKEND_POSTING, ANALYST_POSTING):
        message = await fake.post_message(text)
        await fake.wait_request("PUT", reaction_path(message))
    interaction = await fake.invoke(
        "jobkeywords", [{"type": 3, "name": "posting", "value": "backend", "focused": True}], kind=4
    )
    callback = (await fake.wait_callback(interaction)).json()
    assert callback["type"] == 8
    choices = callback["data"]["choices"]
    assert 1 <= len(choices) <= 25
    assert "Backend" in choices[0]["name"] and all(len(c["name"]) <= 100 for c in choices)


async def test_the_bot_resumes_after_the_gateway_drops(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    await fake.drop_gateway()
    await fake.wait_for(lambda: fake.connected and fake.resumes >= 1, timeout=15)
    message = await fake.post_message(BACKEND_POSTING)
    await fake.wait_request("PUT", reaction_path(message))
    assert await bot.store.postings.get_by_message(GUILD_ID, int(message["id"])) is not None


async def test_postings_shared_while_the_bot_was_away_are_caught_up(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    seen = await fake.post_message(BACKEND_POSTING)
    await fake.wait_request("PUT", reaction_path(seen))
    await bot.close()

    missed = fake.message(ANALYST_POSTING)
    fake.keep(missed)
    bot = await start_bot()
    await fake.wait_request("PUT", reaction_path(missed))
    assert await bot.store.postings.get_by_message(GUILD_ID, int(missed["id"])) is not None
    # The catch-up reads oldest first, so the earlier message was handled before `missed` was marked.
    assert len(fake.find("PUT", reaction_path(seen))) == 1  # already marked: not reacted again


async def test_after_an_invalid_session_the_bot_identifies_again_on_the_configured_gateway(
    fake: FakeDiscord, start_bot: BotFactory
) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    fake.invalidate_next_resume = True
    await fake.drop_gateway()
    await fake.wait_for(lambda: fake.identifies >= 2 and fake.connected, timeout=20)
    message = await fake.post_message(BACKEND_POSTING)
    await fake.wait_request("PUT", reaction_path(message))
    assert await bot.store.postings.get_by_message(GUILD_ID, int(message["id"])) is not None
