"""Keyword extraction: taxonomy matches plus discovered terms → weighted keywords with raw offsets.

Matching runs on the clean text (no markup, no chrome); every mention is mapped back to the raw
input with `CleanText.to_raw`, so `raw[start:end]` is exactly the words the posting used.
One keyword per canonical name, with all the mentions that state it (see context.py for which
mentions state a requirement), ordered by weight, then name.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from bot.postings.model import CleanText, Section, SectionKind
from bot.skills.context import (
    SectionIndex,
    in_context,
    looks_like_tag_line,
    settle_senses,
    states_requirement,
)
from bot.skills.discover import discover
from bot.skills.matcher import Match, Matcher, is_bounded, lower_keep_offsets, word_chars
from bot.skills.model import Category, Keyword, Mention
from bot.skills.sentences import Sentences
from bot.skills.taxonomy import load_taxonomy
from bot.skills.weights import BOILERPLATE, keyword_required, keyword_weight, mention_requirement

# The generic noun a posting attaches to a term is part of its wording: "backend technologies",
# "scripting language", "Agile methodologies".
_HEAD_NOUN = re.compile(
    r"[ -](?:technolog(?:y|ies)|frameworks?|tools|tooling|languages?|architectures?|logic|patterns|principles|concepts"
    r"|environments?|ecosystem|stack|methodolog(?:y|ies)|practices|fundamentals|techniques|libraries)\b"
)
_HEAD_NOUN_GAP = frozenset(" -")  # what may follow a term before its head noun (tested before the pattern)
# Enum members the per-match code compares with, as module names: `Category.LANGUAGE` is a class attribute
# lookup that costs several times a global's.
_LANGUAGE, _EDUCATION, _CHROME = Category.LANGUAGE, Category.EDUCATION, SectionKind.CHROME


@functools.cache
def default_matcher() -> Matcher:
    """The bundled taxonomy compiled once per process."""
    return Matcher(load_taxonomy())


class _Found(NamedTuple):  # a tuple: built for every mention, cheaper than a frozen dataclass
    start: int  # clean offsets
    end: int
    kind: SectionKind
    required: bool | None
    states: bool  # states the term for the job or the candidate


@dataclass(slots=True)
class _Term:
    name: str
    category: Category
    weak: bool = False
    parents: tuple[str, ...] = ()
    found: list[_Found] = field(default_factory=list)


class _Posting:
    """One posting's clean text with its sections and sentences, to turn spans into `_Found`."""

    def __init__(self, text: str, sections: Sequence[Section]) -> None:
        self.text = text
        self.low = lower_keep_offsets(text)
        self.words = word_chars(self.low)
        self.index = SectionIndex(sections)
        self.sentences = Sentences(text, self.low, self.words)

    def found(self, start: int, end: int, kind: SectionKind, category: Category) -> _Found:
        low = self.low
        if category is not _LANGUAGE and low[end : end + 1] in _HEAD_NOUN_GAP:
            head = _HEAD_NOUN.match(low, end)
            if head:  # "English language" is the language "English": its name is the wording to copy
                end = head.end()
        sentences = self.sentences
        sentence = sentences.at(start)
        return _Found(
            start,
            end,
            kind,
            mention_requirement(kind, sentence),
            states_requirement(low, sentences, sentence, start, end, kind),
        )


def extract_keywords(raw: str, clean: CleanText, sections: Sequence[Section], title: str | None) -> tuple[Keyword, ...]:
    """Keywords of a posting, with mentions mapped to offsets in `raw`, most important first."""
    return extract_with(default_matcher(), raw, clean, sections, title)


def extract_with(
    matcher: Matcher, raw: str, clean: CleanText, sections: Sequence[Section], title: str | None
) -> tuple[Keyword, ...]:
    posting = _Posting(clean.text, sections)
    text, index = posting.text, posting.index
    matches: list[Match] = []
    kinds: list[SectionKind] = []
    kind_at = index.kind_at
    for match in _with_tag_lines(matcher, text, matcher.find(text, posting.low, posting.words)):
        kind = kind_at(match.start)
        if kind is not _CHROME:  # the job site around the posting never counts
            matches.append(match)
            kinds.append(kind)
    matches = settle_senses(posting.low, matches)
    keep = in_context(text, posting.sentences, matches, kinds, posting.low)

    kept: list[Match] = []
    kept_kinds: list[SectionKind] = []
    for match, kind, ok in zip(matches, kinds, keep, strict=True):
        if ok:
            kept.append(match)
            kept_kinds.append(kind)
    spans = _degree_wording(posting.low, kept)
    terms: dict[str, _Term] = {}
    skill_lines: set[int] = set()
    for match, kind, (start, end) in zip(kept, kept_kinds, spans, strict=True):
        entry = match.entry
        term = terms.get(entry.name)
        if term is None:
            term = terms[entry.name] = _Term(entry.name, entry.category, entry.weak, entry.parents)
        term.found.append(posting.found(start, end, kind, entry.category))
        skill_lines.add(text.rfind("\n", 0, match.start) + 1)

    # a rejected ambiguous name ("Go to our site") is not a discovery either
    taken = [(m.start, m.end) for m in matches]
    for section in sections:
        if section.kind in (SectionKind.REQUIRED, SectionKind.PREFERRED):
            skill_lines.update(_line_starts(text, section.start, section.end))
    for item in discover(text, posting.low, kind_at, taken, sorted(skill_lines), posting.sentences.asks_for):
        term = _Term(item.name, Category.OTHER)
        for start in _occurrences(posting.low, item.name.lower(), taken):
            kind = kind_at(start)
            if kind is not SectionKind.CHROME:
                term.found.append(posting.found(start, start + len(item.name), kind, Category.OTHER))
        terms.setdefault(item.name.casefold(), term)

    in_title = {m.entry.name for m in matcher.find(title)} if title else set()
    keywords = [_keyword(term, raw, clean, title, in_title) for term in terms.values()]
    result = [k for k in keywords if k is not None]
    result.sort(key=lambda k: (-k.weight, k.keyword.casefold(), k.keyword))
    return tuple(result)


