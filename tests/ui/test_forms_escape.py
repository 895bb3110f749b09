"""Escape on a filled form asks before the typing is thrown away; an untouched form closes at once."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from rm_tui.store import Store
from screens.champion import ChampionScreen
from screens.champion_form import ChampionFormScreen
from screens.confirm import ConfirmScreen
from screens.follow_up_form import FollowUpFormScreen
from screens.home import HomeScreen
from screens.live_session import LiveSessionScreen
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text, type_into
from tests.ui.live_session_helpers import open_live, plan_meeting

QUESTION = "Discard what you typed?"


async def escape(pilot) -> None:
    await pilot.press("escape")
    await pilot.pause()


async def test_a_new_mentorship_asks_keeps_the_typing_then_discards_and_saves_nothing(db_path: Path,
                                                                                       store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, mentor="Sam Ortiz", focus="short-form video")
        await escape(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        text = screen_text(app)
        assert QUESTION in text and "escape or d discards · enter or k keeps editing" in text

        await pilot.press("enter")  # the safe answer has the focus
        await pilot.pause()
        assert app.screen is form
        assert form.query_one("#mentor", Input).value == "Sam Ortiz"
        assert form.query_one("#focus", Input).value == "short-form video"

        await escape(pilot)
        await pilot.press("k")
        await pilot.pause()
        assert app.screen is form and form.query_one("#mentor", Input).value == "Sam Ortiz"

        await escape(pilot)
        await pilot.click("#yes")  # "Discard", by mouse
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "No mentorships yet" in screen_text(app)
    assert store.list_mentorships(include_ended=True) == []


async def test_the_mentorship_forms_cancel_button_asks_too(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        form = await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, mentor="Sam Ortiz")
        await pilot.click("#cancel")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#no")  # "Keep editing", by mouse
        await pilot.pause()
        assert app.screen is form and form.query_one("#mentor", Input).value == "Sam Ortiz"
    assert store.list_mentorships(include_ended=True) == []


async def test_an_untouched_form_closes_at_once_and_so_does_one_typed_then_erased(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "n", MentorshipFormScreen)
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)

        await open_screen(pilot, "n", MentorshipFormScreen)
        await type_into(pilot, mentor="Sam")
        await pilot.press("backspace", "backspace", "backspace")
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_editing_a_mentorship_asks_only_once_something_changed(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz", focus="AI assistants"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "e", MentorshipFormScreen)
        await escape(pilot)
        assert isinstance(app.screen, HomeScreen)  # opened with its saved values: nothing to lose

        await open_screen(pilot, "e", MentorshipFormScreen)
        await type_into(pilot, focus="short-form video")
        await escape(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await escape(pilot)  # a second escape discards
        assert isinstance(app.screen, HomeScreen)
    assert store.get_mentorship(sam).focus == "AI assistants"


async def test_a_follow_up_asks_keeps_the_typing_then_discards_and_saves_nothing(db_path: Path,
                                                                                  store: Store) -> None:
    _, session_id, _ = plan_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+f")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, FollowUpFormScreen)
        await type_into(pilot, title="Try a Notion template")
        await escape(pilot)
        assert isinstance(app.screen, ConfirmScreen) and QUESTION in screen_text(app)

        await pilot.press("k")
        await pilot.pause()
        assert app.screen is form and form.query_one("#title", Input).value == "Try a Notion template"

        await escape(pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, LiveSessionScreen)
    assert store.follow_ups_for_session(session_id) == []


async def test_a_champion_entry_asks_before_it_is_thrown_away(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "c", ChampionScreen)
        form = await open_screen(pilot, "n", ChampionFormScreen)
        await type_into(pilot, note="Credited her caption idea")
        await escape(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.click("#no")
        await pilot.pause()
        assert app.screen is form and form.query_one("#note", Input).value == "Credited her caption idea"
        await escape(pilot)
        await escape(pilot)
        assert isinstance(app.screen, ChampionScreen)
    assert store.champion_entries(sam) == []


async def test_a_filled_placeholder_asks_before_escape_drops_the_topic(db_path: Path, store: Store) -> None:
    from screens.agenda_builder import AgendaBuilderScreen
    from screens.placeholder_form import PlaceholderFormScreen
    from tests.ui.test_agenda_builder import open_builder

    mentorship_id = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        await pilot.press(*"real task", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlaceholderFormScreen)
        await pilot.press(*"Figma")
        await escape(pilot)
        assert isinstance(app.screen, ConfirmScreen) and QUESTION in screen_text(app)
        await pilot.press("k")  # keep editing: the word is still there
        await pilot.pause()
        assert isinstance(app.screen, PlaceholderFormScreen)
        assert app.screen.query_one(Input).value == "Figma"
        await escape(pilot)
        await escape(pilot)  # a second escape answers "discard"
        assert isinstance(app.screen, AgendaBuilderScreen)
    session = store.upcoming_session(mentorship_id)
    assert session is not None and store.agenda(session.id) == []


async def test_an_untouched_placeholder_form_closes_at_once(db_path: Path, store: Store) -> None:
    from screens.agenda_builder import AgendaBuilderScreen
    from tests.ui.test_agenda_builder import open_builder

    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        await pilot.press(*"real task", "enter")
        await pilot.pause()
        await escape(pilot)
        assert isinstance(app.screen, AgendaBuilderScreen)
