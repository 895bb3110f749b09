"""Planned sessions as an iCalendar file, for any calendar application to import.

Each session keeps one UID for good (the database's own id and the session's), so
importing a newer file updates the events already there instead of adding copies,
and a cancelled session comes back marked cancelled. Its SEQUENCE is the session's
version, which grows with every change (moved, resized, called off): calendar apps
take the event with the higher SEQUENCE as the newer one and update in place. Each
session to come carries an alarm the day before, so no daemon of ours has to remind. The description holds the
agenda's titles only: no notes of any visibility ever go into the file.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from .errors import RmTuiError
from .models import AgendaItem, Mentorship, Session
from .store import Store

PRODUCT_ID = "-//rm-tui//reverse mentorship sessions//EN"


class NothingPlanned(RmTuiError):
    """No session is to come, so the file would hold no event: none is written.

    The message stops at the fact: the app and the command line each add how to
    plan one (a key there, the app here).
    """


def nothing_planned(store: Store) -> NothingPlanned:
    """The refusal, naming the mentor when the store sees one mentorship only."""
    mentors = [row.mentorship.mentor for row in store.list_mentorships()]
    with_whom = f" with {mentors[0]}" if len(mentors) == 1 else ""
    return NothingPlanned(f"No session is planned{with_whom}")


def session_uid(database_id: str, session_id: int) -> str:
    return f"session-{session_id}-{database_id}@rm-tui"


def agenda_text(items: list[AgendaItem]) -> str:
    """The agenda as the event's description: titles, minutes, and whose idea each was."""
    if not items:
        return "Agenda: not built yet (rm-tui, s on the mentorship)."
    lines = ["Agenda:"]
    for number, item in enumerate(items, 1):
        carried = f", carried {item.carry_count}x" if item.is_carried else ""
        lines.append(f"{number}. {item.title} ({item.minutes} min, {item.proposed_by}'s idea{carried})")
    lines.append(f"Total {sum(i.minutes for i in items)} min.")
    return "\n".join(lines)


def session_event(database_id: str, mentorship: Mentorship, session: Session, items: list[AgendaItem],
                  stamp: datetime, version: int = 1) -> Event:
    event = Event()
    event.add("uid", session_uid(database_id, session.id))
    event.add("sequence", max(version - 1, 0))  # versions start at 1, SEQUENCE at 0
    event.add("dtstamp", stamp)
    # Sessions have a day, not an hour: an all-day event the leader moves to a time.
    event.add("dtstart", session.scheduled_on)
    event.add("dtend", session.scheduled_on + timedelta(days=1))
    event.add("summary", f"Reverse mentoring: {mentorship.leader} and {mentorship.mentor} ({session.minutes} min)")
    event.add("description", agenda_text(items))
    event.add("status", "CANCELLED" if session.status == "cancelled" else "CONFIRMED")
    event.add("transp", "TRANSPARENT")  # a day marker, not a block of busy time
    if session.status != "cancelled":  # nothing to be reminded of
        event.add_component(day_before_alarm(mentorship))
    return event


def day_before_alarm(mentorship: Mentorship) -> Alarm:
    """A reminder the day before, shown by the calendar app: time to look at the agenda."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-1))
    alarm.add("description", (
        f"Tomorrow: reverse mentoring, {mentorship.leader} and {mentorship.mentor}. Time to look at the agenda."))
    return alarm


def planned_sessions_calendar(store: Store, now: datetime | None = None) -> str:
    """Every session to come (of the store's one mentorship, if it is kept to one).

    Refuses (NothingPlanned) when there is none: an empty calendar imports as nothing
    and would only look like a file that worked.
    """
    sessions = store.sessions_to_come()
    if not sessions:
        raise nothing_planned(store)
    stamp = now or datetime.now(UTC)
    database_id = store.database_id()
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "Reverse mentoring")
    mentorships: dict[int, Mentorship] = {}
    versions = store.session_versions(session.id for session in sessions)
    for session in sessions:
        mentorship = mentorships.get(session.mentorship_id) or store.get_mentorship(session.mentorship_id)
        mentorships[session.mentorship_id] = mentorship
        calendar.add_component(session_event(
            database_id, mentorship, session, store.agenda(session.id), stamp, versions.get(session.id, 1)))
    ical: bytes = calendar.to_ical()
    return ical.decode("utf-8")
