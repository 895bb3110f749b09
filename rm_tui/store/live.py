"""Running a meeting: start, the item being discussed, end, and the summary.

Time is banked into each agenda item when
the pair moves on from it, so the timers are the database's, not a screen's.
"""

from __future__ import annotations

from datetime import datetime

from ..errors import ValidationError
from ..models import ItemTime, Session, SessionSummary
from ..scope import Action, requires
from ..timing import item_seconds, seconds_between, session_seconds, to_stamp
from .base import NOW_SQL
from .connection import immediate
from .follow_ups import FollowUpQueries


class LiveQueries(FollowUpQueries):
    """The meeting's clock and the item under discussion, kept in the database for every window."""

    @requires(Action.RUN_MEETING)
    def start_session(self, session_id: int) -> Session:
        """Start the clock; the first item not yet discussed becomes the current one."""
        with immediate(self.db):
            session = self.get_session(session_id)
            if session.status == "live":
                return session
            if session.status != "planned":
                raise ValidationError("status", f"This session is {session.status}; plan a new one to meet again")
            first_open = next((i.id for i in self.agenda(session_id) if i.status == "open"), None)
            now = to_stamp(self.now())
            self.db.execute(
                "UPDATE sessions SET status = 'live', started_at = ?, current_item_id = ?, current_since = ?, "
                f"version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
                [now, first_open, now, session_id],
            )
        self._wrote("sessions")
        return self.get_session(session_id)

    @requires(Action.RUN_MEETING)
    def go_to_item(self, session_id: int, item_id: int | None) -> None:
        """Make `item_id` (None: the session as a whole) the one under discussion.

        Only a live session keeps time; before the start and after the end this
        changes nothing, and moving to the item already current writes nothing.
        """
        with immediate(self.db):
            session = self.get_session(session_id)
            if session.status != "live" or session.current_item_id == item_id:
                return
            now = self.now()
            self._bank_time(session, now)
            self.db.execute(
                f"UPDATE sessions SET current_item_id = ?, current_since = ?, updated_at = {NOW_SQL} WHERE id = ?",
                [item_id, to_stamp(now), session_id],
            )
        self._wrote("sessions", "agenda_items")

    @requires(Action.RUN_MEETING)
    def end_session(self, session_id: int) -> SessionSummary:
        """Stop the clock and mark the session held; what was not reached carries over.

        When the next session is already planned, what is still open (items not
        reached, open follow-ups, including those agreed just now) goes onto its
        agenda at once, in the same transaction as the end.
        """
        with immediate(self.db):
            session = self.get_session(session_id)
            if session.status == "planned":
                raise ValidationError("status", "This session has not started yet (F5 starts it)")
            if session.status == "live":
                now = self.now()
                self._bank_time(session, now)
                self.db.execute(
                    "UPDATE sessions SET status = 'held', ended_at = ?, current_item_id = NULL, "
                    f"current_since = NULL, version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
                    [to_stamp(now), session_id],
                )
                self._carry_into_next_planned(session.mentorship_id)
        self._wrote("sessions", "agenda_items")
        return self.session_summary(session_id)

    def session_summary(self, session_id: int) -> SessionSummary:
        session = self.get_session(session_id)
        now = self.now()
        times = [ItemTime(item, item_seconds(item, session, now)) for item in self.agenda(session_id)]
        return SessionSummary(
            session=session,
            discussed=[t for t in times if t.item.status == "discussed"],
            not_reached=[t for t in times if t.item.status == "open"],
            follow_ups=self.follow_ups_for_session(session_id),
            total_seconds=session_seconds(session, now),
        )

    def _bank_time(self, session: Session, now: datetime) -> None:
        if session.current_item_id is None or session.current_since is None:
            return
        self.db.execute(
            "UPDATE agenda_items SET elapsed_seconds = elapsed_seconds + ? WHERE id = ?",
            [seconds_between(session.current_since, now), session.current_item_id],
        )
