"""Enter on a form's checkbox does what the form's hint says (writes, saves); space ticks it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.export_form import ExportFormScreen
from screens.home import HomeScreen
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, type_into


def seed(store: Store) -> int:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.save_note(NoteText(None, session, item, "leader", "shared", "boards, not docs"))
    store.save_note(NoteText(None, session, item, "leader", "private", "I am behind"))
    return sam


async def test_enter_on_the_private_notes_checkbox_writes_with_them(db_path: Path, store: Store,
                                                                    tmp_path: Path) -> None:
    seed(store)
    target = tmp_path / "sam.md"
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "x", ExportFormScreen)
        await type_into(pilot, path=str(target))
        await pilot.press("tab")
        private = form.query_one("#private", Checkbox)
        assert app.focused is private
        await pilot.press("space")
        assert private.value  # space ticks
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # written and closed
    text = target.read_text()
    assert "boards, not docs" in text and "I am behind" in text  # still ticked when it wrote


async def test_enter_on_an_unticked_checkbox_writes_without_ticking_it(db_path: Path, store: Store,
                                                                       tmp_path: Path) -> None:
    seed(store)
    target = tmp_path / "sam.md"
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "x", ExportFormScreen)
        await type_into(pilot, path=str(target))
        await pilot.press("tab")
        assert app.focused is form.query_one("#private", Checkbox)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    text = target.read_text()
    assert "boards, not docs" in text and "I am behind" not in text


async def test_enter_on_the_manager_checkbox_saves_the_mentorship(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, leader="Dana Whitfield", mentor="Sam Ortiz")
        informed = form.query_one("#manager_informed", Checkbox)
        informed.focus()
        await pilot.press("space")
        assert informed.value
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (overview,) = store.list_mentorships()
    assert (overview.mentorship.mentor, overview.mentorship.manager_informed) == ("Sam Ortiz", True)
