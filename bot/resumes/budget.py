"""Stop walking a document once it has yielded more text than will be kept (`max_chars`):
the rest of a 40 MB document.xml is work for nothing."""

from __future__ import annotations


class BudgetSpent(Exception):
    """Raised inside a document walk when the text budget is used up; the walk's caller keeps
    what was collected so far."""


class TextBudget:
    def __init__(self, max_chars: int) -> None:
        self.left = max_chars

    def spend(self, text: str) -> None:
        """Account for `text`, already collected; past the budget, end the walk."""
        self.left -= len(text) + 1
        if self.left < 0:
            raise BudgetSpent()
