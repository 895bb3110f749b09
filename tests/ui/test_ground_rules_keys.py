"""The ground rules dialog: enter closes it wherever the keyboard is, space ticks its box."""

from __future__ import annotations

from pathlib import Path

from rm_tui.ground_rules import RULES_SETTING
from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from screens.ground_rules import GroundRulesScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app


async def test_enter_on_the_opt_out_box_closes_the_rules_and_keeps_them_on(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, GroundRulesScreen)
        await pilot.press("tab")  # the keyboard on "Don't show these when a session opens"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)  # closed, not ticked
    assert store.setting(RULES_SETTING, "yes") == "yes"


async def test_space_ticks_the_box_and_enter_then_closes_with_the_rules_off(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("tab", "space", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)
    assert store.setting(RULES_SETTING, "yes") == "no"
