"""Settings are read lazily from JOBBOT_ variables and a .env file."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings


def test_defaults_need_no_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in ("JOBBOT_DISCORD_TOKEN", "JOBBOT_DATABASE", "JOBBOT_MAX_RESUME_BYTES"):
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.discord_token is None
    assert settings.database == Path("./data/jobbot.db")
    assert settings.max_resume_bytes == 8 * 1024 * 1024
    assert settings.sync_on_start is False


def test_environment_and_dotenv(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("JOBBOT_DISCORD_TOKEN=from-dotenv\nJOBBOT_LOG_LEVEL=DEBUG\n")
    monkeypatch.setenv("JOBBOT_DATABASE", str(tmp_path / "x.db"))
    monkeypatch.delenv("JOBBOT_DISCORD_TOKEN", raising=False)
    settings = Settings()
    assert settings.discord_token is not None
    assert settings.discord_token.get_secret_value() == "from-dotenv"
    assert "from-dotenv" not in repr(settings)  # the token never shows up in logs or reprs
    assert settings.database == tmp_path / "x.db"
    assert settings.log_level == "DEBUG"


def test_invalid_limit_is_rejected(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBBOT_MAX_RESUME_BYTES", "0")
    with pytest.raises(ValueError):
        Settings()
