"""Chat flood against a real bot process: does the gateway stay responsive while postings are read?

The fake Discord (tests/e2e) runs in this process and pushes `--rate` chat messages per second into a
watched channel for `--seconds`; one message in `--posting-every` is a real job posting (a distinct
company each time). The bot runs as a separate process (`--child` mode of this script: JobBot plus a
monitor task that measures event-loop stalls, garbage-collector pauses and the heartbeat latency
from the start of the flood) and prints its figures as JSON when stopped with SIGTERM.

    python bench/bench_discord.py [--seconds 30] [--rate 1000] [--posting-every 100]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.e2e.fake_discord import GENERAL_CHANNEL_ID, JOBS_CHANNEL_ID, FakeDiscord  # noqa: E402
from tests.e2e.helpers import BACKEND_POSTING, watch  # noqa: E402

STALL_PROBE_SECONDS = 0.005
HEARTBEAT_MS = 1000

CHAT = [
    "lol same",
    "anyone else interviewing at a startup this week?",
    "thanks for sharing!",
    "good luck everyone 🍀",
    "Does anyone know if remote roles in the EU usually list salary ranges?",
    "just got a rejection email after the final round, pretty gutted but onto the next one",
    "I spent the whole weekend redoing my portfolio site and I think it finally looks decent. If anyone wants to "
    "give feedback I'd appreciate it, especially on the projects section and whether it reads well on phones.",
    "Quick tip from a recruiter friend: tailor the first three bullet points of each role to the posting, they "
    "are what gets read. Also keep it to two pages unless you have a long research record or publications.",
]


# -- the bot process -------------------------------------------------------------------------------


async def child() -> None:
    from bot.app import JobBot, configure_logging
    from bot.config import Settings

    settings = Settings()
    configure_logging("WARNING", settings.discord_token.get_secret_value() if settings.discord_token else "")
    bot = JobBot(settings)
    loop = asyncio.get_running_loop()
    stalls: list[float] = []
    latencies: list[float] = []
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    collections: list[float] = []  # garbage-collector pauses: they stop the event loop too
    gc_started = [0.0]
    cpu_at_reset = [time.process_time()]
    worst = [0.0, 0.0]

    def on_gc(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            gc_started[0] = time.perf_counter()
        else:
            collections.append(time.perf_counter() - gc_started[0])

    gc.callbacks.append(on_gc)

    def reset() -> None:  # the flood starts: start-up (imports, warm-up) is not what is measured
        stalls.clear()
        latencies.clear()
        collections.clear()
        cpu_at_reset[0] = time.process_time()
        worst[:] = [0.0, 0.0]

    loop.add_signal_handler(signal.SIGUSR1, reset)

    async def monitor() -> None:
        last_sample = loop.time()
        while True:
            before, cpu_before = loop.time(), time.process_time()
            await asyncio.sleep(STALL_PROBE_SECONDS)
            stall = loop.time() - before - STALL_PROBE_SECONDS
            stalls.append(stall)
            if stall > worst[0]:  # how much of the worst stall this process spent computing (vs not scheduled)
                worst[:] = [stall, time.process_time() - cpu_before]
            if loop.time() - last_sample >= 0.5 and bot.is_ready():
                last_sample = loop.time()
                if bot.latency == bot.latency and bot.latency != float("inf"):  # not NaN/inf before the 1st ACK
                    latencies.append(bot.latency)

    probe = asyncio.create_task(monitor())
    runner = asyncio.create_task(bot.start(settings.discord_token.get_secret_value()))  # type: ignore[union-attr]
    await stop.wait()
    probe.cancel()
    await bot.close()
    runner.cancel()
    stalls.sort()
    print(
        json.dumps(
            {
                "stall_max_ms": round(1000 * stalls[-1], 1) if stalls else None,
                "stall_p99_ms": round(1000 * stalls[int(0.99 * (len(stalls) - 1))], 1) if stalls else None,
                "stall_median_ms": round(1000 * statistics.median(stalls), 2) if stalls else None,
                "worst_stall_cpu_ms": round(1000 * worst[1], 1),
                "cpu_seconds": round(time.process_time() - cpu_at_reset[0], 1),
                "gc_pause_max_ms": round(1000 * max(collections), 1) if collections else None,
                "gc_collections": len(collections),
                "heartbeat_latency_max_ms": round(1000 * max(latencies), 1) if latencies else None,
                "heartbeat_latency_median_ms": round(1000 * statistics.median(latencies), 1) if latencies else None,
            }
        ),
        flush=True,
    )


# -- the flood -------------------------------------------------------------------------------------


async def flood(fake: FakeDiscord, seconds: float, rate: int, posting_every: int) -> tuple[int, dict[str, float]]:
    """Send `rate` messages a second in 10 ms ticks; returns (messages sent, posting id → sent time)."""
    rng = random.Random(7)
    postings: dict[str, float] = {}
    sent = 0
    start = time.monotonic()
    tick = 0.01
    while (elapsed := time.monotonic() - start) < seconds:
        due = int(elapsed * rate) + 1
        while sent < due:
            if sent % posting_every == posting_every - 1:
                text = BACKEND_POSTING.replace("Northwind Analytics", f"Company {sent} Labs")
                payload = fake.message(text)
                postings[payload["id"]] = time.monotonic()
            else:
                channel = JOBS_CHANNEL_ID if sent % 2 else GENERAL_CHANNEL_ID
                payload = fake.message(rng.choice(CHAT), channel_id=channel)
            await fake.dispatch("MESSAGE_CREATE", payload)
            sent += 1
        await asyncio.sleep(tick)
    return sent, postings


async def main(args: argparse.Namespace) -> None:
    fake = FakeDiscord(heartbeat_interval_ms=HEARTBEAT_MS)
    await fake.start()
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if not k.startswith("JOBBOT_")}
        env.update(fake.env(), JOBBOT_DATABASE=str(Path(tmp) / "bench.db"), PYTHONPATH=str(REPO))
        process = await asyncio.create_subprocess_exec(
            sys.executable, __file__, "--child", env=env, stdout=asyncio.subprocess.PIPE
        )
        try:
            await fake.wait_for(lambda: fake.identifies, timeout=60)
            await asyncio.sleep(1.0)
            await watch(fake, JOBS_CHANNEL_ID)
            process.send_signal(signal.SIGUSR1)
            started = time.monotonic()
            sent, postings = await flood(fake, args.seconds, args.rate, args.posting_every)
            flood_seconds = time.monotonic() - started

            def acknowledged() -> dict[str, float]:
                done: dict[str, float] = {}
                for r in fake.find("PUT", r"/channels/\d+/messages/\d+/reactions/[^/]+/@me"):
                    done.setdefault(r.path.split("/")[4], r.at)
                return done

            with contextlib.suppress(TimeoutError):
                await fake.wait_for(lambda: set(postings) <= set(acknowledged()), timeout=60)
            acks = acknowledged()
            process.send_signal(signal.SIGTERM)
            out, _ = await asyncio.wait_for(process.communicate(), 30)
        finally:
            if process.returncode is None:
                process.kill()
            await fake.stop()
    figures: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    delays = sorted(acks[p] - t for p, t in postings.items() if p in acks)
    beats = fake.heartbeat_times
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    print(f"messages sent:              {sent:,} in {flood_seconds:.1f} s ({sent / flood_seconds:,.0f}/s)")
    print(f"postings among them:        {len(postings)}, acknowledged with ✅: {len(set(postings) & set(acks))}")
    if delays:
        p50 = statistics.median(delays)
        print(f"posting → ✅ delay:          median {1000 * p50:.0f} ms, max {1000 * delays[-1]:.0f} ms")
    print(
        f"largest event-loop stall:   {figures['stall_max_ms']} ms (p99 {figures['stall_p99_ms']} ms; "
        f"CPU used by the bot during it: {figures['worst_stall_cpu_ms']} ms)"
    )
    print(f"bot process CPU time:       {figures['cpu_seconds']} s")
    print(f"garbage collector:          {figures['gc_collections']} runs, longest {figures['gc_pause_max_ms']} ms")
    print(
        f"heartbeat latency (ACK):    median {figures['heartbeat_latency_median_ms']} ms, "
        f"max {figures['heartbeat_latency_max_ms']} ms"
    )
    if gaps:
        print(f"heartbeat interval:         {HEARTBEAT_MS} ms asked, longest seen {1000 * max(gaps):.0f} ms")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--rate", type=int, default=1000, help="chat messages per second")
    parser.add_argument("--posting-every", type=int, default=100, help="one message in N is a job posting")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    asyncio.run(child() if arguments.child else main(arguments))
