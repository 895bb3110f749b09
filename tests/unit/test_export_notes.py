"""A session's notes are written together: plain ones in bulk, any that need care one by one.

Whichever way a session's notes go, each is written exactly as it would be alone, in
its place and order; and an off-record note never reaches the text, even when a caller
slips one into what it hands the export.
"""

from __future__ import annotations

from rm_tui import export
from rm_tui.models import NoteText, replace
from rm_tui.models.exports import NOTE_HEADS, NOTE_KINDS
from rm_tui.store import Store
from rm_tui.store.export import _NOTE_TEXT, _NOTE_TEXT_PARAMS
from tests.conftest import TODAY, FakeClock, draft


def session_with_notes(store: Store, clock: FakeClock, bodies: list[str]) -> int:
    """A held session of two items: the first gets `bodies`, the second none, the session one plain note."""
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz", leader="Dana Whitfield"))
    session = store.plan_session(mentorship)
    first = store.add_agenda_item(session, title="First", proposed_by="leader", minutes=10)
    store.add_agenda_item(session, title="Second", proposed_by="mentor", minutes=10)
    store.start_session(session)
    clock.advance(minutes=5)
    for body in bodies:
        store.save_note(NoteText(None, session, first, "leader", "shared", body))
    store.save_note(NoteText(None, session, None, "mentor", "shared", "On the whole."))
    store.end_session(session)
    return session


def written(store: Store, session: int) -> str:
    return export.export_session(store.export_session(session), exported_on=TODAY, include_private=False)


def test_a_note_that_needs_care_is_written_the_same_beside_plain_notes(store: Store, clock: FakeClock) -> None:
    session = session_with_notes(store, clock, ["Plain one.", "Two\nlines [with] a <tag>", "Plain two."])
    text = written(store, session)
    assert (
        "Note by **leader**:\n\n> Plain one.\n\n"
        "Note by **leader**:\n\n> Two\n> lines \\[with] a \\<tag>\n\n"
        "Note by **leader**:\n\n> Plain two.\n\n## 2. Second"
    ) in text
    assert "## The session as a whole\n\nNote by **mentor**:\n\n> On the whole.\n" in text


def test_an_off_record_note_slipped_to_the_export_is_never_written(store: Store, clock: FakeClock) -> None:
    session = session_with_notes(store, clock, ["Plain one.", "Plain two."])
    data = store.export_session(session)
    first = data.items[0]
    # The store has no text for an off-record note (it has no head): one slipped in comes empty.
    slipped = replace(data, items=[
        first._replace(notes=[first.notes[0], "", first.notes[1]]),
        *data.items[1:],
    ])
    text = export.export_session(slipped, exported_on=TODAY, include_private=False)
    assert "Note by **leader**:\n\n> Plain one.\n\nNote by **leader**:\n\n> Plain two.\n" in text
    assert text.count("Note by") == 3  # the two and the session's own: nothing where the slipped one was


def test_the_store_makes_no_text_for_an_off_record_note(store: Store, clock: FakeClock) -> None:
    """Even read past the visibility test, an off-record note has no text: its kind has no head."""
    session = session_with_notes(store, clock, ["Plain one."])
    store.save_note(NoteText(None, session, None, "mentor", "off_record", "OFF-RECORD-SENTINEL"))
    kinds = [kind for kind, (_, visibility) in enumerate(NOTE_KINDS) if visibility == "off_record"]
    assert [NOTE_HEADS[kind] for kind in kinds] == [None, None]
    rows = store.db.execute(
        f"SELECT {_NOTE_TEXT} FROM notes WHERE visibility = 'off_record'", _NOTE_TEXT_PARAMS
    ).fetchall()
    assert rows == [("",)]
