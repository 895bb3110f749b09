"""The end of a meeting: an item with notes or time on its timer was discussed, marked or not.

The summary, carry-over and the Markdown export read one answer, and the pair may
change it for any item not marked done, before or after the end.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.errors import ValidationError
from rm_tui.exporting import ExportRequest, render
from rm_tui.models import NoteText
from rm_tui.scope import MENTOR
from rm_tui.store import Store
from rm_tui.store.connection import connect, migrate
from tests.conftest import TODAY, FakeClock, draft

TITLES = ("Marked done", "Notes only", "Time only", "Untouched")


@pytest.fixture
def meeting(store: Store, clock: FakeClock) -> tuple[int, int, list[int]]:
    """A running meeting: one item marked done, one with a note only, one with time only, one untouched."""
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    items = [store.add_agenda_item(session, title=title, proposed_by="leader", minutes=10) for title in TITLES]
    store.start_session(session)  # the first item is on
    clock.advance(minutes=8)
    store.set_item_status(items[0], "discussed")
    store.save_note(NoteText(None, session, items[1], "leader", "shared", "She shows the work, not the result."))
    store.go_to_item(session, items[2])
    clock.advance(minutes=6)
    store.go_to_item(session, None)  # the session as a whole: no item's clock runs
    return mentorship, session, items


def sections(store: Store, session: int) -> tuple[list[str], list[str], list[str]]:
    """The titles under Done, Discussed and Not reached, as the summary lists them."""
    summary = store.session_summary(session)
    return ([t.item.title for t in summary.done], [t.item.title for t in summary.discussed],
            [t.item.title for t in summary.not_reached])


def titles(store: Store, session: int) -> list[str]:
    return [item.title for item in store.agenda(session)]


def test_notes_or_time_count_as_discussed_and_only_the_untouched_item_carries_over(store: Store, meeting) -> None:
    mentorship, session, _ = meeting
    assert sections(store, session) == (["Marked done"], ["Notes only", "Time only"], ["Untouched"])
    store.end_session(session)
    assert sections(store, session) == (["Marked done"], ["Notes only", "Time only"], ["Untouched"])
    assert titles(store, store.plan_session(mentorship)) == ["Untouched"]


def test_the_export_says_what_the_summary_says(store: Store, meeting) -> None:
    _, session, _ = meeting
    store.end_session(session)
    text = render(store, ExportRequest(session_id=session))
    assert "8:00 spent of 10 min · done" in text
    notes_only = text.split("## 2. Notes only")[1].split("## 3.")[0]
    assert "10 min planned · discussed" in notes_only and "not reached" not in notes_only
    assert "> She shows the work, not the result." in notes_only
    assert "6:00 spent of 10 min · discussed" in text
    assert "10 min planned · not reached, carries over" in text.split("## 4. Untouched")[1]


def test_a_glance_while_moving_down_the_agenda_is_not_a_discussion(store: Store, clock: FakeClock) -> None:
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    first, passed = (store.add_agenda_item(session, title=t, proposed_by="leader") for t in ("First", "Passed"))
    store.start_session(session)
    store.go_to_item(session, passed)
    clock.advance(seconds=59)
    store.go_to_item(session, first)
    clock.advance(seconds=1)
    summary = store.end_session(session)
    assert [(t.item.title, t.seconds) for t in summary.not_reached] == [("First", 1), ("Passed", 59)]


def test_the_pair_says_otherwise_during_the_meeting_and_the_end_keeps_their_word(store: Store, meeting) -> None:
    mentorship, session, items = meeting
    store.set_carry_over(items[1], True)  # notes, but they want it again next time
    store.set_carry_over(items[3], False)  # they did talk about it, without notes
    assert sections(store, session) == (["Marked done"], ["Time only", "Untouched"], ["Notes only"])
    store.end_session(session)
    assert sections(store, session) == (["Marked done"], ["Time only", "Untouched"], ["Notes only"])
    assert titles(store, store.plan_session(mentorship)) == ["Notes only"]
    text = render(store, ExportRequest(session_id=session))
    assert "not reached, carries over" in text.split("## 2. Notes only")[1].split("## 3.")[0]
    assert "not reached" not in text.split("## 4. Untouched")[1]


def test_after_the_end_the_next_agenda_follows_the_pairs_word(store: Store, meeting) -> None:
    mentorship, session, items = meeting
    following = store.plan_session(mentorship, scheduled_on="2026-12-08")
    store.add_agenda_item(following, title="New topic", proposed_by="mentor")
    store.end_session(session)
    assert titles(store, following) == ["Untouched", "New topic"]
    store.set_carry_over(items[2], True)
    assert titles(store, following) == ["Time only", "Untouched", "New topic"]
    store.set_carry_over(items[3], False)
    assert titles(store, following) == ["Time only", "New topic"]
    assert sections(store, session) == (["Marked done"], ["Notes only", "Untouched"], ["Time only"])


def test_a_carried_copy_with_notes_stays_on_the_next_agenda(store: Store, meeting) -> None:
    mentorship, session, items = meeting
    store.end_session(session)
    following = store.plan_session(mentorship)
    (copy,) = store.agenda(following)
    store.save_note(NoteText(None, following, copy.id, "leader", "shared", "Prepared questions"))
    store.set_carry_over(items[3], False)
    assert titles(store, following) == ["Untouched"]  # the typing is kept


def test_what_cannot_change_says_why_and_changes_nothing(store: Store, meeting) -> None:
    mentorship, session, items = meeting

    def refused(item: int, message: str) -> None:
        before = list(store.db.iterdump())
        with pytest.raises(ValidationError, match=message):
            store.set_carry_over(item, True)
        assert list(store.db.iterdump()) == before

    refused(items[0], r"^This item is marked done \(ctrl\+o in the meeting opens it again\)$")
    store.end_session(session)
    later = store.plan_session(mentorship)
    store.start_session(later)
    store.end_session(later)
    refused(items[2], "^Only the last meeting's items can still carry over$")
    assert not store.session_summary(session).may_change_carry_over
    planned = store.plan_session(mentorship)
    refused(store.add_agenda_item(planned, title="Not yet", proposed_by="leader"),
            "^Only a meeting that has started decides what carries over$")


def test_a_private_note_counts_for_whom_it_exists_and_the_end_settles_it_for_both(
    store: Store, db_path: Path, clock: FakeClock
) -> None:
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title="Private thoughts", proposed_by="leader")
    store.start_session(session)
    store.go_to_item(session, None)
    store.save_note(NoteText(None, session, item, "leader", "private", "I should try this"))
    mentor = Store.open(db_path, scope=MENTOR, today=lambda: TODAY, now=clock)
    try:
        assert [t.item.title for t in store.session_summary(session).discussed] == ["Private thoughts"]
        assert [t.item.title for t in mentor.session_summary(session).not_reached] == ["Private thoughts"]
        store.end_session(session)
        assert [t.item.title for t in mentor.session_summary(session).discussed] == ["Private thoughts"]
        assert mentor.session_summary(session).discussed[0].notes == 0  # the mentor still sees no note
    finally:
        mentor.close()


def test_meetings_held_before_the_upgrade_keep_what_carried_over(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.touch()
    old = connect(path)
    migrate(old, target=9)  # the release before an item's notes and time counted
    old.execute("INSERT INTO mentorships (leader, mentor) VALUES ('Dana', 'Sam')")
    old.execute("INSERT INTO sessions (mentorship_id, scheduled_on, minutes, status) "
                "VALUES (1, '2026-11-10', 45, 'held')")
    old.execute("INSERT INTO agenda_items (session_id, position, title, proposed_by, elapsed_seconds) "
                "VALUES (1, 0, 'Talked, not marked', 'leader', 600)")
    old.close()
    store = Store.open(path, today=lambda: TODAY)
    try:
        assert [t.item.title for t in store.session_summary(1).not_reached] == ["Talked, not marked"]
        assert titles(store, store.plan_session(1)) == ["Talked, not marked"]
    finally:
        store.close()
