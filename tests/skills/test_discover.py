"""Discovery of terms outside the taxonomy, called directly with its section and sentence callbacks."""

from __future__ import annotations

from bot.postings.model import SectionKind as K
from bot.skills.discover import MAX_CANDIDATES, MAX_DISCOVERED, discover


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n" and i + 1 < len(text)]


def _span(text: str, word: str) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def test_a_token_on_a_skill_line_elsewhere_counts_only_where_the_sentence_asks_for_it() -> None:
    text = "We build things with TestCafe and Zorblax3 every day.\n"
    asked: list[tuple[int, int]] = []

    def asks(start: int, end: int) -> bool:
        asked.append((start, end))
        return text[start:end] == "Zorblax3"

    found = discover(text, text.lower(), lambda _: K.OTHER, [], [0], asks)
    assert [d.name for d in found] == ["Zorblax3"]
    assert sorted(asked) == [_span(text, "TestCafe"), _span(text, "Zorblax3")]


def test_a_token_inside_a_taxonomy_match_is_neither_discovered_nor_asked_about() -> None:
    text = "You know TestCafe, QuuxDB and Zorblax3.\n"
    asked: list[tuple[int, int]] = []

    def asks(start: int, end: int) -> bool:
        asked.append((start, end))
        return True

    found = discover(text, text.lower(), lambda _: K.OTHER, [_span(text, "TestCafe")], [0], asks)
    assert [d.name for d in found] == ["QuuxDB", "Zorblax3"]
    assert _span(text, "TestCafe") not in asked


def test_a_taxonomy_match_is_skipped_when_there_are_more_candidates_than_the_cut() -> None:
    names = [f"QuuxDB{i}" for i in range(MAX_CANDIDATES + 20)]
    text = "\n".join(f"- {name}" for name in names) + "\n"
    taken = [_span(text, name) for name in names[:5]]
    found = discover(text, text.lower(), lambda _: K.REQUIRED, taken, _line_starts(text), lambda s, e: True)
    assert [d.name for d in found] == names[5 : 5 + MAX_DISCOVERED]
