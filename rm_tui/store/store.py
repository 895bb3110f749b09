"""The store's one face: every concern's queries, composed on one connection and one scope.

Screens call these methods and get plain records (rm_tui.models) back; they never
see SQL. Every write names the tables it changed (`on_change`), and
`change_token()` folds in SQLite's data_version, so an app can tell cheaply whether
anything, in this process or another, changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..scope import LEADER, Scope
from ..timing import Clock, utc_now
from .base import Today
from .connection import connect, open_database
from .driver import Key
from .export import ExportQueries
from .importing import ImportQueries
from .progress import ProgressQueries
from .reminders import ReminderQueries
from .search import SearchQueries
from .setup import SetupQueries


class Store(
    ImportQueries, ExportQueries, SetupQueries, ProgressQueries, SearchQueries, ReminderQueries
):
    """The rm-tui database, as the operations the app needs.

    Each base is one concern, in a module of its own (see rm_tui/store/); they all
    stand on StoreBase, which holds the connection, the scope and the change feed.
    """

    key: Key | None = None
    """The encrypted file's raw key (None for a plain file), for the connections a worker thread opens."""

    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        key: Key | None = None,
        scope: Scope = LEADER,
        today: Today = date.today,
        now: Clock = utc_now,
    ) -> Store:
        """Open or create the database file; raises RmTuiError with a one-line reason.

        `key` opens (or creates) an encrypted file; see rm_tui.passphrase for where it comes from.
        """
        store = cls(open_database(path, key), scope=scope, today=today, now=now)
        store.key = key
        return store

    @property
    def encrypted(self) -> bool:
        """Whether the file is encrypted at rest (SQLCipher)."""
        return self.key is not None

    @property
    def only_mentorship(self) -> int | None:
        """The one mentorship this store shows, when it is kept to one (a served mentor's)."""
        return self.scope.mentorship_id

    def keep_to(self, wanted: int | str) -> int:
        """Narrow the scope to one mentorship, by id or mentor's name; returns its id.

        A scope is only ever narrowed: a store kept to one mentorship finds no other.
        """
        mentorship_id = self.find_mentorship(str(wanted))
        self.scope = self.scope.narrowed_to(mentorship_id)
        return mentorship_id

    def opener_for_thread(self) -> Callable[[], Store]:
        """Opens another connection to this file, to be called on the thread that will use it.

        SQLite objects belong to the thread that made them, so a worker thread needs
        a connection of its own; it keeps this store's scope.
        """
        path, key, scope, today, now = Path(self.path), self.key, self.scope, self.today, self.now

        def open_again() -> Store:
            store = Store(connect(path, key), scope=scope, today=today, now=now)
            store.key = key
            return store

        return open_again

    @property
    def path(self) -> str:
        return str(self.db.execute("PRAGMA database_list").fetchone()[2])

    def close(self) -> None:
        self.db.close()

    def change_token(self) -> tuple[int, int]:
        """Differs from the last call's whenever any process committed a change."""
        (data_version,) = self.db.execute("PRAGMA data_version").fetchone()
        return int(data_version), self.local_writes
