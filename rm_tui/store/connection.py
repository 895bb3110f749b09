"""Opening the one SQLite file: checks, permissions, pragmas and migrations.

A file is inspected before SQLite is allowed to write to it, so a file that is not
an rm-tui database (random bytes, another application's SQLite file, one from a
newer rm-tui, a device or a pipe) is refused and left byte-for-byte as it was, with
no new file beside it.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from ..errors import DatabaseRefused, DataDirectoryError
from ..files import make_private_folders
from . import driver
from .driver import SQLITE_MAGIC, Key
from .migrations import LATEST_VERSION, MIGRATIONS

try:
    import fcntl
except ImportError:  # Windows: a file another process has open cannot be removed anyway
    fcntl = None  # type: ignore[assignment]

APPLICATION_ID = 0x524D5455  # "RMTU": marks the file as rm-tui's in its header
BUSY_TIMEOUT_MS = 5000
LOCK_ATTEMPTS = 3  # times BEGIN IMMEDIATE waits out the busy timeout before giving up
SIDE_FILES = ("-wal", "-shm")  # what SQLite keeps beside a database in WAL mode
# Every connection that has a -shm file open holds a shared lock on this byte of it
# (SQLite's "dead man switch" in its unix VFS): if we can lock it, nobody else has it.
SHM_DMS_BYTE = 128


class _FileCheck(NamedTuple):
    """What an existing file turned out to be, read without changing it.

    A named tuple: `rm-tui due` reads it on every shell prompt, without the dataclasses module."""

    is_new: bool
    schema_version: int = 0


def inspect_database_file(path: Path, key: Key | None = None) -> _FileCheck:
    """Decide whether `path` may be opened as an rm-tui database, touching nothing.

    `key` is the encrypted file's key (None for a plain file). Raises DatabaseRefused
    with a one-line reason for anything rm-tui must not open.
    """
    try:
        info = path.stat()
    except (FileNotFoundError, NotADirectoryError):
        return _FileCheck(is_new=True)  # creating it will say if the folder is unusable
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror}") from None
    if stat.S_ISDIR(info.st_mode):
        raise DatabaseRefused(f"{path} is a folder, not a database file")
    if not stat.S_ISREG(info.st_mode):
        # Checked before anything opens it: reading a pipe can block, and SQLite would
        # treat a device such as /dev/null as an empty database and make files beside it.
        raise DatabaseRefused(
            f"{path} is not a regular file ({_kind_of_file(info.st_mode)}), not a database file"
        )
    try:
        with path.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseRefused(f"cannot read {path}: {exc.strerror}") from None
    if not magic:  # read, not trusted to st_size: files in /proc say 0 and are not empty
        _check_writable(path)
        return _FileCheck(is_new=True)
    encrypted = magic != SQLITE_MAGIC
    if encrypted and not driver.sized_like_pages(info.st_size):
        raise DatabaseRefused(f"{path} is not an rm-tui database (it is not an SQLite file)")
    if encrypted and key is None:
        # Random bytes of a page-like size look the same: only the key can tell.
        raise DatabaseRefused(
            f"{path} is encrypted (or is not an rm-tui database): give --passphrase-file FILE "
            "(or RM_TUI_PASSPHRASE_FILE)"
        )
    if not encrypted and key is not None:
        raise DatabaseRefused(f"{path} is not encrypted: drop --passphrase-file, or run rm-tui encrypt")
    with _no_side_files_left_on_refusal(path):
        try:
            app_id, version, tables = _probe(path, key)
        except driver.DatabaseError as exc:
            if encrypted and driver.error_name(exc) == "SQLITE_NOTADB":
                # A wrong key and a file that is no database read the same to SQLCipher.
                raise DatabaseRefused(
                    f"{path}: wrong passphrase (or the file is not an rm-tui database)"
                ) from None
            raise DatabaseRefused(f"{path} is damaged or not a database ({exc})") from None
        if app_id != APPLICATION_ID:
            if app_id == 0 and tables == 0:
                _check_writable(path)
                return _FileCheck(is_new=True)  # an empty SQLite file: safe to adopt
            raise DatabaseRefused(
                f"{path} belongs to another application, not rm-tui; choose another file with --db"
            )
        if version > LATEST_VERSION:
            raise DatabaseRefused(
                f"{path} was written by a newer rm-tui (schema {version}, this one knows up to "
                f"{LATEST_VERSION}); upgrade rm-tui to open it"
            )
        _check_writable(path)
    return _FileCheck(is_new=False, schema_version=version)


def _kind_of_file(mode: int) -> str:
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _probe(path: Path, key: Key | None) -> tuple[int, int, int]:
    """The application id, schema version and table count, read without writing the file.

    A read-only connection never writes the main file, and it sees changes still in
    the write-ahead log that the header on disk may not show yet. With no log beside
    the file everything is in the file itself, and `immutable` reads it without the
    -wal and -shm files a read-only connection to a WAL database would otherwise create.
    """
    uri = path.resolve().as_uri()
    has_log = os.path.lexists(f"{path.resolve()}-wal")
    try:
        return _read_identity(f"{uri}?mode=ro" if has_log else f"{uri}?mode=ro&immutable=1", key)
    except driver.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") != "SQLITE_READONLY_DIRECTORY":
            raise
    # A log, but no -shm and a folder it cannot be made in: read the file alone.
    return _read_identity(f"{uri}?mode=ro&immutable=1", key)


def _read_identity(uri: str, key: Key | None) -> tuple[int, int, int]:
    probe = driver.connect(uri, key, uri=True)
    try:
        app_id = probe.execute("PRAGMA application_id").fetchone()[0]
        version = probe.execute("PRAGMA user_version").fetchone()[0]
        tables = probe.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    finally:
        probe.close()
    return app_id, version, tables


@contextlib.contextmanager
def _no_side_files_left_on_refusal(path: Path) -> Iterator[None]:
    """On refusal, remove the -wal/-shm files the probe made beside `path` (only those)."""
    base = path.resolve()
    existed = {suffix for suffix in SIDE_FILES if os.path.lexists(f"{base}{suffix}")}
    try:
        yield
    except DatabaseRefused:
        made = [suffix for suffix in SIDE_FILES if suffix not in existed]
        if made:
            _remove_side_files(base, made)
        raise


def _remove_side_files(base: Path, suffixes: list[str]) -> None:
    """Remove side files the probe made, unless another program has the database open.

    Another program may have opened the file since the probe made them: it then holds
    its lock in the -shm file, and its files stay. A -wal something wrote to stays too.
    """
    shm = Path(f"{base}-shm")
    fd = None
    try:
        if fcntl is not None and shm.exists():
            try:
                fd = os.open(shm, os.O_RDWR)
                fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE, os.SEEK_SET)
            except OSError:
                return  # in use, or not ours to lock: leave it
        for suffix in suffixes:
            side = Path(f"{base}{suffix}")
            with contextlib.suppress(OSError):
                if suffix == "-wal" and side.stat().st_size > 0:
                    continue
                side.unlink()
    finally:
        if fd is not None:
            os.close(fd)  # releases the lock


def _check_writable(path: Path) -> None:
    """Refuse, in one line, a database rm-tui could read but not write.

    SQLite needs the file and, in WAL mode, its -wal and -shm files beside it, which
    it makes (and removes) in the file's folder.
    """
    base = path.resolve()
    file_ok = os.access(base, os.W_OK)
    folder_ok = os.access(base.parent, os.W_OK | os.X_OK) or all(
        os.access(f"{base}{suffix}", os.W_OK) for suffix in SIDE_FILES
    )
    if not file_ok and not folder_ok:
        raise DatabaseRefused(f"{path} is read-only (and so is its folder); rm-tui needs to write to both")
    if not file_ok:
        raise DatabaseRefused(f"{path} is read-only; rm-tui needs to write to it")
    if not folder_ok:
        raise DatabaseRefused(
            f"{path} is in a read-only folder; rm-tui needs to write its -wal and -shm files beside it"
        )


def _not_a_folder(folder: Path) -> Path | None:
    """The nearest existing one of `folder` and its parents, if it is not a folder."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def _create_private_file(path: Path) -> None:
    """Create the parent folders (each 0700) and an empty file readable by the owner only.

    An empty file that is already there is adopted, and made owner-only like a new one.
    """
    try:
        make_private_folders(path.parent)  # the parents it makes are 0700 too, not the umask's 0755
    except OSError as exc:
        blocker = _not_a_folder(path.parent)
        if blocker is not None:
            what = "a file, not a folder" if blocker.is_file() else "not a folder"
            raise DataDirectoryError(f"cannot use {path}: {blocker} is {what}") from None
        raise DataDirectoryError(
            f"cannot create the data folder {path.parent}: {exc.strerror}"
        ) from None
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        if path.is_symlink() and not path.exists():
            _create_private_file(path.resolve())  # a link to a file not made yet: make that file
            return
        try:
            os.chmod(path, 0o600)  # SQLite gives the -wal and -shm files the same mode
        except OSError as exc:
            raise DataDirectoryError(f"cannot make {path} private to you: {exc.strerror}") from None
        return
    except OSError as exc:
        raise DataDirectoryError(f"cannot create {path}: {exc.strerror}") from None
    os.close(fd)


