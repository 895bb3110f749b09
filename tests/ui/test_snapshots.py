"""Snapshots of the main screens, compared to the accepted SVGs in __snapshots__/."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import TODAY, FakeClock, draft
from tests.ui.helpers import open_app

SIZE = (120, 36)


def seed(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz", manager_informed=True))
    store.create_mentorship(draft(mentor="Priya [Nair]", focus="our employer brand on short video", cadence_days=21))
    store.db.execute(
        "INSERT INTO sessions (mentorship_id, scheduled_on, status) VALUES (?, ?, 'held')",
        [sam, (TODAY - timedelta(days=18)).isoformat()],
    )
    store.db.execute(
        "INSERT INTO follow_ups (mentorship_id, title, owner, due_on) VALUES (?, 'Try the AI note-taker', 'leader', ?)",
        [sam, (TODAY - timedelta(days=2)).isoformat()],
    )


def test_home_screen(snap_compare, db_path: Path, store: Store, user_topics: Path) -> None:
    seed(store)
    assert snap_compare(open_app(db_path, user_topics), terminal_size=SIZE)


def test_home_screen_empty(snap_compare, db_path: Path, user_topics: Path) -> None:
    assert snap_compare(open_app(db_path, user_topics), terminal_size=(80, 24))


def test_topic_library_screen(snap_compare, db_path: Path, user_topics: Path) -> None:
    assert snap_compare(open_app(db_path, user_topics), terminal_size=SIZE, press=["f3", "down", "enter", "down"])


def test_mentorship_form_with_an_error(snap_compare, db_path: Path, user_topics: Path) -> None:
    assert snap_compare(open_app(db_path, user_topics), terminal_size=SIZE, press=["n", "ctrl+s"])


def test_agenda_builder_with_an_agenda(snap_compare, db_path: Path, store: Store, user_topics: Path) -> None:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title="A real task in Figma, start to finish", proposed_by="leader",
                          minutes=15, category="Technology Deep Dive")
    store.add_agenda_item(session, title="A creator I [really] rate", proposed_by="mentor", minutes=20,
                          category="Show and Tell")
    store.add_agenda_item(session, title="Reverse-mentoring our all-hands", proposed_by="leader", minutes=15)
    assert snap_compare(open_app(db_path, user_topics), terminal_size=SIZE, press=["s"])


def test_agenda_builder_at_80x24_with_carried_and_stale_items(
    snap_compare, db_path: Path, store: Store, user_topics: Path
) -> None:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="Try the AI note-taker", proposed_by="mentor", minutes=10)
    store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=session)
    for _ in range(3):
        store.set_session_status(session, "held")
        session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    store.add_agenda_item(session, title="A real task in Figma, start to finish", proposed_by="leader",
                          minutes=25, category="Technology Deep Dive")
    assert snap_compare(open_app(db_path, user_topics), terminal_size=(80, 24), press=["s", "tab"])


def _meeting_in_progress(store: Store, clock: FakeClock) -> None:
    """Seventeen minutes into a meeting: one item discussed, notes of each kind, a follow-up."""
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    first = store.add_agenda_item(session, title="A real task in Notion, start to finish", proposed_by="leader",
                                  minutes=15, prompt="Walk me through planning a week in Notion")
    second = store.add_agenda_item(session, title="A creator I [really] rate", proposed_by="mentor", minutes=10)
    store.add_agenda_item(session, title="Our all-hands, as a new hire hears it", proposed_by="leader", minutes=15)
    store.start_session(session)
    store.save_note(NoteText(None, session, first, "leader", "shared", "Plans the week on a **board**, not a doc."))
    clock.advance(minutes=16)
    store.set_item_status(first, "discussed")
    store.go_to_item(session, second)
    clock.advance(minutes=11, seconds=20)  # the second item runs over
    store.save_note(NoteText(None, session, second, "mentor", "shared", "Short, honest, one idea per video."))
    store.save_note(NoteText(None, session, second, "leader", "private",
                             "# What I take from it\n- say less, *show* more\n- 日本語 and עברית read fine"))
    store.add_follow_up(mentorship, title="Watch three of her videos", owner="leader", due="friday",
                        session_id=session, agenda_item_id=second)


async def _open_live_without_blink(pilot) -> None:
    """Open the live session with the agenda focused.

    The note editor's text cursor blinks, and under load it was caught in either
    phase; with the agenda focused the picture no longer depends on timing.
    """
    await pilot.press("l")
    await pilot.pause()
    pilot.app.screen.query_one("#agenda").focus()
    await pilot.pause()


def test_live_session_mid_meeting(
    snap_compare, db_path: Path, store: Store, user_topics: Path, clock: FakeClock
) -> None:
    _meeting_in_progress(store, clock)
    assert snap_compare(open_app(db_path, user_topics, clock=clock), terminal_size=SIZE,
                        run_before=_open_live_without_blink)


def test_live_session_mid_meeting_at_80x24(
    snap_compare, db_path: Path, store: Store, user_topics: Path, clock: FakeClock
) -> None:
    _meeting_in_progress(store, clock)
    assert snap_compare(open_app(db_path, user_topics, clock=clock), terminal_size=(80, 24),
                        run_before=_open_live_without_blink)


def test_live_session_end_summary(
    snap_compare, db_path: Path, store: Store, user_topics: Path, clock: FakeClock
) -> None:
    _meeting_in_progress(store, clock)
    assert snap_compare(open_app(db_path, user_topics, clock=clock), terminal_size=SIZE, press=["l", "f5"])
