"""Plan a session, or change a planned one: when, and for how long."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from rm_tui.errors import RmTuiError
from rm_tui.models import DEFAULT_SESSION_MINUTES, PlannedAlready
from rm_tui.text import counted
from widgets.safe import literal_line, notify_literal

from .form_screen import FormScreen

if TYPE_CHECKING:
    from textual.screen import Screen

    from rm_tui.store import Store

    from .replan_dialog import Choice

SaveSession = Callable[[str, str], object]


def push_plan_session(screen: Screen[Any], store: Store, mentorship_id: int) -> None:
    """Plan the next session with a mentorship: the form, then, if one is planned already, the question.

    Planning again never adds a second session silently: the pair moves the planned
    one (its agenda goes with it), keeps both, or cancels and nothing changes.
    """
    mentorship = store.get_mentorship(mentorship_id)
    clash: list[tuple[PlannedAlready, str]] = []  # the session planned already, and the minutes typed

    def save(when: str, minutes: str) -> None:
        planned = store.check_plan(mentorship_id, scheduled_on=when, minutes=minutes)  # refuses bad input
        if planned is None:
            store.plan_session(mentorship_id, scheduled_on=when, minutes=minutes, if_planned="refuse")
        else:
            clash.append((planned, minutes))  # asked once the form has closed

    def saved(done: bool | None) -> None:
        if not done:
            return
        if not clash:
            screen.notify("Session planned. Press s to build its agenda.")
            return
        from .replan_dialog import ReplanDialog

        planned, minutes = clash[0]
        screen.app.push_screen(ReplanDialog(planned),
                               lambda choice: _replanned(screen, store, planned, minutes, choice))

    screen.app.push_screen(
        SessionFormScreen(
            f"Plan a session with {mentorship.mentor}", store.next_session_date(mentorship_id).isoformat(), save
        ),
        saved,
    )


def _replanned(
    screen: Screen[Any], store: Store, planned: PlannedAlready, minutes: str, choice: Choice | None
) -> None:
    """Do what the pair answered: move the planned session, plan a second one, or nothing."""
    was_on = f"{planned.session.scheduled_on:%a %d %b}"
    if choice is None:
        screen.notify(f"Nothing changed: the session stays on {was_on}.")
        return
    try:
        store.plan_session(planned.session.mentorship_id, scheduled_on=planned.moving_to, minutes=minutes,
                           if_planned=choice)
    except RmTuiError as error:
        notify_literal(screen, str(error), severity="error")
        return
    new_on = f"{planned.moving_to or planned.session.scheduled_on:%a %d %b}"
    if choice == "move":
        notify_literal(screen, f"Moved the session with {planned.mentor} from {was_on} to {new_on}, "
                               f"with its {counted(planned.items, 'item')}. Press s to build its agenda.")
    elif planned.items:
        notify_literal(screen, f"Planned a second session with {planned.mentor}, on {new_on}. "
                               f"s opens the one with the agenda, on {was_on}.")
    else:
        notify_literal(screen, f"Planned a second session with {planned.mentor}, on {new_on}.")


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
