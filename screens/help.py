"""The help screen: what rm-tui is for and every key that works where you are."""

from __future__ import annotations

from typing import Any

from textual.actions import parse as parse_action
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from widgets.hanging_indent import HangingIndent
from widgets.rm_tui_node import RmTuiNode
from widgets.safe import literal_line

ABOUT = (
    "rm-tui keeps a reverse mentorship moving: you, the leader, learn from a junior "
    "colleague. Build each meeting's agenda from the topic library, take notes while "
    "you talk, and track what you both agreed to do. Everything stays in one SQLite "
    "file on this machine."
)

MENTOR_ABOUT = (
    "This is the mentor's window on the leader's rm-tui. Add and reorder agenda items, "
    "write your own notes (they are shared with the leader) and capture follow-ups as "
    "you talk. The leader's private notes and admin stay with the leader."
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


def offered_bindings(node: DOMNode) -> list[Binding]:
    """The declared bindings that `node` offers now: what its check_action allows.

    The mentor's window, say, leaves out the leader's keys: help and the palette
    list only what would work if pressed.
    """
    offered = []
    for binding in declared_bindings(node):
        _, name, params = parse_action(binding.action)
        if node.check_action(name, params) is not False:
            offered.append(binding)
    return offered


class HelpScreen(RmTuiNode, ModalScreen[None]):
    """Lists the keys of the screen underneath and the app-wide ones."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
    ]

    def __init__(self, under: Screen[Any]) -> None:
        super().__init__()
        self.under = under

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"), Vertical(id="help-text"):
            yield Static(MENTOR_ABOUT if self.app.scope.is_mentor else ABOUT, id="help-about", markup=False)
            name = self.under.sub_title or self.under.title  # a dialog may have neither
            sections = [
                (f"On this screen ({name})" if name else "On this screen", offered_bindings(self.under)),
                ("Everywhere", offered_bindings(self.app)),
            ]
            rows = [[(self.app.get_key_display(b), b.description, b.tooltip) for b in bindings]
                    for _, bindings in sections]
            # One table over both sections: the columns as wide as their widest entry.
            key_width = max((len(key) for section in rows for key, _, _ in section), default=0) + 2
            name_width = max((len(name) for section in rows for _, name, _ in section), default=0) + 2
            for (heading, _), section in zip(sections, rows, strict=True):
                if section:
                    # A screen's title may name the mentor: shown literally.
                    yield Static(literal_line(heading, "bold $secondary"), classes="help-heading")
                    yield Static(keys_table(section, key_width, name_width), classes="help-keys")
            yield Static(Content.styled(PALETTE_HINT, "italic"), id="help-hint")

    def on_mount(self) -> None:
        self.query_one("#help").border_title = "Help"
        self.query_one("#help").border_subtitle = "escape closes"


def keys_table(rows: list[tuple[str, str, str]], key_width: int, name_width: int) -> HangingIndent:
    """Key, name and what it does, a line each; what it does wraps under itself, not under the key."""
    lines: list[Content] = [
        Content.assemble((f"  {key:<{key_width}}", "bold $accent"), f"{name:<{name_width}}",
                         (detail, "$text-muted"))
        for key, name, detail in rows
    ]
    return HangingIndent(Content("\n").join(lines), 2 + key_width + name_width)
