"""Records compare, hash and print as dataclasses' own methods would (rm_tui.models.record)."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from rm_tui.models import CategoryCount, MentorshipDraft, Session


def _session(**changes: object) -> Session:
    base = Session(id=1, mentorship_id=2, scheduled_on=date(2026, 12, 8), minutes=45, status="planned",
                   rules_shown=False)
    return dataclasses.replace(base, **changes)


def test_records_of_one_type_are_equal_when_every_field_is() -> None:
    assert _session() == _session()
    assert _session() != _session(status="held")
    assert len({_session(), _session(), _session(id=9)}) == 2


def test_records_of_different_types_are_never_equal() -> None:
    assert CategoryCount("Show and Tell", 3) != ("Show and Tell", 3)
    draft = MentorshipDraft(leader="Dana", mentor="Sam")
    assert draft != dataclasses.replace(draft, mentor="Priya")


def test_a_record_is_shown_with_its_fields_and_stays_frozen() -> None:
    count = CategoryCount("Show and Tell", 3)
    assert repr(count) == "CategoryCount(name='Show and Tell', topics=3)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        count.topics = 4  # type: ignore[misc]
