"""Sessions and agendas in the store: planning, items, order, undo, carry-over, coverage."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rm_tui.errors import NotFound, ValidationError
from rm_tui.models import suggest_category
from rm_tui.store import Store
from tests.conftest import TODAY, draft


@pytest.fixture
def mentorship(store: Store) -> int:
    return store.create_mentorship(draft(cadence_days=14))


def titles(store: Store, session_id: int) -> list[str]:
    return [item.title for item in store.agenda(session_id)]


def test_first_session_is_today_then_the_cadence(store: Store, mentorship: int) -> None:
    first = store.plan_session(mentorship)
    assert store.get_session(first).scheduled_on == TODAY
    assert store.get_session(first).minutes == 45
    second = store.plan_session(mentorship, minutes="60")
    assert store.get_session(second).scheduled_on == TODAY + timedelta(days=14)
    assert [s.id for s in store.list_sessions(mentorship)] == [second, first]


def test_bad_session_length_is_refused_and_nothing_planned(store: Store, mentorship: int) -> None:
    with pytest.raises(ValidationError, match="whole number"):
        store.plan_session(mentorship, minutes="an hour")
    assert store.list_sessions(mentorship) == []


def test_items_keep_who_proposed_them_and_an_empty_title_is_refused(store: Store, mentorship: int) -> None:
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="Walk me through [Tool]", proposed_by="leader", minutes=15)
    store.add_agenda_item(session, title="A trend I love", proposed_by="mentor", category="Show and Tell")
    with pytest.raises(ValidationError, match="title cannot be empty"):
        store.add_agenda_item(session, title="  ", proposed_by="mentor")
    items = store.agenda(session)
    assert [(i.title, i.proposed_by, i.position) for i in items] == [
        ("Walk me through [Tool]", "leader", 0),
        ("A trend I love", "mentor", 1),
    ]


def test_reorder_and_undo_a_removal(store: Store, mentorship: int) -> None:
    session = store.plan_session(mentorship)
    ids = [store.add_agenda_item(session, title=t, proposed_by="leader") for t in "ABCD"]
    store.move_agenda_item(ids[3], 0)
    assert titles(store, session) == ["D", "A", "B", "C"]
    store.move_agenda_item(ids[3], 99)
    assert titles(store, session) == ["A", "B", "C", "D"]
    removed = store.remove_agenda_item(ids[1])
    assert titles(store, session) == ["A", "C", "D"]
    assert store.restore_agenda_item(removed) == ids[1]
    assert titles(store, session) == ["A", "B", "C", "D"]


def test_open_items_and_follow_ups_carry_over_and_go_stale(store: Store, mentorship: int) -> None:
    first = store.plan_session(mentorship)
    done = store.add_agenda_item(first, title="Discussed", proposed_by="leader")
    store.add_agenda_item(first, title="Not reached", proposed_by="mentor", category="Social Media Lab")
    store.set_item_status(done, "discussed")
    store.db.execute(
        "INSERT INTO follow_ups (mentorship_id, session_id, title, owner) VALUES (?, ?, 'Try the tool', 'leader')",
        [mentorship, first],
    )
    store.set_session_status(first, "held")

    second = store.plan_session(mentorship)
    items = store.agenda(second)
    assert [(i.title, i.carry_count, i.proposed_by) for i in items] == [
        ("Follow-up: Try the tool", 1, "leader"),
        ("Not reached", 1, "mentor"),
    ]
    assert items[1].category == "Social Media Lab" and not items[1].is_stale

    store.set_session_status(second, "held")
    third = store.plan_session(mentorship)
    store.set_session_status(third, "held")
    fourth = store.plan_session(mentorship)
    carried = store.agenda(fourth)
    assert [(i.title, i.carry_count, i.is_stale) for i in carried] == [
        ("Follow-up: Try the tool", 3, True),
        ("Not reached", 3, True),
    ]


def test_coverage_and_the_nudge(store: Store, mentorship: int) -> None:
    for category in ("Technology Deep Dive", "Social Media Lab"):
        session = store.plan_session(mentorship)
        store.add_agenda_item(session, title=category, proposed_by="leader", category=category)
        for item in store.agenda(session):
            store.set_item_status(item.id, "discussed")
        store.set_session_status(session, "held")
    coverage = {c.category: c.sessions_ago for c in store.category_coverage(mentorship)}
    assert coverage == {
        "Technology Deep Dive": 1,
        "Social Media Lab": 0,
        "Communication Clinic": None,
        "Show and Tell": None,
    }
    assert suggest_category(store.category_coverage(mentorship)) == "Communication Clinic"


def test_coverage_counts_the_agenda_being_built_and_says_how_many_were_held(
    store: Store, mentorship: int
) -> None:
    building = store.plan_session(mentorship)
    fresh = store.coverage(mentorship, session_id=building)
    assert (fresh.held, fresh.heading) == (0, "No sessions held yet")
    assert suggest_category(fresh) == "Technology Deep Dive"
    store.add_agenda_item(building, title="Notion", proposed_by="leader", category="Technology Deep Dive")
    coverage = store.coverage(mentorship, session_id=building)
    assert [c.category for c in coverage.categories if c.covered] == ["Technology Deep Dive"]
    assert suggest_category(coverage) == "Social Media Lab"
    assert suggest_category(store.category_coverage(mentorship)) == "Technology Deep Dive"  # no session: as before

    store.set_session_status(building, "held")
    assert store.coverage(mentorship).heading == "Last session"
    for _ in range(5):
        store.set_session_status(store.plan_session(mentorship), "held")
    assert (store.coverage(mentorship).held, store.coverage(mentorship).heading) == (4, "Last 4 sessions")


def test_nothing_to_suggest_when_every_category_is_planned(store: Store, mentorship: int) -> None:
    session = store.plan_session(mentorship)
    for category in ("Technology Deep Dive", "Social Media Lab", "Communication Clinic", "Show and Tell"):
        store.add_agenda_item(session, title=category, proposed_by="mentor", category=category)
    assert suggest_category(store.coverage(mentorship, session_id=session)) is None


def test_a_planned_session_can_be_moved_and_resized(store: Store, mentorship: int) -> None:
    session = store.plan_session(mentorship)
    store.update_session(session, scheduled_on="+1w", minutes="60")
    changed = store.get_session(session)
    assert (changed.scheduled_on, changed.minutes, changed.status) == (TODAY + timedelta(days=7), 60, "planned")
    assert store.next_session_date(mentorship) == TODAY + timedelta(days=21)


@pytest.mark.parametrize(
    ("scheduled_on", "minutes", "message"),
    [
        ("someday", 45, "'someday' is not a date"),
        ("+1w", "500", "between 5 and 480"),
        ("+1w", "", "is needed: a whole number from 5 to 480"),
        ("+1w", "ten", "must be a whole number"),
    ],
)
def test_bad_changes_to_a_session_are_refused(
    store: Store, mentorship: int, scheduled_on: str, minutes: object, message: str
) -> None:
    session = store.plan_session(mentorship, minutes=30)
    before = store.get_session(session)
    with pytest.raises(ValidationError, match=message):
        store.update_session(session, scheduled_on=scheduled_on, minutes=minutes)  # type: ignore[arg-type]
    assert store.get_session(session) == before


def session_in(store: Store, mentorship: int, status: str) -> int:
    session = store.plan_session(mentorship)
    if status in ("live", "held"):
        store.start_session(session)
    if status == "held":
        store.end_session(session)
    if status == "cancelled":
        store.cancel_session(session)
    return session


@pytest.mark.parametrize(
    ("status", "message"),
    [("live", "This session is running now; only a planned session can be changed"),
     ("held", "This session has been held; only a planned session can be changed"),
     ("cancelled", "This session was cancelled; only a planned session can be changed")],
)
def test_only_a_planned_session_can_be_changed(store: Store, mentorship: int, status: str, message: str) -> None:
    session = session_in(store, mentorship, status)
    before = store.get_session(session)
    with pytest.raises(ValidationError, match=message) as refused:
        store.update_session(session, scheduled_on="+1w", minutes=90)
    assert refused.value.field == "status" and "\n" not in str(refused.value)
    assert store.get_session(session) == before


def test_a_planned_session_can_be_cancelled(store: Store, mentorship: int) -> None:
    session = store.plan_session(mentorship)
    store.cancel_session(session)
    assert store.get_session(session).status == "cancelled"
    assert store.upcoming_session(mentorship) is None
    assert store.next_session_date(mentorship) == TODAY  # a cancelled one does not push the next back
    with pytest.raises(NotFound):
        store.cancel_session(session + 100)


@pytest.mark.parametrize(
    ("status", "message"),
    [("live", "This session is running now; only a planned session can be cancelled"),
     ("held", "This session has been held; only a planned session can be cancelled"),
     ("cancelled", "This session was cancelled; only a planned session can be cancelled")],
)
def test_only_a_planned_session_can_be_cancelled(store: Store, mentorship: int, status: str, message: str) -> None:
    session = session_in(store, mentorship, status)
    before = store.get_session(session)
    with pytest.raises(ValidationError, match=message):
        store.cancel_session(session)
    assert store.get_session(session) == before
    assert store.get_session(session).status == status


def test_plan_with_a_typed_date_and_refuse_a_bad_one(store: Store, mentorship: int) -> None:
    assert store.next_session_date(mentorship) == TODAY
    session = store.plan_session(mentorship, scheduled_on="+2w", minutes="30")
    assert store.get_session(session).scheduled_on == TODAY + timedelta(days=14)
    assert store.next_session_date(mentorship) == TODAY + timedelta(days=28)
    with pytest.raises(ValidationError, match="'the day after never' is not a date"):
        store.plan_session(mentorship, scheduled_on="the day after never")
    assert len(store.list_sessions(mentorship)) == 1


@pytest.mark.parametrize(
    ("typed", "days"), [("today", 0), ("tomorrow", 1), ("+7d", 7), ("+2w", 14), (" 2026-12-01 ", 7)]
)
def test_dates_as_people_type_them(typed: str, days: int) -> None:
    from rm_tui.dates import parse_date

    assert parse_date(typed, TODAY) == TODAY + timedelta(days=days)


def test_list_sessions_can_keep_only_the_newest(store: Store, mentorship: int) -> None:
    planned = [store.plan_session(mentorship) for _ in range(3)]
    assert [s.id for s in store.list_sessions(mentorship, limit=2)] == planned[:0:-1]
