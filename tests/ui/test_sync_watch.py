"""Another process's change shows as it lands: the app watches the database's files.

The slow poll of SQLite's data_version (CHANGE_POLL_SECONDS) is made an hour here,
so whatever shows up came through the watch, or through the quick poll the app falls
back to when the files cannot be watched.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest

import rm_tui.app
from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text, toasts

ROOT = Path(__file__).resolve().parents[2]
WAIT = 10.0  # the most a test waits for a change to show; it usually takes a few hundredths of a second

ADD_FROM_ANOTHER_PROCESS = """
import sys
from rm_tui.store import Store
store = Store.open(sys.argv[1])
store.add_agenda_item(int(sys.argv[2]), title=sys.argv[3], minutes=5, proposed_by="mentor")
store.close()
"""


@pytest.fixture(autouse=True)
def no_slow_poll(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rm_tui.app, "CHANGE_POLL_SECONDS", 3600)


@pytest.fixture
def session(store: Store) -> int:
    session_id = store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    store.mark_rules_shown(session_id)
    return session_id


def add_from_another_process(db_path: Path, session: int, title: str) -> None:
    subprocess.run([sys.executable, "-c", ADD_FROM_ANOTHER_PROCESS, str(db_path), str(session), title],
                   cwd=ROOT, check=True)


async def shows(pilot, text: str) -> bool:
    """Whether `text` comes on screen within WAIT seconds, without a key pressed."""
    for _ in range(int(WAIT / 0.05)):
        if text in screen_text(pilot.app):
            return True
        await pilot.pause(0.05)
    return False


async def test_an_item_added_by_another_process_shows_without_polling(db_path: Path, session: int) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "s", AgendaBuilderScreen)
        assert "Planned 0 of 45 min" in screen_text(app)
        add_from_another_process(db_path, session, "Reels vs Shorts")  # seen by the quick look
        assert await shows(pilot, "Reels vs Shorts")
        assert "Planned 5 of 45 min" in screen_text(app)
        assert await watching(pilot)
        add_from_another_process(db_path, session, "Our all-hands")  # through the watch: no poll left
        assert await shows(pilot, "Our all-hands")
        assert "Planned 10 of 45 min" in screen_text(app)


async def test_where_the_files_cannot_be_watched_the_app_polls_instead(
    db_path: Path, store: Store, session: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import watchfiles

    def refuse(*args: object, **options: object) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchfiles, "watch", refuse)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_screen(pilot, "s", AgendaBuilderScreen)
        store.add_agenda_item(session, title="Reels vs Shorts", minutes=5, proposed_by="mentor")
        assert await shows(pilot, "Reels vs Shorts")
        assert toasts(app) == ""  # nothing to tell the user: the change showed as usual


async def watching(pilot) -> bool:
    """Whether the database watch's thread comes up within WAIT seconds."""
    for _ in range(int(WAIT / 0.05)):
        if watch_running():
            return True
        await pilot.pause(0.05)
    return False


async def test_quitting_leaves_no_thread_behind(db_path: Path, session: int) -> None:
    before = set(threading.enumerate())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "s", AgendaBuilderScreen)
        add_from_another_process(db_path, session, "Reels vs Shorts")
        assert await shows(pilot, "Reels vs Shorts")
        assert await watching(pilot)  # the watch is on its own thread
        await pilot.press("ctrl+q")
    assert set(threading.enumerate()) - before == set()


async def test_a_window_used_alone_never_watches(db_path: Path, store: Store, session: int) -> None:
    """Its own writes, the note writer's included, are no reason to load the watch (7 MB)."""
    store.start_session(session)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")  # the running meeting
        await pilot.pause()
        await pilot.press(*"what we tried")
        await pilot.pause(1.0)  # autosaved, and looked at ten times over
        assert [hit.title for hit in store.search("tried")]  # the note writer has written it
        assert not watch_running()


def watch_running() -> bool:
    return any(thread.name == "rm-tui database watch" for thread in threading.enumerate())
