"""Worker jobs that misbehave, to prove the worker pool contains them."""

from __future__ import annotations

import time


def hang(request: object) -> None:
    """A parser stuck forever (as a pathological file can leave a C parser)."""
    del request
    time.sleep(3600)
