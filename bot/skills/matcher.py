"""Find every taxonomy name in a text: token-bounded, longest match first, per-entry case rules.

Speed matters (thousands of postings a second on one core, and a posting is matched several
times: whole, per tag line, its title), so the scan over the characters runs in C: one
Aho-Corasick automaton (pyahocorasick) finds every name in one pass, whatever the size of the
taxonomy, and Python only looks at the few dozen places where a name occurs. (A Python loop over
the words, even only the rarer ones, was over a third of the keyword step.)

The automaton reads the text lower-cased with every non-word character turned into a space (both
keep offsets, via a bytes translation table), padded with a space at each end, so a key
" machine learning " matches only whole words separated by single separators: "java" is not found
in "javascript", and a run of two separators (", " or " - ") splits a name of several words. Every
hit is then checked on the text itself: token bounds, no line, comma or sentence end between its
words, the entry's case rule.

Two kinds of surface forms:
- word forms ("machine learning", "Node.js", "CI/CD", "front-end"): compared word by word, so
  "front-end", "front end" and "Front End" are one form and "amazon-web-services" is
  "Amazon Web Services". Each is anchored at its first word that is not a common English word
  ("A/B testing" at "testing"); of the forms with the same start and anchor only the longest
  valid one is a candidate, and overlaps between candidates go to the longest;
- symbol forms ("C++", "C#", ".NET", "F#"): compared character by character on the lower-cased
  text, because their symbols are the difference ("C" vs "C++"); the automaton finds what they
  leave once spaced ("c  ", " net"), with their anchor word a whole word of the text.

Regular plurals of every name are generated ("APIs", "databases", "technologies"); a plural never
takes a spelling another entry lists itself.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple, Protocol

import ahocorasick

from bot.skills.taxonomy import Entry, Taxonomy

# Non-ASCII punctuation and spaces: separators, like ASCII punctuation.
_UNICODE_SEPARATORS = re.compile(
    "[\u0080-\u00a1\u00a9\u00ab\u00ae\u00b4\u00b7\u00bb\u00bf\u2000-\u206f\u2190-\u27bf\ufeff]"
)  # C1 controls too: "Master\x92s" is cp1252's apostrophe read as Latin-1
_BYTE_TABLE = bytearray(range(256))
for _ch in string.punctuation + string.whitespace:
    _BYTE_TABLE[ord(_ch)] = ord(" ")
_BYTE_TABLE[ord("?")] = ord("x")  # after encode(errors="replace"): a non-ASCII letter, part of a word
_WORDS_TABLE = bytes(_BYTE_TABLE)
_ASCII = bytes(range(128))

# Between the words of one name the original text may not change line, list item or sentence.
_BAD_GAP = re.compile(r"[,;:()\[\]{}|\n\r\t•*!?\"]|\.\s")
_CAMEL = re.compile(r"[a-z][A-Z]")
# A name is anchored at its first word that is not one of these (`find` keeps the longest valid name
# per start and anchor word).
_COMMON_WORDS = """
    a an and as at be by can e for from in is it of on or s the this that to with job jobs team teams work
    company contact new high full well good time our your you we are will all any more"""
_COMMON = frozenset(_COMMON_WORDS.split())


def lower_keep_offsets(text: str) -> str:
    """`text.lower()` with the same length (a few characters lower-case to two characters)."""
    if not text.isascii():
        encoded = text.encode("utf-8", "surrogatepass")
        beyond_ascii = encoded.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if beyond_ascii.lower() == beyond_ascii:
            # Only ASCII letters to lower (most postings: "’", "•", "é" have no upper case), which bytes.lower
            # does twice as fast as str.lower on a text with such characters.
            return encoded.lower().decode("utf-8", "surrogatepass")
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def word_chars(low: str) -> str:
    """`low` with every separator replaced by a space and every other non-ASCII character by "x"; same length."""
    low = low.replace("?", " ")
    encoded = low.encode("ascii", "replace")  # "?" for each character beyond ASCII
    if not low.isascii():
        if encoded.count(b"?") * 32 > len(low):  # many: one pass of the regular expression over the text
            encoded = _UNICODE_SEPARATORS.sub(" ", low).encode("ascii", "replace")
        else:  # a few quotes, bullets and dashes: a regular expression pass costs more than a look at each
            encoded = _separators_spaced(low, encoded)
    return encoded.translate(_WORDS_TABLE).decode("ascii")


def _separators_spaced(low: str, encoded: bytes) -> bytes:
    """`encoded` (`low` encoded as ASCII, "?" for the rest) with a space for each non-ASCII separator."""
    chars = bytearray(encoded)
    at = chars.find(b"?")
    while at >= 0:
        if _UNICODE_SEPARATORS.match(low, at):
            chars[at] = ord(" ")
        at = chars.find(b"?", at + 1)
    return bytes(chars)


def _is_word_form(form: str) -> bool:
    """Forms whose punctuation only separates words; "C++", ".NET", "C#" are symbol forms."""
    return form[:1].isalnum() and form[-1:].isalnum() and "+" not in form and "#" not in form


def _is_distinctive(form: str) -> bool:
    """A spelling no ordinary word has (a digit, a symbol, "ReactJS"): matches in any case even in `case` entries."""
    return (
        any(ch.isdigit() for ch in form)
        or any(not ch.isalnum() and not ch.isspace() for ch in form)
        or bool(_CAMEL.search(form))
    )


def _plurals(form: str) -> list[str]:
    """Regular English plurals of the last word; none for symbols, digits, one letter or a final s."""
    last = form.rsplit(" ", 1)[-1]
    if len(last) < 2 or not last[-1].isalpha() or last[-1] in "sS":
        return []
    if last.isupper():  # "APIs", "SDKs", "DATABASES"
        return [form + "s", form + "S"]
    if last[-1] in "xz" or last.endswith(("ch", "sh")):
        return [form + "es"]
    if last[-1] == "y" and last[-2] not in "aeiou":
        return [form[:-1] + "ies"]
    return [form + "s"]


def _spellings(name: str) -> list[str]:
    """The name and its hyphen-free variants ("front-end" → "front end", "frontend")."""
    out = [name]
    if "-" in name:
        out += [name.replace("-", " "), name.replace("-", "")]
    return out


def _anchor(words: list[str]) -> int:
    for i, word in enumerate(words):
        if word not in _COMMON:
            return i
    return 0


class Match(NamedTuple):
    """A taxonomy name found in the text; offsets are into the text given to `Matcher.find`.
    A tuple: one is built for every name found, and a tuple is built faster than a frozen dataclass."""

    start: int
    end: int
    entry: Entry


_Found = tuple[int, int, Entry]  # a match before overlaps are settled


@dataclass(slots=True)
class _Form:
    entry: Entry
    exact: frozenset[str] | None  # case-sensitive: the accepted spellings (words joined by spaces), else None


# A symbol form found through the automaton: (how far before the end of the key's hit the form starts,
# the lower-cased form, its forms).
_Symbol = tuple[int, str, list[_Form]]
# What the automaton holds for a key: the width of the word form it spells without the spaces around it,
# the offset of its anchor word, whether it has several words, its forms (None when the key only leads to
# symbol forms), the entry of its first form when that form has no case rule (found without looking at the
# written text), and the symbol forms that leave this key in the spaced text.
_Hit = tuple[int, int, bool, list[_Form] | None, Entry | None, tuple[_Symbol, ...]]


def _attach(forms: list[_Form], entry: Entry, exact: frozenset[str] | None) -> None:
    for form in forms:
        if form.entry is entry:
            if form.exact is not None and exact is not None:
                form.exact = form.exact | exact
            elif exact is None:
                form.exact = None
            return
    forms.append(_Form(entry, exact))


def _word_hit(key: str, forms: list[_Form]) -> tuple[int, int, bool, list[_Form], Entry | None]:
    words = key.split(" ")
    at = _anchor(words)
    free = forms[0].entry if forms[0].exact is None else None
    return len(key), sum(map(len, words[:at])) + at, len(words) > 1, forms, free


def _symbol_key(symbol_form: str) -> tuple[str, int]:
    """What the symbol form leaves in the spaced text, with a space wherever its anchor word reaches the
    form's edge (the anchor must be a whole word of the text); and where the form starts in that key."""
    spaced = word_chars(symbol_form)
    words = spaced.split()
    anchor_word = words[_anchor(words)]
    offset = f" {spaced} ".index(f" {anchor_word} ")
    lead = " " if offset == 0 else ""
    trail = " " if offset + len(anchor_word) == len(spaced) else ""
    return f"{lead}{spaced}{trail}", len(lead)


