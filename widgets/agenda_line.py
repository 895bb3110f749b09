"""An agenda item as one line (or two), in the same words on every screen that shows it.

The builder, the live session and the meeting summary all show agenda items. A pair
moving between them should read each fact the same way wherever it appears:

    ▶  the item on now             ✓  discussed
    2. its place on the agenda     20m  the minutes planned for it
    · mentor  the mentor's idea (credit for ideas is part of the deal)
    3:12 of 15:00 +0:12  time spent of time planned, and the overrun
    ✎2  notes taken on it          ↻3  carried over three times
    📌  pinned: a standing item, on every planned agenda
    STALE  carried so often the pair should do it or drop it
    ⚠ edited at the same time  two edits that clashed, both kept for the pair to choose

What a screen has to add beyond the item's row (the clock and notes of a meeting)
and how much room it has are the options; the words never change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rich.cells import cell_len
from textual.content import Content
from textual.widgets import OptionList

from rm_tui.models import AgendaItem
from rm_tui.timing import clock_text

from .safe import literal_line

Part = Content | str | tuple[str, str]

# The words for each fact: changing one here changes it on every screen.
CURRENT_MARK = "▶ "
DISCUSSED_MARK = "✓ "
NO_MARK = "  "
PINNED = "📌"
PINNED_GUIDANCE = " every meeting"
STALE = "STALE"
STALE_GUIDANCE = ": do it or drop it"
EDITED_TOGETHER = "⚠ edited at the same time"
EDITED_TOGETHER_GUIDANCE = " as the item above: keep one"
GAP = "  "  # between two facts
# Whose idea it was stays with the title's last word: a wrapped line never starts with
# "leader" alone, or leaves a "·" at the end of the line above. Textual wraps at a
# no-break space too, so a line given its width is wrapped here (see `_fitted`).
NO_BREAK = "\u00a0"
CREDIT_GAP = NO_BREAK * len(GAP)


@dataclass(frozen=True)
class InMeeting:
    """What a meeting knows of an item beyond its row: the time spent on it, its notes, whether it is on now."""

    seconds: int
    notes: int = 0
    current: bool = False


def agenda_line(
    item: AgendaItem,
    number: int | None = None,
    *,
    meeting: InMeeting | None = None,
    two_lines: bool = False,
    name_every_proposer: bool = False,
    guidance: bool = False,
    width: int | None = None,
) -> Content:
    """The item as 'mark number. [planned] title · proposer  clock  ✎n  ↻n  STALE  ⚠ edited ...'.

    meeting: show the time spent of the time planned (and notes) instead of the
        planned minutes alone.
    two_lines: put the clock and the marks under the title, for a narrow pane.
    name_every_proposer: say '· leader' too, not only '· mentor': the builder is where
        credit is given (F4 flips the speaker), so each item shows whose it is.
    guidance: say what to do about STALE and a clash, where the keys to do it are.
    width: the columns the line is shown in: it comes wrapped to them, whose idea it
        was never parted from the title's last word.
    """
    current = meeting is not None and meeting.current
    head: list[Part] = [_mark(item, current)]
    if number is not None:
        head.append((f"{number}. ", "$text-muted"))
    if meeting is None:
        head.append((f"{item.minutes:>3}m  ", "bold"))
    head.append(literal_line(item.title, "bold" if current else ""))
    head.append(_credit(item, name_every_proposer))
    facts = [*_clock(item, meeting), *_marks(item, guidance)]
    if two_lines and facts:
        indent = " " * (len(NO_MARK) + (len(f"{number}. ") if number is not None else 0))
        line = Content.assemble(*head, "\n", indent, *_without_leading_gap(facts))
    else:
        line = Content.assemble(*head, *facts)
    return _spaced(_fitted(line, width) if width is not None else line)


def _fitted(line: Content, width: int) -> Content:
    """The line wrapped at its spaces to `width` columns, never at a no-break space.
    Each part fits (but for the spaces it ends with), so nothing wraps it again."""
    text = line.plain
    breaks: list[int] = []
    used = 0  # columns on the current line
    for word in re.finditer(r"\n|[^ \n]+ *| +", text):
        if word.group() == "\n":
            used = 0
            continue
        start = word.start()
        if used and used + cell_len(word.group().rstrip(" ")) > width:
            breaks.append(start)
            used = 0
        used += cell_len(word.group())
    return Content("\n").join(line.divide(breaks))  # a line's last spaces are not drawn


def _spaced(line: Content) -> Content:
    """No-break spaces as the spaces they read as, for a screen's text and its tests alike."""
    return Content(line.plain.replace(NO_BREAK, " "), list(line.spans))


def _mark(item: AgendaItem, current: bool) -> Part:
    if current:
        return (CURRENT_MARK, "bold $accent")
    if item.status == "discussed":
        return (DISCUSSED_MARK, "$success")
    return NO_MARK


def _credit(item: AgendaItem, name_every_proposer: bool) -> Part:
    credit = f"{CREDIT_GAP}·{NO_BREAK}{item.proposed_by}"
    if item.proposed_by == "mentor":
        return (credit, "$accent")
    return (credit, "$text-muted") if name_every_proposer else ""


def _clock(item: AgendaItem, meeting: InMeeting | None) -> list[Part]:
    if meeting is None:
        return []
    planned = item.minutes * 60
    over = meeting.seconds > planned
    parts: list[Part] = [(f"{GAP}{clock_text(meeting.seconds)} of {clock_text(planned)}",
                          "bold $error" if over else "$text-muted")]
    if over:
        parts.append((f" +{clock_text(meeting.seconds - planned)}", "bold $error"))
    if meeting.notes:
        parts.append((f"{GAP}✎{meeting.notes}", "$text-muted"))
    return parts


def _marks(item: AgendaItem, guidance: bool) -> list[Part]:
    parts: list[Part] = []
    if item.is_pinned:
        parts.append((f"{GAP}{PINNED}{PINNED_GUIDANCE if guidance else ''}", "$accent"))
    if item.is_carried:
        parts.append((f"{GAP}↻{item.carry_count}", "$warning"))
    if item.is_stale:
        parts.append((f"{GAP}{STALE}{STALE_GUIDANCE if guidance else ''}", "bold $error"))
    if item.conflict_of is not None:
        parts.append((f"{GAP}{EDITED_TOGETHER}{EDITED_TOGETHER_GUIDANCE if guidance else ''}", "bold $warning"))
    return parts


def _without_leading_gap(parts: list[Part]) -> list[Part]:
    """The facts of a second line, which starts at the indent rather than after a gap."""
    if not parts or not isinstance(parts[0], tuple):
        return parts
    text, style = parts[0]
    return [(text.removeprefix(GAP), style), *parts[1:]]


def line_width(options: OptionList) -> int | None:
    """The columns an option's text has in `options`, for `agenda_line(width=...)`.

    None before the first layout, when there is no width yet: Textual wraps the line then.
    """
    width = options.scrollable_content_region.width
    width -= options.get_component_styles("option-list--option").padding.width
    return width if width > 0 else None
