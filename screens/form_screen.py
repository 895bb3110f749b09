"""The base of rm-tui's small forms: save through the store, or show why not; never lose typing to escape."""

from __future__ import annotations

from collections.abc import Callable

from textual.actions import SkipAction
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Select, Static

from rm_tui.errors import RmTuiError, ValidationError
from widgets.rm_tui_node import RmTuiNode
from widgets.safe import literal

from .discard_guard import TOGGLES, DiscardGuard


class FormScreen(RmTuiNode, DiscardGuard[bool], ModalScreen[bool]):
    """A dialog whose save goes through a store call that may refuse the input.

    On a refusal the message shows in the `#error` Static, the field at fault is
    tinted and focused, and everything typed stays; nothing was saved. Dismisses
    with True once saved, False when cancelled. The small forms share one look: a
    `.form-box` holding a `.form-fields` grid of labels and inputs, `#error`, and a
    `.form-hint` line.

    Every form's hint says "enter saves": so enter on a checkbox or switch saves
    too (space ticks it), as does enter on a closed dropdown (space opens it), and
    escape on a form that differs from how it opened asks before throwing the
    typing away. Subclasses give `action_save`.
    """

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen .form-box { width: 76; max-width: 100%; height: auto; max-height: 100%;
                           border: thick $primary; background: $surface; padding: 1 2; }
    FormScreen .form-fields { grid-size: 2; grid-columns: 12 1fr; grid-rows: auto; grid-gutter: 1 0;
                              height: auto; margin: 1 0; }
    FormScreen .form-fields Input { background: $boost; }
    FormScreen .form-fields Input.-invalid { background: $error 35%; }
    FormScreen #error { color: $error; text-style: bold; display: none; }
    FormScreen .form-hint { color: $text-muted; }
    """
    # Priority, because a focused checkbox binds enter to tick itself before the form hears it.
    BINDINGS = [Binding("enter", "save_from_toggle", show=False, priority=True)]

    def action_save(self) -> None:
        raise NotImplementedError  # each form gathers its own fields

    def action_save_from_toggle(self) -> None:
        if not isinstance(self.focused, (*TOGGLES, Select)):  # a closed Select opens on space or a click
            raise SkipAction()  # enter goes where it always went: an input's submit, a button, a list
        self.action_save()

    def submit(self, save: Callable[[], object]) -> None:
        for widget in self.query(".-invalid"):
            widget.remove_class("-invalid")
        try:
            save()
        except ValidationError as error:
            self.show_error(str(error))
            field = self.query(f"#{error.field}")
            if field:
                field.first().add_class("-invalid")
                field.first().focus()
            return
        except RmTuiError as error:
            self.show_error(str(error))
            return
        self.dismiss(True)

    def show_error(self, message: str) -> None:
        error = self.query_one("#error", Static)
        error.update(literal(message))  # a refusal may quote what was typed
        error.display = True

    def action_cancel(self) -> None:
        self.leave_unless_typed(lambda: self.dismiss(False))
