"""One agenda item line: the builder, the live agenda and the meeting summary say each fact in the same words."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import OptionList

from rm_tui.models import AgendaItem, replace
from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen, builder_line
from screens.session_summary import summary_content
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app
from widgets.agenda_line import InMeeting, agenda_line


def carried_mentor_item(store: Store, carries: int = 4) -> AgendaItem:
    """The mentor's idea, never reached in `carries` held meetings, now on the planned agenda."""
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="Try the AI note-taker", proposed_by="mentor", minutes=15)
    for _ in range(carries):
        store.set_session_status(session, "held")
        session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    (item,) = store.agenda(session)
    return item


def live_line(item: AgendaItem, number: int, meeting: InMeeting) -> str:
    """The item as the live agenda's narrow pane asks for it: the clock and notes under the title."""
    return agenda_line(item, number, meeting=meeting, two_lines=True).plain


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({}, "· mentor"),
        ({}, "↻4"),
        ({}, "STALE"),
        ({"status": "discussed"}, "✓"),
        ({"conflict_of": 1}, "⚠ edited at the same time"),
    ],
)
def test_the_builder_and_the_live_agenda_say_each_fact_in_the_same_words(
    store: Store, change: dict[str, object], words: str
) -> None:
    item = replace(carried_mentor_item(store), **change)  # type: ignore[arg-type]
    builder = builder_line(2, item).plain
    live = live_line(item, 2, InMeeting(seconds=192, notes=1))
    assert words in builder and words in live
    assert "2. " in builder and "2. " in live and "Try the AI note-taker" in builder and "Try the AI note-taker" in live


def test_each_screen_adds_its_own_facts_in_one_vocabulary(store: Store) -> None:
    item = carried_mentor_item(store, carries=1)
    builder = builder_line(1, item).plain
    live = live_line(item, 1, InMeeting(seconds=1000, notes=2, current=True))
    assert builder == "  1.  15m  Try the AI note-taker  · mentor  ↻1"  # planned minutes, no clock
    assert live == "▶ 1. Try the AI note-taker  · mentor\n     16:40 of 15:00 +1:40  ✎2  ↻1"
    leader_item = replace(item, proposed_by="leader", carry_count=0)
    assert "· leader" in builder_line(1, leader_item).plain  # the builder names whoever proposed it
    assert "leader" not in live_line(leader_item, 1, InMeeting(seconds=0))  # the meeting credits the mentor only


def test_the_builder_says_what_to_do_where_its_keys_do_it(store: Store) -> None:
    item = replace(carried_mentor_item(store), conflict_of=1)
    builder = builder_line(1, item).plain
    live = live_line(item, 1, InMeeting(seconds=0))
    assert "STALE: do it or drop it" in builder and "⚠ edited at the same time as the item above: keep one" in builder
    assert "do it or drop it" not in live and "keep one" not in live


def test_the_meeting_summary_uses_the_same_words(store: Store) -> None:
    item = carried_mentor_item(store, carries=1)
    store.start_session(item.session_id)
    text = summary_content(store.session_summary(item.session_id)).plain
    assert "Try the AI note-taker  · mentor  0:00 of 15:00  ↻1" in text


def test_a_title_is_shown_as_typed_in_every_variant(store: Store) -> None:
    item = replace(carried_mentor_item(store, carries=0), title="[bold]x[/] [@click=app.quit]q\x1b[2J")
    for line in (builder_line(1, item), agenda_line(item, 1, meeting=InMeeting(5), two_lines=True)):
        assert "[bold]x[/] [@click=app.quit]q[2J" in line.plain and "\x1b" not in line.plain


async def test_the_builder_shows_each_item_through_the_shared_line(db_path: Path, store: Store) -> None:
    item = carried_mentor_item(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)
        shown = app.screen.query_one("#agenda", OptionList).get_option_at_index(0).prompt
        assert str(shown).replace("\n", "") == builder_line(1, item).plain  # wrapped to the pane
