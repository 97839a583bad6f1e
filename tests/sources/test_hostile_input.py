"""Whatever a link, a page or a board answers, parsing ends quickly in a result or one sentence."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from multidict import CIMultiDict, CIMultiDictProxy

from bot.net.fetch import Response
from bot.postings.sources.jsonld import job_postings_in_page
from bot.postings.sources.links import Provider, classify_url
from bot.postings.sources.model import SourceFormatError
from bot.postings.sources.page import readable_html
from bot.postings.sources.providers import parse_board
from bot.services.boards import _retry_after

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_any_text_is_classified_without_error(text: str) -> None:
    link = classify_url(text)
    assert link is None or link.provider in Provider


@given(st.sampled_from(list(Provider)), json_values)
@settings(max_examples=300, deadline=None)
def test_any_json_parses_or_gets_the_format_sentence(provider: Provider, data: Any) -> None:
    try:
        jobs = parse_board(provider, data)
    except SourceFormatError:
        return
    assert all(isinstance(job.external_id, str) and job.external_id for job in jobs)


@given(json_values)
@settings(max_examples=200, deadline=None)
def test_any_json_ld_is_read_without_error(data: Any) -> None:
    page = f'<script type="application/ld+json">{json.dumps({"@type": "JobPosting", "x": data})}</script>'
    [job] = job_postings_in_page(page, "https://x.example/")
    assert job.external_id


def test_hostile_pages_cost_bounded_time() -> None:
    pages = [
        "<div>" * 200_000,
        '<script type="application/ld+json">' + "[" * 50_000 + "]" * 50_000 + "</script>",
        '<script type="application/ld+json">{"@graph": [' + ",".join(["{}"] * 100_000) + "]}</script>",
        "<main>" + "<p>a</p>" * 100_000 + "</main>",
        "<a" * 300_000,
        "<nav>" * 100_000,
        "<header>x" * 100_000 + "</header>" * 100_000,
        "<!--" * 100_000,
    ]
    for page in pages:
        started = time.perf_counter()
        job_postings_in_page(page)
        readable_html(page)
        assert time.perf_counter() - started < 10.0  # linear work takes well under a second; bounded, not timed


def test_retry_after_in_seconds_or_as_a_date() -> None:
    def answer(value: str) -> Response:
        return Response("https://x/", 429, CIMultiDictProxy(CIMultiDict({"Retry-After": value})), b"")

    assert _retry_after(answer("120")) == 120.0
    later = format_datetime(datetime.now(UTC) + timedelta(hours=1), usegmt=True)
    waited = _retry_after(answer(later))
    assert waited is not None and 3500 <= waited <= 3600
    assert _retry_after(answer("soon")) is None


def test_readable_html_keeps_the_main_content_and_cuts_chrome() -> None:
    page = (
        "<html><head><title>Jobs</title><style>p{}</style></head><body><nav><a>Home</a><nav>inner</nav></nav>"
        "<header>Site</header><div><h1>Cook</h1><p>Line cook, nights.</p>"
        "<script>if (a < b) { document.write('<nav>') }</script><!-- <footer> --></div>"
        "<footer>(c) Site</footer></body></html>"
    )
    readable = readable_html(page)
    assert "Cook" in readable and "Line cook" in readable
    for chrome in ("Home", "inner", "Site", "document.write", "Jobs", "p{}"):
        assert chrome not in readable
    assert readable_html("<nav>only chrome</nav><script>x()</script>") == ""
