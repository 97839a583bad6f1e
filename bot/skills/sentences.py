"""The sentences of a posting and what each says: does it ask the candidate for something, describe
the company, mark a requirement as required or preferred?

Computed once per sentence with a mention in it (a posting has dozens of mentions but fewer such
sentences): the sentence starts come from `str.find` per separator, and a sentence's words are tested
against all cue sets with one set intersection (`CueIndex`), a phrase only where its first word occurs.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import NamedTuple

from bot.skills.matcher import word_chars

# A sentence ends at a line break, a bullet, or ". ; ? !" before whitespace.
_SEPARATORS = "\n•.;?!"
_ALWAYS_SEPARATE = "\n•"


@dataclass(frozen=True, slots=True)
class Cues:
    """Words and phrases to look for in a sentence's words (lower case, punctuation as spaces)."""

    words: frozenset[str]
    phrases: tuple[str, ...]  # padded with spaces: " you have "

    @classmethod
    def of(cls, text: str) -> Cues:
        items = [item.strip() for item in text.split(",") if item.strip()]
        return cls(frozenset(i for i in items if " " not in i), tuple(f" {i} " for i in items if " " in i))

    def in_words(self, words: set[str], padded: str) -> bool:
        return not self.words.isdisjoint(words) or any(p in padded for p in self.phrases)


# The sentence asks the candidate for something.
ASK = Cues.of(
    """experience, experienced, experiences, knowledge, knowledgeable, skill, skills, skilled, background, degree,
    degrees, understanding, familiar, familiarity, proficient, proficiency, expertise, expert, experts, qualified,
    qualification, qualifications, ability, abilities, able to, competence, competences, competency, competencies,
    require, required, requires, requirement, requirements, prefer, preferred, preferably, a plus, must, should have,
    you have, you are, you bring, you know, track record, education, educational, certified, certification,
    certifications, certificate, fluent, fluency, master, masters, bachelor, bachelors, phd, specialist in,
    trained in, know how, worked with, grasp of, command of, insight, insights, hold, holds, obtained, completed,
    speak, speaks, speaking, spoken, written, oral, orally, verbal, verbally, native, mother tongue, language,
    languages"""
)
_CANDIDATE = Cues.of("you, your, you'll, you're, youll, youre, candidate, candidates, applicant, applicants")
_COMPANY = Cues.of("we, our, us, we're, founded in, headquartered, is a leading, is the leading, world s leading")
_LIST_MARKS = " \t•*-–—·"  # stripped before a sentence's opening words
# Sentences that speak as the company, or list what it offers.
_COMPANY_OPENINGS = (
    "we ",
    "our ",
    "<organization>",
    "at <organization>",
    "the company",
    "founded",
    "headquartered",
    "job benefits",
    "benefits",
    "perks",
    "what we offer",
)
# The sentence says the company is hiring ("we are looking for a DevOps engineer").
_HIRING = Cues.of("looking for, seeking, hiring, searching for, join us, recruiting, need a, need an")
PREFERRED = Cues.of(
    """nice to have, a plus, preferred, preferably, bonus, desirable, desired, ideally, an advantage, advantageous,
    beneficial, optional, would be great, not required, a merit"""
)
REQUIRED = Cues.of(
    """required, require, requires, must, minimum, essential, mandatory, necessary, need to have, you have,
    you bring, you should have, we expect, qualifications, requirements"""
)


class Sentence(NamedTuple):  # a tuple: built for every sentence a mention is in, cheaper than a frozen dataclass
    start: int
    end: int
    asks: bool  # an ask cue somewhere in it
    to_candidate: bool  # addresses the reader ("you", "the candidate")
    opens_as_company: bool  # "We build…", "<ORGANIZATION> is…", "Our team…"
    speaks_as_company: bool  # "we", "our", "founded in" somewhere in it
    requirement: bool | None  # True: says required; False: says preferred; None: neither
    hiring: bool  # "looking for", "seeking", "join us"…: the company says it is hiring


# Bits of the cue sets a sentence is tested against, all in one pass over its words.
_ASKS, _TO_CANDIDATE, _AS_COMPANY, _PREFERS, _REQUIRES, _HIRES = 1, 2, 4, 8, 16, 32


class CueIndex:
    """Several `Cues` merged, so a sentence's words are looked up once instead of once per set.

    Each key word maps to the bits of the sets it is a cue word of, and to the phrases that start with
    it with the bits of the sets they are in: a phrase can only occur where its first word does.
    `bits(words)` gives the same answer as `Cues.in_words` of every set.
    """

    def __init__(self, *cues: tuple[Cues, int]) -> None:
        word_bits: dict[str, int] = {}
        phrase_bits: dict[str, int] = {}
        for cue, bit in cues:
            for word in cue.words:
                word_bits[word] = word_bits.get(word, 0) | bit
            for phrase in cue.phrases:
                phrase_bits[phrase] = phrase_bits.get(phrase, 0) | bit
        by_first: dict[str, list[tuple[str, int]]] = {}
        for phrase, bits in phrase_bits.items():
            by_first.setdefault(phrase.split()[0], []).append((phrase, bits))
        self._keys = frozenset(word_bits) | frozenset(by_first)
        self._cues = {key: (word_bits.get(key, 0), tuple(by_first.get(key, ()))) for key in self._keys}

    def bits(self, words: list[str]) -> int:
        """The bits of the sets with a cue in `words`, a text's words in order."""
        found = 0
        padded = None
        for word in self._keys.intersection(words):
            bits, phrases = self._cues[word]
            found |= bits
            for phrase, phrase_bits in phrases:
                if phrase_bits & ~found:  # a phrase whose sets are all found already needs no look
                    if padded is None:
                        padded = f" {' '.join(words)} "
                    if phrase in padded:
                        found |= phrase_bits
        return found


