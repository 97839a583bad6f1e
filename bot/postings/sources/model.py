"""A job as a board's API (or a page's JSON-LD) describes it, before the posting parser reads it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from html import escape

from bot.errors import UserFacingError
from bot.postings.model import Salary


class SourceFormatError(UserFacingError):
    """The board answered, but not with the JSON its API documents."""

    def __init__(self) -> None:
        super().__init__("That job board answered in a format jobbot does not understand.")


@dataclass(frozen=True, slots=True)
class SourcePosting:
    """One job with the fields the API states outright; `body_html` is the description.

    The body is HTML with headings (h3) in front of each block the API keeps apart (Lever's
    lists, SmartRecruiters' qualifications, Recruitee's requirements), so the section splitter
    files each block under the right kind.
    """

    external_id: str
    url: str | None
    title: str | None
    company: str | None
    locations: tuple[str, ...]
    workplace: str | None  # "remote" | "hybrid" | "onsite"
    employment_type: str | None  # "full_time" | "part_time" | "contract" | "temporary" | "internship"
    salary: Salary | None
    body_html: str
    stamp: str | None = None  # when the board last changed the job (Greenhouse updated_at), if it says

    def document(self) -> str:
        """The text the posting parser reads: a header (title, company, place) then the body."""
        parts: list[str] = []
        if self.title:
            parts.append(f"<h1>{escape(self.title)}</h1>")
        header = " · ".join(x for x in (self.company, "; ".join(self.locations) or None) if x)
        if header:
            parts.append(f"<p>{escape(header)}</p>")
        parts.append(self.body_html)
        return "\n".join(parts)

    def fingerprint(self) -> str:
        """Changes whenever anything the bot shows or parses changes: how polling spots edited jobs."""
        state = repr(
            (
                self.url,
                self.title,
                self.company,
                self.locations,
                self.workplace,
                self.employment_type,
                self.salary,
                self.body_html,
            )
        )
        return hashlib.sha256(state.encode("utf-8", "surrogatepass")).hexdigest()[:32]