# Share of a tag line's letters that taxonomy names must cover.
TAG_LINE_COVERAGE = 0.6


def _with_tag_lines(matcher: Matcher, text: str, matches: list[Match]) -> list[Match]:
    """Add, on tag lines, the names whose `case` rule only the lower case broke ("jenkins", "spring")."""
    added: list[Match] = []
    start = 0
    for line in text.split("\n"):
        if line.islower() and looks_like_tag_line(line):  # islower first: C-level, false for most lines
            found = matcher.find(line, case_rules=False)
            covered = sum(m.end - m.start for m in found)
            if len(found) >= 3 and covered >= TAG_LINE_COVERAGE * sum(map(len, line.split())):
                added.extend(Match(start + m.start, start + m.end, m.entry) for m in found)
        start += len(line) + 1
    if not added:
        return matches
    starts = [m.start for m in matches]
    for match in added:
        i = bisect.bisect_left(starts, match.start)
        clash = (i < len(matches) and matches[i].start < match.end) or (i and matches[i - 1].end > match.start)
        if not clash:
            matches.insert(i, match)
            starts.insert(i, match.start)
    return matches


_DEGREE_WORD = re.compile(
    r"degree|bachelor|master|ph\.?d|doctor|diploma|mba|\bm\.?sc?\b|\bb\.?sc?\b|\bb\.?a\b|\bm\.?a\b"
)
_FIELD_JOIN = re.compile(r"\s+(?:in|of|within)\s+(?:the\s+field\s+of\s+)?")
_FIELD_OR = re.compile(r"\s*(?:,|/|\bor\b|\band\b|&)\s*")
_BARE_DEGREE_IN = re.compile(r"(?:degree|diploma|background|studies|major)\s+(?:in|of)\s+$")


def _degree_wording(low: str, kept: Sequence[Match]) -> list[tuple[int, int]]:
    """Mention spans, where a degree takes its field along ("Master's degree in Finance or Economics")
    and a field the degree word before it ("degree in Computer Science"): the wording to copy.
    The field keeps its own keyword and mention."""
    spans = [(m.start, m.end) for m in kept]
    for i, match in enumerate(kept):
        if match.entry.category is not _EDUCATION:
            continue
        if _DEGREE_WORD.search(low, match.start, match.end):
            end, j = match.end, i + 1
            joiner = _FIELD_JOIN.match(low, end)
            while joiner and j < len(kept) and kept[j].start == joiner.end():
                if kept[j].entry.category is not Category.EDUCATION or _DEGREE_WORD.search(
                    low, kept[j].start, kept[j].end
                ):
                    break
                end, j = kept[j].end, j + 1
                joiner = _FIELD_OR.match(low, end)
            spans[i] = (match.start, end)
        else:
            before = _BARE_DEGREE_IN.search(low, max(0, match.start - 30), match.start)
            previous_end = kept[i - 1].end if i else 0
            if before and before.start() >= previous_end:
                spans[i] = (before.start(), match.end)
    return spans


def _keyword(term: _Term, raw: str, clean: CleanText, title: str | None, in_title: set[str]) -> Keyword | None:
    found = [f for f in term.found if f.kind not in BOILERPLATE]
    if not found:
        return None  # benefits, how-to-apply and legal text never make a keyword on their own
    stated = [f for f in found if f.states]
    if stated:
        found = stated
    origin = clean.origin  # `clean.to_raw`, inline: a mention is never empty
    mentions = []
    for f in found:
        start, end = origin[f.start], origin[f.end - 1] + 1
        mentions.append(Mention(start, end, raw[start:end], _SECTION_NAME[f.kind]))
    titled = term.name in in_title
    if term.category is Category.OTHER and title:
        titled = bool(_occurrences(lower_keep_offsets(title), term.name.lower(), ()))
    return Keyword(  # positional: built for every keyword of every posting
        term.name,
        term.category,
        keyword_weight([f.kind for f in found], in_title=titled, category=term.category, weak=term.weak),
        keyword_required([f.required for f in found]),
        tuple(mentions),
        term.parents,
    )


# A mention's section as `Mention` stores it; a dict lookup costs less than the enum's `value` property.
_SECTION_NAME = {kind: kind.value for kind in SectionKind}


def _occurrences(low: str, needle: str, taken: Sequence[tuple[int, int]]) -> list[int]:
    """Token-bounded starts of `needle` in `low` outside the `taken` spans (disjoint, sorted)."""
    ends = [b for _, b in taken]
    out = []
    i = low.find(needle) if needle else -1
    while i >= 0:
        end = i + len(needle)
        j = bisect.bisect_right(ends, i)
        if is_bounded(low, i, end) and not (j < len(taken) and taken[j][0] < end):
            out.append(i)
        i = low.find(needle, i + 1)
    return out


def _line_starts(text: str, start: int, end: int) -> list[int]:
    starts = [text.rfind("\n", 0, start) + 1]
    i = text.find("\n", start, end)
    while i >= 0:
        starts.append(i + 1)
        i = text.find("\n", i + 1, end)
    return starts
