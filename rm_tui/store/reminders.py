"""Reminders: what `rm-tui due` prints, and the versions the calendar's events carry.

The due queries themselves live in rm_tui.store.glance, which `rm-tui due` runs
without the Store.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..models.due import DueSummary
from .base import StoreBase
from .glance import due_summary


class ReminderQueries(StoreBase):
    """Two small queries, cheap enough to run on every shell prompt."""

    def due_summary(self) -> DueSummary:
        """The next meeting and the open follow-ups due soon or late, in the store's scope."""
        return due_summary(self.db, self.today(), self.scope.mentorship_id)

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
