"""What `rm-tui due` reports: the next meeting, and the follow-ups due soon or late."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

DUE_SOON_DAYS = 7
"""'Due this week': today and the six days after it."""


@dataclass(frozen=True)
class NextMeeting:
    """The soonest session planned (or running) of any mentorship in view."""

    leader: str
    mentor: str
    on: date
    live: bool


@dataclass(frozen=True)
class DueSummary:
    """Open follow-ups counted across every mentorship in view, and the next meeting."""

    today: date
    next_meeting: NextMeeting | None
    due_soon: int  # due today or within DUE_SOON_DAYS
    late: int  # due before today, still open
