"""The app on an encrypted database: it says so, and notes, search and export work as on a plain one."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Header

from rm_tui.app import make_app
from rm_tui.exporting import ExportRequest, render
from rm_tui.store import Store
from rm_tui.store.driver import Key
from screens.search import SearchScreen
from tests.conftest import TODAY, FakeClock
from tests.ui.helpers import SIZE, screen_text
from tests.ui.live_session_helpers import bodies, open_live, plan_meeting, wait_for_autosave

PASSPHRASE = "lamps in the hallway"


@pytest.fixture
def encrypted(tmp_path: Path) -> tuple[Path, int, list[int]]:
    db_path = tmp_path / "secret.db"
    store = Store.open(db_path, key=Key.new(PASSPHRASE), today=lambda: TODAY)
    _, session_id, items = plan_meeting(store)
    store.close()
    return db_path, session_id, items


def _open(db_path: Path, key: Key | None):
    return make_app(db_path, key=key, today=lambda: TODAY, now=FakeClock(), topics_dir=None)


def _title(app) -> str:
    header = app.screen.query_one(Header)
    return " ".join(str(widget.render()) for widget in header.query("HeaderTitle"))


async def test_home_says_the_database_is_encrypted(encrypted: tuple[Path, int, list[int]], db_path: Path) -> None:
    db, _, _ = encrypted
    app = _open(db, Key.for_file(PASSPHRASE, db))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "🔒 encrypted" in _title(app)
        assert "Sam Ortiz" in screen_text(app)
    plain = _open(db_path, None)
    async with plain.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "Mentorships" in _title(plain) and "encrypted" not in _title(plain)


async def test_live_notes_save_search_finds_them_and_export_has_them(encrypted: tuple[Path, int, list[int]]) -> None:
    db, session_id, items = encrypted
    key = Key.for_file(PASSPHRASE, db)
    app = _open(db, key)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press(*"the quokkaboard idea")
        await wait_for_autosave(pilot)  # written by the autosave thread, on its own keyed connection
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"quokka")
        await pilot.pause(0.2)
        assert "the quokkaboard idea" in screen_text(app)
    store = Store.open(db, key=key, today=lambda: TODAY)
    assert bodies(store, session_id, items[0]) == [("leader", "shared", "the quokkaboard idea")]
    assert "the quokkaboard idea" in render(store, ExportRequest(session_id=session_id))
    store.close()
    on_disk = b"".join(p.read_bytes() for p in db.parent.iterdir() if p.name.startswith(db.name))
    assert b"quokkaboard" not in on_disk
