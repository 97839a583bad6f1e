"""Find every taxonomy name in a text: token-bounded, longest match first, per-entry case rules.

Speed matters (hundreds of postings a second on one core), so there is no giant regex. The text is
lower-cased and every non-word character turned into a space (both keep offsets, via a bytes
translation table) and split into words; one pass keeps the words that are "anchors" (one per
surface form: its first word that is not a common English word, so "A/B testing" is looked up at
"testing", not at every "a"), and only those are examined, each by a walk through a small word trie.

Two kinds of surface forms:
- word forms ("machine learning", "Node.js", "CI/CD", "front-end"): compared word by word, so
  "front-end", "front end" and "Front End" are one form and "amazon-web-services" is
  "Amazon Web Services"; the original separators must not cross a line, comma or sentence end;
- symbol forms ("C++", "C#", ".NET", "F#"): compared character by character on the lower-cased
  text, because their symbols are the difference ("C" vs "C++").

Regular plurals of every name are generated ("APIs", "databases", "technologies"); a plural never
takes a spelling another entry lists itself.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from itertools import accumulate, compress
from operator import itemgetter

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

# Between the words of one name the original text may not change line, list item or sentence.
_BAD_GAP = re.compile(r"[,;:()\[\]{}|\n\r\t•*!?\"]|\.\s")
_CAMEL = re.compile(r"[a-z][A-Z]")
# Words too common to look a name up by (a name is anchored at another of its words when it has one).
_COMMON_WORDS = """
    a an and as at be by can e for from in is it of on or s the this that to with job jobs team teams work
    company contact new high full well good time our your you we are will all any more"""
_COMMON = frozenset(_COMMON_WORDS.split())


def lower_keep_offsets(text: str) -> str:
    """`text.lower()` with the same length (a few characters lower-case to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


def word_chars(low: str) -> str:
    """`low` with every separator replaced by a space and every non-ASCII letter by "x"; same length."""
    low = low.replace("?", " ")
    if not low.isascii():
        low = _UNICODE_SEPARATORS.sub(" ", low)
    return low.encode("ascii", "replace").translate(_WORDS_TABLE).decode("ascii")


def words_of(text: str) -> list[str]:
    return word_chars(lower_keep_offsets(text)).split()


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


@dataclass(frozen=True, slots=True)
class Match:
    """A taxonomy name found in the text; offsets are into the text given to `Matcher.find`."""

    start: int
    end: int
    entry: Entry


@dataclass(slots=True)
class _Form:
    entry: Entry
    exact: frozenset[str] | None  # case-sensitive: the accepted spellings (words joined by spaces), else None
    explicit: bool  # written in the data (a generated plural loses to an explicit spelling)


_Trie = dict[str, "_Trie | list[_Form]"]  # word → subtrie; "" → the forms ending here
# (the forms when the anchor word is a whole one-word name and starts no other form, else None;
#  the branches as (words before the anchor, their width with spaces, trie); the symbol forms)
_Lookup = tuple[
    list["_Form"] | None, tuple[tuple[list[str], int, _Trie], ...], tuple[tuple[int, str, list["_Form"]], ...]
]


@dataclass(slots=True)
class _Branch:
    before: list[str]  # the words before the anchor (none when the form starts at its anchor)
    trie: _Trie = field(default_factory=dict)


@dataclass(slots=True)
class _Anchor:
    branches: list[_Branch] = field(default_factory=list)
    symbol_forms: list[tuple[int, str, list[_Form]]] = field(default_factory=list)  # (offset of anchor, "c++", forms)


def _single_word_forms(anchor: _Anchor) -> list[_Form] | None:
    """The forms of an anchor word that only ever matches by itself (no words before or after it, no symbols)."""
    if anchor.symbol_forms or len(anchor.branches) != 1:
        return None
    branch = anchor.branches[0]
    forms = branch.trie.get("")
    if branch.before or len(branch.trie) != 1 or forms is None:
        return None
    assert isinstance(forms, list)
    return forms


def _attach(forms: list[_Form], entry: Entry, exact: frozenset[str] | None, explicit: bool) -> None:
    for form in forms:
        if form.entry is entry:
            if form.exact is not None and exact is not None:
                form.exact = form.exact | exact
            elif exact is None:
                form.exact = None
            return
    forms.append(_Form(entry, exact, explicit))


def _sort_forms(trie: _Trie) -> None:
    """Explicit spellings first, so a generated plural never wins over a name another entry lists."""
    for key, value in trie.items():
        if key:
            assert isinstance(value, dict)
            _sort_forms(value)
        else:
            assert isinstance(value, list)
            value.sort(key=lambda f: not f.explicit)


class Matcher:
    """Compiled lookup tables for one taxonomy."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._anchors: dict[str, _Anchor] = {}
        self._branches: dict[tuple[str, tuple[str, ...]], _Branch] = {}
        self._symbols: dict[tuple[str, int, str], list[_Form]] = {}
        spellings = [(s, n, e) for e in taxonomy.entries for n in e.names for s in _spellings(n)]
        explicit_keys = set()
        for spelling, name, entry in spellings:
            explicit_keys.add(self._add(spelling, name, entry, explicit=True, taken=None))
        for spelling, name, entry in spellings:
            for plural in _plurals(spelling):
                self._add(plural, name, entry, explicit=False, taken=explicit_keys)
        for anchor in self._anchors.values():
            anchor.branches.sort(key=lambda b: (-len(b.before), b.before))
            anchor.symbol_forms.sort(key=lambda f: (-len(f[1]), f[1]))
        for branch in self._branches.values():
            _sort_forms(branch.trie)
        for forms in self._symbols.values():
            forms.sort(key=lambda f: not f.explicit)
        # what `find` reads per anchor word, as plain tuples (no attribute lookups in its loop):
        # branches as (words before the anchor, their width in characters with spaces, trie)
        self._lookup: dict[str, _Lookup] = {
            word: (
                _single_word_forms(anchor),
                tuple((b.before, sum(map(len, b.before)) + len(b.before), b.trie) for b in anchor.branches),
                tuple(anchor.symbol_forms),
            )
            for word, anchor in self._anchors.items()
        }
        del self._anchors, self._branches, self._symbols  # construction tables; `find` reads `_lookup`

    def _add(self, spelling: str, name: str, entry: Entry, *, explicit: bool, taken: set[str] | None) -> str:
        """Index one spelling; returns its key. A generated spelling whose key is in `taken` is skipped."""
        low = lower_keep_offsets(spelling)
        spaced = word_chars(low)
        words = spaced.split()
        word_form = _is_word_form(low)
        key = " ".join(words) if word_form else low
        if not words or (taken is not None and key in taken):
            return key
        sensitive = entry.case and not _is_distinctive(name)
        at = _anchor(words)
        anchor_word = words[at]
        anchor = self._anchors.get(anchor_word)
        if anchor is None:
            anchor = self._anchors[anchor_word] = _Anchor()
        if word_form:
            exact = frozenset({" ".join(words_of_exact(spelling))}) if sensitive else None
            before = tuple(words[:at])
            branch = self._branches.get((anchor_word, before))
            if branch is None:
                branch = self._branches[(anchor_word, before)] = _Branch(list(before))
                anchor.branches.append(branch)
            node = branch.trie
            for word in words[at + 1 :]:
                child = node.setdefault(word, {})
                assert isinstance(child, dict)
                node = child
            forms = node.setdefault("", [])
            assert isinstance(forms, list)
            _attach(forms, entry, exact, explicit)
            return key
        exact = frozenset({spelling}) if sensitive else None
        offset = f" {spaced} ".index(f" {anchor_word} ")
        symbol_forms = self._symbols.get((anchor_word, offset, low))
        if symbol_forms is None:
            symbol_forms = self._symbols[(anchor_word, offset, low)] = []
            anchor.symbol_forms.append((offset, low, symbol_forms))
        _attach(symbol_forms, entry, exact, explicit)
        return key

    def find(
        self, text: str, low: str | None = None, words: str | None = None, *, case_rules: bool = True
    ) -> list[Match]:
        """Non-overlapping matches, longest first where two overlap, in text order.

        `low` and `words` may be given when the caller already has `lower_keep_offsets(text)` and
        `word_chars(low)`. `case_rules=False` ignores the entries' `case` option (for a line of
        lower-case tags such as "docker jenkins spring").
        """
        exact = text if case_rules else None
        low = lower_keep_offsets(text) if low is None else low
        # words separated by single spaces; an empty piece is a run of separators
        pieces = (word_chars(low) if words is None else words).split(" ")
        starts = list(accumulate(map(len, pieces), initial=0))  # pieces[i] starts at starts[i] + i
        lookup = self._lookup
        found: list[tuple[int, int, Entry]] = []
        count = len(pieces)
        # the anchor positions, found without a Python-level loop over every word
        for i in compress(range(count), map(lookup.__contains__, pieces)):
            piece = pieces[i]
            single, branches, symbol_forms = lookup[piece]
            at = starts[i] + i
            end = at + len(piece)
            if single is not None:  # the most common anchor: a one-word name and nothing longer
                # spaces or line breaks around a word of two letters or more bound it (is_bounded's common case)
                if (end - at > 1 and low[at - 1 : at] in " \n" and low[end : end + 1] in " \n") or is_bounded(
                    low, at, end
                ):
                    _accept(exact, at, end, single, found)
                continue
            following = pieces[i + 1] if i + 1 < count else ""
            for before, width, trie in branches:
                if following not in trie:
                    if "" not in trie:
                        continue
                    if not before:  # the common case: a one-word form with nothing longer here
                        forms = trie[""]
                        assert isinstance(forms, list)
                        if is_bounded(low, at, end):
                            _accept(exact, at, end, forms, found)
                        continue
                if before and (i < len(before) or pieces[i - len(before) : i] != before):
                    continue
                _walk(exact, low, pieces, i, at - width, end, trie, found)
            for offset, symbol_form, forms in symbol_forms:
                start = at - offset
                if start >= 0 and low.startswith(symbol_form, start):
                    _match_symbol(exact, low, start, symbol_form, forms, found)
        return _longest_first(found, len(text))


def words_of_exact(spelling: str) -> list[str]:
    """Words of a spelling with its case kept (for `case` entries)."""
    chars = [ch if ch.isalnum() else " " for ch in spelling]
    return "".join(chars).split()


def _walk(
    text: str | None,
    low: str,
    pieces: list[str],
    i: int,
    start: int,
    end: int,
    trie: _Trie,
    found: list[tuple[int, int, Entry]],
) -> None:
    """Follow the words after the anchor pieces[i] (which ends at `end`) and keep the longest valid form."""
    ends: list[tuple[int, list[_Form]]] = []
    node = trie
    count = len(pieces)
    while True:
        forms = node.get("")
        if forms is not None:
            assert isinstance(forms, list)
            ends.append((end, forms))
        i += 1
        if i >= count or not pieces[i]:
            break
        child = node.get(pieces[i])
        if child is None:
            break
        assert isinstance(child, dict)
        node = child
        end += 1 + len(pieces[i])
    for end, forms in reversed(ends):
        if (
            is_bounded(low, start, end)
            and not _BAD_GAP.search(low, start, end)
            and _accept(text, start, end, forms, found)
        ):
            return


def _accept(text: str | None, start: int, end: int, forms: list[_Form], found: list[tuple[int, int, Entry]]) -> bool:
    """Record the first form whose case rule the written `text` meets (no text: case rules ignored)."""
    for form in forms:
        if form.exact is None or text is None or " ".join(words_of_exact(text[start:end])) in form.exact:
            found.append((start, end, form.entry))
            return True
    return False


def _match_symbol(
    text: str | None, low: str, start: int, symbol_form: str, forms: list[_Form], found: list[tuple[int, int, Entry]]
) -> None:
    if start < 0 or not low.startswith(symbol_form, start):
        return
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


def _longest_first(found: list[tuple[int, int, Entry]], size: int) -> list[Match]:
    taken = bytearray(size)
    kept: list[tuple[int, int, Entry]] = []
    for start, end, entry in sorted(found, key=_longest_key):
        if taken.find(1, start, end) >= 0:
            continue
        taken[start:end] = b"\x01" * (end - start)
        kept.append((start, end, entry))
    kept.sort(key=itemgetter(0))
    return [Match(start, end, entry) for start, end, entry in kept]


def _longest_key(found: tuple[int, int, Entry]) -> tuple[int, int, str]:
    """Longest first, then leftmost, then by name: which of two overlapping matches is kept."""
    return found[0] - found[1], found[0], found[2].name
