"""The footer: as many keys as the width allows, rebuilt only when what it shows changes.

Textual's Footer shows the bindings marked show=True and rebuilds itself whenever
the bindings might have changed (each focus change among them), which cost start-up
a rebuild per focus move. Here a screen's main keys (show=True) always show; the
others follow, in the order declared, as far as the terminal's width allows, so a
wide terminal shows nearly every key and a narrow one keeps F1 in sight.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len
from textual.binding import ActiveBinding, Binding
from textual.widgets import Footer

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

# "^p palette" docked on the right (with its border and padding), and a column to spare.
PALETTE_KEY_WIDTH = 13


def key_width(app: App[Any], binding: Binding) -> int:
    """The columns a key takes in the footer: the key and its word, each padded by one."""
    return cell_len(app.get_key_display(binding)) + cell_len(binding.description) + 3


def fill_footer(
    app: App[Any], bindings: Mapping[str, ActiveBinding], width: int, declared: Iterable[Binding]
) -> dict[str, ActiveBinding]:
    """`bindings` with the `declared` ones (the screen's and the app's) shown while they fit in `width`.

    The main keys come first, then the rest in their order. Keys nobody declared
    here stay out: a widget's own (a table's cursor) or Textual's (copy) are not
    the screen's actions.
    """
    wanted = {(b.action, b.description) for b in declared}
    palette = app.COMMAND_PALETTE_BINDING
    room = width - PALETTE_KEY_WIDTH
    room -= sum(key_width(app, b.binding) for key, b in bindings.items() if b.binding.show and key != palette)
    filled: dict[str, ActiveBinding] = {}
    for key, active in bindings.items():
        binding = active.binding
        if not binding.show and (binding.action, binding.description) in wanted and key != palette:
            needs = key_width(app, binding)
            if needs <= room:
                room -= needs
                active = active._replace(binding=replace(binding, show=True))
        filled[key] = active
    # The app's keys after the screen's: a key the app takes over from a widget (F6 from
    # the note editor) would otherwise show where the widget's stood, first.
    return dict(sorted(filled.items(), key=lambda item: item[1].node is app))


def shown_keys(screen: Screen[object]) -> tuple[tuple[str, str, bool], ...]:
    """What the footer of `screen` shows: each key with its word, and whether it works now."""
    return tuple(
        (key, active.binding.description, active.enabled)
        for key, active in screen.active_bindings.items()
        if active.binding.show
    )


class KeyFooter(Footer):
    """A Footer that rebuilds only when the keys it shows change, not on every focus move.

    A screen asks for its bindings to be looked at again several times in one
    reload (an agenda refilled, its highlight moved, the focus settled): the
    comparison is made once, after the next refresh, for all of them.
    """

    _showing: tuple[tuple[str, str, bool], ...] | None = None
    _looking = False  # a comparison is due after the next refresh

    def bindings_changed(self, screen: Screen[object]) -> None:
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            # Compared once the screen is drawn: a screen being pushed cannot yet answer check_action.
            if not self._looking:
                self._looking = True
                self.call_after_refresh(self._rebuild_if_changed)
        else:
            super().bindings_changed(screen)

    def _rebuild_if_changed(self) -> None:
        self._looking = False
        screen = self.screen if self.is_attached else None
        if screen is None or screen is not self.app.screen:
            return  # covered meanwhile: it hears again when it comes back
        showing = shown_keys(screen)
        if showing != self._showing:
            self._showing = showing
            super().bindings_changed(screen)
