"""Slash commands end to end: /score, /match, /subscribe and delivery, sync on start."""

from __future__ import annotations

import asyncio
import time

import pytest

from tests.e2e.conftest import BotFactory
from tests.e2e.fake_discord import (
    ADMIN_ID,
    APP_ID,
    FEED_CHANNEL_ID,
    GENERAL_CHANNEL_ID,
    GUILD_ID,
    JOBS_CHANNEL_ID,
    MEMBER_ID,
    FakeDiscord,
    Recorded,
)
from tests.e2e.helpers import (
    ANALYST_POSTING,
    BACKEND_POSTING,
    NURSE_POSTING,
    RESUME,
    answer_of,
    attachment_option,
    channel_option,
    eventually,
    resolved_channel,
    watch,
)

pytestmark = pytest.mark.e2e

EPHEMERAL = 64


async def share(fake: FakeDiscord, text: str) -> dict[str, str]:
    message = await fake.post_message(text)
    path = f"/channels/{message['channel_id']}/messages/{message['id']}/reactions/[^/]+/@me"
    await fake.wait_request("PUT", path)
    return message


async def run_with_resume(fake: FakeDiscord, command: str, filename: str, data: bytes, **kwargs: object) -> dict:
    attachment = fake.attachment(filename, data, "text/markdown", **kwargs)  # type: ignore[arg-type]
    option, resolved = attachment_option("resume", attachment)
    started = time.monotonic()
    interaction = await fake.invoke(command, [option], resolved=resolved)
    first = await fake.wait_callback(interaction)
    assert first.at - started < 3.0  # Discord's deadline for the first response
    callback = first.json()
    assert callback["type"] == 5 and callback["data"]["flags"] & EPHEMERAL  # deferred privately, at once
    return (await fake.wait_followup(interaction)).json()


