"""Snapshots of the database: taking them, keeping the last few, and restoring one.

A snapshot is a consistent copy made with SQLite's online backup API while the app
may be writing, in a file of its own named by the time it was taken
(`rm-tui-2026-12-02T091530.db` for the database `rm-tui.db`), so names sort by time.
An encrypted database's snapshots are encrypted with the same key.

Snapshots live in a `backups` folder beside the database: for the default database
that is the data folder's `backups`, and a database kept elsewhere (`--db`) keeps its
own snapshots beside it, on the same disk and under the same care as the file itself.
Several databases may share a folder: each one's snapshots carry its name, and only
those are listed and rotated.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import RmTuiError
from .files import make_private_folders
from .store import driver, snapshots
from .store.connection import APPLICATION_ID, SIDE_FILES
from .store.driver import SQLITE_MAGIC, Key
from .store.migrations import LATEST_VERSION

BACKUP_FOLDER = "backups"
# One snapshot a day, two weeks of them: the default cadence between meetings, so the
# last meeting before the current one is always among them. A constant rather than a
# setting: nobody has asked to tune it, and a person can copy a snapshot out to keep it.
KEEP_SNAPSHOTS = 14
STAMP_FORMAT = "%Y-%m-%dT%H%M%S"
_STAMP = r"\d{4}-\d{2}-\d{2}T\d{6}"

Clock = Callable[[], datetime]
# Where SQLite's 100-byte file header keeps user_version and application_id, read
# directly when a damaged database cannot be opened to ask.
_HEADER_BYTES = 100
_USER_VERSION_AT = 60
_APPLICATION_ID_AT = 68


class BackupRefused(RmTuiError):
    """A snapshot could not be taken or restored; nothing was changed."""


@dataclass(frozen=True)
class Snapshot:
    """A snapshot file of one database, as a listing shows it."""

    path: Path
    taken: datetime
    size: int
    encrypted: bool


def backup_folder(db_path: Path) -> Path:
    """Where the snapshots of the database at `db_path` go unless a folder is named."""
    return _absolute(db_path).parent / BACKUP_FOLDER


def snapshot_name(db_path: Path, when: datetime) -> str:
    """`rm-tui-2026-12-02T091530.db`: the database's own name, then the local time."""
    return f"{_absolute(db_path).stem}-{when.strftime(STAMP_FORMAT)}.db"


def take_snapshot(
    db_path: Path, key: Key | None = None, folder: Path | None = None, *, now: Clock = datetime.now
) -> Path:
    """Write a consistent snapshot of the database into `folder`; returns the new file.

    The copy is written under a hidden temporary name and renamed once complete, so a
    half-written snapshot is never listed, rotated or restored. The file is the
    owner's only (0600), and folders made for it are 0700. An encrypted database
    (given with its `key`) gives an encrypted snapshot that its passphrase opens.
    """
    db_path = _absolute(db_path)
    _check_is_database(db_path, key)
    folder = backup_folder(db_path) if folder is None else _absolute(folder)
    _prepare_folder(folder)
    when = now()
    target = folder / snapshot_name(db_path, when)
    counter = 1
    while os.path.lexists(target):  # two snapshots in one second: the later one is told apart
        counter += 1
        target = folder / f"{_absolute(db_path).stem}-{when.strftime(STAMP_FORMAT)}-{counter}.db"
    temporary = folder / f".{target.name}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except OSError as error:
        raise BackupRefused(f"cannot write a snapshot in {folder}: {error.strerror or error}") from None
    try:
        snapshots.copy_database(db_path, temporary, key)
        _fsync(temporary)
        os.replace(temporary, target)
        _fsync_folder(folder)
    except (OSError, snapshots.DatabaseError) as error:
        _remove_quietly(temporary, *(Path(f"{temporary}{suffix}") for suffix in SIDE_FILES))
        raise BackupRefused(f"cannot write a snapshot in {folder}: {_reason(error)}") from None
    return target


