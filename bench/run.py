"""The whole benchmark table, each figure beside a baseline measured in the same run.

    python bench/run.py [--runs N] [--only PART ...]

Builds five years of meetings (bench/large_db.py), then measures:
start-up in tmux (rm-tui empty and large against a bare Textual app, and beside
them a peer Textual app, dooit, where installed: bench/peers.py); opening a
session of 500 notes; search (rare, common, very common words); export of one
session and of everything; typing 2,000 characters into a note against a bare
TextArea app; sync between two processes; peak memory against the bare app; CPU used
by an open app left alone for a minute (bench/idle.py) against the bare app. Then the cost
of encryption at rest (bench/encrypted.py): start-up, typing, search and sync on
the five years encrypted, each against the plain file in the same run;
`--only encryption` runs that part alone, in a few minutes. And `rm-tui due`, the
line for a shell prompt, as a new process each time against the interpreter's own
start, plain and encrypted (bench/due.py; `--only due`).
Each part runs alone with `--only PART` (repeat it for several): startup, sessions,
search, export, typing, sync, memory, idle, due, encryption; the five years are built
only when a part needs them (typing and sync do not).
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
import idle  # noqa: E402
import large_db  # noqa: E402
import peers  # noqa: E402
import search as search_bench  # noqa: E402
import seed  # noqa: E402
import startup  # noqa: E402
import sync  # noqa: E402
import tmux  # noqa: E402

from rm_tui.store import Store  # noqa: E402

TYPED = 2000
IDLE_SECONDS = 60.0  # how long an open app is left alone while its CPU time is read
LABEL = 48  # width of the label column


def row(label: str, value: float, baseline: float, target: str, unit: str = "ms", why: str = "",
        decimals: int = 1) -> str:
    """One line of the table; `why` says, beside the target, why a figure misses it."""
    ratio = value / baseline if baseline else float("nan")
    line = (f"{label:<{LABEL}}{value:>9.{decimals}f}{unit:<3}{baseline:>10.{decimals}f}{unit:<3}{ratio:>7.2f}"
            f"   {target}")
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


def export_times(db: Path, session_id: int, repeat: int) -> tuple[float, float, float]:
    """Seconds to export one session, everything, and (baseline) just to read every note: medians.

    The three are timed in turn, `repeat` times, so a noisy spell on the machine hits them alike.
    """
    from rm_tui.exporting import ExportRequest, render

    def timed(work: Callable[[], object]) -> float:
        started = time.perf_counter()
        work()
        return time.perf_counter() - started

    store = Store.open(db)
    render(store, ExportRequest(everything=True))  # the first run pays for imports and a cold cache: not counted
    one: list[float] = []
    everything: list[float] = []
    read: list[float] = []
    for _ in range(repeat):
        one.append(timed(lambda: render(store, ExportRequest(session_id=session_id))))
        everything.append(timed(lambda: render(store, ExportRequest(everything=True))))
        read.append(timed(lambda: store.db.execute("SELECT body FROM notes WHERE visibility = 'shared'").fetchall()))
    store.close()
    return statistics.median(one), statistics.median(everything), statistics.median(read)


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


class Bench:
    """What the parts share: the runs, a scratch folder, the installed rm-tui, and five years built when first asked."""

    def __init__(self, runs: int, folder: str, rm_tui: Path) -> None:
        self.runs = runs
        self.folder = folder
        self.rm_tui = rm_tui
        self.env = f"RM_TUI_TOPICS={folder}/none"
        self.facts: dict[str, int] | None = None

    @property
    def large(self) -> Path:
        """Five years of meetings, built by the first part that needs them (typing and sync do not)."""
        path = Path(self.folder) / "large.db"
        if self.facts is None:
            self.facts = large_db.generate(path)
        return path

    @property
    def big_session(self) -> int:
        self.large  # noqa: B018 -- builds the database, which says which session is the big one
        assert self.facts is not None
        return self.facts["big_session"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=list(PARTS), action="append",
                        help="run one part of the table alone (repeat for several; the table's order is kept)")
    args = parser.parse_args()
    rm_tui = tmux.rm_tui_or_exit()
    chosen = [name for name in PARTS if args.only is None or name in args.only]
    lines = []
    with tempfile.TemporaryDirectory() as folder:
        bench = Bench(args.runs, folder, rm_tui)
        for name in chosen:
            lines += PARTS[name](bench)

    if bench.facts is not None:
        facts = bench.facts
        print(f"rm-tui benchmarks: {facts['sessions']:,} sessions, {facts['notes']:,} notes, "
              f"{facts['follow_ups']:,} follow-ups; {args.runs} runs where repeated")
    else:
        print(f"rm-tui benchmarks: {', '.join(chosen)}; {args.runs} runs where repeated")
    print(f"{'':<{LABEL}}{'rm-tui':>12}{'baseline':>13}{'ratio':>7}   target")
    for line in lines:
        print(line)


def startup_rows(bench: Bench) -> list[str]:
    """Start-up in tmux: rm-tui empty and on five years, against a bare Textual app in the same run.

    Beside them, each peer Textual app installed (bench/peers.py), on its first day, against
    the same bare app in the same runs; one not installed is a row saying how to install it.
    """
    starts = startup.measure(bench.runs, bench.large, bench.folder, peers.installed())
    bare = median_ms(starts["bare Textual app"])
    empty = median_ms(starts["rm-tui, empty database"])
    years = median_ms(starts["rm-tui, five years"])
    lines = [
        row("start-up, new database (vs bare app)", empty, bare, "<= 1.3x bare app"),
        row("start-up, five years (vs bare app)", years, bare, "<= 1.3x bare app"),
        row("  five years (vs new database)", years, empty, "<= 1.1x new database"),
    ]
    for peer in peers.PEERS:
        label = f"{peer.name} start-up (vs bare app)"
        if peer.name in starts:
            lines.append(row(label, median_ms(starts[peer.name]), bare, "a peer, for scale"))
        else:
            lines.append(f"{label:<{LABEL}}{peers.find(peer)[1]}")
    return lines


def session_rows(bench: Bench) -> list[str]:
    """Opening the live screen of a 500-note session, against the session with fewest notes."""
    big, small = open_session(bench.large, bench.big_session, bench.runs)
    lines = [row("open a session of 500 notes (vs fewest)", big * 1000, small * 1000, "same cost")]
    big, small = open_session(bench.large, bench.big_session, bench.runs, animations=False)
    lines.append(row("  the same, Textual's animations off", big * 1000, small * 1000, "same cost"))
    return lines


def search_rows(bench: Bench) -> list[str]:
    """Search p95 for rare, common and very common words, against the bare query by relevance."""
    lines = []
    store = Store.open(bench.large)
    for label, words in search_bench.CLASSES.items():
        ours = search_bench.timed(lambda w: store.search(w, "leader"), words, bench.runs * 2)
        ranked = search_bench.timed(
            lambda w: store.db.execute(search_bench.BY_RELEVANCE, [search_bench.fts_query(w)]).fetchall(),
            words, bench.runs * 2)
        p95 = statistics.quantiles(ours, n=20, method="inclusive")[-1]
        base = statistics.quantiles(ranked, n=20, method="inclusive")[-1]
        lines.append(row(f"search p95, {label} (vs by relevance)", p95, base, "<= 50 ms"))
    store.close()
    return lines


def export_rows(bench: Bench) -> list[str]:
    """Export of one session and of everything, against reading every note (medians of interleaved runs)."""
    one, everything, read = export_times(bench.large, bench.big_session, bench.runs)
    return [
        row("export one session (vs reading all notes)", one * 1000, read * 1000, "-"),
        row("export everything (vs reading all notes)", everything * 1000, read * 1000, "<= 5x reading the notes",
            why="reading the notes with their places is 1.5x alone (README)" if everything > 5 * read else ""),
    ]


def typing_rows(bench: Bench) -> list[str]:
    """2,000 characters typed into a live session's note, against a bare TextArea app."""
    Path(bench.folder, "typing").mkdir()
    note_db, seeded, session = seed.one_planned_session(f"{bench.folder}/typing")
    seeded.add_agenda_item(session, title="Typing speed", proposed_by="leader")
    seeded.close()
    typed_rm = typing_time(f"{bench.env} {bench.rm_tui} --db {note_db}", "Sam", open_note=("l", "SHARED"))
    typed_bare = typing_time(f"{sys.executable} {HERE / 'bare_textarea.py'}", "bare editor ready")
    return [row(f"typing {TYPED:,} characters (vs bare TextArea)", typed_rm * 1000, typed_bare * 1000,
                "<= 1.2x bare TextArea")]