def connect(path: Path, key: Key | None = None) -> driver.Connection:
    """A connection with the pragmas every rm-tui connection needs.

    SQLite objects belong to one thread: a worker thread calls this for its own.
    WAL lets a second process read while one writes; the busy timeout makes writers
    queue instead of failing with 'database is locked'.
    """
    # Autocommit (isolation_level None): a lone write commits at once, and every
    # transaction is an explicit BEGIN IMMEDIATE (see immediate()).
    conn = driver.connect(path, key, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # NORMAL is durable against a killed process in WAL mode, and much faster.
    conn.execute("PRAGMA synchronous = NORMAL")
    # The full-text indexes are kept by sqlite-utils' triggers; the delete half of an
    # INSERT OR REPLACE only fires them with recursive triggers on.
    conn.execute("PRAGMA recursive_triggers = ON")
    return conn


@contextlib.contextmanager
def immediate(db: driver.Connection) -> Iterator[driver.Connection]:
    """A write transaction that takes the write lock at its start.

    A deferred transaction that reads and then writes can fail with 'database is
    locked' when another process wrote in between; BEGIN IMMEDIATE queues instead.
    """
    for attempt in range(LOCK_ATTEMPTS):
        try:
            db.execute("BEGIN IMMEDIATE")
            break
        except driver.OperationalError as exc:
            # SQLite's wait for the lock is not a queue: a writer that never pauses can
            # keep winning it for the whole busy timeout. Ask again rather than fail.
            if "locked" not in str(exc) or attempt == LOCK_ATTEMPTS - 1:
                raise
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        db.commit()


def migrate(db: driver.Connection, target: int = LATEST_VERSION, *, one_by_one: bool = False) -> int:
    """Apply the migrations a database lacks, each in its own transaction.

    The version is read again under the write lock, so two processes opening one
    new file at once do not both create the schema. Returns the version reached.
    A new database is given the latest schema in one step (rm_tui.store.fresh_schema),
    unless `one_by_one` asks for every migration, as that module's test does.
    """
    while True:
        with immediate(db):
            version = int(db.execute("PRAGMA user_version").fetchone()[0])
            if version >= target:
                return version
            if version == 0 and target == LATEST_VERSION and not one_by_one:
                from .fresh_schema import create_latest

                create_latest(db)
                db.execute(f"PRAGMA user_version = {LATEST_VERSION}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                continue
            for step in MIGRATIONS[version]:
                if callable(step):
                    step(db)
                else:
                    db.execute(step)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def open_database(path: Path | str, key: Key | None = None) -> driver.Connection:
    """Open (creating if needed) the rm-tui database at `path`, migrated to the latest schema.

    With a key, the file is (or is created) encrypted with it; a new file takes the
    key's salt, so the key must be one made for it (Key.new).
    """
    path = Path(path).expanduser()
    check = inspect_database_file(path, key)
    if check.is_new:
        _create_private_file(path)
    try:
        db = connect(path, key)
        if db.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise DatabaseRefused(f"{path} cannot use write-ahead logging")
        migrate(db)
    except driver.DatabaseError as exc:
        raise DatabaseRefused(f"{path} cannot be opened as a database ({exc})") from None
    return db
