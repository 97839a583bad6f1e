"""The CLI contract of design.md: commands exist, errors are one sentence on stderr, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import build_parser, main
from tests.conftest import REPO_ROOT

CONTRACT_COMMANDS = {"run", "demo", "keywords", "score", "match", "detect", "db", "sync"}


def test_every_contract_command_is_present() -> None:
    parser = build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")
    assert set(subparsers.choices) >= CONTRACT_COMMANDS  # type: ignore[attr-defined]


def test_python_dash_m_bot_is_the_same_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "--help"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=60
    )
    assert result.returncode == 0
    for command in CONTRACT_COMMANDS:
        assert command in result.stdout


def test_missing_file_is_one_sentence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["keywords", str(tmp_path / "nope.txt")])
    err = capsys.readouterr().err
    assert code != 0
    assert err.count("\n") == 1 and "no such file" in err
    assert "Traceback" not in err


def test_folder_instead_of_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code = main(["detect", str(tmp_path)])
    assert code != 0
    assert "is a folder" in capsys.readouterr().err


def test_unexpected_error_never_shows_a_traceback(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import bot.cli

    def explode(args: object) -> int:
        raise RuntimeError("internal detail")

    monkeypatch.delenv("JOBBOT_DEBUG", raising=False)
    monkeypatch.setattr(bot.cli, "cmd_demo", explode)
    code = main(["demo"])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err and "internal detail" not in err
    assert "JOBBOT_DEBUG" in err


def test_a_docx_posting_is_read_like_a_discord_attachment(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    import json

    import docx

    document = docx.Document()
    for line in (REPO_ROOT / "examples" / "posting-icu-nurse.txt").read_text().splitlines():
        document.add_paragraph(line)
    path = tmp_path / "nurse.docx"
    document.save(str(path))
    assert main(["keywords", "--format", "json", str(path)]) == 0
    posting = json.loads(capsys.readouterr().out)
    assert posting["title"].startswith("Registered Nurse")
    assert {"BLS", "ACLS"} <= {k["keyword"] for k in posting["keywords"]}


def test_an_executable_named_pdf_is_refused_in_one_sentence(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "posting.pdf"
    path.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    assert main(["keywords", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("jobbot: posting.pdf") and err.count("\n") == 1
