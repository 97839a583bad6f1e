"""The entry points the CLI calls: `jobbot sync`, `jobbot run` without a token, and the logs."""

from __future__ import annotations

import asyncio
import json
import logging
from pathlib import Path

import pytest

from bot.app import JobBot, _serve, configure_logging, run_bot, sync_commands
from bot.config import Settings
from bot.errors import ConfigurationError
from tests.e2e.conftest import make_settings
from tests.e2e.fake_discord import APP_ID, GUILD_ID, FakeDiscord

pytestmark = pytest.mark.e2e


async def test_sync_registers_the_commands_in_one_guild(
    fake: FakeDiscord, database: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert await sync_commands(make_settings(fake, database), guild_id=GUILD_ID) == 0
    (request,) = fake.find("PUT", f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands")
    assert len(request.body) >= 7
    assert f"Synced {len(request.body)} commands to guild {GUILD_ID}." in capsys.readouterr().out
    assert not fake.identifies  # REST only: no gateway session for a sync
    assert not database.exists()  # and no database


async def test_sync_globally(fake: FakeDiscord, database: Path) -> None:
    assert await sync_commands(make_settings(fake, database), guild_id=None) == 0
    assert fake.find("PUT", f"/applications/{APP_ID}/commands")


@pytest.mark.parametrize("token", [None, "   "])
def test_run_without_a_token_is_one_sentence(token: str | None) -> None:
    settings = Settings(_env_file=None, discord_token=token)  # type: ignore[call-arg]
    with pytest.raises(ConfigurationError, match=r"^JOBBOT_DISCORD_TOKEN is not set: .*\.$"):
        run_bot(settings)


async def test_a_token_discord_rejects_is_one_sentence(
    fake: FakeDiscord, database: Path, caplog: pytest.LogCaptureFixture
) -> None:
    fake.rejected_token = True
    bot = JobBot(make_settings(fake, database), guild_ready_timeout=0.05)
    with pytest.raises(ConfigurationError, match=r"^Discord rejected JOBBOT_DISCORD_TOKEN: .*\.$"):
        await asyncio.wait_for(_serve(bot, "fake.token.secret"), 20)
    assert bot.is_closed()
    assert "fake.token.secret" not in caplog.text


def test_logs_are_json_lines_without_the_token(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    try:
        configure_logging("INFO", "sekrit.token.value")
        logging.getLogger("discord.http").info("sending Authorization: Bot %s", "sekrit.token.value")
        logging.getLogger("bot.app").info("store opened", extra={"database": "/data/jobbot.db"})
    finally:
        root.handlers[:] = saved_handlers
        root.setLevel(saved_level)
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    assert "sekrit" not in json.dumps(lines)
    assert lines[0]["msg"] == "sending Authorization: Bot [redacted]" and lines[0]["level"] == "info"
    assert lines[1]["database"] == "/data/jobbot.db" and lines[1]["logger"] == "bot.app"
