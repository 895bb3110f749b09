"""How long a change made by one process takes to show in another rm-tui, in a real terminal.

    python bench/sync.py [--changes N] [--app COMMAND]

Starts rm-tui in tmux on a session's agenda, then, from this process (a second
writer on the same database file, as the mentor's window would be), adds agenda
items one at a time. For each, the clock starts when the write is committed and
stops when the item's title is on the tmux screen. Writes come at random moments,
so they land anywhere in the app's polling cycle. The figure beside it, the time
one `tmux capture-pane` takes, is how finely the screen can be watched.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import seed
import tmux

from rm_tui.store.driver import Key


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]


def capture_cost(name: str, samples: int = 50) -> float:
    started = time.perf_counter()
    for _ in range(samples):
        tmux.screen(name)
    return (time.perf_counter() - started) / samples


def measure(changes: int, start_from: Path | None = None, key: Key | None = None,
            passphrase_file: Path | None = None, app: str | None = None) -> tuple[list[float], float]:
    """Sync latencies in seconds, and the cost of one screen capture.

    On a new database, or on a copy of `start_from` (encrypted with `key`, which the
    app gets from `passphrase_file`); the app is kept to Sam's mentorship either way.
    `app` is the command that starts rm-tui (the installed one unless given), so two
    versions can be compared in one sitting.
    """
    rm_tui = tmux.rm_tui_or_exit() if app is None else app
    with tempfile.TemporaryDirectory() as folder:
        db, store, session = seed.one_planned_session(folder, start_from, key)
        unlock = f" --passphrase-file {passphrase_file}" if passphrase_file else ""
        name = tmux.start(f"RM_TUI_TOPICS={folder}/none {rm_tui} --db {db} --only Sam{unlock}", size=(160, 50))
        latencies: list[float] = []
        try:
            tmux.wait_for(name, "Sam")
            subprocess.run(["tmux", "send-keys", "-t", name, "s"], check=True)
            tmux.wait_for(name, "Planned 0 of 45 min")
            capture = capture_cost(name)
            for n in range(changes):
                time.sleep(random.uniform(0.3, 0.6))
                title = f"Change {n:03d} from the other window"
                store.add_agenda_item(session, title=title, minutes=1, proposed_by="mentor")
                committed = time.perf_counter()
                tmux.wait_for(name, title, timeout=10, poll=0.002)
                latencies.append(time.perf_counter() - committed)
                if n % 10 == 9:  # keep the agenda short enough to stay on screen
                    for item in store.agenda(session):
                        store.remove_agenda_item(item.id)
                    tmux.wait_for(name, "Planned 0 of 45 min")
        finally:
            tmux.stop(name)
            store.close()
    return latencies, capture


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--app", help="the command that starts rm-tui (default: the installed rm-tui)")
    args = parser.parse_args()
    latencies, capture = measure(args.changes, app=args.app)
    ms = [value * 1000 for value in latencies]
    print(f"sync between two processes, {len(ms)} changes (commit in one -> on screen in the other)")
    print(f"  median {statistics.median(ms):6.0f} ms")
    print(f"  p95    {p95(ms):6.0f} ms")
    print(f"  max    {max(ms):6.0f} ms")
    print(f"  one screen capture (resolution of the watch): {capture * 1000:.1f} ms")


if __name__ == "__main__":
    main()