async def test_score_defers_then_answers_privately(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    await share(fake, BACKEND_POSTING)
    answer = await run_with_resume(fake, "score", "resume.md", RESUME)
    embed = answer["embeds"][0]
    assert embed["title"].startswith("Match score: ")
    score = int(embed["title"].split(": ")[1].split("/")[0])
    assert 0 <= score <= 100
    names = [f["name"] for f in embed["fields"]]
    assert "Breakdown" in names and any(n.startswith("Matched") for n in names)
    assert answer["allowed_mentions"] == {"parse": []}


async def test_match_ranks_the_guilds_postings(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    for text in (NURSE_POSTING, BACKEND_POSTING, ANALYST_POSTING):
        await share(fake, text)
    answer = await run_with_resume(fake, "match", "resume.md", RESUME)
    lines = answer["embeds"][0]["description"].splitlines()
    assert len(lines) == 3 and lines[0].startswith("1. ")


async def test_an_oversized_resume_is_refused_without_downloading_it(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    await share(fake, BACKEND_POSTING)
    answer = await run_with_resume(fake, "score", "huge.pdf", b"%PDF-1.4 tiny", size=200 * 1024 * 1024)
    assert "MB" in answer["content"] and "limited to 8 MB" in answer["content"]
    assert not fake.downloads


async def test_a_hostile_resume_gets_one_clear_sentence(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    await share(fake, BACKEND_POSTING)
    answer = await run_with_resume(fake, "score", "resume.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 64)
    content = answer["content"]
    assert content and "Traceback" not in content and "\n" not in content
    assert answer["flags"] & EPHEMERAL and not answer.get("embeds")


async def test_score_without_postings_says_so(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    answer = await run_with_resume(fake, "score", "resume.md", RESUME)
    assert "No postings have been saved" in answer["content"]


def announcements(fake: FakeDiscord, channel_id: int) -> list[Recorded]:
    return fake.find("POST", f"/channels/{channel_id}/messages")


async def subscribe(fake: FakeDiscord, user_id: int, **filters: str) -> dict:
    options = [channel_option("channel", FEED_CHANNEL_ID)]
    options += [{"type": 3, "name": name, "value": value} for name, value in filters.items()]
    interaction = await fake.invoke(
        "subscribe", options, user_id=user_id, resolved=resolved_channel(fake, FEED_CHANNEL_ID)
    )
    return await answer_of(fake, interaction)


async def test_a_subscription_gets_each_new_posting_once_also_after_a_restart(
    fake: FakeDiscord, start_bot: BotFactory
) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    answer = await subscribe(fake, ADMIN_ID, keywords="python")
    assert "Subscription #" in answer["content"] and answer["flags"] & EPHEMERAL

    posting = await share(fake, BACKEND_POSTING + "\n\nQuestions? Ask @everyone in the channel.")
    sent = await eventually(lambda: asyncio.sleep(0, announcements(fake, FEED_CHANNEL_ID)), bool)
    assert len(sent) == 1
    assert sent[0].json()["allowed_mentions"] == {"parse": []}  # @everyone in a posting pings no one
    assert "Northwind" in str(sent[0].json()["embeds"])

    await share(fake, NURSE_POSTING)  # does not match the keyword filter
    await fake.edit_message(posting, BACKEND_POSTING + "\n\nEdited: still hiring.")
    await bot.close()

    bot = await start_bot()
    await fake.post_message(BACKEND_POSTING, message_id=int(posting["id"]))  # seen again after the restart
    await share(fake, ANALYST_POSTING.replace("Data Analyst", "Python Data Analyst"))
    await eventually(lambda: asyncio.sleep(0, announcements(fake, FEED_CHANNEL_ID)), lambda s: len(s) == 2)
    await asyncio.sleep(0.3)
    assert len(announcements(fake, FEED_CHANNEL_ID)) == 2


async def test_a_member_cannot_subscribe(fake: FakeDiscord, start_bot: BotFactory) -> None:
    bot = await start_bot()
    answer = await subscribe(fake, MEMBER_ID)
    assert answer["flags"] & EPHEMERAL and "Manage Server" in answer["content"]
    assert await bot.store.subscriptions.for_guild(GUILD_ID) == []


async def test_a_forbidden_channel_disables_its_subscription_and_admins_hear_once(
    fake: FakeDiscord, start_bot: BotFactory
) -> None:
    bot = await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    admin_settings = await fake.invoke(
        "jobbot",
        [{"type": 1, "name": "settings", "options": [channel_option("admin_channel", GENERAL_CHANNEL_ID)]}],
        user_id=ADMIN_ID,
        resolved=resolved_channel(fake, GENERAL_CHANNEL_ID),
    )
    await answer_of(fake, admin_settings)
    await subscribe(fake, ADMIN_ID)
    fake.channel_errors[FEED_CHANNEL_ID] = 403
    await share(fake, BACKEND_POSTING)
    notices = await eventually(lambda: asyncio.sleep(0, announcements(fake, GENERAL_CHANNEL_ID)), bool)
    assert "stopped subscription" in notices[0].json()["content"]
    await share(fake, ANALYST_POSTING)
    await asyncio.sleep(0.3)
    assert len(announcements(fake, FEED_CHANNEL_ID)) == 1  # the refused send only; then disabled
    assert len(announcements(fake, GENERAL_CHANNEL_ID)) == 1
    (subscription,) = await bot.store.subscriptions.for_guild(GUILD_ID)
    assert not subscription.enabled


async def test_commands_are_synced_on_start_only_when_asked(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot(sync_on_start=True, dev_guild_id=GUILD_ID)
    (sync,) = fake.find("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    names = {c["name"] for c in sync.body}
    assert {"jobkeywords", "score", "match", "subscribe", "unsubscribe", "subscriptions", "jobbot"} <= names
    assert "Save job posting" in names
    score = next(c for c in sync.body if c["name"] == "score")
    assert [o["name"] for o in score["options"]] == ["resume", "posting"]
    assert [o.get("required", False) for o in score["options"]] == [True, False]


async def test_no_sync_without_the_setting(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    assert not fake.find("PUT", r"/applications/.*")


async def test_thread_acknowledgement_posts_a_summary_without_pings(fake: FakeDiscord, start_bot: BotFactory) -> None:
    await start_bot()
    await watch(fake, JOBS_CHANNEL_ID)
    interaction = await fake.invoke(
        "jobbot",
        [{"type": 1, "name": "settings", "options": [{"type": 3, "name": "acknowledgement", "value": "thread"}]}],
        user_id=ADMIN_ID,
    )
    assert "thread" in (await answer_of(fake, interaction))["content"]
    message = await fake.post_message(BACKEND_POSTING)
    (thread,) = await fake.wait_request("POST", f"/channels/{JOBS_CHANNEL_ID}/messages/{message['id']}/threads")
    assert "Backend" in thread.json()["name"]
    summary = await fake.wait_request("POST", r"/channels/\d+/messages")
    assert summary[-1].json()["allowed_mentions"] == {"parse": []}
