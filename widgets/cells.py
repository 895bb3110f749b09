"""Table cells that show user text literally.

DataTable parses plain strings as markup (a mentor called "[/]" would break it)
and cannot measure Content for its auto-sized columns, so cells are Rich Text,
which is never parsed; like `widgets.safe`, they drop control characters, which
Rich would otherwise pass to the terminal.
"""

from __future__ import annotations

from rich.text import Text

from rm_tui.text import one_line


def cell(value: str, style: str = "") -> Text:
    """`value` exactly as typed, on one line, optionally styled (Rich style names)."""
    return Text(one_line(value), style=style, no_wrap=True, overflow="ellipsis")


def joined(*parts: tuple[str, str] | str) -> Text:
    """A cell of several differently styled literal pieces."""
    pieces = [one_line(part) if isinstance(part, str) else (one_line(part[0]), part[1]) for part in parts]
    return Text.assemble(*pieces, no_wrap=True, overflow="ellipsis")
