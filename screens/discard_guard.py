"""Escape on a dialog that holds typing asks before throwing it away."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual import on
from textual.content import Content
from textual.events import Mount
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Checkbox, Input, RadioButton, Select, Switch, TextArea

from .confirm import Answer, ConfirmScreen

TOGGLES = (Checkbox, RadioButton, Switch)  # space ticks them; enter is the form's
DISCARD = Answer("Discard", "d", "discards")
KEEP_EDITING = Answer("Keep editing", "k", "keeps editing")
ResultT = TypeVar("ResultT")


def field_value(widget: Widget) -> object:
    """What a field holds, for telling whether anything was typed; None for what is not a field."""
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    if isinstance(widget, TOGGLES):
        return widget.value
    if isinstance(widget, Select):
        return widget.value
    return None


class DiscardGuard(Screen[ResultT]):
    """Remembers the fields as the dialog opened; `leave_unless_typed` asks before losing a change."""

    _opened_with: list[object] | None = None

    @on(Mount)
    def _remember_fields_once_drawn(self) -> None:
        # After the first refresh: a form may fill fields in its own on_mount (the drafted ask).
        self.call_after_refresh(self._remember_fields)

    def _remember_fields(self) -> None:
        self._opened_with = self._field_values()

    def _field_values(self) -> list[object]:
        return [value for widget in self.query("*") if (value := field_value(widget)) is not None]

    def changed_since_opened(self) -> bool:
        """True when any field differs from how the dialog opened (typing undone counts as unchanged)."""
        return self._opened_with is not None and self._field_values() != self._opened_with

    def leave_unless_typed(self, leave: Callable[[], object]) -> None:
        """Run `leave` now if nothing was typed, else once the reader says to discard."""
        if not self.changed_since_opened():
            leave()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                leave()

        self.app.push_screen(
            ConfirmScreen(Content("Discard what you typed?"), DISCARD, KEEP_EDITING, escape_says_yes=True), answered
        )
