"""Where a plan stands, one line each: whose session and when, planned time against its
length, and which topic categories it covers (with the one that has waited longest)."""

from __future__ import annotations

from textual.content import Content

from rm_tui.models import Coverage, Session

from .categories import short_category
from .safe import literal_line


def session_heading(mentor: str, session: Session) -> Content:
    """'Sam Ortiz · Tue 24 Nov 2026 · 45 min'."""
    return Content.assemble(
        literal_line(mentor, "bold"),
        (" · ", "$text-muted"),
        f"{session.scheduled_on:%a %d %b %Y}",
        (" · ", "$text-muted"),
        f"{session.minutes} min",
    )


def planned_time(planned: int, session_minutes: int) -> Content:
    """'Planned 60 of 45 min  15 min over: trim or drop an item', or the minutes to spare."""
    over = planned - session_minutes
    return Content.assemble(
        ("Planned ", "$text-muted"),
        (f"{planned} of {session_minutes} min", "bold $error" if over > 0 else "bold $success"),
        (f"  {over} min over: trim or drop an item" if over > 0 else "", "$error"),
        (f"  {-over} min spare" if over < 0 else "", "$text-muted"),
    )


def coverage_line(coverage: Coverage, suggestion: str | None) -> Content:
    """'Last 4 sessions + this agenda: ✓ Tech  ✗ Social ...  Try: Social'."""
    parts: list[Content | str | tuple[str, str]] = [(f"{coverage.heading} + this agenda: ", "$text-muted")]
    for c in coverage.categories:
        mark, style = ("✓", "$success") if c.covered else ("✗", "$text-muted")
        parts += [literal_line(f"{mark} {short_category(c.category)}", style), "  "]  # a user's category, maybe
    if suggestion:
        parts += [(" Try: ", "$text-muted"), literal_line(short_category(suggestion), "bold $accent")]
    return Content.assemble(*parts)
