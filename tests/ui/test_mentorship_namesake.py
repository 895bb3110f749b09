"""A second mentorship with a mentor's name already in use is made only once the leader says so."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from rm_tui.store import Store
from screens.confirm import ConfirmScreen
from screens.home import HomeScreen
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text, type_into


def since(store: Store, mentorship_id: int) -> str:
    return f"{date.fromisoformat(store.get_mentorship(mentorship_id).created_at[:10]):%b %Y}"


async def test_a_namesake_asks_going_back_keeps_the_form_then_yes_makes_a_second(db_path: Path,
                                                                                  store: Store) -> None:
    dana = store.create_mentorship(draft(mentor="Dana Reyes"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, leader="Lee Park", mentor="  dana REYES ", focus="short-form video")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        text = " ".join(screen_text(app).split())
        assert (f"You already have a mentorship with Dana Reyes (since {since(store, dana)}). "
                "Make a second one?") in text
        assert "y makes a second one · enter, escape or n goes back" in text

        await pilot.press("escape")  # go back: nothing made, the typing stays
        await pilot.pause()
        assert app.screen is form and form.query_one("#focus", Input).value == "short-form video"
        assert len(store.list_mentorships()) == 1

        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert [m.mentorship.focus for m in store.list_mentorships()].count("short-form video") == 1
    assert len(store.mentorships_named("Dana Reyes")) == 2


async def test_renaming_to_a_namesake_asks_and_no_leaves_the_name(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Dana Reyes"))
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))  # the newest: highlighted on the home screen
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e", MentorshipFormScreen)
        await type_into(pilot, mentor="Dana Reyes")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert "You already have a mentorship with Dana Reyes" in screen_text(app)
        await pilot.click("#no")
        await pilot.pause()
        assert isinstance(app.screen, MentorshipFormScreen)
    assert store.get_mentorship(sam).mentor == "Sam Ortiz"


async def test_saving_an_edit_under_the_same_name_asks_nothing(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e", MentorshipFormScreen)
        await type_into(pilot, mentor="sam ortiz", focus="podcasts")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert (store.get_mentorship(sam).mentor, store.get_mentorship(sam).focus) == ("sam ortiz", "podcasts")


async def test_a_new_name_asks_nothing(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Dana Reyes"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, leader="Lee Park", mentor="Dana")  # a part of a name is another name
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert len(store.list_mentorships()) == 2
