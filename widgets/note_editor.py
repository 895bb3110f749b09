"""The note editor: a TextArea that takes pastes of any size without letting control codes in."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea

from rm_tui.text import clean_text


class NoteEditor(TextArea):
    """Soft-wrapped Markdown text; Tab moves focus, so the keyboard can always leave it.

    A paste arrives with its line ends normalised and control characters (terminal
    escape sequences among them) removed: they mean nothing in a note and could
    drive the terminal if they were ever printed raw.
    """

    # TextArea selects the line on F6; in rm-tui F6 means the follow-ups, everywhere.
    BINDINGS = [Binding("f6", "app.switch_mode('follow_ups')", show=False)]

    DEFAULT_CSS = """
    NoteEditor { height: 1fr; border: round $primary; }
    NoteEditor:focus { border: round $accent; }
    """

    PLACEHOLDER = "Type your notes here. Markdown works; everything is saved as you type."

    def __init__(
        self, text: str = "", *, id: str | None = None, on_change: Callable[[], object] | None = None
    ) -> None:
        """`on_change` is called on every change instead of letting TextArea.Changed bubble up."""
        self._on_change = on_change
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
            placeholder=self.PLACEHOLDER,
            id=id,
        )

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._on_change is not None:
            # A direct call: the message would otherwise walk up every container to the
            # screen on each keystroke, which typing pays for.
            event.stop()
            self._on_change()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        # Nothing above the editor listens for it, and letting it bubble up through the
        # screen's containers on every keystroke is a measurable part of typing's cost.
        event.stop()

    def on_resize(self) -> None:
        # The screen draws the editor at its new size before this event arrives, from
        # the wrap of the old width; TextArea then re-wraps but asks for no redraw
        # unless the wrapped height changed, so words showed twice or not at all
        # until the next key. Runs before TextArea's own handler: the redraw asked
        # for here comes after the re-wrap.
        self.refresh()

    def on_paste(self, event: events.Paste) -> None:
        # Runs before TextArea's own paste handler, which prevent_default() skips.
        event.prevent_default()
        event.stop()
        if self.read_only:
            return
        if result := self.replace(clean_text(event.text), *self.selection):
            self.move_cursor(result.end_location)
        self.focus()
