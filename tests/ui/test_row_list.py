"""The home screen's table (widgets.row_list.RowList): keys, clicks, scrolling and literal text."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from widgets.cells import cell
from widgets.row_list import RowList

COLUMNS = [("Name", "name", 0), ("Count", "count", 5)]


class ListApp(App[None]):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = rows
        self.chosen: list[str] = []
        self.highlights: list[str | None] = []

    def compose(self) -> ComposeResult:
        yield RowList(COLUMNS, id="list")

    def on_mount(self) -> None:
        self.table.set_rows(_rows(self.rows), 40)
        self.table.focus()

    @property
    def table(self) -> RowList:
        return self.query_one(RowList)

    def on_row_list_row_selected(self, message: RowList.RowSelected) -> None:
        self.chosen.append(message.key)

    def on_row_list_row_highlighted(self, message: RowList.RowHighlighted) -> None:
        self.highlights.append(message.key)


def _rows(count: int, prefix: str = "person") -> list[tuple[str, list[Text]]]:
    return [(str(n), [cell(f"{prefix} {n}"), cell(str(n * 10))]) for n in range(count)]


def shown(table: RowList) -> list[str]:
    """The lines the table draws, as read."""
    return [table.render_line(y).text.rstrip() for y in range(table.size.height)]


async def test_the_arrow_keys_move_the_highlight_and_enter_chooses_the_row() -> None:
    app = ListApp(5)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("down", "down")
        assert app.table.highlighted_key == "2"
        await pilot.press("up", "enter")
        await pilot.pause()
        assert app.chosen == ["1"]
        await pilot.press("end")
        assert app.table.highlighted_key == "4"
        await pilot.press("down")  # no further than the last row
        assert app.table.highlighted_key == "4"
        await pilot.press("home", "up")
        assert app.table.highlighted_key == "0"
        await pilot.pause()
        assert app.highlights[-1] == "0"


async def test_a_click_highlights_a_row_and_a_click_on_the_highlighted_row_chooses_it() -> None:
    app = ListApp(5)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.click(RowList, offset=(2, 3))  # the header is line 0: the third row
        await pilot.pause()
        assert (app.table.highlighted_key, app.chosen) == ("2", [])
        await pilot.click(RowList, offset=(2, 3))
        await pilot.pause()
        assert app.chosen == ["2"]
        await pilot.click(RowList, offset=(2, 0))  # the header: nothing
        await pilot.pause()
        assert (app.table.highlighted_key, app.chosen) == ("2", ["2"])


async def test_a_long_list_scrolls_to_keep_the_highlight_in_sight_under_its_header() -> None:
    app = ListApp(30)
    async with app.run_test(size=(40, 8)) as pilot:
        await pilot.press("end")
        await pilot.pause()
        lines = shown(app.table)
        assert lines[0].split() == ["Name", "Count"]  # the header stays
        assert lines[-1].split() == ["person", "29", "290"]
        await pilot.press("pageup")
        await pilot.pause()
        assert app.table.highlighted_key == str(29 - (app.table.size.height - 1))
        assert f"person {app.table.highlighted_key}" in "\n".join(shown(app.table))
        await pilot.press("home")
        await pilot.pause()
        assert shown(app.table)[1].split() == ["person", "0", "0"]


async def test_the_highlight_stays_on_its_row_when_the_rows_change() -> None:
    app = ListApp(5)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("down", "down", "down")
        app.table.set_rows([row for row in _rows(5) if row[0] != "1"], 40)  # a row above it goes
        await pilot.pause()
        assert app.table.highlighted_key == "3"
        app.table.set_rows(_rows(2), 40)  # its row goes: back to the first
        await pilot.pause()
        assert app.table.highlighted_key == "0"
        app.table.set_rows([], 40)
        await pilot.pause()
        assert app.table.highlighted_key is None and app.table.row_count == 0
        await pilot.press("enter", "down")
        assert app.chosen == []


async def test_cells_show_what_was_typed_and_long_ones_end_in_an_ellipsis() -> None:
    app = ListApp(0)
    async with app.run_test(size=(40, 12)) as pilot:
        name = "[bold]Sam[/] [@click=app.quit]Ortiz, who knows short video better than anyone"
        app.table.set_rows([("1", [cell(name), cell("3")])], 40)
        await pilot.pause()
        line = shown(app.table)[1]
        assert line.startswith(" [bold]Sam[/] [@click=app.qui…") and "Ortiz" not in line
        assert len(line) <= 40 and line.split()[-1] == "3"
        assert app.table.row_texts() == [[name, "3"]]


def background(table: RowList, y: int) -> object:
    """The background of line `y`'s first cell, as drawn."""
    return next(iter(table.render_line(y))).style.bgcolor


async def test_the_row_under_the_mouse_is_shown_until_a_key_moves_the_highlight() -> None:
    app = ListApp(6)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        plain_even = background(app.table, 5)  # the fifth row (index 4), like the third
        await pilot.hover(RowList, offset=(2, 3))  # the third row (index 2)
        await pilot.pause()
        assert background(app.table, 3) != plain_even
        assert app.table.highlighted_key == "0"  # hovering highlights nothing
        await pilot.press("down")
        await pilot.pause()
        assert background(app.table, 3) == plain_even
