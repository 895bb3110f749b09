"""Notes: one or more per agenda item, and some for the session as a whole.

A mixin of Store. Saving a note's text is the autosaver's job, on its own thread
and connection; visibility is changed from the screen, one key at a time.
"""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from .db import immediate
from .errors import NotFound
from .models import VISIBILITIES, Note, NoteText, Role, visible_to
from .store_agenda import _NOW
from .text import clean_text
from .validation import one_of

_NOTE_COLUMNS = "id, session_id, agenda_item_id, author, visibility, body, version"


class NotesQueries:
    db: Database

    def _wrote(self) -> None:  # provided by Store
        raise NotImplementedError

    def notes(self, session_id: int, agenda_item_id: int | None, viewer: Role) -> list[Note]:
        """The notes on one item (None: on the session as a whole) that `viewer` may see."""
        allowed = visible_to(viewer)
        rows = self.db.execute(
            f"SELECT {_NOTE_COLUMNS} FROM notes WHERE session_id = ? AND agenda_item_id IS ? "
            f"AND visibility IN ({', '.join('?' * len(allowed))}) ORDER BY id",
            [session_id, agenda_item_id, *allowed],
        ).fetchall()
        return [Note(*row) for row in rows]

    def note_counts(self, session_id: int, viewer: Role) -> dict[int | None, int]:
        """How many non-empty notes `viewer` may see on each item of a session."""
        allowed = visible_to(viewer)
        rows = self.db.execute(
            "SELECT agenda_item_id, count(*) FROM notes WHERE session_id = ? AND body != '' "
            f"AND visibility IN ({', '.join('?' * len(allowed))}) GROUP BY agenda_item_id",
            [session_id, *allowed],
        ).fetchall()
        return dict(rows)

    def get_note(self, note_id: int) -> Note:
        row = self.db.execute(f"SELECT {_NOTE_COLUMNS} FROM notes WHERE id = ?", [note_id]).fetchone()
        if row is None:
            raise NotFound(f"note {note_id} no longer exists")
        return Note(*row)

    def save_note(self, text: NoteText) -> tuple[int, int] | None:
        """Write a note's text; returns (id, version), or None for a new note still empty.

        A note without an id is created on its first save, so visiting an item
        leaves no empty rows behind. Control characters never reach the database.
        """
        text = replace(text, body=clean_text(text.body))
        if text.note_id is None:
            if not text.body:
                return None
            one_of(text.visibility, "visibility", "Visibility", VISIBILITIES)
            cursor = self.db.execute(
                "INSERT INTO notes (session_id, agenda_item_id, author, visibility, body) VALUES (?, ?, ?, ?, ?)",
                [text.session_id, text.agenda_item_id, text.author, text.visibility, text.body],
            )
            self._wrote()
            return int(cursor.lastrowid), 1
        with immediate(self.db):
            self.db.execute(
                f"UPDATE notes SET body = ?, version = version + 1, updated_at = {_NOW} WHERE id = ?",
                [text.body, text.note_id],
            )
            row = self.db.execute("SELECT version FROM notes WHERE id = ?", [text.note_id]).fetchone()
        if row is None:
            raise NotFound(f"note {text.note_id} no longer exists")
        self._wrote()
        return text.note_id, row[0]

    def set_note_visibility(self, note_id: int, visibility: str) -> None:
        clean = one_of(visibility, "visibility", "Visibility", VISIBILITIES)
        cursor = self.db.execute(
            f"UPDATE notes SET visibility = ?, version = version + 1, updated_at = {_NOW} WHERE id = ?",
            [clean, note_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"note {note_id} no longer exists")
        self._wrote()
