"""`rm-tui calendar`: sessions to come as an iCalendar file, read back with icalendar."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from rm_tui.__main__ import cli
from rm_tui.calendar_export import planned_sessions_calendar, session_uid
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import TODAY, draft


def _events(text: str) -> dict[str, object]:
    return {str(event["uid"]): event for event in Calendar.from_ical(text).walk("VEVENT")}


def test_each_session_to_come_is_an_all_day_event_with_its_agenda(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam, scheduled_on=TODAY + timedelta(days=3))
    store.add_agenda_item(session, title="Reels vs Shorts", minutes=15, proposed_by="mentor")
    store.add_agenda_item(session, title="Our all-hands", minutes=10, proposed_by="leader")
    (event,) = _events(planned_sessions_calendar(store)).values()
    assert event["dtstart"].dt == TODAY + timedelta(days=3)
    assert event["dtend"].dt == TODAY + timedelta(days=4)
    assert str(event["summary"]) == "Reverse mentoring: Dana Whitfield and Sam Ortiz (45 min)"
    assert str(event["description"]).splitlines() == [
        "Agenda:",
        "1. Reels vs Shorts (15 min, mentor's idea)",
        "2. Our all-hands (10 min, leader's idea)",
        "Total 25 min.",
    ]
    assert str(event["status"]) == "CONFIRMED"


def test_uids_stay_the_same_so_a_new_import_updates_the_events(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    first = _events(planned_sessions_calendar(store))
    store.add_agenda_item(session, title="Reels vs Shorts", proposed_by="mentor")
    again = _events(planned_sessions_calendar(store))
    assert list(first) == list(again)  # same UID: the calendar app updates the event
    assert "Reels vs Shorts" in str(next(iter(again.values()))["description"])
    store.set_session_status(session, "cancelled")
    (cancelled,) = _events(planned_sessions_calendar(store)).values()
    assert str(cancelled["status"]) == "CANCELLED"  # re-importing takes it out of the calendar


def test_two_databases_never_share_a_uid(store: Store, tmp_path: Path) -> None:
    other = Store.open(tmp_path / "other.db", today=lambda: TODAY)
    for each in (store, other):
        each.plan_session(each.create_mentorship(draft()))
    assert set(_events(planned_sessions_calendar(store))).isdisjoint(_events(planned_sessions_calendar(other)))
    other.close()


def test_held_sessions_and_notes_never_go_into_the_file(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    held = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=14))
    item = store.add_agenda_item(held, title="Walk me through Notion", proposed_by="leader")
    store.start_session(held)
    for visibility in ("shared", "private", "off_record"):
        store.save_note(NoteText(None, held, item, "leader", visibility, f"SECRET-{visibility}"))
    store.set_carry_over(item, True)  # notes and all, the pair carries it over
    store.end_session(held)
    store.plan_session(sam)  # carries the item over
    text = planned_sessions_calendar(store)
    assert "SECRET" not in text
    (event,) = _events(text).values()
    assert "Walk me through Notion (10 min, leader's idea, carried 1x)" in str(event["description"])


def test_the_command_writes_a_private_file_and_refuses_to_overwrite(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    out = tmp_path / "sessions.ics"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "calendar", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_mode & 0o777 == 0o600
    assert len(_events(out.read_text())) == 1
    again = runner.invoke(cli, ["--db", str(db_path), "calendar", "-o", str(out)])
    assert again.exit_code == 2
    assert "already exists; add --force to replace it" in again.output
    missing = runner.invoke(cli, ["--db", str(db_path), "calendar", "--mentorship", "Nobody"])
    assert missing.exit_code == 2
    assert missing.output == "rm-tui: no mentorship with a mentor called 'Nobody'\n"


def test_with_no_session_to_come_the_command_refuses_in_one_line_and_writes_nothing(
    store: Store, db_path: Path, tmp_path: Path
) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    held = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=14))
    store.set_session_status(held, "held")  # a past meeting is no event to come
    out = tmp_path / "sessions.ics"
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db_path), "calendar", "-o", str(out)])
    assert result.exit_code == 2
    assert result.output == "rm-tui: No session is planned with Sam Ortiz: p in rm-tui plans one\n"
    assert not out.exists()
    shown = runner.invoke(cli, ["--db", str(db_path), "calendar"])  # to the screen: no empty calendar either
    assert shown.exit_code == 2 and "BEGIN:VCALENDAR" not in shown.output
    store.create_mentorship(draft(mentor="Priya Nair"))
    both = runner.invoke(cli, ["--db", str(db_path), "calendar", "-o", str(out)])
    assert both.output == "rm-tui: No session is planned: p in rm-tui plans one\n" and not out.exists()


def test_each_session_to_come_has_an_alarm_the_day_before_and_a_cancelled_one_none(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    kept = store.plan_session(sam, scheduled_on=TODAY + timedelta(days=3))
    called_off = store.plan_session(sam, scheduled_on=TODAY + timedelta(days=17))
    store.cancel_session(called_off)
    events = _events(planned_sessions_calendar(store))
    database_id = store.database_id()
    (alarm,) = events[session_uid(database_id, kept)].walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY"
    assert alarm["trigger"].dt == timedelta(days=-1)
    assert str(alarm["description"]) == (
        "Tomorrow: reverse mentoring, Dana Whitfield and Sam Ortiz. Time to look at the agenda."
    )
    assert events[session_uid(database_id, called_off)].walk("VALARM") == []  # nothing to be reminded of


def test_moving_a_session_raises_its_sequence_and_keeps_its_uid(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam, scheduled_on=TODAY + timedelta(days=3))
    ((uid, first),) = _events(planned_sessions_calendar(store)).items()
    store.update_session(session, scheduled_on=TODAY + timedelta(days=5), minutes=30)
    ((uid_moved, moved),) = _events(planned_sessions_calendar(store)).items()
    store.cancel_session(session)
    ((uid_cancelled, cancelled),) = _events(planned_sessions_calendar(store)).items()
    assert uid == uid_moved == uid_cancelled  # the same event, updated in place
    assert first["sequence"] == 0
    assert first["sequence"] < moved["sequence"] < cancelled["sequence"]
    assert moved["dtstart"].dt == TODAY + timedelta(days=5)
