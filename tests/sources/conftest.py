"""The local board server fixture (tests never reach the network)."""

from tests.boards.server import board_server

__all__ = ["board_server"]
