"""A real terminal for end-to-end tests: the installed `rm-tui` in tmux, read with capture-pane."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import pytest

RM_TUI = Path(sys.executable).with_name("rm-tui")
EXITED = "rm-tui-test-exited-with-"


def require_tools() -> None:
    missing = [name for name, ok in (("tmux", shutil.which("tmux")), ("rm-tui", RM_TUI.exists())) if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")


class Terminal:
    """One tmux session running a command, read through capture-pane.

    Each runs on a tmux server of its own, started without any tmux configuration: a
    tmux the person running the tests already uses (its sessions, clients and options,
    which decide window sizes) changes nothing here.
    """

    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        self.name = f"rm-tui-test-{uuid.uuid4().hex[:8]}"
        self._tmux = ["tmux", "-L", self.name, "-f", os.devnull]
        exports = " ".join(f"{key}={value!s}" for key, value in env.items())
        # COLUMNS and LINES would override the pane's size (Textual asks shutil, which
        # prefers them), and pytest's process has them: importing readline sets them to
        # the size of the terminal pytest runs in. The marker after the command tells the
        # test the program has ended (its files closed, its clean-up done).
        shell_command = f"env -u COLUMNS -u LINES {exports} {' '.join(command)}; echo {EXITED}$?; sleep 60"
        self.tmux("new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), shell_command)
        self._socket = Path(self.tmux("display-message", "-p", "-t", self.name, "#{socket_path}").strip())
        # Some tmux versions size a detached window from default-size and ignore -x/-y; pin it.
        for pin in (["set-option", "-t", self.name, "window-size", "manual"],
                    ["resize-window", "-t", self.name, "-x", str(size[0]), "-y", str(size[1])]):
            subprocess.run([*self._tmux, *pin], check=False, capture_output=True)

    def tmux(self, *args: str) -> str:
        """Run a tmux command on this terminal's server; returns what it printed."""
        return subprocess.run([*self._tmux, *args], check=True, capture_output=True, text=True).stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise self.failure(f"{text!r} never appeared")

    def wait_gone(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text not in shown:
                return shown
            time.sleep(0.1)
        raise self.failure(f"{text!r} never went away")

    def failure(self, what: str) -> AssertionError:
        """`what` went wrong: the screen as text, and a copy with its colours kept.

        Text alone hides what only colour shows (which field has focus, whether a box
        is ticked: `▐X▌` either way); `cat` the copy in a terminal to see it as it was.
        """
        coloured = Path(tempfile.gettempdir()) / f"{self.name}.ansi"
        coloured.write_text(self.tmux("capture-pane", "-e", "-p", "-t", self.name))
        return AssertionError(f"{what}; the screen was:\n{self.screen()}\n(with its colours: {coloured})")

    def snapshot(self) -> tuple[str, tuple[int, int]]:
        """The screen and where the terminal's cursor is, read in one tmux call so they agree."""
        out = self.tmux("display-message", "-p", "-t", self.name, "#{cursor_x} #{cursor_y}", ";",
                        "capture-pane", "-p", "-t", self.name)
        where, _, shown = out.partition("\n")
        x, y = (int(n) for n in where.split())
        return shown, (x, y)

    def wait_for_cursor(self, before: str, timeout: float = 15.0) -> str:
        """Wait until the terminal's cursor stands at the start of `before`.

        The app puts the cursor in the field that takes the keys, as a person sees it:
        at an empty field's placeholder, it says that field has the focus, ready for
        typing. (An input puts the cursor one cell further on when its own cursor is at
        the end of its text, so either cell will do.)
        """
        deadline = time.monotonic() + timeout
        while True:
            shown, (x, y) = self.snapshot()
            lines = shown.splitlines()
            line = lines[y] if y < len(lines) else ""
            if any(line[at:].startswith(before) for at in {x, max(x - 1, 0)}):
                return shown
            if time.monotonic() > deadline:
                raise self.failure(f"the cursor never stood at {before!r}; it is at column {x} of\n{line!r}")
            time.sleep(0.1)

    def wait_for_field(self, label: str, value: str, timeout: float = 15.0) -> str:
        """Wait until a form shows `value` in the field beside `label` (every key of it taken, there)."""
        field = re.compile(rf"{re.escape(label)}\s+{re.escape(value)}(\s|$)", re.MULTILINE)
        deadline = time.monotonic() + timeout
        while True:
            shown = self.screen()
            if field.search(shown):
                return shown
            if time.monotonic() > deadline:
                raise self.failure(f"{label!r} never showed {value!r}")
            time.sleep(0.1)

    def wait_exited(self, timeout: float = 15.0) -> int:
        """Wait until the program has ended; returns its exit status."""
        shown = self.wait_for(EXITED, timeout)
        return int(shown.split(EXITED, 1)[1].split()[0])

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send keys one at a time, at a fast typist's pace.

        The pace is for realism only: a test waits for what the screen shows (a form
        open, the cursor in a field, typed text) before it relies on keys having landed.
        """
        for key in keys:
            self.tmux("send-keys", "-t", self.name, *(["-l"] if literal else []), key)
            time.sleep(0.05)

    def burst(self, *keys: str) -> None:
        """Send keys in one write, as keys arrive when they come faster than the app reads them."""
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text: str) -> None:
        self.keys(*text, literal=True)

    def pane_pid(self) -> int:
        """The process tmux started in the pane: the shell that runs the command."""
        return int(self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}"))

    def close(self) -> None:
        subprocess.run([*self._tmux, "kill-server"], check=False, capture_output=True)
        self._socket.unlink(missing_ok=True)  # tmux leaves its socket file behind
