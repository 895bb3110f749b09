"""The live session's heading: 'Sam Ortiz · Tue 24 Nov 2026 · LIVE'."""

from __future__ import annotations

from textual.content import Content

from rm_tui.models import Session, SessionStatus

from .fitted_line import FittedLine, shortened
from .safe import literal_line

# Each state's words, fullest first: the last form is what F5 does next, or the state itself.
STATES: dict[SessionStatus, tuple[tuple[str, ...], str]] = {
    "planned": (("not started · F5 starts", "F5 starts"), "$text-muted"),
    "live": (("LIVE",), "bold $error"),
    "held": (("ended",), "$text-muted"),
    "cancelled": (("cancelled",), "$text-muted"),
}
NAME_CUTS = (24, 14)  # a long mentor's name is cut before the state is


class SessionHeading(FittedLine):
    """Whose meeting this is and whether it is on: the state says what F5 does next.

    Beside the speaker's badge at 80 columns it drops the year, then the words
    before 'F5 starts', then shortens a long name: the state stays in view.
    """

    def show_session(self, mentor: str, session: Session) -> None:
        """`mentor` is the mentor's name as typed: shown literally."""
        name = literal_line(mentor, "bold")
        names = [name, *(name.truncate(cut, ellipsis=True) for cut in NAME_CUTS if name.cell_length > cut)]
        dates = [Content(f"{session.scheduled_on:%a %d %b %Y}"), Content(f"{session.scheduled_on:%a %d %b}")]
        words, style = STATES[session.status]
        states = [Content.styled(word, style) for word in words]
        self.show(*shortened([names, dates, states], order=[1, 2, 0], separator=Content.styled(" · ", "$text-muted")))
