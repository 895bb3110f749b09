"""Time from launch to the first full screen, in a real terminal (tmux).

    python bench/startup.py [--runs N]

Runs a bare Textual app, rm-tui on a fresh empty database, rm-tui on five years
of meetings (bench/large_db.py) and each peer Textual app installed (bench/peers.py:
dooit) in turn, each in its own tmux session, and polls the screen until the first
screen's text shows.
Prints the median and best of each and their ratio: the machine is shared and
noisy, so the ratio measured in one run is the figure that means something.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

import large_db  # noqa: E402
import peers  # noqa: E402
import tmux  # noqa: E402


def time_to_text(command: str, marker: str, env: str = "") -> float:
    start = time.perf_counter()
    name = tmux.start(f"{env} {command}")
    try:
        tmux.wait_for(name, marker)
        return time.perf_counter() - start
    finally:
        tmux.stop(name)


def measure(runs: int, large: Path, folder: str,
            peer_apps: dict[peers.Peer, Path] | None = None) -> dict[str, list[float]]:
    """Seconds to the first full screen: the bare app, rm-tui empty, rm-tui on `large`, then each peer by name.

    All take turns within each run, so a noisy spell on the machine hits them alike.
    """
    rm_tui = tmux.rm_tui_or_exit()
    peer_apps = peer_apps or {}
    results: dict[str, list[float]] = {"bare Textual app": [], "rm-tui, empty database": [],
                                       "rm-tui, five years": []}
    results.update({peer.name: [] for peer in peer_apps})
    for run in range(runs):
        results["bare Textual app"].append(
            time_to_text(f"{sys.executable} {HERE / 'bare_app.py'}", "bare app ready")
        )
        db = Path(folder) / f"empty-{run}.db"
        results["rm-tui, empty database"].append(
            time_to_text(f"{rm_tui} --db {db}", "No mentorships yet", env=f"RM_TUI_TOPICS={folder}/none")
        )
        results["rm-tui, five years"].append(
            time_to_text(f"{rm_tui} --db {large}", "Mentor 10", env=f"RM_TUI_TOPICS={folder}/none")
        )
        for peer, executable in peer_apps.items():
            home = Path(folder) / "peers" / f"{peer.name}-{run}"
            results[peer.name].append(time_to_text(peers.command(executable, home), peer.marker))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder) / "large.db"
        large_db.generate(large)
        results = measure(args.runs, large, folder, peers.installed())
    base = statistics.median(results["bare Textual app"])
    print(f"start to first full screen in tmux 120x40, {args.runs} runs each")
    print(f"{'':26}{'median':>10}{'best':>10}{'ratio':>8}")
    for label, times in results.items():
        median = statistics.median(times)
        print(f"{label:26}{median * 1000:8.0f}ms{min(times) * 1000:8.0f}ms{median / base:8.2f}")
    for peer in peers.PEERS:
        path, why = peers.find(peer)
        if path is None:
            print(f"{peer.name:26}{why}")


if __name__ == "__main__":
    main()
