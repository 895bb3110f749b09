"""The `rm-tui` console script: the app and `rm-tui due` opened at once, the rest by the command line.

A plain `rm-tui` (the app) and a plain `rm-tui due` (on every shell prompt) are
answered without loading click (rm_tui.quick_start); whatever they hand back,
and every other command, goes to the command line (rm_tui.__main__).

The cyclic garbage collector is off while rm-tui starts. Loading Textual and
rm-tui makes a few hundred thousand objects and next to no garbage, yet the
collector walked them again and again as they loaded: about a fifth of the time
to the first screen. A command turns it back on as soon as it is chosen, and the
app once its first screen is drawn (RmTuiApp.on_mount).
"""

from __future__ import annotations

import gc
import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .quick_start import QuickArgs


def main() -> None:
    """Console-script entry point."""
    gc.disable()
    from .quick_start import quick_args

    args = quick_args(sys.argv[1:], os.environ)
    if args is not None and args.command == "due":
        from .quick_due import run, takes

        status = run(args) if takes(args, os.environ) else None
        if status is not None:
            sys.exit(status)
    elif args is not None:
        sys.exit(_open_app(args))
    from .__main__ import main as command_line

    command_line()


def _open_app(args: QuickArgs) -> int:
    from .launch import run_app
    from .passphrase import take_key_from_environment
    from .quick_start import answered, database_path

    def open_it() -> int:
        given_key = take_key_from_environment()  # first: nothing this process starts may inherit it
        return run_app(database_path(args), role=args.role, only=args.only,
                       passphrase_file=args.passphrase_file, given_key=given_key)

    status = answered(open_it)
    return 1 if status is None else status
