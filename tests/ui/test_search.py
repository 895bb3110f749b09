"""The search screen (F9) and the command palette find what was written and open it."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandList
from textual.geometry import Region
from textual.widgets import Input, OptionList, TextArea

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.live_session import LiveSessionScreen
from screens.search import SearchScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text, toasts


def _meeting(store: Store) -> tuple[int, int, int]:
    session = store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    store.mark_rules_shown(session)
    first = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    second = store.add_agenda_item(session, title="Our all-hands", proposed_by="leader")
    store.save_note(NoteText(None, session, second, "leader", "shared", "Open with the [bold]swimlane[/] story"))
    store.save_note(NoteText(None, session, second, "leader", "off_record", "The swimlane reorg rumour"))
    return session, first, second



async def search_for(pilot, words: str) -> None:
    """Open the search (F9) and type `words`, key by key, as a person would."""
    await pilot.pause()
    await pilot.press("f9")
    await pilot.press(*words)
    await pilot.pause(0.2)

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
        await pilot.press("enter")  # the top hit
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
        await search_for(pilot, "swimlane")
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
        await search_for(pilot, "swimlane")
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
        await search_for(pilot, "swimlane")
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


async def _searched(pilot, words: str) -> SearchScreen:
    await pilot.pause()
    await pilot.press("f9")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.2)
    assert isinstance(pilot.app.screen, SearchScreen)
    return pilot.app.screen


async def test_enter_in_the_search_box_opens_the_top_hit(db_path: Path, store: Store) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _searched(pilot, "rumour")
        assert "1 match, newest first · enter opens it" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LiveSessionScreen)
        assert "rumour" in app.screen.query_one("#editor", TextArea).text


async def test_down_goes_into_the_hits_and_the_first_enter_there_opens_the_top_one(
    db_path: Path, store: Store
) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _searched(pilot, "swimlane")
        await pilot.press("down")
        await pilot.pause()
        results = screen.query_one("#results", OptionList)
        assert app.focused is results and results.highlighted == 0
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LiveSessionScreen)
        assert "swimlane" in app.screen.query_one("#editor", TextArea).text


async def test_down_twice_and_enter_opens_the_second_hit(db_path: Path, store: Store) -> None:
    session, first, _ = _meeting(store)
    store.save_note(NoteText(None, session, first, "leader", "shared", "A Notion swimlane board"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await _searched(pilot, "swimlane")
        second = _results(app)[1].split("\n")[1].strip()
        await pilot.press("down", "down", "enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, LiveSessionScreen)
        assert second in app.screen.query_one("#editor", TextArea).text


async def test_typing_in_the_hits_edits_the_search_and_up_on_the_top_one_goes_back(
    db_path: Path, store: Store
) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _searched(pilot, "swim")
        query = screen.query_one("#query", Input)
        results = screen.query_one("#results", OptionList)
        await pilot.press("down", *"lane")
        await pilot.pause(0.2)
        assert query.value == "swimlane" and app.focused is query
        assert "2 matches" in screen_text(app)
        await pilot.press("down", "space", *"reorg")
        await pilot.pause(0.2)
        assert query.value == "swimlane reorg" and "1 match" in screen_text(app)
        await pilot.press("down", "backspace")
        await pilot.pause(0.2)
        assert query.value == "swimlane reor" and app.focused is query
        await pilot.press("down")
        await pilot.pause()
        assert app.focused is results
        await pilot.press("up")
        await pilot.pause()
        assert app.focused is query and isinstance(app.screen, SearchScreen)


async def test_enter_with_nothing_to_open_says_so_and_stays(db_path: Path, store: Store) -> None:
    _meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("f9", "enter")
        await pilot.pause()
        assert "Type a few letters of what you are looking for first." in toasts(app)
        await pilot.press(*"rumourx", "enter")
        await pilot.pause(0.2)
        assert "Nothing matches the search: change it and try again." in toasts(app)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).value == "rumourx"


async def test_a_long_result_wraps_under_its_own_words_at_80_columns(db_path: Path, store: Store) -> None:
    session, _, _ = _meeting(store)
    store.add_agenda_item(session, title="Show me the short-video launch from the inside, start to finish",
                          proposed_by="mentor")
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _searched(pilot, "launch")
        results = screen.query_one("#results", OptionList)
        width, height = results.outer_size
        drawn = [strip.text[2:-2] for strip in results.render_lines(Region(0, 1, width, height - 2))]
        lines = [line for line in drawn if line.strip()]
        assert lines[0].startswith("agenda    Show me the short-video launch")
        assert len(lines) > 1, "the hit is wider than 80 columns: it goes on below"
        assert all(line.startswith(" " * 10) for line in lines[1:]), lines  # under the words, not the kind
        assert "Sam Ortiz" in " ".join(lines) and "proposed by the mentor" in " ".join(" ".join(lines).split())
