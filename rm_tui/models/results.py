"""Records the store computes rather than reads: outcomes of edits, search hits, figures."""

from __future__ import annotations

from datetime import date

from .core import AgendaItem, FollowUpStatus, ItemStatus, Visibility
from .record import Record

MARK_START, MARK_END = "\x02", "\x03"  # around matched words in a hit's context; never in stored text
FOLLOW_UP_FILTERS = ("open", "overdue", "done", "all")
PERIOD_DAYS = 28  # progress counts in four-week periods


class EditOutcome(Record):
    """What an agenda item edit did: merged in place, or kept beside a clashing edit."""

    copy_id: int | None = None  # the new item holding this edit, when it clashed
    clashed: tuple[str, ...] = ()  # the fields both windows changed differently


class RemovedItem(Record):
    """Everything needed to put a removed or dropped agenda item back (undo)."""

    item: AgendaItem
    # Set by a drop, which also changed these so the item never comes back: what they were.
    follow_up_was: FollowUpStatus | None = None  # its follow-up, before being marked dropped
    source_was: ItemStatus | None = None  # the item it was carried from, before being marked dropped


class SearchHit(Record):
    """One result: what it is, where it lives, and the words around the match."""

    kind: str  # 'note', 'item', 'follow-up' or 'topic'
    ref_id: int
    title: str  # the agenda item, follow-up or topic title (for a note: its item's)
    context: str  # a snippet with MARK_START/MARK_END around matched words
    session_id: int | None = None
    agenda_item_id: int | None = None
    mentor: str | None = None
    on: date | None = None
    by: str | None = None  # who wrote the note, or proposed the agenda item
    visibility: Visibility | None = None  # a note's, so the leader sees which hits are not shared; None for the rest


class Progress(Record):
    """One mentorship's figures, oldest period first in each series."""

    period_starts: list[date]
    held: list[int]  # sessions held in each period
    expected_per_period: float  # what the cadence asks for in a period
    active_periods: int  # the periods since the first session: the ones the cadence applies to
    champion: list[int]  # champion log entries in each period
    categories: dict[str, int]  # agenda items discussed, by core category, all time
    follow_ups_on_time: int  # done by their due date (or with none)
    follow_ups_late: int  # done after it, or still open past it
    follow_ups_total: int
    goals_learned: int
    goals_total: int

    @property
    def follow_ups_due(self) -> int:
        """Those whose day has come: done (on time or not) or open past their date."""
        return self.follow_ups_on_time + self.follow_ups_late

    @property
    def held_total(self) -> int:
        return sum(self.held)

    @property
    def expected_total(self) -> float:
        return self.expected_per_period * self.active_periods


class TwoWayStreet(Record):
    """Both sides of a mentorship: what the mentor taught, what the leader gave back."""

    sessions_held: int
    topics_discussed: int
    topics_from_mentor: int
    categories: dict[str, int]  # discussed topics per category
    given_back: dict[str, int]  # champion entries per kind
