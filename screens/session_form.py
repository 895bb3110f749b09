"""Plan a session: when, and for how long."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from .form_screen import FormScreen

SaveSession = Callable[[str, str], object]


class SessionFormScreen(FormScreen):
    """Date (defaulting to the cadence) and length; the store refuses a bad date."""

    DEFAULT_CSS = """
    SessionFormScreen .form-box { width: 70; }
    SessionFormScreen .form-fields { grid-columns: 16 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, heading: str, default_date: str, save: SaveSession) -> None:
        super().__init__()
        self.heading = heading
        self.default_date = default_date
        self.save = save

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box"):
            yield Static(Content.styled(self.heading, "bold"))
            with Grid(classes="form-fields"):
                yield Label("Date")
                yield Input(self.default_date, id="scheduled_on", compact=True)
                yield Label("Minutes")
                yield Input("45", type="integer", id="minutes", compact=True)
            yield Static(id="error")
            yield Static("a date like 2026-12-01, +7d, +2w, friday or tomorrow · enter saves · escape cancels",
                         classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#scheduled_on", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        when = self.query_one("#scheduled_on", Input).value
        minutes = self.query_one("#minutes", Input).value
        self.submit(lambda: self.save(when, minutes))
