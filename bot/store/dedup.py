"""The content hash that makes "the same posting shared twice" one stored posting."""

from __future__ import annotations

import hashlib
import re

from bot.postings.model import Posting

_NOT_WORD = re.compile(r"\W+")


def content_hash(posting: Posting) -> str:
    """sha256 of the posting's clean text, case-folded, with punctuation and spacing ignored.

    So the same text pasted again, with other markdown, line breaks or emphasis, hashes the
    same; a posting whose clean text has no words falls back to its raw text.
    """
    normalised = _NOT_WORD.sub(" ", posting.clean.text.casefold()).strip()
    basis = "text:" + normalised if normalised else "raw:" + posting.raw
    return hashlib.sha256(basis.encode("utf-8", "surrogatepass")).hexdigest()
