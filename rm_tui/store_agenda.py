"""Sessions and their agendas: planning, items, carry-over and category coverage.

A mixin of Store (it uses the store's `db`, `today` and `_wrote`), kept in its own
file so each part of the store stays small. All of its SQL is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlite_utils import Database

from topic_library import CORE_CATEGORIES

from .db import immediate
from .dates import parse_date
from .errors import NotFound, ValidationError
from .models import (
    DEFAULT_SESSION_MINUTES,
    AgendaItem,
    CategoryCoverage,
    Role,
    Session,
)
from .schedule import default_session_date
from .text import clean_text
from .timing import from_stamp
from .validation import required_text, whole_number

_SESSION_COLUMNS = (
    "id, mentorship_id, scheduled_on, minutes, status, rules_shown, started_at, ended_at, "
    "current_item_id, current_since"
)
_ITEM_COLUMNS = (
    "id, session_id, position, title, prompt, category, topic_id, minutes, proposed_by, status, "
    "carried_from_id, carry_count, follow_up_id, version, elapsed_seconds, conflict_of"
)
_NOW = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
FOLLOW_UP_MINUTES = 5


@dataclass(frozen=True)
class EditOutcome:
    """What an agenda item edit did: merged in place, or kept beside a clashing edit."""

    copy_id: int | None = None  # the new item holding this edit, when it clashed
    clashed: tuple[str, ...] = ()  # the fields both windows changed differently


@dataclass(frozen=True)
class RemovedItem:
    """Everything needed to put a removed agenda item back (undo)."""

    item: AgendaItem


class AgendaQueries:
    db: Database
    today: Callable[[], date]
    only_mentorship: int | None

    def _wrote(self) -> None:  # provided by Store
        raise NotImplementedError

    # -- sessions ----------------------------------------------------------------

    def plan_session(
        self,
        mentorship_id: int,
        *,
        scheduled_on: date | str | None = None,
        minutes: int | str = DEFAULT_SESSION_MINUTES,
    ) -> int:
        """Plan the next meeting and bring in what is still open from the last one.

        The date defaults to the last session plus the cadence (today for the first).
        Items of the previous session not discussed, and open follow-ups, are added
        as carried items, each counting how many times it has been carried.
        """
        length = whole_number(minutes, "minutes", "Session length (minutes)", 5, 480)
        if isinstance(scheduled_on, str):
            scheduled_on = parse_date(scheduled_on, self.today(), "scheduled_on", "Session date")
        with immediate(self.db):
            cadence = self.db.execute(
                "SELECT cadence_days FROM mentorships WHERE id = ?", [mentorship_id]
            ).fetchone()
            if cadence is None:
                raise NotFound(f"mentorship {mentorship_id} no longer exists")
            previous = self.db.execute(
                f"SELECT {_SESSION_COLUMNS} FROM sessions WHERE mentorship_id = ? "
                "AND status != 'cancelled' ORDER BY scheduled_on DESC, id DESC LIMIT 1",
                [mentorship_id],
            ).fetchone()
            last_on = date.fromisoformat(previous[2]) if previous else None
            when = scheduled_on or default_session_date(last_on, cadence[0], self.today())
            session_id = int(
                self.db.execute(
                    "INSERT INTO sessions (mentorship_id, scheduled_on, minutes) VALUES (?, ?, ?)",
                    [mentorship_id, when.isoformat(), length],
                ).lastrowid
            )
            if previous is not None:
                self._carry_over(mentorship_id, previous[0], session_id)
        self._wrote()
        return session_id

    def _carry_over(self, mentorship_id: int, previous_id: int, session_id: int) -> None:
        position = 0
        earlier = {
            row[0]: row[1]
            for row in self.db.execute(
                "SELECT follow_up_id, carry_count FROM agenda_items "
                "WHERE session_id = ? AND follow_up_id IS NOT NULL",
                [previous_id],
            )
        }
        follow_ups = self.db.execute(
            "SELECT id, title, owner FROM follow_ups WHERE mentorship_id = ? AND status = 'open' "
            "ORDER BY due_on IS NULL, due_on, id",
            [mentorship_id],
        ).fetchall()
        for follow_up_id, title, owner in follow_ups:
            self.db.execute(
                "INSERT INTO agenda_items (session_id, position, title, minutes, proposed_by, "
                "follow_up_id, carry_count) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [session_id, position, f"Follow-up: {title}", FOLLOW_UP_MINUTES, owner,
                 follow_up_id, earlier.get(follow_up_id, 0) + 1],
            )
            position += 1
        self.db.execute(
            "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, "
            "minutes, proposed_by, carried_from_id, carry_count) "
            "SELECT ?, ? + row_number() OVER (ORDER BY position, id) - 1, title, prompt, category, "
            "topic_id, minutes, proposed_by, id, carry_count + 1 FROM agenda_items "
            "WHERE session_id = ? AND status = 'open' AND follow_up_id IS NULL",
            [session_id, position, previous_id],
        )

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
        if row is None:
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
            [self.today().isoformat(), self.only_mentorship, self.only_mentorship],
        ).fetchall()
        return [_session(row) for row in rows]

    def set_session_status(self, session_id: int, status: str) -> None:
        self._update("sessions", session_id, "status = ?", [status])

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
        return _item(row)

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

    def set_item_status(self, item_id: int, status: str) -> None:
        self._update("agenda_items", item_id, "status = ?", [status])

    def move_agenda_item(self, item_id: int, to_index: int) -> None:
        """Put an item at `to_index` (clamped) and renumber the agenda 0..n-1."""
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            order = [i.id for i in self.agenda(item.session_id) if i.id != item_id]
            order.insert(max(0, min(to_index, len(order))), item_id)
            self.db.conn.executemany(
                f"UPDATE agenda_items SET position = ?, version = version + 1, updated_at = {_NOW} "
                "WHERE id = ? AND position != ?",
                [(index, ident, index) for index, ident in enumerate(order)],
            )
        self._wrote()

    def remove_agenda_item(self, item_id: int) -> RemovedItem:
        """Remove an item; the returned record lets `restore_agenda_item` undo it."""
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
        self._wrote()
        return RemovedItem(item)

    def restore_agenda_item(self, removed: RemovedItem) -> int:
        """Undo a removal: the item comes back with its id, text and place."""
        i = removed.item
        with immediate(self.db):
            self.get_session(i.session_id)
            self.db.execute(
                "UPDATE agenda_items SET position = position + 1 WHERE session_id = ? AND position >= ?",
                [i.session_id, i.position],
            )
            self.db.execute(
                f"INSERT INTO agenda_items ({_ITEM_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                [i.id, i.session_id, i.position, i.title, i.prompt, i.category, i.topic_id, i.minutes,
                 i.proposed_by, i.status, i.carried_from_id, i.carry_count, i.follow_up_id, i.version + 1,
                 i.elapsed_seconds, i.conflict_of],
            )
        self._wrote()
        return i.id

    # -- coverage ----------------------------------------------------------------

    def category_coverage(self, mentorship_id: int, window: int = 4) -> list[CategoryCoverage]:
        """For each core category: how many held sessions ago it last came up."""
        held = [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'held' "
                "ORDER BY scheduled_on DESC, id DESC LIMIT ?",
                [mentorship_id, window],
            )
        ]
        seen: dict[str, int] = {}
        for ago, session_id in enumerate(held):
            for (category,) in self.db.execute(
                "SELECT DISTINCT category FROM agenda_items WHERE session_id = ? AND category IS NOT NULL",
                [session_id],
            ):
                seen.setdefault(category, ago)
        return [CategoryCoverage(name, seen.get(name)) for name in CORE_CATEGORIES]

    # -- helpers -----------------------------------------------------------------

    def _update(self, table: str, row_id: int, assignments: str, values: list[object]) -> None:
        cursor = self.db.execute(
            f"UPDATE {table} SET {assignments}, version = version + 1, updated_at = {_NOW} WHERE id = ?",
            [*values, row_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"{table.rstrip('s').replace('_', ' ')} {row_id} no longer exists")
        self._wrote()


def suggest_category(coverage: list[CategoryCoverage]) -> str | None:
    """The category that has gone longest without coming up (never beats anything)."""
    if not coverage:
        return None
    stalest = max(coverage, key=lambda c: float("inf") if c.sessions_ago is None else c.sessions_ago)
    return stalest.category if stalest.sessions_ago != 0 else None


def _session(row: tuple) -> Session:
    return Session(
        row[0], row[1], date.fromisoformat(row[2]), row[3], row[4], bool(row[5]),
        from_stamp(row[6]), from_stamp(row[7]), row[8], from_stamp(row[9]),
    )


def _item(row: tuple) -> AgendaItem:
    return AgendaItem(*row)
