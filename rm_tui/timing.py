"""The clocks of a live session: time per agenda item and for the whole meeting.

The database holds when the session started, which item is being discussed and
since when, and the seconds each item had in earlier stretches; everything shown
is worked out from those and the current time, so a restart or a second process
shows the same timers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Protocol

from .models import Session

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


def to_stamp(moment: datetime) -> str:
    """How moments are stored: UTC, to the second, like SQLite's own timestamps."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def from_stamp(text: str | None) -> datetime | None:
    if not text:
        return None
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def seconds_between(start: datetime, end: datetime) -> int:
    return max(0, int((end - start).total_seconds()))


class TimedItem(Protocol):
    """What an item's clock reads: an AgendaItem, or the leaner row an export reads."""

    @property
    def id(self) -> int: ...

    @property
    def elapsed_seconds(self) -> int: ...


def item_seconds(item: TimedItem, session: Session, now: datetime) -> int:
    """Time spent on an item so far, counting the running stretch if it is current."""
    running = 0
    if session.status == "live" and session.current_item_id == item.id and session.current_since:
        running = seconds_between(session.current_since, now)
    return item.elapsed_seconds + running


def session_seconds(session: Session, now: datetime) -> int:
    """Length of the meeting so far (or in all, once it has ended)."""
    if session.started_at is None:
        return 0
    return seconds_between(session.started_at, session.ended_at or now)


def clock_text(seconds: int) -> str:
    """'4:05', or '1:02:09' past the hour."""
    hours, rest = divmod(max(0, seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
