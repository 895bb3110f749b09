"""`p` when a session is planned already: the pair is asked, and `s` opens the agenda with the items."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from screens.replan_dialog import ReplanDialog
from screens.session_form import SessionFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text, toasts, type_into


def planned_with_items(store: Store) -> tuple[int, int]:
    """Sam's next session on Tue 08 Dec, with an item carried over and the mentor's addition."""
    mentorship = store.create_mentorship(draft())
    held = store.plan_session(mentorship, scheduled_on="2026-11-24")
    store.add_agenda_item(held, title="Not reached last time", proposed_by="leader")
    store.set_session_status(held, "held")
    session = store.plan_session(mentorship, scheduled_on="2026-12-08")
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title="The mentor's idea", proposed_by="mentor")
    return mentorship, session


def planned(store: Store, mentorship: int) -> list[tuple[date, int]]:
    """Each planned session's date and how many items its agenda holds, soonest first."""
    return [(s.scheduled_on, len(store.agenda(s.id)))
            for s in reversed(store.list_sessions(mentorship)) if s.status == "planned"]


async def ask(pilot, when: str) -> ReplanDialog:
    """`p`, a date, enter: the question comes once the form has closed."""
    await open_screen(pilot, "p", SessionFormScreen)
    await type_into(pilot, scheduled_on=when)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ReplanDialog)
    return pilot.app.screen


async def test_planning_again_asks_and_escape_changes_nothing(db_path: Path, store: Store) -> None:
    mentorship, _ = planned_with_items(store)
    before = list(store.db.iterdump())
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask(pilot, "+3w")
        assert ("A session with Sam Ortiz is already planned for Tue 08 Dec (2 items).\n"
                "Move it to Tue 15 Dec?") in screen_text(app)
        assert "enter or m moves it · k keeps both · escape or c cancels" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert "Nothing changed: the session stays on Tue 08 Dec." in toasts(app)
    assert list(store.db.iterdump()) == before
    assert planned(store, mentorship) == [(date(2026, 12, 8), 2)]


async def test_moving_takes_the_agenda_to_the_new_date(db_path: Path, store: Store) -> None:
    mentorship, session = planned_with_items(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask(pilot, "2026-12-15")
        await pilot.press("enter")  # Move it has the focus
        await pilot.pause()
        assert "Moved the session with Sam Ortiz from Tue 08 Dec to Tue 15 Dec, with its 2 items." in toasts(app)
        builder = await open_screen(pilot, "s", AgendaBuilderScreen)
        assert builder.session_id == session
        assert "Tue 15 Dec 2026" in screen_text(app) and "The mentor's idea" in screen_text(app)
    assert planned(store, mentorship) == [(date(2026, 12, 15), 2)]


async def test_keeping_both_by_a_click_and_s_still_opens_the_agenda_with_the_items(
    db_path: Path, store: Store
) -> None:
    mentorship, session = planned_with_items(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask(pilot, "2026-12-01")  # sooner than the one planned
        await pilot.click("#keep")
        await pilot.pause()
        assert "Planned a second session with Sam Ortiz, on Tue 01 Dec." in toasts(app)
        builder = await open_screen(pilot, "s", AgendaBuilderScreen)
        assert builder.session_id == session
        assert "Not reached last time" in screen_text(app) and "The mentor's idea" in screen_text(app)
    assert planned(store, mentorship) == [(date(2026, 12, 1), 0), (date(2026, 12, 8), 2)]


async def test_a_bad_date_is_refused_in_the_form_before_anything_is_asked(db_path: Path, store: Store) -> None:
    planned_with_items(store)
    before = list(store.db.iterdump())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "p", SessionFormScreen)
        await type_into(pilot, scheduled_on="someday")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        assert "'someday' is not a date" in screen_text(app)
    assert list(store.db.iterdump()) == before


async def test_planning_with_nothing_planned_asks_nothing(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_screen(pilot, "p", SessionFormScreen)
        await type_into(pilot, scheduled_on="2026-12-01")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, (SessionFormScreen, ReplanDialog))
        assert "Session planned. Press s to build its agenda." in toasts(app)
    assert planned(store, mentorship) == [(date(2026, 12, 1), 0)]
