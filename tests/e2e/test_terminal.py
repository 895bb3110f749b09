"""The installed `rm-tui`, run in a real terminal (tmux) and used with keys, as a person would."""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from rm_tui.models import MentorshipDraft
from rm_tui.store import Store

pytestmark = pytest.mark.e2e

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
        subprocess.run(["tmux", "set-option", "-t", self.name, "window-size", "manual"], check=False, capture_output=True)
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


@pytest.fixture
def terminal_env(tmp_path: Path, isolated_user_dirs: Path) -> dict[str, str]:
    require_tools()
    return {
        "RM_TUI_DB": str(tmp_path / "e2e.db"),
        "HOME": str(isolated_user_dirs),
        "XDG_DATA_HOME": str(isolated_user_dirs / "data"),
        "RM_TUI_TOPICS": str(isolated_user_dirs / "topics"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }


@pytest.fixture
def terminal(terminal_env: dict[str, str]) -> Iterator[Terminal]:
    term = Terminal([str(RM_TUI)], terminal_env)
    yield term
    term.close()


def test_set_up_a_mentorship_in_a_real_terminal(terminal: Terminal, terminal_env: dict[str, str]) -> None:
    terminal.wait_for("No mentorships yet")
    terminal.keys("n")
    terminal.wait_for("New mentorship")
    terminal.type("Dana Whitfield")
    terminal.keys("Tab")
    terminal.type("Sam [/] Ortiz")
    terminal.keys("Tab")
    terminal.type("Short video")
    terminal.keys("Tab")
    terminal.type("How customers use AI")
    terminal.keys("C-s")
    home = terminal.wait_for("Sam [/] Ortiz mentors Dana Whitfield")
    assert "How customers use AI" in home and "plan the first one" in home

    terminal.keys("F3")
    library = terminal.wait_for("Topic library")
    assert "Technology Deep Dive (12)" in library and "Show and Tell (12)" in library

    terminal.keys("C-q")
    time.sleep(1.0)
    with sqlite3.connect(terminal_env["RM_TUI_DB"]) as conn:
        rows = conn.execute("SELECT leader, mentor, focus FROM mentorships").fetchall()
    assert rows == [("Dana Whitfield", "Sam [/] Ortiz", "How customers use AI")]


def test_a_foreign_file_is_refused_in_one_line(terminal_env: dict[str, str], tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00not a database at all" * 100)
    result = subprocess.run(
        [str(RM_TUI), "--db", str(junk)], capture_output=True, text=True, env={**os.environ, **terminal_env}, timeout=30
    )
    assert result.returncode == 2
    assert result.stderr.strip() == f"rm-tui: {junk} is not an rm-tui database (it is not an SQLite file)"
    assert result.stdout == ""


def test_build_an_agenda_in_a_real_terminal(terminal_env: dict[str, str]) -> None:
    store = Store.open(terminal_env["RM_TUI_DB"])
    store.create_mentorship(MentorshipDraft(leader="Dana", mentor="Sam"))
    store.close()
    term = Terminal([str(RM_TUI)], terminal_env, size=(110, 30))
    try:
        term.wait_for("Sam")
        term.keys("s")
        term.wait_for("Ground rules")
        term.keys("Escape")
        term.wait_for("Speaking:")
        term.keys("Enter")  # the first library topic has a [Tool] placeholder
        term.wait_for("Preview")
        term.type("Notion")
        term.keys("Enter")
        term.wait_for("A real task in Notion")
        term.keys("F4", "C-n")
        term.wait_for("New agenda item")
        term.type("My favourite creator")
        term.keys("C-s")
        shown = term.wait_gone("New agenda item")  # the form closed; the item is on the agenda
        assert "My favourite creator" in shown and "A real task in Notion" in shown
    finally:
        term.close()
    with sqlite3.connect(terminal_env["RM_TUI_DB"]) as conn:
        rows = conn.execute("SELECT title, proposed_by FROM agenda_items ORDER BY position").fetchall()
    assert rows == [("A real task in Notion, start to finish", "leader"), ("My favourite creator", "mentor")]


def _child_pids(parent: int) -> list[int]:
    """Processes whose parent is `parent`, read from /proc (no extra tools needed)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == parent:
            children.append(int(stat.parent.name))
    return children


def test_sigkill_mid_typing_loses_at_most_the_last_second(terminal_env: dict[str, str]) -> None:
    store = Store.open(terminal_env["RM_TUI_DB"])
    mentorship = store.create_mentorship(MentorshipDraft(leader="Dana", mentor="Sam"))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.close()
    words = "We planned a week in Notion together and she showed me the board view she uses daily. "
    text = (words * 4)[:300]
    term = Terminal([str(RM_TUI)], terminal_env, size=(100, 30))
    try:
        term.wait_for("Sam")
        term.keys("l")
        term.wait_for("SHARED")
        pane_pid = int(subprocess.run(["tmux", "display-message", "-p", "-t", term.name, "#{pane_pid}"],
                                      check=True, capture_output=True, text=True).stdout)
        (app_pid,) = _child_pids(pane_pid)
        sent_at: list[float] = []
        for n, character in enumerate(text):
            if n == 200:  # mid-word, mid-typing: no quit, no flush, nothing graceful
                killed_at = time.monotonic()
                os.kill(app_pid, signal.SIGKILL)
                break
            subprocess.run(["tmux", "send-keys", "-t", term.name, "-l", character], check=True)
            sent_at.append(time.monotonic())
            time.sleep(0.03)
    finally:
        term.close()
    typed_a_second_before = sum(1 for moment in sent_at if moment <= killed_at - 1.0)
    with sqlite3.connect(terminal_env["RM_TUI_DB"]) as conn:
        (body,) = conn.execute("SELECT body FROM notes WHERE agenda_item_id = ?", [item]).fetchone()
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert text.startswith(body)
    assert len(body) >= typed_a_second_before, (len(body), typed_a_second_before, len(sent_at))
