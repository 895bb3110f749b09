"""Shared fixtures: a fresh database per test, a fixed 'today', no real user files."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from rm_tui.models import MentorshipDraft
from rm_tui.store import Store
from rm_tui.store.driver import Key

TODAY = date(2026, 11, 24)
MEETING_START = datetime(2026, 11, 24, 16, 0, tzinfo=UTC)


class FakeClock:
    """A wall clock the test moves by hand, so timers are checked without waiting."""

    def __init__(self, start: datetime = MEETING_START) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta: float) -> None:
        self.moment += timedelta(**delta)


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keep every test away from the real data folder and the real RM_TUI_DB."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("RM_TUI_TOPICS", str(home / "topics"))
    monkeypatch.delenv("RM_TUI_DB", raising=False)
    # No real keyring is read or written: the null backend knows no passphrase, silently.
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.null.Keyring")
    monkeypatch.delenv("RM_TUI_PASSPHRASE_FILE", raising=False)
    return home


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "rm.db"


@pytest.fixture
def user_topics(tmp_path: Path) -> Path:
    folder = tmp_path / "my-topics"
    folder.mkdir()
    return folder


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def store(db_path: Path, user_topics: Path, clock: FakeClock):
    opened = Store.open(db_path, today=lambda: TODAY, now=clock)
    opened.sync_topics(user_topics)
    yield opened
    opened.close()


def draft(**changes: object) -> MentorshipDraft:
    """A valid mentorship form, with any fields changed."""
    fields: dict[str, object] = {
        "leader": "Dana Whitfield",
        "mentor": "Sam Ortiz",
        "expertise": "ran the short-video launch",
        "focus": "how customers use AI assistants",
    }
    fields.update(changes)
    return MentorshipDraft(**fields)  # type: ignore[arg-type]


def mentors(db: Path, key: Key | None = None) -> list[str]:
    """The mentors' names in the database at `db` (ended mentorships too), sorted: what a copy holds."""
    store = Store.open(db, key=key)
    try:
        return sorted(entry.mentorship.mentor for entry in store.list_mentorships(include_ended=True))
    finally:
        store.close()


def add_mentor(db: Path, name: str, key: Key | None = None) -> None:
    """A mentorship with `name` written to the database at `db`, through a store of its own."""
    store = Store.open(db, key=key)
    try:
        store.create_mentorship(draft(mentor=name))
    finally:
        store.close()
