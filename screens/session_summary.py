"""The end of a meeting: what was done, what was discussed, what carries over, what was agreed.

Which section an item is in is the core's call (`rm_tui.models.item_outcome`): an item
with notes or time on its timer counts as discussed even when nobody pressed ctrl+o.
The pair may say otherwise here, before closing: space or a click moves an item
between "discussed" and "carries over", and carry-over and the export follow.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.events import Resize
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from rm_tui.errors import RmTuiError
from rm_tui.models import ItemTime, SessionSummary
from rm_tui.timing import clock_text
from widgets.agenda_line import InMeeting, agenda_line
from widgets.rm_tui_node import RmTuiNode
from widgets.safe import literal_line, notify_literal

Part = Content | str | tuple[str, str]

DONE = "Done"
DISCUSSED = "Discussed, not marked done"
NOT_REACHED = "Not reached — carries over"
FLIP_HINT = "space or click: discussed ⇄ carries over"
ITEM_ID = "item-"  # an option's id: the agenda item it moves
AROUND_THE_LIST = 8  # rows the dialog's border, padding and buttons take: the list scrolls within the rest


def summary_lines(summary: SessionSummary) -> list[tuple[Content, int | None]]:
    """The summary, line by line, each with the item a click moves (None: a line that moves nothing)."""
    movable = summary.may_change_carry_over
    lines: list[tuple[Content, int | None]] = [(Content.assemble(
        ("Meeting time ", "$text-muted"),
        (clock_text(summary.total_seconds), "bold"),
        (f" of {summary.session.minutes}:00 planned", "$text-muted"),
    ), None)]
    lines += _section(DONE, summary.done, movable=False)
    lines += _section(DISCUSSED, summary.discussed, movable=movable)
    lines += _section(NOT_REACHED, summary.not_reached, movable=movable)
    lines += [(Content(""), None), (Content.styled(f"Follow-ups agreed ({len(summary.follow_ups)})", "bold"), None)]
    for follow_up in summary.follow_ups:
        due = f"due {follow_up.due_on:%a %d %b}" if follow_up.due_on else "no due date"
        lines.append((Content.assemble("  ☐ ", literal_line(follow_up.title),
                                       (f"  · {follow_up.owner} · {due}", "$text-muted")), None))
    if not summary.follow_ups:
        lines.append((Content.styled("  none", "$text-muted"), None))
    return lines


def summary_content(summary: SessionSummary) -> Content:
    """The summary as one text, as it reads on screen."""
    return Content("\n").join(line for line, _ in summary_lines(summary))


def _section(heading: str, times: list[ItemTime], *, movable: bool) -> list[tuple[Content, int | None]]:
    """A heading, then each item in the words of every agenda: ✓, '· mentor', time spent of planned, ✎notes."""
    lines: list[tuple[Content, int | None]] = [
        (Content(""), None), (Content.styled(f"{heading} ({len(times)})", "bold"), None)
    ]
    for entry in times:
        line = Content.assemble("  ", agenda_line(entry.item, meeting=InMeeting(entry.seconds, entry.notes)))
        lines.append((line, entry.item.id if movable else None))
    if not times:
        lines.append((Content.styled("  none", "$text-muted"), None))
    return lines


class SessionSummaryScreen(RmTuiNode, ModalScreen[str]):
    """Asks before ending ('end' or 'keep'), or shows an ended meeting's summary ('export' or 'close').

    Enter chooses the focused button, or the first one while the list has the focus:
    a reflex enter ends the meeting (or exports) as it always did.
    """

    DEFAULT_CSS = """
    SessionSummaryScreen { align: center middle; }
    SessionSummaryScreen #summary { width: 90; max-width: 100%; height: auto; max-height: 100%;
                                    border: thick $accent; background: $surface; padding: 1 2; }
    SessionSummaryScreen #summary-text { height: auto; background: $surface; }
    SessionSummaryScreen #summary-text > .option-list--option-disabled { color: $foreground; }
    SessionSummaryScreen #summary-buttons { height: auto; margin-top: 1; }
    SessionSummaryScreen #summary-buttons Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("f8", "close('export')", "Export", tooltip="Export this meeting as Markdown"),
        Binding("r", "recap", "Recap for the mentor", tooltip="Shared notes, follow-ups and what carries over"),
        Binding("escape", "close('close')", "Close"),
        Binding("space", "move_item", "Discussed/carries over",
                tooltip="Move the highlighted item between discussed and carries over"),
        Binding("enter", "choose", "Choose", show=False, priority=True),
    ]

    def __init__(self, summary: SessionSummary, *, asking_to_end: bool) -> None:
        super().__init__()
        self.summary = summary
        self.asking_to_end = asking_to_end

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            yield OptionList(id="summary-text", compact=True)
            with Horizontal(id="summary-buttons"):
                if self.asking_to_end:
                    yield Button("End meeting", id="end", variant="primary")
                    yield Button("Keep going", id="keep")
                else:
                    yield Button("Export as Markdown", id="export", variant="primary")
                    yield Button("Recap for the mentor", id="recap")
                    yield Button("Close", id="close")

    def on_mount(self) -> None:
        box = self.query_one("#summary")
        box.border_title = "End the meeting?" if self.asking_to_end else "Meeting summary"
        self._show(self.summary)
        if self.summary.may_change_carry_over:
            self.query_one("#summary-text").focus()
        else:
            self.query_one(Button).focus()

    def on_resize(self, event: Resize) -> None:
        # An auto-height list would push the buttons off a short terminal: it scrolls instead.
        self.query_one("#summary-text").styles.max_height = max(3, event.size.height - AROUND_THE_LIST)

    def _show(self, summary: SessionSummary, keep_on: int | None = None) -> None:
        """Draw `summary`; the highlight goes to item `keep_on` (wherever it moved), else the first movable one."""
        self.summary = summary
        listing = self.query_one("#summary-text", OptionList)
        listing.clear_options()
        listing.add_options([
            Option(line, id=f"{ITEM_ID}{item_id}") if item_id is not None else Option(line, disabled=True)
            for line, item_id in summary_lines(summary)
        ])
        wanted = f"{ITEM_ID}{keep_on}" if keep_on is not None else None
        movable = [i for i in range(listing.option_count) if not listing.get_option_at_index(i).disabled]
        at = next((i for i in movable if listing.get_option_at_index(i).id == wanted), movable[0] if movable else None)
        listing.highlighted = at
        finish = "enter ends · escape keeps going" if self.asking_to_end else "F8 exports · r recaps · escape closes"
        box = self.query_one("#summary")
        box.border_subtitle = f"{FLIP_HINT} · {finish}" if summary.may_change_carry_over else finish

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Exporting and the recap are offered once the meeting has ended, as the buttons are.
        if (action == "close" and parameters == ("export",)) or action == "recap":
            return not self.asking_to_end
        if action == "move_item":
            return self.summary.may_change_carry_over
        return True

    @on(OptionList.OptionSelected, "#summary-text")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        # Enter is the buttons' (see action_choose): a selection here is a click.
        self._move(event.option.id)

    def action_move_item(self) -> None:
        listing = self.query_one("#summary-text", OptionList)
        if listing.highlighted is not None:
            self._move(listing.get_option_at_index(listing.highlighted).id)

    def _move(self, option_id: str | None) -> None:
        """Carry the item over if it counted as discussed, or count it discussed if it was to carry over."""
        if option_id is None or not option_id.startswith(ITEM_ID):
            return
        item_id = int(option_id.removeprefix(ITEM_ID))
        carry = any(entry.item.id == item_id for entry in self.summary.discussed)
        store = self.app.store
        try:
            store.set_carry_over(item_id, carry)
        except RmTuiError as error:
            notify_literal(self, str(error), severity="warning")
            return
        self._show(store.session_summary(self.summary.session.id), keep_on=item_id)

    def action_choose(self) -> None:
        focused = self.focused
        button = focused if isinstance(focused, Button) else self.query_one(Button)
        button.press()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "recap":
            self.action_recap()
        else:
            self.action_close(event.button.id or "close")

    def action_recap(self) -> None:
        """The recap for the mentor, in a dialog over this one: the summary stays for what comes next."""
        from rm_tui.recap import gather_recap

        from .recap_dialog import RecapDialog

        try:
            recap = gather_recap(self.app.store, self.summary.session.id)
        except RmTuiError as error:
            notify_literal(self, str(error), severity="warning")
            return
        self.app.push_screen(RecapDialog(recap))

    def action_close(self, choice: str) -> None:
        self.dismiss(choice)
