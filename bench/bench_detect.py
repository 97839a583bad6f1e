"""Cost of `looks_like_posting`: microseconds per call (median and best of repeated timeit runs).

Run: python bench/bench_detect.py
The detector runs on every message in watched channels, so the short chat line is the case
that matters most; the full page and the 5 MB paste show the bound on long input. The first
line times `sum(range(100))` (about 0.6 µs on an idle desktop) and the last column divides by it,
so figures from a loaded or slow machine can be put in scale.
"""

from __future__ import annotations

import json
import statistics
import timeit
from collections.abc import Callable
from pathlib import Path

from bot.postings.detect import looks_like_posting

DATA = Path(__file__).resolve().parents[1] / "tests" / "postings" / "detection"
SHORT_CHAT = "is anyone here hiring for junior devs? I've been applying for months"
SHORT_GIG = "need 2 servers for a wedding sat 14th, 4pm-midnight, $25/hr cash + tips. msg me"
SHORT_POSTING = (
    "Acme | Senior Backend Engineer | Remote (EU) | €80–100k | Python, Postgres | apply: https://acme.io/jobs/1"
)


def per_call(run: Callable[[], object], number: int, repeat: int = 9) -> tuple[float, float]:
    """(median, best) microseconds per call over `repeat` runs of `number` calls."""
    runs = [seconds / number * 1e6 for seconds in timeit.repeat(run, number=number, repeat=repeat)]
    return statistics.median(runs), min(runs)


def main() -> None:
    splits = ("dev", "heldout", "fresh", "fresh2", "fresh3")
    rows = [json.loads(line) for split in splits for line in (DATA / f"{split}.jsonl").open(encoding="utf-8")]
    page = max((r["text"] for r in rows if r["label"] == "posting"), key=len)
    huge = page * (5_000_000 // len(page))
    cases = {
        "calibration: sum(range(100))": (lambda: sum(range(100)), 20000),
        "no-cue chat line ('lol same')": (lambda: looks_like_posting("lol same"), 20000),
        "short chat line (anyone hiring?)": (lambda: looks_like_posting(SHORT_CHAT), 5000),
        "short posting (pipe line)": (lambda: looks_like_posting(SHORT_POSTING), 5000),
        "short gig posting (need 2 servers…)": (lambda: looks_like_posting(SHORT_GIG), 5000),
        f"full posting page ({len(page)} chars)": (lambda: looks_like_posting(page), 500),
        "5 MB paste (first 6000 chars read)": (lambda: looks_like_posting(huge), 100),
    }
    print(f"{'case':45s} {'median µs':>10s} {'best µs':>10s} {'best/calib':>10s}")
    calibration = 0.0
    for name, (run, number) in cases.items():
        median, best = per_call(run, number)
        calibration = calibration or best
        print(f"{name:45s} {median:10.1f} {best:10.1f} {best / calibration:10.1f}")
    texts = [r["text"] for r in rows]
    median, best = per_call(lambda: [looks_like_posting(t) for t in texts], 5)
    name = f"labelled set, per message ({len(texts)})"
    print(f"{name:45s} {median / len(texts):10.1f} {best / len(texts):10.1f}")


if __name__ == "__main__":
    main()
