"""The taxonomy ships inside the wheel and loads from it through package resources (no checkout paths)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

from bot.skills.taxonomy import data_sources

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_wheel_carries_the_taxonomy_and_loads_it(tmp_path: Path) -> None:
    out = tmp_path / "dist"
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO_ROOT),
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert built.returncode == 0, built.stderr
    (wheel,) = out.glob("jobbot-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path / "unpacked")
    assert {f"bot/skills/data/{name}" for name, _ in data_sources()} <= names

    script = textwrap.dedent(
        f"""
        import sys
        sys.path.insert(0, {str(tmp_path / "unpacked")!r})
        from bot.skills.extract import default_matcher
        from bot.skills.taxonomy import load_taxonomy
        import bot.skills.taxonomy as module
        assert module.__file__.startswith({str(tmp_path / "unpacked")!r}), module.__file__
        print(len(load_taxonomy().entries), [m.entry.name for m in default_matcher().find("k8s and Postgres")])
        """
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    ran = subprocess.run(
        [sys.executable, "-I", "-c", script], cwd=elsewhere, capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    count, names_found = ran.stdout.split(" ", 1)
    assert int(count) >= 2000
    assert names_found.strip() == "['Kubernetes', 'PostgreSQL']"
