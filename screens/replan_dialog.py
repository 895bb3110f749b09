"""Planning a session when one is planned already: move that one, keep both, or leave it.

A second planned session splits the agenda (what carried over and the mentor's
additions stay on the first), so planning again asks before it does that.
"""

from __future__ import annotations

from typing import Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from rm_tui.models import PlannedAlready
from rm_tui.text import counted
from widgets.safe import literal_line

Choice = Literal["move", "keep"]


def replan_question(planned: PlannedAlready) -> Content:
    """'A session with Sam is already planned for Tue 08 Dec (3 items). Move it to Tue 15 Dec?'"""
    moving_to = planned.moving_to or planned.session.scheduled_on
    return Content.assemble(
        "A session with ", literal_line(planned.mentor, "bold"), " is already planned for ",
        (f"{planned.session.scheduled_on:%a %d %b}", "bold"), f" ({counted(planned.items, 'item')}).\n",
        "Move it to ", (f"{moving_to:%a %d %b}", "bold"), "?",
    )


class ReplanDialog(ModalScreen[Choice | None]):
    """Dismisses with "move", "keep", or None (cancel: nothing changes)."""

    DEFAULT_CSS = """
    ReplanDialog { align: center middle; }
    ReplanDialog #replan { width: 80; max-width: 100%; height: auto; max-height: 100%;
                           border: thick $warning; background: $surface; padding: 1 2; }
    ReplanDialog #replan-buttons { height: auto; margin-top: 1; }
    ReplanDialog #replan-buttons Button { margin-right: 2; min-width: 10; }
    ReplanDialog #replan-why { color: $text-muted; margin-top: 1; }
    ReplanDialog #replan-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "answer('cancel')", "Cancel", show=False),
        Binding("m", "answer('move')", "Move it", show=False),
        Binding("k", "answer('keep')", "Keep both", show=False),
        Binding("c", "answer('cancel')", "Cancel", show=False),
    ]

    def __init__(self, planned: PlannedAlready) -> None:
        super().__init__()
        self.planned = planned

    def compose(self) -> ComposeResult:
        with Vertical(id="replan"):
            yield Static(replan_question(self.planned), id="replan-question")
            yield Static("Moving keeps its agenda: what carried over and what was added. "
                         "Keeping both plans a second session with an empty agenda.", id="replan-why",
                         markup=False)
            with Horizontal(id="replan-buttons"):
                yield Button("Move it", id="move", variant="primary", compact=True)
                yield Button("Keep both", id="keep", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
            yield Static("enter or m moves it · k keeps both · escape or c cancels", id="replan-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#replan").border_title = "Already planned"
        self.query_one("#move", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_answer(event.button.id or "cancel")

    def action_answer(self, answer: str) -> None:
        self.dismiss("move" if answer == "move" else "keep" if answer == "keep" else None)
