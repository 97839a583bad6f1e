"""Sentence facts of a posting: where sentences start, the cues each one carries, and `asks_for`.

The fast paths (str.find per separator, one set intersection for all cue sets) are checked against
their plain definitions on generated text as well as on examples.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.skills.matcher import lower_keep_offsets
from bot.skills.sentences import (
    ASK,
    PREFERRED,
    REQUIRED,
    CueIndex,
    Cues,
    Sentence,
    Sentences,
    sentence_starts,
)

# The definition: a sentence starts at 0, after a line break or a bullet, and after ". ; ? !" before whitespace.
_SEPARATOR = re.compile(r"[\n•.;?!](?:(?<=[\n•])|(?=\s))")


def sentences(text: str) -> Sentences:
    return Sentences(text, lower_keep_offsets(text))


def test_sentences_start_after_breaks_bullets_and_stops_before_whitespace() -> None:
    text = "We build tools. You know e.g. Go and 3.5 things!\n• Python; SQL\u00a0is a plus?"
    starts = sentence_starts(text)
    assert [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)] == [
        "We build tools.",
        " You know e.g.",  # the rule is plain: ". " ends a sentence
        " Go and 3.5 things!",
        "\n",
        "•",
        " Python;",
        " SQL\u00a0is a plus?",
    ]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("ab .;?!\n\t•\u00a0\u2003,x"), max_size=60))
def test_sentence_starts_follow_the_definition(text: str) -> None:
    assert sentence_starts(text) == [0] + [m.end() for m in _SEPARATOR.finditer(text)]


def test_every_offset_falls_in_the_sentence_around_it() -> None:
    text = "Our team is great.\nYou have 3+ years of Python.\n"
    found = sentences(text)
    starts = sentence_starts(text)
    for offset in range(len(text) + 1):
        sentence = found.at(offset)
        assert sentence.start <= offset and (offset < sentence.end or sentence.end == len(text))
        assert sentence.start in starts
        assert found.at(offset) is sentence  # remembered, not recomputed


def test_sentence_facts() -> None:
    text = (
        "- We offer a pension.\n"
        "You have strong SQL skills.\n"
        "Kafka is a plus.\n"
        "Experience with Docker is required.\n"
        "The firm was founded in 1990.\n"
        "Python is nice to have and required.\n"
    )
    found = sentences(text)

    def at(words: str) -> Sentence:
        return found.at(text.index(words))

    offer = at("pension")
    assert offer.opens_as_company and offer.speaks_as_company  # after the list mark
    assert not offer.asks and not offer.to_candidate and offer.requirement is None
    you = at("strong SQL")
    assert you.asks and you.to_candidate and not you.opens_as_company and you.requirement is True
    assert at("Kafka").requirement is False
    assert at("Docker").requirement is True and at("Docker").asks
    assert at("1990").speaks_as_company and not at("1990").opens_as_company  # "founded in" is a phrase cue
    assert at("Python").requirement is False  # a preference wins over a requirement word


def test_asks_for_does_not_count_the_mention_itself() -> None:
    text = "Excellent communication skills.\nCommunication skills and teamwork required.\nOur skills team."
    found = sentences(text)
    first = text.index("communication skills")
    assert not found.asks_for(first, first + len("communication skills"))
    second = text.index("Communication skills")
    assert found.asks_for(second, second + len("Communication skills"))  # "required" is outside it
    third = text.index("skills team")
    assert not found.asks_for(third, third + len("skills"))
    assert found.asks_in(found.at(second), second, second + 5) == found.asks_for(second, second + 5)


# Cue words, the words of cue phrases, and others.
_VOCABULARY = """a plus you have should bring we our us is the leading world s founded in nice to have not required
must experience preferably an advantage skills know how python and of"""
_WORDS = st.lists(st.sampled_from(_VOCABULARY.split()), max_size=14)


@settings(max_examples=400)
@given(_WORDS)
def test_the_merged_cue_index_answers_like_each_cue_set(words: list[str]) -> None:
    sets = (ASK, PREFERRED, REQUIRED, Cues.of("we, our, founded in, is a leading"))
    index = CueIndex(*((cues, 1 << i) for i, cues in enumerate(sets)))
    padded = f" {' '.join(words)} "
    expected = sum(1 << i for i, cues in enumerate(sets) if cues.in_words(set(words), padded))
    assert index.bits(words) == expected
