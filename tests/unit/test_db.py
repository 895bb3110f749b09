"""Opening the database file: creation, permissions, refusals and migrations."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlite_utils import Database

from rm_tui.errors import DatabaseRefused, DataDirectoryError
from rm_tui.store.connection import APPLICATION_ID, connect, migrate, open_database
from rm_tui.store.migrations import LATEST_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def beside(path: Path) -> set[str]:
    """The names of the files in the folder of `path` other than itself."""
    return {p.name for p in path.parent.iterdir()} - {path.name}


def journal_mode_in_header(path: Path) -> str:
    """The journal mode in the file's header (bytes 18 and 19 are 2 in WAL mode)."""
    return "wal" if path.read_bytes()[18:20] == b"\x02\x02" else "rollback"


def make_foreign_wal_database(path: Path) -> None:
    """Another application's SQLite file in WAL mode, closed cleanly (no -wal left)."""
    other = sqlite3.connect(path)
    assert other.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    other.execute("INSERT INTO invoices (total) VALUES (12.5)")
    other.commit()
    other.close()


def test_new_database_is_private_wal_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / "rm.db"
    db = open_database(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
    assert db.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    expected = {"mentorships", "learning_goals", "sessions", "agenda_items", "notes", "follow_ups", "topics"}
    assert expected <= set(Database(db).table_names())
    db.close()


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    open_database(path).close()
    assert open_database(path).execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION


def test_an_adopted_empty_file_is_made_private_like_a_new_one(tmp_path: Path) -> None:
    path = tmp_path / "shared.db"
    path.touch()
    path.chmod(0o644)
    db = open_database(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for side in ("shared.db-wal", "shared.db-shm"):  # SQLite gives them the file's mode
        assert stat.S_IMODE((tmp_path / side).stat().st_mode) == 0o600
    db.close()


def test_an_adopted_empty_sqlite_file_is_made_private_too(tmp_path: Path) -> None:
    path = tmp_path / "blank.db"
    blank = sqlite3.connect(path)
    blank.execute("CREATE TABLE scratch (x)")
    blank.execute("DROP TABLE scratch")
    blank.commit()
    blank.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    path.chmod(0o644)
    open_database(path).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@pytest.mark.parametrize("kind", ["fifo", "dev-null"])
def test_a_file_that_is_not_a_regular_file_is_refused_before_sqlite_opens_it(tmp_path: Path, kind: str) -> None:
    if kind == "fifo":
        path = tmp_path / "pipe.db"
        os.mkfifo(path)
    else:
        path = Path(os.devnull)
        if not path.exists() or os.name != "posix":
            pytest.skip("needs /dev/null")
    journal_before = Path(f"{path}-journal").exists()
    around_before = beside(path) if kind == "fifo" else None
    with pytest.raises(DatabaseRefused) as caught:
        open_database(path)
    kind_named = "a pipe" if kind == "fifo" else "a device"
    assert str(caught.value) == f"{path} is not a regular file ({kind_named}), not a database file"
    assert Path(f"{path}-journal").exists() == journal_before
    if kind == "fifo":
        assert stat.S_ISFIFO(path.stat().st_mode)
        assert beside(path) == around_before


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
def test_a_proc_file_that_says_it_is_empty_is_not_taken_for_an_empty_database() -> None:
    """Files in /proc report size 0 but have text: read, they are refused as not SQLite."""
    path = Path("/proc/version")
    assert path.stat().st_size == 0
    with pytest.raises(DatabaseRefused, match="is not an rm-tui database"):
        open_database(path)


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


def test_another_applications_wal_database_is_refused_with_nothing_left_beside_it(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    make_foreign_wal_database(path)
    assert beside(path) == set()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="belongs to another application"):
        open_database(path)
    assert digest(path) == before
    assert beside(path) == set()  # no -wal or -shm made by looking at it


def test_a_refusal_removes_the_shm_file_it_made_but_keeps_a_log_that_was_there(tmp_path: Path) -> None:
    """A -wal left by a crash is read (it may hold the latest header); the -shm made for it goes."""
    path = tmp_path / "other.db"
    make_foreign_wal_database(path)
    log = tmp_path / "other.db-wal"
    log.write_bytes(b"")  # an empty write-ahead log, as a killed writer can leave
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="belongs to another application"):
        open_database(path)
    assert digest(path) == before
    assert beside(path) == {"other.db-wal"} and log.read_bytes() == b""


def test_a_refusal_leaves_the_side_files_of_a_program_using_the_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    make_foreign_wal_database(path)
    user = sqlite3.connect(path)  # the other application, running now
    user.execute("SELECT * FROM invoices").fetchall()
    assert beside(path) == {"other.db-wal", "other.db-shm"}
    with pytest.raises(DatabaseRefused, match="belongs to another application"):
        open_database(path)
    assert beside(path) == {"other.db-wal", "other.db-shm"}
    user.execute("INSERT INTO invoices (total) VALUES (3.0)")  # and it carries on unharmed
    user.commit()
    assert user.execute("SELECT count(*) FROM invoices").fetchone()[0] == 2
    user.close()


def test_a_database_from_a_newer_release_is_refused_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_database(path).close()
    future = sqlite3.connect(path)
    future.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    future.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    future.close()
    assert journal_mode_in_header(path) == "wal" and beside(path) == set()
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="newer rm-tui"):
        open_database(path)
    assert digest(path) == before
    assert beside(path) == set()  # no -wal or -shm made by looking at it



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


