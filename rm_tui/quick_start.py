"""The two plain invocations the `rm-tui` script answers without click.

`rm-tui [--db FILE] [--as ROLE] [--only ID|NAME] [--passphrase-file FILE]` opens the
app, and `... due [--mentorship ID|NAME]` prints the prompt's line. Both are most of
what anyone runs, and loading click with the command line's every command cost
the first a tenth of its start and the second most of its time. `quick_args`
reads exactly those options; anything else (help, a mistake, a repeated option, a
value that looks like an option, `--demo`, another command) is None, and the full
command line (rm_tui.__main__) answers it as before.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .errors import RmTuiError, unexpected_error_line
from .paths import DB_ENV_VAR, PASSPHRASE_FILE_ENV

if TYPE_CHECKING:
    from .models import Role

_GROUP_OPTIONS = {"--db": "db", "--as": "role", "--only": "only", "--passphrase-file": "passphrase_file"}
_DUE_OPTIONS = {"--mentorship": "mentorship"}


class QuickArgs(NamedTuple):
    """A plain invocation, read: `command` is None (open the app) or "due"."""

    command: str | None
    db: Path | None
    role: Role
    only: str | None
    passphrase_file: Path | None
    mentorship: str | None = None


def quick_args(args: list[str], environ: Mapping[str, str]) -> QuickArgs | None:
    """The arguments as one of the two plain invocations, or None for the full command line."""
    values: dict[str, str] = {}
    options = _GROUP_OPTIONS
    command = None
    words = iter(args)
    for word in words:
        if word == "due" and command is None:
            command, options = "due", _DUE_OPTIONS
            continue
        name, has_value, value = word.partition("=")
        if name not in options or options[name] in values:
            return None
        if not has_value:
            value = next(words, "")
        if not value or value.startswith("-"):
            return None
        values[options[name]] = value
    role = values.get("role", "leader")
    if role not in ("leader", "mentor"):
        return None  # the command line names the choices
    # As click reads them: an option, else its environment variable when set and not empty.
    db = values.get("db") or environ.get(DB_ENV_VAR) or None
    passphrase_file = values.get("passphrase_file") or environ.get(PASSPHRASE_FILE_ENV) or None
    return QuickArgs(
        command=command,
        db=Path(db) if db else None,
        role="mentor" if role == "mentor" else "leader",
        only=values.get("only"),
        passphrase_file=Path(passphrase_file).expanduser() if passphrase_file else None,
        mentorship=values.get("mentorship"),
    )


def database_path(args: QuickArgs) -> Path:
    """The database the invocation means: --db, RM_TUI_DB, or the default file."""
    if args.db is not None:
        return args.db.expanduser()
    from .paths import default_db_path  # platformdirs, only when the default is wanted

    return default_db_path()


def answered(action: Callable[[], int | None]) -> int | None:
    """`action`'s exit status, with errors shown as the command line shows them.

    One line on stderr: an RmTuiError's with its status (2), "Aborted!" and 1 for an
    interrupted question (as click), an unforeseen error's with 1 (RM_TUI_DEBUG=1
    shows its traceback). None when `action` hands the invocation back.
    """
    try:
        return action()
    except RmTuiError as error:
        print(f"rm-tui: {error}", file=sys.stderr)
        return error.exit_code
    except (EOFError, KeyboardInterrupt):
        print("\nAborted!", file=sys.stderr)
        return 1
    except Exception as error:  # the last guard, as the command line's: one line, never a traceback
        if os.environ.get("RM_TUI_DEBUG"):
            raise
        print(unexpected_error_line(error), file=sys.stderr)
        return 1
