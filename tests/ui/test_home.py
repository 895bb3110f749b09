"""The home screen and the mentorship form, driven with keys and the mouse."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input

from rm_tui.store import Store
from screens.help import HelpScreen
from screens.mentorship_form import MentorshipFormScreen
from tests.conftest import TODAY, draft
from tests.ui.helpers import SIZE, footer_keys, open_app, run_from_palette, screen_text, type_into
from widgets.row_list import RowList


def mentors(db_path: Path) -> list[str]:
    store = Store.open(db_path)
    try:
        return [o.mentorship.mentor for o in store.list_mentorships(include_ended=True)]
    finally:
        store.close()


async def test_empty_home_says_how_to_start(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No mentorships yet" in screen_text(app)
        assert not app.screen.query_one("#mentorships").display


async def test_create_a_mentorship_see_it_and_find_it_after_restart(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        assert isinstance(app.screen, MentorshipFormScreen)
        await type_into(pilot, leader="Dana Whitfield", mentor="Sam Ortiz", focus="AI assistants", cadence_days="21")
        await pilot.click("#manager_informed")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MentorshipFormScreen)
        text = screen_text(app)
        assert "Sam Ortiz" in text and "AI assistants" in text and "plan the first one" in text
        assert "every 21 days" in text and "Manager    yes" in text

    again = open_app(db_path)
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = again.screen.query_one("#mentorships", RowList)
        assert table.row_count == 1
        assert "Sam Ortiz" in screen_text(again)


async def test_an_empty_mentor_name_is_refused_and_nothing_saved(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_into(pilot, leader="Dana", mentor="   ")
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, MentorshipFormScreen)
        error = str(app.screen.query_one("#error").render())
        assert error == "The mentor's name cannot be empty"
        assert app.screen.focused is app.screen.query_one("#mentor")
        assert app.screen.query_one("#mentor").has_class("-invalid")
        assert app.screen.query_one("#leader", Input).value == "Dana"  # what was typed stays
        await pilot.press("escape", "escape")  # the second escape answers "Discard what you typed?"
        await pilot.pause()
        assert "No mentorships yet" in screen_text(app)
    assert mentors(db_path) == []


async def test_edit_then_archive_and_restore(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the highlighted row opens the form
        assert isinstance(app.screen, MentorshipFormScreen)
        await type_into(pilot, mentor="Samira Ortiz")
        await pilot.press("enter")
        await pilot.pause()
        assert "Samira Ortiz" in screen_text(app)

        await pilot.press("a")
        await pilot.pause()
        assert "No mentorships yet" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert "(ended)" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert "Samira Ortiz" in screen_text(app) and "(ended)" not in screen_text(app)
    assert mentors(db_path) == ["Samira Ortiz"]


async def test_user_text_is_shown_literally(db_path: Path, store: Store) -> None:
    tricky = "[/] [bold]Ro$e[/bold] \x1b[31m"
    store.create_mentorship(draft(mentor=tricky, focus="[link=x]y", expertise="[red]"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[/] [bold]Ro$e[/bold]" in text
        assert "[link=x]y" in text and "[red]" in text
        await pilot.press("e")
        await pilot.pause()
        # Stored and shown without the escape character that would drive the terminal.
        assert "[/] [bold]Ro$e[/bold] [31m" in str(app.screen.query_one("#form-title").render())


async def test_a_change_from_another_process_appears_without_a_key(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        store.create_mentorship(draft(mentor="Written elsewhere"))
        await pilot.pause(0.6)
        assert "Written elsewhere" in screen_text(app)


async def test_help_lists_this_screens_keys_and_the_global_ones(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for expected in ("New", "Archive/restore", "Show archived", "Topics", "Quit", "ctrl+p"):
            assert expected in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_every_key_action_is_in_the_command_palette(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"New", "Edit", "Archive/restore", "Show archived", "Help", "Topics", "Mentorships"} <= titles
        await run_from_palette(pilot, "New")
        assert isinstance(app.screen, MentorshipFormScreen)


async def test_manager_checkbox_toggles_with_space(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_into(pilot, leader="Dana", mentor="Sam")
        await pilot.press("tab", "tab", "tab")  # expertise, what impressed you, then the manager step
        assert app.screen.focused is app.screen.query_one("#manager_informed")
        await pilot.press("space")
        assert app.screen.query_one("#manager_informed", Checkbox).value is True
        await pilot.press("ctrl+s")
        await pilot.pause()
    store = Store.open(db_path, today=lambda: TODAY)
    assert store.list_mentorships()[0].mentorship.manager_informed is True
    store.close()


async def test_plan_a_session_with_a_typed_date_and_see_it_listed(db_path: Path, store: Store) -> None:
    from screens.session_form import SessionFormScreen

    mentorship_id = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, SessionFormScreen)
        assert app.screen.query_one("#scheduled_on", Input).value == TODAY.isoformat()
        await type_into(pilot, scheduled_on="someday")
        await pilot.press("enter")
        await pilot.pause()
        assert "'someday' is not a date" in str(app.screen.query_one("#error").render())
        assert store.list_sessions(mentorship_id) == []
        await type_into(pilot, scheduled_on="+7d", minutes="60")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SessionFormScreen)
        assert "Tue 01 Dec planned" in screen_text(app)
    (session,) = store.list_sessions(mentorship_id)
    assert session.minutes == 60


async def test_f1_help_stays_in_the_footer_at_80_columns_on_every_main_screen(db_path: Path) -> None:
    def help_key_in_sight() -> bool:
        keys = footer_keys(app.screen)
        palette_start = next(start for key, _, _, start, _ in keys if key == app.COMMAND_PALETTE_BINDING)
        return any(key == "f1" and end <= palette_start for key, _, _, _, end in keys)

    store = Store.open(db_path, today=lambda: TODAY)
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.close()
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert help_key_in_sight(), "home"
        for key, name in (("f6", "follow-ups"), ("f3", "topics"), ("f2", "home")):
            await pilot.press(key)
            await pilot.pause()
            assert help_key_in_sight(), name
        for key, screen in (("s", "AgendaBuilderScreen"), ("f5", "LiveSessionScreen")):
            await pilot.press(key)
            await pilot.pause()
            if type(app.screen).__name__ == "GroundRulesScreen":  # shown the first time
                await pilot.press("escape")
                await pilot.pause()
            assert type(app.screen).__name__ == screen
            assert help_key_in_sight(), screen


async def test_an_ended_mentorship_says_ended_not_when_it_is_due(db_path: Path) -> None:
    store = Store.open(db_path, today=lambda: TODAY)
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.close()
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "h")
        await pilot.pause()
        row = screen_text(app).splitlines()
        (line,) = [r for r in row if "Sam Ortiz" in r and "|" in r]
        assert "(ended)" in line and "| ended |" in line and "paused" not in line


async def test_a_click_shows_a_mentorships_details_and_a_second_click_edits_it(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.create_mentorship(draft(mentor="Priya Nair", focus="writing prompts"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#mentorships", offset=(3, 2))  # the header, Priya (by name), Sam
        await pilot.pause()
        assert "Sam Ortiz mentors" in screen_text(app)
        await pilot.click("#mentorships", offset=(3, 1))
        await pilot.pause()
        assert "Priya Nair mentors" in screen_text(app) and not isinstance(app.screen, MentorshipFormScreen)
        await pilot.click("#mentorships", offset=(3, 1))
        await pilot.pause()
        assert isinstance(app.screen, MentorshipFormScreen)
        assert "Edit mentorship with Priya Nair" in screen_text(app)
