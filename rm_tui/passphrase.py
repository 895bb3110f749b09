"""Where an encrypted database's key comes from, in order.

1. A passphrase file: `--passphrase-file FILE` or RM_TUI_PASSPHRASE_FILE, readable by
   its owner only (as restic and borg take theirs), for scripts.
2. The OS keyring (service "rm-tui", the database's absolute path as user name),
   where there is a usable one.
3. Asking, without echo, when there is a terminal to ask on.

The passphrase is held only while the key is derived from it; from then on rm-tui
works with the raw key (rm_tui.store.driver.Key). It is never put on a command line,
never written to disk by rm-tui, and never into a child's environment: `rm-tui serve`
hands its children the raw key alone (see KEY_ENV).
"""

from __future__ import annotations

import getpass
import os
import stat
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .errors import RmTuiError
from .paths import KEY_ENV, PASSPHRASE_FILE_ENV
from .store.driver import SQLITE_MAGIC, Key, file_head, is_encrypted_file

KEYRING_SERVICE = "rm-tui"

Ask = Callable[[str], str]


class PassphraseError(RmTuiError):
    """No usable passphrase: the file is unsafe or empty, or there is nowhere to ask."""


def take_key_from_environment() -> Key | None:
    """The raw key a parent `rm-tui serve` passed down, removed from this process's environment.

    Removed at once, so that nothing this process starts (an editor, a browser) inherits it.
    """
    text = os.environ.pop(KEY_ENV, None)
    if not text:
        return None
    try:
        return Key.from_hex(text)
    except ValueError:
        raise PassphraseError(f"{KEY_ENV} does not hold a key") from None


def passphrase_file_from_environment() -> Path | None:
    value = os.environ.get(PASSPHRASE_FILE_ENV)
    return Path(value).expanduser() if value else None


def read_passphrase_file(path: Path) -> str:
    """The passphrase in `path` (one trailing line break dropped); refused if others can read it."""
    try:
        info = path.stat()
        if stat.S_ISREG(info.st_mode) and info.st_mode & (stat.S_IRGRP | stat.S_IROTH):
            raise PassphraseError(f"passphrase file {path} is readable by others (chmod 600 it)")
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise PassphraseError(f"cannot read passphrase file {path}: {error.strerror}") from None
    except UnicodeDecodeError:
        raise PassphraseError(f"passphrase file {path} is not UTF-8 text") from None
    passphrase = text.removesuffix("\n").removesuffix("\r")
    if not passphrase:
        raise PassphraseError(f"passphrase file {path} is empty: put the passphrase in it")
    return passphrase


def key_for(
    db_path: Path,
    passphrase_file: Path | None,
    *,
    ask: Ask | None = None,
    use_keyring: bool = True,
) -> Key | None:
    """The key to open the database at `db_path` with; None for a plain (or not yet made) file.

    A passphrase file given for a database not made yet makes it encrypted. `ask`
    is how to ask for the passphrase (None: on the terminal, if there is one).
    Raises PassphraseError in one line when there is no passphrase to be had.
    """
    encrypted = is_encrypted_file(db_path)
    if passphrase_file is not None:
        if _is_plain_database(db_path):
            raise PassphraseError(
                f"{db_path} is not encrypted: drop --passphrase-file, or run rm-tui encrypt"
            )
        passphrase = read_passphrase_file(passphrase_file)
        return Key.for_file(passphrase, db_path) if encrypted else Key.new(passphrase)
    if not encrypted:
        return None
    if use_keyring:
        kept = keyring_passphrase(db_path)
        if kept:
            return Key.for_file(kept, db_path)
    asker = ask if ask is not None else terminal_asker()
    if asker is None:
        raise PassphraseError(
            f"{db_path} is encrypted: give --passphrase-file FILE (or {PASSPHRASE_FILE_ENV})"
        )
    passphrase = asker(f"Passphrase for {db_path}: ")
    if not passphrase:
        raise PassphraseError("no passphrase given; nothing was opened")
    return Key.for_file(passphrase, db_path)


def new_passphrase(passphrase_file: Path | None, *, ask: Ask | None = None, what: str = "the database") -> str:
    """A new passphrase: from the file, or asked twice without echo. Never empty."""
    if passphrase_file is not None:
        return read_passphrase_file(passphrase_file)
    asker = ask if ask is not None else terminal_asker()
    if asker is None:
        raise PassphraseError(f"no terminal to ask on: give --passphrase-file FILE (or {PASSPHRASE_FILE_ENV})")
    first = asker(f"New passphrase for {what}: ")
    if not first:
        raise PassphraseError("an empty passphrase is not allowed; nothing was changed")
    if asker("The same passphrase again: ") != first:
        raise PassphraseError("the two passphrases differ; nothing was changed")
    return first


def terminal_asker() -> Ask | None:
    """Asking without echo on the terminal, when stdin is one; None in a script or a pipe."""
    if not sys.stdin.isatty():
        return None
    return getpass.getpass


def _is_plain_database(path: Path) -> bool:
    return file_head(path) == SQLITE_MAGIC


# The keyring: imported only when needed (it costs about 200 ms), and a missing or
# broken one is never an error: rm-tui asks instead.


def _keyring() -> Any | None:
    """The keyring module if this machine has a usable keyring backend, else None."""
    try:
        import keyring
        from keyring.backends import fail, null
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # noqa: BLE001 - a keyring that cannot even load is no keyring
        return None
    if isinstance(backend, fail.Keyring | null.Keyring):
        return None
    members = getattr(backend, "backends", None)
    if members is not None and not members:  # a chainer with nothing in the chain
        return None
    return keyring


def keyring_available() -> bool:
    return _keyring() is not None


def keyring_passphrase(db_path: Path) -> str | None:
    """The passphrase kept in the keyring for this database, if any."""
    keyring = _keyring()
    if keyring is None:
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, _account(db_path))
    except Exception:  # noqa: BLE001 - locked, refused, no D-Bus: fall back to asking
        return None
    return value if isinstance(value, str) else None


def keep_in_keyring(db_path: Path, passphrase: str) -> bool:
    """Keep the passphrase in the keyring for this database; False if it could not be."""
    keyring = _keyring()
    if keyring is None:
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _account(db_path), passphrase)
    except Exception:  # noqa: BLE001 - a keyring that refuses leaves the passphrase with the user
        return False
    return True


def forget_in_keyring(db_path: Path) -> None:
    """Drop this database's passphrase from the keyring (after it is decrypted)."""
    keyring = _keyring()
    if keyring is None:
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, _account(db_path))
    except Exception:  # noqa: BLE001 - nothing kept, or a keyring that refuses: nothing to undo
        return


def _account(db_path: Path) -> str:
    return str(db_path.expanduser().resolve())
