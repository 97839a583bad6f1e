"""Throughput of posting understanding (clean + sections + fields) on one core.

The SkillSpan postings of ../shared are rebuilt as plain text exactly as
../shared/tools/skillspan_eval.py gives them to `jobbot keywords` (tokens joined by spaces,
sentences by newlines, grouped by (source, idx)), so the figure is the cost the keyword
evaluation pays before keyword matching. Prints postings per second and ms per posting.

    python bench/bench_postings.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from bot.postings.clean import clean_posting
from bot.postings.fields import extract_fields
from bot.postings.sections import split_sections

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "skillspan"


def load_texts() -> list[str]:
    texts: list[str] = []
    for name in ("dev.json", "train.json"):
        groups: dict[tuple[str, int], list[str]] = {}
        with (SHARED / name).open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                groups.setdefault((row["source"], row["idx"]), []).append(" ".join(row["tokens"]))
        texts.extend("\n".join(sentences) for sentences in groups.values())
    return texts


def run_once(texts: list[str]) -> tuple[float, float, float]:
    """CPU seconds of this process per stage for one pass (wall time on a shared machine counts other jobs)."""
    clean_s = sections_s = fields_s = 0.0
    for text in texts:
        t0 = time.process_time()
        cleaned = clean_posting(text)
        t1 = time.process_time()
        sections = split_sections(cleaned.clean.text, cleaned.heading_starts)
        t2 = time.process_time()
        extract_fields(cleaned.clean.text, sections)
        t3 = time.process_time()
        clean_s, sections_s, fields_s = clean_s + t1 - t0, sections_s + t2 - t1, fields_s + t3 - t2
    return clean_s, sections_s, fields_s


def reference_ms() -> float:
    """CPU ms of `sum(range(10**6))`: scale the figures by it to compare machines or loads."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        sum(range(10**6))
        best = min(best, time.process_time() - start)
    return best * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed passes over all postings (the fastest is shown)")
    args = parser.parse_args()
    if not SHARED.is_dir():
        print(f"skipped: {SHARED} is absent (the SkillSpan data lives in ../shared)")
        return 0
    texts = load_texts()
    run_once(texts)  # warm up regex caches
    stages = [run_once(texts) for _ in range(args.repeat)]
    runs = [sum(stage) for stage in stages]
    seconds = min(runs)
    fastest = stages[runs.index(seconds)]
    chars = sum(map(len, texts))
    print(f"postings: {len(texts)}  mean size: {chars / len(texts):.0f} chars")
    print(f"clean+sections+fields: {len(texts) / seconds:.0f} postings/s, {1000 * seconds / len(texts):.3f} ms/posting")
    names = ("clean", "sections", "fields")
    per = [f"{name} {1000 * part / len(texts):.3f} ms" for name, part in zip(names, fastest, strict=True)]
    print("per stage (fastest pass): " + ", ".join(per))
    print(f"machine reference: sum(range(10**6)) takes {reference_ms():.1f} ms of CPU here")
    print(f"passes (CPU s): {', '.join(f'{r:.3f}' for r in runs)} (median {statistics.median(runs):.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
