"""Where a live-session window looks in the meeting, and when it follows the meeting elsewhere.

The database holds which agenda item is being discussed; each window shows one
entry (an item, or the session as a whole) and may look somewhere else for a
while. When the meeting moves on (in this window or another one) the window
follows, but never pulls the note away from someone in mid-sentence: that waits
until the typing stops. No Textual here: these are the rules, testable alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from .models import AgendaItem, Session
from .note_buffer import Entry

FOLLOW_WHEN_IDLE_FOR = 2.0  # seconds without typing before the window follows the meeting elsewhere


class _NotYet:
    """Stands for 'no current item seen yet', which None (the session as a whole) cannot."""


NOT_YET = _NotYet()


def entries(items: Sequence[AgendaItem]) -> list[Entry]:
    """The agenda's entries in order: every item, then the session as a whole."""
    return [item.id for item in items] + [None]


def stepped(items: Sequence[AgendaItem], entry: Entry, step: int) -> Entry:
    """The entry `step` places from `entry`, stopping at either end."""
    order = entries(items)
    index = order.index(entry) if entry in order else len(order) - 1
    return order[max(0, min(index + step, len(order) - 1))]


def next_open_after(items: Sequence[AgendaItem], item: AgendaItem) -> AgendaItem | None:
    """The first item still open after `item`: where 'discussed' moves the meeting on to."""
    after = list(items)[list(items).index(item) + 1:]
    return next((later for later in after if later.status == "open"), None)


class MeetingPlace:
    """The entry a window shows, and whether the meeting's move elsewhere is still to follow."""

    def __init__(self) -> None:
        self.viewing: Entry = None
        self._followed: Entry | _NotYet = NOT_YET  # the database's current item, last we looked
        self._waiting = False

    @property
    def waiting(self) -> bool:
        """The meeting moved on while this window was typing: follow once the typing stops."""
        return self._waiting

    def open_at(self, entry: Entry, session: Session) -> None:
        """Opened on one entry (from a search): stay there, whatever the meeting's place is now."""
        self.viewing = entry
        self._followed = session.current_item_id

    def moved_here(self, entry: Entry) -> None:
        """This window moved the meeting to `entry`: nothing to follow."""
        self.viewing = entry
        self._followed = entry

    def look(self, session: Session, items: Sequence[AgendaItem], *, idle_for: float, first_look: bool) -> Entry:
        """The entry to show now that the database says `session` and `items`.

        `idle_for` is how long since the last keystroke here; `first_look` is true
        until a note has been opened, when a session not yet started (or ended)
        opens on its first item still open.
        """
        current = session.current_item_id
        self._waiting = session.status == "live" and current != self._followed
        if self._waiting and idle_for > FOLLOW_WHEN_IDLE_FOR:
            self._waiting = False
            self._followed = current
            self.viewing = current
        if first_look and session.status != "live":
            self.viewing = next((item.id for item in items if item.status == "open"), None)
        if self.viewing is not None and self.viewing not in {item.id for item in items}:
            self.viewing = None  # the item was removed: its notes moved to the session as a whole
        return self.viewing
