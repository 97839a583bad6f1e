"""The local board server (the fresh store per test comes from tests/conftest.py)."""

from __future__ import annotations

from tests.boards.server import board_server

__all__ = ["board_server"]
