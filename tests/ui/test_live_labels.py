"""The live screen's labels at 80x24 and 120x40: whole words a person needs, none cut to '…'.

Read as drawn on screen (what the terminal shows), in both windows.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.ui.helpers import open_app, toasts
from tests.ui.live_session_helpers import drawn_row, open_live, plan_meeting

SIZES = [(80, 24), (120, 40)]


def rows(app) -> dict[str, str]:
    screen = app.screen
    return {name: drawn_row(screen.query_one(selector)) for name, selector in (
        ("top", "#live-top"), ("status", "#note-status"), ("clock", "#session-clock"), ("notice", "#live-notice"))
        if screen.query(selector)}


def assert_whole(shown: dict[str, str]) -> None:
    for name, row in shown.items():
        assert not row.endswith("…"), f"{name} is cut: {row!r}"


@pytest.mark.parametrize("size", SIZES)
async def test_the_heading_and_an_off_record_note_read_whole(db_path: Path, store: Store,
                                                             size: tuple[int, int]) -> None:
    plan_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=size) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+t", "ctrl+t")
        await pilot.pause()
        shown = rows(app)
        assert "Sam Ortiz" in shown["top"] and "F5 starts" in shown["top"] and "Speaking:  LEADER" in shown["top"]
        assert "OFF-RECORD" in shown["status"] and "by leader" in shown["status"]
        assert "t changes" in shown["status"]  # ctrl+t, or ^t when narrow
        if size[0] >= 120:
            assert "Tue 24 Nov 2026 · not started · F5 starts" in shown["top"]
            assert shown["status"].endswith("yours only, never exported")  # what off-record means, whole
        assert_whole(shown)


@pytest.mark.parametrize("size", SIZES)
async def test_the_meeting_started_is_said_under_the_note_whole(db_path: Path, store: Store,
                                                                 size: tuple[int, int]) -> None:
    plan_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=size, notifications=True) as pilot:
        await open_live(pilot)
        await pilot.press("f5")
        await pilot.pause()
        shown = rows(app)
        assert "LIVE" in shown["top"]
        assert "0:00" in shown["clock"] and "45:00" in shown["clock"] and "agenda 40 min" in shown["clock"]
        assert "ctrl+o" in shown.get("notice", "") and "discussed" in shown["notice"]
        assert toasts(app) == ""  # nothing lies over the notes pane
        assert_whole(shown)


@pytest.mark.parametrize("size", SIZES)
async def test_the_mentor_sees_the_leaders_note_is_read_only_and_how_to_write(db_path: Path, store: Store,
                                                                               size: tuple[int, int]) -> None:
    _, session_id, items = plan_meeting(store)
    store.save_note(NoteText(None, session_id, items[0], "leader", "shared", "the leader's words"))
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=size) as pilot:
        await open_live(pilot)
        await pilot.press("shift+tab", "left")  # the leader's note's tab
        await pilot.pause()
        shown = rows(app)
        assert "SHARED" in shown["status"] and "by leader  read only · ^n" in shown["status"]
        assert shown["status"].endswith(("^n writes yours", "^n new note", "seen by both, exported"))
        assert "Speaking:  MENTOR" in shown["top"]
        assert_whole(shown)
