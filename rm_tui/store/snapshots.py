"""The SQLite side of backups: copy a live database, read a file's identity, fold in its log.

rm_tui.backup decides names, folders, rotation and the swap on restore; every
statement those need is here, with the store's others. `key` is an encrypted
file's key, None for a plain file.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RmTuiError
from . import driver
from .driver import Key

# How long a restore waits for the database to be free before saying another rm-tui
# has it open: an idle window holds it for good, so a longer wait changes nothing.
IN_USE_WAIT_S = 1.0

DatabaseError = driver.DatabaseError


class DatabaseInUse(RmTuiError):
    """Another process has the database open, so it may not be replaced now."""


def _open(path: Path, key: Key | None, *, timeout: float = 5.0) -> driver.Connection:
    return driver.connect(path, key, timeout=timeout, isolation_level=None)


def copy_database(source: Path, target: Path, key: Key | None) -> None:
    """Copy `source` into the empty file `target` with SQLite's online backup API.

    The copy is one read transaction of the source, so it is consistent however busy
    the source is: another window's writes land wholly before or wholly after it.
    The target is keyed with the source's key before the copy, so an encrypted
    database's snapshot is encrypted too, with the same key and salt: the same
    passphrase opens it. The copy is left in rollback-journal mode, one
    self-contained file that can be read, copied and moved with no -wal or -shm
    beside it; rm-tui sets WAL again when it opens a restored database.
    """
    src = _open(source, key)
    try:
        dst = _open(target, key)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def read_identity(path: Path, key: Key | None) -> tuple[int, int]:
    """The application id and schema version (user_version) of the database at `path`."""
    db = _open(path, key)
    try:
        app_id = int(db.execute("PRAGMA application_id").fetchone()[0])
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
    finally:
        db.close()
    return app_id, version


def integrity_problems(path: Path, key: Key | None) -> list[str]:
    """What `PRAGMA integrity_check` finds wrong with the file: empty when it is sound."""
    db = _open(path, key)
    try:
        found = [str(row[0]) for row in db.execute("PRAGMA integrity_check(20)")]
    finally:
        db.close()
    return [] if found == ["ok"] else found


def fold_log(path: Path, key: Key | None) -> None:
    """Fold the write-ahead log into the file and leave WAL mode, so the file stands alone.

    Leaving WAL mode needs the database to itself, so this doubles as the check that
    no other process (another rm-tui window, a served tab, Litestream) has it open:
    SQLite refuses with 'database is locked' while any other connection is open.
    """
    db = _open(path, key, timeout=IN_USE_WAIT_S)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = db.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
    except driver.OperationalError as error:
        if "locked" in str(error) or "busy" in str(error):
            raise _in_use(path) from None
        raise
    finally:
        db.close()
    if str(mode).lower() != "delete":
        raise _in_use(path)


def _in_use(path: Path) -> DatabaseInUse:
    return DatabaseInUse(f"{path} is open in another rm-tui (or another program); close it and try again")
