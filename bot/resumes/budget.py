"""Stop walking a document once it has yielded more text than will be kept (`max_chars`):
the rest of a 40 MB document.xml is work for nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any


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


def table_row_lines(
    cells: Iterable[Any], read_cell: Callable[[Any, list[str], TextBudget], None], out: list[str], budget: TextBudget
) -> None:
    """A row of one-paragraph cells reads as one tab-separated line (layout tables put a date
    beside a job title); any other row lists its cells' lines one after the other. Shared by the
    DOCX and ODT readers, whose tables differ only in their XML names."""
    cell_lines: list[list[str]] = []
    try:
        for cell in cells:
            lines: list[str] = []
            cell_lines.append(lines)
            read_cell(cell, lines, budget)
    except BudgetSpent:
        out.extend(line for lines in cell_lines for line in lines)
        raise
    if all(len(lines) <= 1 for lines in cell_lines):
        joined = "\t".join(lines[0] for lines in cell_lines if lines)
        if joined:
            out.append(joined)
    else:
        for lines in cell_lines:
            out.extend(lines)
