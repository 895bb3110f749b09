"""Undo for the screens: a stack of steps, each saying what undoing it does and doing it.

Every screen that lets a person remove, drop or mark something offers ctrl+z the
same way: the change goes to the store at once (screens hold no state the
database does not), and the step that reverses it goes on this stack. Undoing
runs the newest step and hands back its description for the screen to show.

It lives in the core, free of Textual, so it is tested without an app.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

NOTHING_TO_UNDO = "Nothing to undo."
DEFAULT_DEPTH = 100  # steps kept; older ones fall off, as a long meeting's would never be wanted back


class Undoable(Protocol):
    """Anything that can be undone: what to tell the person, and how to do it."""

    @property
    def description(self) -> str:
        """What undoing does, in the person's words: 'Put back: A real task in Notion'."""
        ...

    def undo(self) -> None:
        """Reverse the change, through the store."""
        ...


@dataclass(frozen=True)
class Step:
    """The plain Undoable: a description and the callable that reverses the change."""

    description: str
    reverse: Callable[[], object]

    def undo(self) -> None:
        self.reverse()


class UndoStack:
    """The newest change is undone first."""

    def __init__(self, depth: int = DEFAULT_DEPTH) -> None:
        self._steps: deque[Undoable] = deque(maxlen=depth)

    def push(self, step: Undoable) -> None:
        self._steps.append(step)

    def add(self, description: str, reverse: Callable[[], object]) -> None:
        """Push a Step: `reverse` undoes the change, `description` says so."""
        self.push(Step(description, reverse))

    def undo(self) -> str | None:
        """Undo the newest step and return its description; None when there is nothing to undo.

        The step leaves the stack before it runs: if the store refuses it (the row
        was changed for good in another window), trying it again would only be
        refused again, and the step below it can still be undone.
        """
        if not self._steps:
            return None
        step = self._steps.pop()
        step.undo()
        return step.description

    def __len__(self) -> int:
        return len(self._steps)
