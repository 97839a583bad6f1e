"""`looks_like_posting` on real text nobody wrote for it: SkillSpan postings and anonymised resumes (../shared)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting

pytestmark = pytest.mark.shared


def test_real_postings_are_recognised(shared_dir: Path) -> None:
    sentences: dict[tuple[str, int], list[str]] = defaultdict(list)
    with (shared_dir / "data" / "skillspan" / "dev.json").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            sentences[(row["source"], row["idx"])].append(" ".join(row["tokens"]))
    postings = ["\n".join(lines) for lines in sentences.values()]
    recognised = sum(looks_like_posting(text) >= POSTING_THRESHOLD for text in postings)
    print(f"detect SkillSpan dev: {recognised}/{len(postings)} recognised")
    assert recognised / len(postings) >= 0.9


def test_real_resumes_are_not_postings(shared_dir: Path) -> None:
    docx = pytest.importorskip("docx")
    paths = sorted((shared_dir / "data" / "resumes").glob("cv-*.docx"))
    flagged = []
    for path in paths:
        document = docx.Document(str(path))
        parts = [paragraph.text for paragraph in document.paragraphs]
        parts += [" | ".join(cell.text for cell in row.cells) for table in document.tables for row in table.rows]
        if looks_like_posting("\n".join(parts)) >= POSTING_THRESHOLD:
            flagged.append(path.name)
    print(f"detect resumes: {len(paths) - len(flagged)}/{len(paths)} left alone; flagged {flagged}")
    assert len(flagged) <= 2
