"""The live session's notes: one per speaker, their tabs and picker, the preview, other windows' edits.

Checked where a person would see them: the note in the editor, the tabs' labels,
the screen's text, the notifications, and the database through the store.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Markdown

from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.ui.helpers import SIZE, open_app, screen_text, toasts
from tests.ui.live_session_helpers import bodies, editor, open_live, plan_meeting, tab_labels, wait_for_autosave


@pytest.fixture
def meeting(store: Store) -> tuple[int, int, list[int]]:
    return plan_meeting(store)


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


async def test_the_mentors_note_cannot_be_hidden_from_the_leaders_window(db_path: Path, store: Store, meeting) -> None:
    _, session_id, items = meeting
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_live(pilot)
        await pilot.press("f4", *"mentor words")  # the mentor speaking, at the leader's keyboard
        await wait_for_autosave(pilot)
        assert "^t" not in screen_text(app) and "ctrl+t changes" not in screen_text(app)  # not offered
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "A note the mentor wrote stays shared" in toasts(app)
        assert bodies(store, session_id, items[0]) == [("mentor", "shared", "mentor words")]
        assert " SHARED " in screen_text(app) and "by mentor" in screen_text(app)
