"""The whole benchmark table, each figure beside a baseline measured in the same run.

    python bench/run.py [--runs N] [--only encryption]

Builds five years of meetings (bench/large_db.py), then measures:
start-up in tmux (rm-tui empty and large against a bare Textual app); opening a
session of 500 notes; search (rare, common, very common words); export of one
session and of everything; typing 2,000 characters into a note against a bare
TextArea app; sync between two processes; peak memory against the bare app. Then the cost
of encryption at rest (bench/encrypted.py): start-up, typing, search and sync on
the five years encrypted, each against the plain file in the same run;
`--only encryption` runs that part alone, in a few minutes. And `rm-tui due`, the
line for a shell prompt, as a new process each time against the interpreter's own
start, plain and encrypted (bench/due.py; `--only due`).
The machine is shared and noisy: read the ratios, not the milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import due as due_bench  # noqa: E402
import encrypted  # noqa: E402
import large_db  # noqa: E402
import search as search_bench  # noqa: E402
import seed  # noqa: E402
import startup  # noqa: E402
import sync  # noqa: E402
import tmux  # noqa: E402

from rm_tui.store import Store  # noqa: E402

TYPED = 2000
LABEL = 48  # width of the label column


def row(label: str, value: float, baseline: float, target: str, unit: str = "ms", why: str = "") -> str:
    """One line of the table; `why` says, beside the target, why a figure misses it."""
    ratio = value / baseline if baseline else float("nan")
    line = f"{label:<{LABEL}}{value:>9.1f}{unit:<3}{baseline:>10.1f}{unit:<3}{ratio:>7.2f}   {target}"
    return f"{line:<{LABEL + 45}}  <- {why}" if why else line


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def open_session(db: Path, session_id: int, repeat: int, animations: bool = True) -> tuple[float, float]:
    """Seconds to open the live screen of a 500-note session, and of the session with fewest notes.

    The clock stops once the app is idle, so Textual's animations (the note tabs'
    underline sliding to the open note) count too, unless `animations` is off.
    """
    from rm_tui.app import make_app
    from screens.live_session import LiveSessionScreen

    async def once(target: int) -> float:
        app = make_app(db)
        if not animations:
            app.animation_level = "none"
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            app.push_screen(LiveSessionScreen(app.store, target))
            await pilot.pause()
            return time.perf_counter() - started

    store = Store.open(db)
    empty = store.db.execute(
        "SELECT s.id FROM sessions s LEFT JOIN notes n ON n.session_id = s.id "
        "GROUP BY s.id ORDER BY count(n.id) LIMIT 1").fetchone()[0]
    store.close()
    asyncio.run(once(empty))  # the first screen opened in a process pays for importing it: not counted
    big: list[float] = []
    small: list[float] = []
    for _ in range(repeat):  # interleaved, so a noisy spell on the machine hits both alike
        big.append(asyncio.run(once(session_id)))
        small.append(asyncio.run(once(empty)))
    return statistics.median(big), statistics.median(small)


def export_times(db: Path, session_id: int) -> tuple[float, float, float]:
    """Seconds to export one session, everything, and (baseline) just to read every note."""
    from rm_tui.exporting import ExportRequest, render

    store = Store.open(db)
    started = time.perf_counter()
    render(store, ExportRequest(session_id=session_id))
    one = time.perf_counter() - started
    started = time.perf_counter()
    render(store, ExportRequest(everything=True))
    everything = time.perf_counter() - started
    started = time.perf_counter()
    store.db.execute("SELECT body FROM notes WHERE visibility = 'shared'").fetchall()
    read = time.perf_counter() - started
    store.close()
    return one, everything, read


def typing_time(command: str, ready: str, open_note: tuple[str, str] | None = None) -> float:
    """Seconds from the first of 2,000 typed characters until the last is on screen.

    `open_note` is a key to press once the app is up and the text that says the
    editor is then in front (rm-tui opens the live session's note this way).
    """
    name = tmux.start(command, size=(120, 40))
    try:
        tmux.wait_for(name, ready)
        if open_note is not None:
            subprocess.run(["tmux", "send-keys", "-t", name, open_note[0]], check=True)
            tmux.wait_for(name, open_note[1])
        text = ("x" * 79 + "\n") * (TYPED // 80 - 1) + "x" * 76 + "DONE"
        started = time.perf_counter()
        for start in range(0, len(text), 200):
            chunk = text[start:start + 200]
            for line_number, line in enumerate(chunk.split("\n")):
                if line_number:
                    subprocess.run(["tmux", "send-keys", "-t", name, "Enter"], check=True)
                if line:
                    subprocess.run(["tmux", "send-keys", "-t", name, "-l", line], check=True)
        tmux.wait_for(name, "DONE", timeout=60, poll=0.005)
        return time.perf_counter() - started
    finally:
        tmux.stop(name)


def peak_memory_kb(command: str, ready: str) -> int:
    """The app's peak resident memory (VmHWM) once its first screen is up."""
    name = tmux.start(command)
    try:
        tmux.wait_for(name, ready)
        time.sleep(0.5)
        shell = subprocess.run(["tmux", "display", "-p", "-t", name, "#{pane_pid}"],
                               capture_output=True, text=True, check=True).stdout.strip()
        children = Path(f"/proc/{shell}/task/{shell}/children").read_text().split()
        status = Path(f"/proc/{children[0]}/status").read_text()
        return int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
    finally:
        tmux.stop(name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=["encryption", "due"], help="run one part of the table alone")
    args = parser.parse_args()
    rm_tui = tmux.rm_tui_or_exit()
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        large = Path(folder) / "large.db"
        facts = large_db.generate(large)
        if args.only is None:
            lines += everyday_rows(args.runs, large, facts["big_session"], folder, rm_tui)
        if args.only in (None, "due"):
            lines += due_rows(args.runs, large, folder, rm_tui)
        if args.only in (None, "encryption"):
            lines += encryption_rows(args.runs, large, folder, rm_tui)

    print(f"rm-tui benchmarks: {facts['sessions']:,} sessions, {facts['notes']:,} notes, "
          f"{facts['follow_ups']:,} follow-ups; {args.runs} runs where repeated")
    print(f"{'':<{LABEL}}{'rm-tui':>12}{'baseline':>13}{'ratio':>7}   target")
    for line in lines:
        print(line)


def everyday_rows(runs: int, large: Path, big_session: int, folder: str, rm_tui: Path) -> list[str]:
    """The table's plain-file rows: start-up, sessions, search, export, typing, sync, memory."""
    lines = []
    env = f"RM_TUI_TOPICS={folder}/none"

    starts = startup.measure(runs, large, folder)
    bare = median_ms(starts["bare Textual app"])
    empty = median_ms(starts["rm-tui, empty database"])
    lines.append(row("start-up, empty database", empty, bare, "<= 1.3x bare app"))
    lines.append(row("start-up, five years (vs empty)", median_ms(starts["rm-tui, five years"]), empty,
                     "<= 1.1x empty database"))

    big, small = open_session(large, big_session, runs)
    lines.append(row("open a session of 500 notes (vs fewest)", big * 1000, small * 1000, "same cost"))
    big, small = open_session(large, big_session, runs, animations=False)
    lines.append(row("  the same, Textual's animations off", big * 1000, small * 1000, "same cost"))

    store = Store.open(large)
    for label, words in search_bench.CLASSES.items():
        ours = search_bench.timed(lambda w: store.search(w, "leader"), words, runs * 2)
        ranked = search_bench.timed(
            lambda w: store.db.execute(search_bench.BY_RELEVANCE, [search_bench.fts_query(w)]).fetchall(),
            words, runs * 2)
        p95 = statistics.quantiles(ours, n=20, method="inclusive")[-1]
        base = statistics.quantiles(ranked, n=20, method="inclusive")[-1]
        lines.append(row(f"search p95, {label} (vs by relevance)", p95, base, "<= 50 ms"))
    store.close()

    one, everything, read = export_times(large, big_session)
    lines.append(row("export one session (vs reading all notes)", one * 1000, read * 1000, "-"))
    lines.append(row("export everything (vs reading all notes)", everything * 1000, read * 1000, "-"))

    Path(folder, "typing").mkdir()
    note_db, seeded, session = seed.one_planned_session(f"{folder}/typing")
    seeded.add_agenda_item(session, title="Typing speed", proposed_by="leader")
    seeded.close()
    typed_rm = typing_time(f"{env} {rm_tui} --db {note_db}", "Sam", open_note=("l", "SHARED"))
    typed_bare = typing_time(f"{sys.executable} {HERE / 'bare_textarea.py'}", "bare editor ready")
    lines.append(row(f"typing {TYPED:,} characters (vs bare TextArea)", typed_rm * 1000, typed_bare * 1000,
                     "<= 1.2x bare TextArea"))

    latencies, _ = sync.measure(20)
    ms = sorted(value * 1000 for value in latencies)
    lines.append(row("sync between two processes, p95 (median)", sync.p95(ms), statistics.median(ms),
                     "p95 <= 250 ms"))

    ours_kb = peak_memory_kb(f"{env} {rm_tui} --db {large}", "Mentor 10")
    bare_kb = peak_memory_kb(f"{sys.executable} {HERE / 'bare_app.py'}", "bare app ready")
    lines.append(row("peak memory, five years (vs bare app)", ours_kb / 1024, bare_kb / 1024, "<= 1.3x bare app",
                     unit="MB"))
    return lines


def due_rows(runs: int, large: Path, folder: str, rm_tui: Path) -> list[str]:
    """`rm-tui due` on the five years, a new process each run: plain against `python -c pass`, then encrypted."""
    ours, bare = due_bench.measure(runs * 4, large, rm_tui)
    plain = median_ms(ours)
    missed = plain >= due_bench.TARGET_MS
    lines = [row("rm-tui due, five years (vs python -c pass)", plain, median_ms(bare), f"< {due_bench.TARGET_MS} ms",
                 why="its imports: python -X importtime $(which rm-tui) due" if missed else "")]
    Path(folder, "due").mkdir()
    with due_bench.this_checkout():  # the rm-tui being timed writes the copy, whatever is installed
        locked = encrypted.encrypt_copy(large, os.path.join(folder, "due"), rm_tui)
    sealed, _ = due_bench.measure(runs * 2, locked.path, rm_tui, "--passphrase-file", str(locked.passphrase_file))
    lines.append(row("  the same, encrypted (vs plain)", median_ms(sealed), plain, "-",
                     why="the key's derivation from the passphrase, on purpose"))
    return lines


def encryption_rows(runs: int, large: Path, folder: str, rm_tui: Path) -> list[str]:
    """Start-up, typing, search and sync on the five years encrypted, each against the plain file."""
    locked = encrypted.encrypt_copy(large, folder, rm_tui)
    lines = []
    plain_starts, locked_starts, raw_starts = encrypted.startups(runs, large, locked, rm_tui, folder)
    derive = median_ms(encrypted.key_derivation(locked, runs))
    plain_start = median_ms(plain_starts)
    raw_start = median_ms(raw_starts)
    locked_start = median_ms(locked_starts)
    missed = locked_start > plain_start * 1.1
    lines.append(row("start-up, five years, encrypted (vs plain)", locked_start, plain_start, "<= 1.1x",
                     why=f"key derivation, {derive:.0f} ms of it (PBKDF2, 256,000 rounds, kept)" if missed else ""))
    lines.append(row("  key derivation alone (vs plain start-up)", derive, plain_start, "-"))
    lines.append(row("  the same with the raw key (vs plain)", raw_start, plain_start, "<= 1.1x"))

    plain_typed, locked_typed = encrypted.typings(runs, large, locked, rm_tui, folder, typing_time)
    lines.append(encrypted_row(f"typing {TYPED:,} characters, encrypted (vs plain)",
                               [t * 1000 for t in locked_typed], [t * 1000 for t in plain_typed], statistics.median))

    for label, (plain, locked_times) in encrypted.searches(runs, large, locked).items():
        lines.append(encrypted_row(f"search p95, {label}, encrypted (vs plain)", locked_times, plain, encrypted.p95))

    plain_sync, locked_sync = encrypted.syncs(runs, large, locked)
    lines.append(encrypted_row("sync p95, encrypted (vs plain)", [t * 1000 for t in locked_sync],
                               [t * 1000 for t in plain_sync], encrypted.p95))
    return lines


def encrypted_row(label: str, locked: list[float], plain: list[float], figure: Callable[[list[float]], float]) -> str:
    """A row of encrypted against plain (milliseconds), target 1.1x; a miss says how big it is."""
    value, baseline = figure(locked), figure(plain)
    why = ""
    if value > baseline * 1.1:
        medians = statistics.median(locked) / statistics.median(plain)
        why = f"{value - baseline:+.1f} ms; the medians are {medians:.2f}x"
    return row(label, value, baseline, "<= 1.1x", why=why)


if __name__ == "__main__":
    main()
