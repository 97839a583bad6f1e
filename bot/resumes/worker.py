"""Run parsing in child processes that can be killed: a thread stuck in a C parser cannot be.

A small pool of persistent workers (plain `python -c` subprocesses serving a MODULE:FUNCTION
job: no main-module re-import, no fork of a threaded bot) receives the file bytes over a
pipe (the file never touches disk) and sends back the result. A worker that overruns the
wall-time limit, dies, or runs out of memory is killed and replaced on next use. The parsers
are imported when a worker starts, not while a file's clock runs. Safe to call from many
threads: each call holds one worker.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
import queue
import subprocess
import sys
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from bot.resumes.errors import CorruptFile, ParseTimeout, ResumeError, TooLarge

log = logging.getLogger(__name__)

_OUT_OF_MEMORY = "Reading this file needed far more memory than any resume does, so I stopped."
_MAX_MESSAGE_CHARS = 300

STARTUP_SECONDS = 60.0
MEMORY_LIMIT_BYTES = 2 * 1024 * 1024 * 1024
MAX_REPLY_BYTES = 16 * 1024 * 1024
EXTRACT_JOB = "bot.resumes.extract:extract_job"


def _error_classes(base: type[ResumeError]) -> dict[str, type[ResumeError]]:
    found = {base.__name__: base}
    for sub in base.__subclasses__():
        found.update(_error_classes(sub))
    return found


def serve(job_name: str, memory_limit: int | None) -> None:
    """The worker's loop: one pickled request in, one JSON reply out ({"ok": result},
    {"error": class name, "message": sentence} or {"crash": exception type}).

    Replies are JSON, never pickle: a worker is the process that meets hostile files, so what
    it says must not be able to run code in the bot even if a parser were exploited.
    """
    module_name, _, function_name = job_name.partition(":")
    job: Callable[[Any], Any] = getattr(importlib.import_module(module_name), function_name)
    # The protocol owns the real stdout; anything a library prints goes to stderr instead.
    out = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    inp = Connection(os.dup(0), writable=False)
    if memory_limit is not None and sys.platform.startswith("linux"):
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    out.send_bytes(json.dumps({"ready": True}).encode())
    while True:
        try:
            request = inp.recv()
        except (EOFError, OSError):
            return
        try:
            reply: dict[str, Any] = {"ok": job(request)}
        except ResumeError as error:
            reply = {"error": type(error).__name__, "message": str(error)}
        except MemoryError:
            reply = {"error": TooLarge.__name__, "message": _OUT_OF_MEMORY}
        except Exception as exc:  # a parser bug on odd input: report its kind, never its content
            reply = {"crash": type(exc).__name__}
        out.send_bytes(json.dumps(reply).encode())


class _Worker:
    def __init__(self, job_name: str, memory_limit: int | None) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(path for path in sys.path if path)}
        code = f"from bot.resumes.worker import serve; serve({job_name!r}, {memory_limit!r})"
        # A session of its own: Ctrl-C at the bot's terminal is the bot's to handle; the worker
        # still ends when the bot does, as its request pipe closes.
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            start_new_session=True,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        # The connections own duplicates of the pipe ends; the Popen file objects are closed at once.
        self.requests = Connection(os.dup(self.process.stdin.fileno()), readable=False)
        self.replies = Connection(os.dup(self.process.stdout.fileno()), writable=False)
        self.process.stdin.close()
        self.process.stdout.close()
        ready = self.replies.poll(STARTUP_SECONDS) and _decoded(self.replies.recv_bytes(MAX_REPLY_BYTES))
        if ready != {"ready": True}:
            self.kill()
            raise ParseTimeout()

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(timeout=5)
        self.requests.close()
        self.replies.close()


def _decoded(raw: bytes) -> dict[str, Any]:
    try:
        reply = json.loads(raw)
    except ValueError:
        reply = None
    return reply if isinstance(reply, dict) and len(reply) <= 2 else {"crash": "malformed reply"}


class ParserPool:
    """`size` workers running the job named "module:function" (it returns JSON-able data),
    started lazily."""

    _errors = _error_classes(ResumeError)

    def __init__(self, job_name: str = EXTRACT_JOB, size: int = 2, memory_limit: int | None = MEMORY_LIMIT_BYTES):
        self._job_name = job_name
        self._memory_limit = memory_limit
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        for _ in range(size):
            self._idle.put(None)

    def run(self, request: Any, timeout: float) -> Any:
        """The job's result for `request`; raises the job's ResumeError, or ParseTimeout/CorruptFile."""
        worker = self._idle.get()
        try:
            if worker is None or not worker.alive():
                worker = _Worker(self._job_name, self._memory_limit)
            reply = self._call(worker, request, timeout)
        except BaseException:
            if worker is not None:
                worker.kill()
            self._idle.put(None)
            raise
        self._idle.put(worker)
        if "ok" in reply:
            return reply["ok"]
        error = self._errors.get(str(reply.get("error")))
        if error is not None:
            message = reply.get("message")
            valid = isinstance(message, str) and 0 < len(message) <= _MAX_MESSAGE_CHARS
            raise error(message if valid else None)
        log.warning("resume parser failed with %.100s", reply.get("crash"))
        raise CorruptFile()

    @staticmethod
    def _call(worker: _Worker, request: Any, timeout: float) -> dict[str, Any]:
        try:
            worker.requests.send(request)
            if not worker.replies.poll(timeout):
                raise ParseTimeout(
                    f"Reading this file took longer than {timeout:g} seconds, so I stopped; "
                    "export it again as a simple PDF or DOCX."
                )
            return _decoded(worker.replies.recv_bytes(MAX_REPLY_BYTES))
        except (EOFError, OSError) as exc:  # the worker died (a crash in a C parser, the OOM killer)
            raise CorruptFile() from exc

    def close(self) -> None:
        """Stop the idle workers (a bot shutting down; tests)."""
        for _ in range(self._idle.qsize()):
            worker = self._idle.get()
            if worker is not None:
                worker.kill()
            self._idle.put(None)
