"""What carries from one meeting to the next, and deciding about stale items: do it or drop it."""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.store import Store
from rm_tui.store.connection import connect, immediate, migrate
from tests.conftest import TODAY, draft


@pytest.fixture
def mentorship(store: Store) -> int:
    return store.create_mentorship(draft(cadence_days=14))


def agenda(store: Store, session_id: int) -> list[tuple[str, int]]:
    """What the builder shows: each item's title and its ↻ count."""
    return [(item.title, item.carry_count) for item in store.agenda(session_id)]


def hold(store: Store, session_id: int) -> None:
    """Meet: start and end the session, discussing nothing."""
    store.start_session(session_id)
    store.end_session(session_id)


def test_items_carry_only_once_their_session_is_held_and_only_once(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    store.add_agenda_item(a, title="Walk me through Notion", proposed_by="leader")
    b = store.plan_session(mentorship)
    assert agenda(store, b) == []  # A has not happened: nothing in it was "not reached" yet

    hold(store, a)
    assert agenda(store, b) == [("Walk me through Notion", 1)]

    c = store.plan_session(mentorship)
    assert agenda(store, c) == []  # already on B's agenda
    assert agenda(store, b) == [("Walk me through Notion", 1)]


def test_discussed_items_are_not_carried(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    done = store.add_agenda_item(a, title="Discussed", proposed_by="leader")
    store.add_agenda_item(a, title="Not reached", proposed_by="mentor")
    b = store.plan_session(mentorship)
    store.start_session(a)
    store.set_item_status(done, "discussed")
    store.end_session(a)
    assert agenda(store, b) == [("Not reached", 1)]


def test_an_item_discussed_before_its_session_ends_is_not_carried_by_a_later_plan(
    store: Store, mentorship: int
) -> None:
    a = store.plan_session(mentorship)
    item = store.add_agenda_item(a, title="Walk me through Notion", proposed_by="leader")
    store.plan_session(mentorship)  # before the meeting: this used to copy the item already
    store.start_session(a)
    store.set_item_status(item, "discussed")
    store.end_session(a)
    assert agenda(store, store.plan_session(mentorship)) == []


def test_a_follow_up_agreed_during_a_meeting_reaches_the_next_one_when_it_ends(
    store: Store, mentorship: int
) -> None:
    a = store.plan_session(mentorship)
    b = store.plan_session(mentorship)
    store.start_session(a)
    store.add_follow_up(mentorship, title="Try Notion AI", owner="leader", due="+7d", session_id=a)
    assert agenda(store, b) == [("Follow-up: Try Notion AI", 1)]  # B is already planned: it joins at once
    store.end_session(a)
    assert agenda(store, b) == [("Follow-up: Try Notion AI", 1)]
    assert agenda(store, store.plan_session(mentorship)) == []  # B has it already


def test_planning_twice_does_not_duplicate(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    store.add_agenda_item(a, title="Reels vs Shorts", proposed_by="mentor")
    store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=a)
    store.set_session_status(a, "held")
    first, second = store.plan_session(mentorship), store.plan_session(mentorship)
    assert agenda(store, first) == [("Follow-up: Send the deck", 1), ("Reels vs Shorts", 1)]
    assert agenda(store, second) == []
    with immediate(store.db):  # running it again on the same session adds nothing either
        assert store._bring_in_carry_over(first) == 0
    assert len(store.agenda(first)) == 2


def test_carry_over_goes_before_what_was_already_planned(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    store.add_agenda_item(a, title="Not reached", proposed_by="mentor")
    b = store.plan_session(mentorship)
    store.add_agenda_item(b, title="New topic", proposed_by="leader")
    store.start_session(a)
    store.add_follow_up(mentorship, title="Try Notion AI", owner="leader", due="+7d", session_id=a)
    store.end_session(a)
    # The follow-up joined B, last, when it was agreed; what A did not reach comes in at the top when A ends.
    assert agenda(store, b) == [("Not reached", 1), ("New topic", 0), ("Follow-up: Try Notion AI", 1)]
    assert [item.position for item in store.agenda(b)] == [0, 1, 2]


def test_cancelling_the_session_that_holds_the_carry_over_passes_it_on(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    store.add_agenda_item(a, title="Walk me through Notion", proposed_by="leader")
    hold(store, a)
    b = store.plan_session(mentorship)
    c = store.plan_session(mentorship)
    assert agenda(store, c) == []
    store.cancel_session(b)
    assert agenda(store, c) == [("Walk me through Notion", 1)]


def test_only_the_latest_held_session_counts(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    store.add_agenda_item(a, title="From A", proposed_by="leader")
    hold(store, a)
    b = store.plan_session(mentorship)
    (carried,) = store.agenda(b)
    store.remove_agenda_item(carried.id)  # not for this meeting
    store.add_agenda_item(b, title="From B", proposed_by="mentor")
    hold(store, b)
    assert agenda(store, store.plan_session(mentorship)) == [("From B", 1)]  # A is further back


def stale_item(store: Store, mentorship: int) -> tuple[int, int]:
    """An item carried to a third meeting without being reached: (session, item)."""
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="Try the AI note-taker", proposed_by="mentor")
    for _ in range(3):
        hold(store, session)
        session = store.plan_session(mentorship)
    (item,) = store.agenda(session)
    return session, item.id


def test_keeping_a_stale_item_clears_the_flag_for_this_meeting_only(store: Store, mentorship: int) -> None:
    session, item_id = stale_item(store, mentorship)
    item = store.get_agenda_item(item_id)
    assert (item.carry_count, item.is_stale, item.kept) == (3, True, False)
    store.keep_item(item_id)
    kept = store.get_agenda_item(item_id)
    assert (kept.is_stale, kept.kept) == (False, True)
    assert kept.version == item.version + 1

    hold(store, session)  # they meant to, but did not get to it
    (carried,) = store.agenda(store.plan_session(mentorship))
    assert (carried.carry_count, carried.kept, carried.is_stale) == (4, False, True)


def test_dropping_a_follow_up_item_stops_it_coming_back(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    follow_up = store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=a)
    store.set_session_status(a, "held")
    b = store.plan_session(mentorship)
    (item,) = store.agenda(b)
    store.drop_item(item.id)
    assert store.agenda(b) == []
    assert store.get_follow_up(follow_up).status == "dropped"
    hold(store, b)
    assert agenda(store, store.plan_session(mentorship)) == []


def test_removing_is_not_dropping_the_follow_up_stays_open(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    follow_up = store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=a)
    store.set_session_status(a, "held")
    (item,) = store.agenda(store.plan_session(mentorship))
    store.remove_agenda_item(item.id)
    assert store.get_follow_up(follow_up).status == "open"


def test_dropping_a_carried_item_stops_it_coming_back(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    store.add_agenda_item(a, title="Try the AI note-taker", proposed_by="mentor")
    hold(store, a)
    b = store.plan_session(mentorship)
    (item,) = store.agenda(b)
    store.drop_item(item.id)
    assert agenda(store, store.plan_session(mentorship)) == []
    store.cancel_session(b)  # even with B gone, A's copy stays dropped
    assert agenda(store, store.plan_session(mentorship)) == []
    assert store.agenda(a)[0].status == "dropped"


def test_undoing_a_drop_restores_the_item_and_its_follow_up(store: Store, mentorship: int) -> None:
    a = store.plan_session(mentorship)
    follow_up = store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=a)
    store.add_agenda_item(a, title="Try the AI note-taker", proposed_by="mentor")
    hold(store, a)
    b = store.plan_session(mentorship)
    before = agenda(store, b)
    assert before == [("Follow-up: Send the deck", 1), ("Try the AI note-taker", 1)]
    dropped = [store.drop_item(item.id) for item in store.agenda(b)]
    assert store.agenda(b) == []
    for removed in reversed(dropped):
        store.restore_agenda_item(removed)
    assert agenda(store, b) == before
    assert store.get_follow_up(follow_up).status == "open"
    assert store.agenda(a)[0].status == "open"
    assert agenda(store, store.plan_session(mentorship)) == []  # back on B, so not carried twice


def test_a_schema_7_database_gains_kept_with_its_items_undecided(tmp_path: Path) -> None:
    path = tmp_path / "schema7.db"
    db = connect(path)
    migrate(db, target=7)
    db.execute("INSERT INTO mentorships (leader, mentor) VALUES ('Dana', 'Sam')")
    db.execute("INSERT INTO sessions (mentorship_id, scheduled_on) VALUES (1, '2026-11-24')")
    db.execute(
        "INSERT INTO agenda_items (session_id, position, title, proposed_by, carry_count) "
        "VALUES (1, 0, 'Try the AI note-taker', 'mentor', 3)"
    )
    db.commit()
    db.close()
    store = Store.open(path, today=lambda: TODAY)
    try:
        (item,) = store.agenda(1)
        assert (item.title, item.kept, item.is_stale) == ("Try the AI note-taker", False, True)
        store.keep_item(item.id)
        assert not store.get_agenda_item(item.id).is_stale
    finally:
        store.close()


def test_a_follow_up_agreed_between_meetings_joins_the_planned_agenda_and_nothing_else_returns(store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    held = store.plan_session(mentorship)
    store.add_agenda_item(held, title="Not reached", minutes=10, proposed_by="leader")
    store.set_session_status(held, "held")
    planned = store.plan_session(mentorship)
    (carried,) = store.agenda(planned)
    store.remove_agenda_item(carried.id)  # the pair took it off this agenda
    store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None)
    assert [(i.title, i.carry_count) for i in store.agenda(planned)] == [("Follow-up: Send the deck", 1)]


def test_calling_off_one_session_never_brings_back_what_was_removed_from_another(store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    held = store.plan_session(mentorship)
    store.add_agenda_item(held, title="Not reached", proposed_by="leader")
    store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=held)
    store.set_session_status(held, "held")
    first, second = store.plan_session(mentorship), store.plan_session(mentorship)
    for item in store.agenda(first):
        store.remove_agenda_item(item.id)  # the pair took them off this agenda
    store.cancel_session(second)
    assert store.agenda(first) == []


def test_a_follow_up_done_or_renamed_leaves_or_follows_the_planned_agenda(store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    meeting = store.plan_session(mentorship)
    planned = store.plan_session(mentorship)
    store.start_session(meeting)
    follow_up = store.add_follow_up(mentorship, title="Send deck", owner="mentor", due=None, session_id=meeting)
    store.edit_follow_up(follow_up, title="Send the launch deck", owner="leader", due=None)
    assert [(i.title, i.proposed_by) for i in store.agenda(planned)] == [("Follow-up: Send the launch deck", "leader")]
    store.set_follow_up_status(follow_up, "done")
    assert store.agenda(planned) == []
    store.set_follow_up_status(follow_up, "open")  # undone
    assert [i.title for i in store.agenda(planned)] == ["Follow-up: Send the launch deck"]


def test_undo_brings_an_item_back_even_when_its_id_was_given_to_a_new_one(store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    removed = store.remove_agenda_item(store.add_agenda_item(session, title="Old", proposed_by="leader"))
    store.add_agenda_item(session, title="New", proposed_by="mentor")  # SQLite may reuse the freed id
    store.restore_agenda_item(removed)
    assert sorted(i.title for i in store.agenda(session)) == ["New", "Old"]
