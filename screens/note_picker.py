"""Every note on one agenda item, to pick from when there are more than the tabs show."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from rm_tui.models import VISIBILITY_LABELS, Note
from rm_tui.text import clean_text
from widgets.safe import literal_line

FIRST_LINE = 60


def note_line(note: Note) -> Content:
    """'mentor · shared  What the first line says…'."""
    lines = clean_text(note.body).strip().splitlines()
    first = lines[0] if lines else "(empty)"
    if len(first) > FIRST_LINE:
        first = first[: FIRST_LINE - 1] + "…"
    return Content.assemble((note.author, "bold"), (" · ", "$text-muted"), VISIBILITY_LABELS[note.visibility],
                            ("  ", ""), literal_line(first, "$text-muted"))


class NotePickerScreen(ModalScreen[int | None]):
    """Dismisses with the chosen note's id, or None."""

    DEFAULT_CSS = """
    NotePickerScreen { align: center middle; }
    #note-picker { width: 90; max-width: 100%; height: auto; max-height: 80%;
                   border: thick $accent; background: $surface; }
    """
    BINDINGS = [Binding("escape", "dismiss(None)", "Close")]

    def __init__(self, notes: list[Note], heading: str) -> None:
        super().__init__()
        self.notes = notes
        self.heading = heading

    def compose(self) -> ComposeResult:
        # Newest first: the older a note, the less likely it is the one wanted.
        yield OptionList(*(Option(note_line(n), id=str(n.id)) for n in reversed(self.notes)), id="note-picker")

    def on_mount(self) -> None:
        picker = self.query_one("#note-picker", OptionList)
        picker.border_title = literal_line(self.heading)  # it names an agenda item: user text
        picker.border_subtitle = "enter opens · escape closes"
        picker.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))
