"""When the next meeting is due, from the cadence and the sessions so far."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Literal

from .models import MentorshipStatus
from .models.record import Record

DueState = Literal["planned", "due", "overdue", "unplanned", "paused", "ended"]


class Due(Record):
    """The next session's date (if one can be said) and how urgent it is."""

    on: date | None
    state: DueState


def next_session_due(
    *,
    last_held: date | None,
    next_planned: date | None,
    cadence_days: int,
    today: date,
    status: MentorshipStatus = "active",
) -> Due:
    """A planned session wins; otherwise the last one held plus the cadence.

    A mentorship with no session at all is 'unplanned': the leader owns the admin,
    so the home screen nudges them to plan the first one. A paused or ended
    mentorship has no session due: its state says which.
    """
    if status in ("paused", "ended"):
        return Due(next_planned, status)
    if next_planned is not None:
        return Due(next_planned, "overdue" if next_planned < today else "planned")
    if last_held is None:
        return Due(None, "unplanned")
    due_on = last_held + timedelta(days=cadence_days)
    if due_on < today:
        return Due(due_on, "overdue")
    return Due(due_on, "due")


def describe_due(due: Due, today: date) -> str:
    """A short phrase for a table cell: 'planned Tue 8 Dec', 'overdue 3 days'."""
    if due.state in ("paused", "ended"):
        return due.state
    if due.on is None:
        return "plan the first one"
    days = (due.on - today).days
    when = f"{due.on:%a} {due.on.day} {due.on:%b}"
    if days < 0:
        return f"overdue {-days}d · {when}"
    if days == 0:
        return "today"
    if due.state == "planned":
        return f"{when} (in {days}d)"
    return f"due {when} (in {days}d)"


def default_session_date(last_session: date | None, cadence_days: int, today: date) -> date:
    """Where a new session goes: the last one plus the cadence, never in the past."""
    if last_session is None:
        return today
    return max(today, last_session + timedelta(days=cadence_days))
