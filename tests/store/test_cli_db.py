"""`jobbot db migrate` and `jobbot db check` end to end through the CLI entry point."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from bot.cli import main
from bot.store.migrations import load_migrations

LATEST = load_migrations()[-1].version


def test_migrate_twice_then_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "data" / "jobbot.db"

    assert main(["db", "--database", str(db), "migrate"]) == 0
    assert capsys.readouterr().out.strip() == f"{db}: migrated from schema version 0 to {LATEST}."

    assert main(["db", "--database", str(db), "migrate"]) == 0
    assert capsys.readouterr().out.strip() == f"{db}: already at schema version {LATEST}; nothing to do."

    assert main(["db", "--database", str(db), "check"]) == 0
    assert capsys.readouterr().out.strip() == f"{db}: integrity ok; schema version {LATEST} (current)."


def test_check_of_a_missing_database_fails_without_creating_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "missing.db"
    assert main(["db", "--database", str(db), "check"]) == 1
    assert "no database here" in capsys.readouterr().out
    assert not db.exists()


def test_newer_database_is_one_sentence_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "jobbot.db"
    assert main(["db", "--database", str(db), "migrate"]) == 0
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    conn.close()
    capsys.readouterr()

    assert main(["db", "--database", str(db), "migrate"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("jobbot: This database has schema version")
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err

    assert main(["db", "--database", str(db), "check"]) == 1
    assert "newer than this jobbot" in capsys.readouterr().out
