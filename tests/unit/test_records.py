"""Records are made, compare, hash, print and stay frozen as frozen dataclasses do (rm_tui.models.record)."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from rm_tui.models import CategoryCount, MentorshipDraft, Record, Session, replace


def _session(**changes: object) -> Session:
    base = Session(id=1, mentorship_id=2, scheduled_on=date(2026, 12, 8), minutes=45, status="planned",
                   rules_shown=False)
    return replace(base, **changes)


def test_records_of_one_type_are_equal_when_every_field_is() -> None:
    assert _session() == _session()
    assert _session() != _session(status="held")
    assert len({_session(), _session(), _session(id=9)}) == 2


def test_records_of_different_types_are_never_equal() -> None:
    assert CategoryCount("Show and Tell", 3) != ("Show and Tell", 3)
    draft = MentorshipDraft(leader="Dana", mentor="Sam")
    assert draft != replace(draft, mentor="Priya")


def test_a_record_is_shown_with_its_fields_and_stays_frozen() -> None:
    count = CategoryCount("Show and Tell", 3)
    assert repr(count) == "CategoryCount(name='Show and Tell', topics=3)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        count.topics = 4  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del count.name  # type: ignore[misc]
    assert count == CategoryCount("Show and Tell", 3)


def test_fields_come_by_position_by_name_or_from_their_defaults() -> None:
    by_position = Session(1, 2, date(2026, 12, 8), 45, "planned", False)
    by_name = Session(rules_shown=False, status="planned", minutes=45, scheduled_on=date(2026, 12, 8),
                      mentorship_id=2, id=1)
    assert by_position == by_name == _session()
    assert by_name.started_at is None and by_name.current_item_id is None
    draft = MentorshipDraft("Dana", "Sam")
    assert (draft.expertise, draft.cadence_days, draft.status) == ("", 14, "active")


@pytest.mark.parametrize(("args", "kwargs", "message"), [
    (("Dana", "Sam", "", "", False, 14, "active", "extra"), {}, "takes 7 positional arguments but 8 were given"),
    (("Dana",), {}, "missing 1 required arguments: 'mentor'"),
    ((), {"leader": "Dana"}, "missing 1 required arguments: 'mentor'"),
    (("Dana", "Sam"), {"leader": "Lee"}, "got multiple values for argument 'leader'"),
    (("Dana", "Sam"), {"menter": "Lee"}, "got an unexpected keyword argument 'menter'"),
])
def test_a_call_that_does_not_fit_the_fields_is_refused_as_python_refuses_it(
    args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(TypeError, match=message):
        MentorshipDraft(*args, **kwargs)


def test_replace_makes_a_changed_copy_and_refuses_a_field_the_record_lacks() -> None:
    draft = MentorshipDraft(leader="Dana", mentor="Sam")
    moved = replace(draft, focus="Reels")
    assert (moved.focus, draft.focus, moved.mentor) == ("Reels", "", "Sam")
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        replace(draft, colour="red")
    assert draft == MentorshipDraft(leader="Dana", mentor="Sam")


def test_replace_copies_any_other_dataclass_too() -> None:
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int

    assert replace(Point(1, 2), y=5) == Point(1, 5)


def test_a_field_without_a_default_after_one_with_is_refused_when_the_type_is_declared() -> None:
    with pytest.raises(TypeError, match="field 'b' without a default follows one with a default"):
        class Bad(Record):
            a: int = 0
            b: int


def test_class_variables_are_not_fields_and_subtypes_add_fields_after_their_bases() -> None:
    from typing import ClassVar

    class Base(Record):
        KIND: ClassVar[str] = "base"
        a: int

    class Longer(Base):
        b: str = "x"

    assert repr(Longer(1)).endswith("Longer(a=1, b='x')")
    assert Longer.KIND == "base"
    with pytest.raises(TypeError, match="takes 1 positional arguments but 2 were given"):
        Base(1, 2)  # type: ignore[call-arg]
