"""`rm-tui backup` and `rm-tui restore`, and the snapshot the app takes on the day's first quit."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from .cli_confirm import confirm_or_stop
from .errors import RmTuiError
from .scope import Action, Scope

if TYPE_CHECKING:
    from .models import Role
    from .store.driver import Key


class Options(Protocol):
    """What these commands need of the CLI's options (rm_tui.__main__.Options, which loads the app)."""

    @property
    def db_path(self) -> Path: ...
    @property
    def role(self) -> Role: ...
    @property
    def passphrase_file(self) -> Path | None: ...
    def key(self) -> Key | None: ...


@click.command()
@click.argument("folder", required=False, metavar="[DIR]", type=click.Path(path_type=Path))
@click.option("--list", "listing", is_flag=True,
              help="List the snapshots (in DIR, or the backups folder), newest first, instead of taking one.")
@click.pass_obj
def backup(options: Options, folder: Path | None, listing: bool) -> None:
    """Write a snapshot of the database now, safe while the app is open.

    With no DIR it goes in the backups folder beside the database, where the app
    also keeps one a day on quit (the last 14). Prints the file written. An
    encrypted database's snapshot is encrypted with the same passphrase.
    """
    from .backup import backup_folder, list_snapshots, take_snapshot

    _leaders_only(options)
    if listing:
        shown = list_snapshots(options.db_path, folder)
        where = folder if folder is not None else backup_folder(options.db_path)
        if not shown:
            click.echo(f"no snapshots of {options.db_path} in {where} yet (rm-tui backup takes one)")
        for snapshot in shown:
            sealed = "encrypted" if snapshot.encrypted else "plain"
            click.echo(f"{snapshot.taken:%Y-%m-%d %H:%M}  {file_size(snapshot.size):>8}  {sealed:9}  {snapshot.path}")
        return
    key = database_key(options)
    click.echo(str(take_snapshot(options.db_path, key, folder)))


@click.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--yes", is_flag=True, help="Restore without asking first.")
@click.pass_obj
def restore(options: Options, file: Path, yes: bool) -> None:
    """Put a snapshot (rm-tui backup --list) in place of the database.

    The snapshot is checked first: an rm-tui database, sound, and not from a newer
    release. The database it replaces is kept beside it as
    <name>.before-restore-<time>. Close rm-tui (and any served tab) first.
    """
    from .backup import aside_path, check_snapshot
    from .backup import restore as put_in_place

    _leaders_only(options)
    key = snapshot_key(options, file.expanduser())
    check_snapshot(file, key)  # a bad file is refused before anything is asked
    db_path = options.db_path
    if not yes:
        click.echo(f"restore  {file}  ({_described(file)})")
        if db_path.exists():
            click.echo(f"replace  {db_path}  ({_described(db_path)})")
            click.echo(f"keep it  as {aside_path(db_path, datetime.now()).name} beside it")
        else:
            click.echo(f"as       {db_path}  (no database there now)")
        confirm_or_stop("Restore?", "Nothing restored.")
    done = put_in_place(file, db_path, key)
    click.echo(f"restored {done.snapshot} as {db_path}")
    if done.kept_aside is not None:
        click.echo(f"the database it replaced is kept as {done.kept_aside}")


def database_key(options: Options) -> Key | None:
    """The database's key, got as every command gets it; None for a plain or missing file."""
    return options.key()


def snapshot_key(options: Options, file: Path) -> Key | None:
    """The key to check and restore `file` with: the database's, as for any command.

    With no database yet (a new computer, say) and an encrypted snapshot, the
    snapshot's own passphrase opens it: from --passphrase-file, or asked for.
    """
    from .passphrase import PASSPHRASE_FILE_ENV, PassphraseError, read_passphrase_file, terminal_asker
    from .store.driver import Key, is_encrypted_file

    if options.db_path.exists() or not is_encrypted_file(file):
        return options.key()
    if options.passphrase_file is not None:
        return Key.for_file(read_passphrase_file(options.passphrase_file), file)
    asker = terminal_asker()
    if asker is None:
        raise PassphraseError(f"{file} is encrypted: give --passphrase-file FILE (or {PASSPHRASE_FILE_ENV})")
    passphrase = asker(f"Passphrase for {file}: ")
    if not passphrase:
        raise PassphraseError("no passphrase given; nothing was restored")
    return Key.for_file(passphrase, file)


def file_size(size: int) -> str:
    """`512 B`, `184 KB`, `4.2 MB`: a file's size as a listing shows it."""
    if size < 1000:
        return f"{size} B"
    if size < 1_000_000:
        return f"{size // 1000} KB"
    if size < 10_000_000:
        return f"{size / 1_000_000:.1f} MB"
    if size < 1_000_000_000:
        return f"{size // 1_000_000} MB"
    return f"{size / 1_000_000_000:.1f} GB"


def _described(path: Path) -> str:
    """When a database last changed (its log counts: a live one's changes sit there) and its size."""
    info = path.stat()
    log = Path(f"{path}-wal")
    changed = max(info.st_mtime, log.stat().st_mtime if log.exists() else 0.0)
    return f"changed {datetime.fromtimestamp(changed):%Y-%m-%d %H:%M}, {file_size(info.st_size)}"


def _leaders_only(options: Options) -> None:
    """A snapshot holds every note, the leader's private and off-record ones too: the leader's alone."""
    if not Scope(options.role).may(Action.PRIVATE_NOTES):
        raise RmTuiError("backups hold every note, private ones too, so they are the leader's; leave out --as mentor")
