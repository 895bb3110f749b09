"""What `rm-tui due` reports: the next meeting, and the follow-ups due soon or late.

Named tuples, not records like the others (record.py): `rm-tui due` runs on every
shell prompt, and loading the dataclasses module, which records lean on for their
frozen error, alone costs it a tenth of its time. Both are as immutable as records.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

DUE_SOON_DAYS = 7
"""'Due this week': today and the six days after it."""


class NextMeeting(NamedTuple):
    """The soonest session planned (or running) of any mentorship in view."""

    leader: str
    mentor: str
    on: date
    live: bool


class DueSummary(NamedTuple):
    """Open follow-ups counted across every mentorship in view, and the next meeting."""

    today: date
    next_meeting: NextMeeting | None
    due_soon: int  # due today or within DUE_SOON_DAYS
    late: int  # due before today, still open
