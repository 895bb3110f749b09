"""The meeting clock: 'Session 16:30 of 45:00 · agenda 40 min', and the second that moves every timer on."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.content import Content
from textual.message import Message
from textual.reactive import reactive

from rm_tui.models import Session
from rm_tui.timing import clock_text, session_seconds

from .fitted_line import FittedLine


class MeetingClock(FittedLine):
    """The time the meeting has taken against the time it was planned for.

    The database holds when the meeting started; the time shown is worked out from
    that and `now`, so a restart or a second window shows the same clock. Once a
    second the clock moves on and posts `Ticked`, the one heartbeat of the live
    screen: the running item's timer follows it, and whatever waited for the typing
    to stop looks again. It reads '16:30 of 45:00', as the items' timers do; a
    narrow terminal loses 'Session', then the agenda's minutes, never the words.
    """

    DEFAULT_CSS = """
    MeetingClock { padding: 0 1; }
    """

    session: reactive[Session | None] = reactive(None, init=False)
    """The meeting as the database last said; None until it is known."""
    planned_minutes: reactive[int] = reactive(0, init=False)
    """The minutes of all the agenda's items together, shown beside the session's own length."""

    class Ticked(Message):
        """A second of the meeting passed."""

    def __init__(self, now: Callable[[], datetime], *, id: str | None = None) -> None:
        """`now` is the store's clock, so the time shown agrees with what the database records."""
        super().__init__(id=id)
        self._now = now

    def on_mount(self) -> None:
        self.set_interval(1.0, self._tick)

    def _tick(self) -> None:
        self._show()
        self.post_message(self.Ticked())

    def watch_session(self) -> None:
        self._show()

    def watch_planned_minutes(self) -> None:
        self._show()

    def _show(self) -> None:
        session = self.session
        if session is None:
            return
        spent = session_seconds(session, self._now())
        style = "bold $error" if spent > session.minutes * 60 else "bold"
        spent_text, length = clock_text(spent), f"{session.minutes}:00"
        planned = f"agenda {self.planned_minutes} min"
        short = Content.assemble((spent_text, style), (" of ", "$text-muted"), length)
        with_planned = Content.assemble(short, (f" · {planned}", "$text-muted"))
        self.show(Content.assemble(("Session ", "$text-muted"), with_planned), with_planned, short)
