"""The `rm-tui` console script: `rm-tui due` answered at once, everything else by the command line.

`rm-tui due` runs on every shell prompt, so it is answered without loading click
when it can be (rm_tui.quick_due); whatever that hands back, and every other
command, goes to the command line (rm_tui.__main__).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Console-script entry point."""
    from .quick_due import due_request, run

    request = due_request(sys.argv[1:], os.environ)
    if request is not None:
        status = run(request)
        if status is not None:
            sys.exit(status)
    from .__main__ import main as command_line

    command_line()
