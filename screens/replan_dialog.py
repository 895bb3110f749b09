"""Planning a session when one is planned already: move that one, keep both, or leave it.

A second planned session splits the agenda (what carried over and the mentor's
additions stay on the first), so planning again asks before it does that.
"""

from __future__ import annotations

from typing import Literal

from textual.content import Content

from rm_tui.models import PlannedAlready
from rm_tui.text import counted
from widgets.safe import literal_line

from .choice import Answer, ChoiceScreen, Reply

Choice = Literal["move", "keep"]


def replan_question(planned: PlannedAlready) -> Content:
    """'A session with Sam is already planned for Tue 08 Dec (3 items). Move it to Tue 15 Dec?'"""
    moving_to = planned.moving_to or planned.session.scheduled_on
    return Content.assemble(
        "A session with ", literal_line(planned.mentor, "bold"), " is already planned for ",
        (f"{planned.session.scheduled_on:%a %d %b}", "bold"), f" ({counted(planned.items, 'item')}).\n",
        "Move it to ", (f"{moving_to:%a %d %b}", "bold"), "?",
    )


class ReplanDialog(ChoiceScreen[Choice | None]):
    """Dismisses with "move", "keep", or None (cancel: nothing changes)."""

    def __init__(self, planned: PlannedAlready) -> None:
        super().__init__(
            replan_question(planned),
            [
                Reply("move", Answer("Move it", "m", "moves it"), "move"),
                Reply("keep", Answer("Keep both", "k", "keeps both"), "keep"),
                Reply("cancel", Answer("Cancel", "c", "cancels"), None),
            ],
            escape=None,
            title="Already planned",
            detail="Moving keeps its agenda: what carried over and what was added. "
                   "Keeping both plans a second session with an empty agenda.",
        )
        self.planned = planned
