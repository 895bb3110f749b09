"""ctrl+z on any screen: undo the newest step and say what it did, in the same words everywhere."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.widget import Widget

from rm_tui.errors import RmTuiError
from rm_tui.undo import NOTHING_TO_UNDO, UndoStack

from .safe import notify_literal


def undo_and_tell(target: App[Any] | Widget, stack: UndoStack) -> None:
    """Undo the newest step on `stack` and show its description (user text, shown literally).

    A refusal from the core (the row was changed for good in another window) is
    said in one line too: a button press reaches here without the app's own net.
    """
    try:
        undone = stack.undo()
    except RmTuiError as refusal:
        target.notify(str(refusal), severity="warning", markup=False)
        return
    if undone is None:
        target.notify(NOTHING_TO_UNDO, severity="warning")
    else:
        notify_literal(target, undone)
