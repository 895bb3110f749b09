"""The champion log of one mentorship: both sides of the two-way street."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import DataTable, Header, Static

from rm_tui.models import CHAMPION_KINDS, GIVING_BACK, ChampionEntry, Mentorship
from rm_tui.scope import Action
from rm_tui.text import counted, one_line
from rm_tui.undo import UndoStack
from widgets.cells import cell
from widgets.key_footer import KeyFooter
from widgets.safe import literal_line, notify_literal
from widgets.undo_notice import undo_and_tell

from .data_screen import DataScreen

if TYPE_CHECKING:
    from rm_tui.store import Store  # for the type only, as in DataScreen


WHEN_WIDTH = 15  # "Fri 27 Nov 2026"
SCROLLBAR = 2  # a long log's vertical scrollbar takes two columns


def _wrapping(value: str, style: str = "") -> Text:
    """A cell that wraps inside its own column, so a long note's next line starts under its first."""
    return Text(one_line(value), style=style, overflow="fold")


def _figure(count: int, style: str, label: str | Content) -> Horizontal:
    """A count and its label side by side: a label too long for the box wraps under itself."""
    return Horizontal(Static(Content.styled(f"{count:>3}", style), classes="count"),
                      Static(label, classes="label"), classes="figure")


@dataclass(frozen=True)
class Voice:
    """The log's words, addressed to whoever reads it: the leader, or the mentor in their window."""

    taught: str
    mentors_idea: str
    gave_back: str
    did: str

    @classmethod
    def for_leader(cls, mentorship: Mentorship) -> Voice:
        return cls(f"What {mentorship.mentor} taught you", f"{mentorship.mentor}'s idea",
                   "What you gave back", "What you did")

    @classmethod
    def for_mentor(cls, mentorship: Mentorship) -> Voice:
        return cls(f"What you taught {mentorship.leader}", "your idea",
                   f"What {mentorship.leader} gave back", f"What {mentorship.leader} did")


