"""The live session as a meeting runs: typing saved as it goes, the clocks, moving on, follow-ups, the end.

Everything is checked where a person would see it (the screen's text, the note in
the editor, the highlighted agenda line, the notifications) or in the database
through the store. The notes themselves (tabs, speakers, other windows) are in
test_live_notes.py.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import OptionList

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.follow_up_form import FollowUpFormScreen
from screens.live_session import SAVE_DELAY, LiveSessionScreen
from screens.session_summary import SessionSummaryScreen
from tests.conftest import FakeClock, draft
from tests.ui.helpers import SIZE, open_app, screen_text, toasts, type_into
from tests.ui.live_session_helpers import bodies, open_live, plan_meeting, wait_for_autosave


@pytest.fixture
def meeting(store: Store) -> tuple[int, int, list[int]]:
    return plan_meeting(store)


async def test_typing_is_saved_without_a_save_key(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        assert app.focused is screen.query_one("#editor")  # typing goes straight into the notes
        await pilot.press(*"Plans in a board, not a doc")
        await wait_for_autosave(pilot)
        assert bodies(store, session_id, items[0]) == [("leader", "shared", "Plans in a board, not a doc")]
        await pilot.press("enter", *"- weekly")
        await wait_for_autosave(pilot)
    assert bodies(store, session_id, items[0]) == [("leader", "shared", "Plans in a board, not a doc\n- weekly")]


async def test_a_keystroke_only_marks_a_save_as_due(db_path: Path, store: Store, meeting) -> None:
    """The write happens on a timer and a thread, never in the key handler."""
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        handed_over: list[tuple[float, NoteText]] = []
        hand_over = app.autosaver.put

        def watched(buffer: str, text: NoteText) -> None:
            handed_over.append((time.monotonic(), text))
            hand_over(buffer, text)

        app.autosaver.put = watched  # type: ignore[method-assign]
        pressed = time.monotonic()
        await pilot.press("t")
        await pilot.pause(SAVE_DELAY + 0.15)
        assert [text.body for _, text in handed_over] == ["t"]
        assert handed_over[0][0] - pressed >= SAVE_DELAY  # a moment after the key, not in its handler
        assert app.autosaver.flush()
        assert bodies(store, session_id, items[0]) == [("leader", "shared", "t")]  # written by the autosaver


async def test_visibility_is_always_shown_and_one_key_changes_it(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        assert "SHARED" in screen_text(app)
        await pilot.press(*"They are bored by our all-hands")
        await pilot.press("ctrl+t")
        assert "PRIVATE" in screen_text(app)
        assert bodies(store, session_id, items[0]) == [("leader", "private", "They are bored by our all-hands")]
        await pilot.press("ctrl+t")
        assert "OFF-RECORD" in screen_text(app) and "never exported" in screen_text(app)
        assert bodies(store, session_id, items[0])[0][1] == "off_record"
        await pilot.press("ctrl+t")
        assert bodies(store, session_id, items[0])[0][1] == "shared"


async def test_the_clock_runs_per_item_and_an_overrun_shows(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    clock = FakeClock()
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        assert "not started" in screen_text(app)
        await pilot.press("f5")
        await pilot.pause()
        assert "LIVE" in screen_text(app)
        clock.advance(minutes=16, seconds=30)
        await pilot.pause(1.2)  # one tick of the on-screen clock
        text = screen_text(app)
        assert "16:30 of 15:00 +1:30" in text  # the first item's timer, overrun
        assert "Session 16:30 of 45:00" in text
        await pilot.press("ctrl+down")
        await pilot.pause()
        assert store.get_session(session_id).current_item_id == items[1]
        assert store.get_agenda_item(items[0]).elapsed_seconds == 16 * 60 + 30
        clock.advance(minutes=2)
        await pilot.pause(1.2)
        assert "2:00 of 10:00" in screen_text(app)


async def test_mark_discussed_moves_on_and_clicking_an_item_opens_it(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_live(pilot)
        await pilot.press("f5", "ctrl+o")
        await pilot.pause()
        assert store.get_agenda_item(items[0]).status == "discussed"
        assert store.get_session(session_id).current_item_id == items[1]
        assert "A creator I [really] rate" in str(screen.query_one("#item-heading").render())
        # Said under the note, titles as typed; no toast lies over the notes pane.
        assert "✓ Discussed: A real task in Notion · now: A creator I [really] rate" in screen_text(app)
        assert toasts(app) == ""
        assert screen.query_one("#agenda", OptionList).highlighted == 1
        await pilot.click("#agenda", offset=(6, 5))  # the third item: two lines per item below the border
        await pilot.pause()
        assert store.get_session(session_id).current_item_id == items[2]
        assert screen.query_one("#agenda", OptionList).highlighted == 2


async def test_a_follow_up_from_the_note_with_a_bad_date_then_a_good_one(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_live(pilot)
        await pilot.press(*"she uses templates", "ctrl+f")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpFormScreen)
        assert app.screen.query_one("#due_on").value == "2026-12-08"  # the next session by cadence
        await type_into(pilot, title="Try a Notion template", due_on="someday")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpFormScreen)
        assert "'someday' is not a date" in screen_text(app)
        assert store.follow_ups_for_session(session_id) == []
        await type_into(pilot, due_on="+7d")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
        assert app.focused is app.screen.query_one("#editor")  # back in the note
        assert "Try a Notion template" in screen_text(app)
        # Said under the note: a toast would lie over the follow-up it talks about.
        assert "Follow-up added: it comes back on the next agenda until it is done." in screen_text(app)
        assert toasts(app) == ""
    (follow_up,) = store.follow_ups_for_session(session_id)
    assert (follow_up.title, follow_up.owner, str(follow_up.due_on), follow_up.agenda_item_id) == (
        "Try a Notion template", "leader", "2026-12-01", items[0])


async def test_ending_shows_the_summary_and_asks_first(db_path: Path, store: Store, meeting) -> None:
    mentorship, session_id, items = meeting
    clock = FakeClock()
    app = open_app(db_path, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press("f5")
        clock.advance(minutes=12)
        await pilot.press("ctrl+o")
        await pilot.pause()
        store.add_follow_up(mentorship, title="Send the creator list", owner="mentor", due="+7d",
                            session_id=session_id, agenda_item_id=items[1])
        clock.advance(minutes=5)
        await pilot.press("f5")
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen)
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert store.get_session(session_id).status == "live"
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("enter")  # End meeting
        await pilot.pause()
        assert isinstance(app.screen, SessionSummaryScreen)
        text = screen_text(app)
        assert "Meeting time 17:00 of 45:00 planned" in text
        assert "Done (1)" in text and "A real task in Notion  12:00 of 15:00" in text
        assert "Discussed, not marked done (1)" in text  # five minutes on its timer
        assert "A creator I [really] rate  · mentor  5:00 of 10:00" in text
        assert "Not reached — carries over (1)" in text
        assert "Send the creator list  · mentor · due Tue 01 Dec" in text
    assert store.get_session(session_id).status == "held"


async def test_the_summary_offers_the_markdown_export(db_path: Path, store: Store, meeting, tmp_path: Path) -> None:
    from screens.export_form import ExportFormScreen

    _, session_id, items = meeting
    store.save_note(NoteText(None, session_id, items[1], "leader", "off_record", "not for paper"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press(*"worth writing down", "f5")
        await pilot.pause()
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("enter")  # End meeting
        await pilot.pause()
        assert "Export" in {c.title for c in app.get_system_commands(app.screen)}
        await pilot.press("f8")  # as the Export as Markdown button
        await pilot.pause()
        assert isinstance(app.screen, ExportFormScreen)
        await type_into(pilot, path=str(tmp_path / "meeting.md"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
    text = (tmp_path / "meeting.md").read_text()
    assert text.startswith("# Session with Sam Ortiz, Tue 24 Nov 2026")
    assert "> worth writing down" in text and "not for paper" not in text


async def test_the_palette_offers_start_or_end_as_the_meeting_stands(db_path: Path, store: Store, meeting) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        titles = {command.title for command in app.get_system_commands(screen)}
        assert {"Start", "Next item", "Visibility", "Follow-up", "Preview"} <= titles
        assert not {"End", "Summary"} & titles
        await pilot.press("f5")
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(screen)}
        assert "End" in titles and "Start" not in titles


async def test_awkward_input_keeps_the_screen_and_the_data(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    awkward = "日本語のメモ · עברית משמאל · emoji 🎉👩‍💻 · \ttab\x1b[2J\x1b[31mred\x07\r\n"
    big = awkward + ("lorem ipsum dolor sit amet " * 40 + "\n") * 1000  # about 1 MB
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        editor = screen.query_one("#editor")
        region = editor.region
        editor.post_message(events.Paste(big))
        await wait_for_autosave(pilot)
        assert editor.region == region  # the layout did not move
        assert "A real task in Notion" in screen_text(app) and "SHARED" in screen_text(app)
        await pilot.press("ctrl+end", *" the end")
        await wait_for_autosave(pilot)
    ((_, _, body),) = bodies(store, session_id, items[0])
    assert len(body) > 1_000_000
    assert body.startswith("日本語のメモ · עברית משמאל · emoji 🎉👩‍💻 · \ttab[2J[31mred\n")
    assert "\x1b" not in body and "\r" not in body and body.endswith(" the end")


async def test_carried_and_stale_items_are_marked_in_the_meeting_too(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="Try the AI note-taker", proposed_by="mentor")
    for _ in range(3):
        store.set_session_status(session, "held")
        session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        text = screen_text(app)
        assert "Try the AI note-taker  · mentor" in text and "0:00 of 10:00  ↻3  STALE" in text
