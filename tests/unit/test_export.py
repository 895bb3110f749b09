"""Markdown export: structure that survives any note, visibility rules, files written safely."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from rm_tui import export
from rm_tui.exporting import ExportRequest, render
from rm_tui.files import ExportRefused, OutputExists, write_private_text
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import TODAY, FakeClock, draft

PRIVATE = "PRIVATE-SENTINEL-7f3a"
OFF_RECORD = "OFFRECORD-SENTINEL-91bc"


def outline(markdown: str) -> list[tuple[str, str]]:
    """The document's own headings (not those inside quotes), as (tag, plain text)."""
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(markdown)
    headings = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.level == 0:
            inline_token = tokens[index + 1]
            children = inline_token.children or []
            text = "".join(child.content for child in children if child.type in ("text", "code_inline"))
            headings.append((token.tag, text))
    return headings


@pytest.fixture
def meeting(store: Store, clock: FakeClock) -> tuple[int, int, list[int]]:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz", leader="Dana Whitfield"))
    session = store.plan_session(mentorship)
    items = [
        store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader", minutes=15,
                              category="Technology Deep Dive"),
        store.add_agenda_item(session, title="A creator I [really] rate *a lot*", proposed_by="mentor", minutes=10,
                              category="Show and Tell"),
    ]
    store.start_session(session)
    clock.advance(minutes=12)
    store.set_item_status(items[0], "discussed")
    store.go_to_item(session, items[1])
    clock.advance(minutes=3)
    store.end_session(session)
    return mentorship, session, items


def note(
    store: Store, session: int, item: int | None, body: str, visibility: str = "shared", author: str = "leader"
) -> None:
    store.save_note(NoteText(None, session, item, author, visibility, body))  # type: ignore[arg-type]


def test_a_session_exports_items_notes_follow_ups_and_champion_entries(store: Store, meeting) -> None:
    mentorship, session, items = meeting
    note(store, session, items[0], "Plans the week on a **board**.")
    note(store, session, items[1], "Short videos, one idea each.", author="mentor")
    note(store, session, items[1], f"I should try this {PRIVATE}", "private")
    note(store, session, items[1], f"Team morale is low {OFF_RECORD}", "off_record")
    note(store, session, None, "Good energy today.")
    done = store.add_follow_up(mentorship, title="Try Notion AI", owner="leader", due="+7d", session_id=session,
                               agenda_item_id=items[0])
    store.add_follow_up(mentorship, title="Send the creator list", owner="mentor", due="", session_id=session)
    store.set_follow_up_status(done, "done")
    store.add_champion_entry(mentorship, kind="credit", note="Named Sam's idea at the board meeting")
    text = render(store, ExportRequest(session_id=session))
    assert outline(text) == [
        ("h1", "Session with Sam Ortiz, Tue 24 Nov 2026"),
        ("h2", "1. A real task in Notion"),
        ("h2", "2. A creator I [really] rate *a lot*"),
        ("h2", "The session as a whole"),
        ("h2", "Follow-ups"),
        ("h2", "Championing"),
    ]
    assert "Sam Ortiz mentors Dana Whitfield. Held, 15 minutes of 45 planned." in text  # one unit, not 15:00
    assert "Proposed by **leader** · 12:00 spent of 15 min · done" in text
    assert "Proposed by **mentor** · 3:00 spent of 10 min · discussed" in text
    assert "Note by **mentor**:\n\n> Short videos, one idea each." in text
    assert "- [x] Try Notion AI · owner: leader · due 2026-12-01 · from 1. A real task in Notion" in text
    assert "- [ ] Send the creator list · owner: mentor" in text
    assert f"- {TODAY.isoformat()}, gave them credit for an idea: Named Sam's idea at the board meeting" in text
    assert PRIVATE not in text and OFF_RECORD not in text
    with_private = render(store, ExportRequest(session_id=session, include_private=True))
    assert f"Note by **leader** (private):\n\n> I should try this {PRIVATE}" in with_private
    assert OFF_RECORD not in with_private


def test_notes_that_look_like_markdown_structure_stay_inside_their_quote(store: Store, meeting) -> None:
    _, session, items = meeting
    hostile = [
        "# Not a heading of the document\n## Nor this",
        "```python\nan unclosed fence that never ends",
        "<div><script>alert(1)</script>\n<!-- an unclosed comment",
        "- looks like a list\n1. and a numbered one\n| a | b |\n|---|---|\n| table | row |",
        "Setext heading\n===\nand another\n---",
        "control \x1b[2J\x1b]0;title\x07characters\r\nand a tab\there",
        "    indented code\n> already quoted\n\n\n\nafter blank lines",
    ]
    for body in hostile:
        note(store, session, items[0], body)
    note(store, session, items[1], "[link]: http://example.com\n***\n* * *")
    text = render(store, ExportRequest(session_id=session))
    assert outline(text) == [
        ("h1", "Session with Sam Ortiz, Tue 24 Nov 2026"),
        ("h2", "1. A real task in Notion"),
        ("h2", "2. A creator I [really] rate *a lot*"),
    ]
    assert "\x1b" not in text and "\r" not in text and "\x07" not in text


