"""A real terminal for end-to-end tests: the installed `rm-tui` in tmux, read with capture-pane."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

RM_TUI = Path(sys.executable).with_name("rm-tui")


def require_tools() -> None:
    missing = [name for name, ok in (("tmux", shutil.which("tmux")), ("rm-tui", RM_TUI.exists())) if not ok]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must provide {', '.join(missing)}")
        pytest.skip(f"needs {', '.join(missing)}")


class Terminal:
    """One tmux session running a command, read through capture-pane."""

    def __init__(self, command: list[str], env: dict[str, str], size: tuple[int, int] = (120, 40)) -> None:
        self.name = f"rm-tui-test-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{key}={value!s}" for key, value in env.items())
        shell_command = f"env {exports} {' '.join(command)}; sleep 60"
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), shell_command],
            check=True,
        )
        # Some tmux set-ups size a detached window from default-size and ignore -x/-y; pin it.
        subprocess.run(
            ["tmux", "set-option", "-t", self.name, "window-size", "manual"], check=False, capture_output=True
        )
        subprocess.run(
            ["tmux", "resize-window", "-t", self.name, "-x", str(size[0]), "-y", str(size[1])],
            check=False,
            capture_output=True,
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name], check=True, capture_output=True, text=True
        ).stdout

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen was:\n{self.screen()}")

    def wait_gone(self, text: str, timeout: float = 15.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            shown = self.screen()
            if text not in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never went away; the screen was:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        """Send keys one at a time, at a fast typist's pace."""
        for key in keys:
            args = ["tmux", "send-keys", "-t", self.name] + (["-l"] if literal else []) + [key]
            subprocess.run(args, check=True)
            time.sleep(0.05)

    def type(self, text: str) -> None:
        self.keys(*text, literal=True)

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], check=False, capture_output=True)
