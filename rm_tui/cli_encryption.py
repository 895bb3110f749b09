"""`rm-tui encrypt` and `rm-tui decrypt`: the database at rest, encrypted or plain.

The commands say what happened in one line each; every refusal leaves the file as it
was. The work itself (copy, verify, swap) is rm_tui.store.encryption's.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

if TYPE_CHECKING:
    from .store.driver import Key


class Options(Protocol):
    """What these commands need of the CLI's options (rm_tui.__main__.Options, which loads the app)."""

    @property
    def db_path(self) -> Path: ...
    @property
    def passphrase_file(self) -> Path | None: ...
    @property
    def given_key(self) -> Key | None: ...
    def key(self) -> Key | None: ...


def encryption_state(options: Options) -> str:
    """What `rm-tui where` says of the database: encrypted or not.

    A passphrase file given for a plain database is refused here too, as everywhere.
    """
    from .store.driver import SQLITE_MAGIC, file_head, is_encrypted_file

    if options.passphrase_file is not None:
        # Refuses a plain file or a passphrase file others can read, and a wrong passphrase:
        # the probe reads the encrypted file with the key, touching nothing.
        from .store.connection import inspect_database_file

        inspect_database_file(options.db_path, options.key())
    if is_encrypted_file(options.db_path):
        return "encrypted (SQLCipher)"
    if file_head(options.db_path) == SQLITE_MAGIC:
        return "not encrypted (rm-tui encrypt encrypts it)"
    return "no database yet (rm-tui encrypt creates it encrypted)"


_PASSPHRASE_FILE_HELP = "Read the passphrase from this file (readable by you alone) instead of asking."


@click.command(name="encrypt")
@click.option("--passphrase-file", "passphrase_file", type=click.Path(dir_okay=False, path_type=Path),
              help=_PASSPHRASE_FILE_HELP)
@click.option("--keyring/--no-keyring", "keep", default=None,
              help="Keep the passphrase in the OS keyring, so rm-tui does not ask for it. "
                   "Default: ask, where there is a keyring and a terminal.")
@click.pass_obj
def encrypt_command(options: Options, passphrase_file: Path | None, keep: bool | None) -> None:
    """Encrypt the database at rest (SQLCipher), or create a new one encrypted.

    Asks for a new passphrase twice, without echo (or reads --passphrase-file). The
    encrypted copy is written beside the database and checked, then takes its place;
    the plain file and its -wal and -shm are removed. Close rm-tui first.
    """
    from .passphrase import new_passphrase
    from .store.driver import Key
    from .store.encryption import encrypt_database

    source = passphrase_file or options.passphrase_file
    db_path = options.db_path
    passphrase = new_passphrase(source, what=str(db_path))
    made = encrypt_database(db_path, Key.new(passphrase))
    click.echo(f"{'created' if made else 'encrypted'} {db_path} (SQLCipher)", err=True)
    _offer_keyring(db_path, passphrase, keep)


@click.command(name="decrypt")
@click.pass_obj
def decrypt_command(options: Options) -> None:
    """Turn an encrypted database back into a plain SQLite file.

    The passphrase comes as for opening it (--passphrase-file, the keyring, or asked).
    The plain copy is written beside it and checked, then takes its place; the
    passphrase is dropped from the keyring. Close rm-tui first.
    """
    from .errors import DatabaseRefused
    from .passphrase import forget_in_keyring, key_for
    from .store.driver import is_encrypted_file
    from .store.encryption import decrypt_database

    db_path = options.db_path
    if not is_encrypted_file(db_path):
        raise DatabaseRefused(f"{db_path} is not encrypted; nothing was changed")
    key = options.given_key or key_for(db_path, options.passphrase_file)
    assert key is not None  # an encrypted file always gets one, or key_for refuses
    decrypt_database(db_path, key)
    forget_in_keyring(db_path)
    click.echo(f"decrypted {db_path}: it is a plain SQLite file now", err=True)


def _offer_keyring(db_path: Path, passphrase: str, keep: bool | None) -> None:
    """Keep the new passphrase in the keyring if asked to (or, on a terminal, if the user says yes)."""
    from .passphrase import keep_in_keyring, keyring_available

    if keep is False or (keep is None and not sys.stdin.isatty()):
        return  # a script keeps its passphrase where it chose to
    if not keyring_available():
        if keep:
            click.echo("no usable OS keyring here: rm-tui will ask for the passphrase", err=True)
        return
    if keep is None:
        keep = click.confirm("Keep the passphrase in the OS keyring, so rm-tui does not ask for it?",
                             default=True, err=True)
    if keep and keep_in_keyring(db_path, passphrase):
        click.echo("the passphrase is in the OS keyring", err=True)
    elif keep:
        click.echo("the OS keyring refused the passphrase: rm-tui will ask for it", err=True)
