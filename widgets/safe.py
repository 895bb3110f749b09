"""User text on screen: as typed, never as markup, never as terminal codes.

Textual reads markup in plain strings nearly everywhere it shows one: Static and
Label, border titles, tab labels, option prompts, the command palette's help line.
There a stray `[/]` in a title raises MarkupError and brings the app down, and
`[@click=app.quit]` becomes a link that runs an action when clicked. So whatever a
user, a mentor or a topic file wrote reaches the screen only through here: as a
`Content`, which Textual never parses, or escaped for the few places that take
nothing but a markup string; and without control characters either way, since
Textual lets ESC through, and with it sequences that clear the screen or retitle
the terminal window. Table cells are the same idea in Rich's terms (`widgets.cells`).
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.widget import Widget

from rm_tui.text import clean_text, one_line


def literal(text: str, style: str = "") -> Content:
    """`text` as typed, line breaks kept, optionally styled: for prompts, notes, messages."""
    return Content.styled(clean_text(text), style)


def literal_line(text: str, style: str = "") -> Content:
    """`text` as typed on one line (breaks and tabs made spaces): for titles, names, headings."""
    return Content.styled(one_line(text), style)


def escaped_markup(text: str) -> str:
    """`text` on one line, as markup that reads back exactly as typed.

    Only for APIs that take nothing but a markup string (the palette's help line).
    Every opening bracket is escaped, not only those that look like tags as
    `textual.markup.escape` does: it lets `[B]` or `[ @click=app.quit]` through.
    """
    return one_line(text).replace("[", "\\[")


def notify_literal(
    target: App[Any] | Widget,
    message: str,
    *,
    title: str = "",
    severity: SeverityLevel = "information",
    timeout: float | None = None,
) -> None:
    """A notification whose message holds user text, shown exactly as typed."""
    target.notify(clean_text(message), title=title, severity=severity, timeout=timeout, markup=False)
