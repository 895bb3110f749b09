"""A newcomer's first agenda, timed: from the README's first command to two items on it.

    python bench/newcomer.py [--install] [--size 120x40]

Plays the documented keys in a real terminal (tmux) as a first-time user would, on a
fresh home folder, so the app starts on its default database with nothing in it:
set up a mentorship (your name and your mentor's), open the agenda, add a library
topic with its placeholder filled, and add an item of your own. Then it checks the
database holds exactly that agenda.

A script types faster than a person reads, so the figure a newcomer would see is the
machine's time plus a model of the person: seconds to read each new screen, and
typing at 200 characters a minute (about 40 words). Both parts are printed; the
target (under 3 minutes) is for their sum. `--install` also runs the README's install
command in a fresh clone and counts it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

import tmux  # noqa: E402

from rm_tui.store import driver  # noqa: E402

TYPING_PER_CHAR = 60 / 200  # seconds: 200 characters a minute
PER_KEY = 0.6  # seconds to find and press a named key (tab, ctrl+s, enter)
TARGET_SECONDS = 180


@dataclass(frozen=True)
class Step:
    """One thing the newcomer does: read the screen, then press keys and type text, in order."""

    says: str  # what the person is doing, printed beside its time
    read: float  # seconds to read the screen before acting
    keys: tuple[str, ...]  # tmux key names, or "=text" to type text literally
    then: str  # text on screen once the step has taken effect

    def human_seconds(self) -> float:
        typed = sum(len(k) - 1 for k in self.keys if k.startswith("="))
        pressed = sum(1 for k in self.keys if not k.startswith("="))
        return self.read + typed * TYPING_PER_CHAR + pressed * PER_KEY


STEPS = (
    Step("read the empty home screen, press n", 6, ("n",), "New mentorship"),
    Step("skip the learning gaps, fill in both names, save", 15,
         ("Tab",) * 6 + ("=Alex Kim", "Tab", "=Sam Lee", "C-s"), "Sam Lee mentors Alex Kim"),
    Step("open the next session's agenda", 4, ("s",), "Ground rules"),
    Step("read the ground rules, close them", 20, ("Escape",), "Topic library"),
    Step("search the library, add the top topic", 8, ("=real task", "Enter"), "Add to the agenda:"),
    Step("fill its placeholder, add it", 5, ("=Figma", "Enter"), "Figma"),
    Step("add an item of your own", 4, ("C-n",), "Title"),
    Step("type its title, save it", 3, ("=One thing I tried since last time", "C-s"), "One thing I tried"),
)


def install(into: Path) -> tuple[Path, float]:
    """The README's install command in a fresh clone of this checkout; returns rm-tui and seconds taken."""
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(into)], check=True)
    started = time.perf_counter()
    subprocess.run("python3 -m venv .venv && .venv/bin/pip install -q .", shell=True, cwd=into, check=True)
    return into / ".venv" / "bin" / "rm-tui", time.perf_counter() - started


def send(name: str, key: str) -> None:
    literal = ["-l", key[1:]] if key.startswith("=") else [key]
    subprocess.run(["tmux", "send-keys", "-t", name, *literal], check=True)


def agenda_titles(db: Path) -> list[str]:
    with driver.connect(db, None) as connection:
        return [row[0] for row in connection.execute("SELECT title FROM agenda_items ORDER BY position")]


def wait_for_agenda(db: Path, items: int, timeout: float = 30.0) -> list[str]:
    """The agenda once it has `items` items: the last title typed is on screen before it is saved."""
    deadline = time.perf_counter() + timeout
    while len(titles := agenda_titles(db)) < items and time.perf_counter() < deadline:
        time.sleep(0.01)
    return titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--install", action="store_true", help="run the README's install command in a fresh clone")
    parser.add_argument("--size", default="120x40", help="terminal size, COLSxROWS")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    tmux.rm_tui_or_exit()

    with tempfile.TemporaryDirectory() as scratch:
        home = Path(scratch) / "home"
        home.mkdir()
        install_seconds = 0.0
        if args.install:
            rm_tui, install_seconds = install(Path(scratch) / "clone")
            command = str(rm_tui)
        else:
            command = f"cd {REPO} && {sys.executable} -m rm_tui"
        # A fresh home: the app finds no database and starts on an empty one.
        environment = f"env -i PATH={os.environ['PATH']} HOME={home} TERM=xterm-256color LANG=C.UTF-8"
        name = tmux.start(f"{environment} sh -c '{command}'", size=(columns, rows))
        try:
            tmux.wait_for(name, "No mentorships yet")
            machine = 0.0
            human = 0.0
            for step in STEPS:
                started = time.perf_counter()
                for key in step.keys:
                    send(name, key)
                tmux.wait_for(name, step.then, timeout=30)
                taken = time.perf_counter() - started
                machine += taken
                human += step.human_seconds()
                print(f"  {step.says:<52}{taken:>6.2f} s machine  {step.human_seconds():>5.1f} s person")
            started = time.perf_counter()
            titles = wait_for_agenda(home / ".local" / "share" / "rm-tui" / "rm-tui.db", items=2)
            machine += time.perf_counter() - started
        finally:
            tmux.stop(name)

    if len(titles) != 2 or "Figma" not in titles[0] or titles[1] != "One thing I tried since last time":
        sys.exit(f"newcomer: the agenda is not the two items expected: {titles}")
    total = install_seconds + machine + human
    print(f"agenda: {titles}")
    print(f"install {install_seconds:.1f} s + app {machine:.1f} s + person {human:.1f} s = {total:.1f} s "
          f"(target under {TARGET_SECONDS} s: {'met' if total < TARGET_SECONDS else 'MISSED'})")


if __name__ == "__main__":
    main()
