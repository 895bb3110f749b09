"""Capture a follow-up without leaving the note: what, who, by when."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from rm_tui.models import ROLES, Role
from widgets.safe import literal_line

from .form_screen import FormScreen

SaveFollowUp = Callable[[str, str, str], object]


class FollowUpFormScreen(FormScreen):
    """Hands (what, owner, due) to `save`; the store refuses an empty title or a bad date."""

    DEFAULT_CSS = """
    FollowUpFormScreen .form-box { border: thick $accent; }
    FollowUpFormScreen .form-fields { grid-columns: 10 1fr; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(
        self,
        context: str,
        owner: Role,
        due: str,
        save: SaveFollowUp,
        *,
        title: str = "",
        heading: str = "New follow-up",
        joined_by: str = "on",
    ) -> None:
        super().__init__()
        self.context = context
        self.owner = owner
        self.due = due
        self.save = save
        self.title_text = title
        self.heading = heading
        self.joined_by = joined_by  # "on" an agenda item, "in" a mentorship: the title reads as a phrase

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box"):
            yield Static(Content.assemble(literal_line(self.heading, "bold"), (f" {self.joined_by} ", "$text-muted"),
                                          literal_line(self.context)))
            with Grid(classes="form-fields"):
                yield Label("What")
                yield Input(self.title_text, placeholder="what will be done", id="title", compact=True)
                yield Label("Owner")
                yield Select(((role, role) for role in ROLES), value=self.owner, allow_blank=False,
                             id="owner", compact=True)
                yield Label("Due")
                yield Input(self.due, id="due_on", compact=True)
            yield Static(id="error")
            yield Static("due: 2026-12-08, +7d, +2w, friday or tomorrow; empty for none · "
                         "enter saves · escape cancels", classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        title = self.query_one("#title", Input).value
        owner = str(self.query_one("#owner", Select).value)
        due = self.query_one("#due_on", Input).value
        self.submit(lambda: self.save(title, owner, due))
