"""A Static that redraws only when what it says changed."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class QuietStatic(Static):
    """Updated from every reload of a live screen, it lays the screen out again only on a change.

    Each Static.update lays the screen out again; a live screen reloads on each of
    its own autosaves while someone types, and redrawing the same words each time
    would slow the typing down. Text and styles are compared: Content's own
    equality looks at the text alone, and a line turning red must still show.
    """

    def say(self, content: Content) -> None:
        """Show `content`, unless it is what is shown already."""
        shown = self.content
        if isinstance(shown, Content) and shown.plain == content.plain and list(shown.spans) == list(content.spans):
            return
        self.update(content)
