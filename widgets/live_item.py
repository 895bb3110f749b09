"""What the notes pane says about the entry being written on: its title and prompt, its follow-ups."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from rm_tui.models import AgendaItem, FollowUp

from .quiet_static import QuietStatic
from .safe import literal, literal_line


class ItemHeading(QuietStatic):
    """The item's title and its prompt (the question the pair meant to talk about), as typed.

    Six lines hold every library topic's title and prompt whole in an 80-column
    terminal's notes pane; a longer one typed by hand scrolls rather than losing
    its end, which is where a prompt asks its question.
    """

    DEFAULT_CSS = """
    ItemHeading { padding: 0 1; height: auto; max-height: 6; overflow-y: auto; }
    """

    def show_item(self, item: AgendaItem | None) -> None:
        """`item` None: the notes on the session as a whole."""
        if item is None:
            self.say(Content.assemble(("The session as a whole", "bold"),
                                      ("  notes that belong to no one item", "$text-muted")))
        else:
            self.say(Content.assemble(literal_line(item.title, "bold"), "\n" if item.prompt else "",
                                      literal(item.prompt, "$text-muted")))


class ItemFollowUps(QuietStatic):
    """The follow-ups agreed on this entry so far, so nobody captures one twice; hidden when none."""

    DEFAULT_CSS = """
    ItemFollowUps { padding: 0 1; max-height: 5; overflow-y: auto; }
    """

    def show_follow_ups(self, follow_ups: Sequence[FollowUp]) -> None:
        parts: list[Content | str | tuple[str, str]] = []
        for follow_up in follow_ups:
            due = f" · due {follow_up.due_on:%a %d %b}" if follow_up.due_on else ""
            parts += [("☐ ", "$accent"), literal_line(follow_up.title), (f"  {follow_up.owner}{due}", "$text-muted"),
                      "\n"]
        self.say(Content.assemble(*parts).rstrip())
        self.display = bool(follow_ups)
