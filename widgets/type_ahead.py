"""Keys typed ahead land where the person meant them, in the order typed.

Textual hands each key to the widget that has the keyboard when the key arrives.
Letters are typed in by that widget at once, but enter is a binding, which acts only
once the key has travelled up to the app: the letters typed right after enter (by a
quick typist, or a script) are already in the box when enter opens a dialog or moves
to the next field, and the dialog or field misses them. The widgets here act on enter
themselves, at once, and pass on a key that reaches them after the keyboard has left.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.widget import Widget
from textual.widgets import Input, OptionList


def pass_on(widget: Widget, event: events.Key, *, left: bool) -> bool:
    """Send a key that reached `widget` after the keyboard `left` it on to where the keyboard is now.

    The keys of one burst are passed on one by one, in order, from the one widget the
    app gave them all to. A dialog whose first field has no keyboard yet gets them
    itself (see `screens.placeholder_form`).
    """
    if not left:
        return False
    event.stop()
    event.prevent_default()
    (widget.app.focused or widget.app.screen).post_message(events.Key(event.key, event.character))
    return True


class TypeAheadInput(Input):
    """An Input whose enter acts at once (`when_entered`), before the keys typed after it."""

    def __init__(self, *args: object, when_entered: Callable[[TypeAheadInput], object], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.when_entered = when_entered

    def on_key(self, event: events.Key) -> None:
        if pass_on(self, event, left=not self.has_focus or self.screen is not self.app.screen):
            return
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.when_entered(self)


class FilterList(OptionList):
    """An OptionList whose typing edits the search that fills it: a type-to-filter list.

    Letters, space and backspace typed while the list has the keyboard edit the search,
    and the keyboard goes there with them; up on the first option goes back to the
    search; enter acts at once (`when_entered`). Keys typed quickly all reach the list
    before the keyboard has moved, so the list itself hands each to the search.
    """

    def __init__(self, search: str, when_entered: Callable[[], object], *, id: str | None = None) -> None:
        """`search`: a selector for the Input, on the same screen, whose hits this list shows."""
        super().__init__(id=id)
        self.search = search
        self.when_entered = when_entered

    def on_key(self, event: events.Key) -> None:
        if pass_on(self, event, left=self.screen is not self.app.screen):  # a dialog opened over the list
            return
        search = self.screen.query_one(self.search, Input)
        if event.key == "enter":
            if self.highlighted is not None:
                self.when_entered()
        elif event.key == "backspace":
            search.action_delete_left()
            self.screen.set_focus(search)  # at once: focus() would wait a turn
        elif event.is_printable and event.character is not None and event.character != "/":  # / is the search key
            search.insert_text_at_cursor(event.character)
            self.screen.set_focus(search)
        elif event.key == "up" and not self.highlighted:
            self.screen.set_focus(search)
        else:
            return
        event.stop()
        event.prevent_default()
