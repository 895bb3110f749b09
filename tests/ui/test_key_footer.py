"""The footer is one line drawn by one widget: a click on a key presses it, hovering shows what it does."""

from __future__ import annotations

from pathlib import Path

from rm_tui.store import Store
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, footer_keys, open_app
from widgets.key_footer import KeyFooter


def _column(app, word: str) -> int:
    return next(start + 1 for _, shown, _, start, _ in footer_keys(app.screen) if shown == word)


async def test_clicking_a_footer_key_presses_it(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert await pilot.click(KeyFooter, offset=(_column(app, "n New"), 0))
        await pilot.pause()
        assert isinstance(app.screen, MentorshipFormScreen)


async def test_hovering_a_footer_key_says_what_it_does(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.hover(KeyFooter, offset=(_column(app, "e Edit"), 0))
        await pilot.pause()
        assert app.screen.query_one(KeyFooter).tooltip == "Edit the selected mentorship"


async def test_the_footer_keeps_to_the_width_and_the_palette_key_to_the_right_edge(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        keys = footer_keys(app.screen)
        assert keys[-1][1] == "^p palette" and keys[-1][4] == 80
        assert all(end <= keys[-1][3] for _, _, _, _, end in keys[:-1])