def sync_rows(bench: Bench) -> list[str]:
    """A change made by one process, until it is on another's screen: p95 against the median."""
    latencies, _ = sync.measure(20)
    ms = sorted(value * 1000 for value in latencies)
    return [row("sync between two processes, p95 (median)", sync.p95(ms), statistics.median(ms), "p95 <= 100 ms")]


def memory_rows(bench: Bench) -> list[str]:
    """Peak resident memory once the first screen of five years is up, against the bare app.

    Medians of runs taken in turns: one start of the bare app can differ from the next by 0.8 MB.
    """
    ours: list[int] = []
    bare: list[int] = []
    for _ in range(bench.runs):
        ours.append(peak_memory_kb(f"{bench.env} {bench.rm_tui} --db {bench.large}", "Mentor 10"))
        bare.append(peak_memory_kb(f"{sys.executable} {HERE / 'bare_app.py'}", "bare app ready"))
    return [row("peak memory, five years (vs bare app)", statistics.median(ours) / 1024,
                statistics.median(bare) / 1024, "<= 1.3x bare app", unit="MB")]


def idle_rows(bench: Bench) -> list[str]:
    """CPU an open app uses while nobody touches it, a minute each: rm-tui on five years against the bare app."""
    used = idle.measure(IDLE_SECONDS, 1, bench.large, bench.folder)
    ours = statistics.median(used["rm-tui, five years"])
    bare = statistics.median(used["bare Textual app"])
    return [row("idle CPU, five years (vs bare app)", ours, bare, "CPU s/min; no more than before", unit="s",
                decimals=3)]


def due_rows(bench: Bench) -> list[str]:
    """`rm-tui due` on the five years, a new process each run: plain against `python -c pass`, then encrypted."""
    runs, large, folder, rm_tui = bench.runs, bench.large, bench.folder, bench.rm_tui
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


def encryption_rows(bench: Bench) -> list[str]:
    """Start-up, typing, search and sync on the five years encrypted, each against the plain file."""
    runs, large, folder, rm_tui = bench.runs, bench.large, bench.folder, bench.rm_tui
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


# Each part of the table, in the table's order; `--only NAME` runs one alone.
PARTS: dict[str, Callable[[Bench], list[str]]] = {
    "startup": startup_rows,
    "sessions": session_rows,
    "search": search_rows,
    "export": export_rows,
    "typing": typing_rows,
    "sync": sync_rows,
    "memory": memory_rows,
    "idle": idle_rows,
    "due": due_rows,
    "encryption": encryption_rows,
}


if __name__ == "__main__":
    main()
