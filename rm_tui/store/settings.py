"""Settings the leader chooses, and the database's own bookkeeping (`meta`)."""

from __future__ import annotations

import uuid

from ..scope import Action, requires
from .base import StoreBase
from .connection import immediate

DATABASE_ID = "database.id"


class SettingsQueries(StoreBase):
    """Key-value settings (the leader's) and meta values (rm-tui's own)."""

    def setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else default

    @requires(Action.CHANGE_SETTINGS)
    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])
        self._wrote("settings")

    def database_id(self) -> str:
        """A random id made once per database file: stable names (calendar UIDs) hang off it."""
        with immediate(self.db):
            known = self._meta(DATABASE_ID)
            if known is None:
                known = uuid.uuid4().hex
                self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [DATABASE_ID, known])
        return known

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return str(row[0]) if row else None
