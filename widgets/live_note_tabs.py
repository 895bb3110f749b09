"""The notes on one agenda item as tabs: 'leader · shared', 'mentor · private · new', '⋯ 6 more'."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Tab, Tabs

from rm_tui.models import VISIBILITY_LABELS, Note, Role, Visibility
from rm_tui.note_buffer import OpenNote, note_key

MAX_NOTE_TABS = 8  # tabs across the notes pane, the '⋯ more' one included
MORE_NOTES = "more-notes"  # the id of the '⋯ N more' tab


def tab_label(author: Role, visibility: Visibility, *, new: bool = False, clash: bool = False) -> Content:
    return Content.assemble(author, (" · ", "$text-muted"), VISIBILITY_LABELS[visibility],
                            (" · new" if new else "", "italic"), (" · ⚠ clash" if clash else "", "bold $warning"))


class NoteTabs(Widget):
    """One tab per note on the entry, plus the new note being written; hidden for a lone note.

    Only a few tabs fit across the pane: the open note and the newest others get
    one, and a '⋯ N more' tab opens a picker of them all (building tabs nobody can
    see cost a 500-note session its open time).

    The open note's tab is keyed by its text's key (see rm_tui.note_buffer), so a
    new note's first save only relabels its tab. When the set of tabs changes the
    whole Tabs widget is replaced, which keeps stale activations of the old one
    from opening a note.
    """

    DEFAULT_CSS = """
    NoteTabs { height: auto; margin: 0 1; }
    """

    class NoteChosen(Message):
        """The person picked another note to open, by a tab or in the picker."""

        def __init__(self, note_id: int) -> None:
            super().__init__()
            self.note_id = note_id

    class FocusReleased(Message):
        """The tabs went away while they had the keyboard: the screen says where it goes."""

    class PickerWanted(Message):
        """The '⋯ N more' tab was chosen: the screen shows a picker of `notes` and hands
        the answer to `NoteTabs.picked` (a widget does not open screens)."""

        def __init__(self, notes: Sequence[Note], heading: str) -> None:
            super().__init__()
            self.notes = notes
            self.heading = heading  # names the entry: user text, shown literally

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tabs = Tabs()
        self._tab_ids: list[str] = []  # what was asked for, not what is mounted yet
        self._note_ids: dict[str, int] = {}
        self._open = OpenNote("", None, "leader")  # until the screen opens the first note
        self._notes: list[Note] = []
        self._subject = ""
        self._picking_from = ""  # the open note's key when the picker was asked for

    def compose(self) -> ComposeResult:
        yield self._tabs

    def show_notes(self, notes: Sequence[Note], open_note: OpenNote, subject: str) -> None:
        """Tabs for `notes` (all the entry's notes, oldest first) with `open_note`'s active.

        `subject` names the entry in the picker's title: user text, shown literally.
        """
        self._notes, self._open, self._subject = list(notes), open_note, subject
        self._note_ids = {}
        wanted: list[tuple[str, Content]] = []
        for note in notes:
            tab_id = open_note.key if note.id == open_note.note_id else self._other_tab_id(note.id)
            self._note_ids[tab_id] = note.id
            wanted.append((tab_id, tab_label(note.author, note.visibility, clash=note.conflict_of is not None)))
        if open_note.key not in self._note_ids:
            wanted.append((open_note.key, tab_label(open_note.author, open_note.visibility, new=True)))
        if len(wanted) > MAX_NOTE_TABS:
            shown = [tab for tab in wanted if tab[0] != open_note.key][-(MAX_NOTE_TABS - 2):]
            kept = {tab_id for tab_id, _ in shown} | {open_note.key}
            older = len(wanted) - len(kept)
            wanted = [tab for tab in wanted if tab[0] in kept]
            wanted.append((MORE_NOTES, Content.styled(f"⋯ {older} more", "italic")))
        self._show_tabs(wanted)
        self.display = len(wanted) > 1  # a lone new note needs no tab

    def _other_tab_id(self, note_id: int) -> str:
        """The tab id of a note other than the open one. The open note's text may have
        forked away from the note it opened (a clash) and kept that note's key: the
        original, still listed, then takes another id."""
        key = note_key(note_id)
        return f"{key}-original" if key == self._open.key else key

    def _show_tabs(self, wanted: list[tuple[str, Content]]) -> None:
        tab_ids = [tab_id for tab_id, _ in wanted]
        if tab_ids != self._tab_ids:
            # Compared with what was asked for, not what is mounted yet: a Tabs replaced
            # before it finished mounting would fail to find its own tabs.
            self._tab_ids = tab_ids
            old, self._tabs = self._tabs, Tabs(*(Tab(label, id=tab_id) for tab_id, label in wanted),
                                                active=self._open.key)
            self.mount(self._tabs, after=old)
            if old.has_focus:
                self.call_after_refresh(self._keep_keyboard)
            old.remove()
            return
        labels = dict(wanted)
        for tab in self._tabs.query(Tab):
            if tab.label != labels[tab.id or ""]:
                tab.label = labels[tab.id or ""]
        self._back_to_open_note()

    def _back_to_open_note(self) -> None:
        if self._tabs.active != self._open.key and self._tabs.query(f"#{self._open.key}"):
            self._tabs.active = self._open.key

    def _keep_keyboard(self) -> None:
        """Keep the keyboard in the tabs, or hand it on if they are gone."""
        if self.display:
            self._tabs.focus()
        else:
            self.post_message(self.FocusReleased())

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        event.stop()
        if event.tabs is not self._tabs:
            return  # from a Tabs already replaced
        tab_id = event.tab.id or ""
        if tab_id == MORE_NOTES:
            self._pick_a_note()
            return
        note_id = self._note_ids.get(tab_id)
        if tab_id != self._open.key and note_id is not None:
            self.post_message(self.NoteChosen(note_id))

    def _pick_a_note(self) -> None:
        self._picking_from = self._open.key
        self.post_message(self.PickerWanted(self._notes, f"All {len(self._notes)} notes on {self._subject}"))

    def picked(self, note_id: int | None) -> None:
        """The picker's answer: open that note, unless another was opened meanwhile."""
        if note_id is not None and self._open.key == self._picking_from and note_id != self._open.note_id:
            self.post_message(self.NoteChosen(note_id))
        else:
            self._back_to_open_note()  # the tabs come back to the open note
