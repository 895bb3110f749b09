"""The autosaver: note text written off the caller's thread, newest text per note."""

from __future__ import annotations

import threading
from pathlib import Path

from rm_tui.autosave import NoteAutosaver, Saved
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import draft


def _session(store: Store) -> int:
    return store.plan_session(store.create_mentorship(draft()))


def test_text_reaches_the_database_from_another_thread(store: Store) -> None:
    session_id = _session(store)
    saved: list[Saved] = []
    threads: set[str] = set()

    def on_saved(event: Saved) -> None:
        threads.add(threading.current_thread().name)
        saved.append(event)

    autosaver = NoteAutosaver(store.opener_for_thread(), on_saved=on_saved)
    autosaver.put("buffer-1", NoteText(None, session_id, None, "leader", "private", "first words"))
    assert autosaver.flush()
    autosaver.put("buffer-1", NoteText(None, session_id, None, "leader", "private", "first words, more"))
    autosaver.close()
    note_id = autosaver.note_id("buffer-1")
    assert note_id is not None
    note = store.get_note(note_id)
    assert (note.body, note.visibility, note.version) == ("first words, more", "private", 2)
    assert threads == {"rm-tui-autosave"}
    assert [s.body for s in saved] == ["first words", "first words, more"]
    assert len(store.notes(session_id, None, "leader")) == 1  # the second save updated, not duplicated


def test_a_burst_of_snapshots_keeps_the_newest(store: Store) -> None:
    session_id = _session(store)
    gate = threading.Event()
    opener = store.opener_for_thread()

    def slow_open() -> Store:
        gate.wait(5)  # hold the writer back until the burst is queued
        return opener()

    autosaver = NoteAutosaver(slow_open)
    for n in range(1, 200):
        autosaver.put("b", NoteText(None, session_id, None, "mentor", "shared", "x" * n))
    gate.set()
    autosaver.close()
    (note,) = store.notes(session_id, None, "leader")
    assert (note.body, note.version, note.author) == ("x" * 199, 1, "mentor")


def test_a_failed_write_is_reported_and_the_writer_goes_on(store: Store) -> None:
    session_id = _session(store)
    problems: list[str] = []
    autosaver = NoteAutosaver(store.opener_for_thread(), on_error=lambda buffer, problem: problems.append(problem))
    autosaver.put("bad", NoteText(None, session_id, None, "leader", "public", "with a visibility that is none"))  # type: ignore[arg-type]
    autosaver.put("fine", NoteText(None, session_id, None, "leader", "shared", "still saved"))
    autosaver.close()
    assert problems == ["Visibility must be one of: shared, private, off_record"]
    assert [n.body for n in store.notes(session_id, None, "leader")] == ["still saved"]


def test_a_database_that_cannot_be_opened_is_reported(tmp_path: Path) -> None:
    problems: list[str] = []

    def broken() -> Store:
        raise OSError("disk went away")

    autosaver = NoteAutosaver(broken, on_error=lambda buffer, problem: problems.append(problem))
    autosaver.close()
    assert problems == ["the note writer could not open the database (disk went away)"]
