"""Precision and recall of `looks_like_posting`: the labelled set, and real text from ../shared.

Run: python bench/detect_eval.py [--errors dev|heldout|fresh|fresh2|fresh3|all] [--shared]

The labelled set (tests/postings/detection/) is of our own writing: dev.jsonl was used to set
the weights, heldout.jsonl is for reporting; fresh*.jsonl are three later batches of terse
chat postings and hard job-seeker negatives, each scored once before the detector was changed for it
(bench/README.md keeps those first scores: the honest figures for new messages). With --shared it
also scores real text that nobody wrote for this detector: SkillSpan job postings (each posting's
sentences joined by newlines; every one should be recognised) and the 35 anonymised resumes (none
should be). SkillSpan train and resumes cv-31…cv-48 were looked at while tuning; SkillSpan dev and
cv-49…cv-65 were not.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting, score_breakdown

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "postings" / "detection"
SHARED = ROOT.parent / "shared" / "data"
SPLITS = ("dev", "heldout", "fresh", "fresh2", "fresh3")


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


def skillspan_postings(split: str) -> list[str]:
    sentences: dict[tuple[str, int], list[str]] = defaultdict(list)
    with (SHARED / "skillspan" / f"{split}.json").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            sentences[(row["source"], row["idx"])].append(" ".join(row["tokens"]))
    return ["\n".join(lines) for lines in sentences.values()]


def resume_texts(numbers: range) -> list[str]:
    import docx  # python-docx, a runtime dependency of the resume reader

    texts = []
    for number in numbers:
        document = docx.Document(str(SHARED / "resumes" / f"cv-{number}.docx"))
        parts = [paragraph.text for paragraph in document.paragraphs]
        parts += [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
        texts.append("\n".join(parts))
    return texts


def report_shared() -> None:
    checks = {
        "SkillSpan train postings (looked at)": (skillspan_postings("train"), True),
        "SkillSpan dev postings (not looked at)": (skillspan_postings("dev"), True),
        "resumes cv-31..48 (looked at)": (resume_texts(range(31, 49)), False),
        "resumes cv-49..65 (not looked at)": (resume_texts(range(49, 66)), False),
    }
    for name, (texts, is_posting) in checks.items():
        right = sum((looks_like_posting(text) >= POSTING_THRESHOLD) == is_posting for text in texts)
        verdict = "recognised as postings" if is_posting else "left alone"
        print(f"{name:40s} {right}/{len(texts)} {verdict} ({right / len(texts):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=[*SPLITS, "all"])
    parser.add_argument("--shared", action="store_true", help="also score SkillSpan postings and real resumes")
    args = parser.parse_args()
    splits = {split: load(split) for split in SPLITS}
    splits["full"] = [row for split in SPLITS for row in splits[split]]
    for name, rows in splits.items():
        precision, recall, tp, fp, fn = figures(rows)
        positives = sum(r["label"] == "posting" for r in rows)
        print(
            f"{name:8s} n={len(rows):4d} (postings {positives}, chat {len(rows) - positives})  "
            f"precision={precision:.3f} recall={recall:.3f}  tp={tp} fp={fp} fn={fn}"
        )
    if args.shared:
        report_shared()
    if args.errors:
        rows = splits["full" if args.errors == "all" else args.errors]
        for row in rows:
            score = looks_like_posting(row["text"])
            if (score >= POSTING_THRESHOLD) != (row["label"] == "posting"):
                cues = {k: round(v, 2) for k, v in score_breakdown(row["text"]).items()}
                print(f"\n[{row['label']}/{row['kind']}] score={score:.3f} {cues}\n  {row['text'][:300]!r}")


if __name__ == "__main__":
    main()
