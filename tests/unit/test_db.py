"""Opening the database file: creation, permissions, refusals and migrations."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from rm_tui.db import APPLICATION_ID, connect, migrate, open_database
from rm_tui.errors import DatabaseRefused, DataDirectoryError
from rm_tui.migrations import LATEST_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_is_private_wal_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "rm.db"
    db = open_database(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert db.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    expected = {"mentorships", "learning_goals", "sessions", "agenda_items", "notes", "follow_ups", "topics"}
    assert expected <= set(db.table_names())
    db.close()


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    open_database(path).close()
    assert open_database(path).conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_reopening_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "rm.db"
    db = open_database(path)
    db.execute("INSERT INTO mentorships (leader, mentor) VALUES ('Dana', 'Sam')")
    db.close()
    again = open_database(path)
    assert again.execute("SELECT mentor FROM mentorships").fetchall() == [("Sam",)]


def test_random_bytes_are_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(os.urandom(8192))
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="not an rm-tui database"):
        open_database(path)
    assert digest(path) == before


def test_another_applications_sqlite_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.execute("INSERT INTO invoices (total) VALUES (12.5)")
    other.commit()
    other.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="belongs to another application"):
        open_database(path)
    assert digest(path) == before
    assert not (tmp_path / "other.db-wal").exists()


def test_a_database_from_a_newer_release_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path).close()
    future = sqlite3.connect(path)
    future.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    future.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    future.close()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer rm-tui"):
        open_database(path)
    assert digest(path) == before


def test_damaged_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "damaged.db"
    open_database(path).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = os.urandom(4096 - 100)  # scribble over the schema page
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(DatabaseRefused):
        open_database(path)
    assert digest(path) == before


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefused, match="is a folder"):
        open_database(tmp_path)


def test_unwritable_data_folder_gives_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(DataDirectoryError) as caught:
        open_database(blocker / "rm.db")
    assert "cannot create the data folder" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("start", range(1, LATEST_VERSION + 1))
def test_every_earlier_schema_upgrades_with_its_data(tmp_path: Path, start: int) -> None:
    """A database left at any earlier version opens in this release with its rows."""
    path = tmp_path / "old.db"
    path.touch()
    db = connect(path)
    migrate(db, target=start)
    db.execute("INSERT INTO mentorships (leader, mentor) VALUES ('Dana', 'Sam')")
    db.close()
    upgraded = open_database(path)
    assert upgraded.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert upgraded.execute("SELECT leader, mentor FROM mentorships").fetchall() == [("Dana", "Sam")]
    assert "follow_up_id" in upgraded["agenda_items"].columns_dict  # added by migration 2


def test_two_connections_opening_a_new_file_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    first = open_database(path)
    second = open_database(path)
    assert migrate(second) == LATEST_VERSION
    assert first.conn.execute("SELECT count(*) FROM mentorships").fetchone()[0] == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only file")
def test_a_read_only_database_is_refused_clearly_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "read-only.db"
    open_database(path).close()
    path.chmod(0o400)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="is read-only; rm-tui needs to write to it"):
        open_database(path)
    assert digest(path) == before


def test_an_earlier_schema_gains_the_search_index_with_its_text(tmp_path: Path) -> None:
    """A database made before search existed (schema 6) opens with everything searchable."""
    path = tmp_path / "older.db"
    db = connect(path)
    db.conn.execute("PRAGMA journal_mode = WAL")
    migrate(db, target=6)
    db.conn.execute("INSERT INTO mentorships (leader, mentor) VALUES ('Dana', 'Sam')")
    db.conn.execute("INSERT INTO sessions (mentorship_id, scheduled_on) VALUES (1, '2026-11-24')")
    db.conn.execute("INSERT INTO notes (session_id, author, body) VALUES (1, 'leader', 'swimlanes everywhere')")
    db.conn.commit()
    db.close()
    from rm_tui.store import Store

    store = Store.open(path)
    assert [hit.kind for hit in store.search("swimlane", "leader")] == ["note"]
    store.close()
