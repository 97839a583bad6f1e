"""ODT → text from content.xml (and page headers/footers from styles.xml), parsed with
defusedxml so that a DTD or an entity declaration is refused rather than expanded."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from bot.resumes.budget import BudgetSpent, TextBudget, table_row_lines
from bot.resumes.errors import CorruptFile, UnsafeXml

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_STYLE = "{urn:oasis:names:tc:opendocument:xmlns:style:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PARAGRAPHS = frozenset({_TEXT + "p", _TEXT + "h"})
_SKIPPED = frozenset({_OFFICE + "annotation", _TEXT + "note", _TEXT + "tracked-changes", _OFFICE + "forms"})
_ROW, _CELL = _TABLE + "table-row", _TABLE + "table-cell"


def odt_text(parts: dict[str, bytes], max_chars: int) -> str:
    """Text of the ODT package whose XML parts are `parts` (name → bytes); the walk stops a
    little past `max_chars` (the caller truncates and warns)."""
    body = _parse(parts, "content.xml")
    text_root = body.find(f"{_OFFICE}body/{_OFFICE}text")
    if text_root is None:
        raise CorruptFile()
    styles = _parse(parts, "styles.xml") if "styles.xml" in parts else None
    pages = [] if styles is None else list(styles.iter(_STYLE + "master-page"))
    budget = TextBudget(max_chars)
    lines: list[str] = []
    try:
        _edge_lines(pages, _STYLE + "header", lines, budget)
        _block_lines(text_root, lines, budget)
        _edge_lines(pages, _STYLE + "footer", lines, budget)
    except BudgetSpent:
        pass
    return "\n".join(lines)


def _edge_lines(master_pages: list[Any], tag: str, out: list[str], budget: TextBudget) -> None:
    """Header (or footer) lines of every master page, each once: page styles repeat them."""
    lines: list[str] = []
    try:
        for page in master_pages:
            for edge in page.iter(tag):
                _block_lines(edge, lines, budget)
    finally:
        out.extend(dict.fromkeys(lines))


def _parse(parts: dict[str, bytes], name: str) -> Any:
    try:
        return fromstring(parts[name], forbid_dtd=True)
    except DefusedXmlException as exc:
        raise UnsafeXml() from exc
    except (ParseError, KeyError) as exc:
        raise CorruptFile() from exc


def _block_lines(container: Any, out: list[str], budget: TextBudget) -> None:
    for child in container:
        tag = child.tag
        if tag in _PARAGRAPHS:
            _paragraph_lines(child, out, budget)
        elif tag == _ROW:
            _row_lines(child, out, budget)
        elif tag not in _SKIPPED:
            _block_lines(child, out, budget)  # lists, sections, tables, frames


def _row_lines(row: Any, out: list[str], budget: TextBudget) -> None:
    table_row_lines(row.iterfind(_CELL), _block_lines, out, budget)


def _paragraph_lines(paragraph: Any, out: list[str], budget: TextBudget) -> None:
    parts: list[str] = []
    boxes: list[Any] = []
    if paragraph.text:
        parts.append(paragraph.text)
    _inline_text(paragraph, parts, boxes)
    text = "".join(parts).strip()
    if text:
        out.extend(line.rstrip() for line in text.split("\n"))
        budget.spend(text)
    for box in boxes:
        _block_lines(box, out, budget)


def _inline_text(element: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in element:
        tag = child.tag
        if tag == _TEXT + "s":
            parts.append(" " * _count(child.get(_TEXT + "c")))
        elif tag == _TEXT + "tab":
            parts.append("\t")
        elif tag == _TEXT + "line-break":
            parts.append("\n")
        elif tag == _DRAW + "text-box":
            boxes.append(child)
        elif tag not in _SKIPPED:
            if child.text:
                parts.append(child.text)
            _inline_text(child, parts, boxes)
        if child.tail:
            parts.append(child.tail)


def _count(value: str | None) -> int:
    try:
        return min(max(int(value or 1), 1), 100)
    except ValueError:
        return 1
