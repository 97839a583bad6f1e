"""Persistence: SQLite today, behind the protocols of `bot.store.base` so other backends can follow.

`open_store(path)` opens and migrates the database and returns the `Store` (its repositories:
guilds, postings, subscriptions, deliveries, boards); close it with `await store.close()`.
"""

from __future__ import annotations

from bot.store.base import (
    BoardRepository,
    DeliveryRepository,
    GuildRepository,
    PostingRepository,
    Store,
    SubscriptionRepository,
)
from bot.store.filters import subscription_matches
from bot.store.migrations import CheckResult, check_database, migrate_database
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
from bot.store.sqlite import open_store

__all__ = [
    "AckStyle",
    "Board",
    "BoardRepository",
    "CheckResult",
    "Delivery",
    "DeliveryRepository",
    "FollowedBoard",
    "GuildRepository",
    "GuildSettings",
    "PostingCounts",
    "PostingRepository",
    "PostingSource",
    "PostingTitle",
    "Store",
    "StoredKeyword",
    "StoredPosting",
    "Subscription",
    "SubscriptionRepository",
    "check_database",
    "migrate_database",
    "open_store",
    "subscription_matches",
]
