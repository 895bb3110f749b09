"""The search screen (F9) and the command palette find what was written and open it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList
from textual.widgets import OptionList, TextArea

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.live_session import LiveSessionScreen
from screens.search import SearchScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text


def _meeting(store: Store) -> tuple[int, int, int]:
    session = store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    store.mark_rules_shown(session)
    first = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    second = store.add_agenda_item(session, title="Our all-hands", proposed_by="leader")
    store.save_note(NoteText(None, session, second, "leader", "shared", "Open with the [bold]swimlane[/] story"))
    store.save_note(NoteText(None, session, second, "leader", "off_record", "The swimlane reorg rumour"))
    return session, first, second


async def test_search_shows_context_and_opens_the_note_where_it_was_written(db_path: Path, store: Store) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        await pilot.press(*"swimla")  # as you type: the start of a word is enough
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "Open with the [bold]swimlane[/] story" in text  # shown literally, markup and all
        assert "The swimlane reorg rumour" in text and "2 matches, newest first" in text
        await pilot.press("enter", "enter")
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, LiveSessionScreen)
        assert screen.query_one("#agenda", OptionList).highlighted == 1  # the second item, where it was written
        assert "Our all-hands" in str(screen.query_one("#item-heading").render())
        assert "swimlane" in screen.query_one("#editor", TextArea).text


async def test_the_mentors_search_never_finds_private_or_off_record_text(db_path: Path, store: Store) -> None:
    _meeting(store)
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.press(*"swimlane")
        await pilot.pause(0.2)
        text = screen_text(app)
        assert "swimlane" in text and "rumour" not in text and "shared notes only" in text


async def test_the_command_palette_searches_notes_too(db_path: Path, store: Store) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"rumour")
        await pilot.pause(0.8)
        commands = app.screen.query_one(CommandList)
        prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert any(p.startswith("note: Our all-hands") for p in prompts)
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, LiveSessionScreen)
        assert "rumour" in app.screen.query_one("#editor", TextArea).text


def _results(app) -> list[str]:
    """Each result as read on screen, one string per hit."""
    results = app.screen.query_one("#results", OptionList)
    return [str(results.get_option_at_index(i).prompt) for i in range(results.option_count)]


async def test_the_leaders_results_mark_private_and_off_record_hits(db_path: Path, store: Store) -> None:
    session, first, _ = _meeting(store)
    store.save_note(NoteText(None, session, first, "leader", "private", "A swimlane of my own"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.press(*"swimlane")
        await pilot.pause(0.2)
        hits = {hit.split("\n")[1].strip(): hit.split("\n")[0] for hit in _results(app)}
        assert "OFF-RECORD" in hits["The swimlane reorg rumour"]
        assert "PRIVATE" in hits["A swimlane of my own"]
        shared = hits["Open with the [bold]swimlane[/] story"]
        assert "PRIVATE" not in shared and "OFF-RECORD" not in shared


async def test_the_mentors_results_carry_no_marks_and_none_of_the_leaders_hits(db_path: Path, store: Store) -> None:
    session, first, _ = _meeting(store)
    store.save_note(NoteText(None, session, first, "leader", "private", "A swimlane of my own"))
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.press(*"swimlane")
        await pilot.pause(0.2)
        hits = _results(app)
        assert len(hits) == 1 and "Open with the [bold]swimlane[/] story" in hits[0]
        assert "PRIVATE" not in hits[0] and "OFF-RECORD" not in hits[0]
        assert "1 match, newest first" in screen_text(app)


async def test_one_result_is_counted_as_one_match(db_path: Path, store: Store) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("f9")
        await pilot.press(*"rumour")
        await pilot.pause(0.2)
        assert "1 match, newest first" in screen_text(app)
        await pilot.press(*"x")  # "rumourx": nothing
        await pilot.pause(0.2)
        assert "nothing found" in screen_text(app)
