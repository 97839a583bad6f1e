"""The sentences of a posting and what each says: does it ask the candidate for something, describe
the company, mark a requirement as required or preferred?

Computed once per sentence (a posting has dozens of mentions but fewer sentences) from plain
substring cues, so a posting costs one regular-expression pass and a few `in` tests per sentence.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from bot.skills.matcher import word_chars

# A sentence ends at a line break, a bullet, or ". ; ? !" before a space (checked in code: a plain
# character class lets the regular expression engine skip ahead quickly).
_SEPARATOR = re.compile(r"[\n•.;?!]")


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
PREFERRED = Cues.of(
    """nice to have, a plus, preferred, preferably, bonus, desirable, desired, ideally, an advantage, advantageous,
    beneficial, optional, would be great, not required, a merit"""
)
REQUIRED = Cues.of(
    """required, require, requires, must, minimum, essential, mandatory, necessary, need to have, you have,
    you bring, you should have, we expect, qualifications, requirements"""
)


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    asks: bool  # an ask cue somewhere in it
    to_candidate: bool  # addresses the reader ("you", "the candidate")
    opens_as_company: bool  # "We build…", "<ORGANIZATION> is…", "Our team…"
    speaks_as_company: bool  # "we", "our", "founded in" somewhere in it
    requirement: bool | None  # True: says required; False: says preferred; None: neither


class Sentences:
    """Sentence facts of one clean text, by offset (`words` is `word_chars(low)` when already known)."""

    def __init__(self, text: str, low: str, words: str | None = None) -> None:
        self._low = low
        self._words = word_chars(low) if words is None else words
        self._starts = [0] + [
            m.end() for m in _SEPARATOR.finditer(text) if m.group() in "\n•" or text[m.end() : m.end() + 1].isspace()
        ]
        self._ends = [*self._starts[1:], len(text)]
        self._cache: dict[int, Sentence] = {}

    def at(self, offset: int) -> Sentence:
        i = bisect.bisect_right(self._starts, offset) - 1
        sentence = self._cache.get(i)
        if sentence is None:
            sentence = self._cache[i] = self._facts(self._starts[i], self._ends[i])
        return sentence

    def _facts(self, start: int, end: int) -> Sentence:
        padded = f" {' '.join(self._words[start:end].split())} "
        words = set(padded.split())
        if PREFERRED.in_words(words, padded):
            requirement: bool | None = False
        elif REQUIRED.in_words(words, padded):
            requirement = True
        else:
            requirement = None
        return Sentence(
            start,
            end,
            asks=ASK.in_words(words, padded),
            to_candidate=_CANDIDATE.in_words(words, padded),
            opens_as_company=self._low[start:end].lstrip(" \t•*-–—·").startswith(_COMPANY_OPENINGS),
            speaks_as_company=_COMPANY.in_words(words, padded),
            requirement=requirement,
        )

    def asks_for(self, start: int, end: int) -> bool:
        """Whether the sentence around [start, end) asks for something, not counting the mention's own words
        ("communication skills" is no cue for itself)."""
        sentence = self.at(start)
        if not sentence.asks:
            return False
        own = self._words[start:end].split()
        if ASK.words.isdisjoint(own):
            return True
        rest = f" {' '.join((self._words[sentence.start : start] + ' ' + self._words[end : sentence.end]).split())} "
        return ASK.in_words(set(rest.split()), rest)
