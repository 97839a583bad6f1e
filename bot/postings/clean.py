"""Raw posting (plain text, markdown, Discord markdown, HTML, entity-escaped HTML) → clean text.

Every clean character keeps the offset of the raw character it came from (`CleanText.origin`), so
keyword mentions found in the clean text can point at the exact words the user gave.

HTML is tokenised here with one regular expression rather than through a DOM parser: a DOM
(selectolax, BeautifulSoup) does not say where each text node sits in the source, and the offsets
must be exact. The tokeniser understands comments, raw-text elements (script/style), quoted
attributes and entities, needs no recursion (10,000 nested tags cost 10,000 loop steps), and never
fails: whatever is not a tag is text.

Plain text is left as it is wherever possible (lines are never merged); only markup markers,
zero-width characters and odd spaces are removed or normalised.

Work is bounded: plain text is read up to `MAX_TEXT_CHARS`, HTML up to `MAX_HTML_CHARS` (pages
carry big inline scripts), and the clean text stops at `MAX_TEXT_CHARS`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape

from bot.postings.model import CleanText

MAX_TEXT_CHARS = 200_000
"""Characters of text processed; a long posting is ~15,000, so the rest of a bigger paste is ignored."""
MAX_HTML_CHARS = 2_000_000
"""Characters of HTML read: saved job pages are mostly scripts and styles before the posting."""


@dataclass(frozen=True, slots=True)
class Cleaned:
    """Clean text plus what only the markup knew: which lines it marked as headings."""

    clean: CleanText
    heading_starts: frozenset[int]  # clean offsets where a markup heading line starts


class _Builder:
    """Accumulates clean text with its origin map; synthetic characters point at the raw markup."""

    __slots__ = ("headings", "length", "origin", "parts", "pending_space")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.origin: list[int] = []
        self.length = 0
        self.pending_space = -1  # raw offset of whitespace still to emit as one space, or -1
        self.headings: set[int] = set()

    def copy(self, text: str, raw_start: int) -> None:
        self.parts.append(text)
        self.origin.extend(range(raw_start, raw_start + len(text)))
        self.length += len(text)

    def put(self, text: str, raw_at: int) -> None:
        self.parts.append(text)
        self.origin.extend([raw_at] * len(text))
        self.length += len(text)

    def last_char(self) -> str:
        return self.parts[-1][-1] if self.parts else "\n"

    def flush_space(self) -> None:
        if self.pending_space >= 0:
            if self.last_char() not in " \n":
                self.put(" ", self.pending_space)
            self.pending_space = -1

    def newline(self, raw_at: int, *, blank_lines: int = 0) -> None:
        """End the current line (once), optionally leaving up to `blank_lines` empty lines.

        A line holding only a list bullet stays open: `<li><p>Python</p></li>` is "- Python".
        """
        self.pending_space = -1
        if not self.parts or self.parts[-1] == "- ":
            return
        text = "".join(self.parts[-3:])
        have = len(text) - len(text.rstrip("\n"))
        want = 1 + blank_lines
        if have < want:
            self.put("\n" * (want - have), raw_at)

    def build(self, raw_end: int) -> CleanText:
        text = "".join(self.parts)
        stripped = text[:MAX_TEXT_CHARS].rstrip()
        origin = self.origin[: len(stripped)]
        origin.append(raw_end)
        return CleanText(stripped, tuple(origin))


# --- plain text and markdown -------------------------------------------------------------------

_WINDOWS_1252_MARKS = (
    ("\x91", "‘"), ("\x92", "’"), ("\x93", "“"), ("\x94", "”"), ("\x95", "•"), ("\x96", "–"), ("\x97", "—"),
)  # fmt: skip
"""Quotes, bullet and dashes of Windows-1252 text that arrived as C1 control characters (read as Latin-1)."""
_ODD_CHARS = "\u200b\u200c\u200d\u2060\ufeff\u00ad\r\f\v\u00a0\u202f\u205f\u3000" + "".join(
    chr(c) for c in range(0x2000, 0x200B)
)
_LINE_START_CHARS = "#>*+•·▪◦‣●○■□➢➤►▶✓✔✅➔→–—~ \t`"
_RARE_MARKUP_CHAR = re.compile("[" + re.escape("*_~|`\\" + _ODD_CHARS) + "]")
_MARKUP_LINE_START = re.compile("\n[ \t]*[" + re.escape(_LINE_START_CHARS.strip()) + "]")
_BRACKET_NEEDLES = ("](", "<http", "<mailto", "<@", "<#", "<:", "<a:")
_TRIGGER = re.compile(
    "[" + re.escape("*_#>`~|[\\<" + _LINE_START_CHARS.replace(" ", "").replace("\t", "") + _ODD_CHARS) + "]"
)
_INLINE_START = frozenset("*_`~|[\\<!" + _ODD_CHARS)
_LINE_START = re.compile(
    r"(?P<fence>[ \t]*(?:```|~~~)[^\n]*(?:\n|\Z))"
    r"|(?P<heading>[ \t]{0,3}#{1,6}[ \t]+)"
    r"|(?P<quote>[ \t]*>{1,3}[ \t]?)"
    r"|(?P<bullet>[ \t]*(?:[*+][ \t]+|[•·▪◦‣●○■□➢➤►▶✓✔✅➔→][ \t]*|[–—][ \t]+))"
)
_INLINE = re.compile(
    r"(?P<autolink><(?P<url>(?:https?://|mailto:)[^\s<>]+)>)"
    r"|(?P<discord><(?:a?:\w+:\d+|[@#][!&]?\d+)>)"
    r"|(?P<link>!?\[(?P<label>[^\]\n]{0,300})\]\((?:[^()\s]|\([^()\s]*\)){0,2000}\))"
    r"|(?P<escape>\\(?P<escaped>[\\`*_{}\[\]()#+\-.!|~>]))"
    r"|(?P<italic>(?<![\w*\\])\*(?P<starred>[^\s*][^*\n]{0,300}?)(?<=[^\s\\])\*(?![\w*]))"
    r"|(?P<underlined>(?<![\w\\])_(?P<underscored>[^\s_][^_\n]{0,300}?)(?<=[^\s\\])_(?![\w_]))"
    r"|(?P<marker>\*\*|~~|\|\||`+|(?<![\w_])__(?=\S)|(?<=\S)__(?![\w_]))"
    "|(?P<invisible>[\u200b-\u200d\u2060\ufeff\u00ad]|\r(?=\n))"
    "|(?P<linebreak>[\r\f\v])"
    "|(?P<space>[\u00a0\u2000-\u200a\u202f\u205f\u3000])"
)


def _needs_markdown_cleaning(text: str) -> bool:
    """Cheap test: does the text hold anything the markdown pass would change?"""
    if _RARE_MARKUP_CHAR.search(text) or _MARKUP_LINE_START.search(text):
        return True
    if text[:1] and text[0] in _LINE_START_CHARS:
        return True
    return any(needle in text for needle in _BRACKET_NEEDLES)


_IDENTITY: tuple[int, ...] = ()


def _identity(text: str) -> CleanText:
    """`CleanText.identity`, but sliced from one shared tuple: creating thousands of ints per posting is slow."""
    global _IDENTITY
    if len(_IDENTITY) <= len(text):
        _IDENTITY = tuple(range(max(len(text) + 1, 20_001)))
    return CleanText(text, _IDENTITY[: len(text) + 1])


def _markdown_matches(text: str) -> Iterator[re.Match[str]]:
    """Markup to edit, in order: only characters that can start markup are looked at."""
    pos = 0
    for trigger in _TRIGGER.finditer(text):
        at = trigger.start()
        if at < pos:
            continue
        m = None
        line_start = text.rfind("\n", 0, at) + 1
        if line_start >= pos and (line_start == at or text[line_start:at].isspace()):
            m = _LINE_START.match(text, line_start)
        if m is None and text[at] in _INLINE_START:
            m = _INLINE.match(text, at)
        if m is not None and m.end() > m.start():
            yield m
            pos = m.end()


def _clean_markdown(text: str) -> Cleaned:
    """Remove markdown/Discord markers; keep every other character where it is."""
    for control, mark in _WINDOWS_1252_MARKS:  # one character for one: offsets stay the same
        if control in text:
            text = text.replace(control, mark)
    if not _needs_markdown_cleaning(text):
        return Cleaned(_identity(text), frozenset())
    out = _Builder()
    pos = 0
    for m in _markdown_matches(text):
        start = m.start()
        if start > pos:
            out.copy(text[pos:start], pos)
        kind = m.lastgroup
        if kind == "heading":
            out.headings.add(out.length)
        elif kind == "bullet":
            out.put("- ", start + len(m.group()) - len(m.group().lstrip(" \t")))
        elif kind == "autolink":
            out.copy(m.group("url"), m.start("url"))
        elif kind == "link":
            out.copy(m.group("label"), m.start("label"))
        elif kind == "italic":
            out.copy(m.group("starred"), m.start("starred"))
        elif kind == "underlined":
            out.copy(m.group("underscored"), m.start("underscored"))
        elif kind == "escape":
            out.copy(m.group("escaped"), m.start("escaped"))
        elif kind == "linebreak":
            out.put("\n", start)
        elif kind == "space":
            out.put(" ", start)
        pos = m.end()
    if pos < len(text):
        out.copy(text[pos:], pos)
    out.origin.append(len(text))
    return Cleaned(CleanText("".join(out.parts), tuple(out.origin)), frozenset(out.headings))


# --- HTML ----------------------------------------------------------------------------------------

_HTML_HINT = re.compile(
    r"<(?:/?(?:p|div|br|li|ul|ol|h[1-6]|span|strong|em|b|i|u|a|table|tr|td|th|section|article|body|html|head|"
    r"meta|hr|blockquote|pre|font|center|nav|footer|header|main|img|dl|dt|dd|script|style)\b[^<>]{0,2000}>|!doctype\b|!--)",
    re.IGNORECASE,
)
_ESCAPED_HTML_HINT = re.compile(
    r"&lt;/?(?:p|div|br|li|ul|ol|h[1-6]|span|strong|em|b|i|u|a|table|tr|td)\b", re.IGNORECASE
)
_ATTRS = r"(?:[^>\"']|\"[^\"]*\"|'[^']*')*"
_HTML_TOKEN = re.compile(
    r"(?P<comment><!--.*?(?:-->|\Z))"
    r"|(?P<raw><(?P<rawname>script|style|noscript|template|title|textarea)\b"
    + _ATTRS
    + r">.*?(?:</(?P=rawname)\s*>|\Z))"
    r"|(?P<tag><(?P<close>/)?(?P<name>[a-zA-Z][a-zA-Z0-9:-]*)" + _ATTRS + r">)"
    r"|(?P<decl><[!?][^>]*>)",
    re.DOTALL | re.IGNORECASE,
)
_HTML_TEXT_PIECE = re.compile(
    "(?P<ws>[\\s\u200b-\u200d\u2060\ufeff\u00ad]+)"
    r"|(?P<entity>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?)"
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")

_SKIPPED_ELEMENTS = frozenset({"nav", "footer", "head", "svg", "button", "select", "iframe", "object", "math"})
_LINE_ELEMENTS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "aside", "ul", "ol", "dl", "dt", "dd", "table",
        "tbody", "thead", "tr", "blockquote", "pre", "form", "fieldset", "figure", "figcaption", "address",
        "details", "summary", "body", "html", "center",
    }
)  # fmt: skip
_HEADING_ELEMENTS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_VOID_ELEMENTS = frozenset({"br", "hr", "img", "input", "meta", "link", "wbr", "source", "area", "col", "embed"})


def _looks_like_html(text: str) -> bool:
    hints = _HTML_HINT.finditer(text, 0, 100_000)
    return next(hints, None) is not None and next(hints, None) is not None


def _put_entity(out: _Builder, raw: str, decoded: str, at: int) -> None:
    """Emit a decoded entity; characters it did not consume ("&ampx" → "&" + "x") keep their own offsets."""
    keep = 0
    while keep < len(decoded) - 1 and keep < len(raw) - 1 and decoded[-1 - keep] == raw[-1 - keep]:
        keep += 1
    if keep:
        out.put(decoded[:-keep], at)
        out.copy(raw[-keep:], at + len(raw) - keep)
    else:
        out.put(decoded, at)


def _html_text(out: _Builder, html: str, start: int, end: int) -> None:
    """Emit the text between two tags: entities decoded, whitespace runs collapsed to one space."""
    pos = start
    for m in _HTML_TEXT_PIECE.finditer(html, start, end):
        if m.start() > pos:
            out.flush_space()
            out.copy(html[pos : m.start()], pos)
        if m.lastgroup == "ws":
            if any(ch not in _ZERO_WIDTH for ch in m.group()) and out.pending_space < 0:
                out.pending_space = m.start()
        else:
            decoded = unescape(m.group())
            if decoded.isspace():
                if out.pending_space < 0:
                    out.pending_space = m.start()
            elif decoded not in _ZERO_WIDTH:
                out.flush_space()
                _put_entity(out, m.group(), decoded, m.start())
        pos = m.end()
    if end > pos:
        out.flush_space()
        out.copy(html[pos:end], pos)


def _clean_html(html: str) -> Cleaned:
    """Block elements become line breaks, list items `- ` lines, headings their own lines."""
    out = _Builder()
    skip_depth = 0
    pos = 0
    for m in _HTML_TOKEN.finditer(html):
        if out.length >= MAX_TEXT_CHARS:
            break
        if m.start() > pos and not skip_depth:
            _html_text(out, html, pos, m.start())
        pos = m.end()
        name = m.group("name")
        if name is None:
            continue
        name = name.lower()
        closing = m.group("close") is not None
        if name in _SKIPPED_ELEMENTS and name not in _VOID_ELEMENTS and not m.group().endswith("/>"):
            skip_depth = max(0, skip_depth - 1) if closing else skip_depth + 1
            continue
        if skip_depth:
            continue
        at = m.start()
        if name in _HEADING_ELEMENTS:
            out.newline(at, blank_lines=0 if closing else 1)
            if not closing:
                out.headings.add(out.length)
        elif name == "li":
            out.newline(at)
            if not closing:
                out.put("- ", at)
        elif name == "br":
            if out.last_char() == "\n":
                out.newline(at, blank_lines=1)
            else:
                out.newline(at)
        elif name in _LINE_ELEMENTS or name == "hr":
            out.newline(at)
        elif name in ("td", "th") and not closing:
            out.pending_space = at
    if pos < len(html) and not skip_depth and out.length < MAX_TEXT_CHARS:
        _html_text(out, html, pos, len(html))
    built = out.build(len(html))
    return Cleaned(built, frozenset(h for h in out.headings if h < len(built.text)))


def _unescape_with_origin(text: str) -> CleanText:
    """Decode entities (`&lt;p&gt;` → `<p>`) keeping each decoded character's raw offset."""
    out = _Builder()
    pos = 0
    for m in _ENTITY.finditer(text):
        if m.start() > pos:
            out.copy(text[pos : m.start()], pos)
        _put_entity(out, m.group(), unescape(m.group()), m.start())
        pos = m.end()
    if pos < len(text):
        out.copy(text[pos:], pos)
    out.origin.append(len(text))
    return CleanText("".join(out.parts), tuple(out.origin))


def _compose(outer: CleanText, inner: Cleaned) -> Cleaned:
    """Map offsets of text derived from `outer.text` back through `outer` to the raw input."""
    o = outer.origin
    return Cleaned(CleanText(inner.clean.text, tuple(o[i] for i in inner.clean.origin)), inner.heading_starts)


def clean_posting(raw: str) -> Cleaned:
    """Clean any shared posting text; the result's origin map points into `raw`."""
    if _looks_like_html(raw):
        return _clean_html(raw[:MAX_HTML_CHARS])
    if _ESCAPED_HTML_HINT.search(raw, 0, 100_000):
        unescaped = _unescape_with_origin(raw[:MAX_HTML_CHARS])
        return _compose(unescaped, _clean_html(unescaped.text))
    return _clean_markdown(raw[:MAX_TEXT_CHARS])
