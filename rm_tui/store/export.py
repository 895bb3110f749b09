"""Gathering what an export shows: sessions with their items, notes, follow-ups, champion entries.

Off-record notes are never read here; private ones only when asked.
"""

from __future__ import annotations

from bisect import bisect_right

from ..models import ChampionEntry, ItemExport, Mentorship, MentorshipExport, Note, Session, SessionExport
from ..scope import Action
from ..timing import item_seconds, session_seconds
from .champion import ChampionQueries
from .live import LiveQueries
from .notes import NOTE_COLUMNS, NotesQueries


class ExportQueries(LiveQueries, NotesQueries, ChampionQueries):
    """What an export holds, read in the scope: the mentor's window never reads private notes."""

    def export_session(self, session_id: int, *, include_private: bool = False) -> SessionExport:
        session = self.get_session(session_id)
        mentorship = self.get_mentorship(session.mentorship_id)
        dates, sessions = self._sessions_by_date(session.mentorship_id)
        entries = [
            e for e in self.champion_entries(session.mentorship_id)
            if _session_of(e, dates, sessions) == session_id
        ]
        return self._gather(session, mentorship, include_private, list(reversed(entries)))

    def export_mentorship(self, mentorship_id: int, *, include_private: bool = False) -> MentorshipExport:
        mentorship = self.get_mentorship(mentorship_id)
        dates, sessions = self._sessions_by_date(mentorship_id)
        entries = self.champion_entries(mentorship_id)
        by_session: dict[int | None, list[ChampionEntry]] = {}
        for entry in reversed(entries):
            by_session.setdefault(_session_of(entry, dates, sessions), []).append(entry)
        return MentorshipExport(
            mentorship,
            [self._gather(s, mentorship, include_private, by_session.get(s.id, [])) for s in sessions],
            entries,
        )

    def export_everything(self, *, include_private: bool = False) -> list[MentorshipExport]:
        overviews = self.list_mentorships(include_ended=True)
        ordered = sorted(overviews, key=lambda o: (o.mentorship.mentor.lower(), o.mentorship.id))
        return [self.export_mentorship(o.mentorship.id, include_private=include_private) for o in ordered]

    def _sessions_by_date(self, mentorship_id: int) -> tuple[list[str], list[Session]]:
        sessions = [s for s in reversed(self.list_sessions(mentorship_id)) if s.status != "cancelled"]
        return [s.scheduled_on.isoformat() for s in sessions], sessions

    def _gather(
        self, session: Session, mentorship: Mentorship, include_private: bool, champion: list[ChampionEntry]
    ) -> SessionExport:
        if include_private:
            self.scope.require(Action.PRIVATE_NOTES)
        allowed = ("shared", "private") if include_private else ("shared",)  # off-record: never
        notes = self._all(
            Note,
            f"SELECT {NOTE_COLUMNS} FROM notes WHERE session_id = ? AND body != '' "
            f"AND visibility IN ({', '.join('?' * len(allowed))}) ORDER BY id",
            [session.id, *allowed],
        )
        now = self.now()
        items = [
            ItemExport(item, item_seconds(item, session, now), [n for n in notes if n.agenda_item_id == item.id])
            for item in self.agenda(session.id)
        ]
        return SessionExport(
            session=session,
            mentorship=mentorship,
            seconds=session_seconds(session, now),
            items=items,
            session_notes=[n for n in notes if n.agenda_item_id is None],
            follow_ups=self.follow_ups_for_session(session.id),
            champion=champion,
        )


def _session_of(entry: ChampionEntry, dates: list[str], sessions: list[Session]) -> int | None:
    """The session an entry belongs to: its own, else the last one held on or before its date."""
    if entry.session_id is not None:
        return entry.session_id
    index = bisect_right(dates, entry.happened_on.isoformat()) - 1
    return sessions[index].id if index >= 0 else None
