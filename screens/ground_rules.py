"""The ground rules, shown when a session's agenda is first opened and on a key."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Static

from rm_tui.ground_rules import GROUND_RULES, RULES_SETTING, ground_rules_for
from rm_tui.scope import Action

if TYPE_CHECKING:
    from textual.screen import Screen

    from rm_tui.store import Store


def push_rules(screen: Screen[Any], store: Store, *, first_time: bool) -> None:
    """Show the rules; the first time, with a box to stop showing them at session start."""

    def closed(opted_out: bool | None) -> None:
        if opted_out:
            store.set_setting(RULES_SETTING, "no")

    # The setting is the leader's: the mentor's window shows the rules without the box.
    offer_opt_out = first_time and store.scope.may(Action.CHANGE_SETTINGS)
    rules = ground_rules_for(store.scope.is_mentor)  # each reader is told their own part
    screen.app.push_screen(GroundRulesScreen(offer_opt_out=offer_opt_out, rules=rules), closed)


def offer_rules_once(screen: Screen[Any], store: Store, session_id: int) -> None:
    """The first time a session is opened (agenda or live), show the rules unless turned off."""
    session = store.get_session(session_id)
    if session.rules_shown:
        return
    store.mark_rules_shown(session_id)
    if store.setting(RULES_SETTING, "yes") == "yes":
        push_rules(screen, store, first_time=True)


class GroundRulesScreen(ModalScreen[bool]):
    """Dismisses with True when the reader asks not to see the rules at session start again."""

    DEFAULT_CSS = """
    GroundRulesScreen { align: center middle; }
    #rules { width: 80; max-width: 100%; height: auto; max-height: 100%;
             border: thick $secondary; background: $surface; padding: 1 2; }
    #rules Checkbox { border: none; background: transparent; margin-top: 1; }
    """
    # Enter closes even on the checkbox (whose own enter would tick it): the box is ticked
    # with space or a click, and enter reads as "done" everywhere else in rm-tui's dialogs.
    BINDINGS = [Binding("escape", "close", "Close"), Binding("enter", "close", "Close", show=False, priority=True)]

    def __init__(self, offer_opt_out: bool = True, rules: tuple[tuple[str, str], ...] = GROUND_RULES) -> None:
        super().__init__()
        self.offer_opt_out = offer_opt_out
        self.rules = rules

    def compose(self) -> ComposeResult:
        parts: list[Content | str | tuple[str, str]] = []
        for number, (rule, detail) in enumerate(self.rules, 1):
            parts += [(f"{number}. {rule}", "bold $accent"), "\n", detail, "\n\n"]
        with VerticalScroll(id="rules"):
            yield Static(Content.assemble(*parts).rstrip())
            if self.offer_opt_out:
                yield Checkbox("Don't show these when a session opens", id="rules-opt-out")

    def on_mount(self) -> None:
        rules = self.query_one("#rules")
        rules.border_title = "Ground rules"
        rules.border_subtitle = "enter closes · space ticks" if self.offer_opt_out else "escape closes"

    def action_close(self) -> None:
        opted_out = self.offer_opt_out and self.query_one("#rules-opt-out", Checkbox).value
        self.dismiss(bool(opted_out))
