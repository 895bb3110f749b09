"""How much CPU an open app uses while nobody touches it, in a real terminal.

    python bench/idle.py [--seconds 60] [--runs 1] [--db FILE] [--app COMMAND]

Starts the bare Textual app and rm-tui on five years of meetings (bench/large_db.py)
in tmux at 120x40, waits for the first full screen and a moment more, then reads the
app's CPU time (user + system, all its threads, from /proc/<pid>/stat) at the start
and at the end of the wait. The figure is CPU seconds per minute of wall time.
Linux only (it reads /proc).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import large_db  # noqa: E402
import tmux  # noqa: E402

SETTLE_SECONDS = 2.0  # after the first paint: let start-up work (topic sync, timers' first ticks) finish


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of `pid` so far, all its threads included."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])  # fields 14 and 15 of proc(5), counted after the name
    return (utime + stime) / os.sysconf("SC_CLK_TCK")


def app_pid(session: str) -> int:
    """The program the tmux window runs: the child of the pane's shell that is not the trailing sleep."""
    shell = int(subprocess.run(["tmux", "display-message", "-p", "-t", session, "#{pane_pid}"],
                               capture_output=True, text=True, check=True).stdout)
    for _ in range(200):
        children = [int(pid) for task in Path(f"/proc/{shell}/task").iterdir()
                    for pid in (task / "children").read_text().split()]
        programs = [pid for pid in children if Path(f"/proc/{pid}/comm").read_text().strip() != "sleep"]
        if programs:
            return programs[0]
        if not children and Path(f"/proc/{shell}/comm").read_text().strip() != "sh":
            return shell  # the shell ran the program in its own process (exec)
        time.sleep(0.05)
    raise RuntimeError(f"no program found under the pane of {session}")


def idle_cpu_seconds_per_minute(command: str, ready: str, seconds: float = 60.0,
                                size: tuple[int, int] = (120, 40)) -> float:
    """CPU seconds per minute that `command` uses, left alone once `ready` is on its screen."""
    session = tmux.start(command, size=size)
    try:
        tmux.wait_for(session, ready)
        pid = app_pid(session)
        time.sleep(SETTLE_SECONDS)
        before, started = cpu_seconds(pid), time.perf_counter()
        time.sleep(seconds)
        used, elapsed = cpu_seconds(pid) - before, time.perf_counter() - started
        return used / elapsed * 60
    finally:
        tmux.stop(session)


def measure(seconds: float, runs: int, large: Path, folder: str, app: str | None = None) -> dict[str, list[float]]:
    """Idle CPU (seconds per minute) of the bare app and of rm-tui on `large`, taken in turn.

    `app` is the command that starts rm-tui (the installed one unless given).
    """
    rm_tui = tmux.rm_tui_or_exit() if app is None else app
    results: dict[str, list[float]] = {"bare Textual app": [], "rm-tui, five years": []}
    for _ in range(runs):
        results["bare Textual app"].append(
            idle_cpu_seconds_per_minute(f"{sys.executable} {HERE / 'bare_app.py'}", "bare app ready", seconds)
        )
        results["rm-tui, five years"].append(
            idle_cpu_seconds_per_minute(f"RM_TUI_TOPICS={folder}/none {rm_tui} --db {large}", "Mentor 10", seconds)
        )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--db", type=Path, help="an existing five-year database to use (copied first)")
    parser.add_argument("--app", help="the command that starts rm-tui (default: the installed rm-tui)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder) / "large.db"
        if args.db:
            large.write_bytes(args.db.read_bytes())
        else:
            large_db.generate(large)
        results = measure(args.seconds, args.runs, large, folder, args.app)
    print(f"idle CPU of an open app in tmux 120x40, {args.seconds:.0f} s each, {args.runs} run(s)")
    print(f"{'':26}{'median':>14}{'runs':>8}")
    for label, values in results.items():
        shown = " ".join(f"{value:.3f}" for value in values)
        print(f"{label:26}{statistics.median(values):8.3f} s/min   {shown}")


if __name__ == "__main__":
    main()
