"""`[Placeholder]` fields in topic prompts: finding and filling them."""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDER = re.compile(r"\[([^\[\]\n]{1,40})\]")


def placeholders(text: str) -> list[str]:
    """The distinct placeholder names in order of first appearance."""
    seen: dict[str, None] = {}
    for match in PLACEHOLDER.finditer(text):
        seen.setdefault(match.group(1).strip(), None)
    return list(seen)


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with each placeholder replaced; one without a value stays as it is."""

    def replace(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip(), "").strip()
        return value or match.group(0)

    return PLACEHOLDER.sub(replace, text)


def split(text: str) -> list[tuple[str, bool]]:
    """The text as (piece, is_placeholder) runs, for highlighting placeholders."""
    runs: list[tuple[str, bool]] = []
    last = 0
    for match in PLACEHOLDER.finditer(text):
        if match.start() > last:
            runs.append((text[last : match.start()], False))
        runs.append((match.group(0), True))
        last = match.end()
    if last < len(text):
        runs.append((text[last:], False))
    return runs
