"""Full-text search: every kind of text, kept in step on every write, visibility respected."""

from __future__ import annotations

import pytest

from rm_tui.models import MARK_END, MARK_START, NoteText
from rm_tui.store import Store
from rm_tui.store.search import fts_query
from tests.conftest import draft


@pytest.fixture
def meeting(store: Store) -> tuple[int, int, int]:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    item = store.add_agenda_item(session, title="Kanban boards in Notion", prompt="Plan a week with me",
                                 proposed_by="leader")
    return sam, session, item


def _found(store: Store, text: str, viewer: str = "leader") -> list[tuple[str, str]]:
    """What the search finds of this meeting's text (the built-in topics aside)."""
    return [(hit.kind, hit.title) for hit in store.search(text, viewer) if hit.kind != "topic"]  # type: ignore[arg-type]


def test_notes_items_follow_ups_and_topics_are_all_found(store: Store, meeting) -> None:
    sam, session, item = meeting
    store.save_note(NoteText(None, session, item, "leader", "shared", "Swimlanes make the blockers visible"))
    store.add_follow_up(sam, title="Try swimlanes on the leadership board", owner="leader", due="+7d",
                        session_id=session)  # agreed in this meeting, so not on its own agenda
    store.sync_topics(None)
    assert set(_found(store, "swimlanes")) == {("note", "Kanban boards in Notion"),
                                               ("follow-up", "Try swimlanes on the leadership board")}
    assert ("item", "Kanban boards in Notion") in _found(store, "kanban")
    assert any(hit.kind == "topic" for hit in store.search("creator", "leader"))


def test_the_index_follows_every_write(store: Store, meeting) -> None:
    _, session, item = meeting
    saved = store.save_note(NoteText(None, session, item, "leader", "shared", "first draft"))
    assert saved is not None
    assert _found(store, "draft")
    store.save_note(NoteText(saved.note_id, session, item, "leader", "shared", "final wording", saved.version))
    assert _found(store, "draft") == [] and _found(store, "wording")
    store.edit_agenda_item(item, title="Trello instead", minutes=10, prompt="")
    assert ("item", "Trello instead") in _found(store, "trello") and not _found(store, "kanban")
    store.remove_agenda_item(item)
    assert _found(store, "trello") == [] and _found(store, "wording") == []  # the note went with its item


def test_private_and_off_record_text_is_searched_only_in_the_leaders_view(store: Store, meeting) -> None:
    _, session, item = meeting
    for visibility in ("shared", "private", "off_record"):
        store.save_note(NoteText(None, session, item, "leader", visibility, f"reorg {visibility}"))
    leader = [hit.context for hit in store.search("reorg", "leader")]
    mentor = [hit.context for hit in store.search("reorg", "mentor")]
    assert len(leader) == 3
    assert mentor == [f"{MARK_START}reorg{MARK_END} shared"]


def test_results_show_context_around_the_match_and_where_it_was(store: Store, meeting) -> None:
    _, session, item = meeting
    store.save_note(NoteText(None, session, item, "mentor", "shared",
                             "We tried many tools before settling on swimlanes for the whole department"))
    (hit,) = store.search("swimlane", "leader")
    assert f"{MARK_START}swimlanes{MARK_END}" in hit.context  # stemmed: swimlane finds swimlanes
    assert (hit.session_id, hit.agenda_item_id, hit.mentor) == (session, item, "Sam Ortiz")


@pytest.mark.parametrize("typed", ['NOT "', "OR", "*", "a AND (b", '"unbalanced', "NEAR(x y)", "-", "^"])
def test_anything_typed_is_searched_as_words_never_as_syntax(store: Store, meeting, typed: str) -> None:
    store.search(typed, "leader")  # no error, whatever the FTS5 grammar would make of it


def test_typing_finds_words_by_their_start(store: Store, meeting) -> None:
    assert fts_query("kan") == '"kan"*'
    assert fts_query("plan a we") == '"plan" "a" "we"*'
    assert fts_query("  ?! ") is None
    assert ("item", "Kanban boards in Notion") in _found(store, "kan")


def test_a_store_kept_to_one_mentorship_searches_only_it(store: Store, meeting) -> None:
    sam, _, _ = meeting
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    store.add_follow_up(priya, title="Kanban for the comms team", owner="mentor", due="+7d")
    store.keep_to(sam)
    assert _found(store, "kanban") == [("item", "Kanban boards in Notion")]


def test_results_come_newest_meeting_first_then_topics(store: Store) -> None:
    from datetime import timedelta

    from tests.conftest import TODAY

    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    older = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=28))
    newer = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=14))
    for session, words in ((newer, "creator budget, newer"), (older, "creator budget, older")):
        store.save_note(NoteText(None, session, None, "leader", "shared", words))
    store.sync_topics(None)
    hits = store.search("creator", "leader")
    assert [h.context.replace("\x02", "").replace("\x03", "") for h in hits[:2]] == [
        "creator budget, newer", "creator budget, older"]
    assert {h.kind for h in hits[2:]} == {"topic"}


def test_an_item_the_mentor_proposed_is_credited_in_the_results(store: Store, meeting) -> None:
    from screens.search import hit_line

    _, session, _ = meeting
    store.add_agenda_item(session, title="Duet videos with customers", proposed_by="mentor")
    store.add_agenda_item(session, title="Duets in our own feed", proposed_by="leader")
    lines = {hit.title: str(hit_line(hit)) for hit in store.search("duet", "leader")}
    assert "proposed by the mentor" in lines["Duet videos with customers"]
    assert "proposed by" not in lines["Duets in our own feed"]
