"""Pinning in the builder: ctrl+k pins the highlighted item, and the next agenda has it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from screens.help import HelpScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, footer_keys, open_app, screen_text, toasts
from tests.ui.test_agenda_builder import agenda_lines, open_builder

MIND = "What's on your mind?"


def mentorship_with_an_item(store: Store) -> int:
    sam = store.create_mentorship(draft())
    session = store.plan_session(sam)
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title=MIND, minutes=5, proposed_by="mentor")
    return sam


async def focus_agenda(pilot, builder: AgendaBuilderScreen) -> None:
    builder.query_one("#agenda", OptionList).focus()
    await pilot.pause()


def footer_words(app) -> set[str]:
    return {word for _, word, _, _, _ in footer_keys(app.screen)}


async def test_pin_in_the_builder_and_the_next_planned_agenda_has_it(db_path: Path, store: Store) -> None:
    sam = mentorship_with_an_item(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        await focus_agenda(pilot, builder)
        assert any("Pin / unpin" in key for key in footer_words(app))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert f"Pinned: {MIND} joins every planned agenda" in toasts(app)
        assert "📌 every meeting" in agenda_lines(builder)[0]
        await pilot.press("escape")
        await pilot.pause()

        first = store.upcoming_session(sam)
        assert first is not None
        store.start_session(first.id)
        store.set_item_status(store.agenda(first.id)[0].id, "discussed")
        store.end_session(first.id)

        builder = await open_builder(pilot)  # plans the next session
        assert builder.session_id != first.id
        lines = agenda_lines(builder)
        assert len(lines) == 1 and MIND in lines[0] and "📌" in lines[0]


async def test_unpin_in_the_builder_leaves_the_item_here_and_off_new_agendas(db_path: Path, store: Store) -> None:
    sam = mentorship_with_an_item(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        await focus_agenda(pilot, builder)
        await pilot.press("ctrl+k")
        await pilot.pause()
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert f"Unpinned: {MIND} stays here" in toasts(app)
        assert "📌" not in agenda_lines(builder)[0] and MIND in agenda_lines(builder)[0]
    assert store.standing_items(sam) == []


async def test_the_mentors_window_does_not_offer_pinning_and_the_key_changes_nothing(
    db_path: Path, store: Store
) -> None:
    sam = mentorship_with_an_item(store)
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        await focus_agenda(pilot, builder)
        assert not any("Pin" in key for key in footer_words(app))
        await pilot.press("ctrl+k")
        await pilot.pause()
        assert "📌" not in agenda_lines(builder)[0]
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Pin the highlighted item" not in screen_text(app)
    assert store.standing_items(sam) == []


async def test_help_names_the_pin_key_in_the_leaders_window(db_path: Path, store: Store) -> None:
    mentorship_with_an_item(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        await focus_agenda(pilot, builder)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Pin the highlighted item" in screen_text(app)
