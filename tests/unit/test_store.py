"""Mentorships in the store: validation, listing and the home screen's figures."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rm_tui.errors import NotFound, ValidationError
from rm_tui.store import Store
from tests.conftest import TODAY, draft


def count(store: Store) -> int:
    return store.db.execute("SELECT count(*) FROM mentorships").fetchone()[0]


def test_create_and_read_back(store: Store) -> None:
    mentorship_id = store.create_mentorship(draft(mentor="  Sam Ortiz  ", manager_informed=True))
    m = store.get_mentorship(mentorship_id)
    assert (m.mentor, m.leader, m.cadence_days, m.status, m.manager_informed) == (
        "Sam Ortiz",
        "Dana Whitfield",
        14,
        "active",
        True,
    )


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"mentor": "   "}, "mentor", "mentor's name cannot be empty"),
        ({"leader": ""}, "leader", "Your name cannot be empty"),
        ({"cadence_days": "0"}, "cadence_days", "between 1 and 365"),
        ({"cadence_days": "fortnight"}, "cadence_days", "whole number"),
        ({"mentor": "x" * 500}, "mentor", "too long"),
        ({"status": "deleted"}, "status", "must be one of"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(store: Store, changes: dict, field: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message) as caught:
        store.create_mentorship(draft(**changes))
    assert caught.value.field == field
    assert count(store) == 0


def test_bad_edit_changes_nothing(store: Store) -> None:
    mentorship_id = store.create_mentorship(draft())
    with pytest.raises(ValidationError):
        store.update_mentorship(mentorship_id, draft(mentor=""))
    assert store.get_mentorship(mentorship_id).mentor == "Sam Ortiz"


def test_update_of_a_missing_mentorship_says_so(store: Store) -> None:
    with pytest.raises(NotFound):
        store.update_mentorship(999, draft())


def test_archived_mentorships_are_hidden_unless_asked(store: Store) -> None:
    kept = store.create_mentorship(draft(mentor="Kept"))
    ended = store.create_mentorship(draft(mentor="Ended"))
    store.set_mentorship_status(ended, "ended")
    assert [o.mentorship.id for o in store.list_mentorships()] == [kept]
    listed = [o.mentorship.mentor for o in store.list_mentorships(include_ended=True)]
    assert listed == ["Kept", "Ended"]  # ended ones go last
    store.set_mentorship_status(ended, "active")
    assert {o.mentorship.mentor for o in store.list_mentorships()} == {"Kept", "Ended"}


def test_overview_counts_sessions_and_follow_ups(store: Store) -> None:
    mentorship_id = store.create_mentorship(draft())
    held = (TODAY - timedelta(days=20)).isoformat()
    planned = (TODAY + timedelta(days=3)).isoformat()
    store.db.execute(
        "INSERT INTO sessions (mentorship_id, scheduled_on, status) "
        "VALUES (?, ?, 'held'), (?, ?, 'held'), (?, ?, 'planned')",
        [mentorship_id, held, mentorship_id, "2026-10-01", mentorship_id, planned],
    )
    store.db.execute(
        "INSERT INTO follow_ups (mentorship_id, title, owner, due_on, status) VALUES "
        "(?, 'late', 'leader', '2026-11-01', 'open'), (?, 'soon', 'mentor', '2026-12-30', 'open'), "
        "(?, 'finished', 'leader', '2026-10-01', 'done')",
        [mentorship_id] * 3,
    )
    (overview,) = store.list_mentorships()
    assert overview.sessions_held == 2
    assert overview.last_held_on == TODAY - timedelta(days=20)
    assert overview.next_planned_on == TODAY + timedelta(days=3)
    assert (overview.open_follow_ups, overview.overdue_follow_ups) == (2, 1)


def test_leader_name_is_remembered_for_the_next_form(store: Store) -> None:
    assert store.last_leader_name() == ""
    store.create_mentorship(draft(leader="Morgan Lee"))
    assert store.last_leader_name() == "Morgan Lee"


def test_change_token_moves_on_local_and_foreign_writes(store: Store, db_path) -> None:
    before = store.change_token()
    store.create_mentorship(draft())
    after_local = store.change_token()
    assert after_local != before
    other = Store.open(db_path)
    other.create_mentorship(draft(mentor="From elsewhere"))
    assert store.change_token() != after_local
    other.close()


def test_settings_round_trip(store: Store) -> None:
    assert store.setting("rules.show", "yes") == "yes"
    store.set_setting("rules.show", "no")
    assert store.setting("rules.show", "yes") == "no"