class _Automaton(Protocol):
    """What `find` uses of a pyahocorasick automaton (the library ships no type information)."""

    def iter(self, text: str) -> Iterator[tuple[int, _Hit]]: ...


# pyahocorasick looks for the next character among a trie node's children one by one, in the order they
# were added: adding the keys in this order of their characters, commonest in English text first, makes
# the search over a posting about 8% faster (and the automaton the same in every process).
_LETTER_FREQUENCY = " etaoinsrhldcumfpgwybvkxjqz0123456789"
_BY_LETTER_FREQUENCY = str.maketrans(_LETTER_FREQUENCY, "".join(chr(i) for i in range(1, len(_LETTER_FREQUENCY) + 1)))


def _common_letters_first(key: str) -> str:
    return key.translate(_BY_LETTER_FREQUENCY)


def _compile(word_forms: dict[str, list[_Form]], symbol_forms: dict[str, list[_Form]]) -> _Automaton | None:
    """One automaton over the spaced text: each word form as " its words ", each symbol form as `_symbol_key`.

    None when there is no name (pyahocorasick cannot search with an empty automaton)."""
    symbols: dict[str, list[_Symbol]] = {}
    for symbol_form, forms in symbol_forms.items():
        key, lead = _symbol_key(symbol_form)
        symbols.setdefault(key, []).append((len(key) - lead, symbol_form, forms))
    hits = {f" {key} ": _word_hit(key, forms) for key, forms in word_forms.items()}
    if not hits and not symbols:
        return None
    automaton = ahocorasick.Automaton()
    for key in sorted(hits.keys() | symbols.keys(), key=_common_letters_first):
        hit: _Hit = (*hits.get(key, (0, 0, False, None, None)), tuple(symbols.get(key, ())))
        automaton.add_word(key, hit)
    automaton.make_automaton()
    compiled: _Automaton = automaton
    return compiled


