"""Worker jobs that misbehave, to prove the worker pool contains them."""

from __future__ import annotations

import time


def hang(request: object) -> None:
    """A parser stuck forever (as a pathological file can leave a C parser)."""
    del request
    time.sleep(3600)


def allocate(size: int) -> int:
    """A parser asking for `size` bytes at once."""
    return len(bytearray(size))


def lie(request: object) -> dict[str, object]:
    """A compromised worker answering with a reply of the wrong shape."""
    del request
    return {"text": 42, "format": "exe", "pages": -1, "warnings": "none"}
