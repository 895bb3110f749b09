"""Fill a topic's [Placeholder] fields and see the prompt before it joins the agenda."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from rm_tui.models import Topic
from rm_tui.placeholders import fill, placeholders
from rm_tui.text import counted, one_line
from widgets.safe import literal_line
from widgets.topic_card import prompt_content
from widgets.type_ahead import TypeAheadInput

from .discard_guard import DiscardGuard


class PlaceholderFormScreen(DiscardGuard[dict[str, str] | None], ModalScreen[dict[str, str] | None]):
    """Asks for each placeholder; dismisses with the values, or None when cancelled."""

    DEFAULT_CSS = """
    PlaceholderFormScreen { align: center middle; }
    #fill { width: 80; max-width: 100%; height: auto; max-height: 100%;
            border: thick $primary; background: $surface; padding: 1 2; }
    #fill-fields { grid-size: 2; grid-columns: auto 1fr; grid-rows: auto; grid-gutter: 1 2; height: auto; margin: 1 0; }
    #fill-fields Input { background: $boost; }
    #fill-preview { border: round $secondary; padding: 0 1; height: auto; }
    #fill-hint { color: $text-muted; margin-top: 1; }
    #fill-again { color: $warning; }
    """
    # The first field has the keyboard from the moment the form is shown. Focusing it
    # in on_mount came a turn later: keys typed straight after the enter that opened
    # the form went to the form itself, the letters were lost and enter added the
    # topic with its fields empty. (Keys typed before even that are handled in on_key.)
    AUTO_FOCUS = "Input"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "add", "Add to agenda"),
        # A topic with nothing to fill has no field to press enter in.
        Binding("enter", "enter", "Add to agenda", show=False),
    ]

    def __init__(self, topic: Topic, on_agenda: int = 0) -> None:
        """`on_agenda`: how many times the topic is on the agenda already (the form says so)."""
        super().__init__()
        self.topic = topic
        self.on_agenda = on_agenda
        self.fields = placeholders(f"{topic.title} {topic.prompt}")

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="fill"):
            yield Static(Content.assemble(("Add to the agenda: ", "bold"), literal_line(self.topic.title)))
            if self.on_agenda:
                times = "once" if self.on_agenda == 1 else counted(self.on_agenda, "time")
                yield Static(f"⚠ Already on the agenda {times}: this adds it again.", id="fill-again", markup=False)
            with Grid(id="fill-fields"):
                for index, name in enumerate(self.fields):
                    # The names come from the topic's text, which may be a user's file.
                    yield Label(literal_line(name))
                    yield TypeAheadInput(placeholder=f"which {one_line(name).lower()}?", id=f"field-{index}",
                                         compact=True, when_entered=self._entered)
            yield Static(id="fill-preview")
            hint = "enter on the last field adds it" if len(self.fields) > 1 else "enter adds it"
            hint += " · escape cancels"
            if self.fields:
                hint += " · a field left empty stays as [it is]"
            yield Static(hint, id="fill-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#fill-preview").border_title = "Preview"
        self._preview()
        self.call_after_refresh(self._show_cursor)

    def _show_cursor(self) -> None:
        """Put the terminal's cursor in the first field once it has a place on screen.

        The field took the keyboard before the form was laid out, when it placed the
        cursor at the screen's corner; a person would look for it there in vain.
        """
        if isinstance(self.focused, Input):
            self.app.cursor_position = self.focused.cursor_screen_offset

    def on_key(self, event: events.Key) -> None:
        """Keys that reach the form itself go to its field, in the order typed.

        They are the keys typed before the first field had the keyboard: sent to the
        form by the app, or passed on by the search box or list that opened the form
        (`widgets.type_ahead`; those are not `is_forwarded`). Letters go into the field
        with the keyboard (the first one at first); enter and backspace act on it here
        and now when passed on, where a binding would act only after the letters that
        follow. A field's own letters never get here: it stops them.
        """
        inputs = self.query(Input)
        if not inputs:
            return
        field = self.focused if isinstance(self.focused, Input) else inputs.first()
        if event.is_printable and event.character is not None:
            field.insert_text_at_cursor(event.character)
            self.set_focus(field)
        elif event.key == "enter" and not event.is_forwarded:
            self._entered(field)
        elif event.key == "backspace" and not event.is_forwarded:
            field.action_delete_left()
        else:
            return
        event.stop()
        event.prevent_default()

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
        self._entered(event.input)

    def _entered(self, field: Input) -> None:
        """Enter in a field: on to the next (at once, so the next letters typed go there), or add."""
        inputs = list(self.query(Input))
        index = inputs.index(field)
        if index + 1 < len(inputs):
            self.set_focus(inputs[index + 1])
        else:
            self.action_add()

    def action_enter(self) -> None:
        """Enter outside a field adds a topic with nothing to fill; one with fields is never
        added unseen: its first field takes the keyboard instead."""
        inputs = self.query(Input)  # enter in a field is the field's own (next field, or add)
        if inputs:
            inputs.first().focus()
            return
        self.action_add()

    def action_add(self) -> None:
        self.dismiss(self.values())

    def action_cancel(self) -> None:
        self.leave_unless_typed(lambda: self.dismiss(None))
