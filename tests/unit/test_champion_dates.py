"""The champion log records what happened: a date to come is refused, naming the date it read as."""

from __future__ import annotations

from datetime import timedelta

import pytest

from rm_tui.dates import parse_date, parse_past_date
from rm_tui.errors import ValidationError
from rm_tui.store import Store
from tests.conftest import TODAY, draft  # TODAY is Tue 24 Nov 2026


@pytest.mark.parametrize("typed", ["next tue", "tomorrow", "+3d", "2026-12-01", "friday"])
def test_a_date_to_come_is_refused_and_nothing_logged(store: Store, typed: str) -> None:
    sam = store.create_mentorship(draft())
    with pytest.raises(ValidationError) as refused:
        store.add_champion_entry(sam, kind="credit", note="Named her idea", happened_on=typed)
    understood = parse_date(typed, TODAY)
    assert str(refused.value) == (f"{typed} is {understood:%a} {understood.day} {understood:%b}, in the future: "
                                  "the log records what happened")
    assert refused.value.field == "happened_on"
    assert store.champion_entries(sam) == []


def test_next_tuesday_reads_as_the_date_it_would_have_saved(store: Store) -> None:
    sam = store.create_mentorship(draft())
    with pytest.raises(ValidationError, match=r"^next tue is Tue 1 Dec, in the future: the log records what happened$"):
        store.add_champion_entry(sam, kind="credit", note="x", happened_on="next tue")


def test_a_date_object_to_come_is_refused_too(store: Store) -> None:
    sam = store.create_mentorship(draft())
    with pytest.raises(ValidationError, match="2026-11-25 is Wed 25 Nov, in the future"):
        store.add_champion_entry(sam, kind="credit", note="x", happened_on=TODAY + timedelta(days=1))
    assert store.champion_entries(sam) == []


@pytest.mark.parametrize(("typed", "days_ago"), [
    ("today", 0), ("yesterday", 1), ("-3d", 3), ("-1w", 7), ("2026-11-20", 4),
    ("last mon", 1), ("last tue", 7), ("last friday", 4), ("LAST Wed", 6),
])
def test_past_forms_are_logged_on_the_day_they_name(store: Store, typed: str, days_ago: int) -> None:
    sam = store.create_mentorship(draft())
    store.add_champion_entry(sam, kind="credit", note="x", happened_on=typed)
    assert [e.happened_on for e in store.champion_entries(sam)] == [TODAY - timedelta(days=days_ago)]


def test_a_past_date_refusal_offers_past_forms() -> None:
    with pytest.raises(ValidationError, match="'someday' is not a date; use today, yesterday, last fri, -3d"):
        parse_past_date("someday", TODAY)


def test_a_date_in_another_year_says_the_year() -> None:
    with pytest.raises(ValidationError, match=r"^2027-01-05 is Tue 5 Jan 2027, in the future"):
        parse_past_date("2027-01-05", TODAY)
