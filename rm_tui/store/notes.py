"""Notes: one or more per agenda item, and some for the session as a whole.

Saving a note's text is the autosaver's job, on its own thread
and connection; visibility is changed from the screen, one key at a time.
"""

from __future__ import annotations

from ..models import VISIBILITIES, Note, NoteText, Role, SavedNote, Visibility, replace
from ..scope import Action, requires, visible_within
from ..text import clean_text
from ..validation import one_of
from .base import NOW_SQL, StoreBase, inserted
from .connection import immediate

NOTE_COLUMNS = "id, session_id, agenda_item_id, author, visibility, body, version, conflict_of"


class NotesQueries(StoreBase):
    """Reading notes as the scope may see them, saving text, changing visibility."""

    def _visible(self, viewer: Role | None) -> tuple[Visibility, ...]:
        """The visibilities to read: the scope's, narrowed further when a `viewer` is named."""
        return self.scope.visibilities if viewer is None else visible_within(self.scope, viewer)

    def notes(self, session_id: int, agenda_item_id: int | None, viewer: Role | None = None) -> list[Note]:
        """The notes on one item (None: on the session as a whole) that the viewer may see."""
        allowed = self._visible(viewer)
        return self._all(
            Note,
            f"SELECT {NOTE_COLUMNS} FROM notes WHERE session_id = ? AND agenda_item_id IS ? "
            f"AND visibility IN ({', '.join('?' * len(allowed))}) ORDER BY id",
            [session_id, agenda_item_id, *allowed],
        )

    def note_counts(self, session_id: int, viewer: Role | None = None) -> dict[int | None, int]:
        """How many non-empty notes the viewer may see on each item of a session."""
        allowed = self._visible(viewer)
        rows = self.db.execute(
            "SELECT agenda_item_id, count(*) FROM notes WHERE session_id = ? AND body != '' "
            f"AND visibility IN ({', '.join('?' * len(allowed))}) GROUP BY agenda_item_id",
            [session_id, *allowed],
        ).fetchall()
        return dict(rows)

    def get_note(self, note_id: int, viewer: Role | None = None) -> Note:
        """One note, if it exists and the viewer may see it (NotFound otherwise)."""
        allowed = self._visible(viewer)
        return self._one(
            Note,
            f"SELECT {NOTE_COLUMNS} FROM notes WHERE id = ? AND visibility IN ({', '.join('?' * len(allowed))})",
            [note_id, *allowed],
            f"note {note_id}",
        )

    @requires(Action.WRITE_NOTES)
    def save_note(self, text: NoteText) -> SavedNote | None:
        """Write a note's text; returns where it went, or None for a new note still empty.

        A note without an id is created on its first save, so visiting an item
        leaves no empty rows behind. Control characters never reach the database.

        No save overwrites text it has not seen: when the note's version moved past
        `text.base_version` (another window saved in between) and the bodies differ,
        this text becomes a new note beside the other, marked as its conflict copy.
        A note whose agenda item was removed meanwhile lands on the session as a whole.
        """
        text = replace(text, body=clean_text(text.body))
        if text.note_id is None and not text.body:
            return None
        one_of(text.visibility, "visibility", "Visibility", VISIBILITIES)
        self.scope.require_own(text.author, "write notes as the leader")
        self.scope.require_visible(text.visibility)
        with immediate(self.db):
            saved = self._write_note(text)
        self._wrote("notes")
        return saved

    def _write_note(self, text: NoteText) -> SavedNote:
        """save_note's work, inside its write transaction."""
        moved = text.agenda_item_id is not None and not self.db.execute(
            "SELECT 1 FROM agenda_items WHERE id = ?", [text.agenda_item_id]
        ).fetchone()
        if moved:
            text = replace(text, agenda_item_id=None, note_id=None)
        if text.note_id is None:
            return SavedNote(self._insert_note(text, conflict_of=None), 1, moved_to_session=moved)
        row = self.db.execute(
            "SELECT version, body, author, visibility FROM notes WHERE id = ?", [text.note_id]
        ).fetchone()
        if row is None:  # gone with its item: keep the words on the session instead
            kept = replace(text, agenda_item_id=None)
            return SavedNote(self._insert_note(kept, conflict_of=None), 1, moved_to_session=True)
        version, body, author, visibility = row
        self.scope.require_own(author, "edit the leader's notes")
        self.scope.require_visible(visibility)
        if body == text.body:
            return SavedNote(text.note_id, version)
        if text.base_version is not None and version != text.base_version:
            return SavedNote(self._insert_note(text, conflict_of=text.note_id), 1, forked_from=text.note_id)
        self.db.execute(
            f"UPDATE notes SET body = ?, version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
            [text.body, text.note_id],
        )
        return SavedNote(text.note_id, version + 1)

    def _insert_note(self, text: NoteText, *, conflict_of: int | None) -> int:
        cursor = self.db.execute(
            "INSERT INTO notes (session_id, agenda_item_id, author, visibility, body, conflict_of) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [text.session_id, text.agenda_item_id, text.author, text.visibility, text.body, conflict_of],
        )
        return inserted(cursor)

    @requires(Action.PRIVATE_NOTES)
    def set_note_visibility(self, note_id: int, visibility: str) -> None:
        clean = one_of(visibility, "visibility", "Visibility", VISIBILITIES)
        (author,) = self._one_row("SELECT author FROM notes WHERE id = ?", [note_id], f"note {note_id}")
        self.scope.require_visibility_for(author, clean)
        cursor = self.db.execute(
            # Not a new version: `version` counts edits of the text, which is what a
            # save in another window must not miss.
            f"UPDATE notes SET visibility = ?, updated_at = {NOW_SQL} WHERE id = ?",
            [clean, note_id],
        )
        if cursor.rowcount == 0:
            raise self._not_found(f"note {note_id}")
        self._wrote("notes")
