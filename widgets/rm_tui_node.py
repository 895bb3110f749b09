"""`self.app` typed as rm-tui's App, once, for every screen and widget that needs it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message_pump import MessagePump

if TYPE_CHECKING:
    from textual import getters

    from rm_tui.app import RmTuiApp


class RmTuiNode(MessagePump):
    """Mixed in first by rm-tui's base screens and by widgets that read the app's state.

    Textual types `self.app` as a plain App, which has no store, scope or speaker;
    here the type checker learns it is RmTuiApp, the way Textual types its own `app`
    (`textual.getters.app`). At run time `app` stays Textual's own property: nothing
    is added to each access, and this module never imports the app (which imports
    the screens).
    """

    if TYPE_CHECKING:
        app = getters.app(RmTuiApp)
