"""Who is at the keyboard, always in view: 'Speaking: LEADER  F4 flips'."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from .rm_tui_node import RmTuiNode


class SpeakerBadge(RmTuiNode, Static):
    """Follows the app's `speaker` reactive; what is added now is credited to that person."""

    DEFAULT_CSS = """
    SpeakerBadge { width: auto; }
    """

    def on_mount(self) -> None:
        self.watch(self.app, "speaker", self._show)

    def _show(self, speaker: str) -> None:
        style = "bold $text on $accent" if speaker == "mentor" else "bold $text on $primary"
        self.update(
            Content.assemble(
                ("Speaking: ", "$text-muted"),
                (f" {speaker.upper()} ", style),
                # The mentor's window is always the mentor's: F4 is refused there.
                ("" if self.app.role == "mentor" else "  F4 flips", "$text-muted"),
            )
        )
