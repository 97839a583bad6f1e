"""DOCX → text: body, tables (nested too), text boxes, headers and footers, in reading order.

Only the parts that hold text are parsed: the main document and the headers and footers it
links to, found through the package relationships. (python-docx's package loader parses
every XML part, styles included, which cost ~10 ms a file for nothing.) Parts come from an
archive that passed `zipguard` (sizes bounded, no DTD anywhere) and are parsed by lxml with
entity resolution and network access off and its default depth and size limits on.
"""

from __future__ import annotations

import posixpath
from typing import Any

from lxml import etree

from bot.resumes.budget import BudgetSpent, TextBudget, table_row_lines
from bot.resumes.errors import CorruptFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T, _TAB, _BR, _CR = (_W + tag for tag in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr"))
_BODY = _W + "body"
_TXBX = _W + "txbxContent"
_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
# Word writes each text box twice (DrawingML and a VML fallback): read only the first.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = frozenset({_W + "delText", _W + "instrText", _MC_FALLBACK})
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_OFFICE_DOCUMENT = "/officeDocument"
_DEFAULT_MAIN = "word/document.xml"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def main_part(parts: dict[str, bytes]) -> str | None:
    """The name of the main document part of a WordprocessingML package, if it is one."""
    for rel_type, target in _relationships(parts, "_rels/.rels", base=""):
        if rel_type.endswith(_OFFICE_DOCUMENT) and target in parts and target.startswith("word/"):
            return target
    return _DEFAULT_MAIN if _DEFAULT_MAIN in parts else None


def docx_text(parts: dict[str, bytes], main: str, max_chars: int) -> str:
    """Text of the package whose XML parts are `parts` (name → bytes) and main part `main`;
    the walk stops a little past `max_chars` (the caller truncates and warns)."""
    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    linked = sorted(_relationships(parts, rels_name, base=folder), key=lambda rel: rel[1])
    headers = [target for rel_type, target in linked if rel_type.endswith("/header") and target in parts]
    footers = [target for rel_type, target in linked if rel_type.endswith("/footer") and target in parts]
    body = _parse(parts[main]).find(_BODY)
    if body is None:
        raise CorruptFile()
    budget = TextBudget(max_chars)
    lines: list[str] = []
    try:
        _parts_lines([_parse(parts[name]) for name in headers], lines, budget)
        _block_lines(body, lines, budget)
        _parts_lines([_parse(parts[name]) for name in footers], lines, budget)
    except BudgetSpent:
        pass
    return "\n".join(lines)


def _parse(xml: bytes) -> Any:
    try:
        return etree.fromstring(xml, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptFile() from exc


def _relationships(parts: dict[str, bytes], rels_name: str, base: str) -> list[tuple[str, str]]:
    """(type, part name) of the internal relationships in `rels_name`, targets resolved from `base`."""
    if rels_name not in parts:
        return []
    found: list[tuple[str, str]] = []
    for rel in _parse(parts[rels_name]).iter(_RELATIONSHIP):
        target = rel.get("Target") or ""
        if rel.get("TargetMode") == "External" or not target:
            continue
        name = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        found.append((rel.get("Type") or "", name))
    return found


def _parts_lines(roots: list[Any], out: list[str], budget: TextBudget) -> None:
    """Lines of headers (or footers), each once: first-page and default headers often repeat."""
    lines: list[str] = []
    try:
        for root in roots:
            _block_lines(root, lines, budget)
    finally:
        out.extend(dict.fromkeys(lines))


def _block_lines(container: Any, out: list[str], budget: TextBudget) -> None:
    """Paragraphs and tables of a body, cell, header, footer or text box, in reading order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            _paragraph_lines(child, out, budget)
        elif tag == _TBL:
            _table_lines(child, out, budget)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            _block_lines(child, out, budget)  # sdt, customXml, ins, ...: containers of blocks


def _table_lines(table: Any, out: list[str], budget: TextBudget) -> None:
    for row in table.iterchildren(_TR):
        table_row_lines(row.iterchildren(_TC), _block_lines, out, budget)


def _paragraph_lines(paragraph: Any, out: list[str], budget: TextBudget) -> None:
    parts: list[str] = []
    boxes: list[Any] = []
    _inline_text(paragraph, parts, boxes)
    text = "".join(parts).strip()
    if text:
        out.extend(line.rstrip() for line in text.split("\n"))
        budget.spend(text)
    for box in boxes:
        _block_lines(box, out, budget)


def _inline_text(element: Any, parts: list[str], boxes: list[Any]) -> None:
    for child in element.iterchildren():
        tag = child.tag
        if tag == _T:
            parts.append(child.text or "")
        elif tag == _TAB:
            parts.append("\t")
        elif tag in (_BR, _CR):
            parts.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            parts.append("-")
        elif tag == _TXBX:
            boxes.append(child)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            _inline_text(child, parts, boxes)
