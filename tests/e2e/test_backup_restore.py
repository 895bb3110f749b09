"""A meeting in a real terminal, a snapshot taken mid-meeting, the app killed, the snapshot restored."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rm_tui.models import MentorshipDraft
from rm_tui.store import Store
from tests.e2e.terminal import Terminal
from tests.e2e.test_terminal import _child_pids

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).parents[2]
# This checkout's rm-tui, run as `python -m rm_tui`: the same code the test imports.
RM_TUI_HERE = [sys.executable, "-m", "rm_tui"]


def rm_tui(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*RM_TUI_HERE, *args], env={**os.environ, **env}, capture_output=True, text=True,
                          check=False, cwd=PROJECT, stdin=subprocess.DEVNULL)


def wait_for_body(db: Path, item: int, wanted: str, timeout: float = 15.0) -> None:
    """Wait until the note on `item` holds `wanted` in the database (the autosave wrote it)."""
    deadline = time.monotonic() + timeout
    body = None
    while time.monotonic() < deadline:
        with sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT body FROM notes WHERE agenda_item_id = ?", [item]).fetchone()
        conn.close()
        body = row[0] if row else None
        if body == wanted:
            return
        time.sleep(0.1)
    raise AssertionError(f"the note never read {wanted!r}; it reads {body!r}")


def test_kill_the_app_mid_meeting_and_restore_the_last_snapshot(terminal_env: dict[str, str]) -> None:
    db = Path(terminal_env["RM_TUI_DB"])
    store = Store.open(db)
    mentorship = store.create_mentorship(MentorshipDraft(leader="Dana", mentor="Sam"))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.close()
    before = "Boards, not docs. "
    after = "Typed after the snapshot."
    term = Terminal([*RM_TUI_HERE], {**terminal_env, "PYTHONPATH": str(PROJECT)}, size=(100, 30))
    try:
        term.wait_for("Sam")
        term.keys("l")
        term.wait_for_cursor("Type your notes here")  # mid-meeting, the note editor has the focus
        (app_pid,) = _child_pids(term.pane_pid())
        term.type(before)
        wait_for_body(db, item, before)
        taken = rm_tui(terminal_env, "backup")  # while the app is open and the meeting runs
        assert taken.returncode == 0, taken.stderr
        snapshot = Path(taken.stdout.strip())
        term.type(after)
        wait_for_body(db, item, before + after)
        os.kill(app_pid, signal.SIGKILL)  # no quit, no flush: the app is gone
        term.wait_for("rm-tui-test-exited-with-")
    finally:
        term.close()
    restored = rm_tui(terminal_env, "restore", str(snapshot), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"restored {snapshot} as {db}\n")
    store = Store.open(db)
    try:
        (note,) = store.notes(session, item)
    finally:
        store.close()
    assert note.body == before  # everything up to the snapshot, and nothing typed after it
    (aside,) = db.parent.glob(f"{db.name}.before-restore-*")
    kept = Store.open(aside)
    try:
        assert [n.body for n in kept.notes(session, item)] == [before + after]
    finally:
        kept.close()
