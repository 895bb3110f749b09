"""One slug() for file names and topic keys."""

from __future__ import annotations

import pytest

from rm_tui.slug import slug


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sam Ortiz", "sam-ortiz"),
        ("Show and Tell", "show-and-tell"),
        ("  O'Brien -- Jr. ", "o-brien-jr"),
        ("../../etc/passwd", "etc-passwd"),
        ("名前", "fallback"),
        ("", "fallback"),
    ],
)
def test_slug_keeps_letters_and_digits_joined_by_single_hyphens(text: str, expected: str) -> None:
    assert slug(text, fallback="fallback") == expected
