"""Planning when a session is planned already: move it, keep both (asked first), never split the agenda silently."""

from __future__ import annotations

from datetime import date

import pytest

from rm_tui.errors import ValidationError
from rm_tui.exporting import ExportRequest, render
from rm_tui.store import Store
from tests.conftest import draft


@pytest.fixture
def planned(store: Store) -> tuple[int, int]:
    """A held meeting whose untouched item carried into the planned one, plus the mentor's addition there."""
    mentorship = store.create_mentorship(draft())
    held = store.plan_session(mentorship, scheduled_on="2026-11-24")
    store.add_agenda_item(held, title="Not reached", proposed_by="leader")
    store.start_session(held)
    store.go_to_item(held, None)
    store.end_session(held)
    session = store.plan_session(mentorship, scheduled_on="2026-12-08")
    store.add_agenda_item(session, title="The mentor's idea", proposed_by="mentor")
    return mentorship, session


def planned_sessions(store: Store, mentorship: int) -> list[tuple[date, list[str]]]:
    return [(s.scheduled_on, [i.title for i in store.agenda(s.id)])
            for s in reversed(store.list_sessions(mentorship)) if s.status == "planned"]


def test_checking_says_what_is_planned_and_where_the_new_one_would_go(store: Store, planned) -> None:
    mentorship, session = planned
    clash = store.check_plan(mentorship, scheduled_on="+3w", minutes="60")
    assert clash is not None
    assert (clash.session.id, clash.items, clash.mentor, clash.moving_to) == (session, 2, "Sam Ortiz",
                                                                               date(2026, 12, 15))
    assert store.check_plan(store.create_mentorship(draft(mentor="Priya Nair"))) is None


def test_checking_refuses_bad_input_as_planning_would(store: Store, planned) -> None:
    mentorship, _ = planned
    with pytest.raises(ValidationError, match="'someday' is not a date"):
        store.check_plan(mentorship, scheduled_on="someday")
    with pytest.raises(ValidationError, match="Session length"):
        store.check_plan(mentorship, scheduled_on="+1w", minutes="0")


def test_planning_refuses_in_one_line_and_changes_nothing(store: Store, planned) -> None:
    mentorship, _ = planned
    before = list(store.db.iterdump())
    with pytest.raises(ValidationError) as refused:
        store.plan_session(mentorship, scheduled_on="2026-12-15", if_planned="refuse")
    assert str(refused.value) == (
        "A session with Sam Ortiz is already planned for Tue 08 Dec (2 items): move it, or keep both")
    assert list(store.db.iterdump()) == before


def test_moving_takes_the_agenda_along(store: Store, planned) -> None:
    mentorship, session = planned
    moved = store.plan_session(mentorship, scheduled_on="2026-12-15", minutes=60, if_planned="move")
    assert moved == session
    assert planned_sessions(store, mentorship) == [(date(2026, 12, 15), ["Not reached", "The mentor's idea"])]
    assert store.get_session(session).minutes == 60


def test_keeping_both_still_opens_and_fills_the_agenda_with_the_items(store: Store, planned, clock) -> None:
    mentorship, session = planned
    second = store.plan_session(mentorship, scheduled_on="2026-12-01", if_planned="keep")  # before the first
    assert planned_sessions(store, mentorship) == [
        (date(2026, 12, 1), []), (date(2026, 12, 8), ["Not reached", "The mentor's idea"])]
    upcoming = store.upcoming_session(mentorship)
    assert upcoming is not None and upcoming.id == session  # what `s` opens
    clash = store.check_plan(mentorship)
    assert clash is not None and clash.session.id == session  # what planning again would move
    store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due="+7d")
    assert [i.title for i in store.agenda(second)] == []  # carry-over goes where the agenda is
    assert "Follow-up: Send the deck" in [i.title for i in store.agenda(session)]


def test_the_mentorship_export_counts_its_sessions_in_words_that_agree(store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    store.plan_session(mentorship)
    assert "- Meeting every 14 days; 1 session here" in render(store, ExportRequest(mentorship_id=mentorship))
    store.plan_session(mentorship, if_planned="keep")
    assert "- Meeting every 14 days; 2 sessions here" in render(store, ExportRequest(mentorship_id=mentorship))
