"""The live screen's labels at 80x24 and 120x40: whole words a person needs, none cut to '…'.

Read as drawn on screen (what the terminal shows), in both windows.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.ui.helpers import open_app, toasts
from tests.ui.live_session_helpers import drawn_row, open_live, plan_meeting
from widgets.live_item import ItemHeading

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
        if size[0] >= 120:
            assert "Tue 24 Nov 2026 · not started · F5 starts" in shown["top"]
            assert "ctrl+t changes" in shown["status"]
            assert shown["status"].endswith("yours only, never exported")  # what off-record means, whole
        else:
            assert "^t" in shown["status"]
            assert shown["status"].endswith("  never exported")  # what off-record means, shortened
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
        # One wording at every width: at 80 only "Session" goes.
        clock = "Session 0:00 of 45:00 · agenda 40 min"
        assert shown["clock"].strip() == (clock if size[0] >= 120 else clock.removeprefix("Session "))
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
        assert shown["status"].endswith(("^n writes yours", "^n new note", "seen by both, exported", "seen by both"))
        assert "Speaking:  MENTOR" in shown["top"]
        assert_whole(shown)


@pytest.mark.parametrize("size", SIZES)
async def test_a_topics_prompt_is_read_to_its_question_mark(db_path: Path, store: Store,
                                                            size: tuple[int, int]) -> None:
    _, session_id, _ = plan_meeting(store)
    prompt = ("Pick something you finished this week using Notion and replay it for me step by step. "
              "Which shortcuts or settings would I never have found on my own?")
    first = store.add_agenda_item(session_id, title="A real task in Notion, start to finish", proposed_by="leader",
                                  minutes=15, prompt=prompt)
    store.move_agenda_item(first, 0)  # the one the meeting opens on
    app = open_app(db_path)
    async with app.run_test(size=size) as pilot:
        screen = await open_live(pilot)
        heading = screen.query_one(ItemHeading)
        lines = [strip.text for strip in heading.render_lines(Region(0, 0, heading.region.width,
                                                                     heading.region.height))]
        assert lines[0].strip() == "A real task in Notion, start to finish"
        assert " ".join(" ".join(line.split()) for line in lines[1:] if line.strip()) == prompt


@pytest.mark.parametrize("size", SIZES)
async def test_discussed_on_the_session_as_a_whole_says_to_pick_an_item(db_path: Path, store: Store,
                                                                        size: tuple[int, int]) -> None:
    *_, items = plan_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=size) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+down", "ctrl+down", "ctrl+down")  # past the three items: the session as a whole
        await pilot.pause()
        await pilot.press("ctrl+o")
        await pilot.pause()
        notice = rows(app)["notice"].strip()
        assert notice.startswith("Pick an agenda item first") and notice.endswith(".")
        assert [store.get_agenda_item(item).status for item in items] == ["open"] * 3
