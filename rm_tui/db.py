"""Opening the one SQLite file: checks, permissions, pragmas and migrations.

A file is inspected before SQLite is allowed to write to it, so a file that is not
an rm-tui database (random bytes, another application's SQLite file, one from a
newer rm-tui) is refused and left byte-for-byte as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from .errors import DatabaseRefused, DataDirectoryError
from .migrations import LATEST_VERSION, MIGRATIONS

SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x524D5455  # "RMTU": marks the file as rm-tui's in its header
BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class FileCheck:
    """What an existing file turned out to be, read without changing it."""

    is_new: bool
    schema_version: int = 0


def inspect_database_file(path: Path) -> FileCheck:
    """Decide whether `path` may be opened as an rm-tui database, touching nothing.

    Raises DatabaseRefused with a one-line reason for anything rm-tui must not open.
    """
    try:
        size = path.stat().st_size
    except (FileNotFoundError, NotADirectoryError):
        return FileCheck(is_new=True)  # creating it will say if the folder is unusable
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror}") from None
    if path.is_dir():
        raise DatabaseRefused(f"{path} is a folder, not a database file")
    if size == 0:
        return FileCheck(is_new=True)
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror}") from None
    if magic != SQLITE_MAGIC:
        raise DatabaseRefused(f"{path} is not an rm-tui database (it is not an SQLite file)")
    # A read-only connection never writes the main file, and it sees changes still in
    # the write-ahead log that the header on disk may not show yet.
    try:
        probe = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = probe.execute("PRAGMA application_id").fetchone()[0]
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            probe.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"{path} is damaged or not a database ({exc})") from None
    if app_id != APPLICATION_ID:
        if app_id == 0 and tables == 0:
            return FileCheck(is_new=True)  # an empty SQLite file: safe to adopt
        raise DatabaseRefused(
            f"{path} belongs to another application, not rm-tui; choose another file with --db"
        )
    if version > LATEST_VERSION:
        raise DatabaseRefused(
            f"{path} was written by a newer rm-tui (schema {version}, this one knows up to "
            f"{LATEST_VERSION}); upgrade rm-tui to open it"
        )
    return FileCheck(is_new=False, schema_version=version)


def _create_private_file(path: Path) -> None:
    """Create the parent folder (0700) and an empty file readable by the owner only."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirectoryError(
            f"cannot create the data folder {path.parent}: {exc.strerror}"
        ) from None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DataDirectoryError(f"cannot create {path}: {exc.strerror}") from None
    os.close(fd)


def connect(path: Path) -> Database:
    """A connection with the pragmas every rm-tui connection needs.

    SQLite objects belong to one thread: a worker thread calls this for its own.
    WAL lets a second process read while one writes; the busy timeout makes writers
    queue instead of failing with 'database is locked'.
    """
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # NORMAL is durable against a killed process in WAL mode, and much faster.
    conn.execute("PRAGMA synchronous = NORMAL")
    db = Database(conn, execute_plugins=False)
    return db


@contextlib.contextmanager
def immediate(db: Database) -> Iterator[Database]:
    """A write transaction that takes the write lock at its start.

    A deferred transaction that reads and then writes can fail with 'database is
    locked' when another process wrote in between; BEGIN IMMEDIATE queues instead.
    """
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()
        raise
    else:
        db.conn.commit()


def migrate(db: Database, target: int = LATEST_VERSION) -> int:
    """Apply the migrations a database lacks, each in its own transaction.

    The version is read again under the write lock, so two processes opening one
    new file at once do not both create the schema. Returns the version reached.
    """
    while True:
        with immediate(db):
            version = db.conn.execute("PRAGMA user_version").fetchone()[0]
            if version >= target:
                return version
            for step in MIGRATIONS[version]:
                if callable(step):
                    step(db)
                else:
                    db.conn.execute(step)
            db.conn.execute(f"PRAGMA user_version = {version + 1}")
            db.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def open_database(path: Path | str) -> Database:
    """Open (creating if needed) the rm-tui database at `path`, migrated to the latest schema."""
    path = Path(path).expanduser()
    check = inspect_database_file(path)
    if check.is_new:
        _create_private_file(path)
    elif not os.access(path, os.W_OK):
        raise DatabaseRefused(f"{path} is read-only; rm-tui needs to write to it")
    try:
        db = connect(path)
        if db.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise DatabaseRefused(f"{path} cannot use write-ahead logging")
        migrate(db)
    except sqlite3.DatabaseError as exc:
        raise DatabaseRefused(f"{path} cannot be opened as a database ({exc})") from None
    return db
