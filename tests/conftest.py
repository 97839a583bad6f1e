"""Shared fixtures: where ../shared lives (tests that read it skip without it)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.store import Store, open_store

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared is not present (it holds measurement data only)")
    return SHARED


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A migrated database of its own for each test (tests/store has a fixture of its own)."""
    opened = await open_store(tmp_path / "jobbot.db")
    try:
        yield opened
    finally:
        await opened.close()
