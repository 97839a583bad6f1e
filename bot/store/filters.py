"""Subscription filters: how they are cleaned when saved and how a posting is tested against them.

Pure functions over store records, shared by every backend and by the delivery service.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.errors import UserFacingError
from bot.store.records import StoredPosting, Subscription

MAX_FILTER_KEYWORDS = 25
MAX_FILTER_CHARS = 100


def clean_filter_text(value: str | None, what: str) -> str | None:
    """Trim a free-text filter; blank means no filter. Bounded so a hostile value stays cheap."""
    if value is None:
        return None
    value = " ".join(value.split())
    if len(value) > MAX_FILTER_CHARS:
        raise UserFacingError(f"The {what} filter is longer than {MAX_FILTER_CHARS} characters.")
    return value or None


def clean_filter_keywords(terms: Iterable[str]) -> tuple[str, ...]:
    """Split on commas, trim, drop blanks and repeats (case-insensitively), keep the given order."""
    cleaned: list[str] = []
    seen: set[str] = set()
    for term in terms:
        for part in term.split(","):
            word = clean_filter_text(part, "keyword")
            if word is None or word.casefold() in seen:
                continue
            seen.add(word.casefold())
            cleaned.append(word)
            if len(cleaned) > MAX_FILTER_KEYWORDS:
                raise UserFacingError(f"A subscription takes at most {MAX_FILTER_KEYWORDS} keywords.")
    return tuple(cleaned)


def _contains_word(text: str, term: str) -> bool:
    """`term` as a whole word of `text`: "Go" is not in "Google", nor "C" in "C++"; "C++" itself is."""
    return re.search(rf"(?<!\w){re.escape(term)}(?![\w+#])", text, re.IGNORECASE) is not None


def subscription_matches(subscription: Subscription, posting: StoredPosting, keywords: Iterable[str]) -> bool:
    """Does a posting pass every filter of an enabled subscription?

    `keywords` are the posting's keyword names. Each filter keyword must be one of them
    (case-insensitively) or a whole word of the title; location and company match as
    case-insensitive substrings; seniority exactly; `remote` True wants a posting marked
    remote, False one that is not. A location, company or seniority filter fails on a
    posting that does not say it.
    """
    if not subscription.enabled or posting.removed or posting.guild_id != subscription.guild_id:
        return False
    if subscription.keywords:
        names = {k.casefold() for k in keywords}
        title = posting.title or ""
        for term in subscription.keywords:
            if term.casefold() not in names and not _contains_word(title, term):
                return False
    wanted, said = subscription, posting
    return (
        (wanted.location is None or wanted.location.casefold() in (said.location or "").casefold())
        and (wanted.company is None or wanted.company.casefold() in (said.company or "").casefold())
        and (wanted.seniority is None or wanted.seniority.casefold() == (said.seniority or "").casefold())
        and (wanted.remote is None or wanted.remote == (said.workplace == "remote"))
    )
