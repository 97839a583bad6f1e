"""Precision and recall of `looks_like_posting` on the labelled set (dev, held-out, full).

Run: python bench/detect_eval.py [--errors dev|heldout|all]
Prints one line per split; with --errors, the misclassified messages of that split and the
cues that decided them (tune on dev only: the held-out half is for reporting).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting, score_breakdown

DATA = Path(__file__).resolve().parents[1] / "tests" / "postings" / "detection"


def load(split: str) -> list[dict[str, str]]:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def figures(rows: list[dict[str, str]]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for row in rows:
        predicted = looks_like_posting(row["text"]) >= POSTING_THRESHOLD
        actual = row["label"] == "posting"
        tp += predicted and actual
        fp += predicted and not actual
        fn += actual and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, tp, fp, fn


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["dev", "heldout", "all"])
    args = parser.parse_args()
    splits = {"dev": load("dev"), "heldout": load("heldout")}
    splits["full"] = splits["dev"] + splits["heldout"]
    for name, rows in splits.items():
        precision, recall, tp, fp, fn = figures(rows)
        positives = sum(r["label"] == "posting" for r in rows)
        print(
            f"{name:8s} n={len(rows):3d} (postings {positives}, chat {len(rows) - positives})  "
            f"precision={precision:.3f} recall={recall:.3f}  tp={tp} fp={fp} fn={fn}"
        )
    if args.errors:
        rows = splits["full" if args.errors == "all" else args.errors]
        for row in rows:
            score = looks_like_posting(row["text"])
            if (score >= POSTING_THRESHOLD) != (row["label"] == "posting"):
                cues = {k: round(v, 2) for k, v in score_breakdown(row["text"]).items()}
                print(f"\n[{row['label']}/{row['kind']}] score={score:.3f} {cues}\n  {row['text'][:300]!r}")


if __name__ == "__main__":
    main()
