"""Whether a taxonomy match counts as a mention (context.py), on hand-made entries and matches.

The cheaper tests that replace regular expressions (the word after a term, a sentence mark on a
line, a line's letter count) are checked against the expressions they replace on generated text.
"""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bot.postings.model import Section, SectionKind
from bot.skills.context import (
    _ORG_WORDS,
    _ROLE_WORDS,
    SectionIndex,
    _has_language_cue,
    _has_sentence_mark,
    _letters,
    _SkillListLines,
    _word_after,
    in_context,
    looks_like_tag_line,
    settle_senses,
    skill_list_lines,
    states_requirement,
)
from bot.skills.matcher import Match, lower_keep_offsets
from bot.skills.model import Category
from bot.skills.sentences import Sentences
from bot.skills.taxonomy import NAME, YEAR, Context, Entry, Ordinary

K = SectionKind


def find(text: str, *entries: Entry) -> list[Match]:
    """Every occurrence of each entry's name, sorted by start (as the matcher gives them)."""
    found = [
        Match(m.start(), m.end(), entry)
        for entry in entries
        for m in re.finditer(rf"\b{re.escape(entry.name)}\b", text)
    ]
    return sorted(found, key=lambda m: m.start)


def kept(text: str, kind: SectionKind, *entries: Entry) -> list[str]:
    matches = find(text, *entries)
    low = lower_keep_offsets(text)
    keep = in_context(text, Sentences(text, low), matches, [kind] * len(matches), low)
    return [text[m.start : m.end] for m, ok in zip(matches, keep, strict=True) if ok]


FINANCE = Entry("Finance", Category.DOMAIN)
TEACHING = Entry("teaching", Category.PRACTICE)
DEVOPS = Entry("DevOps", Category.PRACTICE)
PYTHON = Entry("Python", Category.PROGRAMMING_LANGUAGE)
GO = Entry("Go", Category.PROGRAMMING_LANGUAGE, context=Context.CODE)
DANISH = Entry("Danish", Category.LANGUAGE)


def test_a_domain_the_company_describes_itself_with_is_not_a_mention() -> None:
    assert kept("We are a leader in Finance and we use Python.", K.OTHER, FINANCE, PYTHON) == ["Python"]
    assert kept("You have a background in Finance.", K.OTHER, FINANCE) == ["Finance"]
    assert kept("We are looking for a Finance expert.", K.OTHER, FINANCE) == ["Finance"]
    assert kept("Finance at its best.", K.ABOUT, FINANCE) == []


def test_units_and_other_peoples_roles_are_not_mentions() -> None:
    assert kept("Requirements: report to our Finance team.", K.REQUIRED, FINANCE) == []
    assert kept("You will work with DevOps engineers.", K.OTHER, DEVOPS) == []
    assert kept("Join us as a DevOps engineer.", K.OTHER, DEVOPS) == ["DevOps"]


def test_a_generic_word_counts_where_it_is_asked_for_or_listed() -> None:
    assert kept("our teaching environment is modern", K.OTHER, TEACHING) == []
    assert kept("experience in teaching is required", K.OTHER, TEACHING) == ["teaching"]
    assert kept("Skills\nteaching\n", K.OTHER, TEACHING) == ["teaching"]


def test_an_ambiguous_name_needs_company() -> None:
    assert kept("Go to our site and apply.", K.OTHER, GO) == []
    assert kept("Backend in Go and Python.", K.OTHER, GO, PYTHON) == ["Go", "Python"]
    assert kept("Programming in Go.", K.OTHER, GO) == ["Go"]


def test_a_language_counts_as_a_language_only() -> None:
    assert kept("Research within Danish law.", K.REQUIRED, DANISH) == []
    assert kept("Fluent Danish, written and spoken.", K.REQUIRED, DANISH) == ["Danish"]


