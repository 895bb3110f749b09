"""Import an agenda written elsewhere into the builder's session: which file, then what it will add."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Input, Static

from rm_tui.errors import RmTuiError
from widgets.safe import literal, literal_line

from .form_screen import FormScreen

if TYPE_CHECKING:
    from rm_tui.agenda_import import ImportedAgenda

Preview = Callable[["ImportedAgenda"], tuple[list[str], str]]
"""The lines saying what an agenda will add, and the question to ask (the command line's own words)."""
AddAgenda = Callable[["ImportedAgenda"], object]

FILE_HINT = "Markdown, text or an rm-tui export · enter previews · escape cancels"
ADD_HINT = "enter adds them · change the path to read another file · escape cancels"


class ImportFormScreen(FormScreen):
    """Asks for a file; enter reads it and shows what it adds, a second enter hands it to `add`.

    A file that is not an agenda is refused beside the field, in the reader's one
    line, and nothing is added. The preview is of the file as read then: what was
    shown is what is added, even if the file changes meanwhile.
    """

    DEFAULT_CSS = """
    ImportFormScreen .form-box { width: 90; }
    ImportFormScreen #path { background: $boost; margin: 1 0; }
    ImportFormScreen #path.-invalid { background: $error 35%; }
    ImportFormScreen #preview { height: auto; max-height: 12; display: none; }
    ImportFormScreen #preview-lines { text-wrap: nowrap; text-overflow: ellipsis; }
    ImportFormScreen #question { text-style: bold; margin: 1 0 0 0; display: none; }
    """
    BINDINGS = [Binding("escape", "cancel", "Cancel"), Binding("ctrl+s", "save", "Add")]

    def __init__(self, heading: str, folder: Path | None, preview: Preview, add: AddAgenda) -> None:
        super().__init__()
        self.heading = heading
        self.folder = folder
        self.preview = preview
        self.add = add
        self._read: tuple[Path, ImportedAgenda] | None = None  # the file previewed, as it was read

    def compose(self) -> ComposeResult:
        start = f"{self.folder}/" if self.folder is not None else ""
        with VerticalScroll(classes="form-box"):
            yield Static(literal_line(self.heading, "bold"))  # it names the mentor
            yield Input(start, placeholder="the agenda's file, e.g. ~/Documents/prep.md", id="path", compact=True)
            yield Static(id="error")
            with VerticalScroll(id="preview"):
                yield Static(id="preview-lines")
            yield Static(id="question")
            yield Static(FILE_HINT, id="hint", classes="form-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#path", Input).focus()

    def _path(self) -> Path:
        return Path(self.query_one("#path", Input).value.strip()).expanduser()

    @on(Input.Changed, "#path")
    def _path_changed(self) -> None:
        """Another path: what was previewed is no longer what enter would add."""
        if self._read is not None and self._read[0] != self._path():
            self._show_preview(None)

    @on(Input.Submitted)
    def action_save(self) -> None:
        path = self._path()
        if self._read is not None and self._read[0] == path:
            agenda = self._read[1]
            self.submit(lambda: self.add(agenda))
            return
        self._read_file(path)

    def _read_file(self, path: Path) -> None:
        from rm_tui.agenda_import import read_agenda

        field = self.query_one("#path", Input)
        field.remove_class("-invalid")
        self.query_one("#error", Static).display = False
        try:
            if not self.query_one("#path", Input).value.strip():
                raise RmTuiError("type the path of the agenda's file")  # not "." as a folder
            agenda = read_agenda(path)
            lines, question = self.preview(agenda)
        except RmTuiError as refusal:  # not an agenda, or not one this window may add: nothing is
            self._show_preview(None)
            self.show_error(str(refusal))
            field.add_class("-invalid")
            return
        self._read = (path, agenda)
        self._show_preview(("\n".join(lines), question))

    def _show_preview(self, shown: tuple[str, str] | None) -> None:
        if shown is None:
            self._read = None
        lines, question = shown or ("", "")
        self.query_one("#preview-lines", Static).update(literal(lines))  # the file's words, never markup
        self.query_one("#question", Static).update(literal(question))
        self.query_one("#preview").display = shown is not None
        self.query_one("#question").display = shown is not None
        self.query_one("#hint", Static).update(ADD_HINT if shown is not None else FILE_HINT)
