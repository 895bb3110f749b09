"""`rm-tui due` timed as a shell prompt runs it: a new process each time.

    python bench/due.py [--runs N]

Each run starts rm-tui afresh, as a prompt or a status bar does, so the figure is
the whole process: the interpreter, the imports and the two queries. Its baseline
is the interpreter's own start (`python -c pass`), measured interleaved with it so a
noisy spell on the shared machine hits both alike. bench/run.py times it on five
years of meetings; run alone, this times it on the demo database.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

TARGET_MS = 100
REPO = Path(__file__).resolve().parent.parent


def measure(runs: int, db: Path, rm_tui: Path, *extra: str) -> tuple[list[float], list[float]]:
    """Seconds for `rm-tui --db DB [extra] due`, and for `python -c pass`, `runs` times each.

    One untimed run first: the first start after an install compiles the byte code.
    """
    command = [str(rm_tui), "--db", str(db), *extra, "due"]
    if "rm_tui.entry" not in rm_tui.read_text(errors="replace"):
        sys.exit(f"bench: {rm_tui} was installed before rm-tui's entry point moved: run pip install . again")
    # Byte code written by the untimed run, as an install compiles it, even where the shell
    # says not to (PYTHONDONTWRITEBYTECODE): otherwise each run would compile every module.
    env = checkout_env()
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    _timed(command, env)
    ours: list[float] = []
    bare: list[float] = []
    for _ in range(runs):
        bare.append(_timed([sys.executable, "-c", "pass"], env))
        ours.append(_timed(command, env))
    return ours, bare


def checkout_env() -> dict[str, str]:
    """The environment for an rm-tui that runs this checkout's code, not an older installed copy."""
    return {**os.environ, "PYTHONPATH": str(REPO)}


@contextmanager
def this_checkout() -> Iterator[None]:
    """Within it, every rm-tui started runs this checkout's code (for helpers that start one)."""
    was = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(REPO)
    try:
        yield
    finally:
        if was is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = was


def _timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode not in (0, 1):  # 1 says a follow-up is late: an answer, not a failure
        sys.exit(f"bench: {' '.join(command)} failed: {result.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    sys.path.insert(0, str(REPO))
    from rm_tui.demo import seed_demo

    rm_tui = Path(sys.executable).with_name("rm-tui")
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.db"
        seed_demo(db, date.today())
        ours, bare = measure(args.runs, db, rm_tui)
    ours_ms, bare_ms = statistics.median(ours) * 1000, statistics.median(bare) * 1000
    print(f"rm-tui due, demo database: median {ours_ms:.1f} ms of {args.runs} runs "
          f"(python -c pass: {bare_ms:.1f} ms; target < {TARGET_MS} ms)")


if __name__ == "__main__":
    main()
