"""`rm-tui due` without click or the Store: the answer a shell prompt waits for on every line.

Loading click, every record type and every concern's queries took most of the
160 ms a prompt waited. This opens the file with a glance (rm_tui.store.glance)
and prints the shared line (rm_tui.due_line).

Only a plain database is taken here. A new or older one (to make or migrate), an
encrypted one (deriving its key takes 0.2 s on purpose) or a key handed down by
`rm-tui serve` go back (None) to the full command line, which answers as before.
The tests run every `due` case both ways and compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from .paths import KEY_ENV
from .quick_start import QuickArgs, answered, database_path, quick_args


def due_request(args: list[str], environ: Mapping[str, str]) -> QuickArgs | None:
    """The arguments as a plain `due` on a database without a passphrase; None otherwise."""
    request = quick_args(args, environ)
    return request if request is not None and takes(request, environ) else None


def takes(request: QuickArgs, environ: Mapping[str, str]) -> bool:
    """Whether the quick way answers `request`: a `due` with no passphrase and no key handed down."""
    return request.command == "due" and not request.passphrase_file and not environ.get(KEY_ENV)


def run(request: QuickArgs) -> int | None:
    """Print the line and return the exit status; None to hand the request to the full command line."""
    return answered(lambda: _answer(request))


def _answer(request: QuickArgs) -> int | None:
    from .due_line import LATE_EXIT, due_line
    from .store.driver import SQLITE_MAGIC, file_head
    from .store.glance import due_summary, open_to_glance
    from .store.lookup import find_mentorship_id

    path = database_path(request)
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
    print(due_line(summary, request.role))
    return LATE_EXIT if summary.late else 0
