"""What every part of the store stands on: the connection, the scope, the clock, the change feed.

Each concern of the store (mentorships, agenda, notes, ...) is a class built on
`StoreBase`, in a module of its own; `Store` composes them. Rows become records by
column name (`rows.record`), and `_one` is the one way a lookup by id says NotFound
(`_not_found` words it, for every table).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeVar

from ..errors import NotFound
from ..scope import LEADER, Scope
from ..timing import Clock, utc_now
from . import driver
from .rows import records

Today = Callable[[], date]
R = TypeVar("R")

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
"""SQLite's own UTC timestamp, as every updated_at column is written."""

ChangeListener = Callable[[frozenset[str]], object]

MISSING_TABLES = {
    "mentorship": "mentorships", "learning goal": "learning_goals", "session": "sessions",
    "agenda item": "agenda_items", "note": "notes", "follow-up": "follow_ups", "topic": "topics",
    "champion entry": "champion_entries",
}
"""The table behind each noun a NotFound names ('session 99'): where to look up what became of the id."""


def inserted(cursor: driver.Cursor) -> int:
    """The id of the row an INSERT just made (SQLite always sets it after one)."""
    assert cursor.lastrowid is not None, "not an INSERT"
    return cursor.lastrowid


class StoreBase:
    """The connection and what every query needs: who is looking, today's date, and the feed."""

    def __init__(
        self, db: driver.Connection, *, scope: Scope = LEADER, today: Today = date.today, now: Clock = utc_now
    ) -> None:
        self.db = db
        self.scope = scope
        """Who is looking: every read and write honours it (see rm_tui.scope)."""
        self.today = today
        self.now: Callable[[], datetime] = now
        self.local_writes = 0
        self.on_change: ChangeListener | None = None
        """Told, after each write, which tables it changed: the app's change feed."""

    def _wrote(self, *tables: str) -> None:
        """Every write ends here, naming the tables it changed, so only views of those reload."""
        self.local_writes += 1
        if self.on_change is not None:
            self.on_change(frozenset(tables))

    def _all(self, cls: type[R], sql: str, params: Iterable[object] = ()) -> list[R]:
        """Every row of `sql` as a `cls` record, matched by column name."""
        return records(cls, self.db.execute(sql, list(params)))

    def _one_row(self, sql: str, params: Iterable[object], missing: str) -> tuple[Any, ...]:
        """The one row of `sql` as SQLite gives it (a few values, not a record); NotFound if none."""
        row = self.db.execute(sql, list(params)).fetchone()
        if row is None:
            raise self._not_found(missing)
        return tuple(row)

    def _one(self, cls: type[R], sql: str, params: Iterable[object], missing: str) -> R:
        """The one row of `sql` as a `cls` record; NotFound (see `_not_found`) if none."""
        found = records(cls, self.db.execute(sql, list(params)), limit=1)
        if not found:
            raise self._not_found(missing)
        return found[0]

    def _not_found(self, missing: str) -> NotFound:
        """NotFound for `missing` ('session 99'), in words that are true of that id.

        SQLite gives a new row the largest id in its table plus one (no table asks
        for AUTOINCREMENT), so every id up to the largest was once given: one of
        those that is gone was removed, and 'no longer exists'. Above it, the id was
        never given (a typo in `rm-tui export --session 99`), or was the last one
        and removed: that can't be told, nor can a row this viewer may not see be
        admitted to, so those are 'there is no session 99'.
        """
        noun, _, number = missing.rpartition(" ")
        table = MISSING_TABLES.get(noun)
        if table is None or not number.isdigit():
            return NotFound(f"there is no {missing}")
        row_id = int(number)
        largest, present = self.db.execute(  # {table}: one of MISSING_TABLES' own names, never typed text
            f"SELECT (SELECT max(id) FROM {table}), EXISTS (SELECT 1 FROM {table} WHERE id = ?)", [row_id]
        ).fetchone()
        if present or largest is None or not 0 < row_id <= largest:
            return NotFound(f"there is no {missing}")
        return NotFound(f"{missing} no longer exists")
