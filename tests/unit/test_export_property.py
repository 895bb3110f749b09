"""The property behind the export's structure tests: any text in any field.

Names, titles, follow-ups, champion notes and notes are generated with block starters,
link reference definitions, markup and control characters; the exported outline, its
links and the private/off-record rules hold whatever they are, in both parsers.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rm_tui.exporting import ExportRequest, render
from rm_tui.text import clean_text
from tests.conftest import draft
from tests.unit.test_export_structure import (
    BLOCK_STARTS,
    assert_written_by_rm_tui,
    documents,
    flat,
    new_store,
    note,
    read_with_cmark,
    read_with_markdown_it,
)

# -- the property: any text in any field ---------------------------------------------------------

markdown_alphabet = st.sampled_from(list("#`*_-+=|>[]()!<>/\\{}:;@ \t\nabcXYZ019.~&\x1b\x07\r\u202e日本🎉"))
markdown_text = st.text(alphabet=markdown_alphabet, max_size=80) | st.text(max_size=60)
block_start = st.sampled_from([*BLOCK_STARTS, "", "    ", "\t", "\n"])
link_definition = st.builds(
    "[{}]: {}".format,
    st.sampled_from(["x", " ", "X", "1. Item", "Follow-ups"])
    | st.text(alphabet=markdown_alphabet, min_size=1, max_size=8),
    st.sampled_from(["http://evil.example/", "<http://evil.example/>", "/u 'title'", "\n/u"]),
)
typed_text = link_definition | st.builds(str.__add__, block_start, markdown_text)
field_text = typed_text.map(lambda t: t[:120]).filter(lambda t: bool(clean_text(t).strip()))
note_text = st.lists(typed_text, min_size=1, max_size=4).map("\n".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mentor=field_text, title=field_text, follow_up=field_text, champion=markdown_text,
       shared=st.lists(note_text, max_size=3), private=note_text, off_record=note_text)
def test_any_text_in_any_field_keeps_the_outline_the_links_and_the_confidences(
    tmp_path_factory: pytest.TempPathFactory, mentor: str, title: str, follow_up: str, champion: str,
    shared: list[str], private: str, off_record: str,
) -> None:
    store = new_store(tmp_path_factory.mktemp("prop"))
    mentorship = store.create_mentorship(draft(mentor=mentor, expertise=title, focus=follow_up))
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title=title, prompt=follow_up, category=title, proposed_by="mentor")
    store.start_session(session)
    store.set_item_status(item, "discussed")
    store.end_session(session)
    done = store.add_follow_up(mentorship, title=follow_up, owner="mentor", due="", session_id=session,
                               agenda_item_id=item)
    store.set_follow_up_status(done, "done")
    store.add_follow_up(mentorship, title=title, owner="leader", due="", session_id=session)
    store.add_champion_entry(mentorship, kind="credit", note=champion, session_id=session)
    for body in shared:
        note(store, session, item, body)
        note(store, session, None, body)
    note(store, session, item, f"{private}PRIVATE-SENTINEL", "private")
    note(store, session, item, f"{off_record}OFFRECORD-SENTINEL", "off_record")

    text = render(store, ExportRequest(session_id=session))
    expected = [("h1", f"Session with {flat(clean_text(mentor))}, Tue 24 Nov 2026"),
                ("h2", f"1. {flat(clean_text(title))}")]
    expected += [("h2", "The session as a whole")] if store.export_session(session).session_notes else []
    expected += [("h2", "Follow-ups"), ("h2", "Championing")]
    for read in (read_with_markdown_it, read_with_cmark):
        reading = read(text)
        assert reading.outline == expected, text
        for typed in (mentor, title, follow_up, champion):
            assert flat(clean_text(typed)) in reading.text
        for every_kind, plain_words in documents(store, session, mentorship).values():
            assert_written_by_rm_tui(read, every_kind, plain_words)

    assert "PRIVATE-SENTINEL" not in text and "OFFRECORD-SENTINEL" not in text
    with_private = render(store, ExportRequest(session_id=session, include_private=True))
    assert "PRIVATE-SENTINEL" in with_private and "OFFRECORD-SENTINEL" not in with_private
    # Never two blank lines in a row, in any kind of export (nothing cuts them after the fact).
    exports = [text, with_private, render(store, ExportRequest(mentorship_id=mentorship)),
               render(store, ExportRequest(everything=True, include_private=True)),
               render(store, ExportRequest(mentorship_id=mentorship, impact=True))]
    assert not [export for export in exports if "\n\n\n" in export]
    store.close()
