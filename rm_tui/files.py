"""Writing files the user asked for: atomically, readable by the owner only, never clobbering.

Also where every folder rm-tui makes is made, so each one is the owner's only.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

from .errors import RmTuiError

PRIVATE_FOLDER_MODE = 0o700


class ExportRefused(RmTuiError):
    """The file could not be written, or is not one rm-tui may replace."""


class OutputExists(ExportRefused):
    """The file is already there and replacing it was not asked for.

    The message stops at the fact: the CLI and the app each add how to ask for a
    replacement (a flag there, a checkbox here), so neither names the other's control.
    """

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists")
        self.path = path


def make_private_folders(folder: Path) -> None:
    """Create `folder` and any missing parents, each readable by the owner only (0700).

    `Path.mkdir(mode=..., parents=True)` gives the parents it makes the umask's mode
    (often 0755), so each missing folder is made here, outermost first. Folders that
    are already there keep their mode. Raises OSError as `Path.mkdir` does.
    """
    missing: list[Path] = []
    for candidate in (folder, *folder.parents):
        if candidate.is_dir():
            break
        missing.append(candidate)
    for new in reversed(missing):
        try:
            os.mkdir(new, PRIVATE_FOLDER_MODE)
        except FileExistsError:
            if not new.is_dir():
                raise
            # Another process made it in the meantime: it is not ours to change.


def write_private_text(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to `path` through a temporary file and a rename.

    A reader never sees half a file, a failure (a full disk, say) leaves any old file
    as it was, and the result is readable by its owner only, like the database. Only
    a regular file is ever replaced, and only with `force`; anything else at `path`
    is refused and left exactly as it was.
    """
    import tempfile  # loads shutil and the compressors: only for a write, never for `rm-tui due`

    path = path.expanduser()
    _refuse_unless_replaceable(path, force=force)
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(f"cannot write {path}: {folder} is not a folder")
    try:
        make_private_folders(folder)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportRefused(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        # Again, just before the rename: something may have appeared while we wrote.
        _refuse_unless_replaceable(path, force=force)
        os.replace(temporary, path)
    except OSError as error:
        _discard(temporary)
        raise ExportRefused(f"cannot write {path}: {error.strerror or error}") from None
    except ExportRefused:
        _discard(temporary)
        raise
    return path


def _discard(temporary: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def _refuse_unless_replaceable(path: Path, *, force: bool) -> None:
    """Refuse anything at `path` but a regular file, and a regular file unless `force`.

    Looked at with lstat, so nothing is followed or opened: a link is judged as the
    link itself, and a named pipe is never opened (opening one blocks until its other
    end is opened). The rename that follows would replace any of them with a plain file.
    """
    try:
        mode = os.lstat(path).st_mode
    except OSError:
        return  # nothing there yet, or a parent that is a file (reported with the folder)
    if stat.S_ISDIR(mode):
        raise ExportRefused(f"{path} is a folder; give a file name")
    if not stat.S_ISREG(mode):
        raise ExportRefused(f"{path} is {_kind_of_file(mode)}, not a regular file; give another file name")
    if not force:
        raise OutputExists(path)


def _kind_of_file(mode: int) -> str:
    """What a non-regular, non-folder file is, in words a person knows."""
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"
