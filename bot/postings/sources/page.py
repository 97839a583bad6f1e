"""The readable part of a job page with no structured data: its main content, without site chrome.

A career page wraps the posting in navigation, cookie banners and footers; the posting parser
would read "Home Jobs" as the first line. The page's own landmarks (main, article, role=main) say
where the content is; the chrome elements (nav, header, footer, scripts, forms…) are cut out.

Done with a linear tag scan rather than a DOM: HTML parsers slow down quadratically on deeply
nested markup (200,000 unclosed divs took lexbor minutes), and this runs on any page a link
points at. Tag patterns never cross a `<`, and each element's end is found in one forward scan.
"""

from __future__ import annotations

import re

MAX_PAGE_CHARS = 3_000_000
MIN_MAIN_CHARS = 200  # a main element with less text is a stub (filled by script): use the whole page
_CHROME = frozenset(
    {"head", "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg"}
)
_RAW_TEXT = frozenset({"script", "style", "noscript", "template", "title"})
_TAG = re.compile(r"<!--.*?(?:-->|$)|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^<>]*>", re.DOTALL)
_MAIN = re.compile(
    r"<(main|article)\b[^<>]*>|<([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*\brole\s*=\s*[\"']?main\b[^<>]*>", re.IGNORECASE
)
_ANY_TAG = re.compile(r"<[^<>]*>")


def _element_end(html: str, name: str, start: int) -> int:
    """Where the element whose open tag ends at `start` closes (same-name nesting counted)."""
    if name in _RAW_TEXT:
        close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(html, start)
        return close.end() if close else len(html)
    depth = 1
    for tag in re.compile(rf"<(/?){name}\b[^<>]*>", re.IGNORECASE).finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


def _without_chrome(html: str) -> str:
    out: list[str] = []
    kept_from = 0
    at = 0
    while (tag := _TAG.search(html, at)) is not None:
        name = (tag.group(2) or "").lower()
        if tag.group(0).startswith("<!--"):
            out.append(html[kept_from : tag.start()])
            kept_from = at = tag.end()
        elif name in _CHROME and not tag.group(1) and not tag.group(0).endswith("/>"):
            out.append(html[kept_from : tag.start()])
            kept_from = at = _element_end(html, name, tag.end())
        else:
            at = tag.end()
    out.append(html[kept_from:])
    return "".join(out)


def _text_length(html: str) -> int:
    return len(_ANY_TAG.sub(" ", html).split())


def readable_html(html: str) -> str:
    """The HTML of the page's main content (or the whole page) without chrome; '' when no text is left."""
    html = html[:MAX_PAGE_CHARS]
    main = _MAIN.search(html)
    if main is not None:
        name = (main.group(1) or main.group(2)).lower()
        content = _without_chrome(html[main.start() : _element_end(html, name, main.end())])
        if len(_ANY_TAG.sub(" ", content).strip()) >= MIN_MAIN_CHARS:
            return content
    readable = _without_chrome(html)
    return readable if _text_length(readable) else ""
