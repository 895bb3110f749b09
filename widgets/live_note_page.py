"""The open note's page: its editor, or (ctrl+r) the same text rendered as Markdown."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown

from .note_editor import NoteEditor

PREVIEW_LIMIT = 50_000  # characters rendered by the preview; the editor holds any size


class NotePage(Vertical):
    """Where the note is written, told apart from where text is loaded into it.

    `typed` is called for a person's keystrokes only: text the screen loads (another
    note opened, another window's edit) changes the editor too, and must not be
    taken for typing and saved back. The preview never follows a link in a note.
    """

    DEFAULT_CSS = """
    NotePage { height: 1fr; }
    """

    def __init__(self, typed: Callable[[], object], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._typed = typed
        self._loads_in_flight = 0  # loaded texts whose change is still to reach `_changed`

    def compose(self) -> ComposeResult:
        yield NoteEditor(id="editor", on_change=self._changed)
        yield Markdown(id="preview", open_links=False)  # a link in a note is read, never followed

    def on_mount(self) -> None:
        self._preview.display = False

    @property
    def editor(self) -> NoteEditor:
        return self.query_one("#editor", NoteEditor)

    @property
    def _preview(self) -> Markdown:
        return self.query_one("#preview", Markdown)

    @property
    def text(self) -> str:
        """The note as it stands in the editor (a join of every line: not for each keystroke)."""
        return self.editor.text

    def load(self, text: str, *, read_only: bool) -> None:
        """Show `text` with the cursor at its end, where writing carries on."""
        editor = self.editor
        editor.read_only = read_only
        if editor.text != text:
            self._loads_in_flight += 1
            editor.load_text(text)
            editor.move_cursor(editor.document.end)
        if self._preview.display:
            self._render_preview()

    def toggle_preview(self) -> None:
        """Show the note rendered, or back to editing it."""
        preview = self._preview
        showing = not preview.display
        preview.display = showing
        self.editor.display = not showing
        if showing:
            self._render_preview()
        else:
            self.editor.focus()

    def _changed(self) -> None:
        if self._loads_in_flight:
            self._loads_in_flight -= 1
        else:
            self._typed()

    def _render_preview(self) -> None:
        text = self.editor.text
        if len(text) > PREVIEW_LIMIT:
            text = text[:PREVIEW_LIMIT] + f"\n\n*(the preview shows the first {PREVIEW_LIMIT:,} characters)*"
        self._preview.update(text or "*(nothing written yet)*")
