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


def planned_time(planned: int, session_minutes: int) -> tuple[Content, ...]:
    """'Planned 60 of 45 min  15 min over: trim or drop an item', then shorter forms for a
    narrow pane ('60/45 min · 15 over'), fullest first, for a `FittedLine`."""
    over = planned - session_minutes
    total_style = "bold $error" if over > 0 else "bold $success"
    if over > 0:
        tails = [(f"  {over} min over: trim or drop an item", "$error"), (f"  {over} min over", "$error"),
                 (f" · {over} over", "$error")]
    elif over < 0:
        tails = [(f"  {-over} min spare", "$text-muted"), (f"  {-over} min spare", "$text-muted"),
                 (f" · {-over} spare", "$text-muted")]
    else:
        tails = [("", "")] * 3
    return (
        Content.assemble(("Planned ", "$text-muted"), (f"{planned} of {session_minutes} min", total_style), tails[0]),
        Content.assemble(("Planned ", "$text-muted"), (f"{planned} of {session_minutes} min", total_style), tails[1]),
        Content.assemble((f"{planned}/{session_minutes} min", total_style), tails[2]),
    )


def coverage_line(coverage: Coverage, suggestion: str | None) -> tuple[Content, ...]:
    """'Last 4 sessions + this agenda: ✓ Tech  ✗ Social ...  Try: Social', then shorter forms
    for a narrow terminal (the heading goes first, then the marks' spacing), fullest first:
    "Try:" never parts from the category it suggests."""
    marks: list[Content] = []
    for c in coverage.categories:
        mark, style = ("✓", "$success") if c.covered else ("✗", "$text-muted")
        marks.append(literal_line(f"{mark} {short_category(c.category)}", style))  # a user's category, maybe
    try_it = (Content.assemble(("Try: ", "$text-muted"), literal_line(short_category(suggestion), "bold $accent"))
              if suggestion else Content())

    def form(heading: str, gap: str) -> Content:
        parts: list[Content | str | tuple[str, str]] = [(heading, "$text-muted")] if heading else []
        parts.append(Content(gap).join(marks))
        if try_it.plain:
            parts += [gap + " ", try_it]
        return Content.assemble(*parts)

    return (form(f"{coverage.heading} + this agenda: ", "  "), form("Covered: ", "  "), form("", " "))
