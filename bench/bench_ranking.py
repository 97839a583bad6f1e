"""Ranking quality: jobbot's `rank` against plain TF-IDF cosine, on the same resumes and postings.

Run from the repository root:  python bench/bench_ranking.py [--verbose]

Data: the 35 real resumes in ../shared/data/resumes (skipped cleanly when ../shared is absent)
and the postings in bench/ranking_data/postings, written for this benchmark across the
resumes' fields plus a few off-field ones. bench/ranking_data/labels.json holds hand labels
(field and level) for both; no resume text is kept in the project.

For each resume every posting is ranked; a posting is relevant when its field is the resume's
(the level-aware figure also asks for the same level, over resumes that have such a posting).
Figures: MRR (1 / rank of the first relevant posting), precision at 1 and nDCG at 5 with
binary gains, averaged over resumes. The posting order given to both methods is shuffled once
with a fixed seed, so ties are broken the same arbitrary way for both. The recruiter's direction
(resumes ranked for each posting, by `score`'s exact total) is printed after.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.postings.model import Posting  # noqa: E402
from bot.postings.parse import parse_posting  # noqa: E402
from bot.resumes import read_resume  # noqa: E402
from bot.resumes.model import ResumeText  # noqa: E402
from bot.scoring import profile_resume, rank, score  # noqa: E402

DATA = REPO / "bench" / "ranking_data"
SHARED_RESUMES = REPO.parent / "shared" / "data" / "resumes"

Ranker = Callable[[int], list[int]]  # resume index → posting indices, best first


def load_labels() -> tuple[dict[str, dict[str, str]], dict[str, dict[str, str]]]:
    labels = json.loads((DATA / "labels.json").read_text(encoding="utf-8"))
    return labels["resumes"], labels["postings"]


def metrics(order: Sequence[int], relevant: set[int]) -> tuple[float, float, float]:
    """(reciprocal rank, precision at 1, nDCG at 5) of one ranking with binary relevance."""
    first = next((i for i, p in enumerate(order) if p in relevant), None)
    rr = 0.0 if first is None else 1.0 / (first + 1)
    p1 = 1.0 if order and order[0] in relevant else 0.0
    dcg = sum(1.0 / math.log2(i + 2) for i, p in enumerate(order[:5]) if p in relevant)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(5, len(relevant))))
    return rr, p1, (dcg / ideal if ideal else 0.0)


def evaluate(ranker: Ranker, relevant_sets: Sequence[set[int]]) -> tuple[float, float, float, int]:
    rows = [metrics(ranker(i), rel) for i, rel in enumerate(relevant_sets) if rel]
    n = len(rows)
    return (sum(r[0] for r in rows) / n, sum(r[1] for r in rows) / n, sum(r[2] for r in rows) / n, n)


def tfidf_ranker(resume_texts: Sequence[str], posting_texts: Sequence[str], **options: object) -> Ranker:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    vectorizer = TfidfVectorizer(**options)  # type: ignore[arg-type]
    vectorizer.fit([*resume_texts, *posting_texts])
    sims = cosine_similarity(vectorizer.transform(resume_texts), vectorizer.transform(posting_texts))

    def ranker(i: int) -> list[int]:
        return sorted(range(len(posting_texts)), key=lambda j: (-sims[i, j], j))

    return ranker


def jobbot_ranker(resumes: Sequence[ResumeText], postings: Sequence[Posting]) -> Ranker:
    position = {id(p): j for j, p in enumerate(postings)}

    def ranker(i: int) -> list[int]:
        return [position[id(p)] for p, _ in rank(resumes[i], postings)]

    return ranker


def reverse_direction(
    resumes: Sequence[ResumeText],
    resume_names: Sequence[str],
    resume_labels: dict[str, dict[str, str]],
    postings: Sequence[Posting],
    names: Sequence[str],
    posting_labels: dict[str, dict[str, str]],
    raw_postings: Sequence[str],
) -> None:
    """The recruiter's direction: for each posting, the resumes ranked (by score's exact total)."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    profiles = [profile_resume(r) for r in resumes]
    totals = [[sum(c.points for c in score(p, prof).categories) for prof in profiles] for p in postings]
    texts = [r.text for r in resumes]
    vectorizer = TfidfVectorizer().fit([*texts, *raw_postings])
    sims = cosine_similarity(vectorizer.transform(raw_postings), vectorizer.transform(texts))
    order = range(len(resumes))
    methods: list[tuple[str, Ranker]] = [
        ("jobbot score", lambda j: sorted(order, key=lambda i: (-totals[j][i], i))),
        ("TF-IDF cosine", lambda j: sorted(order, key=lambda i: (-sims[j, i], i))),
    ]
    for title, level_aware in (("same field", False), ("same field and level", True)):
        sets = [
            {
                i
                for i, rn in enumerate(resume_names)
                if resume_labels[rn]["field"] == posting_labels[pn]["field"]
                and (not level_aware or resume_labels[rn]["level"] == posting_labels[pn]["level"])
            }
            for pn in names
        ]
        print(f"\nresumes ranked for each posting, relevant = {title}")
        print(f"  {'method':<36} {'MRR':>6} {'P@1':>6} {'nDCG@5':>7}   postings")
        for label, ranker in methods:
            mrr, p1, ndcg, n = evaluate(ranker, sets)
            print(f"  {label:<36} {mrr:6.3f} {p1:6.3f} {ndcg:7.3f}   {n}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--verbose", action="store_true", help="print each resume's top 3 postings")
    args = parser.parse_args()
    if not SHARED_RESUMES.is_dir():
        print(f"skipped: {SHARED_RESUMES} is not present (the real resumes live outside the project)")
        return 0
    resume_labels, posting_labels = load_labels()
    names = sorted(posting_labels)
    random.Random(20261127).shuffle(names)
    raw_postings = [(DATA / "postings" / n).read_text(encoding="utf-8") for n in names]
    postings = [parse_posting(raw) for raw in raw_postings]
    resume_names = sorted(n for n in resume_labels if (SHARED_RESUMES / n).is_file())
    resumes = [read_resume((SHARED_RESUMES / n).read_bytes(), n, None) for n in resume_names]

    def relevant(level_aware: bool) -> list[set[int]]:
        sets = []
        for rn in resume_names:
            want = resume_labels[rn]
            sets.append(
                {
                    j
                    for j, pn in enumerate(names)
                    if posting_labels[pn]["field"] == want["field"]
                    and (not level_aware or posting_labels[pn]["level"] == want["level"])
                }
            )
        return sets

    texts = [r.text for r in resumes]
    methods: list[tuple[str, Ranker]] = [
        ("jobbot rank", jobbot_ranker(resumes, postings)),
        ("TF-IDF cosine", tfidf_ranker(texts, raw_postings)),
        ("TF-IDF cosine, English stop words", tfidf_ranker(texts, raw_postings, stop_words="english")),
    ]
    fields = {v["field"] for v in posting_labels.values()}
    print(f"{len(resumes)} resumes x {len(postings)} postings ({len(fields)} fields); postings ranked for each resume")
    for title, level_aware in (("relevant = same field", False), ("relevant = same field and level", True)):
        sets = relevant(level_aware)
        print(f"\n{title}")
        print(f"  {'method':<36} {'MRR':>6} {'P@1':>6} {'nDCG@5':>7}   resumes")
        for label, ranker in methods:
            mrr, p1, ndcg, n = evaluate(ranker, sets)
            print(f"  {label:<36} {mrr:6.3f} {p1:6.3f} {ndcg:7.3f}   {n}")
    reverse_direction(resumes, resume_names, resume_labels, postings, names, posting_labels, raw_postings)
    if args.verbose:
        ranker = methods[0][1]
        for i, rn in enumerate(resume_names):
            top = [f"{names[j]}" for j in ranker(i)[:3]]
            print(f"{rn} [{resume_labels[rn]['field']}/{resume_labels[rn]['level']}]: {', '.join(top)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
