"""Every follow-up across mentorships: what was agreed, who owns it, when it is due."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import DataTable, Header, Select, Static

from rm_tui.models import FOLLOW_UP_FILTERS, FollowUpRow, FollowUpStatus
from rm_tui.scope import Action
from rm_tui.undo import UndoStack
from widgets.cells import cell, joined, set_columns
from widgets.key_footer import KeyFooter
from widgets.safe import literal_line, notify_literal
from widgets.undo_notice import undo_and_tell

from .data_screen import DataScreen

if TYPE_CHECKING:
    from rm_tui.store import Store  # for the type only, as in DataScreen

SHOW_LABELS = {"open": "Open", "overdue": "Overdue", "done": "Done or dropped", "all": "All"}
OWNER_LABELS = {"": "Anyone's", "leader": "The leader's", "mentor": "The mentor's"}
STATUS_MARKS = {"open": ("☐", ""), "done": ("✓", "green"), "dropped": ("✗", "dim")}
# (label, key, width): 0 shares the room left. "Mon 01 Dec  12d late", "mentor", "01 Dec".
COLUMNS = [("", "mark", 1), ("What", "what", 0), ("Owner", "owner", 6), ("Mentor", "mentor", 0),
           ("Due", "due", 20), ("Agreed", "agreed", 6)]
STATUS_VERBS: dict[FollowUpStatus, str] = {"done": "Done", "dropped": "Dropped", "open": "Open again"}


class FollowUpsScreen(DataScreen):
    """Lists follow-ups with filters; marks them done or dropped (with undo) and edits them."""

    WATCHES = frozenset({"follow_ups", "mentorships", "sessions"})

    CSS_PATH = "follow_ups.tcss"
    ACTIONS_NEED = {
        "set_status": Action.MANAGE_FOLLOW_UPS,
        "edit": Action.MANAGE_FOLLOW_UPS,
        "undo": Action.MANAGE_FOLLOW_UPS,
    }
    BINDINGS = [
        Binding("d", "set_status('done')", "Done", tooltip="Mark the highlighted follow-up done (again: open)"),
        Binding("x", "set_status('dropped')", "Drop", tooltip="Drop the highlighted follow-up (again: open)"),
        Binding("e", "edit", "Edit", tooltip="Edit what, who and when"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last done or dropped"),
        Binding("s", "cycle_show", "Show", tooltip="Show open, overdue, done or all follow-ups"),
        Binding("o", "cycle_owner", "Owner", tooltip="Show anyone's, the leader's or the mentor's"),
        Binding("m", "cycle_mentorship", "Mentorship", tooltip="Every mentorship, or one mentor's", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._rows: list[FollowUpRow] = []
        self._undo = UndoStack()
        self._select_next: int | None = None  # the row to highlight after the next reload

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="filters"):
            yield Select([(label, key) for key, label in SHOW_LABELS.items()], value="open", allow_blank=False,
                         id="show", compact=True)
            yield Select([(label, key) for key, label in OWNER_LABELS.items()], value="", allow_blank=False,
                         id="owner", compact=True)
            yield Select([], prompt="Every mentorship", id="mentorship", compact=True)
        table: DataTable[Text] = DataTable(id="follow-ups", cursor_type="row", zebra_stripes=True)
        set_columns(table, COLUMNS, self.app.size.width)
        yield table
        yield Static(id="counts")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Follow-ups"

    def on_resize(self, event: events.Resize) -> None:
        self._fill()  # the widths follow the terminal and the rows shown

    def reload(self) -> None:
        mentorships = self.store.list_mentorships(include_ended=True)
        chooser = self.query_one("#mentorship", Select)
        chosen = chooser.value
        options = [(literal_line(o.mentorship.mentor), o.mentorship.id) for o in mentorships]
        if [value for _, value in options] != getattr(self, "_mentorship_ids", None):
            self._mentorship_ids = [value for _, value in options]
            with chooser.prevent(Select.Changed):
                chooser.set_options(options)
                if chosen in self._mentorship_ids:
                    chooser.value = chosen
        self._fill()

    def _fill(self) -> None:
        show = str(self.query_one("#show", Select).value)
        owner = str(self.query_one("#owner", Select).value) or None
        chosen = self.query_one("#mentorship", Select).value
        mentorship_id = None if chosen is Select.NULL else int(chosen)  # type: ignore[arg-type]  # `is NULL` does not narrow
        table = self.query_one("#follow-ups", DataTable)
        selected = self._select_next or self._selected()
        self._select_next = None
        self._rows = self.store.list_follow_ups(show, owner=owner, mentorship_id=mentorship_id)
        today = self.store.today()
        cells = [self._cells(row, today) for row in self._rows]
        set_columns(table, COLUMNS, self.app.size.width, cells)
        table.clear()
        for row, row_cells in zip(self._rows, cells, strict=True):
            table.add_row(*row_cells, key=str(row.follow_up.id))
        if selected is not None and selected in {r.follow_up.id for r in self._rows}:
            table.move_cursor(row=table.get_row_index(str(selected)))
        every_open = self.store.list_follow_ups("open")
        overdue = sum(1 for r in every_open if r.is_overdue(today))
        self.query_one("#counts", Static).update(
            Content.assemble(
                (f"{len(every_open)} open", "bold"),
                ("  ·  ", "$text-muted"),
                (f"{overdue} overdue", "bold $error" if overdue else "$text-muted"),
                ("  ·  ", "$text-muted"),
                (f"showing {len(self._rows)}" if self._rows else "nothing to show with these filters", "$text-muted"),
            )
        )

    @staticmethod
    def _cells(row: FollowUpRow, today: date) -> list[Text]:
        f = row.follow_up
        mark, style = STATUS_MARKS[f.status]
        if row.is_overdue(today) and f.due_on is not None:  # overdue has a due date; mypy cannot see it
            due = joined((f"{f.due_on:%a %d %b}", "bold red"), (f"  {(today - f.due_on).days}d late", "red"))
        else:
            due = cell(f"{f.due_on:%a %d %b}" if f.due_on else "-", "")
        title = cell(f.title, "strike dim" if f.status == "dropped" else "")
        return [
            cell(mark, style),
            title,
            cell(f.owner, "magenta" if f.owner == "mentor" else ""),
            cell(row.mentor),
            due,
            cell(f"{row.session_on:%d %b}" if row.session_on else "-", "dim"),
        ]

    def _selected(self) -> int | None:
        table = self.query_one("#follow-ups", DataTable)
        if table.row_count == 0:
            return None
        key, _ = table.coordinate_to_cell_key(table.cursor_coordinate)
        return int(key.value) if key.value is not None else None

    def _chosen(self) -> FollowUpRow | None:
        selected = self._selected()
        row = next((r for r in self._rows if r.follow_up.id == selected), None)
        if row is None:
            self.notify("Nothing here to change: no follow-up is highlighted.", severity="warning")
        return row

    @on(Select.Changed)
    def _filters_changed(self) -> None:
        self._fill()

    def action_set_status(self, status: FollowUpStatus) -> None:
        row = self._chosen()
        if row is None:
            return
        f = row.follow_up
        target: FollowUpStatus = "open" if f.status == status else status
        previous = self.store.set_follow_up_status(f.id, target)
        self._undo.add(f"{STATUS_VERBS[previous]}: {f.title}", lambda: self._set_back(f.id, previous))
        notify_literal(self, f"{STATUS_VERBS[target]}: {f.title} (ctrl+z undoes)")

    def _set_back(self, follow_up_id: int, status: FollowUpStatus) -> None:
        self._select_next = follow_up_id  # the cursor goes to what came back
        self.store.set_follow_up_status(follow_up_id, status)

    def action_undo(self) -> None:
        undo_and_tell(self, self._undo)

    def action_edit(self) -> None:
        row = self._chosen()
        if row is None:
            return
        from .follow_up_form import FollowUpFormScreen

        f = row.follow_up

        def save(title: str, owner: str, due: str) -> None:
            self.store.edit_follow_up(f.id, title=title, owner=owner, due=due)

        self.app.push_screen(
            FollowUpFormScreen(f"the mentorship with {row.mentor}", f.owner, f.due_on.isoformat() if f.due_on else "",
                               save, title=f.title, heading="Edit follow-up", joined_by="in")
        )

    def action_cycle_show(self) -> None:
        self._cycle("#show", list(FOLLOW_UP_FILTERS))

    def action_cycle_owner(self) -> None:
        self._cycle("#owner", list(OWNER_LABELS))

    def action_cycle_mentorship(self) -> None:
        select = self.query_one("#mentorship", Select)
        ids = list(getattr(self, "_mentorship_ids", []))
        position = ids.index(select.value) + 1 if select.value in ids else 0  # after 'every mentorship'
        if position < len(ids):
            select.value = ids[position]
        else:
            select.clear()  # back to every mentorship

    def _cycle(self, selector: str, values: list[str]) -> None:
        select = self.query_one(selector, Select)
        select.value = values[(values.index(str(select.value)) + 1) % len(values)]
