"""Another window's change redraws only what it changed in the agenda builder.

SQLite says only that another process wrote, so the builder hears of it as a change
to everything: it compares what it reads with what it shows, and the topic library
and the footer stay as they were when only the agenda moved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import OptionList

from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from tests.conftest import TODAY, draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text
from widgets.key_footer import KeyFooter

WAIT = 10.0  # the most a test waits for a change to show; it usually takes a few hundredths of a second


@pytest.fixture
def session(store: Store) -> int:
    session_id = store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    store.mark_rules_shown(session_id)
    return session_id


@pytest.fixture
def other_window(db_path: Path, user_topics: Path):
    """A second connection to the same file: its writes reach the app as another process's do."""
    opened = Store.open(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


async def until(pilot, condition: Callable[[], bool]) -> bool:
    """Whether `condition` comes true within WAIT seconds, without a key pressed."""
    for _ in range(int(WAIT / 0.05)):
        if condition():
            return True
        await pilot.pause(0.05)
    return False


async def shows(pilot, text: str) -> bool:
    """Whether `text` comes on screen within WAIT seconds."""
    return await until(pilot, lambda: text in screen_text(pilot.app))


async def scrolled_library(pilot) -> OptionList:
    """The library scrolled to its end, then its highlight moved up into the middle of the view."""
    library = pilot.app.screen.query_one("#library", OptionList)
    assert library.option_count > library.size.height  # more topics than fit: it scrolls
    await pilot.press("end", *["up"] * (library.size.height // 2))
    await pilot.pause()
    assert library.scroll_y > 0
    return library


async def test_an_item_added_in_another_window_leaves_the_library_where_it_was(
    db_path: Path, session: int, other_window: Store
) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "s", AgendaBuilderScreen)
        library = await scrolled_library(pilot)
        highlighted, scrolled = library.highlighted, library.scroll_y
        other_window.add_agenda_item(session, title="Reels vs Shorts", minutes=5, proposed_by="mentor")
        assert await shows(pilot, "Reels vs Shorts")
        await pilot.pause()
        assert (library.highlighted, library.scroll_y) == (highlighted, scrolled)


def pin_key(footer: KeyFooter) -> list[bool]:
    """Whether the footer's Pin key works, for each one it shows (none when it cannot be used)."""
    return [key.enabled for key in footer.shown if key.action == "pin_item"]


async def test_the_footer_is_rebuilt_only_when_its_keys_change(
    db_path: Path, session: int, other_window: Store
) -> None:
    other_window.add_agenda_item(session, title="Reels vs Shorts", minutes=5, proposed_by="mentor")
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_screen(pilot, "s", AgendaBuilderScreen)
        builder.query_one("#agenda", OptionList).focus()  # its highlighted item can be pinned
        footer = builder.query_one(KeyFooter)
        assert await until(pilot, lambda: pin_key(footer) == [True])
        await pilot.pause(0.2)  # settled
        keys = footer.shown
        for title in ("Our all-hands", "The town hall"):
            other_window.add_agenda_item(session, title=title, minutes=5, proposed_by="mentor")
            assert await shows(pilot, title)
            await pilot.pause(0.3)  # time for a rebuild, had there been one
        assert footer.shown is keys  # not laid out anew: the keys it shows did not change
        for item in other_window.agenda(session):  # nothing left to pin
            other_window.remove_agenda_item(item.id)
        assert await shows(pilot, "Planned 0 of 45 min")
        assert await until(pilot, lambda: pin_key(footer) == [])  # shown only for an item that can be pinned


async def test_a_topic_added_in_another_window_shows_in_the_library(
    db_path: Path, session: int, other_window: Store, user_topics: Path
) -> None:
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "s", AgendaBuilderScreen)
        library = await scrolled_library(pilot)
        highlighted = str(library.get_option_at_index(library.highlighted or 0).prompt)
        scrolled = library.scroll_y
        other_window.add_agenda_item(session, title="Reels vs Shorts", minutes=5, proposed_by="mentor")
        assert await shows(pilot, "Reels vs Shorts")
        await pilot.pause()
        assert library.scroll_y == scrolled  # no topic changed: the library was left as it was
        (user_topics / "mine.toml").write_text(
            '[category]\nname = "Board Prep"\n\n[[topics]]\ntitle = "Rehearse the board update"\n'
            'prompt = "Hear the update as a board member would."\nminutes = 10\n',
            encoding="utf-8",
        )
        other_window.sync_topics(user_topics)
        assert await shows(pilot, "Rehearse the board update")
        assert str(library.get_option_at_index(library.highlighted or 0).prompt) == highlighted  # still on it


async def test_items_added_or_edited_in_another_window_leave_the_agenda_where_it_was(
    db_path: Path, session: int, other_window: Store
) -> None:
    for n in range(40):
        other_window.add_agenda_item(session, title=f"Item {n:02d}", minutes=1, proposed_by="mentor")
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_screen(pilot, "s", AgendaBuilderScreen)
        agenda = builder.query_one("#agenda", OptionList)
        agenda.focus()
        assert agenda.option_count > agenda.size.height  # more items than fit: it scrolls
        await pilot.press("end", *["up"] * (agenda.size.height // 2))
        await pilot.pause()
        highlighted, scrolled = agenda.highlighted, agenda.scroll_y
        assert scrolled > 0
        other_window.add_agenda_item(session, title="Reels vs Shorts", minutes=5, proposed_by="mentor")
        assert await shows(pilot, "Reels vs Shorts")
        await pilot.pause()
        assert (agenda.highlighted, agenda.scroll_y) == (highlighted, scrolled)
        item = other_window.agenda(session)[highlighted or 0]
        other_window.edit_agenda_item(item.id, title="Our all-hands", minutes=5, prompt="", base=item, by="mentor")
        assert await shows(pilot, "Our all-hands")
        await pilot.pause()
        assert (agenda.highlighted, agenda.scroll_y) == (highlighted, scrolled)
        assert "Our all-hands" in str(agenda.get_option_at_index(highlighted or 0).prompt)
