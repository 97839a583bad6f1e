"""Pick the subscriptions a new posting matches and make each announcement happen at most once.

A delivery is claimed in the store before the message is sent, so a restart (or a second
process) never announces the same posting twice to a subscription. The Discord send itself
is the cog's job; this module tells it what to send and records what happened.
"""

from __future__ import annotations

from bot.store import Store, StoredPosting, Subscription, subscription_matches


async def claim_deliveries(store: Store, stored: StoredPosting) -> list[Subscription]:
    """The enabled subscriptions of the posting's guild it matches, each claimed for this posting."""
    subscriptions = await store.subscriptions.enabled_for_guild(stored.guild_id)
    if not subscriptions:
        return []
    keywords = [k.keyword for k in await store.postings.keywords(stored.guild_id, stored.id)]
    claimed: list[Subscription] = []
    for subscription in subscriptions:
        if subscription_matches(subscription, stored, keywords) and await store.deliveries.claim(
            subscription.id, stored.id
        ):
            claimed.append(subscription)
    return claimed


async def delivered(
    store: Store, subscription: Subscription, posting_id: int, channel_id: int, message_id: int
) -> None:
    await store.deliveries.record_message(subscription.id, posting_id, channel_id, message_id)


async def delivery_failed(
    store: Store, subscription: Subscription, posting_id: int, *, permanent: bool, reason: str
) -> bool:
    """Record a failed send; True when the admins should now be told (once per subscription).

    A permanent failure (the channel is gone, or the bot may not post there) disables the
    subscription; a passing one gives the claim back so a later posting run may retry.
    """
    if not permanent:
        await store.deliveries.release(subscription.id, posting_id)
        return False
    if await store.subscriptions.disable(subscription.id, reason):
        return await store.subscriptions.mark_admins_notified(subscription.id)
    return False
