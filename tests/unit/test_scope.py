"""The mentor is a guest: every write of the store, called under the mentor's scope.

The scope is decided in the core, so these call the store directly, as any screen,
palette command, CLI command or served tab would. A refused call raises Forbidden
with one line and leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from rm_tui.agenda_import import ImportedAgenda, ImportedItem
from rm_tui.errors import Forbidden, NotFound
from rm_tui.exporting import ExportRequest, render
from rm_tui.models import MentorshipSetup, NoteText
from rm_tui.scope import MENTOR, MENTOR_MAY, Action, Scope
from rm_tui.store import Store
from tests.conftest import TODAY, FakeClock, draft


@dataclass(frozen=True)
class World:
    """A mentorship mid-meeting, with a row of everything the mentor might touch."""

    mentorship: int
    session: int
    planned: int
    leaders_item: int
    mentors_item: int
    stale_item: int
    leaders_note: int
    mentors_note: int
    follow_up: int
    champion_entry: int
    goal: int


@pytest.fixture
def world(store: Store) -> World:
    sam = store.set_up_mentorship(draft(), MentorshipSetup(offer="intros"), [("video", "why do reels spread?")])
    session = store.plan_session(sam, scheduled_on="2026-11-24")
    leaders_item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    mentors_item = store.add_agenda_item(session, title="Reels vs Shorts", proposed_by="mentor")
    store.start_session(session)
    leaders_note = store.save_note(NoteText(None, session, leaders_item, "leader", "shared", "leader's words"))
    mentors_note = store.save_note(NoteText(None, session, leaders_item, "mentor", "shared", "mentor's words"))
    store.save_note(NoteText(None, session, leaders_item, "leader", "private", "private words"))
    store.save_note(NoteText(None, session, leaders_item, "leader", "off_record", "off-record words"))
    follow_up = store.add_follow_up(sam, title="Watch three reels", owner="leader", due="+7d", session_id=session)
    store.end_session(session)
    planned = store.plan_session(sam, scheduled_on="2026-12-08")
    stale_item = store.add_agenda_item(planned, title="Carried thing", proposed_by="leader")
    entry = store.add_champion_entry(sam, kind="credit", note="Named Sam in the all-hands")
    assert leaders_note is not None and mentors_note is not None
    return World(sam, session, planned, leaders_item, mentors_item, stale_item, leaders_note.note_id,
                 mentors_note.note_id, follow_up, entry, store.goals(sam)[0].id)


@pytest.fixture
def mentor(db_path: Path, store: Store, clock: FakeClock, world: World):
    """The same file, opened as the mentor's window opens it."""
    opened = Store.open(db_path, scope=MENTOR, today=lambda: TODAY, now=clock)
    yield opened
    opened.close()


def _dump(store: Store) -> list[str]:
    return list(store.db.iterdump())


Call = Callable[[Store, World], object]

