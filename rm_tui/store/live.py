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

        Each item not marked done gets its answer written down (discussed, or carried
        over: see `item_outcome`), so every window and export reads the same one.
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
                self._settle_carry_over(self.get_session(session_id))  # held now: its clocks stand still
                self._carry_into_next_planned(session.mentorship_id)
        self._wrote("sessions", "agenda_items")
        return self.session_summary(session_id)

    def session_summary(self, session_id: int) -> SessionSummary:
        """Each item in the section its outcome puts it: done, discussed, or carried over."""
        session = self.get_session(session_id)
        times = self._item_times(session)
        discussed = [t for t in times if t.outcome == "discussed"]
        not_reached = [t for t in times if t.outcome == "carried"]
        return SessionSummary(
            session=session,
            done=[t for t in times if t.outcome == "done"],
            discussed=discussed,
            not_reached=not_reached,
            follow_ups=self.follow_ups_for_session(session_id),
            total_seconds=session_seconds(session, self.now()),
            may_change_carry_over=bool(discussed or not_reached) and self._may_change_carry_over(session),
        )

    def _may_change_carry_over(self, session: Session) -> bool:
        if not self.scope.may(Action.RUN_MEETING):
            return False
        return session.status == "live" or (
            session.status == "held" and session.id == self._last_held(session.mentorship_id)
        )

    @requires(Action.RUN_MEETING)
    def set_carry_over(self, item_id: int, carry: bool) -> None:
        """The pair's word on an item not marked done: it carries over (True) or was discussed (False).

        While the meeting runs this only records the answer. Once it has ended the
        next agenda follows at once: the item joins it, or its carried copy leaves
        it. Only the last meeting held can still change its mind: carry-over reads
        no other.
        """
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            session = self.get_session(item.session_id)
            if item.status != "open":
                state = "is marked done (ctrl+o in the meeting opens it again)" if item.status == "discussed" \
                    else "was dropped"
                raise ValidationError("carry_over", f"This item {state}")
            if session.status not in ("live", "held"):
                raise ValidationError("carry_over", "Only a meeting that has started decides what carries over")
            if not self._may_change_carry_over(session):
                raise ValidationError("carry_over", "Only the last meeting's items can still carry over")
            if item.carry_over is carry:
                return
            self.db.execute(
                f"UPDATE agenda_items SET carry_over = ?, version = version + 1, updated_at = {NOW_SQL} "
                "WHERE id = ?",
                [int(carry), item_id],
            )
            if session.status == "held":
                if carry:
                    self._carry_into_next_planned(session.mentorship_id, only_item=item_id)
                else:
                    self._take_back_carried_copy(item_id)
        self._wrote("agenda_items")

    def _last_held(self, mentorship_id: int) -> int | None:
        row = self.db.execute(
            "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'held' "
            "ORDER BY scheduled_on DESC, id DESC LIMIT 1",
            [mentorship_id],
        ).fetchone()
        return row[0] if row else None

    def _item_times(self, session: Session) -> list[ItemTime]:
        """Each item of the session with its time and the notes the viewer may see on it.

        The notes are the viewer's, of any visibility they have: a note counts
        towards "discussed" only for whom it exists, so the mentor's window never
        learns of a private note this way.
        """
        allowed = self.scope.visibilities
        counts = dict(self.db.execute(
            "SELECT agenda_item_id, count(*) FROM notes WHERE session_id = ? AND body != '' "
            f"AND visibility IN ({', '.join('?' * len(allowed))}) GROUP BY agenda_item_id",
            [session.id, *allowed],
        ).fetchall())
        now = self.now()
        return [
            ItemTime(item, item_seconds(item, session, now), counts.get(item.id, 0))
            for item in self.agenda(session.id)
        ]

    def _settle_carry_over(self, session: Session) -> None:
        """Write down, for each item not marked done, whether it carries over.

        Runs as the meeting ends (its time banked first), inside the same
        transaction: from then on carry-over, the summary and every export read one
        answer in every window, whoever's notes tipped it. An item the pair already
        decided keeps their answer.
        """
        self.db.executemany(
            "UPDATE agenda_items SET carry_over = ? WHERE id = ? AND carry_over IS NULL",
            [
                (int(entry.outcome == "carried"), entry.item.id)
                for entry in self._item_times(session)
                if entry.item.status == "open" and entry.item.carry_over is None
            ],
        )

    def _bank_time(self, session: Session, now: datetime) -> None:
        if session.current_item_id is None or session.current_since is None:
            return
        self.db.execute(
            "UPDATE agenda_items SET elapsed_seconds = elapsed_seconds + ? WHERE id = ?",
            [seconds_between(session.current_since, now), session.current_item_id],
        )
