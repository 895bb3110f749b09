"""The cost of encryption at rest: five years of meetings, encrypted against plain, in one run.

Used by bench/run.py (`--only encryption` runs this part alone). The encrypted copy
is made by `rm-tui encrypt` itself, with a passphrase file readable by its owner
only, as a script would. Every figure is measured interleaved, plain then
encrypted, so a noisy spell on the shared machine hits both alike.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import search as search_bench
import seed
import startup
import sync

from rm_tui.passphrase import KEY_ENV, read_passphrase_file
from rm_tui.store import Store
from rm_tui.store.driver import Key

PASSPHRASE = "correct horse battery staple, five years of notes"


@dataclass(frozen=True)
class Encrypted:
    """The encrypted copy of the five-year database, and how to open it."""

    path: Path
    passphrase_file: Path
    key: Key


def encrypt_copy(large: Path, folder: str, rm_tui: Path) -> Encrypted:
    """`large` copied and encrypted by `rm-tui encrypt --passphrase-file` (0600, in `folder`)."""
    path = Path(folder) / "large-encrypted.db"
    shutil.copyfile(large, path)
    path.chmod(0o600)
    passphrase_file = Path(folder) / "passphrase"
    passphrase_file.touch(mode=0o600)
    passphrase_file.write_text(PASSPHRASE + "\n")
    subprocess.run([str(rm_tui), "--db", str(path), "encrypt", "--passphrase-file", str(passphrase_file)],
                   stdin=subprocess.DEVNULL, capture_output=True, check=True)
    return Encrypted(path, passphrase_file, Key.for_file(read_passphrase_file(passphrase_file), path))


def key_derivation(encrypted: Encrypted, runs: int) -> list[float]:
    """Seconds to derive the key from the passphrase, as every passphrase open does once."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        Key.for_file(read_passphrase_file(encrypted.passphrase_file), encrypted.path)
        times.append(time.perf_counter() - started)
    return times


def startups(runs: int, large: Path, encrypted: Encrypted, rm_tui: Path,
             folder: str) -> tuple[list[float], list[float], list[float]]:
    """Seconds to the first full screen in tmux: plain; encrypted with --passphrase-file; with the raw key.

    The raw key reaches the app as `rm-tui serve` hands it to a tab (RM_TUI_KEY),
    which skips the key derivation: the difference is what deriving costs at start.
    The shell reads it from a file readable by its owner only, so no command line holds it.
    """
    env = f"RM_TUI_TOPICS={folder}/none"
    raw_key = Path(folder) / "raw-key.env"
    raw_key.touch(mode=0o600)
    raw_key.write_text(f"export {KEY_ENV}={encrypted.key.hex()}\n")
    plain: list[float] = []
    locked: list[float] = []
    raw: list[float] = []
    for _ in range(runs):
        plain.append(startup.time_to_text(f"{rm_tui} --db {large}", "Mentor 10", env=env))
        locked.append(startup.time_to_text(
            f"{rm_tui} --db {encrypted.path} --passphrase-file {encrypted.passphrase_file}", "Mentor 10", env=env))
        raw.append(startup.time_to_text(f"{rm_tui} --db {encrypted.path}", "Mentor 10", env=f". {raw_key} && {env}"))
    return plain, locked, raw


def searches(runs: int, large: Path, encrypted: Encrypted) -> dict[str, tuple[list[float], list[float]]]:
    """Milliseconds per search (the plain search benchmark's words), plain and encrypted, per class."""
    plain_store = Store.open(large)
    locked_store = Store.open(encrypted.path, key=encrypted.key)
    try:
        results: dict[str, tuple[list[float], list[float]]] = {}
        for label, words in search_bench.CLASSES.items():
            plain: list[float] = []
            locked: list[float] = []
            for _ in range(runs * 8):  # a search takes milliseconds: many, or p95 is one outlier
                for word in words:
                    plain += search_bench.timed(lambda w: plain_store.search(w, "leader"), [word], 1)
                    locked += search_bench.timed(lambda w: locked_store.search(w, "leader"), [word], 1)
            results[label] = (plain, locked)
        return results
    finally:
        plain_store.close()
        locked_store.close()


def typings(runs: int, large: Path, encrypted: Encrypted, rm_tui: Path, folder: str,
            typing_time: Callable[..., float]) -> tuple[list[float], list[float]]:
    """Seconds to type 2,000 characters into a note, on a fresh copy of each database every run."""
    plain: list[float] = []
    locked: list[float] = []
    for _ in range(runs):
        for source, key, unlock, times in (
            (large, None, "", plain),
            (encrypted.path, encrypted.key, f" --passphrase-file {encrypted.passphrase_file}", locked),
        ):
            with tempfile.TemporaryDirectory(dir=folder) as copy:
                db, store, session = seed.one_planned_session(copy, source, key)
                store.add_agenda_item(session, title="Typing speed", proposed_by="leader")
                store.close()
                times.append(typing_time(f"RM_TUI_TOPICS={folder}/none {rm_tui} --db {db} --only Sam{unlock}",
                                         "Sam", open_note=("l", "SHARED")))
    return plain, locked


def syncs(runs: int, large: Path, encrypted: Encrypted, changes: int = 10) -> tuple[list[float], list[float]]:
    """Sync latencies in seconds between two processes on a copy of each database, `changes` per round."""
    plain: list[float] = []
    locked: list[float] = []
    for _ in range(runs):
        plain += sync.measure(changes, large)[0]
        locked += sync.measure(changes, encrypted.path, encrypted.key, encrypted.passphrase_file)[0]
    return plain, locked


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[-1]
