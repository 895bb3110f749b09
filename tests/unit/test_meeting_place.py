"""Where a live-session window looks, and when it follows the meeting elsewhere."""

from __future__ import annotations

from datetime import date

from rm_tui.meeting_place import FOLLOW_WHEN_IDLE_FOR, MeetingPlace, entries, next_open_after, stepped
from rm_tui.models import AgendaItem, Session, replace

IDLE = FOLLOW_WHEN_IDLE_FOR + 1
TYPING = 0.2


def item(item_id: int, status: str = "open") -> AgendaItem:
    return AgendaItem(item_id, 1, item_id, f"Item {item_id}", "", None, None, 15, "leader", status,  # type: ignore[arg-type]
                      None, 0, None, 1)


def session(status: str = "planned", current: int | None = None) -> Session:
    return Session(1, 1, date(2026, 11, 24), 45, status, True, current_item_id=current)  # type: ignore[arg-type]


ITEMS = [item(10), item(20), item(30)]


def test_before_the_start_a_window_opens_on_the_first_item_still_open() -> None:
    place = MeetingPlace()
    items = [item(10, "discussed"), item(20), item(30)]
    assert place.look(session(), items, idle_for=IDLE, first_look=True) == 20
    assert place.look(session(), [item(10, "discussed")], idle_for=IDLE, first_look=True) is None


def test_once_open_a_window_stays_where_it_was_put_until_the_meeting_starts() -> None:
    place = MeetingPlace()
    place.look(session(), ITEMS, idle_for=IDLE, first_look=True)
    place.moved_here(30)
    assert place.look(session(), ITEMS, idle_for=IDLE, first_look=False) == 30


def test_a_live_meeting_is_followed_when_nobody_is_typing() -> None:
    place = MeetingPlace()
    assert place.look(session("live", 10), ITEMS, idle_for=IDLE, first_look=True) == 10
    assert place.look(session("live", 20), ITEMS, idle_for=IDLE, first_look=False) == 20
    assert not place.waiting


def test_the_meeting_moving_on_waits_until_the_typing_stops() -> None:
    place = MeetingPlace()
    place.look(session("live", 10), ITEMS, idle_for=IDLE, first_look=True)
    assert place.look(session("live", 20), ITEMS, idle_for=TYPING, first_look=False) == 10  # not mid-sentence
    assert place.waiting
    assert place.look(session("live", 20), ITEMS, idle_for=IDLE, first_look=False) == 20
    assert not place.waiting


def test_moving_the_meeting_here_leaves_nothing_to_follow() -> None:
    place = MeetingPlace()
    place.look(session("live", 10), ITEMS, idle_for=IDLE, first_look=True)
    place.moved_here(30)
    assert place.look(session("live", 30), ITEMS, idle_for=TYPING, first_look=False) == 30
    assert not place.waiting


def test_a_window_opened_from_a_search_stays_on_what_was_found() -> None:
    place = MeetingPlace()
    place.open_at(30, session("live", 10))
    assert place.look(session("live", 10), ITEMS, idle_for=IDLE, first_look=False) == 30
    assert place.look(session("live", 20), ITEMS, idle_for=IDLE, first_look=False) == 20  # until the meeting moves


def test_a_removed_item_gives_way_to_the_session_as_a_whole() -> None:
    place = MeetingPlace()
    place.moved_here(20)
    assert place.look(session(), [item(10), item(30)], idle_for=IDLE, first_look=False) is None


def test_stepping_through_the_agenda_stops_at_either_end() -> None:
    assert entries(ITEMS) == [10, 20, 30, None]
    assert stepped(ITEMS, 20, 1) == 30
    assert stepped(ITEMS, 30, 1) is None  # the session as a whole comes last
    assert stepped(ITEMS, None, 1) is None
    assert stepped(ITEMS, 10, -1) == 10
    assert stepped([], None, -1) is None


def test_discussed_moves_on_to_the_next_item_still_open() -> None:
    items = [item(10), replace(item(20), status="discussed"), item(30)]
    assert next_open_after(items, items[0]) == items[2]
    assert next_open_after(items, items[2]) is None
