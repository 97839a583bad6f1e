"""rank() and RankingIndex: the numbers score() gives, best first, ties in input order; the CLI on top."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.cli import main
from bot.postings.model import Posting
from bot.ranking import RankingIndex, index_for
from bot.resumes.model import ResumeText
from bot.scoring import profile_resume, rank, score
from tests.scoring.texts import (
    BACKEND_POSTING,
    NO_YEARS_POSTING,
    NURSE_POSTING,
    NURSE_RESUME,
    posting,
    read_text_resume,
    resume_markdown,
)

REPO = Path(__file__).resolve().parents[2]
WRITTEN_POSTINGS = sorted((REPO / "bench" / "ranking_data" / "postings").iterdir())
EXAMPLES = REPO / "examples"


def variants(base: Posting) -> list[Posting]:
    """The same posting with other titles, years, levels, education and required flags (via records)."""
    out = [base]
    record = base.to_record()
    for i, (years, seniority, level) in enumerate(
        [(None, None, None), (1, "junior", "bachelor"), (4, "mid", "master"), (8, "senior", None), (0, None, "phd")]
    ):
        changed: dict[str, Any] = dict(record, years_min=years, seniority=seniority)
        changed["title"] = None if i == 4 else f"{seniority or ''} {record.get('title') or 'Engineer'}"
        changed["education"] = (
            {"level": level, "fields": ["Computer Science"], "required": i % 2 == 0} if level else None
        )
        changed["keywords"] = [
            dict(k, required=[True, False, None][(j + i) % 3]) for j, k in enumerate(record["keywords"])
        ]
        out.append(Posting.from_record(changed))
    return out


@pytest.fixture(scope="module")
def many_postings() -> list[Posting]:
    texts = [p.read_text(encoding="utf-8") for p in WRITTEN_POSTINGS]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("posting-*"))]
    texts += [BACKEND_POSTING, NURSE_POSTING, NO_YEARS_POSTING]
    return [v for text in texts for v in variants(posting(text))]


@pytest.fixture(scope="module")
def resumes() -> list[ResumeText]:
    return [
        read_text_resume(resume_markdown()),
        read_text_resume(resume_markdown(headline="Junior developer.", bullets=("Deployed on Kubernets",))),
        read_text_resume(NURSE_RESUME),
        read_text_resume((EXAMPLES / "resume-sam-lee.md").read_text(encoding="utf-8")),
    ]


def test_index_totals_equal_score_exactly(many_postings: list[Posting], resumes: list[ResumeText]) -> None:
    assert len(many_postings) >= 200
    index = RankingIndex(many_postings)
    for resume in resumes:
        profile = profile_resume(resume)
        totals = index.totals(profile).tolist()
        ints = index.scores(profile).tolist()
        for i, job in enumerate(many_postings):
            report = score(job, profile)
            assert totals[i] == sum(c.points for c in report.categories), job.fields.title
            assert ints[i] == report.score


def test_rank_is_best_first_with_ties_in_input_order(many_postings: list[Posting], resumes: list[ResumeText]) -> None:
    first = many_postings[:40]
    copies = [Posting.from_record(p.to_record()) for p in first]  # same content, so every total is tied
    doubled = first + copies
    position = {id(p): i for i, p in enumerate(doubled)}
    totals = RankingIndex(doubled).totals(resumes[0]).tolist()
    ranked = rank(resumes[0], doubled)
    keys = [(-totals[position[id(job)]], position[id(job)]) for job, _ in ranked]
    assert keys == sorted(keys)  # exact total first, then input order
    assert sorted(k[1] for k in keys) == list(range(80))
    shown = [report.score for _, report in ranked]
    assert shown == sorted(shown, reverse=True)
    by_position = {position[id(job)]: report.score for job, report in ranked}
    assert all(by_position[i] == by_position[i + 40] for i in range(40))


def test_limit_returns_the_same_top_as_a_full_ranking(many_postings: list[Posting], resumes: list[ResumeText]) -> None:
    for resume in resumes:
        full = rank(resume, many_postings)
        top = rank(resume, many_postings, limit=10)
        assert [(p, r.score) for p, r in top] == [(p, r.score) for p, r in full[:10]]
        assert all(r == score(p, resume) for p, r in top)
    assert rank(resumes[0], many_postings, limit=0) == []
    assert rank(resumes[0], []) == []


def test_the_field_posting_ranks_first() -> None:
    jobs = [posting(NURSE_POSTING), posting(NO_YEARS_POSTING), posting(BACKEND_POSTING)]
    assert rank(read_text_resume(resume_markdown()), jobs)[0][0] is jobs[2]
    assert rank(read_text_resume(NURSE_RESUME), jobs)[0][0] is jobs[0]


def test_an_index_is_reused_for_the_same_posting_list(many_postings: list[Posting]) -> None:
    assert index_for(many_postings) is index_for(list(many_postings))
    assert index_for(many_postings[:5]) is not index_for(many_postings[:6])
    index = RankingIndex(many_postings[:7])
    assert len(index) == 7
    assert [p for p, _ in rank(read_text_resume(NURSE_RESUME), index)] == [
        p for p, _ in rank(read_text_resume(NURSE_RESUME), many_postings[:7])
    ]


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_cli_score_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resume = _write(tmp_path, "resume.md", resume_markdown())
    job = _write(tmp_path, "backend.md", BACKEND_POSTING)
    assert main(["score", "--format", "json", "--resume", resume, "--posting", job]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"score", "method", "categories", "matched", "missing", "advice"}
    assert data == score(posting(BACKEND_POSTING), read_text_resume(resume_markdown())).to_dict()


def test_cli_match_json_best_first_with_paths_as_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resume = _write(tmp_path, "resume.md", resume_markdown())
    nurse = _write(tmp_path, "nurse.txt", NURSE_POSTING)
    backend = _write(tmp_path, "backend.md", BACKEND_POSTING)
    data_job = _write(tmp_path, "data.md", NO_YEARS_POSTING)
    assert main(["match", "--format", "json", "--resume", resume, nurse, backend, data_job]) == 0
    results = json.loads(capsys.readouterr().out)["results"]
    assert results[0]["posting"] == backend
    assert {r["posting"] for r in results} == {nurse, backend, data_job}
    scores = [r["score"] for r in results]
    assert scores == sorted(scores, reverse=True) and all(isinstance(s, int) for s in scores)
    assert results[0]["title"] == "Backend Engineer (Python)"
