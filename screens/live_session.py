"""The live session: the agenda with its timers on the left, notes on the right.

During the meeting the leader keeps this screen open. Each agenda item (and the
session as a whole) has notes; each note has an author and a visibility that is
always in view. Text is never saved on a key: a snapshot goes to the autosaver a
moment after typing, and the autosaver writes it on its own thread.

The screen coordinates. The rules live in the core, without Textual: where this
window looks in the meeting (rm_tui.meeting_place) and the open note between the
editor and the database (rm_tui.note_buffer). What is shown lives in widgets: the
agenda, the clock, the heading, the note tabs and the note's status.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, Header

from rm_tui.errors import RmTuiError
from rm_tui.meeting_place import MeetingPlace, next_open_after, stepped
from rm_tui.models import AgendaItem, Role, Session
from rm_tui.note_buffer import Entry, NoteBuffer, note_to_open
from rm_tui.scope import Action
from widgets.live_agenda import LiveAgenda
from widgets.live_clock import MeetingClock
from widgets.live_heading import SessionHeading
from widgets.live_item import ItemFollowUps, ItemHeading
from widgets.live_note_page import NotePage
from widgets.live_note_status import NoteStatus
from widgets.live_note_tabs import NoteTabs
from widgets.live_notice import LiveNotice
from widgets.safe import literal_line
from widgets.speaker_badge import SpeakerBadge

from .data_screen import DataScreen
from .live_dialogs import push_end, push_follow_up, push_summary

if TYPE_CHECKING:
    from rm_tui.autosave import Saved
    from rm_tui.store import Store

SAVE_DELAY = 0.25  # seconds from a keystroke to its snapshot; the write follows off-thread


class LiveSessionScreen(DataScreen):
    """Runs one meeting: timers, notes per item, visibility, follow-ups, the end."""

    CSS_PATH = "live_session.tcss"
    WATCHES = frozenset({"sessions", "agenda_items", "notes", "follow_ups", "mentorships"})
    ACTIONS_NEED = {"visibility": Action.PRIVATE_NOTES}
    BINDINGS = [
        Binding("f5", "start", "Start", tooltip="Start the meeting and its clocks"),
        Binding("f5", "end", "End", tooltip="End the meeting and see its summary"),
        Binding("f5", "summary", "Summary", tooltip="Show the summary of this meeting"),
        Binding("ctrl+down", "step(1)", "Next item", tooltip="Move on to the next agenda item", show=False),
        Binding("ctrl+up", "step(-1)", "Prev item", tooltip="Go back to the previous agenda item", show=False),
        Binding("ctrl+o", "discussed", "Discussed", tooltip="Mark this item discussed and move on (again to undo)"),
        Binding("ctrl+t", "visibility", "Visibility", tooltip="Make this note shared, private or off-record",
                show=False),
        Binding("ctrl+f", "follow_up", "Follow-up", tooltip="Capture a follow-up on this item"),
        Binding("ctrl+n", "new_note", "New note", tooltip="Start another note on this item", show=False),
        Binding("ctrl+r", "preview", "Preview", tooltip="Show this note rendered as Markdown, or edit it again",
                show=False),
        Binding("ctrl+g", "rules", "Ground rules", tooltip="Show the ground rules", show=False),
        Binding("f8", "export", "Export", tooltip="Export this session as Markdown", show=False),
        Binding("escape", "back", "Back", tooltip="Back to the mentorships (notes are saved)"),
    ]

    def __init__(self, store: Store, session_id: int, *, open_at: tuple[Entry, int | None] | None = None) -> None:
        """`open_at` (an entry, and a note on it) opens there instead of where the meeting is."""
        super().__init__(store)
        self.session_id = session_id
        self._open_at = open_at
        self._session: Session | None = None
        self._items: list[AgendaItem] = []
        self._place = MeetingPlace()
        self._note: NoteBuffer | None = None  # made on mount: the autosaver is the app's

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="live-top"):
            yield SessionHeading(id="session-heading")
            yield SpeakerBadge(id="speaker")
        with Horizontal(id="live"):
            with Vertical(id="agenda-pane"):
                yield LiveAgenda(self.store.now, id="agenda")
                yield MeetingClock(self.store.now, id="session-clock")
            with Vertical(id="notes-pane"):
                yield ItemHeading(id="item-heading")
                yield NoteTabs(id="note-tabs")
                yield NoteStatus(id="note-status")
                yield NotePage(self._typed, id="note-page")
                yield ItemFollowUps(id="item-follow-ups")
                yield LiveNotice(id="live-notice")  # level with the meeting clock
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Live session"
        self._note = NoteBuffer(self.session_id, self.app.autosaver)
        self.watch(self.app, "speaker", self._speaker_changed, init=False)
        self._page.editor.focus()  # the meeting is for talking: typing goes straight into the notes
        from .ground_rules import offer_rules_once

        offer_rules_once(self, self.store, self.session_id)

    @property
    def _role(self) -> Role:
        return self.store.scope.role

    @property
    def _buffer(self) -> NoteBuffer:
        assert self._note is not None, "the note buffer is made on mount"
        return self._note

    @property
    def _page(self) -> NotePage:
        return self.query_one(NotePage)

    def _item(self, entry: Entry) -> AgendaItem | None:
        return next((item for item in self._items if item.id == entry), None)

    # -- reading from the store ------------------------------------------------------

    def reload(self) -> None:
        before = self._session
        session = self._session = self.store.get_session(self.session_id)
        self._items = self.store.agenda(self.session_id)
        if self._open_at is not None:  # opened from a search result: show that, not the meeting's place
            entry, note_id = self._open_at
            self._open_at = None
            self._place.open_at(entry, session)
            self._open_entry(entry, note_id=note_id)
        buffer = self._buffer
        viewing = self._place.look(session, self._items, idle_for=buffer.idle_for(), first_look=buffer.note is None)
        if buffer.note is None or buffer.note.entry != viewing:
            self._open_entry(viewing)
        else:
            self._take_outside_edits()
        self._show()
        if before is None or before.status != session.status:
            self.refresh_bindings()  # F5 starts, ends or sums up as the meeting stands

    def _show(self) -> None:
        """Show what the store holds; each widget redraws only what changed."""
        session = self._session
        assert session is not None
        self.query_one(SessionHeading).show_session(self.store.get_mentorship(session.mentorship_id).mentor, session)
        counts = self.store.note_counts(self.session_id, self._role)
        self.query_one(LiveAgenda).show_agenda(self._items, session, counts, self._place.viewing)
        clock = self.query_one(MeetingClock)
        clock.session, clock.planned_minutes = session, sum(item.minutes for item in self._items)
        self._show_notes_pane()

    def _show_notes_pane(self) -> None:
        note = self._buffer.note
        assert note is not None
        item = self._item(note.entry)
        self.query_one(ItemHeading).show_item(item)
        self.query_one(NoteTabs).show_notes(self.store.notes(self.session_id, note.entry, self._role), note,
                                            item.title if item else "the session as a whole")
        self.query_one(NoteStatus).show_note(note.author, note.visibility, clash=note.conflict_of is not None,
                                             mine=self.store.scope.owns(note.author),
                                             may_change_visibility=self.store.scope.may_hide_notes_of(note.author))
        self.query_one(ItemFollowUps).show_follow_ups(
            [f for f in self.store.follow_ups_for_session(self.session_id) if f.agenda_item_id == note.entry])

    @on(MeetingClock.Ticked)
    def _second_passed(self) -> None:
        """Catch up on what waited for the typing to stop, and move the item timer on."""
        if self._session is None:
            return
        if self._place.waiting or self._buffer.outside_edit_missed:
            self.reload()
        self.query_one(LiveAgenda).tick()

    # -- the editor and autosave -------------------------------------------------------

    def _open_entry(self, entry: Entry, *, note_id: int | None = None, fresh: bool = False) -> None:
        """Put a note of `entry` in the editor: the one asked for, else the speaker's latest."""
        speaker = self.app.speaker
        chosen = note_to_open(self.store.notes(self.session_id, entry, self._role), speaker, note_id=note_id,
                              fresh=fresh)
        self._load(self._buffer.open(entry, speaker, chosen, current_text=self._page.text))

    def _load(self, text: str) -> None:
        note = self._buffer.note
        # The mentor's window reads the leader's shared notes but writes only its own.
        self._page.load(text, read_only=note is not None and not self.store.scope.owns(note.author))

    def _typed(self) -> None:
        # The keystroke path: only note that a save is due. The snapshot comes shortly
        # after, however fast the typing, so a crash loses well under a second.
        if self._buffer.typed():
            self.set_timer(SAVE_DELAY, self._stash)

    def _stash(self) -> None:
        """Hand the editor's text to the autosaver if it differs from what is saved."""
        if self._note is not None:
            self._note.stash(self._page.text)

    def flush_edits(self) -> None:
        """Called before the app quits: nothing typed may be left unsaved."""
        if self.is_mounted:
            self._stash()

    def on_screen_suspend(self) -> None:
        self._stash()  # another screen or mode takes over: save what is typed now

    def _take_outside_edits(self) -> None:
        """Show a newer text another window saved, unless this one has unsaved typing."""
        buffer = self._buffer
        row = buffer.outside_row()
        if row is None:
            return
        try:
            note = self.store.get_note(row, self._role)
        except RmTuiError:
            # Made private or off-record in the leader's window: not this view's to show.
            self._open_entry(self._place.viewing)
            return
        text = buffer.take_outside_edit(note)
        if text is not None:
            self._load(text)

    def note_kept_apart(self, saved: Saved) -> None:
        """Follow text the autosaver had to put somewhere else, and say why."""
        buffer = self._note
        followed = buffer is not None and buffer.kept_apart(saved)
        if not followed and saved.note.moved_to_session and buffer is not None and buffer.untouched_new_note(None) \
                and self.is_mounted:
            # This window left the removed item before its text arrived: follow the text there.
            self._open_entry(None, note_id=saved.note.note_id)
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
        self._open_entry(self._place.viewing)
        self._show_notes_pane()

    # -- moving in the meeting ---------------------------------------------------------

    @on(LiveAgenda.EntryHighlighted)
    def _agenda_moved(self, event: LiveAgenda.EntryHighlighted) -> None:
        self._go(event.entry)

    @on(NoteTabs.NoteChosen)
    def _note_chosen(self, event: NoteTabs.NoteChosen) -> None:
        self._open_entry(self._place.viewing, note_id=event.note_id)
        self._show_notes_pane()

    @on(NoteTabs.PickerWanted)
    def _pick_a_note(self, event: NoteTabs.PickerWanted) -> None:
        from .note_picker import NotePickerScreen

        self.app.push_screen(NotePickerScreen(list(event.notes), event.heading), self.query_one(NoteTabs).picked)

    @on(NoteTabs.FocusReleased)
    def _tabs_gone(self) -> None:
        self._page.editor.focus()  # keep typing in the note that was picked

    def _go(self, entry: Entry) -> None:
        if entry == self._place.viewing and self._buffer.note is not None:
            return
        self._open_entry(entry)
        self._place.moved_here(entry)  # this window moved the meeting: nothing to follow
        self.store.go_to_item(self.session_id, entry)  # times the meeting only while live
        self.reload()

    def action_step(self, step: int) -> None:
        self._go(stepped(self._items, self._place.viewing, step))

    def action_discussed(self) -> None:
        item = self._item(self._place.viewing)
        notice = self.query_one(LiveNotice)
        if item is None:
            notice.tell(Content("Pick an agenda item first: the session as a whole is never 'discussed'."),
                        Content("Pick an agenda item first."), warning=True)
            return
        title = literal_line(item.title)
        if item.status == "discussed":
            self.store.set_item_status(item.id, "open")
            notice.tell(Content.assemble("Open again: ", title))
            return
        self.store.set_item_status(item.id, "discussed")
        upcoming = next_open_after(self._items, item)
        self._go(upcoming.id if upcoming else None)
        done = Content.assemble(("✓ Discussed: ", "$success"), title)
        if upcoming is None:
            notice.tell(done)
        else:
            now = Content.assemble(("now: ", "$text-muted"), literal_line(upcoming.title))
            notice.tell(Content.assemble(done, " · ", now), Content.assemble(("✓ Discussed · ", "$success"), now),
                        Content.assemble(("✓ Discussed", "$success"), " · on to the next item"))

    # -- the note --------------------------------------------------------------------

    def action_visibility(self) -> None:
        note = self._buffer.settle(self._page.text)
        self.store.scope.require_visibility_for(note.author, "private")  # the mentor's words stay shared
        visibility = self._buffer.next_visibility()
        if note.note_id is not None:
            self.store.set_note_visibility(note.note_id, visibility)
        self._show_notes_pane()

    def action_new_note(self) -> None:
        self._open_entry(self._place.viewing, fresh=True)
        self._show_notes_pane()
        self._page.editor.focus()

    def action_preview(self) -> None:
        self._page.toggle_preview()

    def action_follow_up(self) -> None:
        entry = self._place.viewing
        item = self._item(entry)
        push_follow_up(self, self.store, self.session_id, entry, item.title if item else "the session as a whole",
                       self.app.speaker, self._follow_up_added)

    def _follow_up_added(self) -> None:
        # Said under the note: a toast would lie over the follow-ups line that now lists it.
        self.query_one(LiveNotice).tell(
            Content("Follow-up added: it comes back on the next agenda until it is done."),
            Content("Follow-up added: back next time until done."), Content("Follow-up added."))

    # -- the meeting as a whole ------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False
        status = self._session.status if self._session else "planned"
        wanted = {"start": "planned", "end": "live", "summary": "held"}.get(action)
        return wanted is None or wanted == status

    def action_start(self) -> None:
        self.store.start_session(self.session_id)
        self.reload()  # the clocks start and F5 now ends the meeting
        self.query_one(LiveNotice).tell(
            Content("The meeting has started: ctrl+↓ moves on, ctrl+o marks an item discussed."),
            Content("Started: ctrl+↓ next item, ctrl+o discussed."), Content("Started."))

    def action_end(self) -> None:
        self._buffer.settle(self._page.text)  # the summary counts every note
        push_end(self, self.store, self.session_id, self.action_summary)

    def action_summary(self) -> None:
        push_summary(self, self.store, self.session_id, self.action_export)

    def action_export(self) -> None:
        from rm_tui.exporting import ExportRequest

        from .export_form import push_export

        self._buffer.settle(self._page.text)
        push_export(self, self.store, ExportRequest(session_id=self.session_id), "Export this session as Markdown")

    def action_rules(self) -> None:
        from .ground_rules import push_rules

        push_rules(self, self.store, first_time=False)

    def action_back(self) -> None:
        self._stash()
        self.dismiss()
