"""The hand-written skills taxonomy: parse and validate `bot/skills/data/*.txt` (format in FORMAT.md).

The data is read through importlib.resources so it loads from a wheel as well as from a checkout,
and it is validated as a whole on every load: a clash between two files is a bug that would make
the extractor's answer depend on file order, so it fails loudly with file:line instead.

`python -m bot.skills.taxonomy` prints the counts per category and every problem (exit 1 on errors);
taxonomy writers run it after each edit.
"""

from __future__ import annotations

import functools
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from enum import StrEnum
from importlib import resources

from bot.skills.model import Category

DATA_PACKAGE = "bot.skills"
DATA_FOLDER = "data"

# `other` is what the extractor reports for terms found outside the taxonomy: never written by hand.
WRITABLE_CATEGORIES = frozenset(c for c in Category if c is not Category.OTHER)


class Context(StrEnum):
    """When a name that is also an ordinary word counts (FORMAT.md, `context=`)."""

    CODE = "code"
    TOOL = "tool"
    SKILL = "skill"


@dataclass(frozen=True, slots=True)
class Ordinary:
    """Where a product's name is the ordinary word instead (FORMAT.md, `not-before=`, `not-after=`,
    `not-beside=`): the word right before or after it, or a term of a category listed next to it."""

    before: frozenset[str] = frozenset()  # lower-case words; YEAR and NAME as FORMAT.md says
    after: frozenset[str] = frozenset()
    beside: Category | None = None


