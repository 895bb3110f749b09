"""Table cells that show user text literally.

DataTable parses plain strings as markup (a mentor called "[/]" would break it)
and cannot measure Content for its auto-sized columns, so cells are Rich Text.
"""

from __future__ import annotations

from rich.text import Text


def cell(value: str, style: str = "") -> Text:
    """`value` exactly as typed, optionally styled (Rich style names)."""
    return Text(value, style=style, no_wrap=True, overflow="ellipsis")


def joined(*parts: tuple[str, str] | str) -> Text:
    """A cell of several differently styled literal pieces."""
    return Text.assemble(*parts, no_wrap=True, overflow="ellipsis")
