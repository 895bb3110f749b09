"""The open note between the editor and the database: identity, hand-off, outside edits, clashes.

No Textual here: a fake autosaver records what is handed over, and the last tests run
the real autosaver's thread against a database to check the clash rules end to end.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from rm_tui.autosave import NoteAutosaver, Saved
from rm_tui.models import Note, NoteText, SavedNote
from rm_tui.note_buffer import NoteBuffer, note_key, note_to_open
from rm_tui.store import Store
from tests.conftest import draft

SESSION = 7
ITEM = 3


@dataclass
class FakeAutosaver:
    """Records what is handed over; rows and 'still saving' are set by the test."""

    put_texts: list[tuple[str, NoteText]] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)
    saving: bool = False
    flushes: int = 0

    def put(self, buffer: str, text: NoteText) -> None:
        self.put_texts.append((buffer, text))

    def note_id(self, buffer: str) -> int | None:
        return self.rows.get(buffer)

    def is_saving(self, buffer: str) -> bool:
        return self.saving

    def flush(self, timeout: float = 5.0) -> bool:
        self.flushes += 1
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def note(note_id: int = 41, body: str = "We agreed", *, author: str = "leader", visibility: str = "shared",
         version: int = 1, conflict_of: int | None = None) -> Note:
    return Note(note_id, SESSION, ITEM, author, visibility, body, version, conflict_of)  # type: ignore[arg-type]


@pytest.fixture
def saver() -> FakeAutosaver:
    return FakeAutosaver()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def buffer(saver: FakeAutosaver, clock: Clock) -> NoteBuffer:
    return NoteBuffer(SESSION, saver, clock=clock)


# -- opening ---------------------------------------------------------------------------


def test_a_new_note_is_the_speakers_shared_note_with_no_row_yet(buffer: NoteBuffer) -> None:
    assert buffer.note is None
    assert buffer.open(ITEM, "mentor", None, current_text="") == ""
    opened = buffer.note
    assert opened is not None
    assert (opened.entry, opened.author, opened.visibility, opened.note_id, opened.version) == (
        ITEM, "mentor", "shared", None, None)


def test_a_saved_note_opens_as_it_is_stored_without_control_characters(buffer: NoteBuffer) -> None:
    text = buffer.open(ITEM, "mentor", note(body="Hook\x1b[2J first\r\n", author="leader", visibility="private",
                                            version=4, conflict_of=9), current_text="")
    assert text == buffer.saved_text == "Hook[2J first\n"
    opened = buffer.note
    assert opened is not None
    assert (opened.key, opened.note_id, opened.author, opened.visibility, opened.version, opened.conflict_of) == (
        note_key(41), 41, "leader", "private", 4, 9)


def test_opening_another_note_hands_over_what_was_typed_in_the_one_left(
    buffer: NoteBuffer, saver: FakeAutosaver
) -> None:
    buffer.open(ITEM, "leader", None, current_text="")
    left = buffer.note
    buffer.typed()
    buffer.open(None, "leader", note(), current_text="last words")
    assert [(key, text.body, text.agenda_item_id) for key, text in saver.put_texts] == [
        (left.key if left else "", "last words", ITEM)]
    assert not buffer.snapshot_due


def test_which_note_opens_on_an_entry() -> None:
    notes = [note(1, author="leader"), note(2, author="mentor"), note(3, author="leader")]
    assert note_to_open(notes, "leader") == notes[2]  # the speaker's latest
    assert note_to_open(notes, "mentor") == notes[1]
    assert note_to_open(notes, "leader", note_id=2) == notes[1]  # the one asked for, whoever wrote it
    assert note_to_open(notes, "leader", note_id=99) is None  # not one this viewer may see: a new note
    assert note_to_open(notes, "leader", fresh=True) is None
    assert note_to_open([], "mentor") is None


# -- typing and the hand-off -------------------------------------------------------------


def test_a_snapshot_is_scheduled_once_however_fast_the_typing(buffer: NoteBuffer, clock: Clock) -> None:
    buffer.open(ITEM, "leader", None, current_text="")
    assert buffer.idle_for() == float("inf")
    assert buffer.typed() is True  # the first key asks for a snapshot
    clock.now += 0.1
    assert buffer.typed() is False and buffer.typed() is False  # the later ones ride on it
    assert buffer.snapshot_due
    clock.now += 0.5
    assert buffer.idle_for() == pytest.approx(0.5)
    buffer.stash("typed")
    assert not buffer.snapshot_due
    assert buffer.typed() is True  # after the snapshot, the next key asks again


def test_the_hand_off_carries_the_notes_identity_and_the_version_it_grew_from(
    buffer: NoteBuffer, saver: FakeAutosaver
) -> None:
    buffer.open(ITEM, "leader", note(visibility="private", version=3), current_text="")
    handed = buffer.stash("We agreed on boards")
    assert handed == NoteText(41, SESSION, ITEM, "leader", "private", "We agreed on boards", 3)
    assert saver.put_texts == [(note_key(41), handed)]
    assert buffer.saved_text == "We agreed on boards"


def test_text_the_database_already_holds_is_not_handed_over_again(buffer: NoteBuffer, saver: FakeAutosaver) -> None:
    buffer.open(ITEM, "leader", note(body="same"), current_text="")
    assert buffer.stash("same") is None
    buffer.stash("changed")
    assert buffer.stash("changed") is None
    assert [text.body for _, text in saver.put_texts] == ["changed"]


def test_nothing_is_handed_over_before_a_note_is_open(buffer: NoteBuffer, saver: FakeAutosaver) -> None:
    assert buffer.stash("typed too early") is None
    assert saver.put_texts == []


def test_settling_waits_for_the_write_and_learns_the_new_notes_row(buffer: NoteBuffer, saver: FakeAutosaver) -> None:
    buffer.open(ITEM, "leader", None, current_text="")
    key = buffer.note.key if buffer.note else ""
    saver.rows[key] = 12  # what the autosaver's thread created
    settled = buffer.settle("first words")
    assert saver.flushes == 1 and [text.body for _, text in saver.put_texts] == ["first words"]
    assert settled.note_id == 12 and settled.key == key  # same text, now with a row


def test_visibility_cycles_and_the_next_hand_off_carries_it(buffer: NoteBuffer, saver: FakeAutosaver) -> None:
    buffer.open(ITEM, "leader", None, current_text="")
    assert [buffer.next_visibility() for _ in range(4)] == ["private", "off_record", "shared", "private"]
    buffer.stash("just for me")
    assert saver.put_texts[-1][1].visibility == "private"


# -- edits from elsewhere ------------------------------------------------------------------


def test_there_is_nothing_to_reread_for_a_note_without_a_row(buffer: NoteBuffer) -> None:
    buffer.open(ITEM, "leader", None, current_text="")
    assert buffer.outside_row() is None
    assert not buffer.outside_edit_missed


def test_another_windows_edit_waits_while_this_one_has_text_on_its_way(
    buffer: NoteBuffer, saver: FakeAutosaver
) -> None:
    buffer.open(ITEM, "leader", note(), current_text="")
    buffer.typed()
    assert buffer.outside_row() is None and buffer.outside_edit_missed  # typed, not yet handed over
    buffer.stash("We agreed, and")
    saver.saving = True
    assert buffer.outside_row() is None and buffer.outside_edit_missed  # handed over, not yet written
    saver.saving = False
    assert buffer.outside_row() == 41 and not buffer.outside_edit_missed


def test_another_windows_newer_text_is_shown_and_built_on(buffer: NoteBuffer, saver: FakeAutosaver) -> None:
    buffer.open(ITEM, "leader", note(body="first", version=1), current_text="")
    shown = buffer.take_outside_edit(note(body="first, and more\x07", version=2, visibility="private"))
    assert shown == buffer.saved_text == "first, and more"
    opened = buffer.note
    assert opened is not None and (opened.version, opened.visibility) == (2, "private")
    buffer.stash("first, and more, and mine")
    assert saver.put_texts[-1][1].base_version == 2  # no clash with the text it grew from


def test_the_same_text_from_the_database_changes_only_the_marks(buffer: NoteBuffer) -> None:
    buffer.open(ITEM, "leader", note(body="same", version=1), current_text="")
    assert buffer.take_outside_edit(note(body="same", version=5, conflict_of=40, visibility="off_record")) is None
    opened = buffer.note
    assert opened is not None
    assert (opened.visibility, opened.conflict_of, opened.version) == ("off_record", 40, 1)


def test_a_row_of_another_note_is_not_taken(buffer: NoteBuffer) -> None:
    buffer.open(ITEM, "leader", note(41, body="mine"), current_text="")
    assert buffer.take_outside_edit(note(42, body="theirs")) is None
    assert buffer.saved_text == "mine"


# -- text kept apart (clashes, removed items) ------------------------------------------------


def test_a_clash_forks_the_text_and_the_editor_follows_its_own_copy(buffer: NoteBuffer) -> None:
    buffer.open(ITEM, "leader", note(41, version=1), current_text="")
    key = buffer.note.key if buffer.note else ""
    assert buffer.kept_apart(Saved(key, SavedNote(57, 1, forked_from=41), "We agreed on boards"))
    opened = buffer.note
    assert opened is not None
    assert (opened.key, opened.note_id, opened.version, opened.conflict_of) == (key, 57, 1, 41)


def test_text_moved_off_a_removed_item_follows_its_new_row(buffer: NoteBuffer) -> None:
    buffer.open(ITEM, "leader", note(41, version=2), current_text="")
    key = buffer.note.key if buffer.note else ""
    assert buffer.kept_apart(Saved(key, SavedNote(41, 3, moved_to_session=True), "words"))
    opened = buffer.note
    assert opened is not None and (opened.note_id, opened.version, opened.conflict_of) == (41, 3, None)


def test_another_editors_text_kept_apart_leaves_this_one_alone(buffer: NoteBuffer) -> None:
    buffer.open(ITEM, "leader", note(41, version=1), current_text="")
    before = buffer.note
    assert not buffer.kept_apart(Saved("b-someone-else", SavedNote(57, 1, forked_from=41), "theirs"))
    assert buffer.note == before


# -- with the real autosaver and database -------------------------------------------------------


def test_typing_over_another_windows_edit_keeps_both_then_carries_on_in_its_own_copy(store: Store) -> None:
    session = store.plan_session(store.create_mentorship(draft()))
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    first = store.save_note(NoteText(None, session, item, "leader", "shared", "We agreed"))
    assert first is not None
    kept_apart: list[Saved] = []
    autosaver = NoteAutosaver(store.opener_for_thread(),
                              on_saved=lambda saved: kept_apart.append(saved) if saved.note.forked_from else None)
    try:
        buffer = NoteBuffer(session, autosaver)
        buffer.open(item, "leader", store.get_note(first.note_id), current_text="")
        # Another window saves its change between this one's typing and its snapshot.
        store.save_note(NoteText(first.note_id, session, item, "leader", "shared", "We agreed on weekly demos", 1))
        buffer.stash("We agreed on boards")
        assert autosaver.flush()
        (saved,) = kept_apart
        assert buffer.kept_apart(saved)
        assert buffer.note is not None and buffer.note.conflict_of == first.note_id
        buffer.stash("We agreed on boards and more")
        assert autosaver.flush()
        assert len(kept_apart) == 1  # its own copy from then on: no second clash
    finally:
        autosaver.close()
    assert sorted(n.body for n in store.notes(session, item, "leader")) == [
        "We agreed on boards and more", "We agreed on weekly demos"]


def test_a_new_notes_first_save_gives_it_a_row_that_later_saves_update(store: Store) -> None:
    session = store.plan_session(store.create_mentorship(draft()))
    autosaver = NoteAutosaver(store.opener_for_thread())
    try:
        buffer = NoteBuffer(session, autosaver)
        buffer.open(None, "mentor", None, current_text="")
        settled = buffer.settle("first words")
        assert settled.note_id is not None
        buffer.stash("first words, more")
        assert autosaver.flush()
    finally:
        autosaver.close()
    assert [(n.id, n.author, n.body) for n in store.notes(session, None, "leader")] == [
        (settled.note_id, "mentor", "first words, more")]


def test_only_a_new_note_nothing_was_typed_into_may_give_way(buffer: NoteBuffer, saver: FakeAutosaver) -> None:
    buffer.open(None, "leader", None, current_text="")
    assert buffer.untouched_new_note(None)
    assert not buffer.untouched_new_note(ITEM)  # another entry's
    buffer.typed()
    assert not buffer.untouched_new_note(None)  # typing on its way
    buffer.stash("words")
    assert not buffer.untouched_new_note(None)
    buffer.open(None, "leader", note(), current_text="words")
    assert not buffer.untouched_new_note(None)  # a saved note
