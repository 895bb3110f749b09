"""A yes-or-no question: the two-answer case of the choice dialog."""

from __future__ import annotations

from textual.content import Content

from .choice import Answer, ChoiceScreen, Reply

__all__ = ["Answer", "ConfirmScreen"]


class ConfirmScreen(ChoiceScreen[bool]):
    """Dismisses with True for `yes`, False for `no`.

    The safer answer (`no`, unless `focus_yes`) has the focus, so a reflex enter
    loses nothing. Escape gives `no` unless `escape_says_yes`: a dialog that asks
    "discard?" after an escape reads a second escape as "yes, leave".
    """

    def __init__(self, question: Content, yes: Answer, no: Answer, *, escape_says_yes: bool = False,
                 focus_yes: bool = False) -> None:
        super().__init__(
            question,
            [Reply("yes", yes, True, risky=not focus_yes), Reply("no", no, False)],
            escape=escape_says_yes,
            focused=0 if focus_yes else 1,
        )
