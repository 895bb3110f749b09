"""The words rm-tui builds around counts agree with them."""

from __future__ import annotations

import pytest

from rm_tui.text import counted


@pytest.mark.parametrize(
    ("count", "singular", "plural", "expected"),
    [
        (1, "match", "matches", "1 match"),
        (2, "match", "matches", "2 matches"),
        (0, "session", None, "0 sessions"),
        (1, "session", None, "1 session"),
        (1, "entry", "entries", "1 entry"),
        (12, "entry", "entries", "12 entries"),
        (100_000, "note", None, "100,000 notes"),
    ],
)
def test_a_count_reads_with_the_noun_that_agrees(count: int, singular: str, plural: str | None, expected: str) -> None:
    assert counted(count, singular, plural) == expected
