"""The live session's heading: 'Sam Ortiz · Tue 24 Nov 2026 · LIVE'."""

from __future__ import annotations

from textual.content import Content

from rm_tui.models import Session, SessionStatus

from .quiet_static import QuietStatic
from .safe import literal_line

STATES: dict[SessionStatus, tuple[str, str]] = {
    "planned": ("not started · F5 starts", "$text-muted"),
    "live": ("LIVE", "bold $error"),
    "held": ("ended", "$text-muted"),
    "cancelled": ("cancelled", "$text-muted"),
}


class SessionHeading(QuietStatic):
    """Whose meeting this is and whether it is on: the state says what F5 does next."""

    def show_session(self, mentor: str, session: Session) -> None:
        """`mentor` is the mentor's name as typed: shown literally."""
        self.say(Content.assemble(literal_line(mentor, "bold"), (" · ", "$text-muted"),
                                  f"{session.scheduled_on:%a %d %b %Y}", (" · ", "$text-muted"),
                                  STATES[session.status]))
