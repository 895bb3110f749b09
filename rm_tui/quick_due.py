"""`rm-tui due` without click or the Store: the answer a shell prompt waits for on every line.

Loading click, every record type and every concern's queries took most of the
160 ms a prompt waited. This reads the few options `due` takes, opens the file
with a glance (rm_tui.store.glance) and prints the shared line (rm_tui.due_line).

Only the plain case is taken here. Anything else is handed back (None) to the
full command line, which answers it as before: help, an unknown or repeated
option, a value that looks like an option, a new or older database, an
encrypted one (deriving its key takes 0.2 s on purpose), a key handed down by
`rm-tui serve`. The tests run every `due` case both ways and compare.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import NamedTuple

from .errors import RmTuiError, unexpected_error_line
from .paths import DB_ENV_VAR, KEY_ENV, PASSPHRASE_FILE_ENV

_GROUP_OPTIONS = {"--db": "db", "--as": "role", "--only": "only"}
_DUE_OPTIONS = {"--mentorship": "mentorship"}
_HANDED_BACK_WHEN_SET = (PASSPHRASE_FILE_ENV, KEY_ENV)
"""A passphrase file, or a key from `rm-tui serve`: an encrypted database, the full command line's."""


class DueRequest(NamedTuple):
    """`rm-tui [--db FILE] [--as ROLE] [--only ID|NAME] due [--mentorship ID|NAME]`, read."""

    db: Path | None
    role: str
    only: str | None
    mentorship: str | None


def due_request(args: list[str], environ: Mapping[str, str]) -> DueRequest | None:
    """The arguments as a plain `due`, or None for anything the full command line should answer."""
    if any(environ.get(name) for name in _HANDED_BACK_WHEN_SET):
        return None
    values: dict[str, str] = {}
    options = _GROUP_OPTIONS
    words = iter(args)
    for word in words:
        if word == "due" and options is _GROUP_OPTIONS:
            options = _DUE_OPTIONS
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
    if options is _GROUP_OPTIONS or role not in ("leader", "mentor"):
        return None
    db = values.get("db") or environ.get(DB_ENV_VAR) or None
    return DueRequest(
        db=Path(db) if db else None, role=role, only=values.get("only"), mentorship=values.get("mentorship")
    )


def run(request: DueRequest) -> int | None:
    """Print the line and return the exit status; None to hand the request to the full command line."""
    try:
        return _answer(request)
    except RmTuiError as error:
        print(f"rm-tui: {error}", file=sys.stderr)
        return error.exit_code
    except Exception as error:  # the last guard, as the command line's: one line, never a traceback
        if os.environ.get("RM_TUI_DEBUG"):
            raise
        print(unexpected_error_line(error), file=sys.stderr)
        return 1


def _answer(request: DueRequest) -> int | None:
    from .due_line import LATE_EXIT, due_line
    from .store.driver import SQLITE_MAGIC, file_head
    from .store.glance import due_summary, open_to_glance
    from .store.lookup import find_mentorship_id

    if request.db is None:
        from .paths import default_db_path

        path = default_db_path()
    else:
        path = request.db.expanduser()
    if file_head(path) != SQLITE_MAGIC:
        return None  # not made yet, encrypted, or not a database: the full command line's to say
    db = open_to_glance(path)
    if db is None:
        return None
    try:
        within = None
        for wanted in (request.only, request.mentorship):
            if wanted is not None:
                within = find_mentorship_id(db, wanted, within)
        summary = due_summary(db, date.today(), within)
    finally:
        db.close()
    print(due_line(summary, "mentor" if request.role == "mentor" else "leader"))
    return LATE_EXIT if summary.late else 0
