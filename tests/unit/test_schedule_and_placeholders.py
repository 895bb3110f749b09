"""When the next session is due, dates as typed, [Placeholder] fields, cleaning pasted text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rm_tui.dates import parse_date
from rm_tui.placeholders import fill, placeholders, split
from rm_tui.schedule import Due, default_session_date, describe_due, next_session_due
from rm_tui.text import clean_text

TODAY = date(2026, 11, 24)


def due(**kwargs: object) -> Due:
    values = {"last_held": None, "next_planned": None, "cadence_days": 14, "today": TODAY}
    values.update(kwargs)
    return next_session_due(**values)  # type: ignore[arg-type]


def test_no_sessions_means_plan_the_first() -> None:
    result = due()
    assert result == Due(None, "unplanned")
    assert describe_due(result, TODAY) == "plan the first one"


def test_cadence_from_the_last_session() -> None:
    assert due(last_held=TODAY - timedelta(days=4)) == Due(TODAY + timedelta(days=10), "due")
    late = due(last_held=TODAY - timedelta(days=17))
    assert late == Due(TODAY - timedelta(days=3), "overdue")
    assert describe_due(late, TODAY) == "overdue 3d · Sat 21 Nov"


def test_a_planned_session_wins_over_the_cadence() -> None:
    planned = due(last_held=TODAY - timedelta(days=30), next_planned=TODAY + timedelta(days=2))
    assert planned.state == "planned"
    assert describe_due(planned, TODAY) == "Thu 26 Nov (in 2d)"
    assert describe_due(due(next_planned=TODAY), TODAY) == "today"


def test_paused_mentorships_are_not_nagged() -> None:
    assert describe_due(due(last_held=TODAY - timedelta(days=90), status="paused"), TODAY) == "paused"
    assert describe_due(due(last_held=TODAY - timedelta(days=90), status="ended"), TODAY) == "ended"


def test_default_session_date() -> None:
    assert default_session_date(None, 14, TODAY) == TODAY
    assert default_session_date(TODAY - timedelta(days=7), 14, TODAY) == TODAY + timedelta(days=7)
    assert default_session_date(TODAY - timedelta(days=70), 14, TODAY) == TODAY


def test_placeholders_in_order_without_repeats() -> None:
    prompt = "Compare [Competitor] with us on [Platform]; what does [Competitor] do better?"
    assert placeholders(prompt) == ["Competitor", "Platform"]
    filled = fill(prompt, {"Competitor": "Acme", "Platform": "TikTok"})
    assert filled == "Compare Acme with us on TikTok; what does Acme do better?"


def test_unfilled_placeholders_stay_visible() -> None:
    assert fill("Show me [Tool] and [Team]", {"Tool": "  "}) == "Show me [Tool] and [Team]"


def test_split_marks_placeholder_runs() -> None:
    assert split("Use [Tool] daily") == [("Use ", False), ("[Tool]", True), (" daily", False)]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("friday", date(2026, 11, 27)),
        ("Next Friday", date(2026, 11, 27)),
        ("tue", date(2026, 12, 1)),  # today is a Tuesday: the coming one is a week on
        ("wednesday", date(2026, 11, 25)),
        ("yesterday", date(2026, 11, 23)),
        ("-3d", date(2026, 11, 21)),
        ("-1w", date(2026, 11, 17)),
    ],
)
def test_weekday_names_and_past_days(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


def test_pasted_text_loses_control_characters_but_keeps_tabs_and_lines() -> None:
    assert clean_text("a\x1b[31mb\x07\tc\r\nd\re\x00f\x9bg") == "a[31mb\tc\nd\nefg"
