"""The base of every screen that shows what is in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import events
from textual.binding import ActiveBinding
from textual.message import Message
from textual.screen import ModalScreen, Screen

from rm_tui.changes import EVERYTHING, Tables, touches
from rm_tui.scope import Action
from widgets.key_footer import fill_footer
from widgets.rm_tui_node import RmTuiNode

from .help import declared_bindings

if TYPE_CHECKING:
    from rm_tui.autosave import Saved
    from rm_tui.store import Store


class DataScreen(RmTuiNode, Screen[None]):
    """A screen that shows store data and can re-read it at any time.

    Screens keep no state the database does not also hold: `reload()` rebuilds what
    is shown from the store, so a change made by another screen, another process or
    before a restart shows up the same way. The app publishes every change with the
    tables it touched (its `data_changed_signal`); a screen in view refreshes when one
    of its WATCHES is among them, a hidden one remembers and reloads when it comes back.
    """

    class Reloaded(Message):
        """A screen re-read what it shows (`part` names which, when it reloads in parts).

        Nothing in the app needs it: it makes reloads countable from outside.
        """

        bubble = False  # for whoever watches this screen; it has no business with the app

        def __init__(self, screen: DataScreen, part: str = "all") -> None:
            super().__init__()
            self.screen = screen
            self.part = part

    WATCHES: ClassVar[Tables] = EVERYTHING
    """The tables this screen shows: a change to others leaves it as it is."""

    ACTIONS_NEED: ClassVar[dict[str, Action]] = {}
    """Which of this screen's actions need which permission. The scope (in the core)
    decides; a key the viewer may not use is left out of the footer, help and palette."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._composed = False
        self._missed_changes = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer an action only when the store's scope allows it; subclasses add their own rules."""
        needed = self.ACTIONS_NEED.get(action)
        return needed is None or self.store.scope.may(needed)

    @property
    def active_bindings(self) -> dict[str, ActiveBinding]:
        """The keys in force, with as many of this screen's and the app's shown as the width allows.

        The footer reads this: its main keys always, then the others (each in help and
        the palette anyway) while they fit, so a wide terminal shows nearly every action.
        """
        declared = [*declared_bindings(self), *declared_bindings(self.app)]
        return fill_footer(self.app, super().active_bindings, self.app.size.width, declared)

    def on_resize(self, event: events.Resize) -> None:
        self.refresh_bindings()  # the keys that fit may differ; a KeyFooter rebuilds only if they do

    def reload(self) -> None:
        """Re-read from the store whatever this screen shows."""

    def refresh_for(self, tables: Tables) -> None:
        """Show what changed in `tables`; a screen made of parts refreshes only those."""
        self.reload()
        self.post_message(self.Reloaded(self))

    def on_mount(self) -> None:
        # Runs after the subclass's on_mount (Textual calls each class's handler), so
        # the widgets exist and are set up before the first reload.
        self._composed = True
        self.reload()
        signal = getattr(self.app, "data_changed_signal", None)
        if signal is not None:  # an app without a store (a test harness) has none
            signal.subscribe(self, self._heard_of_change)

    def _heard_of_change(self, tables: Tables) -> None:
        if not self._composed or not touches(self.WATCHES, tables):
            return
        if self._in_view():
            self.refresh_for(tables)
        else:
            self._missed_changes = True  # hidden: reload once, when it comes back

    def _in_view(self) -> bool:
        """On top, or visible beneath the dialogs on top of it."""
        for screen in reversed(self.app.screen_stack):
            if screen is self:
                return True
            if not isinstance(screen, ModalScreen):
                return False
        return False

    def data_changed(self) -> None:
        """Reload everything now (the database changed in ways the feed cannot name)."""
        if self._composed:  # a pushed screen can hear of a change before it is mounted
            self.refresh_for(EVERYTHING)

    def on_screen_resume(self) -> None:
        if self._missed_changes:
            self._missed_changes = False
            self.data_changed()

    def flush_edits(self) -> None:
        """Hand over any typing not yet saved; called before the app quits."""

    def note_kept_apart(self, saved: Saved) -> None:
        """A note typed here was saved apart from where it was meant to go (see the app)."""
