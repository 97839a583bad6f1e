"""Keyword extraction: taxonomy matches plus discovered terms → weighted keywords with raw offsets.

Matching runs on the clean text (no markup, no chrome); every mention is mapped back to the raw
input with `CleanText.to_raw`, so `raw[start:end]` is exactly the words the posting used.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.postings.model import CleanText, Section, SectionKind
from bot.skills.context import SectionIndex, in_context, sentence_bounds, states_requirement
from bot.skills.discover import discover
from bot.skills.matcher import Matcher, is_bounded, lower_keep_offsets
from bot.skills.model import Category, Keyword, Mention
from bot.skills.taxonomy import Entry, load_taxonomy
from bot.skills.weights import BOILERPLATE, keyword_required, keyword_weight, mention_requirement


@functools.cache
def default_matcher() -> Matcher:
    """The bundled taxonomy compiled once per process."""
    return Matcher(load_taxonomy())


@dataclass(frozen=True, slots=True)
class _Found:
    start: int  # clean offsets
    end: int
    kind: SectionKind
    required: bool | None
    states: bool  # states the term for the job/candidate (see context.states_requirement)


@dataclass(slots=True)
class _Term:
    name: str
    category: Category
    weak: bool
    parents: tuple[str, ...]
    found: list[_Found]


def extract_keywords(raw: str, clean: CleanText, sections: Sequence[Section], title: str | None) -> tuple[Keyword, ...]:
    """Keywords of a posting, with mentions mapped to offsets in `raw`, most important first."""
    return extract_with(default_matcher(), raw, clean, sections, title)


def extract_with(
    matcher: Matcher, raw: str, clean: CleanText, sections: Sequence[Section], title: str | None
) -> tuple[Keyword, ...]:
    text = clean.text
    index = SectionIndex(sections)
    matches = [m for m in matcher.find(text) if index.kind_at(m.start) is not SectionKind.CHROME]
    kinds = [index.kind_at(m.start) for m in matches]
    low = lower_keep_offsets(text)
    keep = in_context(text, low, matches, kinds)

    sentences = _Sentences(text, low)
    terms: dict[str, _Term] = {}
    taken: list[tuple[int, int]] = []
    skill_lines: set[int] = set()
    for match, kind, ok in zip(matches, kinds, keep, strict=True):
        taken.append((match.start, match.end))  # a rejected ambiguous name is not a discovery either
        if not ok:
            continue
        skill_lines.add(text.rfind("\n", 0, match.start) + 1)
        end = _with_head_noun(low, match.end)
        _add(terms, match.entry, sentences.found(match.start, end, kind))

    for section in sections:
        if section.kind in (SectionKind.REQUIRED, SectionKind.PREFERRED):
            skill_lines.update(_line_starts(text, section.start, section.end))
    discovered = discover(text, low, index.kind_at, taken, sorted(skill_lines))
    if discovered:
        for item in discovered:
            term = _Term(item.name, Category.OTHER, False, (), [])
            for start in _occurrences(low, item.name.lower(), taken):
                kind = index.kind_at(start)
                if kind is not SectionKind.CHROME:
                    term.found.append(sentences.found(start, start + len(item.name), kind))
            terms.setdefault(item.name.casefold(), term)

    in_title = {m.entry.name for m in matcher.find(title)} if title else set()
    keywords = []
    for term in terms.values():
        found = [f for f in term.found if f.kind not in BOILERPLATE]
        if not found:
            continue
        # where the posting states the term; its header, blurb or team-name uses only as a last resort
        found = [f for f in found if f.states] or found
        mentions = []
        for f in found:
            start, end = clean.to_raw(f.start, f.end)
            mentions.append(Mention(start, end, raw[start:end], str(f.kind)))
        keywords.append(
            Keyword(
                keyword=term.name,
                category=term.category,
                weight=keyword_weight(
                    [f.kind for f in found],
                    in_title=term.name in in_title
                    or (term.category is Category.OTHER and title is not None and _in(title, term.name)),
                    category=term.category,
                    weak=term.weak,
                ),
                required=keyword_required([f.required for f in found]),
                mentions=tuple(mentions),
                parents=term.parents,
            )
        )
    keywords.sort(key=lambda k: (-k.weight, k.keyword.casefold(), k.keyword))
    return tuple(keywords)


class _Sentences:
    """Requirement marks per sentence, computed once per sentence of the posting."""

    def __init__(self, text: str, low: str) -> None:
        self._text, self._low = text, low
        self._cache: dict[tuple[int, int, SectionKind], bool | None] = {}

    def found(self, start: int, end: int, kind: SectionKind) -> _Found:
        left, right = sentence_bounds(self._text, start, end)
        key = (left, right, kind)
        if key not in self._cache:
            self._cache[key] = mention_requirement(kind, self._low[left:right])
        states = states_requirement(self._text, self._low, start, end, kind)
        return _Found(start, end, kind, self._cache[key], states)


def _add(terms: dict[str, _Term], entry: Entry, found: _Found) -> None:
    term = terms.get(entry.name)
    if term is None:
        term = terms[entry.name] = _Term(entry.name, entry.category, entry.weak, entry.parents, [])
    term.found.append(found)


def _occurrences(low: str, needle: str, taken: Sequence[tuple[int, int]]) -> list[int]:
    """Token-bounded starts of `needle` in `low` outside the taxonomy matches."""
    out = []
    i = low.find(needle)
    while i >= 0:
        end = i + len(needle)
        if is_bounded(low, i, end) and not any(a < end and i < b for a, b in taken):
            out.append(i)
        i = low.find(needle, i + 1)
    return out


_HEAD_NOUN = re.compile(
    r"[ -](?:technolog(?:y|ies)|frameworks?|tools|tooling|languages?|architectures?|logic|patterns|principles|concepts"
    r"|environments?|ecosystem|stack|methodolog(?:y|ies)|practices|fundamentals|techniques|libraries)\b"
)


def _with_head_noun(low: str, end: int) -> int:
    """Extend a mention over the generic noun the posting attaches to it ("backend technologies",
    "scripting language", "Agile methodologies"): that is its exact wording, the one to copy."""
    m = _HEAD_NOUN.match(low, end)
    return m.end() if m else end


def _line_starts(text: str, start: int, end: int) -> list[int]:
    starts = [text.rfind("\n", 0, start) + 1]
    i = text.find("\n", start, end)
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1, end)
    return starts


def _in(title: str, name: str) -> bool:
    low = lower_keep_offsets(title)
    return bool(_occurrences(low, name.lower(), ()))
