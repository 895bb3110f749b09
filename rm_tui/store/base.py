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
from ..models.record import Record
from ..scope import LEADER, Scope
from ..timing import Clock, utc_now
from . import driver
from .lookup import not_found
from .rows import records

Today = Callable[[], date]
R = TypeVar("R", bound=Record)

NOW_SQL = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"
"""SQLite's own UTC timestamp, as every updated_at column is written."""

ChangeListener = Callable[[frozenset[str]], object]



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
        """NotFound for `missing` ('session 99'), in words that are true of that id (lookup.not_found)."""
        return not_found(self.db, missing)
