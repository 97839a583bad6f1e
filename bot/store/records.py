"""The plain, immutable rows the store hands back; the same for every storage backend."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from bot.postings.model import Posting

AckStyle = Literal["reaction", "thread"]
PostingSource = Literal["chat", "feed", "command"]
ACK_STYLES: tuple[AckStyle, ...] = ("reaction", "thread")
POSTING_SOURCES: tuple[PostingSource, ...] = ("chat", "feed", "command")


@dataclass(frozen=True, slots=True)
class GuildSettings:
    """A guild's choices; a guild the bot never configured gets these defaults."""

    guild_id: int
    ack_style: AckStyle = "reaction"
    admin_channel_id: int | None = None


@dataclass(frozen=True, slots=True)
class StoredPosting:
    """A posting saved in one guild, with the fields lists and filters need without re-parsing."""

    id: int
    guild_id: int
    source: PostingSource
    channel_id: int | None
    message_id: int | None
    author_id: int | None
    url: str | None
    board_id: int | None
    external_id: str | None
    title: str | None
    company: str | None
    location: str | None
    workplace: str | None
    employment_type: str | None
    seniority: str | None
    created_at: datetime
    updated_at: datetime
    removed_at: datetime | None
    record_json: str = field(repr=False)
    raw_text: str = field(repr=False)

    @property
    def removed(self) -> bool:
        return self.removed_at is not None

    def posting(self) -> Posting:
        """Rebuild the parsed posting (keywords, sections, fields) exactly as it was saved."""
        record = json.loads(self.record_json)
        record["raw"] = self.raw_text
        return Posting.from_record(record)


@dataclass(frozen=True, slots=True)
class PostingTitle:
    """What autocomplete needs about a posting, and nothing more."""

    id: int
    title: str | None
    company: str | None


@dataclass(frozen=True, slots=True)
class PostingCounts:
    active: int
    removed: int
    from_chat: int
    from_feed: int
    from_command: int


@dataclass(frozen=True, slots=True)
class StoredKeyword:
    keyword: str
    category: str
    weight: float
    required: bool | None
    count: int


@dataclass(frozen=True, slots=True)
class Subscription:
    """Where a guild's new postings are announced (a channel, or a member by DM) and which ones."""

    id: int
    guild_id: int
    channel_id: int | None
    user_id: int | None
    keywords: tuple[str, ...]
    location: str | None
    remote: bool | None
    seniority: str | None
    company: str | None
    created_by: int
    created_at: datetime
    enabled: bool
    disabled_reason: str | None
    admins_notified: bool


@dataclass(frozen=True, slots=True)
class Delivery:
    subscription_id: int
    posting_id: int
    claimed_at: datetime
    delivered_at: datetime | None
    channel_id: int | None
    message_id: int | None


@dataclass(frozen=True, slots=True)
class Board:
    """A company job board (provider + slug), shared by every guild that follows it."""

    id: int
    provider: str
    slug: str
    url: str | None
    etag: str | None
    last_modified: str | None
    last_polled_at: datetime | None
    next_poll_at: datetime | None
    consecutive_failures: int
    last_error: str | None


@dataclass(frozen=True, slots=True)
class FollowedBoard:
    guild_id: int
    channel_id: int | None
    board: Board
