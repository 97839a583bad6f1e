"""`jobbot demo`: the whole pipeline offline on the bundled example files.

It shows a new user (and CI) what the bot answers in Discord without a token: the keywords of
a posting, a resume's match report against it, and the example postings ranked for the resume.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from bot.errors import UserFacingError

RESUME_NAME = "resume-sam-lee.md"
MAIN_POSTING_NAME = "posting-backend-engineer.md"


def examples_dir() -> Traversable:
    """The bundled examples: inside an installed wheel (bot/examples) or the checkout's examples/."""
    packaged = files("bot") / "examples"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parents[1] / "examples"
    if checkout.is_dir():
        return checkout
    raise UserFacingError("The bundled example files are missing from this installation.")


def run_demo() -> int:
    from bot.postings.parse import parse_posting
    from bot.resumes import read_resume
    from bot.scoring import format_ranking_text, format_report_text, rank, score
    from bot.skills.report import format_posting_text

    folder = examples_dir()
    posting_files = sorted(
        (entry for entry in folder.iterdir() if entry.name.startswith("posting-")), key=lambda e: e.name
    )
    postings = {entry.name: parse_posting(entry.read_text(encoding="utf-8")) for entry in posting_files}
    resume_file = folder / RESUME_NAME
    resume = read_resume(resume_file.read_bytes(), RESUME_NAME, "text/markdown")

    print(f"=== /jobkeywords for examples/{MAIN_POSTING_NAME} ===\n")
    print(format_posting_text(postings[MAIN_POSTING_NAME]))
    print(f"\n=== /score: examples/{RESUME_NAME} against examples/{MAIN_POSTING_NAME} ===\n")
    print(format_report_text(score(postings[MAIN_POSTING_NAME], resume)))
    print(f"\n=== /match: the {len(postings)} example postings ranked for examples/{RESUME_NAME} ===\n")
    names = {id(posting): name for name, posting in postings.items()}
    ranked = rank(resume, list(postings.values()))
    print(format_ranking_text([(f"examples/{names[id(p)]}", p, report) for p, report in ranked]))
    print("\nTry your own files: jobbot keywords POSTING, jobbot score --resume FILE --posting POSTING")
    return 0
