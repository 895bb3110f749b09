"""The installed `rm-tui`, run in a real terminal (tmux) and used with keys, as a person would."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

import pytest

from rm_tui.models import MentorshipDraft
from rm_tui.store import Store
from tests.e2e.terminal import RM_TUI, Terminal

pytestmark = pytest.mark.e2e

def test_set_up_a_mentorship_in_a_real_terminal(terminal: Terminal, terminal_env: dict[str, str]) -> None:
    terminal.wait_for("No mentorships yet")
    terminal.keys("n")
    # The form shows a moment before its first field has the focus: type once the cursor is in it.
    terminal.wait_for_cursor("e.g. why a few")  # the guided start opens on the first step
    terminal.type("why our videos don't spread")
    terminal.wait_for_field("I don't know", "why our videos don't spread")
    terminal.keys("Tab")
    terminal.type("What makes people watch?")
    terminal.wait_for_field("So I wonder", "What makes people watch?")
    terminal.keys("Tab", "Tab", "Tab", "Tab", "Tab")  # the other two goals are skipped
    terminal.type("Dana Whitfield")
    terminal.wait_for_field("Your name", "Dana Whitfield")
    terminal.keys("Tab")
    terminal.type("Sam [/] Ortiz")
    terminal.wait_for_field("Your mentor", "Sam [/] Ortiz")
    terminal.keys("Tab")
    terminal.type("Short video")
    terminal.wait_for_field("What they know well", "Short video")
    terminal.keys("Tab", "Tab", "Tab", "Tab")  # what impressed you, the manager step: skipped
    terminal.type("How customers use AI")
    terminal.wait_for_field("What you want to learn", "How customers use AI")
    terminal.keys("C-s")
    home = terminal.wait_for("Sam [/] Ortiz mentors Dana Whitfield")
    assert "How customers use AI" in home and "plan the first one" in home

    terminal.keys("F3")
    library = terminal.wait_for("Topic library")
    assert "Technology Deep Dive (12)" in library and "Show and Tell (12)" in library

    terminal.keys("C-q")
    assert terminal.wait_exited() == 0
    with sqlite3.connect(terminal_env["RM_TUI_DB"]) as conn:
        rows = conn.execute("SELECT leader, mentor, focus FROM mentorships").fetchall()
    assert rows == [("Dana Whitfield", "Sam [/] Ortiz", "How customers use AI")]


def test_keys_typed_right_after_tab_land_in_the_next_field(terminal: Terminal) -> None:
    """Tab and the letters after it can reach the app in one read (a fast typist, a busy
    machine, a remote terminal): the letters go where Tab moved the focus, not into the
    field it left."""
    terminal.wait_for("No mentorships yet")
    terminal.keys("n")
    terminal.wait_for_cursor(before="e.g. why a few")
    terminal.burst("reels", "Tab", "Tab", "shorts", "BTab", "why")  # BTab: shift+tab
    terminal.wait_for_field("So I wonder", "why")
    form = terminal.wait_for_field("And", "shorts")
    assert re.search(r"I don't know\s+reels\s", form), form


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
        term.wait_gone("Rank stays at the door")  # the rules closed: keys reach the agenda builder
        term.wait_for("Speaking:")
        term.keys("Enter")  # the first library topic has a [Tool] placeholder
        term.wait_for("Preview")
        term.wait_for_cursor("which tool?")
        term.type("Notion")
        term.wait_for_field("Tool", "Notion")
        term.keys("Enter")
        term.wait_for("A real task in Notion")
        term.keys("F4")
        term.wait_for("MENTOR")  # the speaker badge: what is added now is the mentor's
        term.keys("C-n")
        term.wait_for("New agenda item")
        term.wait_for_cursor("what to talk about")
        term.type("My favourite creator")
        term.wait_for_field("Title", "My favourite creator")
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
        term.wait_for_cursor("Type your notes here")  # the note editor has the focus
        (app_pid,) = _child_pids(term.pane_pid())
        sent_at: list[float] = []
        for n, character in enumerate(text):
            if n == 200:  # mid-word, mid-typing: no quit, no flush, nothing graceful
                killed_at = time.monotonic()
                os.kill(app_pid, signal.SIGKILL)
                break
            term.tmux("send-keys", "-t", term.name, "-l", character)
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


def test_the_demo_opens_with_a_sample_mentorship_and_leaves_nothing_behind(
    terminal_env: dict[str, str], tmp_path: Path
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    term = Terminal([str(RM_TUI), "--demo"], {**terminal_env, "TMPDIR": str(scratch)}, size=(120, 36))
    try:
        shown = term.wait_for("Sam Ortiz")
        assert "Priya Nair" in shown
        term.wait_for("This is the demo")  # the welcome note, until it times out
        assert len(list(scratch.glob("rm-tui-demo-*/demo.db"))) == 1
        term.keys("l")
        term.wait_for("Ground rules")  # the next meeting opens with them, as a real one would
        term.keys("Escape")
        term.wait_gone("Rank stays at the door")
        term.wait_for("Follow-up: Draft the all-hands")  # the next meeting, carried items first
        term.keys("C-q")
        assert term.wait_exited() == 0  # gone from the screen is not yet done: it cleans up on its way out
    finally:
        term.close()
    assert list(scratch.iterdir()) == []
    assert not Path(terminal_env["RM_TUI_DB"]).exists()  # the real database was never touched
