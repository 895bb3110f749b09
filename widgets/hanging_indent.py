"""Text whose long lines go on under their own words, not back at the left edge."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class HangingIndent(Visual):
    """`content` whose lines each start with a label `indent` cells wide (a result's kind,
    a key); a line too long for the width goes on under the words after the label.

    Wrapped back to the left edge, the rest of a line ("2026", "and…") reads as a label
    of its own; under the words, it reads as what it is.
    """

    def __init__(self, content: Content, indent: int) -> None:
        self.content = content
        self.indent = indent
        self._wrapped: tuple[int, list[Content]] = (-1, [])

    def __str__(self) -> str:
        return self.content.plain

    def lines(self, width: int) -> list[Content]:
        """The lines as drawn `width` cells wide."""
        if self._wrapped[0] != width:
            self._wrapped = (width, self._wrap(width))
        return self._wrapped[1]

    def _wrap(self, width: int) -> list[Content]:
        if width <= self.indent + 1:  # no room beside the label: wrap as plain text does
            return self.content.wrap(max(width, 1))
        drawn: list[Content] = []
        margin = Content(" " * self.indent)
        for line in self.content.split("\n", allow_blank=True):
            label, words = line[: self.indent], line[self.indent :]
            first, *rest = words.wrap(width - self.indent) or [Content()]
            drawn.append(label + first)
            drawn += [margin + more for more in rest]
        return drawn

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.content.get_minimal_width(rules) + self.indent

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)
