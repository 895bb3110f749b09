"""The base of every screen that shows what is in the database."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.screen import Screen

from rm_tui.scope import Action

if TYPE_CHECKING:
    from rm_tui.autosave import Saved
    from rm_tui.store import Store


class DataScreen(Screen[None]):
    """A screen that shows store data and can re-read it at any time.

    Screens keep no state the database does not also hold: `reload()` rebuilds what
    is shown from the store, so a change made by another screen, another process or
    before a restart shows up the same way. The app calls `reload()` on the screens
    in view whenever the database changes; a screen coming back into view reloads
    itself, since it may have missed changes while hidden.
    """

    ACTIONS_NEED: ClassVar[dict[str, Action]] = {}
    """Which of this screen's actions need which permission. The scope (in the core)
    decides; a key the viewer may not use is left out of the footer, help and palette."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self._composed = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer an action only when the store's scope allows it; subclasses add their own rules."""
        needed = self.ACTIONS_NEED.get(action)
        return needed is None or self.store.scope.may(needed)

    def reload(self) -> None:
        """Re-read from the store whatever this screen shows."""

    def on_mount(self) -> None:
        # Runs after the subclass's on_mount (Textual calls each class's handler), so
        # the widgets exist and are set up before the first reload.
        self._composed = True
        self.reload()

    def data_changed(self) -> None:
        """The database changed: reload, once the widgets exist to show it."""
        if self._composed:  # a pushed screen can hear of a change before it is mounted
            self.reload()

    def on_screen_resume(self) -> None:
        self.data_changed()

    def flush_edits(self) -> None:
        """Hand over any typing not yet saved; called before the app quits."""

    def note_kept_apart(self, saved: Saved) -> None:
        """A note typed here was saved apart from where it was meant to go (see the app)."""
