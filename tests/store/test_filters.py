"""subscription_matches: which postings a subscription's filters let through."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.store import StoredPosting, Subscription, subscription_matches

NOW = datetime(2026, 1, 1, tzinfo=UTC)

POSTING = StoredPosting(
    id=1,
    guild_id=1,
    source="chat",
    channel_id=2,
    message_id=3,
    author_id=4,
    url=None,
    board_id=None,
    external_id=None,
    title="Senior Backend Engineer (C++)",
    company="Acme Robotics",
    location="Berlin, Germany",
    workplace="remote",
    employment_type="full_time",
    seniority="senior",
    created_at=NOW,
    updated_at=NOW,
    removed_at=None,
    record_json="{}",
    raw_text="",
)
KEYWORDS = ("Python", "PostgreSQL")


def sub(**filters: object) -> Subscription:
    base = Subscription(
        id=1,
        guild_id=1,
        channel_id=9,
        user_id=None,
        keywords=(),
        location=None,
        remote=None,
        seniority=None,
        company=None,
        created_by=5,
        created_at=NOW,
        enabled=True,
        disabled_reason=None,
        admins_notified=False,
    )
    return replace(base, **filters)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, True),
        ({"keywords": ("python",)}, True),
        ({"keywords": ("python", "postgresql")}, True),
        ({"keywords": ("python", "rust")}, False),  # every keyword is needed
        ({"keywords": ("backend",)}, True),  # a whole word of the title
        ({"keywords": ("back",)}, False),  # not a piece of a word
        ({"keywords": ("C++",)}, True),
        ({"keywords": ("C",)}, False),
        ({"location": "berlin"}, True),
        ({"location": "Paris"}, False),
        ({"company": "acme"}, True),
        ({"company": "Initech"}, False),
        ({"seniority": "Senior"}, True),
        ({"seniority": "junior"}, False),
        ({"remote": True}, True),
        ({"remote": False}, False),
        ({"enabled": False}, False),
        ({"guild_id": 2}, False),
    ],
)
def test_filters(filters: dict[str, object], expected: bool) -> None:
    assert subscription_matches(sub(**filters), POSTING, KEYWORDS) is expected


def test_unknown_fields_fail_their_filters_except_not_remote() -> None:
    vague = replace(POSTING, location=None, company=None, seniority=None, workplace=None)
    assert not subscription_matches(sub(location="Berlin"), vague, KEYWORDS)
    assert not subscription_matches(sub(company="Acme"), vague, KEYWORDS)
    assert not subscription_matches(sub(seniority="senior"), vague, KEYWORDS)
    assert not subscription_matches(sub(remote=True), vague, KEYWORDS)
    assert subscription_matches(sub(remote=False), vague, KEYWORDS)


def test_a_removed_posting_matches_nothing() -> None:
    assert not subscription_matches(sub(), replace(POSTING, removed_at=NOW), KEYWORDS)
