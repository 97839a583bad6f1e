"""The `jobbot` command line: design.md's CLI contract.

Every command prints results to stdout and, on failure, one clear sentence to stderr
with a non-zero exit. A bad file never produces a traceback (set JOBBOT_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from bot import __version__
from bot.errors import UserFacingError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_BAD_INPUT = 2

MAX_INPUT_BYTES = 16 * 1024 * 1024


def _read_input(name: str) -> bytes:
    """Read a FILE argument (or stdin for `-`), bounded so a huge file cannot eat memory."""
    if name == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    else:
        path = Path(name)
        if not path.exists():
            raise UserFacingError(f"{name}: no such file.")
        if path.is_dir():
            raise UserFacingError(f"{name}: is a folder, not a file.")
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_INPUT_BYTES + 1)
        except OSError as exc:
            raise UserFacingError(f"{name}: cannot be read ({exc.strerror or 'I/O error'}).") from None
    if len(data) > MAX_INPUT_BYTES:
        raise UserFacingError(f"{name}: larger than {MAX_INPUT_BYTES // (1024 * 1024)} MB, refused.")
    return data


def _is_url(name: str) -> bool:
    return name.lower().startswith(("http://", "https://"))


def _resolve_posting_url(url: str) -> Any:
    """A job link read the way the bot reads one shared in chat (board API, JSON-LD, then the page)."""
    from bot.config import get_settings
    from bot.net.fetch import Fetcher
    from bot.services.boards import resolve_url

    async def resolve() -> Any:
        settings = get_settings()
        async with Fetcher(settings) as fetcher:
            return (await resolve_url(url, fetcher, settings)).posting

    return asyncio.run(resolve())


def _load_posting(name: str) -> Any:
    if _is_url(name):
        return _resolve_posting_url(name)
    return _parse_posting_file(name, _read_input(name))


def _posting_text(name: str, data: bytes) -> str:
    """Text of a posting file: PDF and DOCX through the bounded document reader, like the bot's attachments."""
    from bot.config import get_settings
    from bot.services.ingest import posting_text_from_file

    return posting_text_from_file(data, "stdin" if name == "-" else Path(name).name, None, get_settings())


def _parse_posting_file(name: str, data: bytes) -> Any:
    from bot.postings.parse import parse_posting

    return parse_posting(_posting_text(name, data))


def _load_resume(name: str) -> Any:
    from bot.config import get_settings
    from bot.resumes import ResumeLimits, read_resume

    filename = None if name == "-" else Path(name).name
    return read_resume(_read_input(name), filename, None, limits=ResumeLimits.from_settings(get_settings()))


