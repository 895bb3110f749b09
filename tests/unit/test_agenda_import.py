"""Reading an agenda written elsewhere: headings, lists, time boxes, prompts, and an export read back."""

from __future__ import annotations

from datetime import date

import pytest

from rm_tui.agenda_import import ImportedFollowUp, ImportedItem, ImportedNote, ImportRefused, parse_agenda
from rm_tui.exporting import ExportRequest, render
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import FakeClock, draft


def titles(text: str) -> list[tuple[str, int | None, str]]:
    return [(item.title, item.minutes, item.prompt) for item in parse_agenda(text).items]


def test_headings_with_nothing_under_them_are_items_and_their_text_the_prompt() -> None:
    text = (
        "# Prep for Sam\n\n"
        "## Career moves (15 min)\n\nWhere do I want to be in two years?\n\n"
        "## Feedback on my talk\n\n    the slides, the pace\n"
    )
    assert titles(text) == [
        ("Career moves", 15, "Where do I want to be in two years?"),
        ("Feedback on my talk", None, "the slides, the pace"),
    ]


def test_list_items_are_items_and_a_heading_over_them_only_names_the_section() -> None:
    text = (
        "# Prep for Sam\n\n"
        "- Career moves, 10 min\n"
        "  Where do I want to be?\n"
        "  - the team\n"
        "- Tools 5m\n"
        "* [ ] A \\*real\\* task\n"
    )
    assert titles(text) == [
        ("Career moves", 10, "Where do I want to be?\n- the team"),
        ("Tools", 5, ""),
        ("A *real* task", None, ""),
    ]


def test_numbered_lists_and_a_notes_apps_bullets() -> None:
    text = "1. First thing (20 minutes)\n2) Second thing\n\n• From my phone, 3 min\n"
    assert titles(text) == [("First thing", 20, ""), ("Second thing", None, ""), ("From my phone", 3, "")]


@pytest.mark.parametrize(("written", "title", "minutes"), [
    ("Career moves (15 min)", "Career moves", 15),
    ("Career moves 15m", "Career moves", 15),
    ("Career moves, 10 min", "Career moves", 10),
    ("Career moves (5 minutes)", "Career moves", 5),
    ("Career moves", "Career moves", None),
    ("15 min", "15 min", None),  # a title that is only a number of minutes stays a title
    ("Ship 2 features", "Ship 2 features", None),
])
def test_the_three_ways_to_write_a_time_box(written: str, title: str, minutes: int | None) -> None:
    assert titles(f"- {written}\n") == [(title, minutes, "")]


def test_prose_alone_has_no_items_and_an_impossible_time_box_is_refused() -> None:
    assert parse_agenda("Just some thoughts about the week.\n").items == ()
    with pytest.raises(ImportRefused, match="a time box is 1 to 240 minutes"):
        parse_agenda("- A marathon (500 min)\n")


def test_an_export_reads_back_with_its_items_notes_and_follow_ups(store: Store, clock: FakeClock) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    first = store.add_agenda_item(session, title="A [real] task in *Notion*", proposed_by="leader", minutes=15,
                                  prompt="What does a week look like?")
    second = store.add_agenda_item(session, title="A creator I rate", proposed_by="mentor", minutes=10)
    store.save_note(NoteText(None, session, first, "leader", "shared", "Plans on a **board**.\n\n- [links](x) too"))
    store.save_note(NoteText(None, session, second, "mentor", "shared", "Short videos."))
    store.save_note(NoteText(None, session, second, "leader", "private", "I should try this"))
    store.save_note(NoteText(None, session, None, "leader", "shared", "Good energy."))
    done = store.add_follow_up(sam, title="Try Notion AI", owner="leader", due="2026-12-01", session_id=session,
                               agenda_item_id=first)
    store.add_follow_up(sam, title="Send the list", owner="mentor", due="", session_id=session)
    store.set_follow_up_status(done, "done")
    store.start_session(session)
    clock.advance(minutes=12)
    store.end_session(session)

    text = render(store, ExportRequest(session_id=session, include_private=True))
    agenda = parse_agenda(text)

    assert agenda.from_export
    assert agenda.items == (
        ImportedItem("A [real] task in *Notion*", 15, "What does a week look like?", "leader",
                     (ImportedNote("leader", "shared", "Plans on a **board**.\n\n- [links](x) too"),)),
        ImportedItem("A creator I rate", 10, "", "mentor",
                     (ImportedNote("mentor", "shared", "Short videos."),
                      ImportedNote("leader", "private", "I should try this"))),
    )
    assert agenda.session_notes == (ImportedNote("leader", "shared", "Good energy."),)
    assert agenda.follow_ups == (
        ImportedFollowUp("Try Notion AI", "leader", date(2026, 12, 1), "done", 1),
        ImportedFollowUp("Send the list", "mentor", None, "open", None),
    )


def test_a_rebuilt_session_exports_as_the_one_it_came_from(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    item = store.add_agenda_item(session, title="Career moves", proposed_by="mentor", minutes=20, prompt="Two years")
    store.save_note(NoteText(None, session, item, "mentor", "shared", "Look at *staff* roles"))
    store.add_follow_up(sam, title="Read the ladder", owner="leader", due="2026-12-04", session_id=session,
                        agenda_item_id=item)
    before = render(store, ExportRequest(session_id=session))

    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    rebuilt = store.import_agenda(priya, parse_agenda(before), by="leader")

    after = render(store, ExportRequest(session_id=rebuilt))
    body = before.split("## 1.", 1)[1]
    assert after.split("## 1.", 1)[1] == body


def test_an_export_of_several_sessions_is_refused() -> None:
    text = ("# Sam\n\n*Exported from rm-tui on 2026-11-24: shared notes only; off-record notes are never exported.*\n\n"
            "## Tue 10 Nov 2026\n\n### 1. One\n\n## Tue 24 Nov 2026\n\n### 1. Two\n")
    with pytest.raises(ImportRefused, match="more than one session"):
        parse_agenda(text)


def test_an_import_refused_part_way_adds_nothing_not_even_the_session(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    before = list(store.db.iterdump())
    agenda = parse_agenda("- Career moves\n- Tools\n")
    bad = type(agenda)(agenda.items, follow_ups=(ImportedFollowUp("  ", "leader", None, "open", None),))
    with pytest.raises(Exception, match="A follow-up"):
        store.import_agenda(sam, bad, by="leader")
    assert list(store.db.iterdump()) == before


def test_items_join_the_planned_session_after_what_is_there(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    store.add_agenda_item(session, title="Already here", proposed_by="leader")
    assert store.import_agenda(sam, parse_agenda("- Career moves (15 min)\n  Two years\n"), by="mentor") == session
    assert [(i.title, i.minutes, i.prompt, i.proposed_by) for i in store.agenda(session)] == [
        ("Already here", 10, "", "leader"), ("Career moves", 15, "Two years", "mentor"),
    ]
