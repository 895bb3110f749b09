"""A question in a small dialog, answered by a button, a letter, enter or escape."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Button, Static
from textual.widgets.button import ButtonVariant

T = TypeVar("T")


@dataclass(frozen=True)
class Answer:
    """One way to answer: its button, the letter that gives it, and what it does in the hint's words."""

    label: str  # "Discard"
    key: str  # "d"
    does: str  # "discards"


@dataclass(frozen=True)
class Reply(Generic[T]):
    """An answer, the value the dialog gives for it, and its button's id."""

    id: str
    answer: Answer
    value: T
    risky: bool = False  # shown in the warning colour: it loses or changes something


class ChoiceScreen(ModalScreen[T]):
    """Dismisses with the value of the answer given.

    The `focused` answer has the keyboard, so a reflex enter gives it: make it the
    safe one. Escape gives `escape`. The hint line names every key beside what it
    does, so nothing has to be guessed.
    """

    DEFAULT_CSS = """
    ChoiceScreen { align: center middle; }
    ChoiceScreen #choice { width: 76; max-width: 100%; height: auto; max-height: 100%;
                           border: thick $warning; background: $surface; padding: 1 2; }
    ChoiceScreen #choice-buttons { height: auto; margin-top: 1; }
    ChoiceScreen #choice-buttons Button { margin-right: 2; min-width: 10; }
    ChoiceScreen #choice-detail, ChoiceScreen #choice-hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, question: Content, choices: Sequence[Reply[T]], *, escape: T, focused: int = 0,
                 title: str = "", detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.choices = tuple(choices)
        self.escape = escape
        self.focused_choice = self.choices[focused]
        self.title_text = title
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="choice"):
            yield Static(self.question, id="choice-question")
            if self.detail:
                yield Static(Content(self.detail), id="choice-detail")
            with Horizontal(id="choice-buttons"):
                for choice in self.choices:
                    variant: ButtonVariant = ("primary" if choice is self.focused_choice
                                              else "warning" if choice.risky else "default")
                    yield Button(choice.answer.label, id=choice.id, variant=variant, compact=True)
            yield Static(Content(self.hint()), id="choice-hint")

    def hint(self) -> str:
        """'escape or d discards · enter or k keeps editing': every key, beside what it does."""

        def keys(choice: Reply[T]) -> str:
            named = [name for name, given in (("enter", choice is self.focused_choice),
                                              ("escape", choice.value == self.escape)) if given]
            *first, last = [*named, choice.answer.key]
            return f"{', '.join(first)} or {last} {choice.answer.does}" if first else f"{last} {choice.answer.does}"

        return " · ".join(keys(choice) for choice in self.choices)

    def on_mount(self) -> None:
        if self.title_text:
            self.query_one("#choice").border_title = self.title_text
        self.query_one(f"#{self.focused_choice.id}", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(next(c.value for c in self.choices if c.id == event.button.id))

    def on_key(self, event: Key) -> None:
        if event.key == "escape":
            event.stop()
            self.dismiss(self.escape)
            return
        for choice in self.choices:
            if event.key == choice.answer.key:
                event.stop()
                self.dismiss(choice.value)
                return
