"""Migrations ship inside the wheel and the runner finds them there, away from the checkout."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

from bot.store.migrations import load_migrations

REPO_ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("hatchling") is None, reason="hatchling (dev extra) is needed to build the wheel"
)


def test_wheel_carries_the_migrations_and_the_runner_uses_them(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    pip_wheel = [sys.executable, "-m", "pip", "wheel", str(REPO_ROOT), "--no-deps", "--no-build-isolation"]
    built = subprocess.run(
        [*pip_wheel, "-q", "-w", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = out.glob("jobbot-*.whl")

    expected = {f"bot/migrations/{m.filename}" for m in load_migrations()}
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        assert "bot/migrations/0001_initial.sql" in names
        assert expected <= names
        unpacked = tmp_path / "unpacked"
        archive.extractall(unpacked)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    script = textwrap.dedent(
        """
        import asyncio, json, sys
        from pathlib import Path
        import bot.store.migrations as runner

        db = Path("data") / "jobbot.db"
        versions = asyncio.run(runner.migrate_database(db))
        check = asyncio.run(runner.check_database(db))
        print(json.dumps({"module": runner.__file__, "folder": str(runner.migrations_folder()),
                          "versions": versions, "ok": check.ok}))
        """
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    ran = subprocess.run(
        [sys.executable, "-c", script], cwd=elsewhere, env=env, capture_output=True, text=True, timeout=60
    )
    assert ran.returncode == 0, ran.stderr
    report = json.loads(ran.stdout)
    assert Path(report["module"]).is_relative_to(unpacked)
    assert Path(report["folder"]) == unpacked / "bot" / "migrations"
    assert report["versions"] == [0, len(expected)]
    assert report["ok"] is True
    assert (elsewhere / "data" / "jobbot.db").is_file()
