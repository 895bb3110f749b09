"""Encrypting a database at rest, and back: a checked copy beside it, then a swap.

SQLCipher's sqlcipher_export copies every table, index, trigger and full-text index
into an attached database with another key (or none). It does not copy the header's
user_version and application_id, nor the journal mode: those are set by hand. The
copy is checked (integrity, SQLCipher's page MACs, the rows of every table) before
it replaces the original, so a failure at any point leaves the original as it was.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from ..errors import DatabaseRefused
from . import driver
from .connection import (
    BUSY_TIMEOUT_MS,
    SHM_DMS_BYTE,
    SIDE_FILES,
    _create_private_file,
    connect,
    inspect_database_file,
    open_database,
)
from .driver import Key

try:
    import fcntl
except ImportError:  # Windows: the exclusive lock below still refuses a database in use
    fcntl = None  # type: ignore[assignment]

_WORK_SUFFIX = ".rm-tui-converting"
# Long enough to ride out another process's single write, short enough to refuse at once
# when another window holds the database open.
_LOCK_WAIT_MS = 1000


def encrypt_database(path: Path, key: Key) -> bool:
    """Encrypt the plain database at `path` with `key`; True if it was made new (it did not exist).

    Raises DatabaseRefused (one line, the file unchanged) for an encrypted file, one in
    use, or any failure of the copy or its checks.
    """
    if driver.is_encrypted_file(path):
        raise DatabaseRefused(f"{path} is already encrypted; nothing was changed")
    check = inspect_database_file(path)  # refuses another application's file, or a newer one
    if check.is_new:
        open_database(path, key).close()
        return True
    _convert(path, None, key)
    return False


def decrypt_database(path: Path, key: Key) -> None:
    """Turn the encrypted database at `path` back into a plain one; DatabaseRefused as above."""
    if not driver.is_encrypted_file(path):
        raise DatabaseRefused(f"{path} is not encrypted; nothing was changed")
    inspect_database_file(path, key)  # a wrong passphrase is refused here
    _convert(path, key, None)


def _convert(path: Path, old_key: Key | None, new_key: Key | None) -> None:
    work = Path(f"{path}{_WORK_SUFFIX}")
    _remove_with_side_files(work)  # left by a conversion that was cut short
    _refuse_if_in_use(path)
    source = connect(path, old_key)
    try:
        counts = _take_alone(source, path)
        _create_private_file(work)  # 0600 from the start, like the database itself
        try:
            _export(source, work, new_key)
            _check_copy(work, new_key, counts)
        except BaseException:
            _remove_with_side_files(work)
            raise
    finally:
        source.close()  # the last connection: SQLite folds the -wal into the file and removes it
    for suffix in SIDE_FILES:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
    os.replace(work, path)


def _refuse_if_in_use(path: Path) -> None:
    """Refuse, in one line, a database another program has open (it holds a lock in the -shm file)."""
    shm = Path(f"{path}-shm")
    if fcntl is None or not shm.exists():
        return
    fd = os.open(shm, os.O_RDWR)
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE, os.SEEK_SET)
    except OSError:
        raise _in_use(path) from None
    finally:
        os.close(fd)  # releases the lock at once: the exclusive mode below takes over


def _in_use(path: Path) -> DatabaseRefused:
    return DatabaseRefused(
        f"{path} is open in another rm-tui (or another program): close it first; nothing was changed"
    )


def _take_alone(source: driver.Connection, path: Path) -> dict[str, int]:
    """Hold the database alone until `source` closes; the row count of every table.

    In exclusive locking mode the connection keeps its lock, so no window can write
    (or start) between the copy and the swap.
    """
    source.execute(f"PRAGMA busy_timeout = {_LOCK_WAIT_MS}")
    source.execute("PRAGMA locking_mode = EXCLUSIVE")
    try:
        source.execute("BEGIN EXCLUSIVE")
        source.execute("COMMIT")
    except driver.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise _in_use(path) from None
        raise DatabaseRefused(f"{path} cannot be read ({exc}); nothing was changed") from None
    source.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return _row_counts(source)


def _export(source: driver.Connection, work: Path, key: Key | None) -> None:
    version = int(source.execute("PRAGMA user_version").fetchone()[0])
    app_id = int(source.execute("PRAGMA application_id").fetchone()[0])
    # Bound parameters: no quoting of the path or the key. An empty key attaches a plain file.
    source.execute("ATTACH DATABASE ? AS converted KEY ?", (str(work), key.sqlcipher_text() if key else ""))
    try:
        source.execute("SELECT sqlcipher_export('converted')")
        source.execute(f"PRAGMA converted.user_version = {version}")
        source.execute(f"PRAGMA converted.application_id = {app_id}")
    finally:
        source.execute("DETACH DATABASE converted")
    copy = driver.connect(work, key)
    try:
        if copy.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise DatabaseRefused(f"{work} cannot use write-ahead logging; nothing was changed")
    finally:
        copy.close()


def _check_copy(work: Path, key: Key | None, counts: dict[str, int]) -> None:
    """The copy passes SQLite's and SQLCipher's checks and holds every row; else DatabaseRefused."""
    copy = driver.connect(work, key)
    try:
        problems = [row[0] for row in copy.execute("PRAGMA integrity_check")]
        if key is not None:
            problems += [str(row) for row in copy.execute("PRAGMA cipher_integrity_check")]
        if problems != ["ok"]:
            raise DatabaseRefused(f"the converted copy failed its check ({problems[0]}); nothing was changed")
        if _row_counts(copy) != counts:
            raise DatabaseRefused("the converted copy lacks rows; nothing was changed")
    finally:
        copy.close()


def _row_counts(db: driver.Connection) -> dict[str, int]:
    names = [
        row[0] for row in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    return {name: int(db.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]) for name in names}


def _remove_with_side_files(path: Path) -> None:
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(f"{path}{suffix}")
