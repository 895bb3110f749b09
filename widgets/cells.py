"""Table cells that show user text literally.

DataTable parses plain strings as markup (a mentor called "[/]" would break it)
and cannot measure Content for its auto-sized columns, so cells are Rich Text,
which is never parsed; like `widgets.safe`, they drop control characters, which
Rich would otherwise pass to the terminal.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text

from rm_tui.text import one_line

if TYPE_CHECKING:
    from textual.widgets import DataTable


def cell(value: str, style: str = "") -> Text:
    """`value` exactly as typed, on one line, optionally styled (Rich style names)."""
    return Text(one_line(value), style=style, no_wrap=True, overflow="ellipsis")


def joined(*parts: tuple[str, str] | str) -> Text:
    """A cell of several differently styled literal pieces."""
    pieces = [one_line(part) if isinstance(part, str) else (one_line(part[0]), part[1]) for part in parts]
    return Text.assemble(*pieces, no_wrap=True, overflow="ellipsis")


SCROLLBAR = 2  # a long table's vertical scrollbar takes two columns


def set_columns(table: DataTable[Text], columns: Sequence[tuple[str | Text, str, int]], total: int) -> bool:
    """Make `table`'s columns at widths that come from `total` (the terminal's width), not from its rows.

    A DataTable left to size itself widens a column for the longest cell it has ever
    held and never narrows it again, so one screen showed different widths from one
    opening to the next. Each column is (label, key, width); a width of 0 shares
    what the fixed ones leave, equally. Cells wider than their column end in "…".
    True when the columns were (re)made: the rows must then be added again.
    """
    padding = 2 * table.cell_padding
    flexible = sum(1 for *_, width in columns if not width)
    room = total - SCROLLBAR - sum(width + padding for *_, width in columns) - padding * flexible
    share = max(room // max(flexible, 1), 8)
    widths = [width or share for *_, width in columns]
    if [column.width for column in table.columns.values()] == widths:
        return False
    table.clear(columns=True)
    for (label, key, _), width in zip(columns, widths, strict=True):
        table.add_column(label, key=key, width=width)
    return True
