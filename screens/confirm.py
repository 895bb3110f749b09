"""A yes-or-no question in a small dialog, answered by a button, a letter or escape."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Key
from textual.screen import ModalScreen
from textual.widgets import Button, Static


@dataclass(frozen=True)
class Answer:
    """One way to answer: its button, the letter that gives it, and what it does in the hint's words."""

    label: str  # "Discard"
    key: str  # "d"
    does: str  # "discards"


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True for `yes`, False for `no`.

    The safer answer (`no`, unless `focus_yes`) has the focus, so a reflex enter
    loses nothing. Escape gives `no` unless `escape_says_yes`: a dialog that asks
    "discard?" after an escape reads a second escape as "yes, leave". The hint line
    names every key, so nothing has to be guessed.
    """

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen #confirm { width: 72; max-width: 100%; height: auto; max-height: 100%;
                             border: thick $warning; background: $surface; padding: 1 2; }
    ConfirmScreen #confirm-buttons { height: auto; margin-top: 1; }
    ConfirmScreen #confirm-buttons Button { margin-right: 2; min-width: 10; }
    ConfirmScreen #confirm-hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("escape", "escape", "Answer", show=False)]

    def __init__(self, question: Content, yes: Answer, no: Answer, *, escape_says_yes: bool = False,
                 focus_yes: bool = False) -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no
        self.escape_says_yes = escape_says_yes
        self.focus_yes = focus_yes

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Static(self.question, id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yield Button(self.yes.label, id="yes", variant="warning" if not self.focus_yes else "primary",
                             compact=True)
                yield Button(self.no.label, id="no", variant="primary" if not self.focus_yes else "default",
                             compact=True)
            yield Static(Content(self._hint()), id="confirm-hint")

    def _hint(self) -> str:
        """'escape or d discards · enter or k keeps editing': every key, beside what it does."""

        def keys(answer: Answer, focused: bool, escape: bool) -> str:
            named = [name for name, given in (("enter", focused), ("escape", escape)) if given]
            *first, last = [*named, answer.key]
            return f"{', '.join(first)} or {last} {answer.does}" if first else f"{last} {answer.does}"

        return " · ".join([keys(self.yes, self.focus_yes, self.escape_says_yes),
                           keys(self.no, not self.focus_yes, not self.escape_says_yes)])

    def on_mount(self) -> None:
        self.query_one("#yes" if self.focus_yes else "#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def on_key(self, event: Key) -> None:
        if event.key in (self.yes.key, self.no.key):
            event.stop()
            self.dismiss(event.key == self.yes.key)

    def action_escape(self) -> None:
        self.dismiss(self.escape_says_yes)