def test_states_requirement() -> None:
    text = "You know Python.\nOur DevOps team runs it.\nWe love Python."
    low = lower_keep_offsets(text)
    found = Sentences(text, low)

    def states(word: str, occurrence: int = 0, kind: SectionKind = K.OTHER) -> bool:
        start = [m.start() for m in re.finditer(word, text)][occurrence]
        return states_requirement(low, found, found.at(start), start, start + len(word), kind)

    assert states("Python")
    assert not states("DevOps")  # a team named after the term
    assert not states("Python", 1)  # the company speaking about itself
    assert states("Python", 1, K.REQUIRED) and not states("Python", 0, K.HEADER)


def test_section_index() -> None:
    index = SectionIndex([Section(K.REQUIRED, 10, 20), Section(K.HEADER, 0, 5)])
    assert [index.kind_at(i) for i in (0, 4, 5, 10, 19, 20, 99)] == [
        K.HEADER,
        K.HEADER,
        K.OTHER,
        K.REQUIRED,
        K.REQUIRED,
        K.OTHER,
        K.OTHER,
    ]


def test_skill_list_lines_one_at_a_time_agree_with_all_at_once() -> None:
    text = "Finance Python DevOps\nWe do Finance, Python and DevOps.\nPython\nFinance DevOps and a long tail of words"
    matches = find(text, FINANCE, PYTHON, DEVOPS)
    listed = skill_list_lines(text, matches)
    assert listed == {0}
    lazily = _SkillListLines(text, matches)
    for match in matches:
        assert lazily.holds(match.start) == (text.rfind("\n", 0, match.start) + 1 in listed)


def test_tag_lines() -> None:
    assert looks_like_tag_line("docker agile jenkins")
    assert not looks_like_tag_line("Docker agile jenkins")  # not lower case
    assert not looks_like_tag_line("docker agile")  # too short
    assert not looks_like_tag_line("we use docker, agile and jenkins")  # a sentence mark
    assert looks_like_tag_line(". net-core oop docker")  # a stray mark before the first word ends no sentence
    assert looks_like_tag_line("- docker agile jenkins")
    assert not looks_like_tag_line(". we use docker. and jenkins")


SPRING = Entry(
    "Spring", Category.FRAMEWORK, context=Context.CODE, ordinary=Ordinary(frozenset({"every"}), frozenset({YEAR}))
)
EXPRESS = Entry("Express", Category.FRAMEWORK, ordinary=Ordinary(before=frozenset({NAME})))
UNITY = Entry("Unity", Category.FRAMEWORK, ordinary=Ordinary(beside=Category.SOFT_SKILL))
TEAMWORK = Entry("teamwork", Category.SOFT_SKILL)


def test_an_ordinary_word_next_to_a_name_is_not_the_product() -> None:
    assert kept("Java Spring and Python code, Spring 2026 code, every Spring code", K.REQUIRED, SPRING, PYTHON) == [
        "Spring",
        "Python",
    ]
    assert kept("Python with Express. We pay by American Express", K.REQUIRED, EXPRESS, PYTHON) == [
        "Python",
        "Express",
    ]
    assert kept("Express is fine. Python Express too", K.REQUIRED, EXPRESS, PYTHON) == ["Express", "Python", "Express"]
    assert kept("Unity and teamwork; Python and Unity", K.REQUIRED, UNITY, TEAMWORK, PYTHON) == [
        "teamwork",
        "Python",
        "Unity",
    ]


def test_a_shared_spelling_takes_the_sense_its_context_picks() -> None:
    cloud = Entry("Cloud EMR", Category.CLOUD)
    records = Entry("Health records", Category.TOOL, ("EMR",), senses=(("emr", cloud, frozenset({"spark"})),))
    text = "Charting in the EMR\nSpark on EMR"
    matches = [Match(m.start(), m.end(), records) for m in re.finditer("EMR", text)]
    low = lower_keep_offsets(text)
    settled = settle_senses(low, matches)
    assert [m.entry.name for m in settled] == ["Health records", "Cloud EMR"]
    assert [m.entry.name for m in matches] == ["Health records", "Health records"]  # the input is left alone
    assert in_context(text, Sentences(text, low), settled, [K.REQUIRED] * 2, low) == [True, True]


