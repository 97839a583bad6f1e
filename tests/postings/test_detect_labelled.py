"""Precision and recall of `looks_like_posting` on the labelled set in tests/postings/detection/.

dev.jsonl is what the weights were tuned on; heldout.jsonl is for reporting; fresh.jsonl,
fresh2.jsonl and fresh3.jsonl are later batches, each scored once before the detector was changed
for it (those first scores, in bench/README.md, are the honest generalisation figures). The bar is
on the full set (precision ≥ 0.97, recall ≥ 0.95); `pytest -s` prints the figures per file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting

DATA = Path(__file__).resolve().parent / "detection"
SPLITS = ("dev", "heldout", "fresh", "fresh2", "fresh3")


def load(split: str) -> list[dict[str, str]]:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def precision_recall(rows: list[dict[str, str]]) -> tuple[float, float]:
    predicted = [looks_like_posting(row["text"]) >= POSTING_THRESHOLD for row in rows]
    actual = [row["label"] == "posting" for row in rows]
    tp = sum(p and a for p, a in zip(predicted, actual, strict=True))
    fp = sum(p and not a for p, a in zip(predicted, actual, strict=True))
    fn = sum(a and not p for p, a in zip(predicted, actual, strict=True))
    return tp / (tp + fp), tp / (tp + fn)


@pytest.fixture(scope="module")
def rows() -> dict[str, list[dict[str, str]]]:
    return {split: load(split) for split in SPLITS}


def test_labelled_set_is_big_varied_and_clean(rows: dict[str, list[dict[str, str]]]) -> None:
    everything = [row for split in SPLITS for row in rows[split]]
    assert all(set(row) >= {"text", "label", "kind"} for row in everything)
    assert {row["label"] for row in everything} == {"posting", "chat"}
    assert sum(row["label"] == "posting" for row in everything) >= 150
    assert sum(row["label"] == "chat" for row in everything) >= 150
    texts = [row["text"] for row in everything]
    assert len(set(texts)) == len(texts), "a message appears twice"
    assert len({row["kind"] for row in everything}) >= 20
    for split in SPLITS:
        assert {row["label"] for row in rows[split]} == {"posting", "chat"}


def test_precision_and_recall_on_the_full_set(rows: dict[str, list[dict[str, str]]]) -> None:
    figures = {split: precision_recall(rows[split]) for split in SPLITS}
    rows_of = {**rows, "full": [row for split in SPLITS for row in rows[split]]}
    figures["full"] = precision_recall(rows_of["full"])
    for split, (precision, recall) in figures.items():
        print(f"detect {split:8s} n={len(rows_of[split]):3d} precision={precision:.3f} recall={recall:.3f}")
    precision, recall = figures["full"]
    assert precision >= 0.97
    assert recall >= 0.95
