"""Followed job boards end to end: a real JobBot, the fake Discord, and a local board API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.postings.sources.links import Provider, board_api_url, job_api_url
from tests.boards.server import BoardServer
from tests.e2e.conftest import BotFactory
from tests.e2e.fake_discord import (
    ADMIN_ID,
    FEED_CHANNEL_ID,
    GUILD_ID,
    JOBS_CHANNEL_ID,
    MEMBER_ID,
    FakeDiscord,
    Recorded,
)
from tests.e2e.helpers import channel_option, eventually, resolved_channel, subcommand, watch
from tests.sources import payloads

pytestmark = pytest.mark.e2e

EPHEMERAL = 64
BOARD_LINK = "https://jobs.lever.co/globex"
BOARD_API = board_api_url(Provider.LEVER, "globex")
FIRST = payloads.lever_job("11111111-0000-4000-8000-000000000001", "Data Engineer")
SECOND = payloads.lever_job("22222222-0000-4000-8000-000000000002", "Senior Data Engineer (Spark)")


@pytest.fixture
async def boards() -> AsyncIterator[BoardServer]:
    server = BoardServer()
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


async def invoke(fake: FakeDiscord, user_id: int, command: str, options: list[dict[str, object]]) -> dict[str, object]:
    """Run a slash command and return its answer (the follow-up when it deferred)."""
    interaction = await fake.invoke(command, options, user_id=user_id, resolved=resolved_channel(fake, FEED_CHANNEL_ID))
    callback = (await fake.wait_callback(interaction)).json()
    if callback["type"] == 5:  # deferred: the answer is a follow-up
        assert callback["data"]["flags"] & EPHEMERAL
        answer: dict[str, object] = (await fake.wait_followup(interaction)).json()
        return answer
    data: dict[str, object] = callback["data"]
    return data


async def jobbot(fake: FakeDiscord, user_id: int, name: str, options: list[dict[str, object]]) -> dict[str, object]:
    return await invoke(fake, user_id, "jobbot", subcommand(name, options))


def announcements(fake: FakeDiscord) -> list[Recorded]:
    return fake.find("POST", f"/channels/{FEED_CHANNEL_ID}/messages")


async def test_a_followed_boards_new_job_reaches_the_subscribed_channel_once(
    fake: FakeDiscord, start_bot: BotFactory, boards: BoardServer
) -> None:
    boards.serve_api(BOARD_API, [FIRST])
    bot = await start_bot(allow_private_networks=True, board_api_origin=boards.origin, board_poll_minutes=0.01)

    denied = await jobbot(fake, MEMBER_ID, "follow", [{"type": 3, "name": "url", "value": BOARD_LINK}])
    assert "Manage Server" in str(denied["content"])
    assert await bot.store.boards.followed(GUILD_ID) == []

    subscribe = await invoke(
        fake,
        ADMIN_ID,
        "subscribe",
        [channel_option("channel", FEED_CHANNEL_ID), {"type": 3, "name": "keywords", "value": "spark"}],
    )
    assert "Subscription #" in str(subscribe["content"])

    answer = await jobbot(fake, ADMIN_ID, "follow", [{"type": 3, "name": "url", "value": BOARD_LINK}])
    assert "now follow the Lever board globex" in str(answer["content"]) and "1 open job saved" in str(
        answer["content"]
    )

    listing = await jobbot(fake, ADMIN_ID, "boards", [])
    assert "globex" in str(listing["embeds"])

    boards.serve_api(BOARD_API, [FIRST, SECOND])  # the board gains a job; the poller (every ~0.6 s) finds it
    sent = await eventually(lambda: asyncio.sleep(0, announcements(fake)), bool, timeout=10)
    assert "Senior Data Engineer" in str(sent[0].json()["embeds"])
    assert sent[0].json()["allowed_mentions"] == {"parse": []}
    hits = len(boards.hits(boards.api_path(BOARD_API)))
    await eventually(lambda: asyncio.sleep(0, len(boards.hits(boards.api_path(BOARD_API)))), lambda n: n >= hits + 2)
    assert len(announcements(fake)) == 1  # polled again, delivered once

    cog = bot.get_cog("Boards")
    (followed,) = await bot.store.boards.followed(GUILD_ID)
    await cog._failing(followed, "That site answered with an error (503); try again later.")  # type: ignore[union-attr]
    (notice,) = fake.find("POST", f"/channels/{followed.channel_id}/messages")
    assert "could not read the Lever board globex" in notice.json()["content"]
    assert notice.json()["allowed_mentions"] == {"parse": []}

    gone = await jobbot(fake, ADMIN_ID, "unfollow", [{"type": 3, "name": "url", "value": BOARD_LINK}])
    assert "stopped following globex" in str(gone["content"])
    assert await bot.store.boards.followed(GUILD_ID) == []


async def test_a_bad_board_link_gets_one_sentence(
    fake: FakeDiscord, start_bot: BotFactory, boards: BoardServer
) -> None:
    await start_bot(allow_private_networks=True, board_api_origin=boards.origin)
    empty = await jobbot(fake, ADMIN_ID, "boards", [])
    assert "follows no job boards yet" in str(empty["content"])
    unknown = await jobbot(fake, ADMIN_ID, "unfollow", [{"type": 3, "name": "url", "value": BOARD_LINK}])
    assert "does not follow that board" in str(unknown["content"])
    answer = await jobbot(fake, ADMIN_ID, "follow", [{"type": 3, "name": "url", "value": "https://example.com/jobs"}])
    assert "not a job board link I can follow" in str(answer["content"])
    missing = await jobbot(
        fake, ADMIN_ID, "follow", [{"type": 3, "name": "url", "value": "https://jobs.lever.co/nobody"}]
    )
    assert "does not exist" in str(missing["content"])


async def test_a_job_link_shared_in_a_watched_channel_is_read_from_the_board(
    fake: FakeDiscord, start_bot: BotFactory, boards: BoardServer
) -> None:
    job_url = job_api_url(Provider.LEVER, "globex", SECOND["id"])
    assert job_url is not None
    boards.serve_api(job_url, SECOND)
    bot = await start_bot(allow_private_networks=True, board_api_origin=boards.origin)
    await watch(fake, JOBS_CHANNEL_ID)
    message = await fake.post_message(f"Worth a look: https://jobs.lever.co/globex/{SECOND['id']}")
    await fake.wait_request("PUT", f"/channels/{JOBS_CHANNEL_ID}/messages/{message['id']}/reactions/[^/]+/@me")
    stored = await bot.store.postings.get_by_message(GUILD_ID, int(message["id"]))
    assert stored is not None and stored.title == "Senior Data Engineer (Spark)"
    assert stored.url == SECOND["hostedUrl"] and stored.workplace == "hybrid"
    assert "SQL" in {k.keyword for k in await bot.store.postings.keywords(GUILD_ID, stored.id)}