_ROLE_AFTER = re.compile(
    r"[ \t-]*(?:engineers?|developers?|managers?|architects?|consultants?|specialists?|analysts?|administrators?"
    r"|leads?|team|teams|community|squad|department|experts?|designers?|programmers?|scientists?|testers?"
    r"|officers?|directors?|coordinators?|technicians?|evangelists?|champions?|practice|guild|chapter"
    r"|professionals?|partners?|supporters?|representatives?|assistants?|associates?|advisors?|recruiters?)\b"
)
_ORG_AFTER = re.compile(
    r"[ \t-]*(?:teams?|committees?|department|division|unit|colleagues|staff|personnel|budgets?|grants?"
    r"|verification|discounts?|portal|recruiters?|agenc(?:y|ies)|offices?|hubs?|organi[sz]ation|funded|backed|insurance)\b"
)
_AFTER_TEXT = st.lists(
    st.sampled_from([" ", "\t", "-", "\n", ",", "é", "2", "_", "s", "team", "lead", "agenc", "ies", "y", "engineer"]),
    max_size=8,
).map("".join)


@settings(max_examples=500)
@given(_AFTER_TEXT)
def test_the_word_after_a_term_matches_the_role_and_unit_patterns(after: str) -> None:
    word = _word_after(after, 0)
    assert (word in _ROLE_WORDS) == bool(_ROLE_AFTER.match(after))
    assert (word in _ORG_WORDS) == bool(_ORG_AFTER.match(after))


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("a.!?;:, \t\u00a0\u2003x\n"), max_size=30))
def test_sentence_marks_match_the_pattern(line: str) -> None:
    assert _has_sentence_mark(line) == bool(re.search(r"[.!?;:,](?:\s|$)", line))


@given(st.text(max_size=40))
def test_letters_count_like_isalnum(text: str) -> None:
    assert _letters(text) == sum(map(str.isalnum, text))


# The single expression `_has_language_cue` replaces.
_LANGUAGE_CUE = re.compile(
    r"fluen|speak|spoken|written|writing|verbal|oral|language|native|mother tongue|proficien|command of|skills?\b"
    r"|knowledge|level|read|bilingual|communicat|\b[abc][12]\b|business|working|conversational|understand"
)
_LANGUAGE_TEXT = st.lists(
    st.sampled_from([" ", "\n", ".", "_", "é", "1", "2", "3", "a", "b", "c", "x", "s", "skill", "kill", "rea", "d"]),
    max_size=8,
).map("".join)


@settings(max_examples=1000)
@given(_LANGUAGE_TEXT, _LANGUAGE_TEXT, _LANGUAGE_TEXT)
@example("", "c1", "")
@example("x", "b2 ", "")
@example("", "skills", "x")
@example("", "mother tongue", "")
def test_language_cues_match_the_pattern(before: str, sentence: str, after: str) -> None:
    low = before + sentence + after
    start, end = len(before), len(before) + len(sentence)
    assert _has_language_cue(low, start, end) == bool(_LANGUAGE_CUE.search(low, start, end))


RUST = Entry("Rust", Category.PROGRAMMING_LANGUAGE, context=Context.CODE)
JAVA = Entry("Java", Category.PROGRAMMING_LANGUAGE)


def test_ambiguous_names_listed_together_support_each_other() -> None:
    # "programming" is in Rust's window but 70+ characters before Go: Go leans on the accepted Rust
    filler = " and more words" * 4
    assert kept(f"programming Rust{filler} Go", K.OTHER, RUST, GO) == ["Rust", "Go"]
    # two ambiguous names with nothing else: neither is accepted, so neither supports the other
    assert kept(f"Rust{filler} Go", K.OTHER, RUST, GO) == []
    # the ordinary word stays rejected next to accepted names ("every Spring" is not the framework)
    found = kept("Java code with Spring, every Spring", K.OTHER, SPRING, JAVA)
    assert found == ["Java", "Spring"]
