"""Scoring speed: resume bytes → MatchReport latency, and `rank` over 10,000 and 100,000 postings.

Run from the repository root:  python bench/bench_scoring.py [--runs N] [--sizes 10000,100000]

Latency: a generated 2-page PDF and a DOCX (a real one from ../shared/data/resumes when present,
else a generated one) go through `read_resume` (PDF/DOCX parse in a worker process: the one-off
worker start is printed apart) and `score` against one posting; median and p95 of the whole path,
and of its parts.

Ranking: synthetic stored postings made from the postings in bench/ranking_data (parsed once)
with varied titles, years, levels, education and keyword sets drawn from the same vocabulary.
Index build (once per posting list, cached by `rank`) and rank (limit 10, as /match shows) are
timed apart; the first rank of a new resume pays its near-spelling look-ups over the index's
vocabulary, later ranks of the same profile only look-ups.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.postings.model import Education, Posting  # noqa: E402
from bot.postings.parse import parse_posting  # noqa: E402
from bot.ranking import RankingIndex  # noqa: E402
from bot.resumes import read_resume  # noqa: E402
from bot.scoring import profile_resume, score  # noqa: E402
from tests.resumes.builders import make_docx, make_pdf  # noqa: E402

TODAY = date(2025, 6, 1)
PLACES = ["", " (Remote)", " - Berlin", " - Tel Aviv", " (Hybrid)", " II", " - Payments", " - Platform Team",
          " (Contract)", " - London", " - New York", " (m/f/d)", " - Growth", " - Data Platform", " - Haifa",
          " - Warsaw", " - Core Banking", " (12 months)", " - Lisbon", " - Mobile Team", " - EMEA", " - Toronto",
          " - Search", " - Infrastructure", " - Checkout", " - Madrid", " - Austin", " - Ads", " - Security",
          " - Singapore"]  # fmt: skip
POSTINGS = REPO / "bench" / "ranking_data" / "postings"
SHARED_RESUMES = REPO.parent / "shared" / "data" / "resumes"

_JOBS = [
    ("Senior Backend Engineer, Globex Corporation", "Mar 2019 - Present"),
    ("Backend Engineer, Initech", "06/2015 - 02/2019"),
    ("Software Developer, Hooli", "09/2012 - 05/2015"),
]
_BULLETS = [
    "Designed and ran Python and Go services on Kubernetes handling 40k requests per second.",
    "Led the migration from a monolith to event-driven services with Kafka and PostgreSQL.",
    "Built billing APIs in Django and REST; cut p95 latency from 800 ms to 120 ms.",
    "Automated deployments with Terraform, GitHub Actions and AWS (ECS, RDS, S3).",
    "Mentored six engineers; introduced code review guidelines and on-call runbooks.",
    "Wrote integration tests with pytest and contract tests for 30 internal APIs.",
]


def resume_pages() -> list[list[str]]:
    """A realistic two-page resume: about 45 lines a page."""
    page1 = ["Jordan Rivera", "jordan.rivera@example.com | +1 (555) 010-2020 | Austin, TX", "SUMMARY",
             "Backend engineer with nine years of experience building reliable systems.", "EXPERIENCE"]  # fmt: skip
    for title, dates in _JOBS:
        page1 += [title, dates, *_BULLETS]
    page1 = (page1 + _BULLETS * 4)[:45]
    page2 = ["PROJECTS", "Open-source rate limiter in Rust used by 300 repositories.", *_BULLETS * 5,
             "SKILLS", "Python, Go, Rust, SQL, Kafka, Kubernetes, Terraform, AWS, GCP, Redis, PostgreSQL, Django",
             "EDUCATION", "B.Sc. in Computer Science, University of Texas, 2011 - 2015"]  # fmt: skip
    return [page1, page2]


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(work: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def latency(runs: int, job: Posting) -> None:
    pdf = make_pdf(resume_pages())
    real = sorted(SHARED_RESUMES.glob("cv-*.docx"))
    if real:
        docx, docx_name = real[0].read_bytes(), f"real DOCX {real[0].name} ({len(real[0].read_bytes()) // 1024} KB)"
    else:
        lines = [line for page in resume_pages() for line in page]
        docx, docx_name = make_docx(lines), "generated DOCX"
    started = time.perf_counter()
    read_resume(pdf, "cv.pdf", None, today=TODAY)
    print(f"worker start (first read_resume call only): {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"\nresume bytes → MatchReport, {runs} runs{'':<14} {'median ms':>10} {'p95 ms':>8}")
    for name, data, filename in (
        (f"generated 2-page PDF ({len(pdf) // 1024} KB)", pdf, "cv.pdf"),
        (docx_name, docx, "cv.docx"),
    ):
        resume = read_resume(data, filename, None, today=TODAY)
        profile = profile_resume(resume)
        parts = {
            "read_resume (worker process)": lambda d=data, f=filename: read_resume(d, f, None, today=TODAY),
            "profile_resume (keywords)": lambda r=resume: profile_resume(r),
            "score (one posting)": lambda p=profile: score(job, p),
            "whole path": lambda d=data, f=filename: score(job, read_resume(d, f, None, today=TODAY)),
        }
        print(f"{name}")
        for label, work in parts.items():
            median, p95 = percentiles(timed(work, runs))
            print(f"  {label:<42} {median:>10.1f} {p95:>8.1f}")


def synthetic_postings(count: int, seed: int = 7) -> list[Posting]:
    """`count` stored postings: the bench postings with varied titles (seniority, place, team: about
    5,000 distinct), years, education and keyword sets drawn from the same vocabulary."""
    bases = [parse_posting(p.read_text(encoding="utf-8")) for p in sorted(POSTINGS.iterdir())]
    vocabulary = [kw for base in bases for kw in base.keywords]
    rng = random.Random(seed)
    levels = [(None, None), ("junior", 1.0), ("mid", 3.0), ("senior", 5.0), ("lead", 8.0), (None, 2.0)]
    degrees = [None, Education("bachelor", ("Computer Science",), True), Education("master", (), False)]
    out = []
    for i in range(count):
        base = bases[i % len(bases)]
        kept = [kw for kw in base.keywords if rng.random() > 0.2]
        extra = {kw.keyword: kw for kw in rng.sample(vocabulary, 3)}
        names = {kw.keyword for kw in kept}
        keywords = tuple(kept + [kw for name, kw in extra.items() if name not in names])
        seniority, years = rng.choice(levels)
        title = base.fields.title or "Engineer"
        title = f"{seniority.title()} {title}" if seniority else title
        fields = replace(
            base.fields,
            title=title + PLACES[i % len(PLACES)],
            seniority=seniority,
            years_min=years,
            education=rng.choice(degrees),
        )
        out.append(replace(base, fields=fields, keywords=keywords))
    return out


def ranking(sizes: list[int], job: Posting) -> None:
    pdf = make_pdf(resume_pages())
    resumes = [read_resume(pdf, "cv.pdf", None, today=TODAY)]
    for path in sorted(SHARED_RESUMES.glob("cv-*.docx"))[:5]:
        resumes.append(read_resume(path.read_bytes(), path.name, None, today=TODAY))
    head = f"rank, limit 10 ({len(resumes)} resumes; times in ms)"
    print(f"\n{head:<46} {'build':>8} {'first':>8} {'median':>8} {'p95':>8}")
    for size in sizes:
        postings = synthetic_postings(size)
        started = time.perf_counter()
        index = RankingIndex(postings)
        build = (time.perf_counter() - started) * 1000
        first: list[float] = []
        later: list[float] = []
        for resume in resumes:
            profile = profile_resume(resume)
            first += timed(lambda p=profile, x=index: x.rank(p, 10), 1)
            later += timed(lambda p=profile, x=index: x.rank(p, 10), 5)
        median, p95 = percentiles(later)
        label = f"{size:,} postings"
        print(f"  {label:<44} {build:>8.0f} {statistics.median(first):>8.1f} {median:>8.1f} {p95:>8.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--sizes", default="10000,100000", help="posting counts to rank, comma separated")
    args = parser.parse_args()
    job = parse_posting((POSTINGS / "python-backend-senior.txt").read_text(encoding="utf-8"))
    latency(args.runs, job)
    ranking([int(s) for s in args.sizes.split(",")], job)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
