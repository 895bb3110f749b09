"""Full-text search over notes, agenda items, follow-ups and topics.

A mixin of Store; all of its SQL is here. The FTS5 indexes come from migration 7
(sqlite-utils' enable_fts, kept in step by triggers). What a viewer may not see is
filtered inside the query, so private and off-record text never even leaves SQLite
for the mentor's view.
"""

from __future__ import annotations

import sqlite3
import re
from dataclasses import dataclass
from datetime import date


from .models import Role
from .scope import Scope, visible_within

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in `context`; never in stored text
RESULTS = 20
_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    """One result: what it is, where it lives, and the words around the match."""

    kind: str  # 'note', 'item', 'follow-up' or 'topic'
    ref_id: int
    title: str  # the agenda item, follow-up or topic title (for a note: its item's)
    context: str  # a snippet with MARK_START/MARK_END around matched words
    session_id: int | None = None
    agenda_item_id: int | None = None
    mentor: str | None = None
    on: date | None = None
    by: str | None = None  # who wrote the note, or proposed the agenda item


def fts_query(text: str) -> str | None:
    """Every word must match; the last one may be the start of a word (search as you type).

    Words are quoted, so nothing typed is read as FTS syntax (NOT, OR, quotes, stars).
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'


def _snippet(table: str, column: int) -> str:
    return f"snippet({table}_fts, {column}, char(2), char(3), '…', 10)"


class SearchQueries:
    db: sqlite3.Connection
    scope: Scope

    def search(self, text: str, viewer: Role | None = None, limit: int = RESULTS) -> list[SearchHit]:
        """Up to `limit` matches of every word in `text`, newest first, then topics.

        What the store's scope may not see never matches, whatever `viewer` asks for.
        """
        match = fts_query(text)
        if match is None:
            return []
        allowed = self.scope.visibilities if viewer is None else visible_within(self.scope, viewer)
        marks = ", ".join("?" * len(allowed))
        only = self.scope.mentorship_id
        parts = [
            (f"SELECT 'note', n.id, coalesce(i.title, 'The session as a whole'), {_snippet('notes', 0)}, "
             "n.session_id, n.agenda_item_id, m.mentor, s.scheduled_on AS on_day, 0 AS rank, n.author "
             "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid JOIN sessions s ON s.id = n.session_id "
             "JOIN mentorships m ON m.id = s.mentorship_id LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
             f"WHERE notes_fts MATCH ? AND n.visibility IN ({marks}) AND (? IS NULL OR m.id = ?) "
             "ORDER BY notes_fts.rowid DESC LIMIT ?", [match, *allowed, only, only, limit]),
            (f"SELECT 'item', i.id, i.title, {_snippet('agenda_items', -1)}, i.session_id, i.id, m.mentor, "
             "s.scheduled_on, 0 AS rank, i.proposed_by FROM agenda_items_fts "
             "JOIN agenda_items i ON i.rowid = agenda_items_fts.rowid JOIN sessions s ON s.id = i.session_id "
             "JOIN mentorships m ON m.id = s.mentorship_id "
             "WHERE agenda_items_fts MATCH ? AND (? IS NULL OR m.id = ?) ORDER BY agenda_items_fts.rowid DESC LIMIT ?",
             [match, only, only, limit]),
            (f"SELECT 'follow-up', f.id, f.title, {_snippet('follow_ups', 0)}, f.session_id, f.agenda_item_id, "
             "m.mentor, f.due_on, 0 AS rank, NULL FROM follow_ups_fts "
             "JOIN follow_ups f ON f.rowid = follow_ups_fts.rowid JOIN mentorships m ON m.id = f.mentorship_id "
             "WHERE follow_ups_fts MATCH ? AND (? IS NULL OR m.id = ?) ORDER BY follow_ups_fts.rowid DESC LIMIT ?",
             [match, only, only, limit]),
            (f"SELECT 'topic', t.id, t.title, {_snippet('topics', -1)}, NULL, NULL, NULL, NULL, "
             "bm25(topics_fts) AS rank, NULL FROM topics_fts JOIN topics t ON t.rowid = topics_fts.rowid "
             "WHERE topics_fts MATCH ? ORDER BY rank LIMIT ?", [match, limit]),
        ]
        # Each part takes its newest few straight from its index (FTS5 walks it backwards
        # and stops: a word in every note costs what a rare one does, where ranking all
        # matches by relevance would not); the merge puts the most recent meetings first,
        # and the topics, which have no date, after them in order of relevance.
        union = " UNION ALL ".join(f"SELECT * FROM ({query})" for query, _ in parts)
        sql = f"SELECT * FROM ({union}) ORDER BY on_day IS NULL, on_day DESC, rank LIMIT ?"
        values = [value for _, args in parts for value in args] + [limit]
        return [
            SearchHit(row[0], row[1], row[2], row[3] or row[2], row[4], row[5], row[6],
                      date.fromisoformat(row[7]) if row[7] else None, row[9])
            for row in self.db.execute(sql, values).fetchall()
        ]
