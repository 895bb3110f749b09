"""Above the note: ' SHARED ' · 'by leader  ctrl+t changes' · what that visibility means."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content

from rm_tui.models import VISIBILITY_LABELS, Role, Visibility

from .fitted_line import FittedLine, shortened
from .quiet_static import QuietStatic

VISIBILITY_STYLES: dict[Visibility, str] = {
    "shared": "bold $text on $success 60%",
    "private": "bold $text on $warning 60%",
    "off_record": "bold $text on $error 60%",
}
# What each badge means, fullest first. Off-record keeps a short form at any width: a
# note that is never exported must say so where it is typed; "" lets the others go.
VISIBILITY_HINTS: dict[Visibility, tuple[str, ...]] = {
    "shared": ("seen by both, exported", "seen by both", ""),
    "private": ("yours only, exported if you ask", "yours only", ""),
    "off_record": ("yours only, never exported", "never exported"),
}
CLASH = ("⚠ written at the same time as another note here: keep what you need",
         "⚠ written at the same time as another note here", "⚠ clash: keep what you need", "⚠ clash")


class NoteStatus(Horizontal):
    """Who wrote the open note and who may read it, always in view.

    A leader about to type something sensitive must see at a glance whether it
    goes to the mentor and into the export; the hint says what the badge means,
    and warns when the note was written alongside another one (a clash). When the
    pane is narrow the hint shortens first (gone, but for off-record's "never
    exported"), then the keys; the badge, the author and the clash warning stay.
    """

    DEFAULT_CSS = """
    NoteStatus { height: 1; padding: 0 1; }
    NoteStatus #visibility { width: auto; margin-right: 2; }
    NoteStatus #note-about { width: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield QuietStatic(id="visibility")
        yield FittedLine(id="note-about")

    def show_note(self, author: Role, visibility: Visibility, *, clash: bool, mine: bool,
                  may_change_visibility: bool) -> None:
        """`mine`: this window may edit the note; `may_change_visibility`: ctrl+t is offered."""
        self.query_one("#visibility", QuietStatic).say(
            Content.styled(f" {VISIBILITY_LABELS[visibility].upper()} ", VISIBILITY_STYLES[visibility]))
        keys: tuple[str, ...]
        if not mine:
            keys = ("read only · ^n writes yours", "read only · ^n new note", "read only")
        elif may_change_visibility:
            keys = ("ctrl+t changes", "^t changes", "^t", "")
        else:
            keys = ("",)
        parts = [
            [Content.assemble(("by ", "$text-muted"), (author, "bold"))],
            [Content.styled(words, "$text-muted") for words in keys],
            [Content.styled(words, "bold $warning") for words in CLASH] if clash else [Content()],
            [Content.styled(words, "$text-muted") for words in VISIBILITY_HINTS[visibility]],
        ]
        self.query_one("#note-about", FittedLine).show(*shortened(parts, order=[3, 1, 2], separator=Content("  ")))
