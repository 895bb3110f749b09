"""Opening the app on a database until it quits: for `rm-tui`, with or without click.

Shared by the console script's plain start (rm_tui.entry) and the command line
(rm_tui.__main__), so both open the app the same way: the key first, then the app,
then the day's snapshot once it has closed.
"""

from __future__ import annotations

import importlib
import sys
import threading
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .models import Role
    from .store.driver import Key


def run_app(
    db_path: Path, *, role: Role, only: str | None, passphrase_file: Path | None, given_key: Key | None
) -> int:
    """Run the app on `db_path` and return its exit status; RmTuiError if it cannot open."""
    # Textual loads only when the app opens. Deriving an encrypted database's key takes
    # a fifth of a second on purpose (it is what slows down guessing a stolen file's
    # passphrase) and lets other threads run: the app loads meanwhile, so start-up
    # does not wait for both, one after the other.
    loading = threading.Thread(target=importlib.import_module, args=("rm_tui.app",), daemon=True)
    loading.start()
    if given_key is not None:
        key: Key | None = given_key
    else:
        from .passphrase import key_for

        key = key_for(db_path, passphrase_file)  # asked before the screen is taken over
    loading.join()
    from .app import make_app

    app = make_app(db_path, key=key, role=role, only=only)
    app.run()
    snapshot_on_quit(db_path, role, key)  # after the app has closed: the quit key never waits for it
    return app.return_code or 0


def snapshot_on_quit(db_path: Path, role: Role, key: Key | None) -> None:
    """The day's first quit of the leader's window takes a snapshot and keeps the last 14.

    The mentor's window (and a served tab, which is one) takes none: the leader's
    quit does. A failure is one line on the terminal; the database is only read.
    """
    if role != "leader":
        return
    from .backup import daily_snapshot

    try:
        daily_snapshot(db_path, key)
    except Exception as error:  # noqa: BLE001 - the app has closed: one line, never a traceback
        print(f"rm-tui: today's snapshot was not taken: {error}", file=sys.stderr)
