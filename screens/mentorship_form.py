"""The form that creates or edits a mentorship."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from rm_tui.models import MENTORSHIP_STATUSES, MentorshipDraft

from .form_screen import FormScreen

SaveMentorship = Callable[[MentorshipDraft], object]


class MentorshipFormScreen(FormScreen):
    """Collects a mentorship's fields and hands them to `save`.

    The store validates; a refusal keeps the form open with everything typed.
    """

    CSS_PATH = "mentorship_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(
        self,
        *,
        title: str,
        draft: MentorshipDraft | None,
        leader_name: str,
        save: SaveMentorship,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.draft = draft or MentorshipDraft(leader=leader_name, mentor="")
        self.is_new = draft is None
        self.save = save

    def compose(self) -> ComposeResult:
        d = self.draft
        with VerticalScroll(id="form"):
            yield Static(Content(self.form_title), id="form-title")
            with Grid(id="fields"):
                yield Label("Your name")
                yield Input(d.leader, placeholder="e.g. Dana Whitfield", id="leader", compact=True)
                yield Label("Your mentor")
                yield Input(d.mentor, placeholder="the colleague you will learn from", id="mentor", compact=True)
                yield Label("What they know well")
                yield Input(d.expertise, placeholder="e.g. ran our short-video launch", id="expertise", compact=True)
                yield Label("What you want to learn")
                yield Input(d.focus, placeholder="e.g. how customers use AI assistants", id="focus", compact=True)
                yield Label("Meet every (days)")
                yield Input(str(d.cadence_days), type="integer", id="cadence_days", compact=True)
                yield Label("Their manager")
                yield Checkbox("I talked to them first", d.manager_informed, id="manager_informed")
                if not self.is_new:
                    yield Label("Status")
                    yield Select(
                        [(status.capitalize(), status) for status in MENTORSHIP_STATUSES],
                        value=d.status,
                        allow_blank=False,
                        id="status",
                        compact=True,
                    )
            yield Static(id="error")
            with Horizontal(id="buttons"):
                yield Button("Save", variant="primary", id="save", compact=True)
                yield Button("Cancel", id="cancel", compact=True)
                yield Static(Content("ctrl+s save · escape cancel · tab next field"), id="form-hint")

    def on_mount(self) -> None:
        first_empty = "#leader" if not self.draft.leader else "#mentor"
        self.query_one(first_empty if self.is_new else "#mentor", Input).focus()

    def _draft_from_fields(self) -> MentorshipDraft:
        status = self.query_one("#status", Select).value if not self.is_new else "active"
        return MentorshipDraft(
            leader=self.query_one("#leader", Input).value,
            mentor=self.query_one("#mentor", Input).value,
            expertise=self.query_one("#expertise", Input).value,
            focus=self.query_one("#focus", Input).value,
            manager_informed=self.query_one("#manager_informed", Checkbox).value,
            cadence_days=self.query_one("#cadence_days", Input).value,
            status=str(status),
        )

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        self.submit(lambda: self.save(self._draft_from_fields()))

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()
