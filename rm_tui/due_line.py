"""The one line `rm-tui due` prints, and its exit status: shared by its two ways in.

`rm-tui due` is answered by rm_tui.quick_due without click when it can, and by
the command line (rm_tui.cli_due) otherwise: both print this line.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from .dates import spoken_date
from .text import counted, one_line

if TYPE_CHECKING:
    from .models import Role
    from .models.due import DueSummary, NextMeeting

LATE_EXIT = 1
"""The exit status when a follow-up is late: `rm-tui due || notify-send ...`."""


def due_line(summary: DueSummary, viewer: Role) -> str:
    """'Sam Ortiz Fri 11 Dec (in 9d) · 2 follow-ups due this week · 1 late', or 'nothing due'."""
    parts = []
    if summary.next_meeting is not None:
        parts.append(_meeting(summary.next_meeting, summary, viewer))
    if summary.due_soon:
        parts.append(f"{counted(summary.due_soon, 'follow-up')} due this week")
    if summary.late:
        parts.append(f"{summary.late:,} late" if summary.due_soon else f"{counted(summary.late, 'follow-up')} late")
    return " · ".join(parts) if parts else "nothing due"


def _meeting(meeting: NextMeeting, summary: DueSummary, viewer: Role) -> str:
    """The other one of the pair, and when: the leader sees the mentor's name, the mentor the leader's."""
    who = one_line(meeting.mentor if viewer == "leader" else meeting.leader)
    if meeting.live:
        return f"{who} now (meeting running)"
    return f"{who} {spoken_date(meeting.on, summary.today)} ({_how_far(meeting.on, summary.today)})"


def _how_far(day: date, today: date) -> str:
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days}d" if days > 0 else f"{-days}d ago"
