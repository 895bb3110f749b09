"""`rm-tui due`: one line for a shell prompt or a status bar, and an exit status scripts can act on.

It runs on every prompt, so the console script answers it without click where it
can (rm_tui.quick_due); this command answers what that leaves: help, mistakes, a
new or older database, an encrypted one. bench/due.py times it against the
interpreter's own start.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import click

from .due_line import LATE_EXIT, due_line

if TYPE_CHECKING:
    from .models import Role
    from .store import Store


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
