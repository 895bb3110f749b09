"""Driving a program in a detached tmux window: the benchmarks' one way to see a real terminal."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path


def rm_tui_or_exit() -> Path:
    """The installed rm-tui beside this Python, once tmux is known to be there."""
    if not shutil.which("tmux"):
        sys.exit("bench: tmux is needed (apt-get install tmux)")
    return Path(sys.executable).with_name("rm-tui")


def start(command: str, size: tuple[int, int] = (120, 40)) -> str:
    """Run `command` in a new detached window; returns the session name."""
    name = f"bench-{uuid.uuid4().hex[:8]}"
    args = ["tmux", "new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), f"{command}; sleep 60"]
    for _ in range(3):
        # Killing the last session stops the tmux server; a new session started while it
        # is still exiting fails, and a moment later succeeds.
        if subprocess.run(args, capture_output=True).returncode == 0:
            return name
        time.sleep(0.2)
    subprocess.run(args, check=True)
    return name


def screen(name: str) -> str:
    return subprocess.run(["tmux", "capture-pane", "-p", "-t", name], capture_output=True, text=True).stdout


def wait_for(name: str, text: str, timeout: float = 30.0, poll: float = 0.005) -> None:
    deadline = time.perf_counter() + timeout
    while text not in screen(name):
        if time.perf_counter() > deadline:
            raise RuntimeError(f"{text!r} never appeared:\n{screen(name)}")
        time.sleep(poll)


def stop(name: str) -> None:
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
