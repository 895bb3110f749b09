"""The mentor's window offers only what the mentor may do, in words addressed to them.

The core decides (tests/unit/test_scope.py); these check that help, the footer, the
palette and the screens follow it, so no key is offered that would then be refused.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from rm_tui.models import MentorshipSetup, NoteText
from rm_tui.store import Store
from screens.champion import ChampionScreen
from screens.follow_ups import FollowUpsScreen
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.live_session import LiveSessionScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, footer_keys, open_app, open_screen, screen_text


@pytest.fixture
def mentorship(store: Store) -> int:
    sam = store.set_up_mentorship(draft(leader="Dana Whitfield", mentor="Sam Ortiz"), MentorshipSetup(), [])
    session = store.plan_session(sam)
    store.mark_rules_shown(session)
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.save_note(NoteText(None, session, item, "leader", "shared", "the leader's words"))
    store.add_follow_up(sam, title="Watch three reels", owner="leader", due="+7d")
    store.add_champion_entry(sam, kind="credit", note="Named Sam in the all-hands")
    return sam


async def _help_text(pilot) -> str:
    await pilot.press("f1")
    await pilot.pause()
    assert isinstance(pilot.app.screen, HelpScreen)
    text = screen_text(pilot.app)
    await pilot.press("escape")
    await pilot.pause()
    return text


def _footer_keys(app) -> set[str]:
    return {word for _, word, _, _, _ in footer_keys(app.screen)}


async def test_help_and_footer_in_the_mentors_window_offer_none_of_the_leaders_keys(
    db_path: Path, mentorship: int
) -> None:
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = await _help_text(pilot)
        for leaders in ("Set up a new mentorship", "Edit the selected mentorship", "Plan the next session",
                        "The message asking your mentor", "How the mentorship is going", "Flip who is speaking"):
            assert leaders not in text
        assert "Build the next session's agenda" in text and "Open the live session" in text
        assert not any(key.startswith(("n ", "e ")) for key in _footer_keys(app))


async def test_the_leaders_window_still_offers_them(db_path: Path, mentorship: int) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = await _help_text(pilot)
        assert "Set up a new mentorship" in text and "Flip who is speaking" in text


async def test_the_champion_log_is_read_only_and_speaks_to_the_mentor(db_path: Path, mentorship: int) -> None:
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "c", ChampionScreen)
        text = screen_text(app)
        assert "What you taught Dana Whitfield" in text and "What Dana Whitfield gave back" in text
        assert "taught you" not in text
        assert "Named Sam in the all-hands" in text
        await pilot.press("delete", "n", "i")  # the leader's keys: not offered, nothing happens
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        assert "Named Sam in the all-hands" in screen_text(app)
        help_text = await _help_text(pilot)
        assert "Log something you did" not in help_text and "impact" not in help_text.lower()


async def test_follow_ups_are_captured_by_the_mentor_but_marked_by_the_leader(
    db_path: Path, store: Store, mentorship: int
) -> None:
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "f6", FollowUpsScreen)
        await pilot.press("d", "x")
        await pilot.pause()
        assert [row.follow_up.status for row in store.list_follow_ups("all")] == ["open"]
        assert "Mark the highlighted follow-up done" not in await _help_text(pilot)


async def test_the_leaders_note_is_read_only_in_the_mentors_window(
    db_path: Path, store: Store, mentorship: int
) -> None:
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_screen(pilot, "l", LiveSessionScreen)
        await pilot.press("shift+tab", "left")  # the leader's note's tab
        await pilot.pause()
        editor = screen.query_one(TextArea)
        assert editor.text == "the leader's words"
        assert editor.read_only
        assert "read only · ^n writes yours" in screen_text(app)
        session = store.upcoming_session(mentorship)
        assert session is not None
        notes = store.notes(session.id, store.agenda(session.id)[0].id)
        assert [n.body for n in notes] == ["the leader's words"]


async def test_the_ground_rules_speak_to_whoever_reads_them(db_path: Path, mentorship: int) -> None:
    for role, own, others in (("mentor", "The leader carries the admin.", "You carry the admin."),
                              ("leader", "You carry the admin.", "The leader carries the admin.")):
        app = open_app(db_path, role=role)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            await pilot.press("ctrl+g")
            await pilot.pause()
            text = screen_text(app)
            assert own in text and others not in text
            assert not app.screen.query("Checkbox")  # shown on a key: no box to stop them at session start
