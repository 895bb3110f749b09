"""Follow-ups: what one of the pair agreed to do, by when.

A mixin of Store. A follow-up belongs to a mentorship and, when it came up in a
meeting, to that session and agenda item.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from sqlite_utils import Database

from .dates import parse_date
from .errors import NotFound
from .models import ROLES, FollowUp
from .schedule import default_session_date
from .validation import one_of, required_text

_FOLLOW_UP_COLUMNS = "id, mentorship_id, session_id, agenda_item_id, title, owner, due_on, status, version"


class FollowUpQueries:
    db: Database
    today: Callable[[], date]

    def _wrote(self) -> None:  # provided by Store
        raise NotImplementedError

    def add_follow_up(
        self,
        mentorship_id: int,
        *,
        title: str,
        owner: str,
        due: str | date | None,
        session_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> int:
        """Record a follow-up; refuses an empty title, an unknown owner or a bad date."""
        clean_title = required_text(title, "title", "What is to be done", 200)
        clean_owner = one_of(owner, "owner", "The owner", ROLES)
        if isinstance(due, str):
            due = parse_date(due, self.today(), "due_on", "Due date") if due.strip() else None
        cursor = self.db.execute(
            "INSERT INTO follow_ups (mentorship_id, session_id, agenda_item_id, title, owner, due_on) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [mentorship_id, session_id, agenda_item_id, clean_title, clean_owner, due.isoformat() if due else None],
        )
        self._wrote()
        return int(cursor.lastrowid)

    def follow_ups_for_session(self, session_id: int) -> list[FollowUp]:
        rows = self.db.execute(
            f"SELECT {_FOLLOW_UP_COLUMNS} FROM follow_ups WHERE session_id = ? ORDER BY id", [session_id]
        ).fetchall()
        return [_follow_up(row) for row in rows]

    def default_follow_up_due(self, session_id: int) -> date:
        """The next session by the cadence: the natural 'by next time'."""
        row = self.db.execute(
            "SELECT s.scheduled_on, m.cadence_days FROM sessions s JOIN mentorships m ON m.id = s.mentorship_id "
            "WHERE s.id = ?",
            [session_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"session {session_id} no longer exists")
        return default_session_date(date.fromisoformat(row[0]), row[1], self.today())


def _follow_up(row: tuple) -> FollowUp:
    values = list(row)
    values[6] = date.fromisoformat(values[6]) if values[6] else None
    return FollowUp(*values)
