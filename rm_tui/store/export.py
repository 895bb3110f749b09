"""Gathering what an export shows: sessions with their items, notes, follow-ups, champion entries.

Off-record notes are never read here; private ones only when asked.

An export reads each table once, whatever it holds: one query for the notes of every
session exported, one for their agenda items, one for their follow-ups. Five years
(1,300 sessions) once took three queries a session, and a record of every column
for each of their 100,000 notes.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable
from itertools import repeat
from operator import itemgetter
from typing import Any, TypeVar

from ..models import (
    ChampionEntry,
    ItemExport,
    Mentorship,
    MentorshipExport,
    Session,
    SessionExport,
)
from ..models.exports import NOTE_HEADS, NOTE_KINDS, ExportedFollowUp, ExportedItem, ExportedNote
from ..scope import Action
from ..timing import item_seconds, session_seconds
from .champion import ChampionQueries
from .live import LiveQueries
from .notes import NotesQueries

# The rows of some mentorships' sessions. `+session_id` has SQLite scan the table in
# file order instead of fetching each session's notes through the index: three times
# faster for many sessions, and the rows come in id order without a sort. (One session
# is read through the index.)
_OF_MENTORSHIPS = "+session_id IN (SELECT id FROM sessions WHERE mentorship_id IN ({}))"


def _note_text() -> tuple[str, list[str]]:
    """SQL for a note's text as an export writes it when it needs no care (see
    ExportedNote), before its end's blanks are cut, and its parameters: the head for the
    note's visibility and author, then its body. Empty off the record: that visibility
    has no head.

    Made by SQLite as it reads the row: joining them in Python was a step per note,
    and a second string for each of five years' 100,000 notes. Visibility, then author,
    is the fewest comparisons a row.
    """
    heads: dict[str, dict[str, str]] = {}  # by visibility, by author
    for (author, visibility), head in zip(NOTE_KINDS, NOTE_HEADS, strict=True):
        if head is not None:
            heads.setdefault(visibility, {})[author] = head
    whens = [f"WHEN '{visibility}' THEN (CASE author WHEN 'mentor' THEN ? ELSE ? END)" for visibility in heads]
    params = [head for by_author in heads.values() for head in (by_author["mentor"], by_author["leader"])]
    return f"coalesce(CASE visibility {' '.join(whens)} END || body, '')", params


_NOTE_TEXT, _NOTE_TEXT_PARAMS = _note_text()


# An item's columns, as ExportedItem's fields.
_ITEM_COLUMNS = ", ".join(ExportedItem._fields)


# A follow-up's owner and status as its index in FOLLOW_UP_KINDS (CHECK constraints allow no other values).
_FOLLOW_UP_KIND = "CASE status WHEN 'open' THEN 0 WHEN 'done' THEN 2 ELSE 4 END + (owner = 'mentor')"


R = TypeVar("R")
T = TypeVar("T", bound=tuple[Any, ...])


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
        gathered = self._gather(
            [(session, mentorship)], include_private, {session_id: list(reversed(entries))},
            "session_id = ?", [session_id],
        )
        return gathered[0]

    def export_mentorship(self, mentorship_id: int, *, include_private: bool = False) -> MentorshipExport:
        mentorship = self.get_mentorship(mentorship_id)
        return self._export_mentorships([mentorship], include_private, _OF_MENTORSHIPS.format("?"), [mentorship_id])[0]

    def export_everything(self, *, include_private: bool = False) -> list[MentorshipExport]:
        overviews = self.list_mentorships(include_ended=True)
        ordered = sorted(overviews, key=lambda o: (o.mentorship.mentor.lower(), o.mentorship.id))
        mentorships = [o.mentorship for o in ordered]
        if self.scope.mentorship_id is None:
            # Every mentorship: every row, with no test of each note's session. Rows of a
            # cancelled session are read and passed over.
            return self._export_mentorships(mentorships, include_private, "1", [])
        ids = [m.id for m in mentorships]
        return self._export_mentorships(
            mentorships, include_private, _OF_MENTORSHIPS.format(", ".join("?" * len(ids))), ids
        )

    def _export_mentorships(
        self, mentorships: list[Mentorship], include_private: bool, sessions_sql: str, params: list[int]
    ) -> list[MentorshipExport]:
        """Each mentorship with its sessions (not cancelled), oldest first, read together.

        `sessions_sql` picks rows by `session_id`: at least those of the mentorships' sessions.
        """
        shown: list[tuple[Session, Mentorship]] = []
        champion: dict[int, list[ChampionEntry]] = {}
        each: list[tuple[Mentorship, int, list[ChampionEntry]]] = []  # with how many sessions, every entry
        for mentorship in mentorships:
            dates, sessions = self._sessions_by_date(mentorship.id)
            entries = self.champion_entries(mentorship.id)
            each.append((mentorship, len(sessions), entries))
            for entry in reversed(entries):
                session_id = _session_of(entry, dates, sessions)
                if session_id is not None:
                    champion.setdefault(session_id, []).append(entry)
            shown += [(s, mentorship) for s in sessions]
        gathered = self._gather(shown, include_private, champion, sessions_sql, params)
        exports, start = [], 0
        for mentorship, count, entries in each:
            exports.append(MentorshipExport(mentorship, gathered[start:start + count], entries))
            start += count
        return exports

    def _sessions_by_date(self, mentorship_id: int) -> tuple[list[str], list[Session]]:
        sessions = [s for s in reversed(self.list_sessions(mentorship_id)) if s.status != "cancelled"]
        return [s.scheduled_on.isoformat() for s in sessions], sessions

    def _gather(
        self,
        shown: list[tuple[Session, Mentorship]],
        include_private: bool,
        champion: dict[int, list[ChampionEntry]],
        sessions_sql: str,
        params: list[int],
    ) -> list[SessionExport]:
        """The sessions in `shown`, in that order; `sessions_sql` picks their rows by `session_id`."""
        if include_private:
            self.scope.require(Action.PRIVATE_NOTES)
        allowed = ("shared", "private") if include_private else ("shared",)  # off-record: never
        # Where a note is: its item's id, or minus its session's id for the session as a whole.
        notes = _by_place(self.db.execute(
            f"SELECT coalesce(agenda_item_id, -session_id), {_NOTE_TEXT} FROM notes "
            f"WHERE {sessions_sql} AND body != '' AND visibility IN ({', '.join('?' * len(allowed))}) ORDER BY id",
            [*_NOTE_TEXT_PARAMS, *params, *allowed],
        ).fetchall())
        # In session order through its index (5,200 rows in five years), each a tuple made in C.
        item_rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM agenda_items WHERE {sessions_sql} ORDER BY session_id, position, id",
            params,
        ).fetchall()
        items = _grouped(_tuples(ExportedItem, item_rows), map(_ITEM_SESSION, item_rows))
        # In the table's order, grouped by session here: SQLite's order by session went
        # through the index, a lookup in the table for each of 20,000 rows.
        follow_ups = _follow_ups_by_session(self.db.execute(
            f"SELECT agenda_item_id, title, {_FOLLOW_UP_KIND}, due_on, session_id FROM follow_ups "
            f"WHERE {sessions_sql} AND +session_id IS NOT NULL ORDER BY id",
            params,
        ).fetchall())
        now = self.now()
        return [
            SessionExport(
                session=session,
                mentorship=mentorship,
                seconds=session_seconds(session, now),
                items=[
                    ItemExport(item, item_seconds(item, session, now), notes.get(item.id, []))
                    for item in items.get(session.id, [])
                ],
                session_notes=notes.get(-session.id, []),
                follow_ups=follow_ups.get(session.id, []),
                champion=champion.get(session.id, []),
            )
            for session, mentorship in shown
        ]


def _by_place(rows: list[tuple[int, str]]) -> dict[int, list[ExportedNote]]:
    """Notes' texts by place (the rows' first column), each place's in the rows' order.

    Only the texts are kept, taken from the rows in the order SQLite made them: the
    writer then reads each place's texts without going back to the rows, which a
    place's notes lie scattered among (five years' 100,000 of them).
    """
    # The blanks at a text's end are cut here: SQLite's rtrim() made another copy of every
    # note, where str.rstrip gives back the very string when there is nothing to cut.
    return _grouped(map(str.rstrip, map(_TEXT, rows)), map(_FIRST, rows))


def _follow_ups_by_session(rows: list[tuple[Any, ...]]) -> dict[int, list[ExportedFollowUp]]:
    """Follow-ups by session (the last column), each session's in the rows' order; each
    record is made in C from its row."""
    return _grouped(_tuples(ExportedFollowUp, rows), map(_SESSION, rows))


def _grouped(values: Iterable[R], keys: Iterable[int]) -> dict[int, list[R]]:
    """`values` in lists by their keys, each list in the values' order.

    Each step runs in C (map): each value's key's list is looked up (made, the first
    time) and the value appended. Sorting by key and cutting the runs did the same in
    three times the time.
    """
    groups: defaultdict[int, list[R]] = defaultdict(list)
    deque(map(list.append, map(groups.__getitem__, keys), values), maxlen=0)
    return groups


_FIRST = itemgetter(0)
_TEXT = itemgetter(1)
_SESSION = itemgetter(4)
_ITEM_SESSION = itemgetter(1)


def _tuples(cls: type[T], values: Iterable[tuple[Any, ...]]) -> list[T]:
    """`cls` records (NamedTuples) from tuples of their fields, each made in C: the
    class's own constructor is a Python function, a step per record."""
    return list(map(tuple.__new__, repeat(cls), values))


def _session_of(entry: ChampionEntry, dates: list[str], sessions: list[Session]) -> int | None:
    """The session an entry belongs to: its own, else the last one held on or before its date."""
    if entry.session_id is not None:
        return entry.session_id
    index = bisect_right(dates, entry.happened_on.isoformat()) - 1
    return sessions[index].id if index >= 0 else None
