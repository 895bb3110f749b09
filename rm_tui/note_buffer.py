"""The note open in the live session's editor, between the typing and the database.

The editor shows one note at a time. What the screen has to know about it lives
here, apart from any widget, so its rules can be read and tested on their own:
which note it is (or will be, once its first save creates the row), the text the
database holds (or will hold, once the autosaver catches up), whether a snapshot
is due, and what to do when another window saved the same note. The rules are the
promises: nothing typed is lost, and two windows never overwrite each other's
text silently.

The editor's own text is never copied here on a keystroke: reading a large
TextArea's text costs a join of every line, so a keystroke only marks a snapshot
as due and the text is read once, when the snapshot is taken.
"""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from .models import Note, NoteText, Role, Visibility, next_visibility
from .text import clean_text

if TYPE_CHECKING:
    from .autosave import Saved

Entry = int | None
"""An agenda item's id, or None for the session as a whole."""


class Autosaver(Protocol):
    """What the buffer needs of the autosaver (rm_tui.autosave.NoteAutosaver)."""

    def put(self, buffer: str, text: NoteText) -> None: ...

    def note_id(self, buffer: str) -> int | None: ...

    def is_saving(self, buffer: str) -> bool: ...

    def flush(self, timeout: float = ...) -> bool: ...


def note_to_open(
    notes: Sequence[Note], speaker: Role, *, note_id: int | None = None, fresh: bool = False
) -> Note | None:
    """Which of an entry's notes the editor opens: the one asked for, else the speaker's latest.

    None means a new note: asked for (`fresh`), or the speaker has written none here
    yet, or the note asked for is not among those this viewer may see.
    """
    if note_id is not None:
        return next((note for note in notes if note.id == note_id), None)
    if fresh:
        return None
    return next((note for note in reversed(notes) if note.author == speaker), None)


def note_key(note_id: int) -> str:
    """The key of a saved note's text: the autosaver files its snapshots under it."""
    return f"note-{note_id}"


@dataclass(frozen=True)
class OpenNote:
    """Which note the editor holds: a saved row, or a new note still to be created.

    `key` names the text for the autosaver and stays the same for as long as the
    note is open, even when a clash forks the text into a row of its own: the
    editor goes on writing to that row under the same key.
    """

    key: str
    entry: Entry
    author: Role
    note_id: int | None = None
    visibility: Visibility = "shared"
    version: int | None = None  # the note's version the editor's text grew from
    conflict_of: int | None = None  # set when this note was written alongside another

    @classmethod
    def new(cls, entry: Entry, author: Role) -> OpenNote:
        """A note nobody has written yet; shared until its author says otherwise."""
        return cls(f"b{uuid.uuid4().hex}", entry, author)

    @classmethod
    def of(cls, note: Note) -> OpenNote:
        return cls(note_key(note.id), note.agenda_item_id, note.author, note.id, note.visibility, note.version,
                   note.conflict_of)


