"""The live session screen, driven by keys as a leader and mentor would during a meeting.

Everything is checked where a person would see it (the screen's text, the note in
the editor, the tabs, the highlighted agenda line, the notifications) or in the
database through the store.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Markdown, OptionList, Tab, TextArea

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.follow_up_form import FollowUpFormScreen
from screens.live_session import SAVE_DELAY, LiveSessionScreen
from screens.session_summary import SessionSummaryScreen
from tests.conftest import FakeClock, draft
from tests.ui.helpers import SIZE, open_app, screen_text, toasts, type_into


@pytest.fixture
def meeting(store: Store) -> tuple[int, int, list[int]]:
    """A planned session of three items, its ground rules already seen."""
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz", cadence_days=14))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    items = [
        store.add_agenda_item(session, title=title, proposed_by=who, minutes=minutes, prompt=prompt)
        for title, who, minutes, prompt in (
            ("A real task in Notion", "leader", 15, "Plan a week with me"),
            ("A creator I [really] rate", "mentor", 10, ""),
            ("Our all-hands", "leader", 15, ""),
        )
    ]
    return mentorship, session, items


async def open_live(pilot) -> LiveSessionScreen:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LiveSessionScreen)
    return pilot.app.screen


async def wait_for_autosave(pilot) -> None:
    """Past the snapshot delay, then until the writer thread is done."""
    await pilot.pause(SAVE_DELAY + 0.15)
    assert pilot.app.autosaver.flush()
    await pilot.pause()


def bodies(store: Store, session_id: int, item_id: int | None) -> list[tuple[str, str, str]]:
    return [(n.author, n.visibility, n.body) for n in store.notes(session_id, item_id, "leader")]


def editor(app) -> TextArea:
    """The note editor on screen."""
    return app.screen.query_one("#editor", TextArea)


def tab_labels(app, *, shown_only: bool = False) -> list[str]:
    """The note tabs' labels, left to right; `shown_only`: those on screen (a lone note has no tabs)."""
    return [str(tab.label) for tab in app.screen.query(Tab) if tab.region.area or not shown_only]


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
        assert "Session 16:30/45:00" in text
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
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        await pilot.press("f5", "ctrl+o")
        await pilot.pause()
        assert store.get_agenda_item(items[0]).status == "discussed"
        assert store.get_session(session_id).current_item_id == items[1]
        assert "A creator I [really] rate" in str(screen.query_one("#item-heading").render())
        await pilot.click("#agenda", offset=(6, 5))  # the third item: two lines per item below the border
        await pilot.pause()
        assert store.get_session(session_id).current_item_id == items[2]
        assert screen.query_one("#agenda", OptionList).highlighted == 2


