"""The change feed: a write reloads only the screens that show what it changed, once.

Reloads are counted through the messages screens post (DataScreen.Reloaded), seen
with run_test's message hook: Textual's public way to watch an app from outside.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from textual.message import Message

from rm_tui.store import Store
from screens.data_screen import DataScreen
from screens.follow_ups import FollowUpsScreen
from screens.home import HomeScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text

# A write shows in a few hundredths of a second (another window's as the -wal file
# changes); the rest is slack for a busy machine.
SYNC_WAIT = 0.6


class ReloadCounter:
    """Counts DataScreen.Reloaded by (screen class, part)."""

    def __init__(self) -> None:
        self.counts: Counter[tuple[str, str]] = Counter()
        self._seen: dict[int, Message] = {}  # kept alive, so no id is reused by a later message

    def __call__(self, message: Message) -> None:
        # The hook sees a message at each node that handles it: count each message once.
        if isinstance(message, DataScreen.Reloaded) and id(message) not in self._seen:
            self._seen[id(message)] = message
            self.counts[(type(message.screen).__name__, message.part)] += 1

    def of(self, screen: type) -> int:
        return sum(n for (name, _), n in self.counts.items() if name == screen.__name__)


@pytest.fixture
def mentorship(store: Store) -> int:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.add_follow_up(sam, title="Watch three reels", owner="leader", due="+7d")
    return sam


async def test_marking_a_follow_up_done_reloads_the_list_once(db_path: Path, mentorship: int) -> None:
    counter = ReloadCounter()
    app = open_app(db_path)
    async with app.run_test(size=SIZE, message_hook=counter) as pilot:
        await open_screen(pilot, "f6", FollowUpsScreen)
        counter.counts.clear()
        await pilot.press("d")
        await pilot.pause(SYNC_WAIT)
        assert counter.of(FollowUpsScreen) == 1
        assert "Watch three reels" not in screen_text(app)  # done: the open list no longer has it


async def test_a_setting_changed_reloads_no_screen(db_path: Path, mentorship: int) -> None:
    counter = ReloadCounter()
    app = open_app(db_path)
    async with app.run_test(size=SIZE, message_hook=counter) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        counter.counts.clear()
        app.store.set_setting("rules_at_start", "no")  # a table no screen here shows
        await pilot.pause(SYNC_WAIT)
        assert counter.of(HomeScreen) == 0


async def test_a_change_from_another_window_reloads_the_screen_in_view(
    db_path: Path, store: Store, mentorship: int
) -> None:
    counter = ReloadCounter()
    app = open_app(db_path)
    async with app.run_test(size=SIZE, message_hook=counter) as pilot:
        await pilot.pause()
        counter.counts.clear()
        store.create_mentorship(draft(mentor="Priya Nair"))  # another connection: another window
        await pilot.pause(SYNC_WAIT)
        assert counter.of(HomeScreen) == 1
        assert "Priya Nair" in screen_text(app)


async def test_a_hidden_screen_reloads_once_when_it_comes_back(db_path: Path, store: Store, mentorship: int) -> None:
    counter = ReloadCounter()
    app = open_app(db_path)
    async with app.run_test(size=SIZE, message_hook=counter) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        counter.counts.clear()
        store.create_mentorship(draft(mentor="Priya Nair"))
        store.create_mentorship(draft(mentor="Lee Park"))
        await pilot.pause(SYNC_WAIT)
        assert counter.of(HomeScreen) == 0  # hidden behind the follow-ups
        await pilot.press("f2")
        await pilot.pause()
        assert counter.of(HomeScreen) == 1
        assert "Lee Park" in screen_text(app)


async def test_an_agenda_edit_redraws_the_agenda_once_and_leaves_the_library(db_path: Path, store: Store) -> None:
    from screens.agenda_builder import AgendaBuilderScreen

    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    store.mark_rules_shown(session)
    for title in ("First", "Second"):
        store.add_agenda_item(session, title=title, proposed_by="leader")
    counter = ReloadCounter()
    app = open_app(db_path)
    async with app.run_test(size=SIZE, message_hook=counter) as pilot:
        builder = await open_screen(pilot, "s", AgendaBuilderScreen)
        builder.query_one("#agenda").focus()
        await pilot.pause()
        counter.counts.clear()
        await pilot.press("ctrl+down")
        await pilot.pause(SYNC_WAIT)
        assert counter.counts[("AgendaBuilderScreen", "agenda")] == 1
        assert counter.counts[("AgendaBuilderScreen", "library")] == 0
        assert [i.title for i in store.agenda(session)] == ["Second", "First"]
        text = screen_text(app)
        assert text.index("Second") < text.index("First")
