"""`jobbot keywords`, `score --posting` and `match` take http(s) URLs, read like links shared in chat."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from pathlib import Path

from bot.postings.sources.links import Provider, job_api_url
from tests.boards.server import BoardServer
from tests.sources import payloads

RESUME = Path(__file__).resolve().parents[2] / "examples" / "resume-sam-lee.md"


async def _jobbot(cwd: Path, *args: str, **env: str) -> tuple[int, str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith("JOBBOT_")} | env
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=cwd, env=environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


async def test_keywords_score_and_match_read_urls(board_server: BoardServer, tmp_path: Path) -> None:
    job = payloads.lever_job()
    job_url = job_api_url(Provider.LEVER, "globex", job["id"])
    assert job_url is not None
    board_server.serve_api(job_url, job)
    board_server.serve_html("/jobs/sre", payloads.jsonld_page())
    lever_link = f"https://jobs.lever.co/globex/{job['id']}"
    page_link = board_server.url("/jobs/sre")
    env = {"JOBBOT_ALLOW_PRIVATE_NETWORKS": "true", "JOBBOT_BOARD_API_ORIGIN": board_server.origin}

    code, out, err = await _jobbot(tmp_path, "keywords", "--format", "jsonl", lever_link, page_link, **env)
    assert code == 0, err
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["title"] == "Data Engineer" and first["salary"]["currency"] == "GBP"
    assert second["company"] == "Wayne Enterprises"
    assert "Terraform" in {k["keyword"] for k in second["keywords"]}

    code, out, err = await _jobbot(
        tmp_path, "score", "--format", "json", "--resume", str(RESUME), "--posting", page_link, **env
    )
    assert code == 0, err
    assert 0 <= json.loads(out)["score"] <= 100

    code, out, err = await _jobbot(
        tmp_path, "match", "--format", "json", "--resume", str(RESUME), lever_link, page_link, **env
    )
    assert code == 0, err
    assert {r["posting"] for r in json.loads(out)["results"]} == {lever_link, page_link}


async def test_a_loopback_url_is_refused_in_one_sentence(board_server: BoardServer, tmp_path: Path) -> None:
    board_server.serve_html("/jobs/sre", payloads.jsonld_page())
    code, out, err = await _jobbot(tmp_path, "keywords", board_server.url("/jobs/sre"))
    assert code != 0 and out == ""
    assert err.strip() == "jobbot: That link points to a private or local network address, which jobbot does not fetch."
    assert board_server.requests == []
