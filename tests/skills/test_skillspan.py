"""Regression floor on real postings: the SkillSpan dev split (Knowledge layer) from ../shared.

The postings are rebuilt as text exactly as ../shared/tools/skillspan_eval.py does, run through
the whole posting parser, and scored by that tool's own functions. The floors sit a little under
the figures recorded in bench/README.md, so a change that loses quality fails here.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from bot.postings.parse import parse_posting

pytestmark = pytest.mark.shared


def _eval_tool(shared_dir: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("skillspan_eval", shared_dir / "tools" / "skillspan_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_split_scores_and_offsets(shared_dir: Path) -> None:
    tool = _eval_tool(shared_dir)
    postings = tool.load_postings(str(shared_dir / "data" / "skillspan" / "dev.json"), "knowledge")
    predictions = []
    for item in postings:
        text = item["text"]
        parsed = parse_posting(text)
        spans = []
        for keyword in parsed.keywords:
            for mention in keyword.mentions:
                assert text[mention.start : mention.end] == mention.text
                spans.append((mention.start, mention.end))
        predictions.append(spans)
    result = tool.evaluate(postings, predictions)
    strict_f1, bag_f1 = result["strict"][2], result["bag"][2]
    assert strict_f1 >= 0.52, result
    assert bag_f1 >= 0.56, result
