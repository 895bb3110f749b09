"""The editor of the ask, the message inviting a mentor."""

from __future__ import annotations

from textual.binding import Binding

from .note_editor import NoteEditor


class AskEditor(NoteEditor):
    """A note editor (pastes cleaned, Tab leaves it) where F7 copies the message.

    TextArea selects all on F7; here F7 runs the screen's `copy_ask` action, so
    the key does the same whether the editor or another field has the focus.
    """

    BINDINGS = [Binding("f7", "screen.copy_ask", "Copy", tooltip="Copy the ask to the clipboard")]
    PLACEHOLDER = "The message to your mentor drafts itself here from your answers."
