"""The footer: as many keys as the width allows, drawn as one line by one widget.

A screen's main keys (show=True) always show; the others follow, in the order
declared, as far as the terminal's width allows, so a wide terminal shows nearly
every key and a narrow one keeps F1 in sight.

Textual's Footer makes a widget of every key and builds them all again whenever
the keys might have changed: with a dozen keys that was an eighth of the work
before the first frame, and most of another window's change to the agenda
builder. This footer draws the same line itself (the same colours, the palette
key at the right edge), and redraws it only when the keys it shows change. The
mouse works as on Textual's: a click presses the key, hovering shows its tooltip.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple

from rich.cells import cell_len
from textual import events
from textual.binding import ActiveBinding, Binding
from textual.content import Content
from textual.widget import Widget

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


class ShownKey(NamedTuple):
    """One key as the footer draws it: `start` and `end` are its columns, for the mouse."""

    key: str
    display: str
    description: str
    action: str
    enabled: bool
    tooltip: str
    start: int
    end: int


class KeyFooter(Widget, can_focus=False):
    """The screen's keys on the bottom line; redrawn only when the keys it shows change."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    shown: tuple[ShownKey, ...] = ()
    """What the footer shows, left to right (the palette key last, at the right edge)."""
    _hovered: int | None = None
    _looking = False  # a look at the keys is due after the next refresh

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)
        # Once the screen is drawn: a screen being put up cannot yet answer check_action.
        self.bindings_changed(self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def on_resize(self, event: events.Resize) -> None:
        self.bindings_changed(self.screen)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """The keys may have changed: look once after the next refresh, however often this is said."""
        if not self._looking:
            self._looking = True
            self.call_after_refresh(self._look)

    def _look(self) -> None:
        self._looking = False
        if not self.is_attached or self.screen is not self.app.screen:
            return  # covered meanwhile: it hears again when it comes back
        shown = self._lay_out(self.screen)
        if shown != self.shown:
            self.shown = shown
            self._hovered = None
            self.refresh()

    def _lay_out(self, screen: Screen[object]) -> tuple[ShownKey, ...]:
        app = self.app
        palette = app.COMMAND_PALETTE_BINDING if app.ENABLE_COMMAND_PALETTE else None
        keys: list[ShownKey] = []
        column = 0
        palette_key = None
        for key, active in screen.active_bindings.items():
            binding = active.binding
            if not binding.show and key != palette:
                continue
            display = app.get_key_display(binding)
            tooltip = active.tooltip or binding.tooltip or binding.description
            if key == palette:
                palette_key = (key, display, binding.description, binding.action, active.enabled, tooltip)
                continue
            width = cell_len(display) + cell_len(binding.description) + 3
            keys.append(ShownKey(key, display, binding.description, binding.action, active.enabled, tooltip, column,
                                 column + width))
            column += width
        if palette_key is not None:
            width = cell_len(palette_key[1]) + cell_len(palette_key[2]) + 3  # its rule in place of the key's left pad
            start = max(self.size.width - width, column)
            keys.append(ShownKey(*palette_key, start, start + width))
        return tuple(keys)

    def render(self) -> Content:
        parts: list[Content | str | tuple[str, str]] = []
        column = 0
        for index, shown in enumerate(self.shown):
            if shown.start > column:
                parts.append(" " * (shown.start - column))
            hovered = " on $block-hover-background" if index == self._hovered else ""
            dim = " dim" if not shown.enabled else ""
            palette = index == len(self.shown) - 1 and shown.key == self.app.COMMAND_PALETTE_BINDING
            if palette:  # docked at the right edge, a rule before it
                parts.append(("▏", f"$foreground 20%{hovered}"))
            key, description = (shown.display, f" {shown.description} ") if palette else (
                f" {shown.display} ", f"{shown.description} ")
            parts.append((key, f"bold $footer-key-foreground{dim}{hovered}"))
            parts.append((description, f"$footer-description-foreground{dim}{hovered}"))
            column = shown.end
        return Content.assemble(*parts)

    def _at(self, x: int) -> int | None:
        return next((index for index, shown in enumerate(self.shown) if shown.start <= x < shown.end), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._at(event.x)
        if index != self._hovered:
            self._hovered = index
            self.tooltip = self.shown[index].tooltip if index is not None else None
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hovered is not None:
            self._hovered = None
            self.tooltip = None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        index = self._at(event.x)
        if index is None:
            return
        if self.shown[index].enabled:
            self.app.simulate_key(self.shown[index].key)
        else:
            self.app.bell()
