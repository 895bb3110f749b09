"""How long a keystroke in a note takes to reach the database, in a real terminal.

    python bench/autosave.py [--keys N]

Starts rm-tui in tmux on a database with one planned session, opens the live
session, then types one character at a time and polls the database (read-only,
from this process) until the note holds it. Each key is typed after a pause, so
each is 'the last keystroke': the promise is that it is on disk within 0.5 s.
"""

from __future__ import annotations

import argparse
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

from rm_tui.store import driver


def note_length(db: Path) -> int:
    with driver.connect(f"{db.as_uri()}?mode=ro", None, uri=True) as conn:
        row = conn.execute("SELECT length(body) FROM notes").fetchone()
    return row[0] if row else 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=40)
    args = parser.parse_args()
    rm_tui = tmux.rm_tui_or_exit()
    with tempfile.TemporaryDirectory() as folder:
        db, store, session = seed.one_planned_session(folder)
        store.add_agenda_item(session, title="Typing speed", proposed_by="leader")
        store.close()
        name = tmux.start(f"RM_TUI_TOPICS={folder}/none {rm_tui} --db {db}")
        latencies = []
        try:
            tmux.wait_for(name, "Sam")
            subprocess.run(["tmux", "send-keys", "-t", name, "l"], check=True)
            tmux.wait_for(name, "SHARED")
            for n in range(1, args.keys + 1):
                time.sleep(0.6)  # let the last save settle: each key is the last one
                start = time.perf_counter()
                subprocess.run(["tmux", "send-keys", "-t", name, "-l", "x"], check=True)
                while note_length(db) < n:
                    if time.perf_counter() - start > 5:
                        raise RuntimeError(f"key {n} never reached the database")
                    time.sleep(0.002)
                latencies.append(time.perf_counter() - start)
        finally:
            tmux.stop(name)
    latencies.sort()
    p95 = latencies[max(0, round(0.95 * len(latencies)) - 1)]
    print(f"keystroke to database, {len(latencies)} keys, each after a pause (target: 500 ms)")
    print(f"median {statistics.median(latencies) * 1000:.0f} ms   p95 {p95 * 1000:.0f} ms   "
          f"max {latencies[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
