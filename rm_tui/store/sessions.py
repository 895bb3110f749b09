"""Sessions: planning the next meeting, moving or calling it off, and finding them.

Planning is the leader's admin; the mentor's window finds sessions of its own
mentorship only. What carries over into a planned session is carry_over's job.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from ..dates import parse_date
from ..errors import ValidationError
from ..models import DEFAULT_SESSION_MINUTES, PlannedAlready, Session, replace
from ..schedule import default_session_date
from ..scope import Action, requires
from ..text import counted
from ..validation import whole_number
from .base import NOW_SQL, inserted
from .carry_over import NEXT_PLANNED_ORDER, CarryOverQueries
from .connection import immediate
from .mentorships import MentorshipQueries
from .standing import StandingQueries

SESSION_COLUMNS = (
    "id, mentorship_id, scheduled_on, minutes, status, rules_shown, started_at, ended_at, "
    "current_item_id, current_since"
)

IfPlanned = Literal["refuse", "move", "keep"]
"""What planning does when a session is already planned: refuse (so the caller can ask),
move that session to the new date, or keep both."""


class SessionQueries(CarryOverQueries, StandingQueries, MentorshipQueries):
    """Sessions of a mentorship, planned, running, held or called off."""


    @requires(Action.PLAN_SESSIONS)
    def plan_session(
        self,
        mentorship_id: int,
        *,
        scheduled_on: date | str | None = None,
        minutes: int | str = DEFAULT_SESSION_MINUTES,
        if_planned: IfPlanned = "keep",
    ) -> int:
        """Plan the next meeting and bring in what is still open from the last one held.

        The date defaults to the last session plus the cadence (today for the first).
        What carries over is decided by `_bring_in_carry_over`.

        A second planned session splits the agenda: what carried over and the
        mentor's additions stay on the first while the new one opens empty. So a
        person planning is asked first (`check_plan` says what to ask), then
        `if_planned` carries the answer: "move" moves that session (its id is
        returned, its agenda with it), "keep" plans a second one, and "refuse"
        raises with the question, for a caller that has not asked.
        """
        when, length = _plan_inputs(scheduled_on, minutes, self.today())
        self.scope.require_mentorship(mentorship_id)
        with immediate(self.db):
            planned = None if if_planned == "keep" else self.planned_already(mentorship_id)
            if planned is not None and if_planned == "refuse":
                raise ValidationError("scheduled_on", _already_planned(planned) + ": move it, or keep both")
            if planned is not None:
                session_id = planned.session.id
                self.db.execute(
                    "UPDATE sessions SET scheduled_on = ?, minutes = ?, version = version + 1, "
                    f"updated_at = {NOW_SQL} WHERE id = ?",
                    [(when or planned.session.scheduled_on).isoformat(), length, session_id],
                )
            else:
                cadence = self._one_row(
                    "SELECT cadence_days FROM mentorships WHERE id = ?", [mentorship_id], f"mentorship {mentorship_id}"
                )
                previous = self.db.execute(
                    "SELECT scheduled_on FROM sessions WHERE mentorship_id = ? "
                    "AND status != 'cancelled' ORDER BY scheduled_on DESC, id DESC LIMIT 1",
                    [mentorship_id],
                ).fetchone()
                last_on = date.fromisoformat(previous[0]) if previous else None
                when = when or default_session_date(last_on, cadence[0], self.today())
                session_id = inserted(self.db.execute(
                    "INSERT INTO sessions (mentorship_id, scheduled_on, minutes) VALUES (?, ?, ?)",
                    [mentorship_id, when.isoformat(), length],
                ))
                self._bring_in_carry_over(session_id)
                self._join_standing_items(session_id)  # after carry-over: a carried copy of one is its copy
        self._wrote("sessions", "agenda_items")
        return session_id

    def check_plan(
        self,
        mentorship_id: int,
        *,
        scheduled_on: date | str | None = None,
        minutes: int | str = DEFAULT_SESSION_MINUTES,
    ) -> PlannedAlready | None:
        """What planning this would run into, before anything is written.

        Refuses bad input as `plan_session` would. None: nothing is planned yet, so
        planning goes ahead; else the session planned already, with the date the new
        one would take, for the question "move it, or keep both?".
        """
        when, _ = _plan_inputs(scheduled_on, minutes, self.today())
        planned = self.planned_already(mentorship_id)
        if planned is None:
            return None
        return replace(planned, moving_to=when or self.next_session_date(mentorship_id))

    @requires(Action.PLAN_SESSIONS)
    def update_session(self, session_id: int, *, scheduled_on: date | str, minutes: int | str) -> None:
        """Move a planned session to another day or change its length; refuses any other session."""
        # The date first: it is the form's first field, so its refusal is the one to read first.
        if isinstance(scheduled_on, str):
            scheduled_on = parse_date(scheduled_on, self.today(), "scheduled_on", "Session date")
        length = whole_number(minutes, "minutes", "Session length (minutes)", 5, 480)
        with immediate(self.db):
            _refuse_unless_planned(self.get_session(session_id), "changed")
            self.db.execute(
                "UPDATE sessions SET scheduled_on = ?, minutes = ?, version = version + 1, "
                f"updated_at = {NOW_SQL} WHERE id = ?",
                [scheduled_on.isoformat(), length, session_id],
            )
        self._wrote("sessions")

    @requires(Action.PLAN_SESSIONS)
    def cancel_session(self, session_id: int) -> None:
        """Call off a planned session; refuses one that is running, held or already cancelled.

        What was carried into it is no longer on any agenda, so it moves on to the
        next planned session, if there is one.
        """
        with immediate(self.db):
            session = self.get_session(session_id)
            _refuse_unless_planned(session, "cancelled")
            self.db.execute(
                f"UPDATE sessions SET status = 'cancelled', version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
                [session_id],
            )
            self._carry_into_next_planned(session.mentorship_id, moved_from=session_id)
        self._wrote("sessions", "agenda_items")


    def planned_already(self, mentorship_id: int) -> PlannedAlready | None:
        """The session of a mentorship still to come and not started, if there is one.

        With more than one (kept both), the one the agenda opens on: the one with items.
        """
        self.scope.require_mentorship(mentorship_id)
        found = self._all(
            Session,
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE mentorship_id = ? AND status = 'planned' "
            f"ORDER BY {NEXT_PLANNED_ORDER} LIMIT 1",
            [mentorship_id],
        )
        if not found:
            return None
        items, mentor = self._one_row(
            "SELECT (SELECT count(*) FROM agenda_items WHERE session_id = ?), mentor FROM mentorships WHERE id = ?",
            [found[0].id, mentorship_id],
            f"mentorship {mentorship_id}",
        )
        return PlannedAlready(found[0], items, mentor)

    def next_session_date(self, mentorship_id: int) -> date:
        """Where a new session would go: the last one plus the cadence, or today."""
        cadence_days, last_on = self._one_row(
            "SELECT m.cadence_days, (SELECT max(scheduled_on) FROM sessions s WHERE "
            "s.mentorship_id = m.id AND s.status != 'cancelled') FROM mentorships m WHERE m.id = ?",
            [mentorship_id],
            f"mentorship {mentorship_id}",
        )
        last = date.fromisoformat(last_on) if last_on else None
        return default_session_date(last, cadence_days, self.today())

    def get_session(self, session_id: int) -> Session:
        session = self._one(Session, f"SELECT {SESSION_COLUMNS} FROM sessions WHERE id = ?", [session_id],
                            f"session {session_id}")
        if not self.scope.includes(session.mentorship_id):  # another mentorship's is not there
            raise self._not_found(f"session {session_id}")
        return session

    def upcoming_session(self, mentorship_id: int) -> Session | None:
        """The running session, else the next planned one, if there is one.

        Of two planned ones, the one whose agenda carry-over fills (see NEXT_PLANNED_ORDER).
        """
        found = self._all(
            Session,
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE mentorship_id = ? "
            f"AND status IN ('planned', 'live') ORDER BY status = 'live' DESC, {NEXT_PLANNED_ORDER} LIMIT 1",
            [mentorship_id],
        )
        return found[0] if found else None

    def list_sessions(self, mentorship_id: int, limit: int = -1) -> list[Session]:
        """Past and planned sessions, newest first; `limit` keeps only the newest few."""
        return self._all(
            Session,
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE mentorship_id = ? "
            "ORDER BY scheduled_on DESC, id DESC LIMIT ?",
            [mentorship_id, limit],
        )

    def sessions_to_come(self) -> list[Session]:
        """Sessions planned or running, and cancelled ones not yet past, soonest first.

        For the calendar file: cancelled ones go in too, so re-importing it takes
        them out of the calendar. Kept to one mentorship when the store is.
        """
        return self._all(
            Session,
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE (status IN ('planned', 'live') "
            "OR (status = 'cancelled' AND scheduled_on >= ?)) AND (? IS NULL OR mentorship_id = ?) "
            "AND mentorship_id IN (SELECT id FROM mentorships WHERE status != 'ended') "
            "ORDER BY scheduled_on, id",
            [self.today().isoformat(), self.scope.mentorship_id, self.scope.mentorship_id],
        )

    @requires(Action.RUN_MEETING)
    def set_session_status(self, session_id: int, status: str) -> None:
        """Set the status as is (no checks); held or cancelled carries its open items onwards.

        Held without a meeting's end, its open items are not reached: they carry over.
        """
        with immediate(self.db):
            mentorship_id = self.get_session(session_id).mentorship_id
            self.db.execute(
                f"UPDATE sessions SET status = ?, version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
                [status, session_id],
            )
            if status == "held":
                self.db.execute(
                    "UPDATE agenda_items SET carry_over = 1 WHERE session_id = ? AND status = 'open' "
                    "AND carry_over IS NULL",
                    [session_id],
                )
            if status in ("held", "cancelled"):
                self._carry_into_next_planned(mentorship_id)
        self._wrote("sessions", "agenda_items")

    @requires(Action.RUN_MEETING)
    def mark_rules_shown(self, session_id: int) -> None:
        self.get_session(session_id)  # NotFound when gone, or outside the scope
        self.db.execute(
            f"UPDATE sessions SET rules_shown = 1, version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
            [session_id],
        )
        self._wrote("sessions")



def _refuse_unless_planned(session: Session, verb: str) -> None:
    """Only a session still to come can be moved or called off; the others are history."""
    state = {"live": "is running now", "held": "has been held", "cancelled": "was cancelled"}
    if session.status != "planned":
        raise ValidationError(
            "status", f"This session {state.get(session.status, 'is ' + session.status)}; "
            f"only a planned session can be {verb}"
        )


def _already_planned(planned: PlannedAlready) -> str:
    """'A session with Sam is already planned for Tue 08 Dec (3 items)'."""
    return (
        f"A session with {planned.mentor} is already planned for {planned.session.scheduled_on:%a %d %b} "
        f"({counted(planned.items, 'item')})"
    )


def _plan_inputs(scheduled_on: date | str | None, minutes: int | str, today: date) -> tuple[date | None, int]:
    """A planning form's date (None: the cadence decides) and length, or the refusal to show."""
    # The date first: it is the form's first field, so its refusal is the one to read first.
    if isinstance(scheduled_on, str):
        scheduled_on = parse_date(scheduled_on, today, "scheduled_on", "Session date")
    return scheduled_on, whole_number(minutes, "minutes", "Session length (minutes)", 5, 480)