# Any text in any field, notes and link reference definitions included: the property
# lives in test_export_structure.py, read by two CommonMark implementations.


def test_a_mentorship_has_a_section_per_session_oldest_first(store: Store, meeting, clock: FakeClock) -> None:
    mentorship, _, items = meeting
    store.set_carry_over(items[1], True)  # three minutes in, the pair carries it over
    second = store.plan_session(mentorship)  # carries it
    text = render(store, ExportRequest(mentorship_id=mentorship))
    headings = outline(text)
    assert headings[0] == ("h1", "Sam Ortiz mentors Dana Whitfield")
    assert [h for h in headings if h[0] == "h2"] == [("h2", "Tue 24 Nov 2026"), ("h2", "Tue 08 Dec 2026")]
    assert ("h3", "1. A creator I [really] rate *a lot*") in headings
    everything = render(store, ExportRequest(everything=True))
    assert outline(everything)[:2] == [("h1", "Reverse mentorship notes"), ("h2", "Sam Ortiz mentors Dana Whitfield")]
    assert store.get_session(second).status == "planned"


def test_the_impact_note_credits_the_mentor_and_holds_no_note_text(store: Store, meeting) -> None:
    mentorship, session, items = meeting
    store.set_item_status(items[1], "discussed")
    for visibility in ("shared", "private", "off_record"):
        note(store, session, items[1], f"{visibility} SENTINEL-{visibility}", visibility)
    store.add_champion_entry(mentorship, kind="credit", note="Her caption idea, in the all-hands")
    store.add_champion_entry(mentorship, kind="nomination", note="Put her on the launch squad")
    store.add_champion_entry(mentorship, kind="advice", note="Talked through her promotion case")
    text = render(store, ExportRequest(mentorship_id=mentorship, impact=True))
    assert outline(text)[0] == ("h1", "What Sam Ortiz has taught me")
    assert "have met 1 time between 24 November 2026 and 24 November 2026" in text
    assert "- Technology Deep Dive: 1 topic" in text and "- Show and Tell: 1 topic" in text
    assert "## Topics Sam Ortiz brought to the table" in text and "A creator I \\[really\\] rate" in text
    assert "Her caption idea, in the all-hands" in text and "Put her on the launch squad" in text
    assert "promotion case" not in text  # what the leader gave back is not the manager's business
    assert "SENTINEL" not in text


def test_inline_escapes_what_markdown_would_interpret() -> None:
    assert export.inline("  a *b*\n# c [d](e) <f> & `g`  ") == "a \\*b\\* \\# c \\[d\\](e) \\<f\\> \\& \\`g\\`"


# -- files ---------------------------------------------------------------------------------------


def test_files_are_written_whole_and_private(tmp_path: Path) -> None:
    target = tmp_path / "out" / "notes.md"
    write_private_text(target, "# hello\n")
    assert target.read_text() == "# hello\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(OutputExists) as refused:
        write_private_text(target, "# other\n")
    assert str(refused.value) == f"{target} already exists"  # the caller says how to replace it
    assert target.read_text() == "# hello\n"
    write_private_text(target, "# other\n", force=True)
    assert target.read_text() == "# other\n"
    assert [p.name for p in target.parent.iterdir()] == ["notes.md"]


def test_a_full_disk_leaves_the_old_file_and_no_debris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "notes.md"
    target.write_text("the old export\n")

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(ExportRefused, match=f"cannot write {target}: No space left on device"):
        write_private_text(target, "# new\n", force=True)
    assert target.read_text() == "the old export\n"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_is_one_clear_line(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    with pytest.raises(ExportRefused, match=r"cannot write .*: Permission denied"):
        write_private_text(locked / "notes.md", "x")


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ExportRefused, match="is a folder; give a file name"):
        write_private_text(tmp_path, "x")


def test_a_file_in_the_way_of_the_folder_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "exports"
    blocker.write_text("not a folder")
    with pytest.raises(ExportRefused, match=f"cannot write {blocker}/notes.md: {blocker} is not a folder"):
        write_private_text(blocker / "notes.md", "x")
    assert blocker.read_text() == "not a folder"


def test_a_meeting_shorter_than_a_minute_says_so(store: Store, clock: FakeClock) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz", leader="Dana Whitfield"))
    session = store.plan_session(sam)
    store.start_session(session)
    clock.advance(seconds=36)
    store.end_session(session)
    text = render(store, ExportRequest(session_id=session))
    assert "Held, under a minute of 45 planned." in text and "0:36" not in text
