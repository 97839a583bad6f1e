"""The files the Dockerfile, compose file and wheel rely on exist and say what they should."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO_ROOT


def test_dockerfile_copies_existing_paths() -> None:
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    sources = re.findall(r"^COPY (?!--from)(\S+(?: \S+)*) \S+$", dockerfile, flags=re.MULTILINE)
    assert sources, "the Dockerfile copies nothing"
    for line in sources:
        for source in line.split():
            assert (REPO_ROOT / source).exists(), f"Dockerfile copies {source}, which does not exist"


def test_dockerfile_runs_as_non_root_with_healthcheck_and_volume() -> None:
    dockerfile = (REPO_ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.1\d-slim", dockerfile, flags=re.MULTILINE)
    assert re.search(r"^USER (?!root)\w+", dockerfile, flags=re.MULTILINE)
    assert "HEALTHCHECK" in dockerfile and '"db", "check"' in dockerfile
    assert 'CMD ["jobbot", "run"]' in dockerfile
    assert "JOBBOT_DATABASE=/data/jobbot.db" in dockerfile and 'VOLUME ["/data"]' in dockerfile


def test_compose_reads_token_from_env_file() -> None:
    compose = (REPO_ROOT / "compose.yaml").read_text()
    assert "env_file: .env" in compose
    assert "/data" in compose


def test_wheel_ships_migrations_and_examples() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())
    force_include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert force_include["migrations"] == "bot/migrations"
    assert force_include["examples"] == "bot/examples"
    assert config["project"]["scripts"]["jobbot"] == "bot.cli:main"
    assert any(dep.startswith("discord.py~=2.7") for dep in config["project"]["dependencies"])
