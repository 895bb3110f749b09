"""Export to a Markdown file from the app: where, and whether private notes go too."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, Input, Static

from rm_tui.files import ExportRefused, OutputExists
from widgets.safe import literal_line, notify_literal

from .form_screen import FormScreen

if TYPE_CHECKING:
    from rm_tui.exporting import ExportRequest
    from rm_tui.store import Store

    from .data_screen import DataScreen

WriteExport = Callable[[Path, bool, bool], Path]

REPLACE_LABEL = "Replace the file if it exists"
NOTES_HINT = "Off-record notes are never exported."
# A calendar holds no notes at all: its form says what it does hold.
CALENDAR_HINT = "Dates and agenda titles only, never notes."


def refusal_to_replace(error: OutputExists) -> ExportRefused:
    """The refusal in the form's own words: it names the checkbox, not the command line's --force."""
    return ExportRefused(f'{error}; tick "{REPLACE_LABEL}" to replace it')


class ExportFormScreen(FormScreen):
    """Asks for a file name; `write(path, include_private, replace)` writes it or refuses."""

    DEFAULT_CSS = """
    ExportFormScreen .form-box { width: 90; }
    ExportFormScreen Checkbox { border: none; background: transparent; padding: 0; }
    ExportFormScreen #path { background: $boost; margin: 1 0; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Save")]

    def __init__(self, heading: str, path: Path, write: WriteExport, *, offer_private: bool = True,
                 hint: str = NOTES_HINT) -> None:
        super().__init__()
        self.heading = heading
        self.path = path
        self.write = write
        self.offer_private = offer_private
        self.hint = hint
        self.written: Path | None = None

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="form-box"):
            yield Static(literal_line(self.heading, "bold"))  # it may name the mentor
            yield Input(str(self.path), id="path", compact=True)
            if self.offer_private:
                yield Checkbox("Include my private notes", id="private")
            yield Checkbox(REPLACE_LABEL, id="replace")
            yield Static(id="error")
            yield Static(f"{self.hint} The file is readable by you only. enter writes · escape cancels",
                         classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    @on(Input.Submitted)
    def action_save(self) -> None:
        path = Path(self.query_one("#path", Input).value.strip()).expanduser()
        private = self.offer_private and self.query_one("#private", Checkbox).value
        replace = self.query_one("#replace", Checkbox).value

        def write() -> None:
            try:
                self.written = self.write(path, private, replace)
            except OutputExists as error:
                raise refusal_to_replace(error) from None
            notify_literal(self, f"Wrote {self.written}")

        self.submit(write)


def push_export(screen: DataScreen, store: Store, request: ExportRequest, heading: str) -> None:
    """Open the export form for `request`, offering a file in the documents folder."""
    from dataclasses import replace

    from rm_tui.exporting import default_folder, render, suggested_name
    from rm_tui.files import write_private_text

    request = replace(request, viewer=screen.app.role)

    def write(path: Path, include_private: bool, replace_file: bool) -> Path:
        text = render(store, replace(request, include_private=include_private))
        return write_private_text(path, text, force=replace_file)

    screen.app.push_screen(
        ExportFormScreen(heading, default_folder() / suggested_name(store, request), write,
                         offer_private=not request.impact and request.viewer == "leader")
    )


def push_calendar(screen: DataScreen, store: Store) -> None:
    """Offer the sessions to come as an .ics file in the documents folder."""
    from rm_tui.calendar_export import nothing_planned, planned_sessions_calendar
    from rm_tui.exporting import default_folder
    from rm_tui.files import write_private_text

    if not store.sessions_to_come():  # a file with no event in it would only look like it worked
        notify_literal(screen, f"{nothing_planned(store)}: p plans one.", severity="error")
        return

    def write(path: Path, include_private: bool, replace_file: bool) -> Path:
        return write_private_text(path, planned_sessions_calendar(store), force=replace_file)

    screen.app.push_screen(
        ExportFormScreen("Sessions to come, for your calendar app (import the file again after changes)",
                         default_folder() / "rm-tui-sessions.ics", write, offer_private=False,
                         hint=CALENDAR_HINT)
    )
