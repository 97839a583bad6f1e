"""Store throughput on this machine: the calls the bot makes per chat message and per posting.

Prints figures (not pass/fail). Run: python bench/bench_store.py [--postings N]
Synthetic postings (~3 kB text, 20 keywords) so the figures do not move with the parser.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from bot.postings.model import CleanText, Posting, PostingFields
from bot.skills.model import Category, Keyword, Mention
from bot.store import open_store


def synthetic_posting(i: int) -> Posting:
    text = f"Posting {i}: Backend Engineer at Company{i % 97}. " + "We build things with care. " * 110
    keywords = tuple(
        Keyword(f"Skill{j}", Category.TOOL, 0.5, j % 2 == 0, (Mention(0, 7, "Posting", "required"),)) for j in range(20)
    )
    fields = PostingFields(title=f"Backend Engineer {i}", company=f"Company{i % 97}", locations=("Berlin",))
    return Posting(raw=text, clean=CleanText.identity(text), sections=(), fields=fields, keywords=keywords)


async def rate(label: str, count: int, call: Callable[[int], Awaitable[object]]) -> None:
    start = time.perf_counter()
    for i in range(count):
        await call(i)
    elapsed = time.perf_counter() - start
    print(f"{label:<44} {count / elapsed:>9,.0f}/s   ({elapsed / count * 1e3:.3f} ms each)")


async def main(postings: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        store = await open_store(path)
        guild = 1
        await store.guilds.watch(guild, 10)
        sub = await store.subscriptions.create(guild, 2, channel_id=10)
        prepared = [synthetic_posting(i) for i in range(postings)]

        await rate("is_watched (every chat message)", 5000, lambda i: store.guilds.is_watched(guild, 10 + i % 2))
        await rate(
            "save_posting, new (one transaction each)",
            postings,
            lambda i: store.postings.save_posting(guild, prepared[i], source="chat", channel_id=10, message_id=i),
        )
        await rate(
            "save_posting, seen again (edit / catch-up)",
            min(postings, 500),
            lambda i: store.postings.save_posting(guild, prepared[i], source="chat", channel_id=10, message_id=i),
        )
        await rate("deliveries.claim", postings, lambda i: store.deliveries.claim(sub.id, i + 1))
        await rate("postings.latest(guild, channel)", 2000, lambda i: store.postings.latest(guild, 10))
        await rate("postings.titles(guild) (all, for autocomplete)", 50, lambda i: store.postings.titles(guild))
        await rate("postings.list_active(guild, 500)", 20, lambda i: store.postings.list_active(guild, 500))
        await store.close()
        size = sum(p.stat().st_size for p in path.parent.iterdir())
        print(f"{'database size per posting':<44} {size / postings / 1024:>9.1f} kB")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postings", type=int, default=2000)
    asyncio.run(main(parser.parse_args().postings))