# Every method that needs a permission, with a call a mentor's window could make.
WRITES: dict[str, Call] = {
    "create_mentorship": lambda s, w: s.create_mentorship(draft(mentor="Priya Nair")),
    "update_mentorship": lambda s, w: s.update_mentorship(w.mentorship, draft(focus="something else")),
    "set_mentorship_status": lambda s, w: s.set_mentorship_status(w.mentorship, "ended"),
    "set_up_mentorship": lambda s, w: s.set_up_mentorship(draft(mentor="Priya"), MentorshipSetup(), []),
    "save_setup": lambda s, w: s.save_setup(w.mentorship, MentorshipSetup(offer="nothing")),
    "save_ask": lambda s, w: s.save_ask(w.mentorship, "Hi Sam"),
    "add_goal": lambda s, w: s.add_goal(w.mentorship, "podcasts"),
    "set_goal_learned": lambda s, w: s.set_goal_learned(w.goal, True),
    "setup": lambda s, w: s.setup(w.mentorship),
    "goals": lambda s, w: s.goals(w.mentorship),
    "progress": lambda s, w: s.progress(w.mentorship),
    "set_setting": lambda s, w: s.set_setting("rules_at_start", "no"),
    "plan_session": lambda s, w: s.plan_session(w.mentorship, scheduled_on="2026-12-22"),
    "update_session": lambda s, w: s.update_session(w.planned, scheduled_on="2026-12-09", minutes=30),
    "cancel_session": lambda s, w: s.cancel_session(w.planned),
    "keep_item": lambda s, w: s.keep_item(w.stale_item),
    "drop_item": lambda s, w: s.drop_item(w.stale_item),
    "add_champion_entry": lambda s, w: s.add_champion_entry(w.mentorship, kind="credit", note="me"),
    "remove_champion_entry": lambda s, w: s.remove_champion_entry(w.champion_entry),
    "restore_champion_entry": lambda s, w: s.restore_champion_entry(s.champion_entries(w.mentorship)[0])
    if s.scope.is_mentor else s.restore_champion_entry(s.remove_champion_entry(w.champion_entry)),
    "set_follow_up_status": lambda s, w: s.set_follow_up_status(w.follow_up, "done"),
    "edit_follow_up": lambda s, w: s.edit_follow_up(w.follow_up, title="Watch five", owner="leader", due="+7d"),
    "set_note_visibility": lambda s, w: s.set_note_visibility(w.leaders_note, "private"),
    "pin_agenda_item": lambda s, w: s.pin_agenda_item(w.stale_item),
    "unpin_standing_item": lambda s, w: s.unpin_standing_item(1)
    if s.scope.is_mentor else s.unpin_standing_item(s.pin_agenda_item(w.stale_item)),
    # What the mentor may do, done as the mentor.
    "add_agenda_item": lambda s, w: s.add_agenda_item(w.planned, title="Podcasts", proposed_by="mentor"),
    "edit_agenda_item": lambda s, w: s.edit_agenda_item(w.stale_item, title="Renamed", minutes=5, prompt="",
                                                        by="mentor"),
    "move_agenda_item": lambda s, w: s.move_agenda_item(w.stale_item, 0),
    "remove_agenda_item": lambda s, w: s.remove_agenda_item(
        s.add_agenda_item(w.planned, title="Mine", proposed_by="mentor")),
    "restore_agenda_item": lambda s, w: s.restore_agenda_item(s.remove_agenda_item(
        s.add_agenda_item(w.planned, title="Mine", proposed_by="mentor"))),
    "mark_rules_shown": lambda s, w: s.mark_rules_shown(w.planned),
    "set_item_status": lambda s, w: s.set_item_status(w.stale_item, "discussed"),
    "set_carry_over": lambda s, w: s.set_carry_over(w.mentors_item, False),
    "set_session_status": lambda s, w: s.set_session_status(w.planned, "planned"),
    "start_session": lambda s, w: s.start_session(w.planned),
    "go_to_item": lambda s, w: s.go_to_item(w.planned, None),
    "end_session": lambda s, w: s.end_session(w.session),
    "save_note": lambda s, w: s.save_note(NoteText(None, w.planned, None, "mentor", "shared", "my words")),
    "add_follow_up": lambda s, w: s.add_follow_up(w.mentorship, title="Send the deck", owner="mentor", due="+3d"),
    "import_agenda": lambda s, w: s.import_agenda(
        w.mentorship, ImportedAgenda((ImportedItem("From the mentor's prep", 10),)), by="mentor"),
}


def test_every_method_that_needs_a_permission_is_called_here() -> None:
    declared = {
        name for name in dir(Store)
        if not name.startswith("_") and hasattr(getattr(Store, name), "required_action")
    }
    assert declared == set(WRITES)


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_mentor_may_do_only_what_the_scope_allows(name: str, mentor: Store, world: World) -> None:
    action: Action = getattr(Store, name).required_action
    before = _dump(mentor)
    if action in MENTOR_MAY:
        WRITES[name](mentor, world)
        return
    with pytest.raises(Forbidden, match=r"^The mentor's window may not .+: that is the leader's\.$"):
        WRITES[name](mentor, world)
    assert _dump(mentor) == before


@pytest.mark.parametrize("name", sorted(WRITES))
def test_the_leader_may_do_everything(name: str, store: Store, world: World) -> None:
    WRITES[name](store, world)


