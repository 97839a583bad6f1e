"""Runtime settings from the environment (prefix JOBBOT_) and an optional .env file.

Built lazily through `get_settings()` so that importing any module never needs a token.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JOBBOT_", env_file=".env", extra="ignore")

    discord_token: SecretStr | None = None
    database: Path = Path("./data/jobbot.db")
    discord_api_base: str | None = None  # e.g. a REST proxy, or the fake Discord in tests
    discord_gateway_url: str | None = None
    dev_guild_id: int | None = None
    sync_on_start: bool = False
    log_level: str = "INFO"

    # Resume reading limits (a hostile file must not hurt the bot).
    max_resume_bytes: int = Field(default=8 * 1024 * 1024, gt=0)
    max_resume_pages: int = Field(default=20, gt=0)
    max_resume_chars: int = Field(default=200_000, gt=0)
    resume_timeout_seconds: float = Field(default=5.0, gt=0)
    max_decompressed_bytes: int = Field(default=50 * 1024 * 1024, gt=0)

    # Postings.
    max_posting_bytes: int = Field(default=2 * 1024 * 1024, gt=0)

    # Job boards.
    board_poll_minutes: float = Field(default=30.0, gt=0)
    allow_private_networks: bool = False
    max_fetch_bytes: int = Field(default=5 * 1024 * 1024, gt=0)
    fetch_timeout_seconds: float = Field(default=15.0, gt=0)
    # Sends every job-board API call to this origin instead (a caching proxy; a local server in tests):
    # https://api.lever.co/v0/postings/x becomes {origin}/api.lever.co/v0/postings/x.
    board_api_origin: str | None = None


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
