"""Progress and the champion log count an item as discussed exactly as the meeting's end does."""

from __future__ import annotations

from datetime import timedelta

from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import TODAY, FakeClock, draft

TECH = "Technology Deep Dive"


def _meeting(store: Store, clock: FakeClock) -> tuple[int, dict[str, int]]:
    """A meeting ended with one item of each kind; returns the mentorship and the items by name."""
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam, scheduled_on=TODAY)
    items = {name: store.add_agenda_item(session, title=name, category=TECH, proposed_by="leader")
             for name in ("noted", "carried", "untouched", "done", "timed")}
    store.start_session(session)
    for name in ("noted", "carried"):
        store.save_note(NoteText(None, session, items[name], "leader", "shared", "two lines\nof notes"))
    store.set_item_status(items["done"], "discussed")  # ctrl+o
    store.go_to_item(session, items["timed"])
    clock.advance(seconds=90)
    store.set_carry_over(items["carried"], True)  # notes and all, the pair moves it to "carries over"
    summary = store.end_session(session)
    assert {t.item.title for t in summary.done + summary.discussed} == {"noted", "done", "timed"}
    return sam, items


def test_progress_counts_what_the_meeting_end_counted_as_discussed(store: Store, clock: FakeClock) -> None:
    sam, _ = _meeting(store, clock)
    assert store.progress(sam).categories[TECH] == 3  # noted, done, timed; not carried, not untouched


def test_the_champion_log_counts_the_same_topics(store: Store, clock: FakeClock) -> None:
    sam, _ = _meeting(store, clock)
    street = store.two_way_street(sam)
    assert (street.sessions_held, street.topics_discussed, street.categories) == (1, 3, {TECH: 3})


def test_moving_an_item_after_the_end_moves_it_in_every_count(store: Store, clock: FakeClock) -> None:
    sam, items = _meeting(store, clock)
    store.set_carry_over(items["noted"], True)  # the pair changes its mind on the summary
    store.set_carry_over(items["carried"], False)
    store.set_carry_over(items["untouched"], False)
    assert store.progress(sam).categories[TECH] == 4
    assert store.two_way_street(sam).topics_discussed == 4


def test_a_meeting_not_yet_ended_counts_nothing_yet(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=1))
    item = store.add_agenda_item(session, title="Notion", category=TECH, proposed_by="leader")
    store.start_session(session)
    store.set_item_status(item, "discussed")
    assert store.progress(sam).categories[TECH] == 0
    assert store.two_way_street(sam).topics_discussed == 0
