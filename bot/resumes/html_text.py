"""HTML → the text a browser would show, one line per block element."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from bot.resumes.textcodec import decode_text

_INVISIBLE = ["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]
_BLOCKS = (
    "p, div, br, li, ul, ol, h1, h2, h3, h4, h5, h6, tr, td, th, table, section, article, header, footer, "
    "main, aside, nav, dd, dt, dl, blockquote, pre, hr, address, figcaption"
)
_BREAK = "\u2029"  # marks block boundaries through the whitespace collapse below
_SPACES = re.compile(r"[^\S\u2029]+")
_BREAKS = re.compile(r"\s*\u2029[\s\u2029]*")


def html_to_text(data: bytes) -> str:
    tree = LexborHTMLParser(decode_text(data))
    tree.strip_tags(_INVISIBLE)
    root = tree.body or tree.root
    if root is None:
        return ""
    for node in root.css(_BLOCKS):
        node.insert_after(_BREAK)
        node.insert_before(_BREAK)
    text = root.text(deep=True, separator="")
    text = _SPACES.sub(" ", text)
    return _BREAKS.sub("\n", text).strip()
