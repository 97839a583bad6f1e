"""Polling many followed job boards: wall time per poll cycle and peak memory.

A local board server (a separate process, so its work is not billed to the poller) serves BOARDS
boards across six providers, JOBS jobs each, with ETags. The bot side is the real BoardService
over a SQLite store in a temporary folder; each guild follows 40 boards, and a tenth of the boards
are followed by a second guild too. A fake clock makes every board due at each cycle. Cycles measured:

  first    after the follows: full answers, compared with what is stored (what a restart costs)
  304      nothing changed: the server answers 304 Not Modified to the conditional requests
  new      a tenth of the boards gained a job: parse, store, hand to delivery
  steady   full answers again with nothing new (the cost for APIs that ignore ETags)

Run: python bench/bench_boards.py [--boards 500] [--jobs 4]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import multiprocessing
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from aiohttp import web

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.config import Settings
from bot.net.fetch import Fetcher
from bot.postings.sources.links import Provider, board_api_url, board_listing_url, board_page_url, job_api_url
from bot.services.boards import BoardService
from bot.store import StoredPosting, open_store
from tests.boards.server import BoardServer
from tests.local_server import serve_on_loopback
from tests.sources import payloads

PROVIDERS = [
    Provider.GREENHOUSE,
    Provider.LEVER,
    Provider.ASHBY,
    Provider.WORKABLE,
    Provider.SMARTRECRUITERS,
    Provider.RECRUITEE,
]


def _slug(i: int) -> str:
    return f"company{i:04d}"


def _jobs(provider: Provider, board: int, count: int) -> Any:
    """Distinct jobs (titles and text differ per board and job, so none deduplicate)."""
    titles = [f"Engineer {board}-{j}" for j in range(count)]
    ids = [f"{board:04d}{j:04d}" for j in range(count)]
    if provider is Provider.GREENHOUSE:
        jobs = (payloads.greenhouse_job(int(i), t) for i, t in zip(ids, titles, strict=True))
        return payloads.greenhouse_board(*jobs)
    if provider is Provider.LEVER:
        return [payloads.lever_job(f"lever-{i}", t) for i, t in zip(ids, titles, strict=True)]
    if provider is Provider.ASHBY:
        return payloads.ashby_board(*(payloads.ashby_job(f"ashby-{i}", t) for i, t in zip(ids, titles, strict=True)))
    if provider is Provider.WORKABLE:
        return payloads.workable_account(*(payloads.workable_job(f"W{i}", t) for i, t in zip(ids, titles, strict=True)))
    if provider is Provider.SMARTRECRUITERS:
        listing = payloads.smartrecruiters_list(*(f"7440{i}" for i in ids))
        for entry, title in zip(listing["content"], titles, strict=True):
            entry["name"] = title
        return listing
    offers = []
    for i, t in zip(ids, titles, strict=True):
        offer = payloads.recruitee_offer(int(i), f"job-{i}")
        offer["title"] = t
        offers.append(offer)
    return payloads.recruitee_offers(*offers)


def _details(board: int, count: int) -> dict[str, Any]:
    out = {}
    for j in range(count):
        job_id = f"7440{board:04d}{j:04d}"
        detail = payloads.smartrecruiters_posting(job_id)
        detail["name"] = f"Engineer {board}-{j}"
        out[job_id] = detail
    return out


def _serve(boards: int, jobs: int, port_out: Any, generation: Any) -> None:
    """The board server process: /{api host}/… routes; boards with index % 10 == 0 gain a job at generation 2."""

    def listing(index: int) -> Any:
        count = jobs + (1 if generation.value >= 2 and index % 10 == 0 else 0)
        return _jobs(PROVIDERS[index % len(PROVIDERS)], index, count)

    def body(index: int, light: bool) -> tuple[bytes, str]:
        data = listing(index)
        if light:  # Greenhouse without ?content=true
            data = {**data, "jobs": [{k: v for k, v in job.items() if k != "content"} for job in data["jobs"]]}
        encoded = json.dumps(data).encode()
        return encoded, '"' + hashlib.sha1(encoded).hexdigest() + '"'

    routes: dict[str, tuple[int, bool]] = {}
    details: dict[str, int] = {}
    greenhouse_jobs: dict[str, tuple[int, str]] = {}
    for index in range(boards):
        provider = PROVIDERS[index % len(PROVIDERS)]
        routes[BoardServer.api_path(board_api_url(provider, _slug(index)))] = (index, False)
        if provider is Provider.GREENHOUSE:
            routes[BoardServer.api_path(board_listing_url(provider, _slug(index)))] = (index, True)
            for j in range(jobs + 1):
                job_id = str(int(f"{index:04d}{j:04d}"))
                url = job_api_url(provider, _slug(index), job_id)
                assert url is not None
                greenhouse_jobs[BoardServer.api_path(url)] = (index, job_id)
        if provider is Provider.SMARTRECRUITERS:
            for j in range(jobs + 1):
                url = job_api_url(provider, _slug(index), f"7440{index:04d}{j:04d}")
                assert url is not None
                details[BoardServer.api_path(url)] = index

    async def handle(request: web.Request) -> web.Response:
        path = request.raw_path
        if path in greenhouse_jobs:
            index, job_id = greenhouse_jobs[path]
            return web.json_response(next(j for j in listing(index)["jobs"] if str(j["id"]) == job_id))
        if path in details:
            index = details[path]
            job_id = path.rsplit("/", 1)[1]
            return web.json_response(_details(index, jobs + 1)[job_id])
        if path not in routes:
            return web.Response(status=404)
        data, etag = body(*routes[path])
        if request.headers.get("If-None-Match") == etag and generation.value != 3:
            return web.Response(status=304, headers={"ETag": etag})
        return web.Response(body=data, content_type="application/json", headers={"ETag": etag})

    async def main() -> None:
        app = web.Application()
        app.router.add_route("GET", "/{tail:.*}", handle)
        _runner, port_out.value = await serve_on_loopback(app, backlog=1024)
        await asyncio.Event().wait()

    asyncio.run(main())


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


async def bench(boards: int, jobs: int, port: int, generation: Any) -> None:
    origin = f"http://127.0.0.1:{port}"
    settings = Settings(_env_file=None, allow_private_networks=True, board_api_origin=origin)  # type: ignore[call-arg]
    now = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
    clock = {"now": now}
    delivered: list[StoredPosting] = []

    async def on_created(stored: StoredPosting) -> None:
        delivered.append(stored)

    with tempfile.TemporaryDirectory() as folder:
        store = await open_store(Path(folder) / "bench.db")
        async with Fetcher(settings) as fetcher:
            service = BoardService(
                store, settings, fetcher, on_created=on_created, rng=random.Random(1), now=lambda: clock["now"]
            )
            started = time.perf_counter()
            for index in range(boards):
                provider = PROVIDERS[index % len(PROVIDERS)]
                url = board_page_url(provider, _slug(index))
                await service.follow(1 + index // 40, url)  # 40 boards a guild (the limit is 50)
                if index % 10 == 0:
                    await service.follow(1000 + index // 40, url)
            follow_s = time.perf_counter() - started
            print(f"follow {boards} boards ({boards * jobs} jobs parsed and stored): {follow_s:.1f} s")
            print(f"peak RSS after follows: {_rss_mb():.0f} MB")
            for name, gen in (("first", 1), ("304", 1), ("new", 2), ("steady", 3)):
                generation.value = gen
                clock["now"] += timedelta(hours=2)
                before = len(delivered)
                started = time.perf_counter()
                summary = await service.poll_due()
                took = time.perf_counter() - started
                print(
                    f"cycle {name:7s} {took:6.2f} s  boards={summary.boards} 304={summary.not_modified} "
                    f"created={summary.created} updated={summary.updated} removed={summary.removed} "
                    f"failed={summary.failed} handed to delivery={len(delivered) - before}  "
                    f"peak RSS {_rss_mb():.0f} MB"
                )
        await store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--boards", type=int, default=500)
    parser.add_argument("--jobs", type=int, default=4)
    args = parser.parse_args()
    port = multiprocessing.Value("i", 0)
    generation = multiprocessing.Value("i", 1)
    server = multiprocessing.Process(target=_serve, args=(args.boards, args.jobs, port, generation), daemon=True)
    server.start()
    try:
        deadline = time.monotonic() + 30
        while port.value == 0:
            if time.monotonic() > deadline:
                raise SystemExit("the board server did not start")
            time.sleep(0.05)
        asyncio.run(bench(args.boards, args.jobs, port.value, generation))
    finally:
        server.terminate()
        server.join(5)


if __name__ == "__main__":
    main()
