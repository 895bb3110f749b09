"""Log something done for the mentor: what kind, a line about it, when."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from rm_tui.models import CHAMPION_KINDS
from widgets.safe import literal_line

from .form_screen import FormScreen

SaveEntry = Callable[[str, str, str], object]


class ChampionFormScreen(FormScreen):
    """Hands (kind, note, date) to `save`; the store refuses a bad date."""

    DEFAULT_CSS = """
    ChampionFormScreen .form-box { border: thick $success; }
    ChampionFormScreen .form-fields { grid-columns: 10 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, mentor: str, save: SaveEntry) -> None:
        super().__init__()
        self.mentor = mentor
        self.save = save

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box"):
            yield Static(Content.assemble(("What did you do for ", "bold"), literal_line(self.mentor, "bold"),
                                          ("?", "bold")))
            with Grid(classes="form-fields"):
                yield Label("Kind")
                yield Select([(label, kind) for kind, label in CHAMPION_KINDS.items()], value="credit",
                             allow_blank=False, id="kind", compact=True)
                yield Label("What")
                yield Input(placeholder="e.g. named their idea in the leadership meeting", id="note", compact=True)
                yield Label("When")
                yield Input("today", id="happened_on", compact=True)
            yield Static(id="error")
            yield Static("when: today, yesterday, last fri, -3d, -1w or 2026-11-20 · credit, nominations, "
                         "introductions and public thanks make them visible; advice and connections are what "
                         "you give back · enter saves · escape cancels",
                         classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        kind = str(self.query_one("#kind", Select).value)
        note = self.query_one("#note", Input).value
        when = self.query_one("#happened_on", Input).value
        self.submit(lambda: self.save(kind, note, when))
