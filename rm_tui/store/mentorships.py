"""Mentorships: the pairings, with the figures the home screen shows for each.

Creating, changing and archiving one is the leader's admin; a scope kept to one
mentorship (a served mentor's) finds no other.
"""

from __future__ import annotations

from ..models import Mentorship, MentorshipDraft, MentorshipOverview, replace
from ..scope import Action, requires
from ..validation import same_name_key
from .base import NOW_SQL, StoreBase, inserted
from .lookup import find_mentorship_id
from .rows import wrapped_records

MENTORSHIP_COLUMNS = (
    "id, leader, mentor, expertise, focus, manager_informed, cadence_days, status, created_at, updated_at"
)


class MentorshipQueries(StoreBase):
    """The mentorship records and the home screen's overview of them."""

    @requires(Action.MANAGE_MENTORSHIPS)
    def create_mentorship(self, draft: MentorshipDraft) -> int:
        """Validate and insert; raises ValidationError and saves nothing on bad input."""
        clean = draft.validated()
        cursor = self.db.execute(
            "INSERT INTO mentorships (leader, mentor, expertise, focus, manager_informed, "
            "cadence_days, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
            _mentorship_values(clean),
        )
        self._wrote("mentorships")
        return inserted(cursor)

    @requires(Action.MANAGE_MENTORSHIPS)
    def update_mentorship(self, mentorship_id: int, draft: MentorshipDraft) -> None:
        """Validate and update every editable field; raises ValidationError on bad input."""
        clean = draft.validated()
        self.scope.require_mentorship(mentorship_id)
        cursor = self.db.execute(
            "UPDATE mentorships SET leader = ?, mentor = ?, expertise = ?, focus = ?, "
            f"manager_informed = ?, cadence_days = ?, status = ?, updated_at = {NOW_SQL} WHERE id = ?",
            [*_mentorship_values(clean), mentorship_id],
        )
        if cursor.rowcount == 0:
            raise self._not_found(f"mentorship {mentorship_id}")
        self._wrote("mentorships")

    @requires(Action.MANAGE_MENTORSHIPS)
    def set_mentorship_status(self, mentorship_id: int, status: str) -> None:
        """Archive ('ended'), pause or reactivate without touching other fields."""
        draft = self.get_mentorship(mentorship_id).as_draft()
        self.update_mentorship(mentorship_id, replace(draft, status=status))

    def get_mentorship(self, mentorship_id: int) -> Mentorship:
        self.scope.require_mentorship(mentorship_id)
        return self._one(
            Mentorship, f"SELECT {MENTORSHIP_COLUMNS} FROM mentorships WHERE id = ?", [mentorship_id],
            f"mentorship {mentorship_id}",
        )

    def list_mentorships(self, *, include_ended: bool = False) -> list[MentorshipOverview]:
        """Mentorships with the home screen's figures, in one indexed query."""
        today = self.today().isoformat()
        cursor = self.db.execute(
            f"""
            SELECT {", ".join("m." + c.strip() for c in MENTORSHIP_COLUMNS.split(","))},
                (SELECT count(*) FROM sessions s
                    WHERE s.mentorship_id = m.id AND s.status = 'held') AS sessions_held,
                (SELECT max(s.scheduled_on) FROM sessions s
                    WHERE s.mentorship_id = m.id AND s.status = 'held') AS last_held_on,
                (SELECT min(s.scheduled_on) FROM sessions s
                    WHERE s.mentorship_id = m.id AND s.status IN ('planned', 'live')) AS next_planned_on,
                (SELECT count(*) FROM follow_ups f
                    WHERE f.mentorship_id = m.id AND f.status = 'open') AS open_follow_ups,
                (SELECT count(*) FROM follow_ups f
                    WHERE f.mentorship_id = m.id AND f.status = 'open' AND f.due_on < ?) AS overdue_follow_ups
            FROM mentorships m
            WHERE (? OR m.status != 'ended') AND (? IS NULL OR m.id = ?)
            ORDER BY m.status = 'ended', m.status = 'paused', m.updated_at DESC, m.id DESC
            """,
            [today, int(include_ended), self.scope.mentorship_id, self.scope.mentorship_id],
        )
        # The mentorship's columns, then its figures.
        return wrapped_records(
            MentorshipOverview, "mentorship", Mentorship, len(MENTORSHIP_COLUMNS.split(",")), cursor
        )

    def find_mentorship(self, wanted: str) -> int:
        """A mentorship by id, or by a piece of the mentor's name that matches only one."""
        return find_mentorship_id(self.db, wanted, self.scope.mentorship_id)

    def mentorships_named(self, mentor: str) -> list[Mentorship]:
        """Every mentorship (archived ones too) whose mentor is called `mentor`, oldest first.

        Case and spacing aside ('  dana ' is Dana). Two mentors may share a name, so
        a namesake is allowed; a form asks first, because `--mentorship NAME` then
        matches several and needs the id.
        """
        wanted = same_name_key(mentor)
        if not wanted:
            return []
        # Python's casefold, not SQLite's lower(): it folds 'Zoë' and 'ZOË' alike.
        return [
            mentorship for mentorship in self._all(
                Mentorship, f"SELECT {MENTORSHIP_COLUMNS} FROM mentorships WHERE (? IS NULL OR id = ?) "
                "ORDER BY created_at, id", [self.scope.mentorship_id, self.scope.mentorship_id],
            )
            if same_name_key(mentorship.mentor) == wanted
        ]

    def last_leader_name(self) -> str:
        """The leader's name as last typed, to pre-fill the next mentorship form."""
        self.scope.require(Action.MANAGE_MENTORSHIPS)
        row = self.db.execute("SELECT leader FROM mentorships ORDER BY created_at DESC, id DESC LIMIT 1").fetchone()
        return str(row[0]) if row else ""


def _mentorship_values(clean: MentorshipDraft) -> list[object]:
    """The editable columns, in the order the INSERT and UPDATE name them."""
    return [clean.leader, clean.mentor, clean.expertise, clean.focus, int(clean.manager_informed),
            clean.cadence_days, clean.status]

