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
NARROWEST = 8  # a flexible column never gets less, even on a terminal too small for the rest


def _width(value: str | Text) -> int:
    return value.cell_len if isinstance(value, Text) else len(value)


def _share(room: int, wants: list[int]) -> list[int]:
    """Split `room` among columns that want `wants` wide: none gets more than it wants
    while another is still short, the narrow ones first; what is left over goes to the
    one that wants most (the main text), so the table fills its width."""
    given = [0] * len(wants)
    left = room
    order = sorted(range(len(wants)), key=lambda i: wants[i])
    for place, index in enumerate(order):
        given[index] = max(min(wants[index], left // (len(order) - place)), NARROWEST)
        left -= given[index]
    if left > 0 and wants:
        given[order[-1]] += left
    return given


Column = tuple[str | Text, str, int]
"""(label, key, width): a width above 0 caps a fixed column, 0 shares the room left."""


def column_widths(columns: Sequence[Column], total: int, rows: Sequence[Sequence[Text]], padding: int) -> list[int]:
    """Each column's width for `rows` within `total` (the terminal's width), padding aside.

    A width above 0 makes the column fixed: as wide as its header or its widest
    cell, whichever is wider, but its cells no wider than `width`. A width of 0
    makes it flexible: the flexible ones share what the fixed ones leave, each given
    what it needs (its header at least) before the main text, the one with most to
    say, takes the rest. The widths come from the rows being shown, never from rows
    shown before. `padding` is what each column adds around its cells.
    """
    wants = [max([_width(label), *(row[index].cell_len for row in rows)])
             for index, (label, _, _) in enumerate(columns)]
    fixed = {index: max(_width(label), min(wants[index], width))
             for index, (label, _, width) in enumerate(columns) if width}
    flexible = [index for index in range(len(columns)) if index not in fixed]
    room = total - SCROLLBAR - sum(fixed.values()) - padding * len(columns)
    widths = dict(fixed) | dict(zip(flexible, _share(room, [wants[index] for index in flexible]), strict=True))
    return [widths[index] for index in range(len(columns))]


def set_columns(table: DataTable[Text], columns: Sequence[Column], total: int,
                rows: Sequence[Sequence[Text]] = ()) -> bool:
    """Make `table`'s columns fit `rows` within `total`, as `column_widths` says.

    DataTable, left to size itself, widens a column for the longest cell it ever
    held and never narrows it again. Cells wider than their column end in "…".
    True when the columns were (re)made: the rows must then be added again.
    """
    ordered = column_widths(columns, total, rows, 2 * table.cell_padding)
    if [column.width for column in table.columns.values()] == ordered:
        return False
    table.clear(columns=True)
    for (label, key, _), width in zip(columns, ordered, strict=True):
        table.add_column(label, key=key, width=width)
    return True
