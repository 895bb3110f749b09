"""Above the note: ' SHARED ' · 'by leader  ctrl+t changes' · what that visibility means."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content

from rm_tui.models import VISIBILITY_LABELS, Role, Visibility

from .quiet_static import QuietStatic

VISIBILITY_STYLES: dict[Visibility, str] = {
    "shared": "bold $text on $success 60%",
    "private": "bold $text on $warning 60%",
    "off_record": "bold $text on $error 60%",
}
VISIBILITY_HINTS: dict[Visibility, str] = {
    "shared": "seen by both, exported",
    "private": "yours only, exported if you ask",
    "off_record": "never exported, hidden from the mentor",
}


class NoteStatus(Horizontal):
    """Who wrote the open note and who may read it, always in view.

    A leader about to type something sensitive must see at a glance whether it
    goes to the mentor and into the export; the hint says what the badge means,
    and warns when the note was written alongside another one (a clash).
    """

    DEFAULT_CSS = """
    NoteStatus { height: 1; padding: 0 1; }
    NoteStatus #visibility, NoteStatus #note-author { width: auto; margin-right: 2; }
    NoteStatus #visibility-hint { width: 1fr; color: $text-muted; }
    """

    def compose(self) -> ComposeResult:
        yield QuietStatic(id="visibility")
        yield QuietStatic(id="note-author")
        yield QuietStatic(id="visibility-hint")

    def show_note(self, author: Role, visibility: Visibility, *, clash: bool, mine: bool,
                  may_change_visibility: bool) -> None:
        """`mine`: this window may edit the note; `may_change_visibility`: ctrl+t is offered."""
        self.query_one("#visibility", QuietStatic).say(
            Content.styled(f" {VISIBILITY_LABELS[visibility].upper()} ", VISIBILITY_STYLES[visibility]))
        hint = Content(VISIBILITY_HINTS[visibility])
        if clash:
            hint = Content.assemble(("⚠ written at the same time as another note here: keep what you need ",
                                     "bold $warning"), hint)
        self.query_one("#visibility-hint", QuietStatic).say(hint)
        if not mine:
            after = "  read only · ^n writes yours"  # short: it shares a line at 80 columns
        elif may_change_visibility:
            after = "  ctrl+t changes"
        else:
            after = ""
        self.query_one("#note-author", QuietStatic).say(
            Content.assemble(("by ", "$text-muted"), (author, "bold"), (after, "$text-muted")))
