"""Full-text search over notes, agenda items, follow-ups and topics.

All of its SQL is here. The FTS5 indexes come from migration 7
(sqlite-utils' enable_fts, kept in step by triggers). What a viewer may not see is
filtered inside the query, so private and off-record text never even leaves SQLite
for the mentor's view.
"""

from __future__ import annotations

import re

from ..models import Role, SearchHit
from ..scope import visible_within
from .topics import TopicQueries

RESULTS = 20
_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Every word must match; the last one may be the start of a word (search as you type).

    Words are quoted, so nothing typed is read as FTS syntax (NOT, OR, quotes, stars).
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words[:-1]) + (" " if len(words) > 1 else "") + f'"{words[-1]}"*'


def _snippet(table: str, column: int) -> str:
    # char(2) and char(3) are MARK_START and MARK_END (rm_tui.models): they never occur in stored text.
    return f"snippet({table}_fts, {column}, char(2), char(3), '…', 10)"


class SearchQueries(TopicQueries):
    """Search as the scope may see: private and off-record text never matches for the mentor."""

    def search(self, text: str, viewer: Role | None = None, limit: int = RESULTS) -> list[SearchHit]:
        """Up to `limit` matches of every word in `text`, newest first, then topics.

        What the store's scope may not see never matches, whatever `viewer` asks for.
        """
        match = fts_query(text)
        if match is None:
            return []
        self._topics_current()  # the topics are searched too
        allowed = self.scope.visibilities if viewer is None else visible_within(self.scope, viewer)
        marks = ", ".join("?" * len(allowed))
        only = self.scope.mentorship_id
        parts: list[tuple[str, list[object]]] = [
            # The first part names the columns for the whole union: SearchHit's fields.
            (f"SELECT 'note' AS kind, n.id AS ref_id, coalesce(i.title, 'The session as a whole') AS title, "
             f"{_snippet('notes', 0)} AS context, n.session_id AS session_id, n.agenda_item_id AS agenda_item_id, "
             "m.mentor AS mentor, s.scheduled_on AS \"on\", 0 AS rank, n.author AS \"by\", "
             "n.visibility AS visibility "
             "FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid JOIN sessions s ON s.id = n.session_id "
             "JOIN mentorships m ON m.id = s.mentorship_id LEFT JOIN agenda_items i ON i.id = n.agenda_item_id "
             f"WHERE notes_fts MATCH ? AND n.visibility IN ({marks}) AND (? IS NULL OR m.id = ?) "
             "ORDER BY notes_fts.rowid DESC LIMIT ?", [match, *allowed, only, only, limit]),
            (f"SELECT 'item', i.id, i.title, {_snippet('agenda_items', -1)}, i.session_id, i.id, m.mentor, "
             "s.scheduled_on, 0 AS rank, i.proposed_by, NULL FROM agenda_items_fts "
             "JOIN agenda_items i ON i.rowid = agenda_items_fts.rowid JOIN sessions s ON s.id = i.session_id "
             "JOIN mentorships m ON m.id = s.mentorship_id "
             "WHERE agenda_items_fts MATCH ? AND (? IS NULL OR m.id = ?) ORDER BY agenda_items_fts.rowid DESC LIMIT ?",
             [match, only, only, limit]),
            (f"SELECT 'follow-up', f.id, f.title, {_snippet('follow_ups', 0)}, f.session_id, f.agenda_item_id, "
             "m.mentor, f.due_on, 0 AS rank, NULL, NULL FROM follow_ups_fts "
             "JOIN follow_ups f ON f.rowid = follow_ups_fts.rowid JOIN mentorships m ON m.id = f.mentorship_id "
             "WHERE follow_ups_fts MATCH ? AND (? IS NULL OR m.id = ?) ORDER BY follow_ups_fts.rowid DESC LIMIT ?",
             [match, only, only, limit]),
            (f"SELECT 'topic', t.id, t.title, {_snippet('topics', -1)}, NULL, NULL, NULL, NULL, "
             "bm25(topics_fts) AS rank, NULL, NULL FROM topics_fts JOIN topics t ON t.rowid = topics_fts.rowid "
             "WHERE topics_fts MATCH ? ORDER BY rank LIMIT ?", [match, limit]),
        ]
        # Each part takes its newest few straight from its index (FTS5 walks it backwards
        # and stops: a word in every note costs what a rare one does, where ranking all
        # matches by relevance would not); the merge puts the most recent meetings first,
        # and the topics, which have no date, after them in order of relevance.
        union = " UNION ALL ".join(f"SELECT * FROM ({query})" for query, _ in parts)
        sql = (
            "SELECT kind, ref_id, title, coalesce(context, title) AS context, session_id, agenda_item_id, mentor, "
            f'"on", "by", visibility FROM ({union}) ORDER BY "on" IS NULL, "on" DESC, rank LIMIT ?'
        )
        values = [value for _, args in parts for value in args] + [limit]
        return self._all(SearchHit, sql, values)
