"""Write or edit a free-form agenda item: a title, minutes, and an optional prompt."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Input, Label, Static

from widgets.safe import literal_line

from .form_screen import FormScreen

SaveItem = Callable[[str, str, str], object]


class ItemFormScreen(FormScreen):
    """Hands title, minutes and prompt to `save`; a refusal shows beside the field."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, heading: str, save: SaveItem, title: str = "", minutes: int = 10, prompt: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.save = save
        self.initial = (title, str(minutes), prompt)

    def compose(self) -> ComposeResult:
        title, minutes, prompt = self.initial
        with VerticalScroll(classes="form-box"):
            yield Static(literal_line(self.heading, "bold"))  # it may name the mentor
            with Grid(classes="form-fields"):
                yield Label("Title")
                yield Input(title, placeholder="what to talk about", id="title", compact=True)
                yield Label("Minutes")
                yield Input(minutes, type="integer", id="minutes", compact=True)
                yield Label("Prompt")
                yield Input(prompt, placeholder="optional: the question to ask", id="prompt", compact=True)
            yield Static(id="error")
            yield Static("enter or ctrl+s saves · escape cancels", classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()  # type straight away, in tmux as anywhere

    @on(Input.Submitted)
    def action_save(self) -> None:
        values = [self.query_one(f"#{name}", Input).value for name in ("title", "minutes", "prompt")]
        self.submit(lambda: self.save(*values))
