"""Running a meeting in the store: the clock, the current item, notes, follow-ups, the end."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rm_tui.errors import Forbidden, ValidationError
from rm_tui.models import NoteText, SavedNote
from rm_tui.store import Store
from rm_tui.timing import clock_text, item_seconds
from tests.conftest import TODAY, FakeClock, draft


@pytest.fixture
def meeting(store: Store) -> tuple[int, int, list[int]]:
    """A mentorship with a planned session of three items: (mentorship, session, item ids)."""
    mentorship = store.create_mentorship(draft(cadence_days=14))
    session = store.plan_session(mentorship)
    items = [
        store.add_agenda_item(session, title=title, proposed_by=who, minutes=minutes)
        for title, who, minutes in (("Notion, start to finish", "leader", 15),
                                    ("A creator I rate", "mentor", 10),
                                    ("Our all-hands", "leader", 15))
    ]
    return mentorship, session, items


def test_starting_puts_the_first_open_item_on_the_clock(store: Store, meeting, clock: FakeClock) -> None:
    _, session_id, items = meeting
    session = store.start_session(session_id)
    assert session.status == "live"
    assert session.current_item_id == items[0]
    assert session.started_at == clock()
    clock.advance(minutes=16, seconds=5)
    first = store.get_agenda_item(items[0])
    assert item_seconds(first, store.get_session(session_id), clock()) == 16 * 60 + 5


def test_moving_on_banks_the_time_of_the_item_left(store: Store, meeting, clock: FakeClock) -> None:
    _, session_id, items = meeting
    store.start_session(session_id)
    clock.advance(minutes=12)
    store.go_to_item(session_id, items[1])
    clock.advance(minutes=3)
    store.go_to_item(session_id, items[0])  # back to the first: its clock resumes
    clock.advance(minutes=1)
    session = store.get_session(session_id)
    first, second = store.get_agenda_item(items[0]), store.get_agenda_item(items[1])
    assert (item_seconds(first, session, clock()), item_seconds(second, session, clock())) == (13 * 60, 3 * 60)
    store.go_to_item(session_id, None)  # the session as a whole: no item runs
    clock.advance(minutes=5)
    assert item_seconds(store.get_agenda_item(items[0]), store.get_session(session_id), clock()) == 13 * 60


def test_before_the_start_moving_around_writes_nothing(store: Store, meeting) -> None:
    _, session_id, items = meeting
    token = store.change_token()
    store.go_to_item(session_id, items[2])
    assert store.change_token() == token
    assert store.get_session(session_id).current_item_id is None


def test_ending_gives_the_summary_and_what_was_not_reached_carries_over(
    store: Store, meeting, clock: FakeClock
) -> None:
    mentorship, session_id, items = meeting
    store.start_session(session_id)
    clock.advance(minutes=17)
    store.set_item_status(items[0], "discussed")
    store.go_to_item(session_id, items[1])
    clock.advance(minutes=4)
    store.add_follow_up(mentorship, title="Try Notion AI", owner="leader", due="+7d",
                        session_id=session_id, agenda_item_id=items[0])
    summary = store.end_session(session_id)
    assert summary.session.status == "held"
    assert [(t.item.title, t.seconds) for t in summary.done] == [("Notion, start to finish", 17 * 60)]
    assert [(t.item.title, t.seconds) for t in summary.discussed] == [("A creator I rate", 240)]  # time on it
    assert [(t.item.title, t.seconds) for t in summary.not_reached] == [("Our all-hands", 0)]
    assert [f.title for f in summary.follow_ups] == ["Try Notion AI"]
    assert summary.total_seconds == 21 * 60
    clock.advance(hours=2)  # an ended meeting's clock stands still
    assert store.session_summary(session_id).total_seconds == 21 * 60

    following = store.plan_session(mentorship)
    carried = [(i.title, i.carry_count) for i in store.agenda(following)]
    assert ("Our all-hands", 1) in carried and all(title != "A creator I rate" for title, _ in carried)
    assert ("Follow-up: Try Notion AI", 1) in carried
    assert all(title != "Notion, start to finish" for title, _ in carried)


def test_a_session_cannot_end_before_it_starts_or_start_after_it_ends(store: Store, meeting) -> None:
    _, session_id, _ = meeting
    with pytest.raises(ValidationError, match="has not started yet"):
        store.end_session(session_id)
    assert store.get_session(session_id).status == "planned"
    store.start_session(session_id)
    store.end_session(session_id)
    with pytest.raises(ValidationError, match="This session is held"):
        store.start_session(session_id)
    assert store.get_session(session_id).status == "held"


def test_a_new_note_is_created_by_its_first_text_and_updated_after(store: Store, meeting) -> None:
    _, session_id, items = meeting
    assert store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "")) is None
    assert store.notes(session_id, items[0], "leader") == []
    first = store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "first"))
    assert first is not None and first.version == 1
    again = store.save_note(NoteText(first.note_id, session_id, items[0], "leader", "shared", "first draft", 1))
    assert again == SavedNote(first.note_id, 2)
    assert [n.body for n in store.notes(session_id, items[0], "leader")] == ["first draft"]


def test_the_mentor_never_sees_private_or_off_record_notes(store: Store, meeting) -> None:
    _, session_id, items = meeting
    for visibility in ("shared", "private", "off_record"):
        store.save_note(NoteText(None, session_id, items[0], "leader", visibility, f"{visibility} words"))
    store.save_note(NoteText(None, session_id, None, "mentor", "shared", "about the whole meeting"))
    assert [n.body for n in store.notes(session_id, items[0], "mentor")] == ["shared words"]
    assert len(store.notes(session_id, items[0], "leader")) == 3
    assert store.note_counts(session_id, "mentor") == {items[0]: 1, None: 1}
    assert store.note_counts(session_id, "leader") == {items[0]: 3, None: 1}


def test_visibility_changes_and_a_bad_one_is_refused(store: Store, meeting) -> None:
    _, session_id, items = meeting
    note_id = store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "candid")).note_id
    store.set_note_visibility(note_id, "off_record")
    assert store.get_note(note_id).visibility == "off_record"
    with pytest.raises(ValidationError, match="Visibility must be one of"):
        store.set_note_visibility(note_id, "public")
    assert store.get_note(note_id).visibility == "off_record"


def test_a_note_the_mentor_wrote_stays_shared_even_in_the_leaders_window(store: Store, meeting) -> None:
    _, session_id, items = meeting
    # Written at the leader's keyboard while the mentor was speaking (F4), so authored by the mentor.
    note_id = store.save_note(NoteText(None, session_id, items[0], "mentor", "shared", "my take")).note_id
    for visibility in ("private", "off_record"):
        with pytest.raises(Forbidden, match="A note the mentor wrote stays shared"):
            store.set_note_visibility(note_id, visibility)
    assert store.get_note(note_id).visibility == "shared"
    assert [n.body for n in store.notes(session_id, items[0], "mentor")] == ["my take"]  # still theirs to read
    store.set_note_visibility(note_id, "shared")  # no change asked: nothing to refuse


def test_control_characters_never_reach_the_database(store: Store, meeting) -> None:
    _, session_id, items = meeting
    body = "before\x1b[2J\x1b[31mred\x07 tab\there\r\nnext line 日本語 שלום 🎉"
    note_id = store.save_note(NoteText(None, session_id, items[0], "leader", "shared", body)).note_id
    assert store.get_note(note_id).body == "before[2J[31mred tab\there\nnext line 日本語 שלום 🎉"
    item = store.add_agenda_item(session_id, title="\x1b]0;pwned\x07Title", proposed_by="leader")
    assert store.get_agenda_item(item).title == "]0;pwnedTitle"


def test_follow_up_due_defaults_to_the_next_session_and_takes_natural_dates(store: Store, meeting) -> None:
    mentorship, session_id, items = meeting
    assert store.default_follow_up_due(session_id) == TODAY + timedelta(days=14)
    store.add_follow_up(mentorship, title="Share the deck", owner="mentor", due="friday",
                        session_id=session_id, agenda_item_id=items[1])
    store.add_follow_up(mentorship, title="Read the thread", owner="leader", due="", session_id=session_id)
    follow_ups = store.follow_ups_for_session(session_id)
    assert [(f.title, f.owner, f.due_on, f.agenda_item_id) for f in follow_ups] == [
        ("Share the deck", "mentor", date(2026, 11, 27), items[1]),
        ("Read the thread", "leader", None, None),
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  ", "owner": "leader", "due": "+7d"}, "What is to be done cannot be empty"),
        ({"title": "Ship it", "owner": "boss", "due": "+7d"}, "The owner must be one of: leader, mentor"),
        ({"title": "Ship it", "owner": "leader", "due": "someday"}, "'someday' is not a date"),
    ],
)
def test_a_bad_follow_up_is_refused_and_nothing_saved(store: Store, meeting, fields, message) -> None:
    mentorship, session_id, _ = meeting
    with pytest.raises(ValidationError, match=message):
        store.add_follow_up(mentorship, session_id=session_id, **fields)
    assert store.follow_ups_for_session(session_id) == []


def test_clock_text() -> None:
    assert [clock_text(s) for s in (0, 65, 15 * 60, 3725)] == ["0:00", "1:05", "15:00", "1:02:05"]
