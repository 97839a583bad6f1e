"""The taxonomy loader: the bundled data validates, and each kind of inconsistency is reported with file:line."""

from __future__ import annotations

import time

import pytest

import bot.skills.taxonomy as taxonomy_module
from bot.skills.model import Category
from bot.skills.taxonomy import Context, TaxonomyError, data_sources, load_taxonomy, parse_taxonomy


def _problems(*files: tuple[str, str]) -> tuple[str, ...]:
    with pytest.raises(TaxonomyError) as info:
        parse_taxonomy(files)
    return info.value.problems


def test_bundled_data_validates_and_is_large() -> None:
    taxonomy = parse_taxonomy(data_sources())  # raises with every problem listed if the data is broken
    counts = taxonomy.counts()
    assert len(taxonomy.entries) >= 2000
    assert Category.OTHER not in counts
    for category in Category:
        if category is not Category.OTHER:
            assert counts[category] > 0, f"no entry in category {category}"


def test_bundled_data_is_read_through_package_resources() -> None:
    names = [name for name, _ in data_sources()]
    assert names == sorted(names)
    assert all(name.endswith(".txt") for name in names)
    assert "FORMAT.md" not in names


def test_load_is_cached_and_fast() -> None:
    load_taxonomy.cache_clear()
    started = time.perf_counter()
    first = load_taxonomy()
    elapsed = time.perf_counter() - started
    assert load_taxonomy() is first
    assert elapsed < 10.0  # measured ~0.05-0.3 s; only a runaway load fails this


def test_entry_fields_and_options_are_parsed() -> None:
    taxonomy = parse_taxonomy(
        [
            (
                "a.txt",
                "# comment\n\n[programming_language]\nPython | python3, py3\nGo | golang | case, context=code\n"
                "[framework]\nDjango | | parent=Python\n[tool]\nMicrosoft Excel | Excel | context=tool, weak\n",
            )
        ]
    )
    by_name = taxonomy.by_name
    assert by_name["Python"].aliases == ("python3", "py3")
    assert by_name["Python"].category is Category.PROGRAMMING_LANGUAGE
    assert by_name["Go"].case and by_name["Go"].context is Context.CODE
    assert by_name["Django"].parents == ("Python",)
    assert by_name["Microsoft Excel"].weak and by_name["Microsoft Excel"].context is Context.TOOL
    assert by_name["Microsoft Excel"].origin == "a.txt:9"


def test_duplicate_canonical_name_across_files() -> None:
    problems = _problems(("a.txt", "[tool]\nJira\n"), ("b.txt", "[tool]\njira\n"))
    assert problems == ("b.txt:2: 'jira' is already an entry at a.txt:2",)


def test_alias_claimed_by_two_entries() -> None:
    problems = _problems(("a.txt", "[cloud]\nKubernetes | k8s\n[tool]\nK8s Lens | K8S\n"))
    assert len(problems) == 1
    assert "'K8S' of 'K8s Lens' is also claimed by 'Kubernetes' at a.txt:2" in problems[0]


def test_two_case_entries_may_differ_only_in_case() -> None:
    taxonomy = parse_taxonomy([("a.txt", "[tool]\nSAS | | case\nSas | | case\n")])
    assert [e.name for e in taxonomy.entries] == ["SAS", "Sas"]


def test_unknown_category_and_entry_outside_a_category() -> None:
    problems = _problems(("a.txt", "Python\n[languages]\nJava\n"))
    assert problems[0] == "a.txt:1: entry 'Python' is not under a known [category] line"
    assert problems[1].startswith("a.txt:2: unknown category [languages]")
    assert problems[2] == "a.txt:3: entry 'Java' is not under a known [category] line"


def test_other_is_not_a_writable_category() -> None:
    assert _problems(("a.txt", "[other]\nThing\n"))[0].startswith("a.txt:1: unknown category [other]")


def test_unknown_option_and_bad_context() -> None:
    problems = _problems(("a.txt", "[tool]\nExcel | | context=office\nWord | | cased\n"))
    assert problems[0].startswith("a.txt:2: unknown option 'context=office'")
    assert problems[1].startswith("a.txt:3: unknown option 'cased'")


def test_dangling_and_self_parent() -> None:
    problems = _problems(("a.txt", "[framework]\nDjango | | parent=Pyhton\nFlask | | parent=Flask\n"))
    assert "a.txt:3: 'Flask' is its own parent" in problems
    assert "a.txt:2: parent 'Pyhton' of 'Django' is not an entry" in problems


def test_bad_lines() -> None:
    problems = _problems(("a.txt", "[tool]\nA | b | case | extra\n | alias\nX | y, Y\n"))
    assert problems == (
        "a.txt:2: more than three '|'-separated fields",
        "a.txt:3: empty canonical name",
        "a.txt:4: 'Y' is listed twice in 'X'",
    )


def test_error_message_lists_problems() -> None:
    with pytest.raises(TaxonomyError) as info:
        parse_taxonomy([("a.txt", "[nope]\n")])
    assert "1 problem(s)" in str(info.value) and "a.txt:1" in str(info.value)


def test_command_line_prints_counts_or_problems(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(taxonomy_module, "data_sources", lambda: [("a.txt", "[tool]\nJira\nConfluence\n")])
    assert taxonomy_module.main() == 0
    out = capsys.readouterr().out
    assert "tool" in out and "2 entries" in out

    monkeypatch.setattr(taxonomy_module, "data_sources", lambda: [("a.txt", "[tool]\nJira\nJira\n")])
    assert taxonomy_module.main() == 1
    err = capsys.readouterr().err
    assert "a.txt:3: 'Jira' is already an entry at a.txt:2" in err
    assert "1 problem(s)" in err


def test_extension_lines_add_spellings_to_another_files_entry() -> None:
    taxonomy = parse_taxonomy(
        [("a.txt", "[cloud]\nGoogle Cloud | GCP\n"), ("tuning.txt", "+ Google Cloud | Google Cloud Platform\n")]
    )
    assert taxonomy.by_name["Google Cloud"].aliases == ("GCP", "Google Cloud Platform")


def test_bad_extension_lines() -> None:
    problems = _problems(
        ("a.txt", "[cloud]\nGoogle Cloud | GCP\n[tool]\nJira\n"),
        ("t.txt", "+ Gogle Cloud | G Cloud\n+ Google Cloud\n+ Google Cloud | gcp\n+ Google Cloud | Jira\n"),
    )
    assert "t.txt:1: 'Gogle Cloud' to extend is not an entry" in problems
    assert "t.txt:2: an extension line is '+ Canonical | alias, alias'" in problems
    assert "t.txt:3: 'gcp' is already a spelling of 'Google Cloud'" in problems
    assert any("'Jira' of 'Jira' is also claimed by 'Google Cloud'" in p for p in problems)