@dataclass(frozen=True, slots=True)
class Entry:
    """One canonical skill with the other ways postings write it."""

    name: str
    category: Category
    aliases: tuple[str, ...] = ()
    case: bool = False  # names must match with exactly the case written
    context: Context | None = None
    parents: tuple[str, ...] = ()
    weak: bool = False  # generic term: extracted with a low weight
    origin: str = ""  # "file.txt:12", for error messages
    ordinary: Ordinary | None = None  # where the name is an ordinary word, not this entry
    # (spelling, entry, cue words): a spelling of this entry that means that other entry near one of the words
    senses: tuple[tuple[str, Entry, frozenset[str]], ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Taxonomy:
    entries: tuple[Entry, ...]

    @functools.cached_property
    def by_name(self) -> dict[str, Entry]:
        return {e.name: e for e in self.entries}

    def counts(self) -> Counter[Category]:
        return Counter(e.category for e in self.entries)


class TaxonomyError(ValueError):
    """The data files are inconsistent; `problems` lists each one as "file:line: what"."""

    def __init__(self, problems: Iterable[str]) -> None:
        self.problems = tuple(problems)
        shown = "\n  ".join(self.problems[:50])
        more = f"\n  ... and {len(self.problems) - 50} more" if len(self.problems) > 50 else ""
        super().__init__(f"skills taxonomy has {len(self.problems)} problem(s):\n  {shown}{more}")


def _split_list(field: str) -> list[str]:
    return [part.strip() for part in field.split(",") if part.strip()]


# Words of `not-before=`/`not-after=` that stand for a kind of word: a four-digit number ("Spring 2026"), a
# capitalised word inside a sentence that names no taxonomy entry ("American Express").
YEAR, NAME = "YEAR", "NAME"


@dataclass(slots=True)
class _Options:
    case: bool = False
    weak: bool = False
    context: Context | None = None
    parents: list[str] = field(default_factory=list)
    before: frozenset[str] = frozenset()
    after: frozenset[str] = frozenset()
    beside: Category | None = None
    senses: list[tuple[str, frozenset[str]]] = field(default_factory=list)  # `sense=EMR:aws/spark`

    def ordinary(self) -> Ordinary | None:
        if self.before or self.after or self.beside:
            return Ordinary(self.before, self.after, self.beside)
        return None


def _word_list(value: str, where: str, problems: list[str]) -> frozenset[str]:
    """`word/word/YEAR`: lower-case words, YEAR and NAME kept as written."""
    words = [w.strip() for w in value.split("/")]
    out = frozenset(w if w in (YEAR, NAME) else w.lower() for w in words)
    if not words or not all(w.isalnum() for w in words):
        problems.append(f"{where}: {value!r} is not a '/'-separated list of words")
    return out


def _parse_options(options: list[str], where: str, problems: list[str]) -> _Options:
    parsed = _Options()
    for option in options:
        key, _, value = option.partition("=")
        key, value = key.strip(), value.strip()
        if key == "case" and not value:
            parsed.case = True
        elif key == "weak" and not value:
            parsed.weak = True
        elif key == "context" and value in Context.__members__.values():
            if parsed.context is not None:
                problems.append(f"{where}: context given twice")
            parsed.context = Context(value)
        elif key == "parent" and value:
            parsed.parents.append(value)
        elif key == "not-before" and value:
            parsed.before = _word_list(value, where, problems)
        elif key == "not-after" and value:
            parsed.after = _word_list(value, where, problems)
        elif key == "not-beside" and value in WRITABLE_CATEGORIES:
            parsed.beside = Category(value)
        elif key == "sense" and ":" in value:
            spelling, _, cues = value.partition(":")
            parsed.senses.append((spelling.strip(), _word_list(cues, where, problems)))
        else:
            known = (
                "case, weak, context=code|tool|skill, parent=Name, not-before=w/w, not-after=w/w,"
                " not-beside=category, sense=Spelling:w/w"
            )
            problems.append(f"{where}: unknown option {option!r} (known: {known})")
    return parsed


@dataclass(frozen=True, slots=True)
class _Extension:
    """`+ Canonical | alias, alias`: more spellings for an entry another file defines."""

    name: str
    aliases: tuple[str, ...]
    origin: str


@dataclass(frozen=True, slots=True)
class _Sense:
    """`sense=EMR:aws/spark` on entry `name`: the spelling, which another entry lists, means `name` near a cue."""

    spelling: str
    name: str
    cues: frozenset[str]
    origin: str


def _parse_file(
    filename: str, text: str, problems: list[str], extensions: list[_Extension], senses: list[_Sense]
) -> Iterator[Entry]:
    category: Category | None = None
    for number, line in enumerate(text.splitlines(), 1):
        where = f"{filename}:{number}"
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            name = line[1:-1].strip()
            if name in WRITABLE_CATEGORIES:
                category = Category(name)
            else:
                category = None
                known = ", ".join(sorted(WRITABLE_CATEGORIES))
                problems.append(f"{where}: unknown category [{name}] (known: {known})")
            continue
        if line.startswith("+"):
            name, _, rest = line[1:].partition("|")
            aliases = _split_list(rest)
            if not name.strip() or not aliases or "|" in rest:
                problems.append(f"{where}: an extension line is '+ Canonical | alias, alias'")
            else:
                extensions.append(_Extension(name.strip(), tuple(aliases), where))
            continue
        fields = [f.strip() for f in line.split("|")]
        if len(fields) > 3:
            problems.append(f"{where}: more than three '|'-separated fields")
            continue
        canonical = fields[0]
        if not canonical:
            problems.append(f"{where}: empty canonical name")
            continue
        if category is None:
            problems.append(f"{where}: entry {canonical!r} is not under a known [category] line")
            continue
        aliases = _split_list(fields[1]) if len(fields) > 1 else []
        options = _split_list(fields[2]) if len(fields) > 2 else []
        parsed = _parse_options(options, where, problems)
        case, parents = parsed.case, tuple(parsed.parents)
        senses.extend(_Sense(spelling, canonical, cues, where) for spelling, cues in parsed.senses)
        names = [canonical, *aliases]
        seen: set[str] = set()
        for form in names:
            key = form if case else form.casefold()
            if key in seen:
                problems.append(f"{where}: {form!r} is listed twice in {canonical!r}")
            seen.add(key)
        if canonical in parents:
            problems.append(f"{where}: {canonical!r} is its own parent")
        unique_aliases = tuple(dict.fromkeys(a for a in aliases if a != canonical))
        yield Entry(
            canonical, category, unique_aliases, case, parsed.context, parents, parsed.weak, where, parsed.ordinary()
        )


def _check_whole(entries: list[Entry], problems: list[str]) -> None:
    canonical: dict[str, list[Entry]] = {}
    for entry in entries:
        same = canonical.setdefault(entry.name.casefold(), [])
        for other in same:
            if not (entry.case and other.case and entry.name != other.name):
                problems.append(f"{entry.origin}: {entry.name!r} is already an entry at {other.origin}")
                break
        same.append(entry)
    # A surface form may belong to one entry only; two `case` entries may share a spelling that
    # differs in case ("SAS" the language vs a `case` "Sas"), nothing else may.
    claimed: dict[str, list[tuple[str, Entry]]] = {}
    for entry in entries:
        for form in dict.fromkeys(entry.names):
            claimed.setdefault(form.casefold(), []).append((form, entry))
    for claims in claimed.values():
        owners = {id(e) for _, e in claims}
        if len(owners) < 2:
            continue
        for i, (form, entry) in enumerate(claims):
            for other_form, other in claims[:i]:
                if other is entry or (entry.case and other.case and form != other_form):
                    continue
                if other.name.casefold() == entry.name.casefold() and not (entry.case and other.case):
                    continue  # reported above as a duplicate entry
                problems.append(
                    f"{entry.origin}: {form!r} of {entry.name!r} is also claimed by {other.name!r} at {other.origin}"
                )
    names = {e.name for e in entries}
    for entry in entries:
        for parent in entry.parents:
            if parent not in names:
                problems.append(f"{entry.origin}: parent {parent!r} of {entry.name!r} is not an entry")


def _extend(entries: list[Entry], extensions: list[_Extension], problems: list[str]) -> list[Entry]:
    index = {e.name: i for i, e in enumerate(entries)}
    for extension in extensions:
        i = index.get(extension.name)
        if i is None:
            problems.append(f"{extension.origin}: {extension.name!r} to extend is not an entry")
            continue
        entry = entries[i]
        for alias in extension.aliases:
            if (alias if entry.case else alias.casefold()) in {n if entry.case else n.casefold() for n in entry.names}:
                problems.append(f"{extension.origin}: {alias!r} is already a spelling of {entry.name!r}")
        entries[i] = replace(entry, aliases=tuple(dict.fromkeys((*entry.aliases, *extension.aliases))))
    return entries


def _give_senses(entries: list[Entry], senses: list[_Sense], problems: list[str]) -> list[Entry]:
    """Hand each `sense=` to the entry that lists the spelling, which resolves it per mention (context.py)."""
    index = {e.name: i for i, e in enumerate(entries)}
    owners = {form.casefold(): i for i, e in enumerate(entries) for form in e.names}
    targets = {sense.name for sense in senses}
    for sense in senses:
        owner = owners.get(sense.spelling.casefold())
        if owner is None or entries[owner].name == sense.name:
            problems.append(f"{sense.origin}: sense {sense.spelling!r} is not a spelling of another entry")
        elif entries[owner].name in targets:
            problems.append(f"{sense.origin}: {entries[owner].name!r} takes a sense itself and cannot give one")
        else:
            target = entries[index[sense.name]]
            given = (*entries[owner].senses, (sense.spelling.casefold(), target, sense.cues))
            entries[owner] = replace(entries[owner], senses=given)
    return entries


def parse_taxonomy(sources: Iterable[tuple[str, str]]) -> Taxonomy:
    """Parse and validate (filename, text) pairs; raise TaxonomyError listing every problem."""
    problems: list[str] = []
    entries: list[Entry] = []
    extensions: list[_Extension] = []
    senses: list[_Sense] = []
    for filename, text in sources:
        entries.extend(_parse_file(filename, text, problems, extensions, senses))
    entries = _extend(entries, extensions, problems)
    entries = _give_senses(entries, senses, problems)
    _check_whole(entries, problems)
    if problems:
        raise TaxonomyError(problems)
    return Taxonomy(tuple(entries))


def data_sources() -> list[tuple[str, str]]:
    """Every `*.txt` of the data folder as (filename, text), in name order (the order is part of the output)."""
    folder = resources.files(DATA_PACKAGE).joinpath(DATA_FOLDER)
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".txt")), key=lambda f: f.name)
    return [(f.name, f.read_text(encoding="utf-8")) for f in files]


@functools.cache
def load_taxonomy() -> Taxonomy:
    """The bundled taxonomy, parsed once per process."""
    return parse_taxonomy(data_sources())


def main() -> int:
    started = time.perf_counter()
    try:
        taxonomy = parse_taxonomy(data_sources())
    except TaxonomyError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s) in the skills taxonomy.", file=sys.stderr)
        return 1
    elapsed = (time.perf_counter() - started) * 1000
    counts = taxonomy.counts()
    for category in Category:
        if category in counts:
            print(f"{category.value:22} {counts[category]:6}")
    aliases = sum(len(e.aliases) for e in taxonomy.entries)
    print(f"{'total':22} {len(taxonomy.entries):6} entries, {aliases} aliases, parsed in {elapsed:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
