"""The matcher on a small hand-made taxonomy: token boundaries, symbols, longest match, case, plurals, offsets."""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.skills.matcher import _UNICODE_SEPARATORS, Matcher, lower_keep_offsets, word_chars
from bot.skills.taxonomy import parse_taxonomy

DATA = """
[programming_language]
Java
JavaScript | JS
C | | case, context=code
C++ | cpp
C# | C Sharp
R | | case, context=code
Go | Golang | case, context=code
[framework]
.NET | dotnet
ASP.NET
Node.js | NodeJS
scikit-learn | sklearn
React | ReactJS | case
[cloud]
Google Cloud | GCP, Google Cloud Platform
Kubernetes | k8s
Amazon Web Services | AWS
[database]
PostgreSQL | Postgres
Relational databases | relational database
[practice]
CI/CD
A/B testing
Research and development | R&D
Microservices | microservice
Front-end development | front-end
API design
[domain]
API | APIs
Technology
[tool]
Tform
Microsoft Word | Word, MS Word | case, context=tool
"""


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher(parse_taxonomy([("test.txt", DATA)]))


def found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.entry.name) for m in matcher.find(text)]


def test_never_inside_another_word(matcher: Matcher) -> None:
    assert found(matcher, "A platform team") == []
    assert found(matcher, "JavaScript, not Java") == [("JavaScript", "JavaScript"), ("Java", "Java")]
    assert found(matcher, "Goals and Gopher") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C, C++ and C#", [("C", "C"), ("C++", "C++"), ("C#", "C#")]),
        ("C/C++ firmware", [("C", "C"), ("C++", "C++")]),
        (".NET and ASP.NET", [(".NET", ".NET"), ("ASP.NET", "ASP.NET")]),
        ("Node.js or nodejs", [("Node.js", "Node.js"), ("nodejs", "Node.js")]),
        ("CI/CD pipelines", [("CI/CD", "CI/CD")]),
        ("A/B testing", [("A/B testing", "A/B testing")]),
        ("scikit-learn and sklearn", [("scikit-learn", "scikit-learn"), ("sklearn", "scikit-learn")]),
        ("our R&D lab", [("R&D", "Research and development")]),
    ],
)
def test_tokens_with_symbols(matcher: Matcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert found(matcher, text) == expected


def test_dotted_and_one_letter_tails_are_not_names(matcher: Matcher) -> None:
    # "js" is the tail of "vue.js", "R" of "R&D" and "C" of "C-level" are not the languages
    assert found(matcher, "Vue.js apps") == []
    assert found(matcher, "C-level executives") == []
    assert found(matcher, "see google.com") == []


def test_longest_match_wins(matcher: Matcher) -> None:
    assert found(matcher, "Google Cloud Platform (GCP)") == [
        ("Google Cloud Platform", "Google Cloud"),
        ("GCP", "Google Cloud"),
    ]
    assert found(matcher, "API design reviews") == [("API design", "API design")]


def test_case_rules(matcher: Matcher) -> None:
    assert found(matcher, "Go and Golang and golang") == [("Go", "Go"), ("Golang", "Go")]
    assert found(matcher, "go to the word") == []
    assert found(matcher, "React, ReactJS, reactjs; react quickly") == [
        ("React", "React"),
        ("ReactJS", "React"),
        ("reactjs", "React"),  # a spelling no ordinary word has matches in any case
    ]
    assert found(matcher, "MS Word and ms word") == [("MS Word", "Microsoft Word")]


def test_plurals_and_hyphen_variants(matcher: Matcher) -> None:
    assert found(matcher, "REST APIs and relational databases") == [
        ("APIs", "API"),
        ("relational databases", "Relational databases"),
    ]
    assert found(matcher, "microservices") == [("microservices", "Microservices")]
    assert found(matcher, "new technologies") == [("technologies", "Technology")]
    assert found(matcher, "front end, front-end and frontend") == [
        ("front end", "Front-end development"),
        ("front-end", "Front-end development"),
        ("frontend", "Front-end development"),
    ]
    assert found(matcher, "amazon-web-services") == [("amazon-web-services", "Amazon Web Services")]


def test_a_name_does_not_cross_a_line_or_a_comma(matcher: Matcher) -> None:
    assert found(matcher, "Google\nCloud") == []
    assert found(matcher, "Google, Cloud") == []


def test_aliases(matcher: Matcher) -> None:
    assert [n for _, n in found(matcher, "k8s, Postgres, GCP, JS")] == [
        "Kubernetes",
        "PostgreSQL",
        "Google Cloud",
        "JavaScript",
    ]


def test_non_ascii_text_keeps_offsets(matcher: Matcher) -> None:
    text = "Straße – Kubernetes • İstanbul Java"
    assert found(matcher, text) == [("Kubernetes", "Kubernetes"), ("Java", "Java")]
    assert len(lower_keep_offsets("İ")) == 1
    assert len(word_chars(lower_keep_offsets(text))) == len(text)


def test_lower_keep_offsets_is_str_lower_where_that_keeps_the_length() -> None:
    # only ASCII letters to lower (bytes.lower), non-ASCII capitals, a final sigma, a capital that lowers to two
    for text in ["Don’t • Café – ÉCOLE", "Java’s", "ΟΔΟΣ Java", "Straße Σ", "\u212a8s"]:
        assert lower_keep_offsets(text) == text.lower()
    assert lower_keep_offsets("İstanbul JAVA’s") == "İstanbul java’s"  # "İ" lowers to two characters: kept


def _word_chars_one_by_one(low: str) -> str:
    return "".join(
        (" " if ch in string.punctuation + string.whitespace else ch)
        if ch.isascii()
        else (" " if _UNICODE_SEPARATORS.fullmatch(ch) else "x")
        for ch in low
    )


@pytest.mark.parametrize(
    "low",
    [
        "don’t • café – “java”?",  # a few characters beyond ASCII: looked at one by one
        "’é•" * 40 + "java",  # mostly beyond ASCII: one regular expression pass
        "日本語 “java” 😀 ❶ \ufeff\x92",
    ],
)
def test_word_chars_spaces_separators_and_marks_other_characters(low: str) -> None:
    assert word_chars(low) == _word_chars_one_by_one(low)


FRAGMENTS = st.sampled_from(
    ["Java", "JavaScript", "C++", "C#", "C", "k8s", ".NET", "Node.js", "CI/CD", "APIs", "Go", "platform", "the",
     "and", ",", ".", "\n", "-", "/", "(", ")", "é", "ß", "İ", "•", "  ", "x", "R&D", "front-end", "MS Word"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(FRAGMENTS, max_size=40), st.lists(st.sampled_from([" ", "", "\t"]), min_size=40, max_size=40))
def test_matches_are_exact_bounded_spans(matcher: Matcher, parts: list[str], glue: list[str]) -> None:
    text = "".join(p + g for p, g in zip(parts, glue, strict=False))
    matches = matcher.find(text)
    previous_end = 0
    for m in matches:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous_end  # sorted, never overlapping
        previous_end = m.end
        written = text[m.start : m.end]
        assert written.strip() == written and written
        assert not (m.start and text[m.start - 1].isalnum())
        assert not (m.end < len(text) and text[m.end].isalnum())
    assert matcher.find(text) == matches  # deterministic


def test_a_name_that_only_begins_a_longer_word_is_not_found(matcher: Matcher) -> None:
    assert found(matcher, "Javanese food, Google Cloudless skies, Kubernetesy") == []
    assert found(matcher, "Google Cloud Platformer") == [("Google Cloud", "Google Cloud")]


def test_a_run_of_separators_splits_a_name_of_several_words(matcher: Matcher) -> None:
    assert found(matcher, "Google  Cloud") == []
    assert found(matcher, "Google - Cloud") == []
    assert found(matcher, "Google-Cloud and google cloud") == [
        ("Google-Cloud", "Google Cloud"),
        ("google cloud", "Google Cloud"),
    ]


def test_symbol_names_at_the_edges_of_the_text(matcher: Matcher) -> None:
    assert found(matcher, "C++") == [("C++", "C++")]
    assert found(matcher, ".NET") == [(".NET", ".NET")]
    assert found(matcher, "C#,.NET;C++.") == [("C#", "C#"), (".NET", ".NET"), ("C++", "C++")]
    assert found(matcher, "xC++ and .NETx") == []


ANCHORS = """
[domain]
IT
IT support
Support engineering
"""


def test_a_shorter_name_with_another_anchor_word_survives_a_longer_overlap() -> None:
    # "IT support" loses to the longer "support engineering"; "IT" is a name of its own and stays
    matcher = Matcher(parse_taxonomy([("anchors.txt", ANCHORS)]))
    assert found(matcher, "IT support engineering") == [("IT", "IT"), ("support engineering", "Support engineering")]
    assert found(matcher, "IT support desk") == [("IT support", "IT support")]


def test_a_taxonomy_without_names_finds_nothing() -> None:
    assert Matcher(parse_taxonomy([("empty.txt", "")])).find("Java, C++ and .NET") == []
