"""`rm-tui due`: one line for a shell prompt or a status bar, and an exit status scripts can act on.

It runs on every prompt, so it stays small: the store and click, never the app
(bench/due.py times it against the interpreter's own start).
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Protocol

import click

from .dates import spoken_date
from .text import counted, one_line

if TYPE_CHECKING:
    from .models import Role
    from .models.due import DueSummary, NextMeeting
    from .store import Store

LATE_EXIT = 1
"""The exit status when a follow-up is late: `rm-tui due || notify-send ...`."""


class Options(Protocol):
    """What this command needs of the CLI's options (rm_tui.__main__.Options)."""

    @property
    def role(self) -> Role: ...
    def open_store(self) -> Store: ...


@click.command(name="due")
@click.option("--mentorship", metavar="ID|NAME", help="Only this mentorship (id or mentor's name).")
@click.pass_obj
def due_command(options: Options, mentorship: str | None) -> None:
    """Print one line: the next meeting, and follow-ups due this week or late.

    For a shell prompt or a status bar, e.g. "Sam Ortiz Fri 11 Dec (in 9d) · 2
    follow-ups due this week · 1 late", or "nothing due". With several mentorships:
    the soonest meeting, and the follow-ups of all of them. "This week" is today
    and the six days after.

    Exits 0, or 1 when a follow-up is late (past its due date and still open), so a
    script can act on it; 2 when the database cannot be read.

    It loads the database and the command line only, never the app. With an
    encrypted database each run also derives the key from the passphrase (about
    0.2 s, on purpose: it is what slows down guessing a stolen file's passphrase).
    """
    store = options.open_store()
    try:
        if mentorship:
            store.keep_to(mentorship)
        summary = store.due_summary()
    finally:
        store.close()
    click.echo(due_line(summary, options.role))
    if summary.late:
        click.get_current_context().exit(LATE_EXIT)


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