# The mentor's own things only: what they may do, but not on the leader's behalf.
NOT_AS_THE_LEADER: dict[str, tuple[Call, str]] = {
    "an item added as the leader": (
        lambda s, w: s.add_agenda_item(w.planned, title="Mine", proposed_by="leader"), "add an item as the leader"),
    "an item edited as the leader": (
        lambda s, w: s.edit_agenda_item(w.stale_item, title="X", minutes=5, prompt="", by="leader"),
        "edit an item as the leader"),
    "the leader's item removed": (lambda s, w: s.remove_agenda_item(w.stale_item), "remove an item the leader"),
    "a note written as the leader": (
        lambda s, w: s.save_note(NoteText(None, w.planned, None, "leader", "shared", "x")),
        "write notes as the leader"),
    "a private note": (
        lambda s, w: s.save_note(NoteText(None, w.planned, None, "mentor", "private", "x")), "write private notes"),
    "an off-record note": (
        lambda s, w: s.save_note(NoteText(None, w.planned, None, "mentor", "off_record", "x")),
        "write off-record notes"),
    "the leader's note edited": (
        lambda s, w: s.save_note(NoteText(w.leaders_note, w.session, w.leaders_item, "mentor", "shared", "mine now")),
        "edit the leader's notes"),
    "private notes exported": (
        lambda s, w: s.export_session(w.session, include_private=True), "see or make private notes"),
    "the impact note": (
        lambda s, w: render(s, ExportRequest(mentorship_id=w.mentorship, impact=True)), "write the impact note"),
}


@pytest.mark.parametrize("case", sorted(NOT_AS_THE_LEADER))
def test_the_mentor_acts_only_as_the_mentor(case: str, mentor: Store, world: World) -> None:
    call, words = NOT_AS_THE_LEADER[case]
    before = _dump(mentor)
    with pytest.raises(Forbidden, match=words):
        call(mentor, world)
    assert _dump(mentor) == before


def test_the_mentor_edits_their_own_note(mentor: Store, world: World) -> None:
    saved = mentor.save_note(NoteText(world.mentors_note, world.session, world.leaders_item, "mentor", "shared",
                                      "mentor's words, better"))
    assert saved is not None and saved.note_id == world.mentors_note
    assert mentor.get_note(world.mentors_note).body == "mentor's words, better"


def test_the_mentor_reads_shared_notes_only_whatever_a_caller_asks(mentor: Store, world: World) -> None:
    bodies = {n.body for n in mentor.notes(world.session, world.leaders_item, "leader")}
    assert bodies == {"leader's words", "mentor's words"}
    assert mentor.note_counts(world.session, "leader") == {world.leaders_item: 2}
    assert {hit.context for hit in mentor.search("words", "leader") if hit.kind == "note"} == {
        "leader's \x02words\x03", "mentor's \x02words\x03"}
    assert not [hit for hit in mentor.search("private") if hit.kind == "note"]
    assert not [hit for hit in mentor.search("record") if hit.kind == "note"]
    exported = render(mentor, ExportRequest(session_id=world.session))
    assert "leader's words" in exported and "private words" not in exported


def test_the_mentor_reads_the_champion_log(mentor: Store, world: World) -> None:
    assert [e.note for e in mentor.champion_entries(world.mentorship)] == ["Named Sam in the all-hands"]
    assert mentor.two_way_street(world.mentorship).given_back == {"credit": 1}


def test_a_scope_kept_to_one_mentorship_sees_no_other(db_path: Path, store: Store, world: World) -> None:
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    priyas = store.plan_session(priya)
    item = store.add_agenda_item(priyas, title="Priya's item", proposed_by="leader")
    follow_up = store.add_follow_up(priya, title="Priya's reading list", owner="mentor", due="+7d")
    served = Store.open(db_path, scope=Scope("mentor", world.mentorship))
    try:
        assert [o.mentorship.mentor for o in served.list_mentorships(include_ended=True)] == ["Sam Ortiz"]
        for call in (lambda: served.get_mentorship(priya), lambda: served.get_session(priyas),
                     lambda: served.get_agenda_item(item), lambda: served.get_follow_up(follow_up),
                     lambda: served.champion_entries(priya), lambda: served.find_mentorship("Priya")):
            with pytest.raises(NotFound):
                call()
        before = _dump(served)
        with pytest.raises(NotFound):
            served.add_agenda_item(priyas, title="Sneaked in", proposed_by="mentor")
        with pytest.raises(NotFound):
            served.add_follow_up(priya, title="Sneaked in", owner="mentor", due=None)
        assert _dump(served) == before
        assert all(row.mentor == "Sam Ortiz" for row in served.list_follow_ups("all"))
        with pytest.raises(NotFound):
            served.keep_to(str(priya))  # a scope is never widened or moved
    finally:
        served.close()


def test_the_thread_store_keeps_the_scope(mentor: Store, world: World) -> None:
    """The autosaver writes on its own connection: the scope goes with it."""
    other = mentor.opener_for_thread()()
    try:
        assert other.scope == mentor.scope
        with pytest.raises(Forbidden):
            other.save_note(NoteText(world.leaders_note, world.session, world.leaders_item, "mentor", "shared", "x"))
    finally:
        other.close()

