"""The local board server and a fresh store per test."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store, open_store
from tests.boards.server import board_server

__all__ = ["board_server", "store"]


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await open_store(tmp_path / "jobbot.db")
    try:
        yield opened
    finally:
        await opened.close()
