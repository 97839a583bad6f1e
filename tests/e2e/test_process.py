"""`jobbot run` as a real process against the fake Discord: start, serve, SIGTERM, SIGKILL mid-burst."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.e2e.fake_discord import ADMIN_ID, FEED_CHANNEL_ID, GUILD_ID, JOBS_CHANNEL_ID, FakeDiscord
from tests.e2e.helpers import BACKEND_POSTING, answer_of, channel_option, resolved_channel, watch

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]


class BotProcess:
    """`python -m bot run` with the fake's settings; stderr (JSON logs) goes to a file."""

    def __init__(self, fake: FakeDiscord, database: Path, log: Path) -> None:
        self.fake = fake
        self.database = database
        self.log = log
        self.process: asyncio.subprocess.Process | None = None

    async def start(self) -> asyncio.subprocess.Process:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JOBBOT_")}
        env.update(self.fake.env(), JOBBOT_DATABASE=str(self.database), PYTHONPATH=str(REPO))
        ready_before = self.ready_count()
        with self.log.open("ab") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", env=env, cwd=self.database.parent, stderr=log
            )
        # Ready (its guild received) when it logs "connected": a waited condition, not a guessed sleep.
        await self.fake.wait_for(lambda: self.ready_count() > ready_before, timeout=30)
        return self.process

    def ready_count(self) -> int:
        if not self.log.exists():
            return 0
        return self.log.read_text(encoding="utf-8", errors="replace").count('"msg": "connected"')

    async def stop(self, sig: int = signal.SIGTERM, timeout: float = 10.0) -> int:
        assert self.process is not None
        self.process.send_signal(sig)
        return await asyncio.wait_for(self.process.wait(), timeout)


@pytest.fixture
async def bot_process(fake: FakeDiscord, tmp_path: Path) -> AsyncIterator[BotProcess]:
    runner = BotProcess(fake, tmp_path / "jobbot.db", tmp_path / "bot.log")
    yield runner
    if runner.process is not None and runner.process.returncode is None:
        runner.process.kill()
        await runner.process.wait()


def reacted(fake: FakeDiscord) -> set[int]:
    return {int(r.path.split("/")[4]) for r in fake.find("PUT", r"/channels/\d+/messages/\d+/reactions/[^/]+/@me")}


def announced_postings(fake: FakeDiscord) -> list[str]:
    return [r.json()["embeds"][0]["footer"]["text"] for r in fake.find("POST", f"/channels/{FEED_CHANNEL_ID}/messages")]


async def test_jobbot_run_serves_and_stops_cleanly_on_sigterm(fake: FakeDiscord, bot_process: BotProcess) -> None:
    await bot_process.start()
    await watch(fake, JOBS_CHANNEL_ID)
    message = await fake.post_message(BACKEND_POSTING)
    await fake.wait_for(lambda: int(message["id"]) in reacted(fake), timeout=10)

    started = time.monotonic()
    assert await bot_process.stop(signal.SIGTERM) == 0
    assert time.monotonic() - started < 10
    logs = bot_process.log.read_text(encoding="utf-8")
    assert "fake.token.secret" not in logs
    entries = [json.loads(line) for line in logs.splitlines() if line.startswith("{")]
    assert any(e["msg"] == "store closed" for e in entries)
    with sqlite3.connect(bot_process.database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("SELECT count(*) FROM postings").fetchone() == (1,)


async def test_sigkill_in_a_burst_loses_no_acknowledged_posting_and_delivers_nothing_twice(
    fake: FakeDiscord, bot_process: BotProcess
) -> None:
    await bot_process.start()
    await watch(fake, JOBS_CHANNEL_ID)
    interaction = await fake.invoke(
        "subscribe",
        [channel_option("channel", FEED_CHANNEL_ID)],
        user_id=ADMIN_ID,
        resolved=resolved_channel(fake, FEED_CHANNEL_ID),
    )
    assert "Subscription #" in (await answer_of(fake, interaction))["content"]

    burst = [fake.message(BACKEND_POSTING.replace("Northwind Analytics", f"Company {n} Labs")) for n in range(60)]

    async def send_burst() -> None:
        for payload in burst:
            await fake.dispatch("MESSAGE_CREATE", payload)
            await asyncio.sleep(0.005)

    sender = asyncio.create_task(send_burst())
    await fake.wait_for(lambda: len(reacted(fake)) >= 5, timeout=20)
    assert bot_process.process is not None
    bot_process.process.kill()  # SIGKILL: no clean-up at all
    await bot_process.process.wait()
    sender.cancel()
    acknowledged = reacted(fake)

    with sqlite3.connect(bot_process.database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    await bot_process.start()  # it catches up on the channel's history by itself
    sent = {int(m) for m in fake.history[JOBS_CHANNEL_ID]}
    for payload in burst:  # and what was not sent before the kill arrives now
        if int(payload["id"]) not in sent:
            await fake.dispatch("MESSAGE_CREATE", payload)
    await fake.wait_for(lambda: reacted(fake) >= {int(p["id"]) for p in burst}, timeout=30)
    await asyncio.sleep(0.5)
    assert await bot_process.stop() == 0

    with sqlite3.connect(bot_process.database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {m for (m,) in db.execute("SELECT message_id FROM postings WHERE guild_id = ?", (GUILD_ID,))}
    assert acknowledged <= stored
    announced = announced_postings(fake)
    assert len(announced) == len(set(announced)), "a posting was announced twice"
