"""Forms say "enter saves": that holds on a dropdown too, once it is closed (space opens it)."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Select

from rm_tui.store import Store
from screens.champion import ChampionScreen
from screens.champion_form import ChampionFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, type_into


async def test_enter_on_the_champion_forms_kind_saves_the_entry(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "c", ChampionScreen)
        form = await open_screen(pilot, "n", ChampionFormScreen)
        await type_into(pilot, note="Put her forward for the AI working group")
        form.query_one("#kind", Select).focus()
        await pilot.press("space")  # opens the list: the kinds, credit highlighted
        await pilot.pause()
        await pilot.press("down", "enter")  # enter in the open list picks a kind, and closes it
        await pilot.pause()
        assert app.screen is form and store.champion_entries(sam) == []
        await pilot.press("enter")  # on the closed dropdown: saves, as the hint says
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        assert [(e.kind, e.note) for e in store.champion_entries(sam)] == [
            ("nomination", "Put her forward for the AI working group")]
