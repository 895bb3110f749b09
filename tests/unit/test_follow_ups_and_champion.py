"""Follow-ups across mentorships, and the champion log with its nudge."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rm_tui.errors import ValidationError
from rm_tui.models import FollowUpRow
from rm_tui.store import Store
from tests.conftest import TODAY, draft


@pytest.fixture
def two(store: Store) -> tuple[int, int]:
    return store.create_mentorship(draft(mentor="Sam")), store.create_mentorship(draft(mentor="Priya"))


def titles(rows: list[FollowUpRow]) -> list[str]:
    return [row.follow_up.title for row in rows]


def test_filters_by_state_owner_and_mentorship(store: Store, two) -> None:
    sam, priya = two
    late = store.add_follow_up(sam, title="Late one", owner="leader", due=TODAY - timedelta(days=2))
    store.add_follow_up(sam, title="Soon", owner="mentor", due="+3d")
    store.add_follow_up(priya, title="Someday", owner="leader", due=None)
    finished = store.add_follow_up(priya, title="Finished", owner="leader", due="+1d")
    store.set_follow_up_status(finished, "done")
    assert titles(store.list_follow_ups("open")) == ["Late one", "Soon", "Someday"]
    assert titles(store.list_follow_ups("overdue")) == ["Late one"]
    assert titles(store.list_follow_ups("done")) == ["Finished"]
    assert titles(store.list_follow_ups("all")) == ["Late one", "Soon", "Someday", "Finished"]
    assert titles(store.list_follow_ups("open", owner="mentor")) == ["Soon"]
    assert titles(store.list_follow_ups("all", mentorship_id=priya)) == ["Someday", "Finished"]
    (row,) = store.list_follow_ups("overdue")
    assert row.mentor == "Sam" and row.is_overdue(TODAY) and row.follow_up.id == late
    with pytest.raises(ValidationError, match="Show must be one of"):
        store.list_follow_ups("late")


def test_done_and_dropped_can_be_undone(store: Store, two) -> None:
    sam, _ = two
    follow_up = store.add_follow_up(sam, title="Try it", owner="leader", due="+7d")
    assert store.set_follow_up_status(follow_up, "dropped") == "open"
    assert store.get_follow_up(follow_up).status == "dropped"
    store.set_follow_up_status(follow_up, "open")  # undo
    assert store.get_follow_up(follow_up).status == "open"


def test_edit_refuses_bad_input_and_keeps_the_old(store: Store, two) -> None:
    sam, _ = two
    follow_up = store.add_follow_up(sam, title="Try it", owner="leader", due="2026-12-01")
    with pytest.raises(ValidationError, match="'whenever' is not a date"):
        store.edit_follow_up(follow_up, title="Try it properly", owner="leader", due="whenever")
    with pytest.raises(ValidationError, match="cannot be empty"):
        store.edit_follow_up(follow_up, title=" ", owner="leader", due="+1d")
    changed = store.get_follow_up(follow_up)
    assert (changed.title, changed.due_on) == ("Try it", date(2026, 12, 1))
    store.edit_follow_up(follow_up, title="Try it properly", owner="mentor", due="friday")
    assert (store.get_follow_up(follow_up).title, store.get_follow_up(follow_up).due_on) == (
        "Try it properly", date(2026, 11, 27))


def _held(store: Store, mentorship: int, on: date) -> int:
    session = store.plan_session(mentorship, scheduled_on=on)
    store.set_session_status(session, "held")
    return session


def test_the_nudge_comes_after_two_sessions_with_nothing_logged(store: Store, two) -> None:
    sam, _ = two
    assert not store.needs_champion_nudge(sam)
    _held(store, sam, TODAY - timedelta(days=28))
    assert not store.needs_champion_nudge(sam)  # one session is too early to nag
    _held(store, sam, TODAY - timedelta(days=14))
    assert store.needs_champion_nudge(sam)
    entry = store.add_champion_entry(sam, kind="credit", note="Named her idea in the staff meeting",
                                     happened_on="2026-11-12")
    assert not store.needs_champion_nudge(sam)
    removed = store.remove_champion_entry(entry)
    assert store.needs_champion_nudge(sam)
    store.restore_champion_entry(removed)
    assert [e.note for e in store.champion_entries(sam)] == ["Named her idea in the staff meeting"]


def test_a_bad_champion_entry_is_refused(store: Store, two) -> None:
    sam, _ = two
    with pytest.raises(ValidationError, match="What you did must be one of"):
        store.add_champion_entry(sam, kind="bribe", note="")
    with pytest.raises(ValidationError, match="'last week' is not a date"):
        store.add_champion_entry(sam, kind="credit", note="x", happened_on="last week")
    assert store.champion_entries(sam) == []
