"""Under the note: what the last key did ('✓ Discussed: … · now: …'), where no toast covers a line."""

from __future__ import annotations

from textual.content import Content
from textual.timer import Timer

from .fitted_line import FittedLine

SHOWN_FOR = 10.0  # seconds a notice stays; its line stays, empty, so nothing below it moves


class LiveNotice(FittedLine):
    """The live screen's own messages, in a line of their own.

    A toast lies over the notes pane: over the follow-ups just added, or the line
    being typed at the foot of a long note. Here a message covers nothing; the
    line is always there, so the editor does not jump when one comes and goes.
    """

    DEFAULT_CSS = """
    LiveNotice { padding: 0 1; color: $text-muted; }
    LiveNotice.-warning { color: $warning; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._clear_timer: Timer | None = None

    def tell(self, *forms: Content, warning: bool = False) -> None:
        """Show the first of `forms` (fullest first) that fits, for a few seconds."""
        self.set_class(warning, "-warning")
        self.show(*forms)
        if self._clear_timer is not None:
            self._clear_timer.stop()
        self._clear_timer = self.set_timer(SHOWN_FOR, self._clear)

    def _clear(self) -> None:
        self.show(Content())
