"""The recap for the mentor, offered by the summary of a meeting that has ended."""

from __future__ import annotations

from pathlib import Path

from rm_tui.models import NoteText
from rm_tui.recap import gather_recap, recap_markdown
from rm_tui.store import Store
from screens.recap_dialog import RecapDialog
from screens.session_summary import SessionSummaryScreen
from tests.conftest import FakeClock
from tests.ui.helpers import SIZE, open_app, screen_text, toasts
from tests.ui.live_session_helpers import open_live, plan_meeting


async def test_the_summary_offers_the_recap_and_c_copies_it(db_path: Path, store: Store, clock: FakeClock) -> None:
    _, session, items = plan_meeting(store)
    store.start_session(session)
    store.save_note(NoteText(None, session, items[0], "leader", "shared", "Boards, not docs."))
    store.save_note(NoteText(None, session, items[0], "leader", "private", "I am behind on this"))
    store.set_item_status(items[0], "discussed")
    store.add_follow_up(1, title="Send the board", owner="mentor", due="2026-12-08", session_id=session)
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_live(pilot)
        await pilot.press("f5")  # end: the summary asks first
        await pilot.pause()
        await pilot.press("r")  # not while asking to end: the meeting has not ended yet
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen) and app.screen.asking_to_end
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen) and not app.screen.asking_to_end
        assert "r recaps" in str(app.screen.query_one("#summary").border_subtitle)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, RecapDialog)
        shown = screen_text(app)
        assert "Boards, not docs." in shown and "Send the board — Sam Ortiz, due Tue 08 Dec 2026" in shown
        assert "- Our all-hands" in shown  # not reached: it carries over
        assert "behind" not in shown
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard == recap_markdown(gather_recap(store, session))
        assert "Recap copied" in toasts(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen)


async def test_the_recap_button_opens_it_and_save_offers_a_file_without_private_notes(
    db_path: Path, store: Store, clock: FakeClock
) -> None:
    _, session, _ = plan_meeting(store)
    store.start_session(session)
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press("f5", "enter")  # the meeting ends: its summary stays
        await pilot.pause()
        await pilot.click("#recap")
        await pilot.pause()
        assert isinstance(app.screen, RecapDialog)
        await pilot.press("s")
        await pilot.pause()
        assert "sam-ortiz-2026-11-24-recap.md" in app.screen.query_one("#path").value  # type: ignore[attr-defined]
        assert "Include my private notes" not in screen_text(app)
