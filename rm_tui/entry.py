"""The `rm-tui` console script: `rm-tui due` answered at once, everything else by the command line.

`rm-tui due` runs on every shell prompt, so it is answered without loading click
when it can be (rm_tui.quick_due); whatever that hands back, and every other
command, goes to the command line (rm_tui.__main__).

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


def main() -> None:
    """Console-script entry point."""
    gc.disable()
    from .quick_due import due_request, run

    request = due_request(sys.argv[1:], os.environ)
    if request is not None:
        status = run(request)
        if status is not None:
            sys.exit(status)
    from .__main__ import main as command_line

    command_line()
