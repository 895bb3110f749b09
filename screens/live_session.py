"""The live session: the agenda with its timers on the left, notes on the right.

During the meeting the leader keeps this screen open. Each agenda item (and the
session as a whole) has notes; each note has an author and a visibility that is
always in view. Text is never saved on a key: a snapshot goes to the autosaver a
moment after typing, and the autosaver writes it on its own thread.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header, Markdown, OptionList, Static, Tab, Tabs
from textual.widgets.option_list import Option

from rm_tui.errors import RmTuiError
from rm_tui.models import VISIBILITY_LABELS, AgendaItem, Note, NoteText, Role, Session, Visibility, next_visibility
from rm_tui.scope import Action
from rm_tui.text import clean_text
from rm_tui.timing import clock_text, item_seconds, session_seconds

from widgets.note_editor import NoteEditor
from widgets.safe import literal, literal_line, notify_literal
from widgets.speaker_badge import SpeakerBadge

from .data_screen import DataScreen

if TYPE_CHECKING:
    from rm_tui.autosave import Saved

FOLLOW_WHEN_IDLE_FOR = 2.0  # seconds without typing before the editor follows the meeting elsewhere
SAVE_DELAY = 0.25  # seconds from a keystroke to its snapshot; the write follows off-thread
PREVIEW_LIMIT = 50_000  # characters rendered by the preview; the editor holds any size
WHOLE_SESSION = "whole"  # the agenda list's id for the session-wide notes
VISIBILITY_STYLES: dict[Visibility, str] = {
    "shared": "bold $text on $success 60%",
    "private": "bold $text on $warning 60%",
    "off_record": "bold $text on $error 60%",
}
VISIBILITY_HINTS: dict[Visibility, str] = {
    "shared": "seen by both, exported",
    "private": "yours only, exported if you ask",
    "off_record": "never exported, hidden from the mentor",
}

Entry = int | None  # an agenda item id, or None for the session as a whole


@dataclass
class Buffer:
    """The note in the editor: a row once saved, or a new one still to be created."""

    key: str
    note_id: int | None
    entry: Entry
    author: Role
    visibility: Visibility
    saved_body: str  # what the database holds, or will once the autosaver catches up
    version: int | None = None  # the note's version the editor's text grew from
    conflict_of: int | None = None  # set when this note was written alongside another


def _new_buffer(entry: Entry, author: Role, note: Note | None = None) -> Buffer:
    if note is None:
        return Buffer(f"b{uuid.uuid4().hex}", None, entry, author, "shared", "")
    # Shown (and, once edited, saved) without control characters, whatever put them there.
    return Buffer(f"note-{note.id}", note.id, entry, note.author, note.visibility, clean_text(note.body),
                  note.version, note.conflict_of)


MAX_NOTE_TABS = 8  # tabs across the notes pane, the '⋯ more' one included
MORE_NOTES = "more-notes"


def _tab_id(note_id: int, buffer: Buffer) -> str:
    """A note's tab id. The editor's own note uses the buffer's key instead; a buffer
    whose text forked away from the note it opened keeps that note's key, so the
    original note, still listed, takes another id."""
    key = f"note-{note_id}"
    return f"{key}-original" if key == buffer.key else key


def _tab_label(author: Role, visibility: Visibility, new: bool = False, clash: bool = False) -> Content:
    return Content.assemble(author, (" · ", "$text-muted"), VISIBILITY_LABELS[visibility],
                            (" · new" if new else "", "italic"), (" · ⚠ clash" if clash else "", "bold $warning"))


def agenda_line(number: int, item: AgendaItem, seconds: int, notes: int, current: bool) -> Content:
    """'▶ 2. A real task in Notion' over '3:12/15:00  ✎1'; overrun in red, discussed ticked.

    The mentor's items say so: credit for ideas is part of the deal.
    """
    over = seconds > item.minutes * 60
    mark = ("▶ ", "bold $accent") if current else ("✓ ", "$success") if item.status == "discussed" else ("  ", "")
    return Content.assemble(
        mark,
        (f"{number}. ", "$text-muted"),
        literal_line(item.title, "bold" if current else ""),
        "\n    ",
        (f"{clock_text(seconds)}/{item.minutes}:00", "bold $error" if over else "$text-muted"),
        (f" +{clock_text(seconds - item.minutes * 60)}" if over else "", "bold $error"),
        (f"  ✎{notes}" if notes else "", "$text-muted"),
        ("  · mentor" if item.proposed_by == "mentor" else "", "$accent"),
        (f"  ↻{item.carry_count}" if item.is_carried else "", "$warning"),
        ("  stale" if item.is_stale else "", "bold $error"),
        ("  ⚠ clash" if item.conflict_of is not None else "", "bold $warning"),
    )


class LiveSessionScreen(DataScreen):
    """Runs one meeting: timers, notes per item, visibility, follow-ups, the end."""

    CSS_PATH = "live_session.tcss"
    ACTIONS_NEED = {"visibility": Action.PRIVATE_NOTES}
    BINDINGS = [
        Binding("f5", "start", "Start", tooltip="Start the meeting and its clocks"),
        Binding("f5", "end", "End", tooltip="End the meeting and see its summary"),
        Binding("f5", "summary", "Summary", tooltip="Show the summary of this meeting"),
        Binding("ctrl+down", "step(1)", "Next item", tooltip="Move on to the next agenda item", show=False),
        Binding("ctrl+up", "step(-1)", "Prev item", tooltip="Go back to the previous agenda item", show=False),
        Binding("ctrl+o", "discussed", "Discussed", tooltip="Mark this item discussed and move on (again to undo)"),
        Binding("ctrl+t", "visibility", "Visibility", tooltip="Make this note shared, private or off-record", show=False),
        Binding("ctrl+f", "follow_up", "Follow-up", tooltip="Capture a follow-up on this item"),
        Binding("ctrl+n", "new_note", "New note", tooltip="Start another note on this item", show=False),
        Binding("ctrl+r", "preview", "Preview", tooltip="Show this note rendered as Markdown, or edit it again", show=False),
        Binding("ctrl+g", "rules", "Ground rules", tooltip="Show the ground rules", show=False),
        Binding("f8", "export", "Export", tooltip="Export this session as Markdown", show=False),
        Binding("escape", "back", "Back", tooltip="Back to the mentorships (notes are saved)"),
    ]

    def __init__(  # noqa: ANN001 - Store, imported lazily
        self, store, session_id: int, *, open_at: tuple[Entry, int | None] | None = None
    ) -> None:
        """`open_at` (an entry, and a note on it) opens there instead of where the meeting is."""
        super().__init__(store)
        self.session_id = session_id
        self._open_at = open_at
        self._session: Session | None = None
        self._items: list[AgendaItem] = []
        self._note_counts: dict[Entry, int] = {}
        self._viewing: Entry = None
        self._followed_current: Entry | str = "unset"  # the database's current item, last we looked
        self._follow_waiting = False  # the meeting moved on while this window was typing
        self._last_typed = 0.0  # time.monotonic() of the last keystroke in the editor
        self._buffer: Buffer | None = None
        self._save_pending = False
        self._loads_in_flight = 0
        self._outside_edit_missed = False
        self._tabs = Tabs(classes="note-tabs")  # replaced whenever the notes on show change
        self._tab_keys: list[str] = []
        self._shown: tuple[object, ...] | None = None  # what the panes were last filled from
        self._drawn: dict[str, tuple[object, ...]] = {}  # what _redraw last put in each Static

    # -- layout ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="live-top"):
            yield Static(id="session-heading")
            yield SpeakerBadge(id="speaker")
        with Horizontal(id="live"):
            with Vertical(id="agenda-pane"):
                yield OptionList(id="agenda")
                yield Static(id="session-clock")
            with Vertical(id="notes-pane"):
                yield Static(id="item-heading")
                yield self._tabs
                with Horizontal(id="note-status"):
                    yield Static(id="visibility")
                    yield Static(id="note-author")
                    yield Static(id="visibility-hint")
                yield NoteEditor(id="editor", on_change=self._typed)
                yield Markdown(id="preview", open_links=False)  # a link in a note is read, never followed
                yield Static(id="item-follow-ups")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Live session"
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one("#preview").display = False
        self.watch(self.app, "speaker", self._speaker_changed, init=False)
        self.set_interval(1.0, self._tick)
        self._editor.focus()  # the meeting is for talking: typing goes straight into the notes
        from .ground_rules import offer_rules_once

        offer_rules_once(self, self.store, self.session_id)

    @property
    def _role(self) -> Role:
        return self.app.role  # type: ignore[attr-defined]

    @property
    def _autosaver(self):  # noqa: ANN202 - NoteAutosaver, owned by the app
        return self.app.autosaver  # type: ignore[attr-defined]

    @property
    def _editor(self) -> NoteEditor:
        return self.query_one("#editor", NoteEditor)

    # -- reading from the store ------------------------------------------------------

    def reload(self) -> None:
        session = self._session = self.store.get_session(self.session_id)
        self._items = self.store.agenda(self.session_id)
        self._note_counts = self.store.note_counts(self.session_id, self._role)
        if self._open_at is not None:  # opened from a search result: show that, not the meeting's place
            self._viewing, note_id = self._open_at
            self._open_at = None
            self._followed_current = session.current_item_id
            self._open_entry(self._viewing, note_id=note_id)
        self._follow_waiting = session.status == "live" and session.current_item_id != self._followed_current
        if self._follow_waiting and time.monotonic() - self._last_typed > FOLLOW_WHEN_IDLE_FOR:
            # Whoever moved the meeting on (here or in another process), follow them,
            # but never pull the note away from someone in mid-sentence: that waits.
            self._follow_waiting = False
            self._followed_current = session.current_item_id
            self._viewing = session.current_item_id
        if self._buffer is None and session.status != "live":
            # Before the start (or after the end) open on the first item still open.
            self._viewing = next((i.id for i in self._items if i.status == "open"), None)
        if self._viewing is not None and self._viewing not in {i.id for i in self._items}:
            self._viewing = None  # the item was removed
        if self._buffer is None or self._buffer.entry != self._viewing:
            self._open_entry(self._viewing)
        else:
            self._take_outside_edits()
        shown = self._what_is_shown()
        if shown != self._shown:
            # Most changes seen while typing are this window's own autosaves: they change
            # nothing on show, and rebuilding the agenda and the footer for each would
            # slow the typing down.
            self._fill_agenda()
            self._fill_notes_pane()
            self._shown = shown
            self.refresh_bindings()
        self._show_clocks()

    def _what_is_shown(self) -> tuple[object, ...]:
        """Everything the agenda, the notes pane and the keys are drawn from, to compare."""
        buffer = self._buffer
        assert buffer is not None
        notes = tuple((n.id, n.author, n.visibility, n.conflict_of)
                      for n in self.store.notes(self.session_id, buffer.entry, self._role))
        return (self._session, tuple(self._items), tuple(sorted(self._note_counts.items(), key=repr)),
                self._viewing, buffer.key, buffer.note_id, buffer.author, buffer.visibility, buffer.conflict_of,
                notes, tuple(self.store.follow_ups_for_session(self.session_id)))

    def _entries(self) -> list[Entry]:
        return [item.id for item in self._items] + [None]

    def _fill_agenda(self) -> None:
        agenda = self.query_one("#agenda", OptionList)
        agenda.clear_options()
        agenda.add_options(self._agenda_option(n, item) for n, item in enumerate(self._items, 1))
        agenda.add_option(Option(self._whole_session_line(), id=WHOLE_SESSION))
        agenda.highlighted = self._entries().index(self._viewing)
        agenda.border_subtitle = "ctrl+↑↓ between items" if self._items else "no items yet: s on the home screen builds them"

    def _agenda_option(self, number: int, item: AgendaItem) -> Option:
        return Option(self._item_line(number, item), id=str(item.id))

    def _item_line(self, number: int, item: AgendaItem) -> Content:
        assert self._session is not None
        seconds = item_seconds(item, self._session, self.store.now())
        current = self._session.status == "live" and self._session.current_item_id == item.id
        return agenda_line(number, item, seconds, self._note_counts.get(item.id, 0), current)

    def _whole_session_line(self) -> Content:
        notes = self._note_counts.get(None, 0)
        return Content.assemble(("◆ ", "$accent"), ("The session as a whole", "italic"),
                                (f"  ✎{notes}" if notes else "", "$text-muted"))

    def _tick(self) -> None:
        """Once a second: catch up on what waited for the typing to stop, and the clocks."""
        if self._session is None:
            return
        if self._follow_waiting:
            self.reload()
            return
        if self._outside_edit_missed:
            self._take_outside_edits()
        self._show_clocks()

    def _show_clocks(self) -> None:
        """The session clock and the current item's timer."""
        session = self._session
        if session is None:
            return
        mentorship = self.store.get_mentorship(session.mentorship_id)
        state = {"planned": ("not started · F5 starts", "$text-muted"), "live": ("LIVE", "bold $error"),
                 "held": ("ended", "$text-muted"), "cancelled": ("cancelled", "$text-muted")}[session.status]
        self._redraw("#session-heading",
                     Content.assemble(literal_line(mentorship.mentor, "bold"), (" · ", "$text-muted"),
                                      f"{session.scheduled_on:%a %d %b %Y}", (" · ", "$text-muted"), state))
        spent = session_seconds(session, self.store.now())
        over = spent > session.minutes * 60
        planned = sum(item.minutes for item in self._items)
        self._redraw("#session-clock",
                     Content.assemble(("Session ", "$text-muted"),
                                      (f"{clock_text(spent)}/{session.minutes}:00", "bold $error" if over else "bold"),
                                      (f"  · agenda {planned} min", "$text-muted")))
        if session.status == "live" and session.current_item_id is not None:
            index = self._entries().index(session.current_item_id)
            self.query_one("#agenda", OptionList).replace_option_prompt_at_index(
                index, self._item_line(index + 1, self._items[index])
            )

    def _redraw(self, selector: str, content: Content) -> None:
        """Update a Static only when what it says changed: each update lays the screen out again."""
        drawn = (content.plain, tuple(content.spans))
        if self._drawn.get(selector) != drawn:
            self._drawn[selector] = drawn
            self.query_one(selector, Static).update(content)

    def _fill_notes_pane(self) -> None:
        self._shown = None  # drawn outside reload(): its next look redraws whatever it finds
        buffer = self._buffer
        assert buffer is not None
        item = self._item(buffer.entry)
        if item is None:
            heading = Content.assemble(("The session as a whole", "bold"),
                                       ("  notes that belong to no one item", "$text-muted"))
        else:
            heading = Content.assemble(literal_line(item.title, "bold"), "\n" if item.prompt else "",
                                       literal(item.prompt, "$text-muted"))
        self.query_one("#item-heading", Static).update(heading)
        self._fill_tabs()
        self._show_note_status()
        follow_ups = [f for f in self.store.follow_ups_for_session(self.session_id) if f.agenda_item_id == buffer.entry]
        parts: list[Content | str | tuple[str, str]] = []
        for f in follow_ups:
            due = f" · due {f.due_on:%a %d %b}" if f.due_on else ""
            parts += [("☐ ", "$accent"), literal_line(f.title), (f"  {f.owner}{due}", "$text-muted"), "\n"]
        widget = self.query_one("#item-follow-ups", Static)
        widget.update(Content.assemble(*parts).rstrip())
        widget.display = bool(follow_ups)

    def _fill_tabs(self) -> None:
        """One tab per note on this item, plus the new note being written.

        Tabs are keyed by editor buffer, so a new note's first save only relabels its
        tab; when the set of notes changes the whole Tabs widget is replaced, which
        keeps stale activations of the old one from reaching the editor.
        """
        buffer = self._buffer
        assert buffer is not None
        wanted = [
            (buffer.key if note.id == buffer.note_id else _tab_id(note.id, buffer),
             _tab_label(note.author, note.visibility, clash=note.conflict_of is not None))
            for note in self.store.notes(self.session_id, buffer.entry, self._role)
        ]
        if buffer.key not in {key for key, _ in wanted}:
            wanted.append((buffer.key, _tab_label(buffer.author, buffer.visibility, new=True)))
        if len(wanted) > MAX_NOTE_TABS:
            # Only a few tabs fit across the pane: the open note and the newest others get
            # one, and the rest are a pick away (building tabs nobody can see costs time).
            shown = [entry for entry in wanted if entry[0] != buffer.key][-(MAX_NOTE_TABS - 2):]
            kept = {key for key, _ in shown} | {buffer.key}
            older = len(wanted) - len(kept)
            wanted = [entry for entry in wanted if entry[0] in kept]
            wanted.append((MORE_NOTES, Content.styled(f"⋯ {older} more", "italic")))
        keys = [key for key, _ in wanted]
        if keys != self._tab_keys:
            # Compared with what was asked for, not what is mounted yet: a Tabs replaced
            # before it finished mounting would fail to find its own tabs.
            self._tab_keys = keys
            old, self._tabs = self._tabs, Tabs(*(Tab(label, id=key) for key, label in wanted),
                                                active=buffer.key, classes="note-tabs")
            self.query_one("#notes-pane").mount(self._tabs, after=old)
            if old.has_focus:
                # Keep the keyboard where it was, or in the note if the tabs are gone.
                self.call_after_refresh(lambda: (self._tabs if self._tabs.display else self._editor).focus())
            old.remove()
        else:
            labels = dict(wanted)
            for tab in self._tabs.query(Tab):
                if tab.label != labels[tab.id or ""]:
                    tab.label = labels[tab.id or ""]
            if self._tabs.active != buffer.key and self._tabs.query(f"#{buffer.key}"):
                self._tabs.active = buffer.key
        self._tabs.display = len(wanted) > 1  # a lone new note needs no tab

    def _show_note_status(self) -> None:
        buffer = self._buffer
        assert buffer is not None
        self.query_one("#visibility", Static).update(
            Content.styled(f" {VISIBILITY_LABELS[buffer.visibility].upper()} ", VISIBILITY_STYLES[buffer.visibility])
        )
        hint = Content(VISIBILITY_HINTS[buffer.visibility])
        if buffer.conflict_of is not None:
            hint = Content.assemble(("⚠ written at the same time as another note here: keep what you need ",
                                     "bold $warning"), hint)
        self.query_one("#visibility-hint", Static).update(hint)
        if not self.store.scope.owns(buffer.author):
            after = "  read only here: ctrl+n writes your own"
        elif self.store.scope.may(Action.PRIVATE_NOTES):
            after = "  ctrl+t changes"
        else:
            after = ""
        self.query_one("#note-author", Static).update(
            Content.assemble(("by ", "$text-muted"), (buffer.author, "bold"), (after, "$text-muted"))
        )

    def _item(self, entry: Entry) -> AgendaItem | None:
        return next((item for item in self._items if item.id == entry), None)

    # -- the editor and autosave -------------------------------------------------------

    def _open_entry(self, entry: Entry, *, note_id: int | None = None, fresh: bool = False) -> None:
        """Put a note of `entry` in the editor: the one asked for, else the speaker's latest."""
        self._stash()
        speaker: Role = self.app.speaker  # type: ignore[attr-defined]
        notes = self.store.notes(self.session_id, entry, self._role)
        if note_id is not None:
            chosen = next((n for n in notes if n.id == note_id), None)
        else:
            chosen = None if fresh else next((n for n in reversed(notes) if n.author == speaker), None)
        self._buffer = _new_buffer(entry, speaker, chosen)
        self._viewing = entry
        self._load_editor(self._buffer.saved_body)

    def _load_editor(self, text: str) -> None:
        editor = self._editor
        # The mentor's window reads the leader's shared notes but writes only its own.
        editor.read_only = self._buffer is not None and not self.store.scope.owns(self._buffer.author)
        if editor.text != text:
            self._loads_in_flight += 1  # its Changed message is not typing
            editor.load_text(text)
            editor.move_cursor(editor.document.end)  # carry on where the note ends
        self._save_pending = False
        if self.query_one("#preview").display:
            self._render_preview()

    def _typed(self) -> None:
        # The keystroke path: only note that a save is due. The snapshot comes shortly
        # after, however fast the typing, so a crash loses well under a second.
        if self._loads_in_flight:
            self._loads_in_flight -= 1
            return
        self._last_typed = time.monotonic()
        if not self._save_pending:
            self._save_pending = True
            self.set_timer(SAVE_DELAY, self._stash)

    def _stash(self) -> None:
        """Hand the editor's text to the autosaver if it differs from what is saved."""
        self._save_pending = False
        buffer = self._buffer
        if buffer is None:
            return
        text = self._editor.text
        if text == buffer.saved_body:
            return
        buffer.saved_body = text
        self._autosaver.put(
            buffer.key,
            NoteText(buffer.note_id, self.session_id, buffer.entry, buffer.author, buffer.visibility, text,
                     buffer.version),
        )

    def _settle(self) -> Buffer:
        """Stash and wait for the write, so the buffer's row exists and holds the text."""
        self._stash()
        self._autosaver.flush()
        buffer = self._buffer
        assert buffer is not None
        if buffer.note_id is None:
            buffer.note_id = self._autosaver.note_id(buffer.key)
        return buffer

    def flush_edits(self) -> None:
        """Called before the app quits: nothing typed may be left unsaved."""
        if self._buffer is not None and self.is_mounted:
            self._stash()

    def on_screen_suspend(self) -> None:
        self._stash()  # another screen or mode takes over: save what is typed now

    def _take_outside_edits(self) -> None:
        """Show a newer text another window saved, unless this one has unsaved typing."""
        buffer = self._buffer
        assert buffer is not None
        if buffer.note_id is None:
            buffer.note_id = self._autosaver.note_id(buffer.key)
        if buffer.note_id is None:
            return
        if self._save_pending or self._autosaver.is_saving(buffer.key):
            self._outside_edit_missed = True  # look again on the next tick
            return
        self._outside_edit_missed = False
        try:
            note = self.store.get_note(buffer.note_id, self._role)
        except RmTuiError:
            # Made private or off-record in the leader's window: not this view's to show.
            self._open_entry(buffer.entry)
            return
        buffer.visibility = note.visibility
        buffer.conflict_of = note.conflict_of
        body = clean_text(note.body)
        if body != buffer.saved_body:
            buffer.saved_body = body
            buffer.version = note.version
            self._load_editor(body)

    def note_kept_apart(self, saved: Saved) -> None:
        """Follow text the autosaver had to put somewhere else, and say why."""
        buffer = self._buffer
        if buffer is not None and buffer.key == saved.buffer:
            buffer.note_id, buffer.version = saved.note.note_id, saved.note.version
            if saved.note.forked_from is not None:
                buffer.conflict_of = saved.note.forked_from
        if saved.note.forked_from is not None:
            self.notify("This note was changed in another window while you typed here. Nothing is lost: "
                        "your text is now a note of its own beside the other one (⚠ clash).",
                        title="Both versions kept", severity="warning", timeout=12)
        else:
            self.notify("The agenda item was removed in another window while you wrote on it. "
                        "Your note is kept under 'The session as a whole'.",
                        title="Note kept", severity="warning", timeout=12)
        if self.is_mounted:
            self.reload()

    def _speaker_changed(self) -> None:
        # The person at the keyboard changed: their own note on this item comes up.
        self._open_entry(self._viewing)
        self._fill_notes_pane()

    # -- events ----------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#agenda")
    def _agenda_moved(self, event: OptionList.OptionHighlighted) -> None:
        option_id = event.option.id
        self._go(None if option_id == WHOLE_SESSION else int(option_id or 0))

    @on(Tabs.TabActivated)
    def _tab_chosen(self, event: Tabs.TabActivated) -> None:
        buffer = self._buffer
        key = event.tab.id or ""
        if key == MORE_NOTES and event.tabs is self._tabs and buffer is not None:
            self._pick_a_note(buffer)
            return
        if event.tabs is not self._tabs or buffer is None or key == buffer.key or not key.startswith("note-"):
            return  # from a replaced Tabs widget, or the note already open
        self._open_entry(buffer.entry, note_id=int(key.split("-")[1]))
        self._fill_notes_pane()

    def _pick_a_note(self, buffer: Buffer) -> None:
        from .note_picker import NotePickerScreen

        notes = self.store.notes(self.session_id, buffer.entry, self._role)
        item = self._item(buffer.entry)

        def chosen(note_id: int | None) -> None:
            if note_id is not None and self._buffer is buffer and note_id != buffer.note_id:
                self._open_entry(buffer.entry, note_id=note_id)
            self._fill_notes_pane()  # the tabs come back to the open note either way

        self.app.push_screen(
            NotePickerScreen(notes, f"All {len(notes)} notes on {item.title if item else 'the session as a whole'}"),
            chosen,
        )

    def _go(self, entry: Entry) -> None:
        if entry == self._viewing and self._buffer is not None:
            return
        self._open_entry(entry)
        self._followed_current = entry  # this window moved the meeting: nothing to follow
        self.store.go_to_item(self.session_id, entry)  # times the meeting only while live
        self._fill_agenda()
        self._fill_notes_pane()

    # -- actions ---------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        status = self._session.status if self._session else "planned"
        wanted = {"start": "planned", "end": "live", "summary": "held"}.get(action)
        return wanted is None or wanted == status

    def action_step(self, step: int) -> None:
        entries = self._entries()
        index = max(0, min(entries.index(self._viewing) + step, len(entries) - 1))
        self._go(entries[index])

    def action_start(self) -> None:
        self._session = self.store.start_session(self.session_id)
        self.notify("The meeting has started. ctrl+↓ moves on, ctrl+o marks an item discussed.")

    def action_discussed(self) -> None:
        item = self._item(self._viewing)
        if item is None:
            self.notify("Pick an agenda item first: the session as a whole is never 'discussed'.",
                        severity="warning")
            return
        if item.status == "discussed":
            self.store.set_item_status(item.id, "open")
            notify_literal(self, f"Open again: {item.title}")
            return
        self.store.set_item_status(item.id, "discussed")
        after = self._items[self._items.index(item) + 1:]
        upcoming = next((i for i in after if i.status == "open"), None)
        self._go(upcoming.id if upcoming else None)
        notify_literal(self, f"Discussed: {item.title}" + (f"\nNow: {upcoming.title}" if upcoming else ""))

    def action_visibility(self) -> None:
        buffer = self._settle()
        buffer.visibility = next_visibility(buffer.visibility)
        if buffer.note_id is not None:
            self.store.set_note_visibility(buffer.note_id, buffer.visibility)
        self._show_note_status()
        self._fill_tabs()

    def action_new_note(self) -> None:
        self._open_entry(self._viewing, fresh=True)
        self._fill_notes_pane()
        self._editor.focus()

    def action_preview(self) -> None:
        preview = self.query_one("#preview", Markdown)
        showing = not preview.display
        preview.display = showing
        self._editor.display = not showing
        if showing:
            self._render_preview()
        else:
            self._editor.focus()

    def _render_preview(self) -> None:
        text = self._editor.text
        if len(text) > PREVIEW_LIMIT:
            text = text[:PREVIEW_LIMIT] + f"\n\n*(the preview shows the first {PREVIEW_LIMIT:,} characters)*"
        self.query_one("#preview", Markdown).update(text or "*(nothing written yet)*")

    def action_follow_up(self) -> None:
        from .follow_up_form import FollowUpFormScreen

        assert self._session is not None
        entry = self._viewing
        item = self._item(entry)
        mentorship_id = self._session.mentorship_id

        def save(title: str, owner: str, due: str) -> None:
            self.store.add_follow_up(mentorship_id, title=title, owner=owner, due=due,
                                     session_id=self.session_id, agenda_item_id=entry)

        def saved(done: bool | None) -> None:
            if done:
                self.notify("Follow-up added; it comes back on the next agenda until it is done.")

        self.app.push_screen(
            FollowUpFormScreen(
                item.title if item else "the session as a whole",
                self.app.speaker,  # type: ignore[attr-defined]
                self.store.default_follow_up_due(self.session_id).isoformat(),
                save,
            ),
            saved,
        )

    def action_end(self) -> None:
        from .session_summary import SessionSummaryScreen

        self._settle()

        def decided(choice: str | None) -> None:
            if choice == "end":
                self.store.end_session(self.session_id)
                self.action_summary()

        self.app.push_screen(
            SessionSummaryScreen(self.store.session_summary(self.session_id), asking_to_end=True), decided
        )

    def action_summary(self) -> None:
        """The summary of the ended meeting, with the Markdown export one button away."""
        from .session_summary import SessionSummaryScreen

        def chosen(choice: str | None) -> None:
            if choice == "export":
                self.action_export()

        self.app.push_screen(
            SessionSummaryScreen(self.store.session_summary(self.session_id), asking_to_end=False), chosen
        )

    def action_export(self) -> None:
        from rm_tui.exporting import ExportRequest

        from .export_form import push_export

        self._settle()
        push_export(self, self.store, ExportRequest(session_id=self.session_id), "Export this session as Markdown")

    def action_rules(self) -> None:
        from .ground_rules import push_rules

        push_rules(self, self.store, first_time=False)

    def action_back(self) -> None:
        self._stash()
        self.dismiss()
