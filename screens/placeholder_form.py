"""Fill a topic's [Placeholder] fields and see the prompt before it joins the agenda."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from rm_tui.models import Topic
from rm_tui.placeholders import fill, placeholders
from rm_tui.text import one_line
from widgets.safe import literal_line
from widgets.topic_card import prompt_content


class PlaceholderFormScreen(ModalScreen[dict[str, str] | None]):
    """Asks for each placeholder; dismisses with the values, or None when cancelled."""

    DEFAULT_CSS = """
    PlaceholderFormScreen { align: center middle; }
    #fill { width: 80; max-width: 100%; height: auto; max-height: 100%;
            border: thick $primary; background: $surface; padding: 1 2; }
    #fill-fields { grid-size: 2; grid-columns: auto 1fr; grid-rows: auto; grid-gutter: 1 2; height: auto; margin: 1 0; }
    #fill-fields Input { background: $boost; }
    #fill-preview { border: round $secondary; padding: 0 1; height: auto; }
    #fill-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "add", "Add to agenda"),
        # A topic with nothing to fill has no field to press enter in.
        Binding("enter", "add", "Add to agenda", show=False),
    ]

    def __init__(self, topic: Topic) -> None:
        super().__init__()
        self.topic = topic
        self.fields = placeholders(f"{topic.title} {topic.prompt}")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="fill"):
            yield Static(Content.assemble(("Add to the agenda: ", "bold"), literal_line(self.topic.title)))
            with Grid(id="fill-fields"):
                for index, name in enumerate(self.fields):
                    # The names come from the topic's text, which may be a user's file.
                    yield Label(literal_line(name))
                    yield Input(placeholder=f"which {one_line(name).lower()}?", id=f"field-{index}", compact=True)
            yield Static(id="fill-preview")
            hint = "enter on the last field adds it" if len(self.fields) > 1 else "enter adds it"
            hint += " · escape cancels"
            if self.fields:
                hint += " · a field left empty stays as [it is]"
            yield Static(hint, id="fill-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#fill-preview").border_title = "Preview"
        self._preview()
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()

    def values(self) -> dict[str, str]:
        return {name: self.query_one(f"#field-{i}", Input).value for i, name in enumerate(self.fields)}

    @on(Input.Changed)
    def _preview(self) -> None:
        values = self.values()
        self.query_one("#fill-preview", Static).update(
            Content.assemble(literal_line(fill(self.topic.title, values), "bold"), "\n",
                             prompt_content(fill(self.topic.prompt, values)))
        )

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_add()

    def action_add(self) -> None:
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        self.dismiss(None)
