"""Reminders: what `rm-tui due` prints, and the versions the calendar's events carry.

Ended mentorships are left out: there is no next meeting for them to remind of.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from ..models.due import DUE_SOON_DAYS, DueSummary, NextMeeting
from .base import StoreBase


class ReminderQueries(StoreBase):
    """Two small queries, cheap enough to run on every shell prompt."""

    def due_summary(self) -> DueSummary:
        """The next meeting and the open follow-ups due soon or late, in the store's scope."""
        today = self.today()
        one = self.scope.mentorship_id
        row = self.db.execute(
            "SELECT m.leader, m.mentor, s.scheduled_on, s.status = 'live' FROM sessions s "
            "JOIN mentorships m ON m.id = s.mentorship_id "
            "WHERE s.status IN ('planned', 'live') AND m.status != 'ended' AND (? IS NULL OR m.id = ?) "
            "ORDER BY s.status != 'live', s.scheduled_on, s.id LIMIT 1",
            [one, one],
        ).fetchone()
        meeting = None if row is None else NextMeeting(
            leader=row[0], mentor=row[1], on=date.fromisoformat(row[2]), live=bool(row[3])
        )
        late, soon = self.db.execute(
            "SELECT coalesce(sum(f.due_on < :today), 0), "
            "coalesce(sum(f.due_on >= :today AND f.due_on < :soon), 0) "
            "FROM follow_ups f JOIN mentorships m ON m.id = f.mentorship_id "
            "WHERE f.status = 'open' AND f.due_on IS NOT NULL AND m.status != 'ended' "
            "AND (:one IS NULL OR m.id = :one)",
            {"today": today.isoformat(), "soon": (today + timedelta(days=DUE_SOON_DAYS)).isoformat(), "one": one},
        ).fetchone()
        return DueSummary(today=today, next_meeting=meeting, due_soon=int(soon), late=int(late))

    def session_versions(self, session_ids: Iterable[int]) -> dict[int, int]:
        """Each session's version: it grows with every change (moved, resized, called off).

        The calendar's SEQUENCE, so a calendar app takes a re-imported event as the newer one.
        """
        wanted = list(session_ids)
        if not wanted:
            return {}
        marks = ", ".join("?" for _ in wanted)
        rows = self.db.execute(f"SELECT id, mentorship_id, version FROM sessions WHERE id IN ({marks})", wanted)
        return {row[0]: int(row[2]) for row in rows if self.scope.includes(row[1])}
