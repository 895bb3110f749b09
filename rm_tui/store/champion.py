"""The champion log: what the leader did for the mentor, and the nudge when it stalls.

The guide counts championing the mentor as the step that matters
most; the log makes the leader's side of the two-way street visible.
"""

from __future__ import annotations

from datetime import date

from ..dates import parse_past_date
from ..models import CHAMPION_KINDS, ChampionEntry, TwoWayStreet
from ..scope import Action, requires
from ..validation import one_of, optional_text
from .base import StoreBase, inserted
from .progress import TALKED_ABOUT_SQL

_CHAMPION_COLUMNS = "id, mentorship_id, session_id, kind, note, happened_on"
NUDGE_AFTER_SESSIONS = 2


class ChampionQueries(StoreBase):
    """The leader's log of what they did for the mentor; the mentor reads it."""

    @requires(Action.KEEP_CHAMPION_LOG)
    def add_champion_entry(
        self,
        mentorship_id: int,
        *,
        kind: str,
        note: str,
        happened_on: str | date = "today",
        session_id: int | None = None,
    ) -> int:
        """Log one thing done for the mentor; refuses an unknown kind, a bad date or one to come."""
        self.scope.require_mentorship(mentorship_id)
        clean_kind = one_of(kind, "kind", "What you did", tuple(CHAMPION_KINDS))
        clean_note = optional_text(note, "note", "The note", 500)
        # The log is of what was done: a date to come is a slip ('next tue' for 'last tue').
        when = parse_past_date(happened_on, self.today(), "happened_on", "Date", "the log records what happened")
        cursor = self.db.execute(
            "INSERT INTO champion_entries (mentorship_id, session_id, kind, note, happened_on) VALUES (?, ?, ?, ?, ?)",
            [mentorship_id, session_id, clean_kind, clean_note, when.isoformat()],
        )
        self._wrote("champion_entries")
        return inserted(cursor)

    def champion_entries(self, mentorship_id: int) -> list[ChampionEntry]:
        """Newest first."""
        self.scope.require_mentorship(mentorship_id)
        return self._all(
            ChampionEntry,
            f"SELECT {_CHAMPION_COLUMNS} FROM champion_entries WHERE mentorship_id = ? "
            "ORDER BY happened_on DESC, id DESC",
            [mentorship_id],
        )

    @requires(Action.KEEP_CHAMPION_LOG)
    def remove_champion_entry(self, entry_id: int) -> ChampionEntry:
        """Remove an entry; the returned record lets `restore_champion_entry` undo it."""
        entry = self._one(ChampionEntry, f"SELECT {_CHAMPION_COLUMNS} FROM champion_entries WHERE id = ?",
                          [entry_id], f"champion entry {entry_id}")
        self.scope.require_mentorship(entry.mentorship_id)
        self.db.execute("DELETE FROM champion_entries WHERE id = ?", [entry_id])
        self._wrote("champion_entries")
        return entry

    @requires(Action.KEEP_CHAMPION_LOG)
    def restore_champion_entry(self, entry: ChampionEntry) -> None:
        self.db.execute(
            f"INSERT INTO champion_entries ({_CHAMPION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)",
            [entry.id, entry.mentorship_id, entry.session_id, entry.kind, entry.note, entry.happened_on.isoformat()],
        )
        self._wrote("champion_entries")

    def two_way_street(self, mentorship_id: int) -> TwoWayStreet:
        self.scope.require_mentorship(mentorship_id)
        (held,) = self.db.execute(
            "SELECT count(*) FROM sessions WHERE mentorship_id = ? AND status = 'held'", [mentorship_id]
        ).fetchone()
        discussed = self.db.execute(
            "SELECT i.category, i.proposed_by, count(*) FROM agenda_items i JOIN sessions s ON s.id = i.session_id "
            f"WHERE s.mentorship_id = ? AND {TALKED_ABOUT_SQL} GROUP BY 1, 2",
            [mentorship_id],
        ).fetchall()
        categories: dict[str, int] = {}
        for category, _, count in discussed:
            if category:
                categories[category] = categories.get(category, 0) + count
        given = dict(self.db.execute(
            "SELECT kind, count(*) FROM champion_entries WHERE mentorship_id = ? GROUP BY kind", [mentorship_id]
        ).fetchall())
        return TwoWayStreet(
            sessions_held=held,
            topics_discussed=sum(count for _, _, count in discussed),
            topics_from_mentor=sum(count for _, who, count in discussed if who == "mentor"),
            categories=categories,
            given_back=given,
        )

    def needs_champion_nudge(self, mentorship_id: int) -> bool:
        """True when the last two sessions held went by with nothing logged for the mentor."""
        held = self.db.execute(
            "SELECT scheduled_on FROM sessions WHERE mentorship_id = ? AND status = 'held' "
            "ORDER BY scheduled_on DESC, id DESC LIMIT ?",
            [mentorship_id, NUDGE_AFTER_SESSIONS],
        ).fetchall()
        if len(held) < NUDGE_AFTER_SESSIONS:
            return False
        since = held[-1][0]
        (logged,) = self.db.execute(
            "SELECT count(*) FROM champion_entries WHERE mentorship_id = ? AND happened_on >= ?",
            [mentorship_id, since],
        ).fetchone()
        return int(logged) == 0

