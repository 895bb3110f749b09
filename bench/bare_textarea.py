"""The typing baseline: a bare Textual app holding one TextArea, nothing else."""

from textual.app import App, ComposeResult
from textual.widgets import TextArea


class BareTextArea(App[None]):
    BINDINGS = [("ctrl+q", "quit", "Quit")]

    def compose(self) -> ComposeResult:
        yield TextArea("bare editor ready\n", id="editor")

    def on_mount(self) -> None:
        editor = self.query_one(TextArea)
        editor.focus()
        editor.move_cursor(editor.document.end)


if __name__ == "__main__":
    BareTextArea().run()