def _print_json(obj: Any, *, pretty: bool) -> None:
    if pretty:
        print(json.dumps(obj, ensure_ascii=False, indent=2))
    else:
        print(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def _progress(done: int, total: int) -> None:
    if total > 20 and sys.stderr.isatty():
        print(f"\r{done}/{total} files", end="" if done < total else "\n", file=sys.stderr, flush=True)


def cmd_keywords(args: argparse.Namespace) -> int:
    from bot.skills.report import format_posting_text

    failures = 0
    objects: list[dict[str, Any]] = []
    for i, name in enumerate(args.files, 1):
        try:
            posting = _load_posting(name)
        except UserFacingError as exc:
            failures += 1
            print(f"jobbot: {exc}", file=sys.stderr)
            if args.format == "jsonl":  # keep one line per FILE, in order
                _print_json({"file": name, "error": str(exc), "keywords": []}, pretty=False)
            continue
        finally:
            _progress(i, len(args.files))
        if args.format == "text":
            if len(args.files) > 1:
                print(f"== {name} ==")
            print(format_posting_text(posting))
        elif args.format == "jsonl":
            _print_json(posting.to_dict(), pretty=False)
        else:
            objects.append(posting.to_dict())
    if args.format == "json" and objects:
        _print_json(objects[0] if len(args.files) == 1 else objects, pretty=True)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def cmd_detect(args: argparse.Namespace) -> int:
    from bot.postings.detect import POSTING_THRESHOLD, looks_like_posting

    failures = 0
    results: list[dict[str, Any]] = []
    for name in args.files:
        try:
            text = _posting_text(name, _read_input(name))
        except UserFacingError as exc:
            failures += 1
            print(f"jobbot: {exc}", file=sys.stderr)
            if args.format == "jsonl":
                _print_json({"file": name, "error": str(exc)}, pretty=False)
            continue
        score = looks_like_posting(text)
        verdict = {"is_posting": score >= POSTING_THRESHOLD, "score": round(score, 4)}
        if args.format == "jsonl":
            _print_json(verdict, pretty=False)
        elif args.format == "json":
            results.append({"file": name, **verdict})
        else:
            label = "posting" if verdict["is_posting"] else "not a posting"
            print(f"{name}: {label} (score {verdict['score']:.2f})")
    if args.format == "json":
        _print_json(results[0] if len(args.files) == 1 and results else results, pretty=True)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def cmd_score(args: argparse.Namespace) -> int:
    from bot.scoring import format_report_text, score

    resume = _load_resume(args.resume)
    posting = _load_posting(args.posting)
    report = score(posting, resume)
    if args.format == "json":
        _print_json(report.to_dict(), pretty=True)
    else:
        print(format_report_text(report))
    return EXIT_OK


def cmd_match(args: argparse.Namespace) -> int:
    from bot.scoring import format_ranking_text, rank

    resume = _load_resume(args.resume)
    postings: list[tuple[str, Any]] = []
    failures = 0
    for i, name in enumerate(args.postings, 1):
        try:
            postings.append((name, _load_posting(name)))
        except UserFacingError as exc:
            failures += 1
            print(f"jobbot: {exc}", file=sys.stderr)
        _progress(i, len(args.postings))
    ranked = rank(resume, [p for _, p in postings])
    label = {id(p): name for name, p in postings}
    if args.format == "json":
        results = []
        for posting, report in ranked:
            fields = posting.fields
            results.append(
                {
                    "posting": label[id(posting)],
                    "score": report.score,
                    "title": fields.title,
                    "company": fields.company,
                    "location": "; ".join(fields.locations) if fields.locations else None,
                    "matched": len(report.matched),
                    "missing": len(report.missing),
                }
            )
        _print_json({"results": results}, pretty=True)
    else:
        print(format_ranking_text([(label[id(p)], p, r) for p, r in ranked]))
    return EXIT_BAD_INPUT if failures else EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from bot.demo import run_demo

    return run_demo()


def cmd_run(args: argparse.Namespace) -> int:
    from bot.app import run_bot
    from bot.config import get_settings

    return run_bot(get_settings())


def cmd_sync(args: argparse.Namespace) -> int:
    from bot.app import sync_commands
    from bot.config import get_settings

    return asyncio.run(sync_commands(get_settings(), guild_id=args.guild))


def cmd_db(args: argparse.Namespace) -> int:
    from bot.config import get_settings
    from bot.store.migrations import check_database, migrate_database

    path = Path(args.database) if args.database else get_settings().database
    if args.db_command == "migrate":
        before, after = asyncio.run(migrate_database(path))
        if before == after:
            print(f"{path}: already at schema version {after}; nothing to do.")
        else:
            print(f"{path}: migrated from schema version {before} to {after}.")
        return EXIT_OK
    result = asyncio.run(check_database(path))
    print(result.summary())
    return EXIT_OK if result.ok else EXIT_ERROR


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jobbot",
        description="Job postings → ATS keywords, resume match scores and job feeds (offline, deterministic).",
    )
    parser.add_argument("--version", action="version", version=f"jobbot {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def add(name: str, handler: Callable[[argparse.Namespace], int], help_text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(handler=handler)
        return p

    add("run", cmd_run, "Start the Discord bot (needs JOBBOT_DISCORD_TOKEN).")
    add("demo", cmd_demo, "Offline demo: keywords and a match score on the bundled example files.")

    p = add("keywords", cmd_keywords, "List the keywords a resume needs for each posting FILE.")
    p.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    p.add_argument("files", nargs="+", metavar="FILE", help="posting file (text, HTML, markdown); - for stdin")

    p = add("score", cmd_score, "Score a resume against a posting: matched, missing, advice.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--resume", required=True, metavar="FILE", help="resume (PDF, DOCX, TXT, MD, RTF, ODT, HTML)")
    p.add_argument("--posting", required=True, metavar="FILE", help="posting file; - for stdin")

    p = add("match", cmd_match, "Rank posting files for a resume, best first.")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("--resume", required=True, metavar="FILE")
    p.add_argument("postings", nargs="+", metavar="POSTING_FILE")

    p = add("detect", cmd_detect, "Say whether each FILE looks like a job posting (as the bot does for chat).")
    p.add_argument("--format", choices=["text", "json", "jsonl"], default="text")
    p.add_argument("files", nargs="+", metavar="FILE")

    p = add("sync", cmd_sync, "Register the slash commands with Discord (globally, or in one guild).")
    p.add_argument("--guild", type=int, default=None, metavar="ID", help="sync to this guild only (instant)")

    p = add("db", cmd_db, "Database maintenance.")
    p.add_argument("--database", default=None, metavar="PATH", help="default: JOBBOT_DATABASE")
    db_sub = p.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    db_sub.add_parser("migrate", help="Create or upgrade the database schema (safe to repeat).")
    db_sub.add_parser("check", help="Integrity check and schema version; non-zero exit if unhealthy.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UserFacingError as exc:
        print(f"jobbot: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("jobbot: interrupted.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback for a user
        if os.environ.get("JOBBOT_DEBUG"):
            raise
        print(f"jobbot: unexpected error ({type(exc).__name__}); set JOBBOT_DEBUG=1 for details.", file=sys.stderr)
        return EXIT_ERROR
