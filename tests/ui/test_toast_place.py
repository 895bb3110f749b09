"""Toasts lie along the bottom over the footer, across the whole width, with no footer letter beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.store import Store
from screens.follow_ups import FollowUpsScreen
from tests.conftest import draft
from tests.ui.helpers import open_app, open_screen, toasts


@pytest.mark.parametrize(("size", "rows"), [((120, 40), 1), ((80, 24), 2)])
async def test_a_toast_covers_the_footer_row_edge_to_edge(db_path: Path, store: Store, size: tuple[int, int],
                                                          rows: int) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.add_follow_up(sam, title="Draft the all-hands opener in five sentences, then read it aloud",
                        owner="leader", due=None)
    app = open_app(db_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await open_screen(pilot, "f6", FollowUpsScreen)
        await pilot.press("d")
        await pilot.pause()
        assert "Done: Draft the all-hands opener" in toasts(app)
        (toast,) = app.screen.query("Toast")
        width, height = size
        # From the left edge to the right one: nothing of the footer shows beside it.
        assert (toast.region.x, toast.region.right) == (0, width)
        # On the footer row, and no higher than the message needs at this width.
        assert (toast.region.bottom, toast.region.height) == (height, rows)
