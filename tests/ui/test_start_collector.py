"""The garbage collector is off while rm-tui starts (rm_tui.entry), and back on after.

A collector left off would let every reference cycle the app makes for the rest
of the meeting pile up in memory; these check that it comes back.
"""

from __future__ import annotations

import gc
import subprocess
import sys
from pathlib import Path

from tests.ui.helpers import open_app


async def test_the_app_turns_the_collector_back_on_once_its_first_screen_is_up(db_path: Path, tmp_path: Path) -> None:
    app = open_app(db_path, topics_dir=tmp_path / "none")
    thresholds = gc.get_threshold()
    gc.disable()  # as the console script leaves it
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert "No mentorships yet" in str(app.screen.query_one("#empty-hint").render())
            assert gc.isenabled()
            # Full collections (about 100 ms over a screen's widgets) ten times less often.
            assert gc.get_threshold() == (thresholds[0], thresholds[1], 100)
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
        gc.enable()


def test_a_command_runs_with_the_collector_on(db_path: Path) -> None:
    """`rm-tui serve` runs for days: every command turns the collector on as soon as it is chosen."""
    probe = (
        "import atexit, gc, sys; "
        "atexit.register(lambda: print('collector on' if gc.isenabled() else 'collector off')); "
        f"sys.argv = ['rm-tui', '--db', {str(db_path)!r}, 'where']; "
        "from rm_tui.entry import main; main()"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "collector on"
