"""Plan a session, or change a planned one: when, and for how long."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from rm_tui.models import DEFAULT_SESSION_MINUTES
from widgets.safe import literal_line

from .form_screen import FormScreen

SaveSession = Callable[[str, str], object]


class SessionFormScreen(FormScreen):
    """Date (defaulting to the cadence) and length; the store refuses a bad date.

    Given `cancel_session`, the form is changing a planned session and also offers
    to call it off; the caller reads the session's status to tell the two apart.
    """

    DEFAULT_CSS = """
    SessionFormScreen .form-box { width: 70; }
    SessionFormScreen .form-fields { grid-columns: 16 1fr; }
    SessionFormScreen #call-off { margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(
        self,
        heading: str,
        default_date: str,
        save: SaveSession,
        *,
        minutes: int = DEFAULT_SESSION_MINUTES,
        cancel_session: Callable[[], object] | None = None,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.default_date = default_date
        self.minutes = minutes
        self.save = save
        self.cancel_session = cancel_session

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box"):
            yield Static(literal_line(self.heading, "bold"))  # it may name the mentor
            with Grid(classes="form-fields"):
                yield Label("Date")
                yield Input(self.default_date, id="scheduled_on", compact=True)
                yield Label("Minutes")
                yield Input(str(self.minutes), type="integer", id="minutes", compact=True)
            yield Static(id="error")
            yield Static("a date like 2026-12-01, +7d, +2w, friday or tomorrow · enter saves · escape cancels",
                         classes="form-hint", markup=False)
            if self.cancel_session is not None:
                yield Button("Call this session off", id="call-off", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#scheduled_on", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        when = self.query_one("#scheduled_on", Input).value
        minutes = self.query_one("#minutes", Input).value
        self.submit(lambda: self.save(when, minutes))

    @on(Button.Pressed, "#call-off")
    def _call_off(self) -> None:
        assert self.cancel_session is not None
        self.submit(self.cancel_session)
