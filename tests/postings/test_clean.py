"""Cleaning: markup out, text kept, and an exact map from every clean character to the raw input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.postings.clean import MAX_TEXT_CHARS, clean_posting
from bot.postings.model import CleanText


def _assert_origin_exact(raw: str, clean: CleanText) -> None:
    """Every clean letter or digit comes from the same character of the raw input."""
    assert len(clean.origin) == len(clean.text) + 1
    for i, ch in enumerate(clean.text):
        if ch.isalnum():
            assert raw[clean.origin[i]] == ch, (i, ch, raw[clean.origin[i]])
    assert list(clean.origin[:-1]) == sorted(clean.origin[:-1])


def test_plain_text_is_kept_exactly_and_maps_by_identity() -> None:
    raw = "Senior Engineer\nWe use C++ – and Go.\n\n- 5+ years of Python\n<ORGANIZATION> is hiring ."
    cleaned = clean_posting(raw)
    assert cleaned.clean.text == raw
    assert cleaned.clean.origin == tuple(range(len(raw) + 1))


def test_markdown_markers_go_and_bullets_become_dashes() -> None:
    raw = (
        "# Backend Engineer\n**Location:** Berlin\n* Python __and__ `SQL`\n• Docker\n> quoted\n"
        "[our site](https://x.example/a_(b)) <https://y.example> \\- escaped\n```py\ncode\n```\n~~old~~ ||secret||"
    )
    cleaned = clean_posting(raw)
    assert cleaned.clean.text == (
        "Backend Engineer\nLocation: Berlin\n- Python and SQL\n- Docker\nquoted\n"
        "our site https://y.example - escaped\ncode\nold secret"
    )
    assert cleaned.heading_starts == frozenset({0})
    _assert_origin_exact(raw, cleaned.clean)


def test_snake_case_and_arithmetic_survive_markdown_cleaning() -> None:
    raw = "Use my_var and 5 * 3 with C++ and C#, not __init__ magic.\n* bullet"
    text = clean_posting(raw).clean.text
    assert "my_var" in text and "5 * 3" in text and "C++" in text and "C#" in text


def test_zero_width_nbsp_and_crlf() -> None:
    raw = "Pyth\u200bon\u00a0developer\r\nRemote\u2009only\r"
    cleaned = clean_posting(raw)
    assert cleaned.clean.text == "Python developer\nRemote only\n"
    _assert_origin_exact(raw, cleaned.clean)


def test_windows_1252_punctuation_read_as_control_characters_is_restored() -> None:
    raw = "What\x92s in it for you\n\x95You\x92ll use \x93Go\x94 \x96 and Rust \x95Remote"
    cleaned = clean_posting(raw)
    assert cleaned.clean.text == "What’s in it for you\n- You’ll use “Go” – and Rust •Remote"
    _assert_origin_exact(raw, cleaned.clean)


def test_discord_mentions_and_custom_emoji_are_removed() -> None:
    assert clean_posting("Ping <@123456> or <#987> <:party:555> now").clean.text == "Ping  or   now"


def test_html_blocks_lists_headings_and_dropped_elements() -> None:
    raw = (
        "<html><head><title>Job</title><style>p{}</style><script>if (a < b) { x = '<p>'; }</script></head>"
        "<body><nav>Home Jobs Login</nav><h1>Senior  Nurse</h1><p>We&nbsp;are <b>kind</b> &amp; fair.</p>"
        "<ul><li>BLS</li><li>ACLS &lt;2 yrs</li></ul><!-- hidden --><footer>© 2025</footer></body></html>"
    )
    cleaned = clean_posting(raw)
    assert cleaned.clean.text == "Senior Nurse\nWe are kind & fair.\n- BLS\n- ACLS <2 yrs"
    assert 0 in cleaned.heading_starts
    _assert_origin_exact(raw, cleaned.clean)
    start = cleaned.clean.text.index("kind")
    a, b = cleaned.clean.to_raw(start, start + 4)
    assert raw[a:b] == "kind"


def test_greenhouse_entity_escaped_html_is_unescaped_then_parsed() -> None:
    raw = (
        "&lt;p&gt;&lt;strong&gt;Requirements&lt;/strong&gt;&lt;/p&gt;"
        "&lt;ul&gt;&lt;li&gt;C&amp;amp;C++&lt;/li&gt;&lt;/ul&gt;"
    )
    cleaned = clean_posting(raw)
    assert cleaned.clean.text == "Requirements\n- C&C++"
    start = cleaned.clean.text.index("Requirements")
    a, b = cleaned.clean.to_raw(start, start + len("Requirements"))
    assert raw[a:b] == "Requirements"


def test_angle_bracket_placeholders_are_not_html() -> None:
    raw = "<ORGANIZATION> is hiring in <LOCATION> .\nSend <NAME> your CV ."
    assert clean_posting(raw).clean.text == raw


def test_deeply_nested_and_unclosed_html_is_bounded() -> None:
    raw = "<div>" * 10_000 + "<p>deep text</p>" + "</div>" * 10_000
    assert clean_posting(raw).clean.text == "deep text"
    unclosed = "<p>before<script>var a = 1;" + "x" * 1000
    assert clean_posting(unclosed).clean.text == "before"
    assert clean_posting("<p>a</p><!-- never closed <p>b</p>").clean.text == "a"


def test_huge_text_is_cut_at_the_documented_cap() -> None:
    raw = ("line of text\n" * 400_000)[: 5 * 1024 * 1024]
    cleaned = clean_posting(raw)
    assert len(cleaned.clean.text) == MAX_TEXT_CHARS
    assert len(clean_posting("<p>" + "word " * 1_000_000 + "</p>").clean.text) <= MAX_TEXT_CHARS


def test_empty_input() -> None:
    cleaned = clean_posting("")
    assert cleaned.clean.text == ""
    assert cleaned.clean.origin == (0,)


_MARKUP = st.sampled_from(
    ["**", "__", "_", "*", "`", "~~", "||", "# ", "> ", "- ", "• ", "\n", "\n* ", "\r\n", "\u200b", "\u00a0",
     "[", "](http://a.b)", "<https://x.y>", "\\*", " ", "&amp;", "<p>", "</li>", "<br>", "<li>", "&lt;p&gt;"]
)  # fmt: skip
_WORDS = st.from_regex(re.compile(r"[A-Za-z0-9+#]{1,8}"), fullmatch=True)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(_MARKUP, _WORDS), max_size=40))
def test_origin_map_is_exact_for_any_mix_of_markup(parts: list[str]) -> None:
    raw = "".join(parts)
    cleaned = clean_posting(raw)
    _assert_origin_exact(raw, cleaned.clean)
    for m in re.finditer(r"[A-Za-z0-9]+", cleaned.clean.text):
        a, b = cleaned.clean.to_raw(m.start(), m.end())
        assert raw[a] == m.group()[0] and raw[b - 1] == m.group()[-1]


def test_paragraphs_inside_list_items_stay_on_the_bullet_line() -> None:
    raw = "<ul><li><p>Python</p></li><li><p><strong>Go</strong> and <em>SQL</em></p></li></ul><p>After</p>"
    assert clean_posting(raw).clean.text == "- Python\n- Go and SQL\nAfter"
