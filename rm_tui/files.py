"""Writing files the user asked for: atomically, readable by the owner only, never clobbering."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import RmTuiError


class ExportRefused(RmTuiError):
    """The file could not be written, or would have replaced one without --force."""


def write_private_text(path: Path, text: str, *, force: bool = False) -> Path:
    """Write `text` to `path` through a temporary file and a rename.

    A reader never sees half a file, a failure (a full disk, say) leaves any old file
    as it was, and the result is readable by its owner only, like the database.
    """
    path = path.expanduser()
    if path.is_dir():
        raise ExportRefused(f"{path} is a folder; give a file name")
    if path.exists() and not force:
        raise ExportRefused(f"{path} already exists; add --force to replace it")
    folder = path.parent
    if folder.exists() and not folder.is_dir():
        raise ExportRefused(f"cannot write {path}: {folder} is not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as error:
        raise ExportRefused(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise ExportRefused(f"cannot write {path}: {error.strerror or error}") from None
    return path
