"""A glance at the database without the Store: what `rm-tui due` reads on every shell prompt.

The Store loads every concern's queries and every record type, which is most of
the time a prompt would wait. A glance opens an up-to-date file with the same
checks and pragmas (rm_tui.store.connection), asks its two questions, and closes.
A file that needs making or migrating is left to the Store, which does both.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from ..errors import DatabaseRefused
from ..models.due import DUE_SOON_DAYS, DueSummary, NextMeeting
from . import driver
from .connection import connect, inspect_database_file
from .driver import Key
from .migrations import LATEST_VERSION


def open_to_glance(path: Path, key: Key | None = None) -> driver.Connection | None:
    """A connection to the existing, up-to-date rm-tui database at `path`.

    None when the file is not there yet or is of an older schema: opening it with
    the Store makes or migrates it. Anything that is not an rm-tui database is
    refused (DatabaseRefused) in the Store's words, and left as it was.
    """
    check = inspect_database_file(path, key)
    if check.is_new or check.schema_version < LATEST_VERSION:
        return None
    try:
        return connect(path, key)
    except driver.DatabaseError as exc:
        raise DatabaseRefused(f"{path} cannot be opened as a database ({exc})") from None


def due_summary(db: driver.Connection, today: date, mentorship_id: int | None = None) -> DueSummary:
    """The next meeting and the open follow-ups due soon or late: of one mentorship, or of all.

    Ended mentorships are left out: there is no next meeting for them to remind of.
    """
    row = db.execute(
        "SELECT m.leader, m.mentor, s.scheduled_on, s.status = 'live' FROM sessions s "
        "JOIN mentorships m ON m.id = s.mentorship_id "
        "WHERE s.status IN ('planned', 'live') AND m.status != 'ended' AND (? IS NULL OR m.id = ?) "
        "ORDER BY s.status != 'live', s.scheduled_on, s.id LIMIT 1",
        [mentorship_id, mentorship_id],
    ).fetchone()
    meeting = None if row is None else NextMeeting(
        leader=row[0], mentor=row[1], on=date.fromisoformat(row[2]), live=bool(row[3])
    )
    late, soon = db.execute(
        "SELECT coalesce(sum(f.due_on < :today), 0), "
        "coalesce(sum(f.due_on >= :today AND f.due_on < :soon), 0) "
        "FROM follow_ups f JOIN mentorships m ON m.id = f.mentorship_id "
        "WHERE f.status = 'open' AND f.due_on IS NOT NULL AND m.status != 'ended' "
        "AND (:one IS NULL OR m.id = :one)",
        {"today": today.isoformat(), "soon": (today + timedelta(days=DUE_SOON_DAYS)).isoformat(), "one": mentorship_id},
    ).fetchone()
    return DueSummary(today=today, next_meeting=meeting, due_soon=int(soon), late=int(late))
