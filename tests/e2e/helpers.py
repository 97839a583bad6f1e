"""Payload builders for the e2e tests: slash-command options and example postings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

from tests.e2e.fake_discord import FakeDiscord

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BACKEND_POSTING = (EXAMPLES / "posting-backend-engineer.md").read_text(encoding="utf-8")
ANALYST_POSTING = (EXAMPLES / "posting-data-analyst.txt").read_text(encoding="utf-8")
NURSE_POSTING = (EXAMPLES / "posting-icu-nurse.txt").read_text(encoding="utf-8")
RESUME = (EXAMPLES / "resume-sam-lee.md").read_bytes()


T = TypeVar("T")


async def eventually(query: Callable[[], Awaitable[T]], predicate: Callable[[T], bool], timeout: float = 10.0) -> T:
    """Poll an async query (e.g. the store) until its answer satisfies predicate."""
    deadline = time.monotonic() + timeout
    while True:
        value = await query()
        if predicate(value):
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"condition not met within {timeout} s (last value: {value!r:.200})")
        await asyncio.sleep(0.05)


def channel_option(name: str, channel_id: int) -> dict[str, Any]:
    return {"type": 7, "name": name, "value": str(channel_id)}


def resolved_channel(fake: FakeDiscord, channel_id: int) -> dict[str, Any]:
    channel = fake.channel(channel_id, "jobs")
    channel["permissions"] = "2147483647"
    return {"channels": {str(channel_id): channel}}


def subcommand(name: str, options: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"type": 1, "name": name, "options": options}]


def attachment_option(name: str, attachment: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """An attachment option and the `resolved` block Discord sends with it."""
    return {"type": 11, "name": name, "value": attachment["id"]}, {"attachments": {attachment["id"]: attachment}}


async def answer_of(fake: FakeDiscord, interaction: dict[str, Any]) -> dict[str, Any]:
    """What the user saw: the first response's message, or the follow-up after a defer."""
    callback = (await fake.wait_callback(interaction)).json()
    if callback["type"] == 5:
        answer: dict[str, Any] = (await fake.wait_followup(interaction)).json()
        return answer
    data: dict[str, Any] = callback["data"]
    return data


async def watch(fake: FakeDiscord, channel_id: int) -> None:
    """An admin runs /jobbot watch channel:<channel> and the bot confirms."""
    from tests.e2e.fake_discord import ADMIN_ID

    interaction = await fake.invoke(
        "jobbot",
        subcommand("watch", [channel_option("channel", channel_id)]),
        user_id=ADMIN_ID,
        resolved=resolved_channel(fake, channel_id),
    )
    assert "now read" in (await answer_of(fake, interaction))["content"]
