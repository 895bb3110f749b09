"""Watching the database's files: another connection's commit is reported as it lands."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from rm_tui.db_watch import DbWatch
from rm_tui.store import Store
from rm_tui.store.driver import Key
from tests.conftest import TODAY, draft

WAIT = 10.0  # slack for a busy machine; the watch reports within a few hundredths of a second


class Calls:
    """What a watch reported, as events a test can wait on."""

    def __init__(self) -> None:
        self.changed = threading.Event()
        self.failures: list[Exception] = []
        self.failed = threading.Event()

    def change(self) -> None:
        self.changed.set()

    def failure(self, error: Exception) -> None:
        self.failures.append(error)
        self.failed.set()


def watch_threads() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "rm-tui database watch"]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_a_commit_by_another_connection_is_reported(tmp_path: Path, encrypted: bool) -> None:
    db = tmp_path / "rm.db"
    key = Key.new("a passphrase for the test") if encrypted else None  # SQLCipher writes the same -wal file
    mine = Store.open(db, key=key, today=lambda: TODAY)
    other = Store.open(db, key=key, today=lambda: TODAY)
    calls = Calls()
    watch = DbWatch(db, calls.change, calls.failure)
    watch.start()
    try:
        assert watch.watching.wait(WAIT)
        calls.changed.clear()  # the look it asks for once it starts watching
        seen = mine.change_token()
        other.create_mentorship(draft(mentor="Sam Ortiz"))
        assert calls.changed.wait(WAIT)
        assert mine.change_token() != seen  # what the app compares when told to look
        assert calls.failures == []
    finally:
        watch.stop()
        other.close()
        mine.close()


def test_a_commit_made_before_the_watch_began_is_looked_for(tmp_path: Path) -> None:
    db = tmp_path / "rm.db"
    other = Store.open(db, today=lambda: TODAY)
    calls = Calls()
    watch = DbWatch(db, calls.change)
    other.create_mentorship(draft())  # between opening the database and the watch being set up
    watch.start()
    try:
        assert calls.changed.wait(WAIT)
    finally:
        watch.stop()
        other.close()


def test_stopping_ends_the_thread(tmp_path: Path) -> None:
    db = tmp_path / "rm.db"
    Store.open(db).close()
    watch = DbWatch(db, lambda: None)
    watch.start()
    assert watch.watching.wait(WAIT)
    assert watch.running and len(watch_threads()) == 1
    watch.stop()
    assert not watch.running
    assert watch_threads() == []


def test_a_folder_that_cannot_be_watched_is_reported_not_raised(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    calls = Calls()
    watch = DbWatch(tmp_path / "gone" / "rm.db", calls.change, calls.failure)
    watch.start()
    assert calls.failed.wait(WAIT)
    assert isinstance(calls.failures[0], OSError)
    watch.stop()
    assert not watch.running and not calls.changed.is_set()
    assert capfd.readouterr().err == ""  # nothing printed over the app's screen


def test_stopping_a_watch_never_started_is_harmless(tmp_path: Path) -> None:
    watch = DbWatch(tmp_path / "rm.db", lambda: None)
    watch.stop()
    assert not watch.running
