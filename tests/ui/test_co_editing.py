"""Two apps on one database file, as the leader's and the mentor's windows in a meeting.

No key is pressed in the window that is checked: what the other one did shows up
on its own, because every app watches the file for changes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Checkbox, OptionList, Tab, TextArea

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from screens.export_form import ExportFormScreen
from screens.live_session import LiveSessionScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text, toasts, type_into
from tests.ui.live_session_helpers import wait_for_autosave

# Each app sees the other's write as the -wal file changes, in a few hundredths of a
# second; the rest is slack for a busy machine.
SYNC_WAIT = 0.6


@pytest.fixture
def session(store: Store) -> int:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session_id = store.plan_session(mentorship)
    store.mark_rules_shown(session_id)
    store.add_agenda_item(session_id, title="A real task in Notion", proposed_by="leader")
    return session_id


def agenda_order(app, *titles: str) -> list[str]:
    """Which of `titles` the agenda on screen lists, top to bottom."""
    agenda = app.screen.query_one("#agenda", OptionList)
    prompts = [str(agenda.get_option_at_index(i).prompt) for i in range(agenda.option_count)]
    return [title for prompt in prompts for title in titles if title in prompt]


def note_in_editor(app) -> str:
    return app.screen.query_one("#editor", TextArea).text


async def test_an_item_the_mentor_adds_appears_in_the_leaders_builder(db_path: Path, session: int) -> None:
    leader, mentor = open_app(db_path), open_app(db_path, role="mentor")
    async with leader.run_test(size=SIZE) as lp, mentor.run_test(size=SIZE) as mp:
        await open_screen(lp, "s", AgendaBuilderScreen)
        await open_screen(mp, "s", AgendaBuilderScreen)
        await mp.press("ctrl+n")
        await mp.pause()
        await type_into(mp, title="Reels vs Shorts", minutes="5")
        await mp.press("enter")
        await lp.pause(SYNC_WAIT)
        text = screen_text(leader)
        assert "Reels vs Shorts" in text
        assert "Planned 15 of 45 min" in text
        line = next(line for line in text.splitlines() if "Reels vs Shorts" in line)
        assert "· mentor" in line  # credited to the person in the other window


async def test_reorder_and_removal_reach_the_other_window(db_path: Path, store: Store, session: int) -> None:
    store.add_agenda_item(session, title="Our all-hands", proposed_by="mentor")
    leader, mentor = open_app(db_path), open_app(db_path, role="mentor")
    async with leader.run_test(size=SIZE) as lp, mentor.run_test(size=SIZE, notifications=True) as mp:
        await open_screen(lp, "s", AgendaBuilderScreen)
        mentors = await open_screen(mp, "s", AgendaBuilderScreen)
        mentors.query_one("#agenda").focus()
        titles = ("A real task in Notion", "Our all-hands")
        assert agenda_order(leader, *titles) == ["A real task in Notion", "Our all-hands"]
        await mp.press("down", "ctrl+up")
        await lp.pause(SYNC_WAIT)
        assert agenda_order(leader, *titles) == ["Our all-hands", "A real task in Notion"]
        await mp.press("delete")
        await lp.pause(SYNC_WAIT)
        assert agenda_order(leader, *titles) == ["A real task in Notion"]
        assert "Our all-hands" not in screen_text(leader)
        await mp.press("delete")  # the leader's item: the mentor removes only their own
        await lp.pause(SYNC_WAIT)
        assert "may not remove an item the leader proposed" in toasts(mentor)
        assert agenda_order(leader, *titles) == ["A real task in Notion"]


async def test_the_meeting_starting_and_notes_typed_reach_the_other_window(db_path: Path, session: int) -> None:
    leader, mentor = open_app(db_path), open_app(db_path, role="mentor")
    async with leader.run_test(size=SIZE) as lp, mentor.run_test(size=SIZE) as mp:
        await open_screen(lp, "l", LiveSessionScreen)
        mentors = await open_screen(mp, "l", LiveSessionScreen)
        assert "End" not in {command.title for command in mentor.get_system_commands(mentors)}
        await lp.press("f5")
        await mp.pause(SYNC_WAIT)
        assert "LIVE" in screen_text(mentor)
        # The mentor's window knows the meeting is on: F5 now offers to end it.
        assert "End" in {command.title for command in mentor.get_system_commands(mentors)}
        await lp.press(*"boards not docs")
        await wait_for_autosave(lp)
        await mp.pause(SYNC_WAIT)
        assert "✎1" in screen_text(mentor)  # the leader's shared note, counted on the item
        labels = [str(tab.label) for tab in mentors.query(Tab)]
        assert any(label.startswith("leader · shared") for label in labels)


async def test_typing_over_another_windows_edit_keeps_both_and_says_so(
    db_path: Path, store: Store, session: int
) -> None:
    item = store.agenda(session)[0].id
    first = store.save_note(NoteText(None, session, item, "leader", "shared", "We agreed"))
    assert first is not None
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_screen(pilot, "l", LiveSessionScreen)
        assert note_in_editor(app) == "We agreed"
        await pilot.press("space")
        # The other window saves its own change to the same note between this one's
        # first keystroke and its autosave: both grew from version 1.
        other = Store.open(db_path)
        other.save_note(NoteText(first.note_id, session, item, "leader", "shared", "We agreed on weekly demos", 1))
        other.close()
        await pilot.press(*"on boards")
        await wait_for_autosave(pilot)
        await pilot.pause(SYNC_WAIT)
        bodies = sorted(n.body for n in store.notes(session, item, "leader"))
        assert bodies == ["We agreed on boards", "We agreed on weekly demos"]
        assert note_in_editor(app) == "We agreed on boards"  # the editor keeps what was typed here
        assert "Both versions kept" in toasts(app)
        assert "⚠ written at the same time as another note here" in screen_text(app)
        assert any("clash" in str(tab.label) for tab in screen.query(Tab))
        await pilot.press(*" and more")
        await wait_for_autosave(pilot)
        # From then on the editor writes to its own copy, without clashing again.
        assert sorted(n.body for n in store.notes(session, item, "leader")) == [
            "We agreed on boards and more", "We agreed on weekly demos"]


async def test_a_clashing_item_edit_shows_both_versions_in_the_builder(
    db_path: Path, store: Store, session: int
) -> None:
    item = store.agenda(session)[0]
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_screen(pilot, "s", AgendaBuilderScreen)
        builder.query_one("#agenda").focus()
        titles = ("Notion for the board pack", "Plan my week in Notion")
        await pilot.press("ctrl+e")
        await pilot.pause()
        await type_into(pilot, title="Plan my week in Notion")
        store.edit_agenda_item(item.id, title="Notion for the board pack", minutes=10, prompt="", base=item)
        await pilot.press("enter")
        await pilot.pause(SYNC_WAIT)
        assert agenda_order(app, *titles) == ["Notion for the board pack", "Plan my week in Notion"]
        assert "⚠ edited at the same time" in screen_text(app).replace("\n", "")  # the agenda wraps its lines
        assert "Both versions kept" in toasts(app)


async def test_the_mentors_window_hides_private_notes_even_when_made_private_while_open(
    db_path: Path, store: Store, session: int
) -> None:
    item = store.agenda(session)[0].id
    note = store.save_note(NoteText(None, session, item, "leader", "shared", "fine to share"))
    store.save_note(NoteText(None, session, item, "leader", "off_record", "the reorg rumour"))
    assert note is not None
    mentor = open_app(db_path, role="mentor")
    async with mentor.run_test(size=SIZE) as mp:
        screen = await open_screen(mp, "l", LiveSessionScreen)
        labels = [str(tab.label) for tab in screen.query(Tab)]
        assert labels == ["leader · shared", "mentor · shared · new"]  # no off-record tab
        assert "reorg" not in screen_text(mentor) and "reorg" not in note_in_editor(mentor)
        await mp.press("shift+tab", "left")  # the leader's shared note's tab
        await mp.pause()
        assert note_in_editor(mentor) == "fine to share"
        store.set_note_visibility(note.note_id, "private")  # the leader, in their window
        await mp.pause(SYNC_WAIT)
        assert "fine to share" not in note_in_editor(mentor)
        assert "fine to share" not in screen_text(mentor)
        assert [str(tab.label) for tab in screen.query(Tab)] == ["mentor · shared · new"]


async def test_the_mentors_window_credits_the_mentor_and_exports_shared_notes_only(
    db_path: Path, store: Store, session: int
) -> None:
    mentor = open_app(db_path, role="mentor")
    async with mentor.run_test(size=SIZE, notifications=True) as mp:
        await mp.pause()
        await mp.press("f4")  # not offered in the mentor's window: it speaks for the mentor alone
        assert mentor.speaker == "mentor"
        await open_screen(mp, "x", ExportFormScreen)
        assert not mentor.screen.query("#private")
        assert [c.id for c in mentor.screen.query(Checkbox)] == ["replace"]


async def test_the_served_mentors_view_shows_their_mentorship_alone(db_path: Path, store: Store, session: int) -> None:
    other = store.create_mentorship(draft(mentor="Priya Nair"))
    store.add_follow_up(other, title="Priya's reading list", owner="mentor", due="+7d")
    sam = store.get_session(session).mentorship_id
    store.add_follow_up(sam, title="Try the scheduler", owner="leader", due="+7d")
    mentor = open_app(db_path, role="mentor", only=str(sam))
    async with mentor.run_test(size=SIZE) as mp:
        await mp.pause()
        home_screen = mentor.screen
        assert home_screen.title == "rm-tui · mentor's view"  # in the header of every screen
        home = screen_text(mentor)
        assert "Sam Ortiz" in home and "Priya" not in home
        await mp.press("n", "e", "w", "g")  # admin, the ask, the goals: the leader's alone
        await mp.pause()
        assert mentor.screen is home_screen
        await mp.press("f6")
        await mp.pause()
        follow_ups = screen_text(mentor)
        assert "Try the scheduler" in follow_ups and "Priya" not in follow_ups


async def test_the_meeting_moving_on_elsewhere_waits_until_this_window_stops_typing(
    db_path: Path, store: Store, session: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rm_tui.meeting_place

    monkeypatch.setattr(rm_tui.meeting_place, "FOLLOW_WHEN_IDLE_FOR", 1.0)
    first = store.agenda(session)[0].id
    second = store.add_agenda_item(session, title="Our all-hands", proposed_by="leader")
    store.start_session(session)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "l", LiveSessionScreen)
        agenda = screen.query_one("#agenda", OptionList)
        assert agenda.highlighted == 0 and "A real task in Notion" in str(screen.query_one("#item-heading").render())
        await pilot.press(*"boards")
        store.go_to_item(session, second)  # the mentor's window moves the meeting on
        await pilot.pause(0.4)
        # Not pulled away mid-word: the same item, the same note.
        assert agenda.highlighted == 0 and "A real task in Notion" in str(screen.query_one("#item-heading").render())
        assert note_in_editor(app) == "boards"
        await pilot.pause(1.8)
        # Followed once the typing stopped.
        assert agenda.highlighted == 1 and "Our all-hands" in str(screen.query_one("#item-heading").render())
        assert note_in_editor(app) == ""
        await wait_for_autosave(pilot)
        assert [n.body for n in store.notes(session, first, "leader")] == ["boards"]


async def test_follow_ups_agreed_in_one_window_appear_in_the_others_list(
    db_path: Path, store: Store, session: int
) -> None:
    sam = store.get_session(session).mentorship_id
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert "Send the creator list" not in screen_text(app)
        follow_up = store.add_follow_up(sam, title="Send the creator list", owner="mentor", due="+7d")
        await pilot.pause(SYNC_WAIT)
        assert "Send the creator list" in screen_text(app)
        store.set_follow_up_status(follow_up, "done")
        await pilot.pause(SYNC_WAIT)
        assert "Send the creator list" not in screen_text(app)  # the list shows open ones
