"""Importing an agenda written elsewhere into the next planned session, all or nothing.

The records come from rm_tui.agenda_import. The session they join is the next
planned one (the one carry-over fills, as `s` shows it); when none is planned, one
is planned in the same transaction, exactly as planning does, carry-over included.
The agenda builder names its own session instead: the one on screen, which may be
running, or planned after another.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..errors import ValidationError
from ..models import DEFAULT_SESSION_MINUTES, Role
from ..scope import Action, requires
from ..validation import required_text, whole_number
from .base import inserted
from .carry_over import NEXT_PLANNED_ORDER
from .connection import immediate
from .follow_ups import FollowUpQueries

if TYPE_CHECKING:
    # Loaded with the first import: its patterns and records cost every start a few ms.
    from ..agenda_import import ImportedAgenda, ImportedNote, ImportTarget

DEFAULT_ITEM_MINUTES = 10  # as an item added in the builder


class ImportQueries(FollowUpQueries):
    """Adding an imported agenda (and, from an export, its notes and follow-ups)."""

    def import_target(self, mentorship_id: int, *, session_id: int | None = None) -> ImportTarget:
        """The session an import would join (`session_id`'s, when given); nothing is written."""
        from ..agenda_import import ImportTarget

        mentor = self.get_mentorship(mentorship_id).mentor
        if session_id is not None:
            session = self.get_session(session_id)
            if session.mentorship_id != mentorship_id:
                raise ValidationError("session_id", f"session {session_id} is not one of {mentor}'s")
            if session.status not in ("planned", "live"):
                raise ValidationError("session_id", f"session {session_id} was {session.status}; "
                                                    "import into a planned one")
            return ImportTarget(mentorship_id, mentor, session.id, session.scheduled_on)
        row = self.db.execute(
            "SELECT id, scheduled_on FROM sessions WHERE mentorship_id = ? AND status = 'planned' "
            f"ORDER BY {NEXT_PLANNED_ORDER} LIMIT 1",
            [mentorship_id],
        ).fetchone()
        if row is None:
            return ImportTarget(mentorship_id, mentor, None, self.next_session_date(mentorship_id))
        return ImportTarget(mentorship_id, mentor, row[0], date.fromisoformat(row[1]))

    @requires(Action.EDIT_AGENDA)
    def import_agenda(self, mentorship_id: int, agenda: ImportedAgenda, *, by: Role,
                      session_id: int | None = None) -> int:
        """Add the items to `session_id`, else the next planned session (planning one if none); returns its id.

        One transaction: a refused item, note or follow-up leaves the database as it was.
        Items the file does not say who proposed are proposed by `by`.
        """
        self.scope.require_mentorship(mentorship_id)
        self._check_import(agenda, by)
        with immediate(self.db):
            target = self.import_target(mentorship_id, session_id=session_id)
            session_id = target.session_id
            if session_id is None:
                self.scope.require(Action.PLAN_SESSIONS)
                session_id = inserted(self.db.execute(
                    "INSERT INTO sessions (mentorship_id, scheduled_on, minutes) VALUES (?, ?, ?)",
                    [mentorship_id, target.scheduled_on.isoformat(), DEFAULT_SESSION_MINUTES],
                ))
                self._bring_in_carry_over(session_id)
            item_ids = [self._import_item(session_id, item.title, item.minutes, item.prompt,
                                          item.proposed_by or by) for item in agenda.items]
            for item_id, item in zip(item_ids, agenda.items, strict=True):
                self._import_notes(session_id, item_id, item.notes)
            self._import_notes(session_id, None, agenda.session_notes)
            for follow_up in agenda.follow_ups:
                number = follow_up.item_number
                from_item = item_ids[number - 1] if number and number <= len(item_ids) else None
                self.db.execute(
                    "INSERT INTO follow_ups (mentorship_id, session_id, agenda_item_id, title, owner, due_on, "
                    "status, done_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    [mentorship_id, session_id, from_item, required_text(follow_up.title, "title", "A follow-up", 200),
                     follow_up.owner, follow_up.due_on.isoformat() if follow_up.due_on else None, follow_up.status,
                     None if follow_up.status == "open" else self.today().isoformat()],
                )
        self._wrote("sessions", "agenda_items", "notes", "follow_ups")
        return session_id

    def _check_import(self, agenda: ImportedAgenda, by: Role) -> None:
        """Refuse before writing what this viewer may not add (the mentor, as the leader)."""
        for item in agenda.items:
            self.scope.require_own(item.proposed_by or by, "add an item as the leader")
        for note in [n for item in agenda.items for n in item.notes] + list(agenda.session_notes):
            self.scope.require(Action.WRITE_NOTES)
            self.scope.require_own(note.author, "write notes as the leader")
            self.scope.require_visibility_for(note.author, note.visibility)
        if agenda.follow_ups:
            self.scope.require(Action.CAPTURE_FOLLOW_UPS)

    def _import_item(self, session_id: int, title: str, minutes: int | None, prompt: str, by: Role) -> int:
        clean_title = required_text(title, "title", "The item's title", 200)
        length = whole_number(minutes or DEFAULT_ITEM_MINUTES, "minutes", "Minutes", 1, 240)
        return inserted(self.db.execute(
            "INSERT INTO agenda_items (session_id, position, title, prompt, minutes, proposed_by) "
            "VALUES (?, (SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE session_id = ?), ?, ?, ?, ?)",
            [session_id, session_id, clean_title, prompt.strip(), length, by],
        ))

    def _import_notes(self, session_id: int, item_id: int | None, notes: tuple[ImportedNote, ...]) -> None:
        for note in notes:
            if note.body.strip():
                self.db.execute(
                    "INSERT INTO notes (session_id, agenda_item_id, author, visibility, body) VALUES (?, ?, ?, ?, ?)",
                    [session_id, item_id, note.author, note.visibility, note.body],
                )
