"""Two windows on one database file: nobody's words are lost, nobody waits on a lock."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from rm_tui.autosave import NoteAutosaver, Saved
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import TODAY, draft

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def session(store: Store) -> int:
    return store.plan_session(store.create_mentorship(draft()))


@pytest.fixture
def other(db_path: Path, store: Store):
    """A second connection to the same file: the other window, or the other process."""
    second = Store.open(db_path, today=lambda: TODAY)
    yield second
    second.close()


def _note(store: Store, session: int, body: str, base: int | None = None, note_id: int | None = None):
    return store.save_note(NoteText(note_id, session, None, "leader", "shared", body, base))


# -- notes -------------------------------------------------------------------------


def test_a_save_that_missed_another_windows_edit_keeps_both_texts(store: Store, other: Store, session: int) -> None:
    first = _note(store, session, "we agreed on boards")
    assert first is not None
    # Both windows hold version 1; the mentor's window saves first.
    theirs = _note(other, session, "we agreed on boards, weekly", base=1, note_id=first.note_id)
    mine = _note(store, session, "we agreed on boards, not docs", base=1, note_id=first.note_id)
    assert theirs is not None and theirs.forked_from is None and theirs.version == 2
    assert mine is not None and mine.forked_from == first.note_id and mine.note_id != first.note_id
    notes = store.notes(session, None, "leader")
    assert [(n.body, n.conflict_of) for n in notes] == [
        ("we agreed on boards, weekly", None),
        ("we agreed on boards, not docs", first.note_id),
    ]


def test_a_save_that_saw_the_latest_version_simply_updates(store: Store, other: Store, session: int) -> None:
    first = _note(store, session, "one")
    assert first is not None
    second = _note(other, session, "one two", base=1, note_id=first.note_id)
    assert second is not None
    third = _note(store, session, "one two three", base=second.version, note_id=first.note_id)
    assert third is not None and third.forked_from is None and third.version == 3
    assert [n.body for n in store.notes(session, None, "leader")] == ["one two three"]


def test_the_same_text_from_both_windows_is_no_clash(store: Store, other: Store, session: int) -> None:
    first = _note(store, session, "same")
    assert first is not None
    _note(other, session, "same words", base=1, note_id=first.note_id)
    again = _note(store, session, "same words", base=1, note_id=first.note_id)
    assert again is not None and again.forked_from is None
    assert len(store.notes(session, None, "leader")) == 1


def test_changing_visibility_is_not_an_edit_of_the_text(store: Store, other: Store, session: int) -> None:
    first = _note(store, session, "candid")
    assert first is not None
    other.set_note_visibility(first.note_id, "private")
    later = _note(store, session, "candid, and more", base=1, note_id=first.note_id)
    assert later is not None and later.forked_from is None
    (note,) = store.notes(session, None, "leader")
    assert (note.body, note.visibility) == ("candid, and more", "private")


def test_a_note_on_an_item_removed_meanwhile_is_kept_on_the_session(store: Store, other: Store, session: int) -> None:
    item = store.add_agenda_item(session, title="Tour of the team's Notion", proposed_by="leader")
    first = store.save_note(NoteText(None, session, item, "leader", "shared", "boards"))
    assert first is not None
    other.remove_agenda_item(item)
    later = store.save_note(NoteText(first.note_id, session, item, "leader", "shared", "boards, not docs", 1))
    fresh = store.save_note(NoteText(None, session, item, "mentor", "shared", "a new note on it"))
    assert later is not None and later.moved_to_session
    assert fresh is not None and fresh.moved_to_session
    assert [n.body for n in store.notes(session, None, "leader")] == ["boards, not docs", "a new note on it"]


def test_two_autosavers_typing_into_one_note_lose_nothing(store: Store, session: int) -> None:
    """Each window's autosaver writes its newest text; the later one forks, and then
    follows its own copy without clashing again."""
    first = _note(store, session, "start")
    assert first is not None
    forks: list[Saved] = []
    mine = NoteAutosaver(store.opener_for_thread(), on_saved=lambda s: forks.append(s) if s.note.forked_from else None)
    theirs = NoteAutosaver(store.opener_for_thread())
    typed_here = typed_there = "start"
    for word in ("one", "two", "three"):
        typed_there += f" there-{word}"
        theirs.put("t", NoteText(first.note_id, session, None, "mentor", "shared", typed_there, 1))
        assert theirs.flush()
        typed_here += f" here-{word}"
        mine.put("m", NoteText(first.note_id, session, None, "leader", "shared", typed_here, 1))
        assert mine.flush()
    mine.close()
    theirs.close()
    bodies = sorted(n.body for n in store.notes(session, None, "leader"))
    assert bodies == sorted([typed_here, typed_there])
    assert len(forks) == 1  # one clash, then its own note from there on


# -- agenda items ------------------------------------------------------------------


def test_edits_of_different_fields_of_one_item_merge(store: Store, other: Store, session: int) -> None:
    item_id = store.add_agenda_item(session, title="Short video", minutes=10, proposed_by="leader")
    seen = store.get_agenda_item(item_id)  # both windows open the edit form on this
    other.edit_agenda_item(item_id, title="Short video", minutes=20, prompt="", base=seen, by="mentor")
    outcome = store.edit_agenda_item(item_id, title="Short-form video", minutes=10, prompt="", base=seen)
    assert outcome.copy_id is None
    item = store.get_agenda_item(item_id)
    assert (item.title, item.minutes) == ("Short-form video", 20)
    assert len(store.agenda(session)) == 1


def test_a_clashing_edit_of_one_item_keeps_both_versions(store: Store, other: Store, session: int) -> None:
    first = store.add_agenda_item(session, title="Short video", proposed_by="leader")
    last = store.add_agenda_item(session, title="Wrap-up", proposed_by="leader")
    seen = store.get_agenda_item(first)
    other.move_agenda_item(last, 0)  # a reorder meanwhile is no clash
    other.edit_agenda_item(first, title="TikTok basics", minutes=10, prompt="", base=seen, by="mentor")
    outcome = store.edit_agenda_item(first, title="Reels vs Shorts", minutes=10, prompt="", base=seen, by="leader")
    assert outcome.copy_id is not None and outcome.clashed == ("title",)
    agenda = store.agenda(session)
    assert [(i.title, i.conflict_of, i.proposed_by) for i in agenda] == [
        ("Wrap-up", None, "leader"),
        ("TikTok basics", None, "leader"),
        ("Reels vs Shorts", first, "leader"),
    ]


def test_a_clashing_edit_is_still_validated_first(store: Store, other: Store, session: int) -> None:
    item_id = store.add_agenda_item(session, title="Short video", proposed_by="leader")
    seen = store.get_agenda_item(item_id)
    other.edit_agenda_item(item_id, title="TikTok basics", minutes=10, prompt="", base=seen)
    with pytest.raises(Exception, match="title"):
        store.edit_agenda_item(item_id, title="  ", minutes=10, prompt="", base=seen)
    assert [i.title for i in store.agenda(session)] == ["TikTok basics"]


# -- two real processes ------------------------------------------------------------


def test_two_processes_making_a_thousand_changes_each_lose_none(db_path: Path, store: Store, session: int) -> None:
    changes = 1000
    start_at = time.time() + 1.5  # both are importing by then, so they write at once
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.co_edit_worker", str(db_path), str(session), tag, str(changes),
             str(start_at)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for tag in ("A", "B")
    ]
    results = [worker.communicate(timeout=240) for worker in workers]
    for worker, (_, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
        assert "locked" not in err
    agenda = store.agenda(session)
    for tag in ("A", "B"):
        assert len([i for i in agenda if i.title.startswith(f"{tag}-item-")]) == changes // 4
        follow_ups = store.list_follow_ups(show="all")
        assert len([f for f in follow_ups if f.follow_up.title.startswith(f"{tag}-follow-up-")]) == changes // 4
    notes = store.notes(session, None, "leader")
    assert sorted(len(n.body.splitlines()) for n in notes) == [changes // 4, changes // 4]
    assert sorted(i.position for i in agenda) == list(range(len(agenda)))  # moves kept the order whole
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
