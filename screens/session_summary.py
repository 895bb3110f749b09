"""The end of a meeting: what was discussed, what carries over, what was agreed."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from rm_tui.models import ItemTime, SessionSummary
from rm_tui.timing import clock_text
from widgets.agenda_line import InMeeting, agenda_line
from widgets.safe import literal_line


def summary_content(summary: SessionSummary) -> Content:
    """The summary as text: sections with one line per item or follow-up."""
    parts: list[Content | str | tuple[str, str]] = [
        ("Meeting time ", "$text-muted"),
        (clock_text(summary.total_seconds), "bold"),
        (f" of {summary.session.minutes}:00 planned", "$text-muted"),
        "\n\n",
    ]
    parts += _section(f"Discussed ({len(summary.discussed)})", summary.discussed)
    parts += _section(f"Not reached ({len(summary.not_reached)}): they carry over to the next session",
                      summary.not_reached)
    parts += [(f"Follow-ups agreed ({len(summary.follow_ups)})", "bold"), "\n"]
    for follow_up in summary.follow_ups:
        due = f"due {follow_up.due_on:%a %d %b}" if follow_up.due_on else "no due date"
        parts += ["  ☐ ", literal_line(follow_up.title), (f"  · {follow_up.owner} · {due}", "$text-muted"), "\n"]
    if not summary.follow_ups:
        parts += [("  none", "$text-muted"), "\n"]
    return Content.assemble(*parts).rstrip()


def _section(heading: str, times: list[ItemTime]) -> list[Content | str | tuple[str, str]]:
    """A heading, then each item in the words of every agenda: ✓, '· mentor', time spent of planned."""
    parts: list[Content | str | tuple[str, str]] = [(heading, "bold"), "\n"]
    for entry in times:
        parts += ["  ", agenda_line(entry.item, meeting=InMeeting(entry.seconds)), "\n"]
    if not times:
        parts += [("  none", "$text-muted"), "\n"]
    return [*parts, "\n"]


class SessionSummaryScreen(ModalScreen[str]):
    """Asks before ending ('end' or 'keep'), or shows an ended meeting's summary ('export' or 'close')."""

    DEFAULT_CSS = """
    SessionSummaryScreen { align: center middle; }
    #summary { width: 90; max-width: 100%; height: auto; max-height: 100%;
               border: thick $accent; background: $surface; padding: 1 2; }
    #summary-buttons { height: auto; margin-top: 1; }
    #summary-buttons Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("f8", "close('export')", "Export", tooltip="Export this meeting as Markdown"),
        Binding("escape", "close('close')", "Close"),
    ]

    def __init__(self, summary: SessionSummary, *, asking_to_end: bool) -> None:
        super().__init__()
        self.summary = summary
        self.asking_to_end = asking_to_end

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="summary"):
            yield Static(summary_content(self.summary), id="summary-text")
            with Horizontal(id="summary-buttons"):
                if self.asking_to_end:
                    yield Button("End meeting", id="end", variant="primary")
                    yield Button("Keep going", id="keep")
                else:
                    yield Button("Export as Markdown", id="export", variant="primary")
                    yield Button("Close", id="close")

    def on_mount(self) -> None:
        box = self.query_one("#summary")
        box.border_title = "End the meeting?" if self.asking_to_end else "Meeting summary"
        box.border_subtitle = "enter chooses · escape closes" if self.asking_to_end else "F8 exports · escape closes"
        self.query_one(Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_close(event.button.id or "close")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Exporting is offered once the meeting has ended, as the buttons are.
        return not (parameters == ("export",) and self.asking_to_end)

    def action_close(self, choice: str) -> None:
        self.dismiss(choice)
