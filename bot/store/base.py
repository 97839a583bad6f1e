"""The storage interface the bot and services are written against.

SQLite implements it today (`bot/store/sqlite.py`); a PostgreSQL adapter for multi-process
deployments implements the same protocols, so callers never change. Every posting query
takes a guild id: a posting shared in one guild is never visible from another.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Protocol

from bot.postings.model import Posting
from bot.store.records import (
    AckStyle,
    Board,
    Delivery,
    FollowedBoard,
    GuildSettings,
    PostingCounts,
    PostingSource,
    PostingTitle,
    StoredKeyword,
    StoredPosting,
    Subscription,
)


class GuildRepository(Protocol):
    async def settings(self, guild_id: int) -> GuildSettings: ...

    async def set_ack_style(self, guild_id: int, style: AckStyle) -> None: ...

    async def set_admin_channel(self, guild_id: int, channel_id: int | None) -> None: ...

    async def watch(self, guild_id: int, channel_id: int, added_by: int | None = None) -> bool:
        """Start reading postings in a channel; False if it was already watched."""
        ...

    async def unwatch(self, guild_id: int, channel_id: int) -> bool:
        """Stop reading a channel; False if it was not watched."""
        ...

    async def watched_channels(self, guild_id: int) -> list[int]: ...

    async def is_watched(self, guild_id: int, channel_id: int) -> bool: ...

    async def forget(self, guild_id: int) -> None:
        """Delete everything stored for a guild (the bot was removed from it)."""
        ...


class PostingRepository(Protocol):
    async def save_posting(
        self,
        guild_id: int,
        posting: Posting,
        *,
        source: PostingSource,
        channel_id: int | None = None,
        message_id: int | None = None,
        author_id: int | None = None,
        url: str | None = None,
        board_id: int | None = None,
        external_id: str | None = None,
    ) -> tuple[StoredPosting, bool]:
        """Store a posting once; returns (the posting, whether a new one was created).

        The same message (an edit, a restart catch-up) updates its row; the same board job
        updates its row; the same text already live in the guild returns that posting. A deleted
        message stays removed even if an edit of it arrives late: check `.removed` on the result.
        If an edit makes a message's text the same as another live posting, its own row is retired
        and that other posting is returned.
        """
        ...

    async def get(self, guild_id: int, posting_id: int, *, include_removed: bool = False) -> StoredPosting | None: ...

    async def get_by_message(self, guild_id: int, message_id: int) -> StoredPosting | None: ...

    async def get_feed_posting(self, guild_id: int, board_id: int, external_id: str) -> StoredPosting | None: ...

    async def remove_by_message(self, guild_id: int, message_id: int) -> bool:
        """Mark the posting of a deleted message removed; False if there was none live."""
        ...

    async def remove_feed_posting(self, guild_id: int, board_id: int, external_id: str) -> bool:
        """Mark a job that left its board removed; False if there was none live."""
        ...

    async def feed_external_ids(self, guild_id: int, board_id: int) -> set[str]:
        """External ids of the live postings a guild holds from one board."""
        ...

    async def latest(self, guild_id: int, channel_id: int | None = None) -> StoredPosting | None: ...

    async def titles(self, guild_id: int, limit: int = 5000) -> list[PostingTitle]:
        """Live postings' titles and companies, newest first (for autocomplete)."""
        ...

    async def list_active(self, guild_id: int, limit: int = 500) -> list[StoredPosting]:
        """Live postings, newest first."""
        ...

    async def keywords(self, guild_id: int, posting_id: int) -> list[StoredKeyword]:
        """A posting's keywords, heaviest first; empty for another guild's posting."""
        ...

    async def counts(self, guild_id: int) -> PostingCounts: ...


class SubscriptionRepository(Protocol):
    async def create(
        self,
        guild_id: int,
        created_by: int,
        *,
        channel_id: int | None = None,
        user_id: int | None = None,
        keywords: Iterable[str] = (),
        location: str | None = None,
        remote: bool | None = None,
        seniority: str | None = None,
        company: str | None = None,
    ) -> Subscription:
        """A channel subscription (channel_id) or a DM one (user_id): exactly one of the two."""
        ...

    async def get(self, guild_id: int, subscription_id: int) -> Subscription | None: ...

    async def delete(self, guild_id: int, subscription_id: int) -> bool: ...

    async def for_guild(self, guild_id: int) -> list[Subscription]: ...

    async def enabled_for_guild(self, guild_id: int) -> list[Subscription]: ...

    async def disable(self, subscription_id: int, reason: str) -> bool:
        """Stop delivering to it; True only if this call disabled it (so admins are told once)."""
        ...

    async def mark_admins_notified(self, subscription_id: int) -> bool:
        """True only for the first call, so a notice about a subscription goes out once."""
        ...


class DeliveryRepository(Protocol):
    async def claim(self, subscription_id: int, posting_id: int) -> bool:
        """Reserve the right to announce a posting to a subscription: True exactly once, ever.

        False too when the two belong to different guilds.
        """
        ...

    async def record_message(self, subscription_id: int, posting_id: int, channel_id: int, message_id: int) -> None:
        """The announcement was sent: remember where."""
        ...

    async def release(self, subscription_id: int, posting_id: int) -> None:
        """Give back a claim whose send failed for a passing reason, so a later try may deliver it."""
        ...

    async def get(self, subscription_id: int, posting_id: int) -> Delivery | None: ...


class BoardRepository(Protocol):
    async def get_or_create(self, provider: str, slug: str, url: str | None = None) -> Board: ...

    async def get(self, board_id: int) -> Board | None: ...

    async def follow(
        self, guild_id: int, board_id: int, channel_id: int | None = None, created_by: int | None = None
    ) -> bool:
        """False if the guild already followed it."""
        ...

    async def unfollow(self, guild_id: int, board_id: int) -> bool: ...

    async def followed(self, guild_id: int) -> list[FollowedBoard]: ...

    async def followers(self, board_id: int) -> list[FollowedBoard]: ...

    async def due(self, now: datetime, limit: int = 50) -> list[Board]:
        """Followed boards whose next poll time has come, most overdue first."""
        ...

    async def record_success(
        self,
        board_id: int,
        *,
        polled_at: datetime,
        next_poll_at: datetime,
        etag: str | None,
        last_modified: str | None,
    ) -> None: ...

    async def record_failure(self, board_id: int, *, polled_at: datetime, next_poll_at: datetime, error: str) -> int:
        """Returns the number of failures in a row, for back-off."""
        ...


class Store(Protocol):
    """Every repository over one database; `close()` once when the bot stops."""

    @property
    def guilds(self) -> GuildRepository: ...

    @property
    def postings(self) -> PostingRepository: ...

    @property
    def subscriptions(self) -> SubscriptionRepository: ...

    @property
    def deliveries(self) -> DeliveryRepository: ...

    @property
    def boards(self) -> BoardRepository: ...

    async def close(self) -> None: ...
