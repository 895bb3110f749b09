"""The topic library: the built-in files, user files, problems and loading into SQLite."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from rm_tui.placeholders import placeholders
from rm_tui.store import Store
from topic_library import CORE_CATEGORIES, load_library, topic_files

GOOD_FILE = """
[category]
name = "Board Prep"

[[topics]]
title = "Rehearse the [Metric] slide"
prompt = "Watch me present [Metric] and stop me where it sounds dated."
minutes = 10
why = "A fresh ear catches jargon."
"""


def test_builtin_library_has_four_categories_of_ten_or_more() -> None:
    load = load_library(topic_files(None))
    assert load.problems == []
    by_category: dict[str, list] = {}
    for spec in load.topics:
        by_category.setdefault(spec.category, []).append(spec)
    assert set(by_category) == set(CORE_CATEGORIES)
    for category, specs in by_category.items():
        assert len(specs) >= 10, category
        assert all(s.title and s.prompt and s.why and 1 <= s.minutes <= 120 for s in specs)
        without_fields = [s.title for s in specs if not placeholders(s.prompt)]
        assert without_fields == [], f"{category}: every prompt has a [Placeholder] to fill in"


def test_builtin_text_is_not_the_guides_sentences() -> None:
    guide = Path(__file__).parents[3] / "shared" / "seed" / "reverse-mentorship-guide.txt"
    if not guide.exists():
        pytest.skip("the source guide is not beside this checkout")
    guide_text = re.sub(r"\W+", " ", guide.read_text(encoding="utf-8").lower())
    for spec in load_library(topic_files(None)).topics:
        words = re.sub(r"\W+", " ", spec.prompt.lower()).split()
        # no run of eight words in a row taken from the guide
        for start in range(max(0, len(words) - 7)):
            assert " ".join(words[start : start + 8]) not in guide_text, spec.title


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_malformed_file_names_file_and_line_and_the_rest_still_load(user_topics: Path) -> None:
    write(user_topics, "a_good.toml", GOOD_FILE)
    broken = write(user_topics, "b_broken.toml", '[category]\nname = "Oops"\n\n[[topics]]\ntitle = "no closing quote\n')
    load = load_library(topic_files(user_topics))
    assert len(load.problems) == 1
    assert load.problems[0].startswith(f"{broken} line 5:")
    assert "\n" not in load.problems[0]
    assert any(s.category == "Board Prep" for s in load.topics)
    assert sum(s.category in CORE_CATEGORIES for s in load.topics) >= 40


@pytest.mark.parametrize(
    ("topic", "message"),
    [
        ('title = "T"\nprompt = "P"\nminuts = 5', "unknown field 'minuts'"),
        ('title = ""\nprompt = "P"', "title is missing or empty"),
        ('title = "T"\nprompt = "P"\nminutes = 0', "minutes must be a whole number"),
        ('title = "T"\nprompt = 3', "prompt must be text"),
    ],
)
def test_a_bad_topic_is_reported_at_its_line(user_topics: Path, topic: str, message: str) -> None:
    text = f'[category]\nname = "Mine"\n\n[[topics]]\ntitle = "Fine"\nprompt = "ok"\n\n[[topics]]\n{topic}\n'
    path = write(user_topics, "mine.toml", text)
    load = load_library(topic_files(user_topics))
    assert load.problems == [f"{path} line 8: {load.problems[0].split(': ', 1)[1]}"]
    assert message in load.problems[0]
    assert [s.title for s in load.topics if s.category == "Mine"] == ["Fine"]


def test_a_file_without_a_category_is_reported(user_topics: Path) -> None:
    path = write(user_topics, "nameless.toml", '[[topics]]\ntitle = "T"\nprompt = "P"\n')
    (problem,) = load_library(topic_files(user_topics)).problems
    assert problem.startswith(str(path)) and "[category]" in problem


def test_a_duplicate_title_in_a_category_is_reported(user_topics: Path) -> None:
    write(user_topics, "dup.toml", GOOD_FILE + GOOD_FILE.split("[[topics]]")[1].join(["\n[[topics]]", ""]))
    (problem,) = load_library(topic_files(user_topics)).problems
    assert "already defined" in problem


def test_sync_is_idempotent_and_keeps_ids(store: Store, user_topics: Path) -> None:
    first = {t.key: t.id for t in store.list_topics()}
    assert len(first) >= 40
    assert store.sync_topics(user_topics) is None  # nothing changed: not even parsed
    write(user_topics, "mine.toml", GOOD_FILE)
    load = store.sync_topics(user_topics)
    assert load is not None and load.problems == []
    second = {t.key: t.id for t in store.list_topics()}
    assert {k: second[k] for k in first} == first
    assert [c.name for c in store.topic_categories()] == [*CORE_CATEGORIES, "Board Prep"]
    (mine,) = store.list_topics("Board Prep")
    assert (mine.source, mine.minutes) == ("user", 10)


def test_removing_a_user_file_removes_its_topics(store: Store, user_topics: Path) -> None:
    path = write(user_topics, "mine.toml", GOOD_FILE)
    store.sync_topics(user_topics)
    assert store.list_topics("Board Prep")
    path.unlink()
    store.sync_topics(user_topics)
    assert store.list_topics("Board Prep") == []


def test_a_file_with_problems_is_reported_again_next_start(store: Store, user_topics: Path) -> None:
    write(user_topics, "bad.toml", "not toml at all [")
    assert store.sync_topics(user_topics).problems
    assert store.sync_topics(user_topics).problems  # not hidden by the fingerprint


def test_search_keeps_topics_holding_every_word(store: Store) -> None:
    found = store.list_topics(search="JOB ad")
    assert found and all("job" in f"{t.title} {t.prompt} {t.why}".lower() for t in found)
    assert store.list_topics("Social Media Lab", search="job posting candidate") == []
    assert store.list_topics(search="zzzz-no-such-word") == []


# Clears a real terminal and retitles its window, if it ever reached one.
ESCAPES = "\x1b[2J\x1b]0;pwned\x07"


def _escaping_file(folder: Path) -> Path:
    """A topic file whose every text field holds escape sequences (JSON string escapes are TOML's)."""
    import json

    fields = [
        ("[category]", "name", f"Board{ESCAPES} Prep"),
        ("[[topics]]", "title", f"Rehearse{ESCAPES}\nthe slide"),
        ("", "prompt", f"Watch me{ESCAPES}\npresent."),
        ("", "why", f"A fresh{ESCAPES} ear."),
        ("[[topics]]", "title", f"Rehearse{ESCAPES}"),  # no prompt: a problem naming the file
    ]
    lines = []
    for header, key, value in fields:
        if header:
            lines.append(header)
        lines.append(f"{key} = {json.dumps(value)}")
    return write(folder, "escaping.toml", "\n".join(lines) + "\n")


def test_topic_files_are_cleaned_of_control_characters_when_loaded(user_topics: Path) -> None:
    _escaping_file(user_topics)
    load = load_library(topic_files(user_topics))
    (spec,) = [s for s in load.topics if s.source == "user"]
    assert spec.category == "Board[2J]0;pwned Prep"
    assert spec.title == "Rehearse[2J]0;pwned the slide"  # a title is one line
    assert spec.prompt == "Watch me[2J]0;pwned\npresent."  # a prompt keeps its line breaks
    assert spec.why == "A fresh[2J]0;pwned ear."
    (problem,) = load.problems  # the second topic has no prompt
    assert "escaping.toml line 7: prompt is missing" in problem


def test_rm_tui_topics_prints_no_escape_sequences(user_topics: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from rm_tui.__main__ import cli

    monkeypatch.setenv("RM_TUI_TOPICS", str(user_topics))
    _escaping_file(user_topics)
    write(user_topics, f"named{ESCAPES}.toml", "not toml [")  # a file name is quoted in its problem
    result = CliRunner().invoke(cli, ["topics"])
    assert result.exit_code == 2  # problems are reported, one a line
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "   1  Board[2J]0;pwned Prep" in result.output
    assert "escaping.toml line 7: prompt is missing or empty" in result.output
    assert "named[2J]0;pwned.toml line 1: " in result.output


def test_a_sync_asked_before_use_runs_at_the_first_read_of_the_topics(db_path: Path, user_topics: Path) -> None:
    write(user_topics, "mine.toml", GOOD_FILE)
    store = Store.open(db_path)
    store.sync_topics_before_use(user_topics)
    assert store.db.execute("SELECT count(*) FROM topics").fetchone()[0] == 0  # nothing read yet
    assert [t.title for t in store.list_topics("Board Prep")] == ["Rehearse the [Metric] slide"]
    load = store.sync_waiting_topics()  # what the read's sync found, handed over once
    assert load is not None and load.problems == []
    assert store.sync_waiting_topics() is None


@pytest.mark.parametrize("first_read", [
    lambda store: store.topic_categories(),
    lambda store: store.get_topic(1),
    lambda store: store.search("dated"),
])
def test_every_read_of_the_topics_syncs_first(db_path: Path, user_topics: Path, first_read: Any) -> None:
    store = Store.open(db_path)
    store.sync_topics_before_use(user_topics)
    first_read(store)
    assert len(store.list_topics()) >= 48


def test_problems_found_by_a_waiting_sync_are_handed_over(db_path: Path, user_topics: Path) -> None:
    write(user_topics, "bad.toml", "not toml at all [")
    store = Store.open(db_path)
    store.sync_topics_before_use(user_topics)
    load = store.sync_waiting_topics()  # no read came first: it syncs now
    assert load is not None and "bad.toml" in load.problems[0]
    assert len(store.list_topics()) >= 48  # the good files still load
