"""The ask for one mentorship: the message inviting the mentor, to edit, copy or save as text."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Static, TextArea

from rm_tui.ask import current_ask, draft_ask
from widgets.ask_editor import AskEditor
from widgets.safe import literal_line

if TYPE_CHECKING:
    from rm_tui.store import Store


class AskScreen(ModalScreen[None]):
    """Edits are kept when the screen closes; ctrl+r starts again from the answers."""

    DEFAULT_CSS = """
    AskScreen { align: center middle; }
    AskScreen #ask-box { width: 90; max-width: 100%; height: 90%; border: thick $primary;
                         background: $surface; padding: 0 1; }
    AskScreen #ask-title { margin: 1 0 0 0; }
    AskScreen #ask-text { height: 1fr; margin: 1 0; }
    """
    BINDINGS = [
        # Function keys: the editor keeps every ctrl key it uses for text.
        Binding("f7", "copy_ask", "Copy", tooltip="Copy the ask to the clipboard, to paste into a message"),
        Binding("f8", "export", "Save as text", tooltip="Write the ask to a text file"),
        Binding("ctrl+r", "redraft", "Redraft", tooltip="Start again from your answers (drops your edits)"),
        Binding("escape", "close", "Close", tooltip="Close (your edits are kept)"),
    ]

    def __init__(self, store: Store, mentorship_id: int) -> None:
        super().__init__()
        self.store = store
        self.mentorship_id = mentorship_id
        self.mentorship = store.get_mentorship(mentorship_id)

    def compose(self) -> ComposeResult:
        m = self.mentorship
        text = current_ask(m, self.store.setup(m.id), self.store.goals(m.id))
        with Vertical(id="ask-box"):
            yield Static(Content.assemble(literal_line(f"The ask for {m.mentor}", "bold"),
                                          ("  drafted from your answers; make it yours", "$text-muted")),
                         id="ask-title")
            yield AskEditor(text, id="ask-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#ask-text", TextArea).focus()

    @property
    def _text(self) -> str:
        return self.query_one("#ask-text", TextArea).text

    def _draft(self) -> str:
        return draft_ask(self.mentorship, self.store.setup(self.mentorship_id), self.store.goals(self.mentorship_id))

    def _keep(self) -> None:
        # Stored only when it differs from the draft, so a draft follows later answers.
        self.store.save_ask(self.mentorship_id, "" if self._text == self._draft() else self._text)

    def action_copy_ask(self) -> None:
        self.app.copy_to_clipboard(self._text)
        self.notify("The ask is on the clipboard: paste it into a message to your mentor.")

    def action_redraft(self) -> None:
        self.query_one("#ask-text", TextArea).load_text(self._draft())
        self.notify("Drafted again from your answers.")

    def action_export(self) -> None:
        from rm_tui.exporting import default_folder
        from rm_tui.files import write_private_text
        from rm_tui.slug import slug

        from .export_form import ExportFormScreen

        text = self._text

        def write(path: Path, include_private: bool, replace_file: bool) -> Path:
            return write_private_text(path, text, force=replace_file)

        name = f"ask-{slug(self.mentorship.mentor, fallback='mentor')}.txt"
        self.app.push_screen(ExportFormScreen(f"Save the ask for {self.mentorship.mentor} as text",
                                              default_folder() / name, write, offer_private=False))

    def action_close(self) -> None:
        self._keep()
        self.dismiss()
