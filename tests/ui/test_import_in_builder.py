"""ctrl+u in the agenda builder: a file's agenda, previewed, then added to the session on screen."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from rm_tui.store import Store
from screens.help import HelpScreen
from screens.import_form import ImportFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text, toasts, type_into
from tests.ui.test_agenda_builder import agenda_lines, open_builder
from tests.ui.test_standing_items_ui import footer_words

PREP = "# Prep for Sam\n\n- Career moves (15 min)\n  Where do I want to be in two years?\n- Tools I should try 5m\n"


def planned_with_an_item(store: Store) -> tuple[int, int]:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title="Already here", proposed_by="leader")
    return sam, session


def titles(store: Store, session: int) -> list[tuple[str, int]]:
    return [(item.title, item.minutes) for item in store.agenda(session)]


async def open_import(pilot) -> ImportFormScreen:
    await pilot.press("ctrl+u")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportFormScreen)
    return pilot.app.screen


async def test_a_file_is_previewed_then_its_items_join_this_agenda(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    sam, session = planned_with_an_item(store)
    prep = tmp_path / "prep.md"
    prep.write_text(PREP, encoding="utf-8")
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        assert any("Import" in key for key in footer_words(app))
        await open_import(pilot)
        await type_into(pilot, path=str(prep))
        await pilot.press("enter")
        await pilot.pause()
        shown = screen_text(app)
        assert " 1. Career moves  (15 min)" in shown
        assert "    Where do I want to be in two years?" in shown
        assert " 2. Tools I should try  (5 min)" in shown
        assert "Add these 2 items to Sam Ortiz's session on" in shown
        assert titles(store, session) == [("Already here", 10)]  # nothing yet: it asks first

        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is builder
        assert "Added 2 items to the agenda." in toasts(app)
        assert titles(store, session) == [("Already here", 10), ("Career moves", 15), ("Tools I should try", 5)]
        lines = agenda_lines(builder)
        assert len(lines) == 3 and "Tools I should try" in lines[2]
        assert builder.query_one("#agenda", OptionList).highlighted == 2  # what arrived is in view
    assert [s.id for s in store.list_sessions(sam)] == [session]  # no session planned besides


async def test_a_binary_file_is_refused_beside_the_field_and_nothing_is_added(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    _, session = planned_with_an_item(store)
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    before = list(store.db.iterdump())
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_builder(pilot)
        form = await open_import(pilot)
        await type_into(pilot, path=str(picture))
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form
        assert f"{picture} is not a text file; save the agenda as Markdown or plain text" in screen_text(app)
        assert form.query_one("#path").has_class("-invalid")
        await pilot.press("enter")  # again: still refused, still nothing added
        await pilot.pause()
        assert app.screen is form and "Add these" not in screen_text(app)
    assert titles(store, session) == [("Already here", 10)]
    assert list(store.db.iterdump()) == before


async def test_another_path_after_the_preview_is_read_before_anything_is_added(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    _, session = planned_with_an_item(store)
    (tmp_path / "prep.md").write_text(PREP, encoding="utf-8")
    (tmp_path / "empty.md").write_text("  \n", encoding="utf-8")
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_builder(pilot)
        form = await open_import(pilot)
        await type_into(pilot, path=str(tmp_path / "prep.md"))
        await pilot.press("enter")
        await pilot.pause()
        assert "Add these 2 items" in screen_text(app)
        await type_into(pilot, path=str(tmp_path / "empty.md"))
        assert "Add these 2 items" not in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is form and "is empty; there is nothing to import" in screen_text(app)
    assert titles(store, session) == [("Already here", 10)]


async def test_the_import_joins_the_running_session_the_builder_shows(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    sam, session = planned_with_an_item(store)
    store.start_session(session)
    (tmp_path / "prep.md").write_text("- One more thing\n", encoding="utf-8")
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        assert builder.session_id == session
        await open_import(pilot)
        await type_into(pilot, path=str(tmp_path / "prep.md"))
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "Added 1 item to the agenda." in toasts(app)
    assert titles(store, session) == [("Already here", 10), ("One more thing", 10)]
    assert [s.id for s in store.list_sessions(sam)] == [session]  # not a new planned one


async def test_the_mentor_imports_too_as_the_mentor_and_help_names_the_key(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    _, session = planned_with_an_item(store)
    (tmp_path / "prep.md").write_text("- What I tried\n", encoding="utf-8")
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_builder(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Add the items of an agenda written elsewhere" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        await open_import(pilot)
        await type_into(pilot, path=str(tmp_path / "prep.md"))
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert "Added 1 item to the agenda." in toasts(app)
    assert [(i.title, i.proposed_by) for i in store.agenda(session)][-1] == ("What I tried", "mentor")