class ChampionScreen(DataScreen):
    """What the mentor taught, what the leader did in return, and the log of the latter."""

    WATCHES = frozenset({"champion_entries", "sessions", "agenda_items", "mentorships"})

    CSS_PATH = "champion.tcss"
    # The log is the leader's to keep; the mentor's window reads it, addressed to them.
    ACTIONS_NEED = {
        "log": Action.KEEP_CHAMPION_LOG,
        "remove": Action.KEEP_CHAMPION_LOG,
        "undo": Action.KEEP_CHAMPION_LOG,
        "impact": Action.KEEP_CHAMPION_LOG,
    }
    BINDINGS = [
        Binding("n", "log", "Log", tooltip="Log something you did for your mentor"),
        Binding("delete", "remove", "Remove", tooltip="Remove the highlighted entry (ctrl+z puts it back)"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Put back the last removed entry"),
        Binding("i", "impact", "Impact note", tooltip="Write the note for your mentor's manager (Markdown)"),
        Binding("escape", "back", "Back", tooltip="Back to the mentorships"),
    ]

    def __init__(self, store: Store, mentorship_id: int) -> None:
        super().__init__(store)
        self.mentorship_id = mentorship_id
        self._entries: list[ChampionEntry] = []
        self._undo = UndoStack()

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="two-way"):
            with Vertical(id="taught"):
                yield Static(id="taught-summary")
                yield Vertical(id="taught-figures", classes="figures")
            with Vertical(id="given"):
                yield Static(id="given-summary")
                yield Vertical(id="given-figures", classes="figures")
        yield Static(id="nudge")
        yield DataTable(id="entries", cursor_type="row", zebra_stripes=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Champion log"

    def _voice(self) -> Voice:
        mentorship = self.store.get_mentorship(self.mentorship_id)
        return Voice.for_mentor(mentorship) if self.store.scope.is_mentor else Voice.for_leader(mentorship)

    def reload(self) -> None:
        voice = self._voice()
        street = self.store.two_way_street(self.mentorship_id)
        self.query_one("#taught-summary", Static).update(Content.assemble(
            (voice.taught, "bold"), "\n",
            f"{counted(street.sessions_held, 'session')} held · {counted(street.topics_discussed, 'topic')} "
            f"discussed, {street.topics_from_mentor} of them {voice.mentors_idea}",
        ))
        self._show_figures("#taught-figures", [
            _figure(count, "bold", literal_line(category))  # a user topic file's, maybe
            for category, count in sorted(street.categories.items(), key=lambda kv: -kv[1])
        ])
        self.query_one("#given-summary", Static).update(Content.styled(voice.gave_back, "bold"))
        self._show_figures("#given-figures", [
            _figure(count, "bold $success" if count else "$text-muted", label)
            for kind, label in CHAMPION_KINDS.items()
            if (count := street.given_back.get(kind, 0)) or kind != "other"
        ])
        nudge = self.query_one("#nudge", Static)
        # The nudge is the leader's to act on; the mentor is never asked to log for themselves.
        nudge.display = self.store.scope.may(Action.KEEP_CHAMPION_LOG) and self.store.needs_champion_nudge(
            self.mentorship_id
        )
        nudge.update(Content.assemble(
            ("Nothing logged over the last two sessions. ", "bold"),
            "Whose idea did you repeat this week? Say whose it was, in the room where it counts. ",
            ("n", "bold $accent"), " logs it.",
        ))
        self._entries = self.store.champion_entries(self.mentorship_id)
        self._fill_log()

    def on_resize(self, event: events.Resize) -> None:
        self._fill_log()

    def _show_figures(self, selector: str, figures: list[Horizontal]) -> None:
        box = self.query_one(selector, Vertical)
        with self.app.batch_update():
            box.remove_children()
            box.mount_all(figures)

    def _fill_log(self) -> None:
        """The log, its columns cut to the terminal: a long kind or note wraps inside its column.

        Left to size itself, the note column ran past the screen's edge and was cut
        there, mid-word and with no sign that more was hidden.
        """
        table: DataTable[Text] = self.query_one("#entries", DataTable)
        padding = 2 * table.cell_padding
        room = self.app.size.width - SCROLLBAR - 3 * padding - WHEN_WIDTH
        longest = max((len(entry.label) for entry in self._entries), default=len(self._voice().did))
        kind_width = max(min(longest, room // 3), 12)
        cursor = table.cursor_row
        table.clear(columns=True)
        table.add_column("When", key="when", width=WHEN_WIDTH)
        table.add_column(cell(self._voice().did), key="kind", width=kind_width)  # names the leader: not markup
        table.add_column("", key="note", width=max(room - kind_width, 12))
        for entry in self._entries:
            table.add_row(cell(f"{entry.happened_on:%a %d %b %Y}", "dim"),
                          _wrapping(entry.label, "green" if entry.kind not in GIVING_BACK else "cyan"),
                          _wrapping(entry.note), key=str(entry.id), height=None)
        if self._entries:
            table.move_cursor(row=min(cursor, len(self._entries) - 1))

    def action_log(self) -> None:
        from .champion_form import ChampionFormScreen

        mentor = self.store.get_mentorship(self.mentorship_id).mentor

        def save(kind: str, note: str, when: str) -> None:
            self.store.add_champion_entry(self.mentorship_id, kind=kind, note=note, happened_on=when)

        self.app.push_screen(ChampionFormScreen(mentor, save))

    def action_remove(self) -> None:
        table = self.query_one("#entries", DataTable)
        if not self._entries or table.cursor_row >= len(self._entries):
            self.notify("Nothing to remove: the log is empty.", severity="warning")
            return
        entry = self._entries[table.cursor_row]
        removed = self.store.remove_champion_entry(entry.id)
        self._undo.add(f"Put back: {entry.label}", lambda: self.store.restore_champion_entry(removed))
        notify_literal(self, f"Removed: {entry.label} (ctrl+z puts it back)")

    def action_undo(self) -> None:
        undo_and_tell(self, self._undo)

    def action_impact(self) -> None:
        from rm_tui.exporting import ExportRequest

        from .export_form import push_export

        push_export(self, self.store, ExportRequest(mentorship_id=self.mentorship_id, impact=True),
                    "Write the impact note: what your mentor taught, for their manager")

    def action_back(self) -> None:
        self.dismiss()