_FACT_CUES = CueIndex(
    (ASK, _ASKS),
    (_CANDIDATE, _TO_CANDIDATE),
    (_COMPANY, _AS_COMPANY),
    (PREFERRED, _PREFERS),
    (REQUIRED, _REQUIRES),
    (_HIRING, _HIRES),
)
# An ask cue word or phrase in `word_chars` text (words separated by one or more spaces).
_ASK_CUE_PATTERN = re.compile(
    r"(?<!\S)(?:"
    + "|".join(
        sorted((r"\s+".join(map(re.escape, cue.split())) for cue in (*ASK.words, *ASK.phrases)), key=len, reverse=True)
    )
    + r")(?!\S)"
)


class Sentences:
    """Sentence facts of one clean text, by offset (`words` is `word_chars(low)` when already known).

    A sentence's facts are computed when an offset in it is first asked about (mentions fall in a few of a
    posting's sentences) and kept by sentence index. `at` bisects on every call: a posting asks about the
    same mention several times, but a per-offset cache costs about what the bisection it saves does.
    """

    def __init__(self, text: str, low: str, words: str | None = None) -> None:
        self._low = low
        self._words = word_chars(low) if words is None else words
        self._starts = sentence_starts(text)
        self._ends = [*self._starts[1:], len(text)]
        self._by_index: list[Sentence | None] = [None] * len(self._starts)  # facts, once worked out
        self._ask_reach: dict[int, tuple[int, int]] = {}  # sentence start → (first cue end, last cue start)

    def at(self, offset: int) -> Sentence:
        i = bisect.bisect_right(self._starts, offset) - 1
        sentence = self._by_index[i]
        if sentence is None:
            sentence = self._by_index[i] = self._facts(self._starts[i], self._ends[i])
        return sentence

    def _facts(self, start: int, end: int) -> Sentence:
        found = _FACT_CUES.bits(self._words[start:end].split())
        requirement = False if found & _PREFERS else True if found & _REQUIRES else None
        return Sentence(  # positional: keywords cost more, and this runs for every sentence with a mention
            start,
            end,
            found & _ASKS != 0,
            found & _TO_CANDIDATE != 0,
            _opens_as_company(self._low, start, end),
            found & _AS_COMPANY != 0,
            requirement,
            found & _HIRES != 0,
        )

    def asks_for(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) asks for something, not counting the mention's own words
        ("communication skills" is no cue for itself)."""
        return self.asks_in(self.at(start), start, end)

    def asks_in(self, sentence: Sentence, start: int, end: int) -> bool:
        """`asks_for(start, end)`, given `sentence = at(start)` (saves looking it up again). Not remembered
        per mention: most sentences have no ask cue, and for the rest the check is one split of the
        mention's words and a remembered reach, cheaper than keying a cache with (start, end)."""
        return sentence.asks and self._asks_besides(sentence, start, end)

    def _asks_besides(self, sentence: Sentence, start: int, end: int) -> bool:
        """Whether an ask cue of `sentence` (which has one) lies outside [start, end)."""
        words = self._words
        if ASK.words.isdisjoint(words[start:end].split()):
            return True
        reach = self._ask_reach.get(sentence.start)
        if reach is None:
            reach = self._ask_reach[sentence.start] = _ask_reach(words, sentence.start, sentence.end)
        first_end, last_start = reach
        return first_end <= start or last_start >= end


def _ask_reach(words: str, start: int, end: int) -> tuple[int, int]:
    """Where the ask cues of `words[start:end]` end first and start last: one scan per sentence, so a
    mention asks "is there a cue outside me?" in constant time, however long the sentence."""
    first_end, last_start = end + 1, start - 1
    for cue in _ASK_CUE_PATTERN.finditer(words, start, end):
        first_end = min(first_end, cue.end())
        last_start = max(last_start, cue.start())
    return first_end, last_start


def sentence_starts(text: str) -> list[int]:
    """Where the sentences of `text` start: 0, and after every line break, bullet, and ". ; ? !" before
    whitespace. `str.find` per separator: an order of magnitude faster than a regular expression's scan
    over text that is not Latin-1 (most postings have a bullet or a typographic quote)."""
    starts = [0]
    for separator in _SEPARATORS:
        always = separator in _ALWAYS_SEPARATE
        i = text.find(separator)
        while i >= 0:
            if always or text[i + 1 : i + 2].isspace():
                starts.append(i + 1)
            i = text.find(separator, i + 1)
    starts.sort()
    return starts


def _opens_as_company(low: str, start: int, end: int) -> bool:
    """Whether `low[start:end]`, after list marks and spaces, opens as the company ("We build…"); without
    slicing the sentence."""
    while start < end and low[start] in _LIST_MARKS:
        start += 1
    return low.startswith(_COMPANY_OPENINGS, start, end)
