"""`rm-tui serve` in a real headless Chromium, beside the leader's rm-tui in a real terminal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from rm_tui.store import Store
from tests.conftest import draft
from tests.e2e.browser import BrowserPage, require_chromium
from tests.e2e.terminal import RM_TUI, Terminal

pytestmark = pytest.mark.e2e


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str  # the address to share, with its secret

    @property
    def base(self) -> str:
        return self.url.split("/?", 1)[0]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def agenda(terminal_env: dict[str, str]) -> int:
    """A mentorship with Sam and a planned session holding one item."""
    store = Store.open(terminal_env["RM_TUI_DB"])
    session = store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.close()
    return session


@pytest.fixture
def served(terminal_env: dict[str, str], agenda: int) -> Iterator[Served]:
    require_chromium()
    process = subprocess.Popen(
        [str(RM_TUI), "serve", "--port", str(_free_port())],
        env={**os.environ, **terminal_env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    lines = []
    for line in process.stdout:  # the address is printed once the port takes connections
        lines.append(line)
        if "Share this address" in line:
            break
    else:
        printed = "".join(lines)
        pytest.fail(f"rm-tui serve printed no address: {printed} {process.stderr.read() if process.stderr else ''}")
    url = lines[-1].split(": ", 1)[1].strip()
    yield Served(process, url)
    if process.poll() is None:
        process.send_signal(signal.SIGINT)  # as a person stops it: the pages' own rm-tui quit with it
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate(timeout=10)


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_every_request_without_the_secret_is_refused(served: Served) -> None:
    assert served.url.startswith("http://127.0.0.1:")  # loopback unless told otherwise
    for path in ("/", "/ws", "/static/js/textual.js", "/?token=not-the-secret"):
        assert _status(served.base + path) == 403, path
    assert _status(served.url) == 200


def test_the_mentor_in_a_browser_and_the_leader_in_a_terminal_edit_one_agenda(
    served: Served, terminal_env: dict[str, str], agenda: int, tmp_path: Path
) -> None:
    browser = BrowserPage(served.url, tmp_path / "profile")
    leader = Terminal([str(RM_TUI)], terminal_env, size=(120, 36))
    try:
        browser.wait_for("Sam Ortiz")
        browser.page.mouse.click(650, 400)  # focus the terminal, as a person clicks into it
        browser.press("s")
        browser.wait_for("A real task in Notion")
        # The leader adds an item in the terminal; the browser shows it with no key pressed.
        leader.wait_for("Sam Ortiz")
        leader.keys("s")
        leader.wait_for("A real task in Notion")
        leader.keys("C-n")
        leader.wait_for("New agenda item")
        leader.wait_for_cursor("what to talk about")  # the form has put the focus in its title
        leader.type("Reels vs Shorts")
        leader.wait_for_field("Title", "Reels vs Shorts")
        leader.keys("Enter")
        browser.wait_for("Reels vs Shorts", timeout=10)
        # The mentor adds one from the browser; it reaches the terminal, credited to the mentor.
        browser.press("Control+n")
        browser.wait_for("New agenda item")
        browser.wait_for_cursor("what to talk about")
        browser.type("Creators worth following")
        browser.wait_for("Creators worth following")
        browser.press("Enter")
        shown = leader.wait_for("Creators worth following", timeout=10)
        lines = shown.splitlines()
        at = next(n for n, line in enumerate(lines) if "Creators worth following" in line)
        assert "· mentor" in lines[at] + lines[at + 1]  # the agenda line wraps in a narrow pane
    finally:
        leader.close()
        browser.close()
    store = Store.open(terminal_env["RM_TUI_DB"])
    assert {(i.title, i.proposed_by) for i in store.agenda(agenda)} == {
        ("A real task in Notion", "leader"), ("Reels vs Shorts", "leader"), ("Creators worth following", "mentor")}
    store.close()


def _mentor_apps(db: str) -> list[str]:
    found = subprocess.run(["pgrep", "-f", "--", f"--db {db} --as mentor"], capture_output=True, text=True)
    return found.stdout.split()


def test_ctrl_c_stops_the_server_and_the_mentors_app(
    served: Served, terminal_env: dict[str, str], tmp_path: Path
) -> None:
    browser = BrowserPage(served.url, tmp_path / "profile")
    try:
        browser.wait_for("Sam Ortiz")
        assert _mentor_apps(terminal_env["RM_TUI_DB"])  # the page's own rm-tui is running
        served.process.send_signal(signal.SIGINT)
        out, err = served.process.communicate(timeout=20)
    finally:
        browser.close()
    assert served.process.returncode == 0, err
    assert "Stopped serving." in out
    assert "Traceback" not in err
    # The server told the page's rm-tui to quit and saw it hang up; the process itself
    # may take a moment more to end.
    deadline = time.monotonic() + 15
    while _mentor_apps(terminal_env["RM_TUI_DB"]) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _mentor_apps(terminal_env["RM_TUI_DB"]) == []
