"""DOCX → text with python-docx: body, tables (nested too), text boxes, headers and footers.

python-docx opens the package; the text is walked straight from its lxml tree because its
paragraph API skips text boxes and nested tables. Call only on an archive that passed
`zipguard.open_checked_zip` (python-docx reads every part into memory).
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.opc.constants import RELATIONSHIP_TYPE

from bot.resumes.errors import CorruptFile

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_P, _TBL, _TR, _TC, _T, _TAB, _BR, _CR = (_W + tag for tag in ("p", "tbl", "tr", "tc", "t", "tab", "br", "cr"))
_TXBX = _W + "txbxContent"
_NO_BREAK_HYPHEN = _W + "noBreakHyphen"
# Word writes each text box twice (DrawingML and a VML fallback): read only the first.
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_SKIPPED = frozenset({_W + "delText", _W + "instrText", _MC_FALLBACK})


def docx_text(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
        rels = sorted(document.part.rels.values(), key=lambda rel: str(rel.target_ref))
        headers = [rel.target_part.element for rel in rels if _is(rel, RELATIONSHIP_TYPE.HEADER)]
        footers = [rel.target_part.element for rel in rels if _is(rel, RELATIONSHIP_TYPE.FOOTER)]
        body = document.element.body
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors... on a broken package
        raise CorruptFile() from exc
    lines = _parts_lines(headers)
    _block_lines(body, lines)
    lines.extend(_parts_lines(footers))
    return "\n".join(lines)


def _is(rel: Any, reltype: str) -> bool:
    return not rel.is_external and rel.reltype == reltype


def _block_lines(container: Any, out: list[str]) -> None:
    """Paragraphs and tables of a body, cell, header, footer or text box, in reading order."""
    for child in container.iterchildren():
        tag = child.tag
        if tag == _P:
            _paragraph_lines(child, out)
        elif tag == _TBL:
            _table_lines(child, out)
        elif isinstance(tag, str) and tag not in _SKIPPED:
            _block_lines(child, out)  # sdt, customXml, ins, ...: containers of blocks


def _table_lines(table: Any, out: list[str]) -> None:
    """A row of one-paragraph cells reads as one tab-separated line (layout tables put a date
    beside a job title); any other row lists its cells' blocks one after the other."""
    for row in table.iterchildren(_TR):
        cells = list(row.iterchildren(_TC))
        cell_lines: list[list[str]] = []
        for cell in cells:
            lines: list[str] = []
            _block_lines(cell, lines)
            cell_lines.append(lines)
        if all(len(lines) <= 1 for lines in cell_lines):
            joined = "\t".join(lines[0] for lines in cell_lines if lines)
            if joined:
                out.append(joined)
        else:
            for lines in cell_lines:
                out.extend(lines)


def _paragraph_lines(paragraph: Any, out: list[str]) -> None:
    parts: list[str] = []
    boxes: list[Any] = []
    _inline_text(paragraph, parts, boxes)
    text = "".join(parts).strip()
    if text:
        out.extend(line.rstrip() for line in text.split("\n"))
    for box in boxes:
        _block_lines(box, out)


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


def _parts_lines(parts: list[Any]) -> list[str]:
    """Lines of headers (or footers), each once: first-page and default headers often repeat."""
    lines: list[str] = []
    for part in parts:
        _block_lines(part, lines)
    return list(dict.fromkeys(lines))
