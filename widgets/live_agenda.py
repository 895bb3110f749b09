"""The meeting's agenda: each item with its timer, notes and marks, and the session as a whole.

An item reads the same here as in the builder and the summary (widgets.agenda_line).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rm_tui.models import AgendaItem, Session
from rm_tui.note_buffer import Entry
from rm_tui.timing import item_seconds

from .agenda_line import InMeeting, agenda_line, line_width

WHOLE_SESSION = "whole"  # the option id of the session-wide notes


def whole_session_line(notes: int) -> Content:
    return Content.assemble(("◆ ", "$accent"), ("The session as a whole", "italic"),
                            (f"  ✎{notes}" if notes else "", "$text-muted"))


class LiveAgenda(OptionList):
    """Where the meeting is, at a glance, and the way to move it: highlighting an entry goes there.

    Rebuilt only when what it shows changed: the screen reloads on each of its own
    autosaves while someone types, and rebuilding every line each time would slow
    the typing down. Between rebuilds `tick()` moves the running item's timer on.
    """

    class EntryHighlighted(Message):
        """An entry was highlighted, by a key, a click or the screen following the meeting."""

        def __init__(self, entry: Entry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, now: Callable[[], datetime], *, id: str | None = None) -> None:
        """`now` is the store's clock, so the timers agree with what the database records."""
        super().__init__(id=id)
        self._now = now
        self._items: tuple[AgendaItem, ...] = ()
        self._session: Session | None = None
        self._note_counts: dict[Entry, int] = {}

    def on_mount(self) -> None:
        self.border_title = "Agenda"

    def show_agenda(self, items: Sequence[AgendaItem], session: Session, note_counts: Mapping[Entry, int],
                    viewing: Entry) -> None:
        """Show the agenda with `viewing` highlighted, rebuilding the lines only if they changed."""
        if (tuple(items), session, dict(note_counts)) != (self._items, self._session, self._note_counts):
            self._items, self._session, self._note_counts = tuple(items), session, dict(note_counts)
            self.set_options([
                *(Option(self._line(number, item), id=str(item.id)) for number, item in enumerate(items, 1)),
                Option(whole_session_line(note_counts.get(None, 0)), id=WHOLE_SESSION),
            ])
            self.border_subtitle = (
                "ctrl+↑↓ between items" if items else "no items: s in mentorships")  # fits a narrow pane
        index = self.get_option_index(WHOLE_SESSION if viewing is None else str(viewing))
        if self.highlighted != index:
            self.highlighted = index

    def tick(self) -> None:
        """Move the running item's timer on: the one line that changes by the second."""
        session = self._session
        if session is None or session.status != "live":
            return
        for index, item in enumerate(self._items):
            if item.id == session.current_item_id:
                self.replace_option_prompt_at_index(index, self._line(index + 1, item))

    def _line(self, number: int, item: AgendaItem) -> Content:
        session = self._session
        assert session is not None
        current = session.status == "live" and session.current_item_id == item.id
        meeting = InMeeting(item_seconds(item, session, self._now()), self._note_counts.get(item.id, 0), current)
        # Two lines: the pane is narrow, and the title matters more than the clock.
        return agenda_line(item, number, meeting=meeting, two_lines=True, width=line_width(self))

    def on_resize(self) -> None:
        """Wrap each line again to the new width, so '· mentor' stays with the title's last word."""
        if self._session is not None:
            for index, item in enumerate(self._items):
                self.replace_option_prompt_at_index(index, self._line(index + 1, item))

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        option_id = event.option.id
        self.post_message(self.EntryHighlighted(None if option_id == WHOLE_SESSION else int(option_id or 0)))