class NoteBuffer:
    """The open note's identity and saved text, and the hand-off to the autosaver.

    `clock` is time.monotonic unless a test passes its own.
    """

    def __init__(self, session_id: int, autosaver: Autosaver, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.session_id = session_id
        self._autosaver = autosaver
        self._clock = clock
        self._note: OpenNote | None = None
        self._saved_text = ""  # what the database holds, or will once the autosaver catches up
        self._snapshot_due = False
        self._outside_edit_missed = False
        self._last_typed = -math.inf

    @property
    def note(self) -> OpenNote | None:
        """The open note, or None before the first one is opened."""
        return self._note

    @property
    def saved_text(self) -> str:
        return self._saved_text

    @property
    def snapshot_due(self) -> bool:
        """A keystroke came since the last snapshot: the editor holds text not yet handed over."""
        return self._snapshot_due

    @property
    def outside_edit_missed(self) -> bool:
        """Another window's edit could not be taken while this one had unsaved typing: look again."""
        return self._outside_edit_missed

    def idle_for(self) -> float:
        """Seconds since the last keystroke (infinite before the first)."""
        return self._clock() - self._last_typed

    # -- opening ---------------------------------------------------------------------

    def open(self, entry: Entry, author: Role, note: Note | None, *, current_text: str) -> str:
        """Open `note`, or a new note by `author` on `entry`; returns the text to show.

        `current_text` is what the editor holds now: the note being left hands it
        to the autosaver first, so moving elsewhere never loses the last words.
        Text from the database is shown (and, once edited, saved) without control
        characters, whatever put them there.
        """
        self.stash(current_text)
        self._note = OpenNote.new(entry, author) if note is None else OpenNote.of(note)
        self._saved_text = "" if note is None else clean_text(note.body)
        self._snapshot_due = False
        self._outside_edit_missed = False
        return self._saved_text

    # -- typing and the hand-off -------------------------------------------------------

    def typed(self) -> bool:
        """A keystroke changed the editor's text. True when a snapshot must now be
        scheduled; False when one is already due (however fast the typing, the
        snapshot comes a fixed moment after the first key, so a crash loses little)."""
        self._last_typed = self._clock()
        if self._snapshot_due:
            return False
        self._snapshot_due = True
        return True

    def stash(self, text: str) -> NoteText | None:
        """Hand `text` to the autosaver if it differs from what is saved; returns what was handed over."""
        self._snapshot_due = False
        note = self._note
        if note is None or text == self._saved_text:
            return None
        self._saved_text = text
        snapshot = NoteText(note.note_id, self.session_id, note.entry, note.author, note.visibility, text,
                            note.version)
        self._autosaver.put(note.key, snapshot)
        return snapshot

    def settle(self, text: str) -> OpenNote:
        """Stash `text` and wait for the write: the open note then has its row, holding the text.

        For what must see the note in the database: a change of visibility, an
        export, the end of the meeting.
        """
        self.stash(text)
        self._autosaver.flush()
        self._learn_row()
        assert self._note is not None, "settle() before any note was opened"
        return self._note

    def next_visibility(self) -> Visibility:
        """Shared -> private -> off-record -> shared: the open note's next visibility, taken."""
        assert self._note is not None
        self._note = replace(self._note, visibility=next_visibility(self._note.visibility))
        return self._note.visibility

    def _learn_row(self) -> None:
        """A new note gets its row from its first save, on the autosaver's thread."""
        note = self._note
        if note is not None and note.note_id is None:
            note_id = self._autosaver.note_id(note.key)
            if note_id is not None:
                self._note = replace(note, note_id=note_id)

    # -- edits from elsewhere ----------------------------------------------------------

    def outside_row(self) -> int | None:
        """The row to re-read for another window's edits, or None: not saved yet, or not now.

        Not while this window has text on its way to the database: the newer text
        would be shown over what is being typed. The next look (`outside_edit_missed`)
        tries again.
        """
        self._learn_row()
        note = self._note
        if note is None or note.note_id is None:
            return None
        if self._snapshot_due or self._autosaver.is_saving(note.key):
            self._outside_edit_missed = True
            return None
        self._outside_edit_missed = False
        return note.note_id

    def take_outside_edit(self, row: Note) -> str | None:
        """Follow the open note's row as the database now has it; returns text to show, if it changed.

        Visibility and the clash mark follow the row whatever happened; the text
        only when it differs from what this window last saved, and the version it
        grew from with it, so the next save here builds on the other window's.
        """
        note = self._note
        if note is None or row.id != note.note_id:
            return None
        note = replace(note, visibility=row.visibility, conflict_of=row.conflict_of)
        body = clean_text(row.body)
        if body == self._saved_text:
            self._note = note
            return None
        self._note = replace(note, version=row.version)
        self._saved_text = body
        self._snapshot_due = False
        return body

    def untouched_new_note(self, entry: Entry) -> bool:
        """A new note on `entry` with nothing typed into it: opening another in its place loses nothing."""
        note = self._note
        return (note is not None and note.entry == entry and note.note_id is None and not self._saved_text
                and not self._snapshot_due and self._autosaver.note_id(note.key) is None)

    def kept_apart(self, saved: Saved) -> bool:
        """The autosaver put this window's text somewhere else than meant; True if it was the open note's.

        A clash (another window changed the note meanwhile) forks the text into a
        row of its own: from then on the editor writes there, marked as a clash,
        and never clashes with the other text again. A removed agenda item moves
        the text to the session as a whole: the row and its version follow.
        """
        note = self._note
        if note is None or note.key != saved.buffer:
            return False
        note = replace(note, note_id=saved.note.note_id, version=saved.note.version)
        if saved.note.forked_from is not None:
            note = replace(note, conflict_of=saved.note.forked_from)
        self._note = note
        return True