@pytest.mark.parametrize("below", ["rm.db", "sub/rm.db"])
def test_a_file_where_the_folder_should_be_is_named(tmp_path: Path, below: str) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    before = digest(blocker)
    with pytest.raises(DataDirectoryError) as caught:
        open_database(blocker / below)
    assert str(caught.value) == f"cannot use {blocker / below}: {blocker} is a file, not a folder"
    assert digest(blocker) == before
    assert beside(blocker) == set()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can create a folder anywhere")
def test_unwritable_data_folder_gives_one_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(DataDirectoryError) as caught:
        open_database(locked / "sub" / "rm.db")
    assert str(caught.value) == f"cannot create the data folder {locked / 'sub'}: Permission denied"


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
    assert upgraded.execute("PRAGMA user_version").fetchone()[0] == LATEST_VERSION
    assert upgraded.execute("SELECT leader, mentor FROM mentorships").fetchall() == [("Dana", "Sam")]
    assert "follow_up_id" in Database(upgraded)["agenda_items"].columns_dict  # added by migration 2


def test_two_connections_opening_a_new_file_migrate_once(tmp_path: Path) -> None:
    path = tmp_path / "race.db"
    first = open_database(path)
    second = open_database(path)
    assert migrate(second) == LATEST_VERSION
    assert first.execute("SELECT count(*) FROM mentorships").fetchone()[0] == 0


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only file")
def test_a_read_only_database_is_refused_clearly_and_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "read-only.db"
    open_database(path).close()
    path.chmod(0o400)
    before = digest(path)
    with pytest.raises(DatabaseRefused, match="is read-only; rm-tui needs to write to it"):
        open_database(path)
    assert digest(path) == before
    assert beside(path) == set()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only file and folder")
@pytest.mark.parametrize("file_mode", [0o400, 0o600], ids=["file-read-only", "file-writable"])
def test_a_database_in_a_read_only_folder_is_refused_clearly_and_unchanged(tmp_path: Path, file_mode: int) -> None:
    folder = tmp_path / "locked"
    path = folder / "rm.db"
    open_database(path).close()
    path.chmod(file_mode)
    folder.chmod(0o500)
    before = digest(path)
    try:
        with pytest.raises(DatabaseRefused) as caught:
            open_database(path)
        assert beside(path) == set()
    finally:
        folder.chmod(0o700)
    if file_mode == 0o400:
        assert str(caught.value) == f"{path} is read-only (and so is its folder); rm-tui needs to write to both"
    else:
        assert str(caught.value) == (
            f"{path} is in a read-only folder; rm-tui needs to write its -wal and -shm files beside it"
        )
    assert digest(path) == before


def test_an_earlier_schema_gains_the_search_index_with_its_text(tmp_path: Path) -> None:
    """A database made before search existed (schema 6) opens with everything searchable."""
    path = tmp_path / "older.db"
    db = connect(path)
    db.execute("PRAGMA journal_mode = WAL")
    migrate(db, target=6)
    db.execute("INSERT INTO mentorships (leader, mentor) VALUES ('Dana', 'Sam')")
    db.execute("INSERT INTO sessions (mentorship_id, scheduled_on) VALUES (1, '2026-11-24')")
    db.execute("INSERT INTO notes (session_id, author, body) VALUES (1, 'leader', 'swimlanes everywhere')")
    db.commit()
    db.close()
    from rm_tui.store import Store

    store = Store.open(path)
    assert [hit.kind for hit in store.search("swimlane", "leader")] == ["note"]
    store.close()


def test_a_link_to_a_database_not_made_yet_makes_it_there(tmp_path: Path) -> None:
    target = tmp_path / "real" / "rm.db"
    link = tmp_path / "rm.db"
    link.symlink_to(target)
    open_database(link).close()
    assert target.exists() and stat.S_IMODE(target.stat().st_mode) == 0o600