async def test_each_speaker_writes_their_own_note(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press(*"leader words")
        await pilot.press("f4")
        await pilot.pause()
        assert editor(app).text == ""  # the mentor's own note
        await pilot.press(*"mentor words")
        await wait_for_autosave(pilot)
        assert bodies(store, session_id, items[0]) == [("leader", "shared", "leader words"),
                                                       ("mentor", "shared", "mentor words")]
        assert tab_labels(app, shown_only=True) == ["leader · shared", "mentor · shared"]
        await pilot.press("f4")
        await pilot.pause()
        assert editor(app).text == "leader words"


async def test_a_second_note_on_the_same_item(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press(*"for both of us")
        await pilot.press("ctrl+n", *"just for me", "ctrl+t")
        await wait_for_autosave(pilot)
    assert bodies(store, session_id, items[0]) == [("leader", "shared", "for both of us"),
                                                   ("leader", "private", "just for me")]


async def test_preview_renders_the_markdown(db_path: Path, store: Store, meeting) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        await pilot.press(*"# Heading", "enter", *"**bold** point")
        await pilot.press("ctrl+r")
        await pilot.pause()
        preview = screen.query_one("#preview", Markdown)
        assert preview.display and not screen.query_one("#editor").display
        assert preview.source == "# Heading\n**bold** point"
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert screen.query_one("#editor").display and app.focused is screen.query_one("#editor")


async def test_a_follow_up_from_the_note_with_a_bad_date_then_a_good_one(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
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
        assert "Discussed (1)" in text and "A real task in Notion  12:00 of 15:00" in text
        assert "Not reached (2): they carry over" in text
        assert "A creator I [really] rate  · mentor  5:00 of 10:00" in text
        assert "Send the creator list  · mentor · due Tue 01 Dec" in text
    assert store.get_session(session_id).status == "held"


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


async def test_the_mentors_view_hides_private_and_off_record_notes(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    for visibility in ("shared", "private", "off_record"):
        store.save_note(NoteText(None, session_id, items[0], "leader", visibility, f"{visibility} words"))
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_live(pilot)
        text = screen_text(app)
        assert "private words" not in text and "off_record words" not in text
        assert tab_labels(app) == ["leader · shared", "mentor · shared · new"]
        await pilot.press("ctrl+t")  # visibility is the leader's: not offered, nothing changes
        await pilot.pause()
        assert " SHARED " in screen_text(app)
        assert tab_labels(app) == ["leader · shared", "mentor · shared · new"]
        assert "Visibility" not in {command.title for command in app.get_system_commands(screen)}
        assert toasts(app) == ""  # refused quietly: the key is simply not offered


async def test_a_note_saved_elsewhere_shows_up_when_nobody_is_typing(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    note_id = store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "first")).note_id
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        assert editor(app).text == "first"
        other = Store.open(db_path)
        other.save_note(
            NoteText(note_id, session_id, items[0], "leader", "shared", "first, and more from the other window"))
        other.close()
        await pilot.pause(0.5)
        assert editor(app).text == "first, and more from the other window"


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


async def test_shift_tab_then_arrows_picks_another_note(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    store.save_note(NoteText(None, session_id, items[0], "mentor", "shared", "the mentor's note"))
    store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "my note"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        assert editor(app).text == "my note"
        await pilot.press("shift+tab", "left")
        await pilot.pause()
        assert editor(app).text == "the mentor's note"
        assert "by mentor" in screen_text(app)
        await pilot.press("tab")  # from the tabs back into the note
        assert app.focused is editor(app)
        await pilot.press(*", amended")  # typing carries on at the end of the note
        assert editor(app).text == "the mentor's note, amended"


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


async def test_picking_a_note_by_keys_keeps_the_keyboard_in_the_notes(db_path: Path, store: Store, meeting) -> None:
    """Choosing the only saved note hides the tabs; typing must still land in that note."""
    _, session_id, items = meeting
    store.save_note(NoteText(None, session_id, items[0], "mentor", "shared", "Hook first"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press("shift+tab", "left")
        await pilot.pause(0.2)
        assert editor(app).text == "Hook first"
        assert tab_labels(app, shown_only=True) == []  # the only note: no tabs
        assert app.focused is editor(app)
        await pilot.press(*", then a twist")
        await wait_for_autosave(pilot)
    assert bodies(store, session_id, items[0]) == [("mentor", "shared", "Hook first, then a twist")]


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


async def test_many_notes_on_an_item_show_a_few_tabs_and_the_rest_a_pick_away(
    db_path: Path, store: Store, meeting
) -> None:
    from screens.note_picker import NotePickerScreen

    _, session_id, items = meeting
    for n in range(12):
        store.save_note(NoteText(None, session_id, items[0], "mentor", "shared", f"mentor note {n}"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        labels = tab_labels(app)
        assert len(labels) == 8 and labels[-1] == "⋯ 6 more"
        await pilot.click("#more-notes")
        await pilot.pause()
        assert isinstance(app.screen, NotePickerScreen)
        assert "mentor note 0" in screen_text(app)  # the oldest, which has no tab
        await pilot.press("end", "enter")  # newest first: the oldest is last
        await pilot.pause()
        assert app.screen is screen
        assert editor(app).text == "mentor note 0"
        labels = tab_labels(app)
        assert len(labels) == 8 and labels[-1] == "⋯ 5 more"  # the note picked has a tab; the new one is gone


async def test_closing_the_note_picker_keeps_the_note_that_was_open(db_path: Path, store: Store, meeting) -> None:
    from screens.note_picker import NotePickerScreen

    _, session_id, items = meeting
    for n in range(12):
        store.save_note(NoteText(None, session_id, items[0], "leader", "shared", f"leader note {n}"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_live(pilot)
        assert editor(app).text == "leader note 11"  # the speaker's latest
        await pilot.click("#more-notes")
        await pilot.pause()
        assert isinstance(app.screen, NotePickerScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and editor(app).text == "leader note 11"
        await pilot.click("#more-notes")  # the '⋯ more' tab works again
        await pilot.pause()
        assert isinstance(app.screen, NotePickerScreen)


def test_the_note_picker_lists_a_note_of_control_characters_only_as_empty() -> None:
    from rm_tui.models import Note
    from screens.note_picker import note_line

    assert note_line(Note(1, 1, None, "leader", "shared", "\x07\x08\x1b", 1)).plain.endswith("(empty)")


async def test_an_item_removed_elsewhere_while_typing_keeps_the_note_on_the_session(
    db_path: Path, store: Store, meeting
) -> None:
    _, session_id, items = meeting
    store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "boards"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_live(pilot)
        assert editor(app).text == "boards"
        await pilot.press("!")  # one key: its snapshot is still to come when the item goes
        other = Store.open(db_path)
        other.remove_agenda_item(items[0])  # the mentor's window, before this one's autosave
        other.close()
        await wait_for_autosave(pilot)
        await pilot.pause(0.5)
        assert "Note kept" in toasts(app)
        assert "The session as a whole" in str(app.screen.query_one("#item-heading").render())
        assert editor(app).text == "boards!"  # the editor followed its text
    assert bodies(store, session_id, None) == [("leader", "shared", "boards!")]
