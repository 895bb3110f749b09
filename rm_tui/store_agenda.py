"""Sessions and their agendas: planning, items, carry-over and category coverage.

A mixin of Store (it uses the store's `db`, `today` and `_wrote`), kept in its own
file so each part of the store stays small. All of its SQL is here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


from topic_library import CORE_CATEGORIES

from .db import immediate
from .dates import parse_date
from .errors import NotFound, ValidationError
from .models import (
    DEFAULT_SESSION_MINUTES,
    AgendaItem,
    CategoryCoverage,
    Coverage,
    FollowUpStatus,
    ItemStatus,
    Role,
    Session,
)
from .schedule import default_session_date
from .scope import Action, Scope, requires
from .text import clean_text
from .timing import from_stamp
from .validation import required_text, whole_number

_SESSION_COLUMNS = (
    "id, mentorship_id, scheduled_on, minutes, status, rules_shown, started_at, ended_at, "
    "current_item_id, current_since"
)
_ITEM_COLUMNS = (
    "id, session_id, position, title, prompt, category, topic_id, minutes, proposed_by, status, "
    "carried_from_id, carry_count, follow_up_id, version, elapsed_seconds, conflict_of, kept"
)
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
FOLLOW_UP_MINUTES = 5
FOLLOW_UP_PREFIX = "Follow-up: "  # how a follow-up's item is titled on an agenda


@dataclass(frozen=True)
class EditOutcome:
    """What an agenda item edit did: merged in place, or kept beside a clashing edit."""

    copy_id: int | None = None  # the new item holding this edit, when it clashed
    clashed: tuple[str, ...] = ()  # the fields both windows changed differently


@dataclass(frozen=True)
class RemovedItem:
    """Everything needed to put a removed or dropped agenda item back (undo)."""

    item: AgendaItem
    # Set by a drop, which also changed these so the item never comes back: what they were.
    follow_up_was: FollowUpStatus | None = None  # its follow-up, before being marked dropped
    source_was: ItemStatus | None = None  # the item it was carried from, before being marked dropped


class AgendaQueries:
    db: sqlite3.Connection
    scope: Scope
    today: Callable[[], date]

    def _wrote(self) -> None:  # provided by Store
        raise NotImplementedError

    # -- sessions ----------------------------------------------------------------

    @requires(Action.PLAN_SESSIONS)
    def plan_session(
        self,
        mentorship_id: int,
        *,
        scheduled_on: date | str | None = None,
        minutes: int | str = DEFAULT_SESSION_MINUTES,
    ) -> int:
        """Plan the next meeting and bring in what is still open from the last one held.

        The date defaults to the last session plus the cadence (today for the first).
        What carries over is decided by `_bring_in_carry_over`.
        """
        # The date first: it is the form's first field, so its refusal is the one to read first.
        if isinstance(scheduled_on, str):
            scheduled_on = parse_date(scheduled_on, self.today(), "scheduled_on", "Session date")
        length = whole_number(minutes, "minutes", "Session length (minutes)", 5, 480)
        self.scope.require_mentorship(mentorship_id)
        with immediate(self.db):
            cadence = self.db.execute(
                "SELECT cadence_days FROM mentorships WHERE id = ?", [mentorship_id]
            ).fetchone()
            if cadence is None:
                raise NotFound(f"mentorship {mentorship_id} no longer exists")
            previous = self.db.execute(
                "SELECT scheduled_on FROM sessions WHERE mentorship_id = ? "
                "AND status != 'cancelled' ORDER BY scheduled_on DESC, id DESC LIMIT 1",
                [mentorship_id],
            ).fetchone()
            last_on = date.fromisoformat(previous[0]) if previous else None
            when = scheduled_on or default_session_date(last_on, cadence[0], self.today())
            session_id = int(
                self.db.execute(
                    "INSERT INTO sessions (mentorship_id, scheduled_on, minutes) VALUES (?, ?, ?)",
                    [mentorship_id, when.isoformat(), length],
                ).lastrowid
            )
            self._bring_in_carry_over(session_id)
        self._wrote()
        return session_id

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
                f"updated_at = {_NOW} WHERE id = ?",
                [scheduled_on.isoformat(), length, session_id],
            )
        self._wrote()

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
                f"UPDATE sessions SET status = 'cancelled', version = version + 1, updated_at = {_NOW} WHERE id = ?",
                [session_id],
            )
            self._carry_into_next_planned(session.mentorship_id, moved_from=session_id)
        self._wrote()

    def _bring_in_carry_over(
        self, session_id: int, *, only_follow_up: int | None = None, moved_from: int | None = None
    ) -> int:
        """Add to a planned session what is still open; returns how many items came in.

        Runs inside the caller's write transaction, and is idempotent: it is called
        when a session is planned and again whenever another one ends, so it only
        adds what is on no upcoming agenda yet.

        - Items come from the latest *held* session only: a planned one has not
          happened, so nothing in it was "not reached". Those still open (not
          follow-up rows, which come from the follow-ups below) and not already
          carried into a session that is not cancelled.
        - Open follow-ups come in unless a planned or live session already has them.
          Their count is one more than the most they were carried to a held session.

        `only_follow_up` brings in that one follow-up and nothing else: a follow-up
        agreed between meetings joins the agenda already planned, and nothing removed
        from that agenda comes back with it. `moved_from` (a session just called off)
        brings in only what was carried into that one, for the same reason.

        Carried copies start not kept: each meeting decides afresh about a stale item.
        Carry-over goes first on the agenda, follow-ups first of all, as the pair
        deals with what is left from last time before new topics.
        """
        row = self.db.execute("SELECT mentorship_id FROM sessions WHERE id = ?", [session_id]).fetchone()
        if row is None:
            raise NotFound(f"session {session_id} no longer exists")
        mentorship_id = row[0]
        follow_ups = [
            (f"{FOLLOW_UP_PREFIX}{title}", "", None, None, FOLLOW_UP_MINUTES, owner, None, carries, follow_up_id)
            for follow_up_id, title, owner, carries in self.db.execute(
                "SELECT f.id, f.title, f.owner, 1 + coalesce((SELECT max(i.carry_count) FROM agenda_items i "
                "JOIN sessions s ON s.id = i.session_id WHERE i.follow_up_id = f.id AND s.status = 'held'), 0) "
                "FROM follow_ups f WHERE f.mentorship_id = ? AND f.status = 'open' AND (? IS NULL OR f.id = ?) "
                "AND (? IS NULL OR EXISTS (SELECT 1 FROM agenda_items c WHERE c.follow_up_id = f.id "
                "  AND c.session_id = ?)) "
                "AND NOT EXISTS (SELECT 1 FROM agenda_items i JOIN sessions s ON s.id = i.session_id "
                "  WHERE i.follow_up_id = f.id AND s.status IN ('planned', 'live')) "
                "ORDER BY f.due_on IS NULL, f.due_on, f.id",
                [mentorship_id, only_follow_up, only_follow_up, moved_from, moved_from],
            )
        ]
        items = [] if only_follow_up is not None else self.db.execute(
            "SELECT i.title, i.prompt, i.category, i.topic_id, i.minutes, i.proposed_by, i.id, i.carry_count + 1, "
            "NULL FROM agenda_items i WHERE i.session_id = (SELECT id FROM sessions WHERE mentorship_id = ? "
            "  AND status = 'held' ORDER BY scheduled_on DESC, id DESC LIMIT 1) "
            "AND i.status = 'open' AND i.follow_up_id IS NULL AND NOT EXISTS ("
            "  SELECT 1 FROM agenda_items c JOIN sessions s ON s.id = c.session_id "
            "  WHERE c.carried_from_id = i.id AND s.status != 'cancelled') "
            "AND (? IS NULL OR EXISTS (SELECT 1 FROM agenda_items c WHERE c.carried_from_id = i.id "
            "  AND c.session_id = ?)) "
            "ORDER BY i.position, i.id",
            [mentorship_id, moved_from, moved_from],
        ).fetchall()
        incoming = follow_ups + items
        if not incoming:
            return 0
        if only_follow_up is not None:
            # Agreed since the agenda was built: it goes last, and the pair's order stays as it is.
            (first,) = self.db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE session_id = ?", [session_id]
            ).fetchone()
        else:
            first = 0
            self.db.execute(
                f"UPDATE agenda_items SET position = position + ?, version = version + 1, updated_at = {_NOW} "
                "WHERE session_id = ?",
                [len(incoming), session_id],
            )
        self.db.executemany(
            "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, minutes, "
            "proposed_by, carried_from_id, carry_count, follow_up_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, first + offset, *values) for offset, values in enumerate(incoming)],
        )
        return len(incoming)

    def _carry_into_next_planned(
        self,
        mentorship_id: int,
        *,
        only_follow_up: int | None = None,
        besides: int | None = None,
        moved_from: int | None = None,
    ) -> None:
        """After a session ends or is cancelled, its open items move on to the next planned one.

        `besides` is a session that is not the next one whatever its status: the one
        a follow-up was agreed in.
        """
        upcoming = self.db.execute(
            "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'planned' AND id IS NOT ? "
            "ORDER BY scheduled_on, id LIMIT 1",
            [mentorship_id, besides],
        ).fetchone()
        if upcoming is not None:
            self._bring_in_carry_over(upcoming[0], only_follow_up=only_follow_up, moved_from=moved_from)

    def next_session_date(self, mentorship_id: int) -> date:
        """Where a new session would go: the last one plus the cadence, or today."""
        row = self.db.execute(
            "SELECT m.cadence_days, (SELECT max(scheduled_on) FROM sessions s WHERE "
            "s.mentorship_id = m.id AND s.status != 'cancelled') FROM mentorships m WHERE m.id = ?",
            [mentorship_id],
        ).fetchone()
        if row is None:
            raise NotFound(f"mentorship {mentorship_id} no longer exists")
        last = date.fromisoformat(row[1]) if row[1] else None
        return default_session_date(last, row[0], self.today())

    def get_session(self, session_id: int) -> Session:
        row = self.db.execute(f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE id = ?", [session_id]).fetchone()
        if row is None or not self.scope.includes(row[1]):
            raise NotFound(f"session {session_id} no longer exists")
        return _session(row)

    def upcoming_session(self, mentorship_id: int) -> Session | None:
        """The next planned (or running) session, if there is one."""
        row = self.db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE mentorship_id = ? "
            "AND status IN ('planned', 'live') ORDER BY scheduled_on, id LIMIT 1",
            [mentorship_id],
        ).fetchone()
        return _session(row) if row else None

    def list_sessions(self, mentorship_id: int, limit: int = -1) -> list[Session]:
        """Past and planned sessions, newest first; `limit` keeps only the newest few."""
        rows = self.db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE mentorship_id = ? "
            "ORDER BY scheduled_on DESC, id DESC LIMIT ?",
            [mentorship_id, limit],
        ).fetchall()
        return [_session(row) for row in rows]

    def sessions_to_come(self) -> list[Session]:
        """Sessions planned or running, and cancelled ones not yet past, soonest first.

        For the calendar file: cancelled ones go in too, so re-importing it takes
        them out of the calendar. Kept to one mentorship when the store is.
        """
        rows = self.db.execute(
            f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE (status IN ('planned', 'live') "
            "OR (status = 'cancelled' AND scheduled_on >= ?)) AND (? IS NULL OR mentorship_id = ?) "
            "AND mentorship_id IN (SELECT id FROM mentorships WHERE status != 'ended') "
            "ORDER BY scheduled_on, id",
            [self.today().isoformat(), self.scope.mentorship_id, self.scope.mentorship_id],
        ).fetchall()
        return [_session(row) for row in rows]

    @requires(Action.RUN_MEETING)
    def set_session_status(self, session_id: int, status: str) -> None:
        """Set the status as is (no checks); held or cancelled carries its open items onwards."""
        with immediate(self.db):
            mentorship_id = self.get_session(session_id).mentorship_id
            self.db.execute(
                f"UPDATE sessions SET status = ?, version = version + 1, updated_at = {_NOW} WHERE id = ?",
                [status, session_id],
            )
            if status in ("held", "cancelled"):
                self._carry_into_next_planned(mentorship_id)
        self._wrote()

    @requires(Action.RUN_MEETING)
    def mark_rules_shown(self, session_id: int) -> None:
        self._update("sessions", session_id, "rules_shown = 1", [])

    # -- agenda items ------------------------------------------------------------

    def agenda(self, session_id: int) -> list[AgendaItem]:
        rows = self.db.execute(
            f"SELECT {_ITEM_COLUMNS} FROM agenda_items WHERE session_id = ? ORDER BY position, id",
            [session_id],
        ).fetchall()
        return [_item(row) for row in rows]

    def get_agenda_item(self, item_id: int) -> AgendaItem:
        row = self.db.execute(f"SELECT {_ITEM_COLUMNS} FROM agenda_items WHERE id = ?", [item_id]).fetchone()
        if row is None:
            raise NotFound(f"agenda item {item_id} no longer exists")
        item = _item(row)
        if self.scope.mentorship_id is not None:
            self.get_session(item.session_id)  # NotFound when it belongs to another mentorship
        return item

    @requires(Action.EDIT_AGENDA)
    def add_agenda_item(
        self,
        session_id: int,
        *,
        title: str,
        proposed_by: Role,
        minutes: int | str = 10,
        prompt: str = "",
        category: str | None = None,
        topic_id: int | None = None,
    ) -> int:
        """Append an item (from the library or free-form); refuses an empty title."""
        clean_title = required_text(title, "title", "The item's title", 200)
        length = whole_number(minutes, "minutes", "Minutes", 1, 240)
        if proposed_by not in ("leader", "mentor"):
            raise ValidationError("proposed_by", "an item is proposed by the leader or the mentor")
        self.scope.require_own(proposed_by, "add an item as the leader")
        with immediate(self.db):
            self.get_session(session_id)
            cursor = self.db.execute(
                "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, "
                "minutes, proposed_by) VALUES (?, (SELECT coalesce(max(position), -1) + 1 "
                "FROM agenda_items WHERE session_id = ?), ?, ?, ?, ?, ?, ?)",
                [session_id, session_id, clean_title, clean_text(prompt).strip(), category, topic_id, length, proposed_by],
            )
        self._wrote()
        return int(cursor.lastrowid)

    @requires(Action.EDIT_AGENDA)
    def edit_agenda_item(
        self,
        item_id: int,
        *,
        title: str,
        minutes: int | str,
        prompt: str,
        base: AgendaItem | None = None,
        by: Role = "leader",
    ) -> EditOutcome:
        """Change an item's title, minutes and prompt; refuses an empty title.

        `base` is the item as the editor saw it when the edit began. Fields only this
        edit changed are written, fields only another window changed meanwhile are
        kept; when both changed the same field differently, the item keeps the other
        window's text and this edit is added right below it as a conflict copy
        proposed by `by`, so both versions stay on the agenda for the pair to choose.
        """
        clean_title = required_text(title, "title", "The item's title", 200)
        length = whole_number(minutes, "minutes", "Minutes", 1, 240)
        self.scope.require_own(by, "edit an item as the leader")
        ours = {"title": clean_title, "minutes": length, "prompt": clean_text(prompt).strip()}
        with immediate(self.db):
            stored = self.get_agenda_item(item_id)
            theirs = {name: getattr(stored, name) for name in ours}
            before = {name: getattr(base, name) for name in ours} if base else theirs
            clashes = [n for n in ours if ours[n] != before[n] and theirs[n] != before[n] and ours[n] != theirs[n]]
            if clashes:
                copy_id = self._insert_conflict_copy(stored, ours, by)
                outcome = EditOutcome(copy_id=copy_id, clashed=tuple(clashes))
            else:
                merged = {n: ours[n] if ours[n] != before[n] else theirs[n] for n in ours}
                if merged != theirs:
                    self.db.execute(
                        "UPDATE agenda_items SET title = ?, minutes = ?, prompt = ?, version = version + 1, "
                        f"updated_at = {_NOW} WHERE id = ?",
                        [merged["title"], merged["minutes"], merged["prompt"], item_id],
                    )
                outcome = EditOutcome()
        self._wrote()
        return outcome

    def _insert_conflict_copy(self, original: AgendaItem, values: dict[str, object], by: Role) -> int:
        self.db.execute(
            "UPDATE agenda_items SET position = position + 1 WHERE session_id = ? AND position > ?",
            [original.session_id, original.position],
        )
        cursor = self.db.execute(
            "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, minutes, "
            "proposed_by, conflict_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [original.session_id, original.position + 1, values["title"], values["prompt"],
             original.category, original.topic_id, values["minutes"], by, original.id],
        )
        return int(cursor.lastrowid)

    @requires(Action.RUN_MEETING)
    def set_item_status(self, item_id: int, status: str) -> None:
        self._update("agenda_items", item_id, "status = ?", [status])

    @requires(Action.DECIDE_CARRIED)
    def keep_item(self, item_id: int, kept: bool = True) -> None:
        """Record that the pair will do this (stale) item, so it stops being flagged; False undoes."""
        self._update("agenda_items", item_id, "kept = ?", [int(kept)])

    @requires(Action.EDIT_AGENDA)
    def move_agenda_item(self, item_id: int, to_index: int) -> None:
        """Put an item at `to_index` (clamped) and renumber the agenda 0..n-1."""
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            order = [i.id for i in self.agenda(item.session_id) if i.id != item_id]
            order.insert(max(0, min(to_index, len(order))), item_id)
            self.db.executemany(
                f"UPDATE agenda_items SET position = ?, version = version + 1, updated_at = {_NOW} "
                "WHERE id = ? AND position != ?",
                [(index, ident, index) for index, ident in enumerate(order)],
            )
        self._wrote()

    @requires(Action.EDIT_AGENDA)
    def remove_agenda_item(self, item_id: int) -> RemovedItem:
        """Remove an item; the returned record lets `restore_agenda_item` undo it."""
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            self.scope.require_own(item.proposed_by, "remove an item the leader proposed")
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
        self._wrote()
        return RemovedItem(item)

    @requires(Action.DECIDE_CARRIED)
    def drop_item(self, item_id: int) -> RemovedItem:
        """Drop an item for good: off this agenda, and it will not be carried again.

        A follow-up's item marks the follow-up dropped (when still open); a carried
        item marks the item it came from dropped (when still open), since that one
        would otherwise come back at the next plan. `restore_agenda_item` undoes all.
        """
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            follow_up_was: FollowUpStatus | None = None
            if item.follow_up_id is not None:
                changed = self.db.execute(
                    "UPDATE follow_ups SET status = 'dropped', done_on = ?, version = version + 1, "
                    f"updated_at = {_NOW} WHERE id = ? AND status = 'open'",
                    [self.today().isoformat(), item.follow_up_id],
                ).rowcount
                follow_up_was = "open" if changed else None
            source_was: ItemStatus | None = None
            if item.carried_from_id is not None:
                changed = self.db.execute(
                    f"UPDATE agenda_items SET status = 'dropped', version = version + 1, updated_at = {_NOW} "
                    "WHERE id = ? AND status = 'open'",
                    [item.carried_from_id],
                ).rowcount
                source_was = "open" if changed else None
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
        self._wrote()
        return RemovedItem(item, follow_up_was, source_was)

    @requires(Action.EDIT_AGENDA)
    def restore_agenda_item(self, removed: RemovedItem) -> int:
        """Undo a removal or a drop: the item comes back with its id, text and place.

        After a drop, the follow-up and the item it was carried from get back the
        status they had, unless something else changed them meanwhile.
        """
        i = removed.item
        self.scope.require_own(i.proposed_by, "put back an item the leader proposed")
        with immediate(self.db):
            self.get_session(i.session_id)
            self.db.execute(
                "UPDATE agenda_items SET position = position + 1 WHERE session_id = ? AND position >= ?",
                [i.session_id, i.position],
            )
            # SQLite may have given the removed item's id to an item added since (the
            # highest id is reused): then the item comes back under a new one.
            taken = self.db.execute("SELECT 1 FROM agenda_items WHERE id = ?", [i.id]).fetchone()
            cursor = self.db.execute(
                f"INSERT INTO agenda_items ({_ITEM_COLUMNS}) VALUES ({', '.join('?' * 17)})",
                [None if taken else i.id, i.session_id, i.position, i.title, i.prompt, i.category, i.topic_id,
                 i.minutes, i.proposed_by, i.status, i.carried_from_id, i.carry_count, i.follow_up_id,
                 i.version + 1, i.elapsed_seconds, i.conflict_of, int(i.kept)],
            )
            restored_id = int(cursor.lastrowid)
            if removed.follow_up_was is not None:
                self.db.execute(
                    "UPDATE follow_ups SET status = ?, done_on = NULL, version = version + 1, "
                    f"updated_at = {_NOW} WHERE id = ? AND status = 'dropped'",
                    [removed.follow_up_was, i.follow_up_id],
                )
            if removed.source_was is not None:
                self.db.execute(
                    f"UPDATE agenda_items SET status = ?, version = version + 1, updated_at = {_NOW} "
                    "WHERE id = ? AND status = 'dropped'",
                    [removed.source_was, i.carried_from_id],
                )
        self._wrote()
        return restored_id

    # -- coverage ----------------------------------------------------------------

    def coverage(self, mentorship_id: int, window: int = 4, session_id: int | None = None) -> Coverage:
        """For each core category: how many held sessions ago it last came up.

        With `session_id` (the session being planned), categories already on its
        agenda count as covered, so the nudge points at one still missing. `held`
        says how many sessions the window really holds.
        """
        held = [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'held' "
                "ORDER BY scheduled_on DESC, id DESC LIMIT ?",
                [mentorship_id, window],
            )
        ]
        seen: dict[str, int] = {}
        for ago, held_id in enumerate(held):
            for (category,) in self.db.execute(
                "SELECT DISTINCT category FROM agenda_items WHERE session_id = ? AND category IS NOT NULL",
                [held_id],
            ):
                seen.setdefault(category, ago)
        planned = {
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT category FROM agenda_items WHERE session_id = ? AND category IS NOT NULL",
                [session_id],
            )
        }
        return Coverage(
            held=len(held),
            window=window,
            categories=[CategoryCoverage(name, seen.get(name), name in planned) for name in CORE_CATEGORIES],
        )

    def category_coverage(
        self, mentorship_id: int, window: int = 4, session_id: int | None = None
    ) -> list[CategoryCoverage]:
        """The categories of `coverage`, for callers that do not need the held count."""
        return self.coverage(mentorship_id, window, session_id).categories

    # -- helpers -----------------------------------------------------------------

    def _update(self, table: str, row_id: int, assignments: str, values: list[object]) -> None:
        if self.scope.mentorship_id is not None and table == "sessions":
            self.get_session(row_id)  # a row of another mentorship is not there: NotFound
        elif self.scope.mentorship_id is not None:
            self.get_agenda_item(row_id)
        cursor = self.db.execute(
            f"UPDATE {table} SET {assignments}, version = version + 1, updated_at = {_NOW} WHERE id = ?",
            [*values, row_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"{table.rstrip('s').replace('_', ' ')} {row_id} no longer exists")
        self._wrote()


def suggest_category(coverage: Coverage | list[CategoryCoverage]) -> str | None:
    """The category that has gone longest without coming up (never beats anything).

    One already on the agenda being built is not suggested: it is coming up.
    """
    categories = coverage.categories if isinstance(coverage, Coverage) else coverage
    candidates = [c for c in categories if not c.on_agenda]
    if not candidates:
        return None
    stalest = max(candidates, key=lambda c: float("inf") if c.sessions_ago is None else c.sessions_ago)
    return stalest.category if stalest.sessions_ago != 0 else None


def _refuse_unless_planned(session: Session, verb: str) -> None:
    """Only a session still to come can be moved or called off; the others are history."""
    state = {"live": "is running now", "held": "has been held", "cancelled": "was cancelled"}
    if session.status != "planned":
        raise ValidationError(
            "status", f"This session {state.get(session.status, 'is ' + session.status)}; "
            f"only a planned session can be {verb}"
        )


def _session(row: tuple) -> Session:
    return Session(
        row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], bool(row[5]),
        from_stamp(row[6]), from_stamp(row[7]), row[8], from_stamp(row[9]),
    )


def _item(row: tuple) -> AgendaItem:
    # The columns are in the dataclass's field order; kept is stored as 0/1.
    return AgendaItem(*row[:-1], kept=bool(row[-1]))
