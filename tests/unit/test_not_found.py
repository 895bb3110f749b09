"""An id that is not there is named truly: never given, or removed since."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.errors import NotFound
from rm_tui.models import NoteText
from rm_tui.scope import Scope
from rm_tui.store import Store
from tests.conftest import draft


def _remove_session(db_path: Path, session_id: int) -> None:
    """As another program (or an older rm-tui) might: rm-tui itself calls sessions off, it keeps them."""
    with sqlite3.connect(db_path) as db:
        db.execute("DELETE FROM sessions WHERE id = ?", [session_id])


def test_an_id_never_given_is_not_said_to_be_gone(store: Store) -> None:
    with pytest.raises(NotFound, match=r"^there is no session 99$"):
        store.get_session(99)  # not one session yet
    store.plan_session(store.create_mentorship(draft()))
    for never in (99, 0, -1):
        with pytest.raises(NotFound, match=rf"^there is no session {never}$"):
            store.get_session(never)


def test_an_id_given_and_removed_no_longer_exists(store: Store, db_path: Path) -> None:
    sam = store.create_mentorship(draft())
    first = store.plan_session(sam)
    store.set_session_status(first, "held")
    second = store.plan_session(sam)
    item = store.add_agenda_item(first, title="Reels", proposed_by="leader")
    store.add_agenda_item(first, title="Threads", proposed_by="leader")
    store.remove_agenda_item(item)
    with pytest.raises(NotFound, match=rf"^agenda item {item} no longer exists$"):
        store.get_agenda_item(item)
    _remove_session(db_path, first)
    with pytest.raises(NotFound, match=rf"^session {first} no longer exists$"):
        store.get_session(first)
    assert store.get_session(second).id == second


def test_the_newest_id_removed_cannot_be_told_from_one_never_given(store: Store, db_path: Path) -> None:
    """SQLite gives that id again to the next row: 'there is no' is true either way."""
    newest = store.plan_session(store.create_mentorship(draft()))
    _remove_session(db_path, newest)
    with pytest.raises(NotFound, match=rf"^there is no session {newest}$"):
        store.get_session(newest)


def test_what_the_viewer_may_not_see_is_never_said_to_have_existed(store: Store, db_path: Path) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    session = store.plan_session(sam)
    hidden = store.save_note(NoteText(None, session, None, "leader", "private", "I am behind"))
    store.save_note(NoteText(None, session, None, "leader", "shared", "boards, not docs"))
    assert hidden is not None
    mentors = Store.open(db_path, scope=Scope("mentor"))
    try:
        with pytest.raises(NotFound, match=rf"^there is no note {hidden.note_id}$"):
            mentors.get_note(hidden.note_id)
        mentors.keep_to(priya)
        with pytest.raises(NotFound, match=rf"^there is no session {session}$"):
            mentors.get_session(session)
    finally:
        mentors.close()


def test_export_of_a_session_never_planned_says_there_is_none(store: Store, db_path: Path) -> None:
    store.plan_session(store.create_mentorship(draft()))
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", "--session", "99"])
    assert result.exit_code == 2
    assert result.output == "rm-tui: there is no session 99\n"


def test_export_of_a_session_removed_since_says_so(store: Store, db_path: Path) -> None:
    sam = store.create_mentorship(draft())
    gone = store.plan_session(sam)
    store.set_session_status(gone, "held")
    store.plan_session(sam)
    _remove_session(db_path, gone)
    result = CliRunner().invoke(cli, ["--db", str(db_path), "export", "--session", str(gone)])
    assert result.exit_code == 2
    assert result.output == f"rm-tui: session {gone} no longer exists\n"
