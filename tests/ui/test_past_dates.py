"""Dates of what already happened (a champion entry, the talk with the manager) refuse a date to come.

The refusal is one line naming the date it read; nothing is saved.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from rm_tui.store import Store
from screens.champion import ChampionScreen
from screens.champion_form import ChampionFormScreen
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import TODAY, draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text, type_into


async def test_next_tuesday_is_refused_then_last_tuesday_is_logged(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "c", ChampionScreen)
        form = await open_screen(pilot, "n", ChampionFormScreen)
        await type_into(pilot, note="Credited her caption idea", happened_on="next tue")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#error").render()) == (
            "next tue is Tue 1 Dec, in the future: the log records what happened")
        assert app.focused is form.query_one("#happened_on")
        assert form.query_one("#note", Input).value == "Credited her caption idea"
        assert store.champion_entries(sam) == []

        await type_into(pilot, happened_on="last tue")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        assert "Credited her caption idea" in screen_text(app)
    assert [e.happened_on for e in store.champion_entries(sam)] == [TODAY - timedelta(days=7)]


async def test_a_talk_with_the_manager_to_come_is_refused(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, leader="Dana", mentor="Sam", manager_talked_on="friday")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is form
        assert str(form.query_one("#error").render()) == (
            "friday is Fri 27 Nov, in the future: fill it in once you have talked")
        assert app.focused is form.query_one("#manager_talked_on")
    assert store.list_mentorships() == []
