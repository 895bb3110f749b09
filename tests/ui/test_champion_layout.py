"""The champion log at 80 and 120 columns: long text wraps under itself, inside its column or box."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from rm_tui.store import Store
from screens.champion import ChampionScreen
from tests.conftest import draft
from tests.ui.helpers import open_app

LONG_NOTE = "Named the launch plan in the executive meeting as Sam's, and asked Sam to present it next quarter"


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_a_long_note_wraps_in_its_column_and_nothing_runs_off_the_screen(
    db_path: Path, store: Store, size: tuple[int, int]
) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.add_champion_entry(sam, kind="connection", note=LONG_NOTE)
    app = open_app(db_path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        table = app.screen.query_one("#entries", DataTable)
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        assert sum(widths) <= size[0] - 2  # every column on screen: none is cut at the edge
        (row,) = table.rows.values()
        note_width = widths[-1] - 2 * table.cell_padding
        assert row.height >= -(-len(LONG_NOTE) // note_width)  # the whole note, on as many lines as it takes
        assert str(table.get_row_at(0)[2]) == LONG_NOTE
        # The kinds' box: a label too long for it goes on under itself, not back at the box's edge.
        labels = [label for label in app.screen.query(".label").results(Static)
                  if str(label.render()) == "shared a connection or opportunity"]
        (label,) = labels
        (count,) = label.parent.query(".count").results(Static) if label.parent else ()
        assert label.region.x > count.region.x
        if size[0] == 80:
            assert label.region.height == 2