def list_snapshots(db_path: Path, folder: Path | None = None) -> list[Snapshot]:
    """The database's snapshots in `folder`, newest first."""
    db_path = _absolute(db_path)
    folder = backup_folder(db_path) if folder is None else _absolute(folder)
    pattern = re.compile(rf"{re.escape(db_path.stem)}-({_STAMP})(?:-(\d+))?\.db")
    found: list[tuple[datetime, int, Snapshot]] = []
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except NotADirectoryError:
        raise BackupRefused(f"{folder} is not a folder") from None
    except OSError as error:
        raise BackupRefused(f"cannot read {folder}: {error.strerror or error}") from None
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or not entry.is_file(follow_symlinks=False):
            continue
        taken = datetime.strptime(match[1], STAMP_FORMAT)
        path = Path(entry.path)
        snapshot = Snapshot(path, taken, entry.stat().st_size, driver.is_encrypted_file(path))
        found.append((taken, int(match[2] or 1), snapshot))
    found.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [snapshot for _, _, snapshot in found]


def rotate(db_path: Path, keep: int = KEEP_SNAPSHOTS, folder: Path | None = None) -> list[Path]:
    """Remove all but the newest `keep` snapshots of the database; returns those removed."""
    removed = []
    for old in list_snapshots(db_path, folder)[keep:]:
        with contextlib.suppress(FileNotFoundError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def daily_snapshot(
    db_path: Path, key: Key | None = None, *, now: Clock = datetime.now, keep: int = KEEP_SNAPSHOTS
) -> Path | None:
    """The first quit of a day takes a snapshot and keeps the newest `keep`; later ones do nothing.

    Returns the snapshot written, or None when today's was already there (or there is
    no database yet: a guided setup left before it made one).
    """
    db_path = _absolute(db_path)
    if not db_path.exists():
        return None
    today = now().date()
    if any(snapshot.taken.date() == today for snapshot in list_snapshots(db_path)):
        return None
    written = take_snapshot(db_path, key, now=now)
    rotate(db_path, keep)
    return written


def check_snapshot(file: Path, key: Key | None = None) -> int:
    """Check that `file` may be restored: a sound rm-tui database this release can open.

    `key` is the database's: an encrypted snapshot must open with it, and a plain
    one is refused for an encrypted database (the notes would be stored unencrypted
    from then on). Returns its schema version; raises BackupRefused with a one-line
    reason otherwise. Nothing is written: not the file, and no -wal or -shm beside it.
    """
    file = _absolute(file)
    try:
        info = file.stat()
    except FileNotFoundError:
        raise BackupRefused(f"{file} does not exist") from None
    except OSError as error:
        raise BackupRefused(f"cannot read {file}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise BackupRefused(f"{file} is a folder; give a snapshot file (rm-tui backup --list shows them)")
    if not stat.S_ISREG(info.st_mode):
        raise BackupRefused(f"{file} is not a regular file; give a snapshot file")
    if os.path.lexists(f"{file}-wal"):
        raise BackupRefused(
            f"{file} has a -wal file beside it: it is a database in use, not a snapshot; "
            "take a snapshot of it with rm-tui backup"
        )
    try:
        with file.open("rb") as handle:
            magic = handle.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupRefused(f"cannot read {file}: {error.strerror or error}") from None
    _check_encryption(file, magic, info.st_size, key)
    with _no_side_files_left(file):
        try:
            app_id, version = snapshots.read_identity(file, key)
            if app_id != APPLICATION_ID:
                raise BackupRefused(f"{file} belongs to another application, not rm-tui; it was not restored")
            if version > LATEST_VERSION:
                raise BackupRefused(
                    f"{file} was written by a newer rm-tui (schema {version}, this one knows up to "
                    f"{LATEST_VERSION}); upgrade rm-tui to restore it"
                )
            problems = snapshots.integrity_problems(file, key)
        except snapshots.DatabaseError as error:
            if key is not None and driver.error_name(error) == "SQLITE_NOTADB":
                raise BackupRefused(
                    f"{file}: wrong passphrase (or it is not an rm-tui snapshot); it was not restored"
                ) from None
            raise BackupRefused(f"{file} is damaged ({_reason(error)}); it was not restored") from None
    if problems:
        raise BackupRefused(f"{file} is damaged ({problems[0]}); it was not restored")
    return version


@dataclass(frozen=True)
class Restored:
    """What a restore did: the snapshot now in place, and where the database it replaced went."""

    snapshot: Path
    kept_aside: Path | None


def aside_path(db_path: Path, when: datetime) -> Path:
    """`rm-tui.db.before-restore-2026-12-02T091530`: where a restore keeps the database it replaces."""
    db_path = _absolute(db_path)
    return db_path.with_name(f"{db_path.name}.before-restore-{when.strftime(STAMP_FORMAT)}")


def restore(file: Path, db_path: Path, key: Key | None = None, *, now: Clock = datetime.now) -> Restored:
    """Put the snapshot `file` in place of the database, keeping the current one aside.

    Refused, with nothing changed, when the snapshot is not a sound rm-tui database
    this release can open, or when another process has the database open. The
    snapshot is copied beside the database first, so a full disk stops the restore
    before the database is touched. The current database is folded into one file and
    kept (hard-linked where the filesystem allows) as `<name>.before-restore-<time>`,
    so there is no moment without a database file.
    """
    file, db_path = _absolute(file), _absolute(db_path)
    check_snapshot(file, key)
    if db_path.exists() and os.path.samefile(file, db_path):
        raise BackupRefused(f"{file} is the database itself; give a snapshot file")
    if db_path.exists():
        _check_replaceable(db_path, key)
    folder = db_path.parent
    try:
        make_private_folders(folder)
    except OSError as error:
        raise BackupRefused(f"cannot restore into {folder}: {error.strerror or error}") from None
    temporary = folder / f".{db_path.name}.restoring"
    _remove_quietly(temporary)
    try:
        _copy_file(file, temporary)
    except OSError as error:
        _remove_quietly(temporary)
        raise BackupRefused(f"cannot restore into {folder}: {error.strerror or error}") from None
    try:
        kept = _set_aside(db_path, key, now()) if db_path.exists() else None
    except BaseException:
        _remove_quietly(temporary)
        raise
    os.replace(temporary, db_path)
    _fsync_folder(folder)
    return Restored(snapshot=file, kept_aside=kept)


def _set_aside(db_path: Path, key: Key | None, when: datetime) -> Path:
    """Keep the current database as `<name>.before-restore-<time>` (0600), in one file if it can be."""
    try:
        snapshots.fold_log(db_path, key)
    except snapshots.DatabaseInUse as error:
        raise BackupRefused(str(error)) from None
    except snapshots.DatabaseError:
        # A damaged database (perhaps why it is being restored): keep it as it is,
        # its log beside it under the matching name, unless something has it open.
        if _shm_in_use(db_path):
            raise BackupRefused(
                f"{db_path} is open in another rm-tui (or another program); close it and try again"
            ) from None
    aside = aside_path(db_path, when)
    counter = 1
    while os.path.lexists(aside):
        counter += 1
        aside = aside.with_name(f"{aside_path(db_path, when).name}-{counter}")
    try:
        os.link(db_path, aside)
    except OSError:
        os.replace(db_path, aside)  # no hard links here: a moment without a database, never without the data
    os.chmod(aside, 0o600)
    log = Path(f"{db_path}-wal")
    if log.exists() and log.stat().st_size > 0:
        os.replace(log, Path(f"{aside}-wal"))
    _remove_quietly(*(Path(f"{db_path}{suffix}") for suffix in SIDE_FILES))
    return aside


def _shm_in_use(db_path: Path) -> bool:
    """True when some connection holds the database's shared memory (its -shm file) open."""
    from .store.connection import SHM_DMS_BYTE

    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows refuses to replace an open file anyway
        return False
    shm = Path(f"{db_path}-shm")
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, SHM_DMS_BYTE, os.SEEK_SET)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _check_is_database(db_path: Path, key: Key | None) -> None:
    """Refuse, in one line, anything at `db_path` that is not a database rm-tui may open."""
    from .store.connection import inspect_database_file

    if not db_path.exists():
        raise BackupRefused(f"there is no database at {db_path}")
    check = inspect_database_file(db_path, key)
    if check.is_new:
        raise BackupRefused(f"{db_path} is empty: there is nothing to back up yet")


def _check_replaceable(db_path: Path, key: Key | None) -> None:
    """Refuse to replace another application's file, a newer release's, or one the key does not open.

    A damaged rm-tui database may be replaced (restoring is the cure for it): its
    header still says it is rm-tui's, and it is kept aside as it is.
    """
    from .errors import DatabaseRefused
    from .store.connection import inspect_database_file

    try:
        inspect_database_file(db_path, key)
    except DatabaseRefused:
        with db_path.open("rb") as handle:
            header = handle.read(_HEADER_BYTES)
        if len(header) < _HEADER_BYTES or not header.startswith(SQLITE_MAGIC):
            raise
        version = int.from_bytes(header[_USER_VERSION_AT:_USER_VERSION_AT + 4], "big")
        app_id = int.from_bytes(header[_APPLICATION_ID_AT:_APPLICATION_ID_AT + 4], "big")
        if app_id != APPLICATION_ID or version > LATEST_VERSION:
            raise


def _check_encryption(file: Path, magic: bytes, size: int, key: Key | None) -> None:
    """Refuse a snapshot whose encryption does not match the database's, before opening it."""
    if magic == SQLITE_MAGIC:
        if key is not None:
            raise BackupRefused(
                f"{file} is not encrypted and the database is: restoring it would store your notes "
                "unencrypted; run rm-tui decrypt first if that is what you want"
            )
        return
    if not driver.sized_like_pages(size):
        raise BackupRefused(f"{file} is not an rm-tui snapshot (it is not an SQLite file)")
    if key is None:
        raise BackupRefused(
            f"{file} is encrypted (or is not an rm-tui snapshot) and the database is not; "
            "give the database's --passphrase-file"
        )
    if driver.file_salt(file) != key.salt:
        raise BackupRefused(
            f"{file} is encrypted with another key than the database's (taken before a passphrase "
            "change?); it was not restored"
        )


def _prepare_folder(folder: Path) -> None:
    if folder.exists() and not folder.is_dir():
        raise BackupRefused(f"{folder} is not a folder; give a folder for the snapshot")
    try:
        make_private_folders(folder)
    except OSError as error:
        raise BackupRefused(f"cannot make the folder {folder}: {error.strerror or error}") from None
    if not os.access(folder, os.W_OK | os.X_OK):
        raise BackupRefused(f"cannot write a snapshot in {folder}: it is read-only")


def _copy_file(source: Path, target: Path) -> None:
    """Copy bytes into a new 0600 file and flush them to disk."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, source.open("rb") as into:
        while chunk := into.read(1 << 20):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def _no_side_files_left(file: Path) -> Iterator[None]:
    """Remove any -wal/-shm a read of `file` left beside it: checking a snapshot writes nothing."""
    before = {suffix for suffix in SIDE_FILES if os.path.lexists(f"{file}{suffix}")}
    try:
        yield
    finally:
        _remove_quietly(*(Path(f"{file}{suffix}") for suffix in SIDE_FILES if suffix not in before))


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` survive a power cut (where the platform allows it)."""
    with contextlib.suppress(OSError):
        _fsync(folder)


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        with contextlib.suppress(OSError):
            path.unlink()


def _reason(error: BaseException) -> str:
    return str(getattr(error, "strerror", None) or error)
