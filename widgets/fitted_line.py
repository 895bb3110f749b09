"""A one-line label that shows the fullest of its forms that fits its width."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from .quiet_static import QuietStatic


def shortened(parts: Sequence[Sequence[Content]], order: Sequence[int], separator: Content) -> list[Content]:
    """Every form of a line made of `parts`, fullest first, for a `FittedLine`.

    Each part lists its own forms, fullest first (an empty one drops the part). The
    part named first in `order` is shortened first, down to its last form, then the
    next: the least needed words go before the ones a person needs.
    """
    chosen = [0] * len(parts)

    def line() -> Content:
        return separator.join(part[form] for part, form in zip(parts, chosen, strict=True)
                              if part[form].plain)

    forms = [line()]
    for index in order:
        while chosen[index] < len(parts[index]) - 1:
            chosen[index] += 1
            forms.append(line())
    return forms


class FittedLine(QuietStatic):
    """One line in a pane whose width follows the terminal's.

    Given several forms of what it says, fullest first, it shows the first that
    fits, and picks again when its width changes: a narrow terminal loses the least
    needed words rather than having the line cut off in the middle of one. Only if
    even the last form is too wide is it cut, with an ellipsis.
    """

    DEFAULT_CSS = """
    FittedLine { height: 1; text-wrap: nowrap; text-overflow: ellipsis; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._forms: tuple[Content, ...] = ()

    def show(self, *forms: Content) -> None:
        """Say the first of `forms` (fullest first) that fits."""
        self._forms = forms
        self._fit()

    def on_resize(self) -> None:
        self._fit()

    def _fit(self) -> None:
        if not self._forms:
            return
        width = self.content_size.width  # 0 until the first layout: then the fullest form
        fitting = (form for form in self._forms if form.cell_length <= width)
        self.say(next(fitting, self._forms[-1]) if width else self._forms[0])
