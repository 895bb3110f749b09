"""Standing items: pinned once, an item joins every planned agenda, and never twice.

"What's on your mind?" belongs in every meeting. Pinning it makes it a standing item:
each agenda still to come gets one copy, carry-over never adds a second, and
unpinning stops it joining new ones.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.errors import Forbidden, ValidationError
from rm_tui.models import NoteText
from rm_tui.scope import MENTOR
from rm_tui.store import Store
from tests.conftest import TODAY, FakeClock, draft

MIND = "What's on your mind?"


@pytest.fixture
def mentorship(store: Store) -> int:
    return store.create_mentorship(draft(cadence_days=14))


def titles(store: Store, session_id: int) -> list[str]:
    return [item.title for item in store.agenda(session_id)]


def hold(store: Store, session_id: int) -> None:
    """Meet: start and end the session, discussing nothing."""
    store.start_session(session_id)
    store.end_session(session_id)


def pinned_mind(store: Store, mentorship: int) -> tuple[int, int]:
    """A planned session whose "What's on your mind?" is pinned: (session, item)."""
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title=MIND, prompt="Anything at all", minutes=5, proposed_by="mentor")
    store.pin_agenda_item(item)
    return session, item


def test_a_pinned_item_joins_each_new_planned_agenda_once(store: Store, mentorship: int) -> None:
    first, item = pinned_mind(store, mentorship)
    assert store.get_agenda_item(item).is_pinned
    [standing] = store.standing_items(mentorship)
    assert (standing.title, standing.prompt, standing.minutes, standing.proposed_by) == (
        MIND, "Anything at all", 5, "mentor")

    hold(store, first)
    second = store.plan_session(mentorship)
    [copy] = store.agenda(second)
    assert (copy.title, copy.prompt, copy.minutes, copy.proposed_by) == (MIND, "Anything at all", 5, "mentor")
    assert copy.is_pinned and not copy.is_carried  # there because it stands, not because it was missed

    store.add_agenda_item(second, title="Reels vs Shorts", proposed_by="leader")
    hold(store, second)
    third = store.plan_session(mentorship)
    assert titles(store, third) == ["Reels vs Shorts", MIND]  # the unreached item carries; the standing one is there


def test_pinning_joins_agendas_already_planned_and_pinning_again_changes_nothing(
    store: Store, mentorship: int
) -> None:
    first = store.plan_session(mentorship)
    second = store.plan_session(mentorship)  # kept both
    item = store.add_agenda_item(first, title=MIND, proposed_by="leader")
    standing = store.pin_agenda_item(item)
    assert titles(store, second) == [MIND]
    assert store.pin_agenda_item(item) == standing
    assert store.pin_agenda_item(store.agenda(second)[0].id) == standing
    assert titles(store, first) == [MIND] and titles(store, second) == [MIND]
    assert len(store.standing_items(mentorship)) == 1


def test_an_item_of_the_same_title_already_on_an_agenda_becomes_its_copy(store: Store, mentorship: int) -> None:
    first = store.plan_session(mentorship)
    second = store.plan_session(mentorship)
    typed = store.add_agenda_item(second, title="what's ON your mind?", proposed_by="leader")
    store.pin_agenda_item(store.add_agenda_item(first, title=MIND, proposed_by="leader"))
    assert titles(store, second) == ["what's ON your mind?"]
    assert store.get_agenda_item(typed).is_pinned


def test_replanning_and_calling_off_never_add_a_second_copy(store: Store, mentorship: int) -> None:
    first, _ = pinned_mind(store, mentorship)
    hold(store, first)
    second = store.plan_session(mentorship)
    moved = store.plan_session(mentorship, scheduled_on="2026-12-30", if_planned="move")
    assert moved == second and titles(store, second) == [MIND]
    third = store.plan_session(mentorship)  # kept both
    store.cancel_session(second)
    assert titles(store, third) == [MIND]


def test_a_pinned_carried_item_is_not_carried_again(store: Store, mentorship: int) -> None:
    first = store.plan_session(mentorship)
    store.add_agenda_item(first, title="One thing I tried since last time", proposed_by="leader")
    hold(store, first)
    second = store.plan_session(mentorship)
    [carried] = store.agenda(second)
    store.pin_agenda_item(carried.id)
    third = store.plan_session(mentorship)
    store.cancel_session(second)  # what was carried into it moves on: the pinned copy is there already
    assert titles(store, third) == ["One thing I tried since last time"]


def test_two_windows_pinning_the_same_item_make_one_standing_item(
    store: Store, mentorship: int, db_path: Path, clock: FakeClock
) -> None:
    session = store.plan_session(mentorship)
    other = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title=MIND, proposed_by="leader")
    second_window = Store.open(db_path, today=lambda: TODAY, now=clock)
    try:
        store.pin_agenda_item(item)
        second_window.pin_agenda_item(item)
        assert len(second_window.standing_items(mentorship)) == 1
    finally:
        second_window.close()
    assert titles(store, other) == [MIND]


def test_unpinning_stops_it_joining_and_keeps_what_the_pair_touched(store: Store, mentorship: int) -> None:
    first, item = pinned_mind(store, mentorship)
    second = store.plan_session(mentorship)
    third = store.plan_session(mentorship)
    [noted] = store.agenda(third)
    store.save_note(NoteText(None, third, noted.id, "leader", "shared", "ask about the offsite"))
    standing = store.get_agenda_item(item).standing_id
    assert standing is not None

    store.unpin_standing_item(standing, keeping=item)
    assert store.standing_items(mentorship) == []
    assert not store.get_agenda_item(item).is_pinned  # still on the agenda it was unpinned on
    assert titles(store, second) == []  # nobody had touched this copy
    assert titles(store, third) == [MIND] and not store.agenda(third)[0].is_pinned  # its note keeps it
    hold(store, first)
    assert titles(store, store.plan_session(mentorship)) == []


def test_pinning_again_after_unpinning_brings_back_the_same_standing_item(store: Store, mentorship: int) -> None:
    _, item = pinned_mind(store, mentorship)
    standing = store.get_agenda_item(item).standing_id
    assert standing is not None
    store.unpin_standing_item(standing, keeping=item)
    assert store.pin_agenda_item(item) == standing
    assert [s.title for s in store.standing_items(mentorship)] == [MIND]


def test_a_follow_ups_item_cannot_be_pinned_and_nothing_changes(store: Store, mentorship: int) -> None:
    store.add_follow_up(mentorship, title="Watch three reels", owner="leader", due="+7d")
    session = store.plan_session(mentorship)
    [follow_up_item] = store.agenda(session)
    before = list(store.db.iterdump())
    with pytest.raises(ValidationError, match="can't be pinned"):
        store.pin_agenda_item(follow_up_item.id)
    assert list(store.db.iterdump()) == before


def test_the_mentors_window_may_not_pin_or_unpin_and_nothing_changes(
    store: Store, mentorship: int, db_path: Path, clock: FakeClock
) -> None:
    _, item = pinned_mind(store, mentorship)
    other = store.add_agenda_item(store.plan_session(mentorship), title="Reels", proposed_by="mentor")
    standing = store.get_agenda_item(item).standing_id
    assert standing is not None
    mentor = Store.open(db_path, scope=MENTOR, today=lambda: TODAY, now=clock)
    try:
        before = list(mentor.db.iterdump())
        with pytest.raises(Forbidden, match=r"^The mentor's window may not pin or unpin standing items"):
            mentor.pin_agenda_item(other)
        with pytest.raises(Forbidden, match=r"^The mentor's window may not pin or unpin standing items"):
            mentor.unpin_standing_item(standing)
        assert list(mentor.db.iterdump()) == before
        assert [s.title for s in mentor.standing_items(mentorship)] == [MIND]  # but may see them
    finally:
        mentor.close()


def test_removing_a_copy_and_undoing_it_keeps_it_pinned(store: Store, mentorship: int) -> None:
    session, item = pinned_mind(store, mentorship)
    removed = store.remove_agenda_item(item)
    assert titles(store, session) == []  # removed from this agenda: it does not come back by itself
    restored = store.restore_agenda_item(removed)
    assert store.get_agenda_item(restored).is_pinned
