"""A light table: rows of cells under a header, one row highlighted.

The home screen is the first one drawn, and a DataTable there cost about a tenth of
the time to that first frame: it can sort, move a cursor cell by cell, fix rows and
columns and hold any number of rows, none of which a list of mentorships needs.
This draws each line it is asked for (the Line API), looks as DataTable looks
(header, zebra stripes, cursor, the row under the mouse), and moves by row with the
same keys and clicks: a click highlights a row, a click on the highlighted row selects
it, as Enter does.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from .cells import Column, column_widths

PADDING = 1  # a blank column each side of a cell, as DataTable's cell_padding


class RowList(ScrollView, can_focus=True):
    """Rows of literal cells (Rich Text, never parsed) with a key each; one is highlighted."""

    BINDINGS = [
        Binding("up", "cursor_up", "Up", show=False),
        Binding("down", "cursor_down", "Down", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    COMPONENT_CLASSES = {"row-list--header", "row-list--even-row", "row-list--cursor", "row-list--hover"}

    # DataTable's look, so the home screen looks as the other tables do.
    DEFAULT_CSS = """
    RowList {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-list--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-list--header {
                background-tint: $foreground 5%;
            }
        }
        &:dark > .row-list--even-row {
            background: $surface-darken-1 40%;
        }
        & > .row-list--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .row-list--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .row-list--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .row-list--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .row-list--hover {
            background: $block-hover-background;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)
    """The highlighted row's index; 0 when there are no rows."""
    hover_row: reactive[int] = reactive(-1, init=False)
    """The row under the mouse, shown faintly until a key moves the highlight; -1 for none."""

    class RowMessage(Message):
        """About a row, by its key (None: there are no rows)."""

        def __init__(self, row_list: RowList, key: str | None) -> None:
            super().__init__()
            self.row_list = row_list
            self.key = key

        @property
        def control(self) -> RowList:
            return self.row_list

    class RowHighlighted(RowMessage):
        """Another row is highlighted (or the rows were set again)."""

    class RowSelected(RowMessage):
        """The highlighted row was chosen: Enter, or a click on it."""

    def __init__(self, columns: Sequence[Column], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._columns = list(columns)
        self._keys: list[str] = []
        self._rows: list[Sequence[Text]] = []
        self._widths: list[int] = []

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def highlighted_key(self) -> str | None:
        """The highlighted row's key; None with no rows."""
        return self._keys[self.cursor_row] if self._rows else None

    @property
    def column_widths(self) -> list[int]:
        """Each column's width, its padding included."""
        return [width + 2 * PADDING for width in self._widths]

    def row_texts(self) -> list[list[str]]:
        """What each row's cells say, as plain text."""
        return [[cell.plain for cell in row] for row in self._rows]

    def set_rows(self, rows: Sequence[tuple[str, Sequence[Text]]], width: int) -> None:
        """Show `rows` (key, cells), the columns fitted to them within `width`; the
        highlight stays on the same key where it is still shown, else on the first row."""
        kept = self.highlighted_key
        self._keys = [key for key, _ in rows]
        self._rows = [cells for _, cells in rows]
        self._widths = column_widths(self._columns, width, self._rows, 2 * PADDING)
        self.virtual_size = Size(sum(self.column_widths), len(self._rows) + 1)  # the header's line too
        cursor = self._keys.index(kept) if kept in self._keys else 0
        self.set_reactive(RowList.cursor_row, cursor)
        self._scroll_cursor_into_view()
        self.refresh()
        self.post_message(self.RowHighlighted(self, self.highlighted_key))

    def move_to(self, key: str) -> None:
        """Highlight the row of `key`, if it is shown."""
        if key in self._keys:
            self.cursor_row = self._keys.index(key)

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._rows) - 1))

    def watch_hover_row(self) -> None:
        self.refresh()

    def watch_cursor_row(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        if old != new:
            self.post_message(self.RowHighlighted(self, self.highlighted_key))

    def _scroll_cursor_into_view(self) -> None:
        shown = max(self.scrollable_content_region.height - 1, 1)  # lines below the header
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + shown:
            self.scroll_to(y=self.cursor_row - shown + 1, animate=False, immediate=True)

    def _move(self, row: int) -> None:
        self.hover_row = -1  # the keyboard leads now, as in DataTable
        self.cursor_row = row

    def action_cursor_up(self) -> None:
        self._move(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._move(self.cursor_row + 1)

    def action_first(self) -> None:
        self._move(0)

    def action_last(self) -> None:
        self._move(len(self._rows) - 1)

    def action_page_up(self) -> None:
        self._move(self.cursor_row - max(self.scrollable_content_region.height - 1, 1))

    def action_page_down(self) -> None:
        self._move(self.cursor_row + max(self.scrollable_content_region.height - 1, 1))

    def action_select(self) -> None:
        key = self.highlighted_key
        if key is not None:
            self.post_message(self.RowSelected(self, key))

    def _row_at(self, y: int) -> int:
        """The row shown on line `y` of the widget; -1 on the header or below the rows."""
        row = y - 1 + round(self.scroll_y)  # the first line is the header
        return row if y >= 1 and row < len(self._rows) else -1

    async def _on_click(self, event: events.Click) -> None:
        row = self._row_at(event.y)
        if row < 0:
            return
        if row == self.cursor_row:
            self.action_select()
        else:
            self.cursor_row = row

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self.hover_row = self._row_at(event.y)

    def _on_leave(self, _event: events.Leave) -> None:
        self.hover_row = -1

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y == 0:
            line = self._line([Text(str(label)) for label, _, _ in self._columns])
            style = base + self.get_component_rich_style("row-list--header")
        else:
            row = self._row_at(y)
            if row < 0:
                return Strip.blank(width, base)
            line = self._line(self._rows[row])
            if row == self.cursor_row:
                style = base + self.get_component_rich_style("row-list--cursor")
            elif row == self.hover_row:
                style = base + self.get_component_rich_style("row-list--hover")
            elif row % 2 == 0:
                style = base + self.get_component_rich_style("row-list--even-row")
            else:
                style = base
        segments = Segment.apply_style(line.render(self.app.console), style)
        strip = Strip(segments).crop(round(self.scroll_x), round(self.scroll_x) + width)
        return strip.extend_cell_length(width, style)

    def _line(self, cells: Sequence[Text]) -> Text:
        line = Text(no_wrap=True, end="")
        pad = " " * PADDING
        for cell, width in zip(cells, self._widths, strict=True):
            shown = cell.copy()
            shown.truncate(width, overflow="ellipsis")
            line.append(pad)
            line.append_text(shown)
            line.append(" " * (width - shown.cell_len) + pad)  # unstyled, as DataTable pads
        return line

