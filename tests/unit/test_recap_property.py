"""The recap's promise, for any text: no word of a private or off-record note ever reaches it.

Private and off-record notes are written in Greek words, which nothing else in the
meeting uses (its titles, names, follow-ups and shared notes come from the export
property's hostile alphabets): a single Greek letter in the recap, or in its mail
link once decoded, would be a leak.
"""

from __future__ import annotations

from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rm_tui.models import NoteText
from rm_tui.recap import gather_recap, mailto_url, recap_markdown, recap_subject
from tests.conftest import draft
from tests.unit.test_export_property import field_text, note_text, typed_text
from tests.unit.test_export_structure import new_store

GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
secret_word = st.text(alphabet=GREEK, min_size=1, max_size=8)
# Greek words among the same hostile Markdown the other fields get, so escaping is tried too.
secret_text = st.lists(st.tuples(typed_text, secret_word).map(" ".join), min_size=1, max_size=3).map("\n".join)


def _no_greek(text: str) -> bool:
    return not set(text) & set(GREEK)


# What may be shown is drawn from the same alphabets less the Greek letters: those include
# any character at all, and a Greek letter in a title would read as a leak.
shown_field = field_text.filter(_no_greek)
shown_note = note_text.filter(_no_greek)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mentor=shown_field, titles=st.lists(shown_field, min_size=1, max_size=3), follow_up=shown_field,
       shared=st.lists(shown_note, max_size=3), private=st.lists(secret_text, min_size=1, max_size=3),
       off_record=st.lists(secret_text, min_size=1, max_size=3), done=st.integers(0, 3),
       hidden_later=st.booleans())
def test_no_word_of_a_private_or_off_record_note_reaches_the_recap_or_its_mail_link(
    tmp_path_factory: pytest.TempPathFactory, mentor: str, titles: list[str], follow_up: str, shared: list[str],
    private: list[str], off_record: list[str], done: int, hidden_later: bool,
) -> None:
    store = new_store(tmp_path_factory.mktemp("recap"))
    mentorship = store.create_mentorship(draft(mentor=mentor))
    session = store.plan_session(mentorship)
    items = [store.add_agenda_item(session, title=t, proposed_by="leader") for t in titles]
    store.start_session(session)
    places: list[int | None] = [*items, None]
    for index, body in enumerate(shared):
        store.save_note(NoteText(None, session, places[index % len(places)], "mentor", "shared", body))
    for index, body in enumerate(private):
        where = places[index % len(places)]
        if hidden_later:  # written shared, then made private: the recap reads it as it is now
            saved = store.save_note(NoteText(None, session, where, "leader", "shared", body))
            assert saved is not None
            store.set_note_visibility(saved.note_id, "private")
        else:
            store.save_note(NoteText(None, session, where, "leader", "private", body))
    for index, body in enumerate(off_record):
        store.save_note(NoteText(None, session, places[-1 - index % len(places)], "leader", "off_record", body))
    for item in items[:done]:
        store.set_item_status(item, "discussed")
    store.add_follow_up(mentorship, title=follow_up, owner="mentor", due="", session_id=session)
    store.end_session(session)

    recap = gather_recap(store, session)
    text = recap_markdown(recap)
    mail = unquote(mailto_url(recap_subject(recap), text))
    for shown in (text, mail):
        assert not set(shown) & set(GREEK), shown
    assert recap.talked_about or recap.carries_over  # every item is somewhere
    store.close()
