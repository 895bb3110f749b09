"""An agenda item as one line (or two), in the same words on every screen that shows it.

The builder, the live session and the meeting summary all show agenda items. A pair
moving between them should read each fact the same way wherever it appears:

    ▶  the item on now             ✓  discussed
    2. its place on the agenda     20m  the minutes planned for it
    · mentor  the mentor's idea (credit for ideas is part of the deal)
    3:12 of 15:00 +0:12  time spent of time planned, and the overrun
    ✎2  notes taken on it          ↻3  carried over three times
    STALE  carried so often the pair should do it or drop it
    ⚠ edited at the same time  two edits that clashed, both kept for the pair to choose

What a screen has to add beyond the item's row (the clock and notes of a meeting)
and how much room it has are the options; the words never change.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content

from rm_tui.models import AgendaItem
from rm_tui.timing import clock_text

from .safe import literal_line

Part = Content | str | tuple[str, str]

# The words for each fact: changing one here changes it on every screen.
CURRENT_MARK = "▶ "
DISCUSSED_MARK = "✓ "
NO_MARK = "  "
STALE = "STALE"
STALE_GUIDANCE = ": do it or drop it"
EDITED_TOGETHER = "⚠ edited at the same time"
EDITED_TOGETHER_GUIDANCE = " as the item above: keep one"
GAP = "  "  # between two facts


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
) -> Content:
    """The item as 'mark number. [planned] title · proposer  clock  ✎n  ↻n  STALE  ⚠ edited ...'.

    meeting: show the time spent of the time planned (and notes) instead of the
        planned minutes alone.
    two_lines: put the clock and the marks under the title, for a narrow pane.
    name_every_proposer: say '· leader' too, not only '· mentor': the builder is where
        credit is given (F4 flips the speaker), so each item shows whose it is.
    guidance: say what to do about STALE and a clash, where the keys to do it are.
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
        return Content.assemble(*head, "\n", indent, *_without_leading_gap(facts))
    return Content.assemble(*head, *facts)


def _mark(item: AgendaItem, current: bool) -> Part:
    if current:
        return (CURRENT_MARK, "bold $accent")
    if item.status == "discussed":
        return (DISCUSSED_MARK, "$success")
    return NO_MARK


def _credit(item: AgendaItem, name_every_proposer: bool) -> Part:
    if item.proposed_by == "mentor":
        return (f"{GAP}· mentor", "$accent")
    return (f"{GAP}· {item.proposed_by}", "$text-muted") if name_every_proposer else ""


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
