"""Snapshots: taken consistently, kept one a day and N at most, private, and restored only when sound."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from rm_tui import backup
from rm_tui.backup import BackupRefused
from rm_tui.errors import RmTuiError
from rm_tui.models import NoteText
from rm_tui.store import Store, driver
from rm_tui.store.connection import migrate
from rm_tui.store.driver import Key
from rm_tui.store.migrations import LATEST_VERSION
from tests.conftest import add_mentor, draft, mentors

NINE = datetime(2026, 12, 2, 9, 15, 30)


def at(moment: datetime):
    return lambda: moment


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` with its bytes: what 'nothing changed' compares."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "rm-tui.db"
    add_mentor(path, "Sam Ortiz")
    return path


def test_a_snapshot_is_a_private_file_named_by_its_time_beside_the_database(db: Path) -> None:
    written = backup.take_snapshot(db, now=at(NINE))
    assert written == db.parent / "backups" / "rm-tui-2026-12-02T091530.db"
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    assert mentors(written) == ["Sam Ortiz"]


def test_a_snapshot_holds_what_an_open_window_wrote_and_is_one_file(db: Path) -> None:
    store = Store.open(db)  # the app, open: its writes sit in the write-ahead log
    store.create_mentorship(draft(mentor="Ada Lovelace"))
    written = backup.take_snapshot(db, now=at(NINE))
    store.close()
    assert not Path(f"{written}-wal").exists() and not Path(f"{written}-shm").exists()
    assert sorted(mentors(written)) == ["Ada Lovelace", "Sam Ortiz"]


def test_a_snapshot_into_a_named_folder_makes_it_private(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "usb" / "rm"
    written = backup.take_snapshot(db, folder=folder, now=at(NINE))
    assert written.parent == folder
    assert stat.S_IMODE(folder.stat().st_mode) == stat.S_IMODE((tmp_path / "usb").stat().st_mode) == 0o700


def test_two_snapshots_in_one_second_are_both_kept_and_listed_newest_first(db: Path) -> None:
    first = backup.take_snapshot(db, now=at(NINE))
    second = backup.take_snapshot(db, now=at(NINE))
    assert first != second
    assert [s.path for s in backup.list_snapshots(db)] == [second, first]


def test_the_listing_is_newest_first_with_size_and_encryption_and_only_this_databases(db: Path) -> None:
    for day in (3, 1, 2):
        backup.take_snapshot(db, now=at(NINE.replace(day=day)))
    other = db.with_name("work.db")
    add_mentor(other, "Kim")
    backup.take_snapshot(other, now=at(NINE))
    (db.parent / "backups" / "notes.txt").write_text("not a snapshot")
    listed = backup.list_snapshots(db)
    assert [s.taken.day for s in listed] == [3, 2, 1]
    assert all(s.size == s.path.stat().st_size and not s.encrypted for s in listed)
    assert [s.path.name for s in backup.list_snapshots(other)] == ["work-2026-12-02T091530.db"]


def test_the_first_quit_of_a_day_takes_a_snapshot_and_later_ones_do_not(db: Path) -> None:
    assert backup.daily_snapshot(db, now=at(NINE)) is not None
    assert backup.daily_snapshot(db, now=at(NINE.replace(hour=18))) is None
    assert backup.daily_snapshot(db, now=at(NINE + timedelta(days=1))) is not None
    assert len(backup.list_snapshots(db)) == 2


def test_rotation_keeps_the_newest_n_one_a_day(db: Path) -> None:
    for day in range(20):
        for hour in (9, 12, 18):  # several quits a day: the first one takes the day's snapshot
            backup.daily_snapshot(db, now=at(datetime(2026, 11, 1, hour) + timedelta(days=day)), keep=14)
    kept = backup.list_snapshots(db)
    assert len(kept) == 14
    assert [s.taken for s in kept] == [datetime(2026, 11, 1, 9) + timedelta(days=d) for d in range(19, 5, -1)]


def test_no_database_yet_means_no_daily_snapshot(tmp_path: Path) -> None:
    assert backup.daily_snapshot(tmp_path / "never-made.db", now=at(NINE)) is None
    assert not (tmp_path / "backups").exists()


def test_a_snapshot_of_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupRefused, match="there is no database at"):
        backup.take_snapshot(tmp_path / "missing.db")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_is_a_file_is_refused(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(BackupRefused, match="is not a folder"):
        backup.take_snapshot(db, folder=blocker)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder_is_refused(db: Path, tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir(mode=0o500)
    with pytest.raises(BackupRefused, match="read-only"):
        backup.take_snapshot(db, folder=folder)


# --- restore ---------------------------------------------------------------------------


def test_restore_puts_the_snapshot_in_place_and_keeps_the_database_aside(db: Path) -> None:
    snapshot = backup.take_snapshot(db, now=at(NINE))
    add_mentor(db, "Written after the snapshot")
    done = backup.restore(snapshot, db, now=at(NINE.replace(hour=10)))
    assert done.kept_aside == db.with_name("rm-tui.db.before-restore-2026-12-02T101530")
    assert stat.S_IMODE(done.kept_aside.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert sorted(mentors(done.kept_aside)) == ["Sam Ortiz", "Written after the snapshot"]
    assert mentors(db) == ["Sam Ortiz"]
    assert snapshot.exists()  # the snapshot stays, to restore again


def test_restore_folds_the_current_log_in_and_leaves_no_stale_log(db: Path) -> None:
    snapshot = backup.take_snapshot(db, now=at(NINE))
    store = Store.open(db)
    store.db.execute("PRAGMA wal_autocheckpoint = 0")  # the new mentor stays in the log
    store.create_mentorship(draft(mentor="Only in the log"))
    # a killed window: its log and shared memory stay on disk (simulated by copies)
    log, shm = Path(f"{db}-wal").read_bytes(), Path(f"{db}-shm").read_bytes()
    store.close()
    Path(f"{db}-wal").write_bytes(log)
    Path(f"{db}-shm").write_bytes(shm)
    done = backup.restore(snapshot, db, now=at(NINE))
    assert not Path(f"{db}-wal").exists() and not Path(f"{db}-shm").exists()
    assert done.kept_aside is not None and not Path(f"{done.kept_aside}-wal").exists()
    assert "Only in the log" in mentors(done.kept_aside)
    assert mentors(db) == ["Sam Ortiz"]


def test_restore_into_a_missing_database_keeps_nothing_aside(db: Path, tmp_path: Path) -> None:
    snapshot = backup.take_snapshot(db, now=at(NINE))
    target = tmp_path / "new" / "rm-tui.db"
    done = backup.restore(snapshot, target)
    assert done.kept_aside is None
    assert mentors(target) == ["Sam Ortiz"]


def test_an_older_schema_is_restored_and_upgraded_when_opened(db: Path, tmp_path: Path) -> None:
    old = tmp_path / "old.db"  # a database as an early release left it
    conn = driver.connect(old, None, isolation_level=None)
    migrate(conn, target=3)
    conn.close()
    assert backup.check_snapshot(old) == 3
    backup.restore(old, db)
    assert mentors(db) == []  # opened, upgraded, empty as it was


def _write_sqlite(path: Path, *statements: str) -> Path:
    with sqlite3.connect(path) as conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()
    return path


def _newer_release(db: Path, tmp_path: Path) -> Path:
    path = backup.take_snapshot(db, folder=tmp_path / "newer")
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 1}")
    conn.close()
    return path


def _corrupt(db: Path, tmp_path: Path) -> Path:
    path = backup.take_snapshot(db, folder=tmp_path / "corrupt")
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 2: page * 6] = b"\xa5" * (page * 4)  # pages of tables and indexes, scrambled
    path.write_bytes(bytes(data))
    return path


REFUSED = {
    "not SQLite": (lambda db, tmp: _text(tmp / "notes.txt"), "is not an rm-tui snapshot (it is not an SQLite file)"),
    "another application's": (
        lambda db, tmp: _write_sqlite(tmp / "other.sqlite", "CREATE TABLE songs (title TEXT)"),
        "belongs to another application, not rm-tui",
    ),
    "a newer release's": (_newer_release, f"was written by a newer rm-tui (schema {LATEST_VERSION + 1}"),
    "corrupt": (_corrupt, "is damaged"),
    "missing": (lambda db, tmp: tmp / "gone.db", "does not exist"),
    "a folder": (lambda db, tmp: tmp, "is a folder"),
}


def _text(path: Path) -> Path:
    path.write_text("Dear diary\n" * 500)
    return path


@pytest.mark.parametrize("kind", list(REFUSED))
def test_a_bad_snapshot_is_refused_and_nothing_changes(kind: str, db: Path, tmp_path: Path) -> None:
    make, message = REFUSED[kind]
    bad = make(db, tmp_path)
    before = files_in(tmp_path)
    with pytest.raises(BackupRefused, match=message.replace("(", r"\(").replace(")", r"\)")):
        backup.restore(bad, db)
    assert files_in(tmp_path) == before
    assert mentors(db) == ["Sam Ortiz"]


def test_a_damaged_database_is_replaced_and_kept_aside_as_it_was(db: Path) -> None:
    snapshot = backup.take_snapshot(db, now=at(NINE))
    data = bytearray(db.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema on page 1 scrambled; the header still says rm-tui's
    db.write_bytes(bytes(data))
    with pytest.raises(RmTuiError, match="is damaged"):
        Store.open(db)
    done = backup.restore(snapshot, db, now=at(NINE))
    assert done.kept_aside is not None and done.kept_aside.read_bytes() == bytes(data)
    assert mentors(db) == ["Sam Ortiz"]


def test_another_applications_database_is_never_replaced(db: Path, tmp_path: Path) -> None:
    snapshot = backup.take_snapshot(db, now=at(NINE))
    theirs = _write_sqlite(tmp_path / "places.sqlite", "CREATE TABLE places (url TEXT)")
    before = files_in(tmp_path)
    with pytest.raises(RmTuiError, match="belongs to another application"):
        backup.restore(snapshot, theirs)
    assert files_in(tmp_path) == before


def test_the_database_itself_is_not_a_snapshot(db: Path) -> None:
    with pytest.raises(BackupRefused, match="is the database itself"):
        backup.restore(db, db)
    assert mentors(db) == ["Sam Ortiz"]


HOLD_OPEN = """
import sys, time
from rm_tui.store import Store
store = Store.open(sys.argv[1])
store.list_mentorships()
print("open", flush=True)
sys.stdin.read()
"""


def test_restore_is_refused_while_another_rm_tui_has_the_database_open(db: Path, tmp_path: Path) -> None:
    snapshot = backup.take_snapshot(db, folder=tmp_path / "snaps")
    add_mentor(db, "After the snapshot")
    other = subprocess.Popen([sys.executable, "-c", HOLD_OPEN, str(db)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parents[2])
    try:
        assert other.stdout is not None and other.stdout.readline() == "open\n"
        before = sorted(p.name for p in tmp_path.iterdir())
        with pytest.raises(BackupRefused, match="is open in another rm-tui"):
            backup.restore(snapshot, db)
        assert sorted(p.name for p in tmp_path.iterdir()) == before
    finally:
        other.communicate("")
    assert sorted(mentors(db)) == ["After the snapshot", "Sam Ortiz"]


# --- encrypted -------------------------------------------------------------------------


@pytest.fixture
def sealed(tmp_path: Path) -> tuple[Path, Key]:
    path = tmp_path / "sealed.db"
    key = Key.new("correct horse battery staple")
    store = Store.open(path, key=key)
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title="Zebrafish launch", proposed_by="leader")
    store.save_note(NoteText(None, session, item, "leader", "private", "quarantined aardvark"))
    store.close()
    return path, key


def test_an_encrypted_databases_snapshot_is_encrypted_and_opens_with_the_same_passphrase(sealed) -> None:
    db, key = sealed
    written = backup.take_snapshot(db, key, now=at(NINE))
    data = written.read_bytes()
    assert not data.startswith(b"SQLite format 3")
    assert b"aardvark" not in data and b"Zebrafish" not in data and b"Sam Ortiz" not in data
    assert backup.list_snapshots(db)[0].encrypted
    assert mentors(written, Key.for_file("correct horse battery staple", written)) == ["Sam Ortiz"]


def test_an_encrypted_snapshot_restores_with_the_databases_key(sealed) -> None:
    db, key = sealed
    snapshot = backup.take_snapshot(db, key, now=at(NINE))
    add_mentor(db, "After the snapshot", key)
    done = backup.restore(snapshot, db, key, now=at(NINE))
    assert done.kept_aside is not None and b"After the snapshot" not in done.kept_aside.read_bytes()
    assert sorted(mentors(done.kept_aside, key)) == ["After the snapshot", "Sam Ortiz"]
    assert mentors(db, key) == ["Sam Ortiz"]


def test_an_encrypted_snapshot_needs_a_key_and_a_plain_one_may_not_replace_an_encrypted_database(
    sealed, db: Path, tmp_path: Path
) -> None:
    encrypted_db, key = sealed
    encrypted_snapshot = backup.take_snapshot(encrypted_db, key, folder=tmp_path / "e")
    plain_snapshot = backup.take_snapshot(db, folder=tmp_path / "p")
    before = files_in(tmp_path)
    with pytest.raises(BackupRefused, match="is encrypted"):
        backup.restore(encrypted_snapshot, db)
    with pytest.raises(BackupRefused, match="is not encrypted and the database is"):
        backup.restore(plain_snapshot, encrypted_db, key)
    other_key = Key.new("another passphrase")
    with pytest.raises(BackupRefused, match="another key"):
        backup.restore(encrypted_snapshot, encrypted_db, other_key)
    assert files_in(tmp_path) == before
