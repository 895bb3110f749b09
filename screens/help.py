"""The help screen: what rm-tui is for and every key that works where you are."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from widgets.safe import literal_line

ABOUT = (
    "rm-tui keeps a reverse mentorship moving: you, the leader, learn from a junior "
    "colleague. Build each meeting's agenda from the topic library, take notes while "
    "you talk, and track what you both agreed to do. Everything stays in one SQLite "
    "file on this machine."
)

PALETTE_HINT = "Every action is also in the command palette: press ctrl+p and type a few letters."


def declared_bindings(node: object) -> list[Binding]:
    """The described bindings a screen or app class declares, in order.

    Help and the command palette are both built from these, so a new key shows up
    in both without being written down twice.
    """
    bindings: list[Binding] = []
    for entry in getattr(type(node), "BINDINGS", []):
        binding = entry if isinstance(entry, Binding) else Binding(*entry)
        if binding.description:
            bindings.append(binding)
    return bindings


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen underneath and the app-wide ones."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, under: Screen) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Static(self._content(), id="help-text")

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"
        self.query_one("#help").border_subtitle = "escape closes"

    def _content(self) -> Content:
        parts: list[Content | str | tuple[str, str]] = [ABOUT, "\n\n"]
        sections = [
            (f"On this screen ({self.under.sub_title or self.under.title})", declared_bindings(self.under)),
            ("Everywhere", declared_bindings(self.app)),
        ]
        for heading, bindings in sections:
            if not bindings:
                continue
            parts += [literal_line(heading, "bold $secondary"), "\n"]  # a screen title may name the mentor
            for binding in bindings:
                key = self.app.get_key_display(binding)
                detail = f"  {binding.tooltip}" if binding.tooltip else ""
                parts += [(f"  {key:<8}", "bold $accent"), f"{binding.description:<17}", (detail.strip(), "$text-muted"), "\n"]
            parts.append("\n")
        parts.append((PALETTE_HINT, "italic"))
        return Content.assemble(*parts)
