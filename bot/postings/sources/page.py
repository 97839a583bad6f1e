"""The readable part of a job page with no structured data: its main content, without site chrome.

A career page wraps the posting in navigation, cookie banners and footers; the posting parser
would read "Home Jobs" as the first line. The page's own landmarks (main, article, role=main) say
where the content is; failing those, the chrome elements are cut from the body. selectolax's
parser is linear and not recursive, so hostile nesting costs bounded time.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

MAX_PAGE_CHARS = 3_000_000
MIN_MAIN_CHARS = 200  # a main element shorter than this is a stub (e.g. filled by script): use the body
_CHROME = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, [role=navigation]"


def readable_html(html: str) -> str:
    """The HTML of the page's main content (or its body without chrome); '' when there is no text."""
    tree = LexborHTMLParser(html[:MAX_PAGE_CHARS])
    for node in tree.css("script, style, noscript, template"):
        node.decompose()
    main = tree.css_first("main, article, [role=main]")
    if main is not None and len(main.text(strip=True)) >= MIN_MAIN_CHARS:
        return main.html or ""
    body = tree.body
    if body is None:
        return ""
    for node in body.css(_CHROME):
        node.decompose()
    return body.html or "" if body.text(strip=True) else ""
