"""Keyword extraction throughput on one core, side by side with YAKE, plus taxonomy load time and memory.

The SkillSpan postings of ../shared (dev + train) are rebuilt as text exactly as
../shared/tools/skillspan_eval.py gives them to `jobbot keywords` (its own `load_postings`).
Figures:
- taxonomy: parse + validate time, matcher compile time, memory they hold (tracemalloc) and the
  process's peak resident set;
- jobbot: the whole `parse_posting` (clean → sections → fields → keywords) and the keyword step
  alone (`extract_keywords` on an already cleaned and sectioned posting), postings per second;
- YAKE (`yake.KeywordExtractor(lan="en", n=3, top=20)`) on a subset (it is slow), postings per
  second, and the ratio;
- two references for what the keyword step's speed is made of: FlashText (the usual pure-Python
  dictionary matcher) given the taxonomy's names and nothing else (no context, sections, plurals,
  case rules or offsets mapping), and the matcher's C scan alone (lower-casing, spacing the words
  and listing the automaton's hits), before any Python looks at a hit.

    python bench/bench_keywords.py [--repeat 3] [--yake 200]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import resource
import statistics
import time
import tracemalloc
from pathlib import Path
from typing import NamedTuple

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def load_texts() -> list[str]:
    spec = importlib.util.spec_from_file_location("skillspan_eval", SHARED / "tools" / "skillspan_eval.py")
    assert spec and spec.loader
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    texts: list[str] = []
    for split in ("dev.json", "train.json"):
        texts.extend(p["text"] for p in tool.load_postings(str(SHARED / "data" / "skillspan" / split), "knowledge"))
    return texts


class Timing(NamedTuple):
    """Seconds for one pass over the items: the best pass and the median pass. The machine is shared, so
    the median moves with the neighbours' load; the best pass is the closest to the code's own cost."""

    best: float
    median: float


def timed(function: object, items: list[object], repeat: int) -> Timing:
    """`repeat` passes of function over items (CPU time of this process)."""
    runs = []
    for _ in range(repeat):
        gc.collect()
        start = time.process_time()
        for item in items:
            function(item)  # type: ignore[operator]
        runs.append(time.process_time() - start)
    return Timing(min(runs), statistics.median(runs))


def rate(label: str, seconds: Timing, count: int) -> Timing:
    """Prints and returns postings per second, best and median pass."""
    best, median = count / seconds.best, count / seconds.median
    print(
        f"{label:44} best {best:7.1f} postings/s ({1000 * seconds.best / count:6.2f} ms each), "
        f"median {median:7.1f}/s ({1000 * seconds.median / count:6.2f} ms)"
    )
    return Timing(best, median)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (best and median shown)")
    parser.add_argument("--yake", type=int, default=200, help="postings YAKE is timed on")
    args = parser.parse_args()

    from bot.skills.matcher import Matcher, lower_keep_offsets, word_chars
    from bot.skills.taxonomy import data_sources, parse_taxonomy

    started = time.perf_counter()
    taxonomy = parse_taxonomy(data_sources())
    loaded = time.perf_counter()
    Matcher(taxonomy)
    compiled = time.perf_counter()
    tracemalloc.start()
    kept = Matcher(parse_taxonomy(data_sources()))
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    print(
        f"taxonomy: {len(taxonomy.entries)} entries; parse+validate {1000 * (loaded - started):.0f} ms, "
        f"matcher compile {1000 * (compiled - loaded):.0f} ms, both hold {held / 2**20:.1f} MiB"
    )

    from bot.postings.clean import clean_posting
    from bot.postings.parse import parse_posting
    from bot.postings.sections import split_sections
    from bot.skills.extract import default_matcher, extract_keywords

    texts = load_texts()
    chars = sum(map(len, texts)) / len(texts)
    print(f"postings: {len(texts)} SkillSpan dev+train postings, {chars:.0f} characters on average")

    full = timed(parse_posting, texts, args.repeat)  # type: ignore[arg-type]
    prepared = []
    for text in texts:
        cleaned = clean_posting(text)
        prepared.append((text, cleaned.clean, split_sections(cleaned.clean.text, cleaned.heading_starts)))
    keywords_only = timed(lambda p: extract_keywords(p[0], p[1], p[2], None), prepared, args.repeat)  # type: ignore[arg-type,index]
    full_rate = rate("jobbot parse_posting (whole pipeline)", full, len(texts))
    kw_rate = rate("jobbot extract_keywords step alone", keywords_only, len(texts))

    automaton = default_matcher()._automaton
    assert automaton is not None

    def scan(text: str) -> None:
        list(automaton.iter(f" {word_chars(lower_keep_offsets(text))} "))

    scan_time = timed(lambda p: scan(p[1].text), prepared, args.repeat)  # type: ignore[index]
    scan_rate = rate("matcher's C scan alone (no rule, no output)", scan_time, len(texts))

    from flashtext import KeywordProcessor

    dictionary = KeywordProcessor()
    for entry in taxonomy.entries:
        for name in entry.names:
            dictionary.add_keyword(name, entry.name)
    flash_time = timed(lambda text: dictionary.extract_keywords(text, span_info=True), texts, args.repeat)  # type: ignore[arg-type]
    flash_rate = rate("FlashText, taxonomy names only", flash_time, len(texts))

    import yake

    extractor = yake.KeywordExtractor(lan="en", n=3, top=20)
    subset = texts[: args.yake]
    yake_time = timed(extractor.extract_keywords, subset, args.repeat)  # type: ignore[arg-type]
    yake_rate = rate(f"YAKE top-20 (n=3) on {len(subset)} postings", yake_time, len(subset))
    for which in ("best", "median"):
        kw, full_pipeline = getattr(kw_rate, which), getattr(full_rate, which)
        print(
            f"ratio, {which} passes: whole pipeline {full_pipeline / getattr(yake_rate, which):.0f}x YAKE; "
            f"keyword step {kw / getattr(yake_rate, which):.0f}x YAKE, {kw / getattr(flash_rate, which):.2f}x "
            f"FlashText; the C scan alone is {100 * kw / getattr(scan_rate, which):.0f}% of the step's time"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory of this process (YAKE included): {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
