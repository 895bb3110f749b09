"""An import into a session named by the caller (the agenda builder's own), not the next planned one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from rm_tui.agenda_import import parse_agenda
from rm_tui.errors import ValidationError
from rm_tui.scope import Scope
from rm_tui.store import Store
from tests.conftest import draft


def test_items_join_the_session_named_even_when_another_is_planned_first(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    first = store.plan_session(sam, scheduled_on=date(2026, 12, 1))
    store.add_agenda_item(first, title="Carried", proposed_by="leader")  # the next planned one
    later = store.plan_session(sam, scheduled_on=date(2026, 12, 15), if_planned="keep")
    assert store.import_target(sam).session_id == first

    target = store.import_target(sam, session_id=later)
    assert (target.session_id, target.scheduled_on) == (later, date(2026, 12, 15))
    assert store.import_agenda(sam, parse_agenda("- Career moves (15 min)\n"), by="leader", session_id=later) == later
    assert [i.title for i in store.agenda(later)] == ["Career moves"]
    assert [i.title for i in store.agenda(first)] == ["Carried"]


def test_a_session_of_another_mentorship_or_one_held_is_refused_and_nothing_added(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    priyas = store.plan_session(priya)
    called_off = store.plan_session(sam)
    store.cancel_session(called_off)
    before = list(store.db.iterdump())
    agenda = parse_agenda("- Career moves\n")
    with pytest.raises(ValidationError, match="not one of Sam Ortiz's"):
        store.import_agenda(sam, agenda, by="leader", session_id=priyas)
    with pytest.raises(ValidationError, match="was cancelled; import into a planned one"):
        store.import_agenda(sam, agenda, by="leader", session_id=called_off)
    assert list(store.db.iterdump()) == before


def test_the_mentor_imports_into_the_planned_session_without_planning_rights(store: Store, db_path: Path) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    mentors = Store.open(db_path, scope=Scope("mentor", sam))
    try:
        mentors.import_agenda(sam, parse_agenda("- What I tried\n"), by="mentor", session_id=session)
        assert [(i.title, i.proposed_by) for i in mentors.agenda(session)] == [("What I tried", "mentor")]
    finally:
        mentors.close()
