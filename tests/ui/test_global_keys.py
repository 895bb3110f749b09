"""The keys that work everywhere go where their names say, from every screen and dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.store import Store
from screens.help import HelpScreen
from screens.home import HomeScreen
from screens.live_session import LiveSessionScreen
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text, toasts

# Where a person can be, and the keys that take them there from the mentorships.
PLACES = {
    "mentorships": [],
    "agenda builder": ["s"],
    "live session": ["l"],
    "follow-ups": ["f6"],
    "champion log": ["c"],
    "progress": ["g"],
    "the ask": ["w"],
    "topic library": ["f3"],
    "search": ["f9"],
    "search over the topic library": ["f3", "f9"],
    "search over the follow-ups": ["f6", "f9"],
    "help": ["f1"],
    "help over the live session": ["l", "f1"],
    "command palette": ["ctrl+p"],
    "command palette over the builder": ["s", "ctrl+p"],
}

# Each global key and the header it must show.
GOES_TO = {"f2": "Mentorships", "f3": "Topic library", "f6": "Follow-ups", "f9": "Search"}


def header(app) -> str:
    """The header line as read: the app's name and the screen's."""
    return str(app.screen.query_one("HeaderTitle").render())  # by CSS type name: a private module's class


def running_meeting(store: Store) -> int:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader", minutes=15)
    store.start_session(session)
    return session


async def go_to(pilot, place: str) -> None:
    for key in PLACES[place]:
        await pilot.press(key)
        await pilot.pause()


@pytest.mark.parametrize("place", list(PLACES))
async def test_every_global_key_lands_on_the_screen_it_names(db_path: Path, store: Store, place: str) -> None:
    running_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, title in GOES_TO.items():
            await pilot.press("f2")  # from wherever the last key led: back to the start
            await pilot.pause()
            await go_to(pilot, place)
            await pilot.press(key)
            await pilot.pause()
            assert not app.screen.is_modal, f"{key} from {place}: a dialog is still open"
            assert header(app).endswith(title), f"{key} from {place} shows {header(app)!r}"
            if key != "f9":
                assert len(app.screen_stack) == 1, f"{key} from {place}: screens left on top of {title}"
        await pilot.press("f2")
        await pilot.pause()
        await go_to(pilot, place)
        await pilot.press("f1")
        await pilot.pause()
        if place.startswith("help"):
            assert not isinstance(app.screen, HelpScreen), "F1 on help closes it"
        else:
            assert isinstance(app.screen, HelpScreen), f"f1 from {place}"
            assert app.screen.query_one("#help").border_title == "Help"


async def test_leaving_a_running_meeting_with_f2_says_so_and_l_goes_back(db_path: Path, store: Store) -> None:
    session = running_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        await pilot.press(*"said in the meeting")
        await pilot.press("f2")
        await pilot.pause()
        assert header(app).endswith("Mentorships")
        assert "The meeting with Sam Ortiz is still running: l opens it again." in toasts(app)
        assert store.get_session(session).status == "live"
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
        assert app.screen.session_id == session
        assert "said in the meeting" in app.screen.query_one("#editor").text


async def test_a_form_with_typing_stays_open_under_a_global_key(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Dana")
        for key in ("f2", "f3", "f6", "f9"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, MentorshipFormScreen), key
        assert "A dialog is open: finish it first, or escape closes it." in toasts(app)
        assert store.list_mentorships() == []


async def test_f2_comes_back_to_the_first_home_screen_with_its_highlight(db_path: Path, store: Store) -> None:
    """Home is the app's first screen, and stays the one F2 and the search come back to."""
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.create_mentorship(draft(mentor="Priya Nair"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.screen
        assert isinstance(first, HomeScreen)
        await pilot.press("down")  # Sam, after Priya
        for away in ("f3", "f6", "f3"):
            await pilot.press(away)
            await pilot.pause()
            assert not isinstance(app.screen, HomeScreen)
            await pilot.press("f2")
            await pilot.pause()
            assert app.screen is first
            assert "Sam Ortiz mentors" in screen_text(app)
