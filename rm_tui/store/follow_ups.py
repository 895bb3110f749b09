"""Follow-ups: what one of the pair agreed to do, by when.

A follow-up belongs to a mentorship and, when it came up in a
meeting, to that session and agenda item.
"""

from __future__ import annotations

from datetime import date

from ..dates import parse_date
from ..models import FOLLOW_UP_FILTERS, ROLES, FollowUp, FollowUpRow, FollowUpStatus
from ..schedule import default_session_date
from ..scope import Action, requires
from ..validation import one_of, required_text
from .agenda import AgendaQueries
from .base import NOW_SQL, inserted
from .carry_over import FOLLOW_UP_PREFIX
from .connection import immediate
from .rows import wrapped_records

_FOLLOW_UP_COLUMNS = "id, mentorship_id, session_id, agenda_item_id, title, owner, due_on, status, version"


class FollowUpQueries(AgendaQueries):
    """Follow-ups across mentorships; a new or reopened one joins the next planned agenda."""

    @requires(Action.CAPTURE_FOLLOW_UPS)
    def add_follow_up(
        self,
        mentorship_id: int,
        *,
        title: str,
        owner: str,
        due: str | date | None,
        session_id: int | None = None,
        agenda_item_id: int | None = None,
    ) -> int:
        """Record a follow-up; refuses an empty title, an unknown owner or a bad date.

        It also joins the next planned session's agenda, if one is planned, so the
        pair checks on it there.
        """
        values = self._clean(title, owner, due)
        self.scope.require_mentorship(mentorship_id)
        with immediate(self.db):
            cursor = self.db.execute(
                "INSERT INTO follow_ups (mentorship_id, session_id, agenda_item_id, title, owner, due_on) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [mentorship_id, session_id, agenda_item_id, *values],
            )
            follow_up_id = inserted(cursor)
            self._carry_into_next_planned(mentorship_id, only_follow_up=follow_up_id, besides=session_id)
        self._wrote("follow_ups", "agenda_items")
        return follow_up_id

    def _clean(self, title: str, owner: str, due: str | date | None) -> tuple[str, str, str | None]:
        """(title, owner, due as ISO or None), checked the same way on create and on edit."""
        clean_title = required_text(title, "title", "What is to be done", 200)
        clean_owner = one_of(owner, "owner", "The owner", ROLES)
        if isinstance(due, str):
            due = parse_date(due, self.today(), "due_on", "Due date") if due.strip() else None
        return clean_title, clean_owner, due.isoformat() if due else None

    def list_follow_ups(
        self, show: str = "open", *, owner: str | None = None, mentorship_id: int | None = None
    ) -> list[FollowUpRow]:
        """Follow-ups across every mentorship: 'open', 'overdue', 'done' (done or dropped) or 'all'.

        Open ones come first, soonest due first; then the rest, newest first.
        """
        one_of(show, "show", "Show", FOLLOW_UP_FILTERS)
        today = self.today().isoformat()
        if self.scope.mentorship_id is not None:
            mentorship_id = self.scope.mentorship_id
        cursor = self.db.execute(
            f"SELECT {', '.join('f.' + c for c in _FOLLOW_UP_COLUMNS.split(', '))}, m.mentor, "
            "s.scheduled_on AS session_on "
            "FROM follow_ups f JOIN mentorships m ON m.id = f.mentorship_id "
            "LEFT JOIN sessions s ON s.id = f.session_id "
            "WHERE (:show = 'all' OR (:show = 'open' AND f.status = 'open') "
            "   OR (:show = 'overdue' AND f.status = 'open' AND f.due_on < :today) "
            "   OR (:show = 'done' AND f.status != 'open')) "
            "AND (:owner IS NULL OR f.owner = :owner) AND (:mentorship IS NULL OR f.mentorship_id = :mentorship) "
            "ORDER BY f.status != 'open', CASE WHEN f.status = 'open' THEN f.due_on IS NULL END, "
            "CASE WHEN f.status = 'open' THEN f.due_on END, f.updated_at DESC, f.id DESC",
            {"show": show, "today": today, "owner": owner, "mentorship": mentorship_id},
        )
        # The follow-up's columns, then where it is from: its mentor and meeting.
        return wrapped_records(FollowUpRow, "follow_up", FollowUp, len(_FOLLOW_UP_COLUMNS.split(", ")), cursor)

    def get_follow_up(self, follow_up_id: int) -> FollowUp:
        follow_up = self._one(FollowUp, f"SELECT {_FOLLOW_UP_COLUMNS} FROM follow_ups WHERE id = ?",
                              [follow_up_id], f"follow-up {follow_up_id}")
        if not self.scope.includes(follow_up.mentorship_id):
            raise self._not_found(f"follow-up {follow_up_id}")
        return follow_up

    @requires(Action.MANAGE_FOLLOW_UPS)
    def set_follow_up_status(self, follow_up_id: int, status: FollowUpStatus) -> FollowUpStatus:
        """Mark done, dropped or open again; returns the status it had, for undo."""
        one_of(status, "status", "Status", ("open", "done", "dropped"))
        with immediate(self.db):
            follow_up = self.get_follow_up(follow_up_id)
            self.db.execute(
                "UPDATE follow_ups SET status = ?, done_on = CASE WHEN ? = 'open' THEN NULL ELSE ? END, "
                f"version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
                [status, status, self.today().isoformat(), follow_up_id],
            )
            if status == "open":  # open again (or an undo): back on the next agenda
                self._carry_into_next_planned(
                    follow_up.mentorship_id, only_follow_up=follow_up_id, besides=follow_up.session_id
                )
            else:
                # Done or dropped: nothing left to check on at meetings not yet held. A row
                # someone already wrote a note on stays, as the note's place.
                self.db.execute(
                    "DELETE FROM agenda_items WHERE follow_up_id = ? AND status = 'open' "
                    "AND session_id IN (SELECT id FROM sessions WHERE status = 'planned') "
                    "AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.agenda_item_id = agenda_items.id)",
                    [follow_up_id],
                )
        self._wrote("follow_ups", "agenda_items")
        return follow_up.status

    @requires(Action.MANAGE_FOLLOW_UPS)
    def edit_follow_up(self, follow_up_id: int, *, title: str, owner: str, due: str | date | None) -> None:
        """Change what, who and when; refuses an empty title or a bad date, saving nothing.

        Its item on an agenda not yet held takes the new title and owner too.
        """
        clean_title, clean_owner, clean_due = self._clean(title, owner, due)
        with immediate(self.db):
            self.get_follow_up(follow_up_id)  # NotFound when gone, or outside the scope
            cursor = self.db.execute(
                "UPDATE follow_ups SET title = ?, owner = ?, due_on = ?, version = version + 1, "
                f"updated_at = {NOW_SQL} "
                "WHERE id = ?",
                [clean_title, clean_owner, clean_due, follow_up_id],
            )
            if cursor.rowcount == 0:
                raise self._not_found(f"follow-up {follow_up_id}")
            self.db.execute(
                f"UPDATE agenda_items SET title = ?, proposed_by = ?, version = version + 1, updated_at = {NOW_SQL} "
                "WHERE follow_up_id = ? AND session_id IN (SELECT id FROM sessions WHERE status = 'planned')",
                [f"{FOLLOW_UP_PREFIX}{clean_title}", clean_owner, follow_up_id],
            )
        self._wrote("follow_ups", "agenda_items")

    def follow_ups_for_session(self, session_id: int) -> list[FollowUp]:
        return self._all(
            FollowUp, f"SELECT {_FOLLOW_UP_COLUMNS} FROM follow_ups WHERE session_id = ? ORDER BY id", [session_id]
        )

    def default_follow_up_due(self, session_id: int) -> date:
        """The next session by the cadence: the natural 'by next time'."""
        scheduled_on, cadence_days = self._one_row(
            "SELECT s.scheduled_on, m.cadence_days FROM sessions s JOIN mentorships m ON m.id = s.mentorship_id "
            "WHERE s.id = ?",
            [session_id],
            f"session {session_id}",
        )
        return default_session_date(date.fromisoformat(scheduled_on), cadence_days, self.today())

