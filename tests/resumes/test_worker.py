"""The parsing worker pool: a stuck, crashing or memory-hungry job costs one worker, never the
caller, and the pool serves the next request as if nothing happened."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import date

import pytest

from bot.resumes import CorruptFile, ParseTimeout, ResumeLimits, ScannedPdf, TooLarge, read_resume, reader
from bot.resumes.extract import ParseRequest
from bot.resumes.worker import ParserPool
from tests.resumes.builders import make_docx, make_pdf


@pytest.fixture
def sleep_pool() -> Iterator[ParserPool]:
    pool = ParserPool("time:sleep", size=1)
    yield pool
    pool.close()


def test_timeout_kills_the_worker_and_the_next_call_gets_a_fresh_one(sleep_pool: ParserPool) -> None:
    assert sleep_pool.run(0.01, timeout=10) is None
    started = time.perf_counter()
    with pytest.raises(ParseTimeout):
        sleep_pool.run(60, timeout=0.3)
    assert time.perf_counter() - started < 10.0
    assert sleep_pool.run(0.01, timeout=10) is None


def test_worker_start_up_is_not_charged_to_the_file(sleep_pool: ParserPool) -> None:
    """A fresh worker imports the parsers first; a short limit still applies to the job only."""
    assert sleep_pool.run(0.0, timeout=0.2) is None


def test_a_worker_that_dies_is_a_corrupt_file_and_is_replaced() -> None:
    pool = ParserPool("os:_exit", size=1)
    try:
        with pytest.raises(CorruptFile):
            pool.run(3, timeout=10)
        with pytest.raises(CorruptFile):
            pool.run(4, timeout=10)
    finally:
        pool.close()


def test_an_unexpected_exception_in_a_parser_is_a_corrupt_file() -> None:
    pool = ParserPool("builtins:int", size=1)
    try:
        assert pool.run("42", timeout=10) == 42
        with pytest.raises(CorruptFile):
            pool.run("not a number", timeout=10)
        assert pool.run("7", timeout=10) == 7  # the same worker goes on serving
    finally:
        pool.close()


def test_memory_is_capped_in_the_worker() -> None:
    pool = ParserPool("tests.resumes.hostile_jobs:allocate", size=1, memory_limit=512 * 1024 * 1024)
    try:
        with pytest.raises(TooLarge, match="memory"):
            pool.run(1024 * 1024 * 1024, timeout=10)
        assert pool.run(16, timeout=10) == 16
    finally:
        pool.close()


def test_many_threads_get_the_same_answers_as_one() -> None:
    today = date(2025, 1, 1)
    files = [(make_pdf([["Ann", "EXPERIENCE", f"Engineer {2000 + i} - 2020"]]), "a.pdf") for i in range(4)] + [
        (make_docx(["EXPERIENCE", f"Nurse {2010 + i} - present"]), "b.docx") for i in range(4)
    ]
    expected = [read_resume(data, name, None, today=today) for data, name in files]
    results: dict[int, object] = {}

    def read(index: int) -> None:
        data, name = files[index % len(files)]
        results[index] = read_resume(data, name, None, today=today)

    threads = [threading.Thread(target=read, args=(i,)) for i in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(results) == 24
    for index, resume in results.items():
        assert resume == expected[index % len(files)]


def test_a_reply_of_the_wrong_shape_is_a_corrupt_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replies cross from the process that meets hostile files: JSON only, every field checked."""
    pool = ParserPool("tests.resumes.hostile_jobs:lie", size=1)
    monkeypatch.setattr(reader, "_pool", pool)
    try:
        with pytest.raises(CorruptFile):
            read_resume(make_pdf([["Jane", "EXPERIENCE"]]), "cv.pdf", None)
    finally:
        pool.close()


def test_errors_cross_the_process_boundary_by_name_with_their_sentence() -> None:
    pool = ParserPool(size=1)
    try:
        request = ParseRequest("pdf", make_pdf([[], []], image_only=True), ResumeLimits())
        with pytest.raises(ScannedPdf) as caught:
            pool.run(request, timeout=10)
        assert str(caught.value) == ScannedPdf.default
    finally:
        pool.close()
