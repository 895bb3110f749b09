"""The recap for the mentor, from the meeting summary: read it, copy it, save it, or mail it."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from rm_tui.recap import CUT_LINE, RECAP_HINT, Recap, mailto_url, recap_markdown, recap_subject
from widgets.rm_tui_node import RmTuiNode
from widgets.safe import literal, notify_literal

AROUND_THE_TEXT = 8  # rows the dialog's border, padding and buttons take


class RecapDialog(RmTuiNode, ModalScreen[None]):
    """Shows the recap as the Markdown it is; nothing here writes to the database."""

    DEFAULT_CSS = """
    RecapDialog { align: center middle; }
    RecapDialog #recap { width: 90; max-width: 100%; height: auto; max-height: 100%;
                         border: thick $accent; background: $surface; padding: 1 2; }
    RecapDialog #recap-text { height: auto; }
    RecapDialog #recap-buttons { height: auto; margin-top: 1; }
    RecapDialog #recap-buttons Button { margin-right: 1; }
    """
    BINDINGS = [
        Binding("c", "copy", "Copy", tooltip="Copy the recap, to paste into a message"),
        Binding("s", "save", "Save as Markdown"),
        Binding("m", "mail", "Mail draft", tooltip="Open a draft in your mail program"),
        Binding("escape", "close", "Close"),
    ]

    def __init__(self, recap: Recap) -> None:
        super().__init__()
        self.recap = recap
        self.text = recap_markdown(recap)

    def compose(self) -> ComposeResult:
        with Vertical(id="recap"):
            with VerticalScroll(id="recap-text"):
                yield Static(literal(self.text))
            with Horizontal(id="recap-buttons"):
                yield Button("Copy", id="copy", variant="primary")
                yield Button("Save as Markdown", id="save")
                yield Button("Mail draft", id="mail")
                yield Button("Close", id="close")

    def on_mount(self) -> None:
        box = self.query_one("#recap")
        box.border_title = "Recap for the mentor"
        box.border_subtitle = "c copies · s saves · m mails · escape closes"
        self.query_one("#copy").focus()

    def on_resize(self, event: Resize) -> None:
        # An auto-height text would push the buttons off a short terminal: it scrolls instead.
        self.query_one("#recap-text").styles.max_height = max(3, event.size.height - AROUND_THE_TEXT)

    @on(Button.Pressed)
    async def _pressed(self, event: Button.Pressed) -> None:
        await self.run_action(event.button.id or "close")

    def action_copy(self) -> None:
        self.app.copy_to_clipboard(self.text)
        notify_literal(self, "Recap copied: paste it into a message to the mentor.")

    def action_mail(self) -> None:
        # The link opens a draft with no recipient: rm-tui keeps no addresses.
        url = mailto_url(recap_subject(self.recap), self.text)
        self.app.open_url(url)
        if url.endswith(quote(CUT_LINE, safe="")):
            notify_literal(self, "Opening a mail draft. The recap is too long for a mail link: "
                                 "the draft ends early, so save it too (s) and attach the file.")
        else:
            notify_literal(self, "Opening a mail draft in your mail program.")

    def action_save(self) -> None:
        from rm_tui.exporting import default_folder
        from rm_tui.files import write_private_text
        from rm_tui.slug import slug

        from .export_form import ExportFormScreen

        def write(path: Path, include_private: bool, replace_file: bool) -> Path:
            return write_private_text(path, self.text, force=replace_file)

        name = f"{slug(self.recap.mentorship.mentor, fallback='mentor')}-" \
               f"{self.recap.session.scheduled_on.isoformat()}-recap.md"
        self.app.push_screen(ExportFormScreen("Save the recap for the mentor", default_folder() / name, write,
                                              offer_private=False, hint=RECAP_HINT))

    def action_close(self) -> None:
        self.dismiss(None)