class Matcher:
    """Compiled lookup tables for one taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._word_forms: dict[str, list[_Form]] = {}  # "machine learning" → its forms
        self._symbol_forms: dict[str, list[_Form]] = {}  # "c++" → its forms
        spellings = [(s, n, e) for e in taxonomy.entries for n in e.names for s in _spellings(n)]
        listed = {self._add(spelling, name, entry, taken=None) for spelling, name, entry in spellings}
        for spelling, name, entry in spellings:
            for plural in _plurals(spelling):
                self._add(plural, name, entry, taken=listed)
        self._automaton = _compile(self._word_forms, self._symbol_forms)
        del self._word_forms, self._symbol_forms  # construction tables; `find` reads the automaton

    def _add(self, spelling: str, name: str, entry: Entry, *, taken: set[str] | None) -> str:
        """Index one spelling; returns its key. A generated spelling whose key is in `taken` is skipped."""
        low = lower_keep_offsets(spelling)
        words = word_chars(low).split()
        word_form = _is_word_form(low)
        key = " ".join(words) if word_form else low
        if not words or (taken is not None and key in taken):
            return key
        sensitive = entry.case and not _is_distinctive(name)
        if word_form:
            exact = frozenset({" ".join(words_of_exact(spelling))}) if sensitive else None
            _attach(self._word_forms.setdefault(key, []), entry, exact)
        else:
            exact = frozenset({spelling}) if sensitive else None
            _attach(self._symbol_forms.setdefault(key, []), entry, exact)
        return key

    def find(
        self, text: str, low: str | None = None, words: str | None = None, *, case_rules: bool = True
    ) -> list[Match]:
        """Non-overlapping matches, longest first where two overlap, in text order.

        `low` and `words` may be given when the caller already has `lower_keep_offsets(text)` and
        `word_chars(low)`. `case_rules=False` ignores the entries' `case` option (for a line of
        lower-case tags such as "docker jenkins spring").
        """
        if self._automaton is None:
            return []
        exact = text if case_rules else None
        low = lower_keep_offsets(text) if low is None else low
        spaced = word_chars(low) if words is None else words
        hits: list[tuple[int, _Hit]] = list(self._automaton.iter(f" {spaced} "))
        found: list[_Found] = []
        # (start, anchor offset) of the forms of several words found so far; a form of one word needs no
        # place here: no shorter form starts where it starts
        kept: set[tuple[int, int]] = set()
        # Longest first: of the word forms with one start and one anchor word, the longest valid one counts.
        for last, (width, anchor, several, forms, free, symbols) in reversed(hits):
            if forms is not None:
                end = last - 1  # `last` is the key's closing space, one past the form in the unpadded text
                start = end - width
                # spaces or line breaks around a word of two letters or more bound it (is_bounded's common case)
                if (
                    (start, anchor) not in kept
                    and (
                        (width > 1 and low[start - 1 : start] in " \n" and low[end : end + 1] in " \n")
                        or is_bounded(low, start, end)
                    )
                    and not (several and _BAD_GAP.search(low, start, end))
                ):
                    entry = free or _accepted(exact, start, end, forms)
                    if entry is not None:
                        found.append((start, end, entry))
                        if several:
                            kept.add((start, anchor))
            for back, symbol_form, symbol_forms in symbols:
                start = last - back
                if start >= 0 and low.startswith(symbol_form, start):  # most often not: "data " is not "data+"
                    _match_symbol(exact, low, start, symbol_form, symbol_forms, found)
        return _longest_first(found)


def words_of_exact(spelling: str) -> list[str]:
    """Words of a spelling with its case kept (for `case` entries)."""
    chars = [ch if ch.isalnum() else " " for ch in spelling]
    return "".join(chars).split()


def _accepted(text: str | None, start: int, end: int, forms: list[_Form]) -> Entry | None:
    """The entry of the first form whose case rule the written `text` meets (no text: case rules ignored)."""
    if text is None:
        return forms[0].entry
    written = text[start:end]
    for form in forms:
        if form.exact is None or _written_as(written, form.exact):
            return form.entry
    return None


def _written_as(written: str, exact: frozenset[str]) -> bool:
    """Whether the words of `written`, case kept, are one of the `exact` spellings.

    The spellings are words joined by single spaces, so most names written as listed are found as they
    are ("CAN", "Spring Boot"), and one word of letters and digits that is not among them is not either
    ("can"): only the rest is split into words."""
    return written in exact or (not written.isalnum() and " ".join(words_of_exact(written)) in exact)


def _match_symbol(
    text: str | None, low: str, start: int, symbol_form: str, forms: list[_Form], found: list[_Found]
) -> None:
    """Add the symbol form written at `start` of `low` if it is a whole token and meets its case rule."""
    end = start + len(symbol_form)
    if not is_bounded(low, start, end):
        return
    for form in forms:
        if form.exact is None or text is None or text[start:end] in form.exact:
            found.append((start, end, form.entry))
            return


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def is_bounded(low: str, start: int, end: int) -> bool:
    """Not part of a longer token: "Tform" in "platform", "JS" in "Vue.js", "C" in "C#", "node" in "node.js"."""
    if start > 0:
        before = low[start - 1]
        if _is_word_char(before) or before in "@$":
            return False
        if before == "." and start > 1 and _is_word_char(low[start - 2]):
            return False  # the tail of a dotted token: "js" in "vue.js"
    if end < len(low):
        after = low[end]
        if _is_word_char(after) or (after in "+#" and _is_word_char(low[end - 1])):
            return False
        if after == "." and end + 1 < len(low) and _is_word_char(low[end + 1]) and _is_word_char(low[end - 1]):
            return False  # the head of a dotted token: "node" in "node.js", "google" in "google.com"
    if end - start == 1:  # one-letter names ("C", "R"): not in "C-level", "R&D", "C.V.", "Vitamin C's"
        if start > 0 and low[start - 1] in "-&'’.":
            return False
        if end < len(low) and low[end] in "-&'’.":
            return low[end] == "." and (end + 1 == len(low) or low[end + 1].isspace())
    return True


_by_span = itemgetter(0, 1)
_by_start = itemgetter(0)


def _longest_first(found: list[_Found]) -> list[Match]:
    """Where matches overlap, the longest wins (`_longest_key`); in text order.

    Most matches overlap nothing, so the matches are cut into runs that overlap only each other
    and only a run of two or more is settled match by match (no run can change another's)."""
    found.sort(key=_by_span)
    kept: list[_Found] = []
    run = 0  # where the current run starts in `kept`
    reach = 0  # where the current run ends in the text
    for match in found:
        start, end, _ = match
        if start >= reach:
            if len(kept) - run > 1:
                kept[run:] = _settled(kept[run:])
            run = len(kept)
            reach = end
        elif end > reach:
            reach = end
        kept.append(match)
    if len(kept) - run > 1:
        kept[run:] = _settled(kept[run:])
    return [tuple.__new__(Match, match) for match in kept]  # `Match._make` without its length check: twice as fast


def _settled(run: list[_Found]) -> list[_Found]:
    """The matches of one overlapping run kept in `_longest_key` order: each one that overlaps none kept before it."""
    if len(run) == 2:  # most runs: two matches, which overlap
        return [min(run, key=_longest_key)]
    kept: list[_Found] = []
    for match in sorted(run, key=_longest_key):
        start, end = match[0], match[1]
        if all(end <= other[0] or other[1] <= start for other in kept):
            kept.append(match)
    kept.sort(key=_by_start)
    return kept


def _longest_key(found: _Found) -> tuple[int, int, str]:
    """Longest first, then leftmost, then by name: which of two overlapping matches is kept."""
    return found[0] - found[1], found[0], found[2].name
