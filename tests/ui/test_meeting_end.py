"""The end-of-meeting summary as the pair uses it: sections that say what happened, and their word on it."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from rm_tui.exporting import ExportRequest, render
from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.session_summary import SessionSummaryScreen
from tests.conftest import FakeClock, draft
from tests.ui.helpers import SIZE, open_app, screen_text
from tests.ui.live_session_helpers import open_live

TITLES = ("Marked done", "Notes only", "Time only", "Untouched")


def meeting(store: Store, clock: FakeClock) -> tuple[int, int, list[int]]:
    """A running meeting: one item marked done, one with a note only, one with time only, one untouched."""
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    items = [store.add_agenda_item(session, title=title, proposed_by="leader", minutes=10) for title in TITLES]
    store.start_session(session)
    clock.advance(minutes=8)
    store.set_item_status(items[0], "discussed")
    store.save_note(NoteText(None, session, items[1], "leader", "shared", "She shows the work."))
    store.go_to_item(session, items[2])
    clock.advance(minutes=6)
    store.go_to_item(session, None)
    return mentorship, session, items


def section_of(app, title: str) -> str:
    """The heading of the section `title` is listed under in the summary on screen."""
    listing = app.screen.query_one("#summary-text", OptionList)
    heading = ""
    for index in range(listing.option_count):
        line = str(listing.get_option_at_index(index).prompt)
        if line and not line.startswith(" "):
            heading = line
        elif title in line:
            return heading
    raise AssertionError(f"{title} is not in the summary")


def row_of(app, title: str) -> int:
    listing = app.screen.query_one("#summary-text", OptionList)
    return next(i for i in range(listing.option_count) if title in str(listing.get_option_at_index(i).prompt))


async def open_end(pilot) -> SessionSummaryScreen:
    await open_live(pilot)
    await pilot.press("f5")  # F5 ends a running meeting: the summary asks first
    await pilot.pause()
    assert isinstance(pilot.app.screen, SessionSummaryScreen)
    return pilot.app.screen


async def test_the_summary_shows_what_each_item_had_and_the_pair_moves_items(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    mentorship, session, _ = meeting(store, clock)
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        summary = await open_end(pilot)
        assert [section_of(app, t) for t in TITLES] == [
            "Done (1)", "Discussed, not marked done (2)", "Discussed, not marked done (2)",
            "Not reached — carries over (1)"]
        assert "Notes only  0:00 of 10:00  ✎1" in screen_text(app)
        assert "space or click: discussed ⇄ carries over" in str(summary.query_one("#summary").border_subtitle)
        await pilot.press("space")  # the first item that can move: the one with notes
        await pilot.pause()
        assert section_of(app, "Notes only") == "Not reached — carries over (2)"
        await pilot.click("#summary-text", offset=(8, row_of(app, "Untouched")))
        await pilot.pause()
        assert section_of(app, "Untouched") == "Discussed, not marked done (2)"
        await pilot.press("enter")  # End meeting, wherever the highlight is
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen) and not app.screen.asking_to_end
        assert section_of(app, "Notes only") == "Not reached — carries over (1)"
        assert section_of(app, "Untouched") == "Discussed, not marked done (2)"
    assert store.get_session(session).status == "held"
    assert [i.title for i in store.agenda(store.plan_session(mentorship))] == ["Notes only"]
    text = render(store, ExportRequest(session_id=session))
    assert "10 min planned · not reached, carries over" in text.split("## 2. Notes only")[1].split("## 3.")[0]
    assert "10 min planned · discussed" in text.split("## 4. Untouched")[1]


async def test_after_the_end_a_move_reaches_the_next_agenda(db_path: Path, store: Store, clock: FakeClock) -> None:
    mentorship, _, _ = meeting(store, clock)
    following = store.plan_session(mentorship, scheduled_on="2026-12-08")
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_end(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert [i.title for i in store.agenda(following)] == ["Untouched"]
        await pilot.click("#summary-text", offset=(8, row_of(app, "Time only")))
        await pilot.pause()
        assert section_of(app, "Time only") == "Not reached — carries over (2)"
        assert [i.title for i in store.agenda(following)] == ["Time only", "Untouched"]


async def test_clicking_a_done_item_or_a_heading_moves_nothing(db_path: Path, store: Store, clock: FakeClock) -> None:
    _, session, _ = meeting(store, clock)
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_end(pilot)
        before = list(store.db.iterdump())
        for title in ("Marked done", "Done (1)", "Not reached — carries over (1)"):
            await pilot.click("#summary-text", offset=(8, row_of(app, title)))
            await pilot.pause()
        assert section_of(app, "Marked done") == "Done (1)"
        assert list(store.db.iterdump()) == before
        assert isinstance(app.screen, SessionSummaryScreen)
    assert store.get_session(session).status == "live"


async def test_an_older_meeting_offers_no_move_and_says_so(db_path: Path, store: Store, clock: FakeClock) -> None:
    mentorship, session, _ = meeting(store, clock)
    store.end_session(session)
    later = store.plan_session(mentorship)
    store.start_session(later)
    store.end_session(later)
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.push_screen(SessionSummaryScreen(store.session_summary(session), asking_to_end=False))
        await pilot.pause()
        before = list(store.db.iterdump())
        await pilot.press("space")
        await pilot.pause()
        assert section_of(app, "Untouched") == "Not reached — carries over (1)"
        assert "discussed ⇄ carries over" not in str(app.screen.query_one("#summary").border_subtitle)
        assert list(store.db.iterdump()) == before
