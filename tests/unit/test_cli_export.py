"""`rm-tui export` and `rm-tui sessions` as a person types them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rm_tui.__main__ import cli
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import draft


@pytest.fixture
def seeded(store: Store, db_path: Path) -> tuple[Path, int]:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.create_mentorship(draft(mentor="Samira Khan"))
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.save_note(NoteText(None, session, item, "leader", "shared", "boards, not docs"))
    store.save_note(NoteText(None, session, item, "leader", "private", "I am behind on this"))
    store.save_note(NoteText(None, session, item, "leader", "off_record", "reorg rumours"))
    return db_path, session


def run(runner: CliRunner, db: Path, *args: str) -> Result:
    return runner.invoke(cli, ["--db", str(db), *args])


def test_export_a_session_to_standard_output(seeded) -> None:
    db, session = seeded
    result = run(CliRunner(), db, "export", "--session", str(session))
    assert result.exit_code == 0
    assert result.output.startswith("# Session with Sam Ortiz, Tue 24 Nov 2026\n")
    assert "> boards, not docs" in result.output
    assert "I am behind" not in result.output and "reorg" not in result.output


def test_export_to_a_file_with_private_notes_and_never_off_record(seeded, tmp_path: Path) -> None:
    db, _ = seeded
    target = tmp_path / "sam.md"
    result = run(CliRunner(), db, "export", "--mentorship", "ortiz", "--include-private", "-o", str(target))
    assert result.exit_code == 0
    text = target.read_text()
    assert text.startswith("# Sam Ortiz mentors Dana Whitfield\n")
    assert "Note by **leader** (private):\n\n> I am behind on this" in text
    assert "reorg" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_an_existing_file_needs_force(seeded, tmp_path: Path) -> None:
    db, session = seeded
    target = tmp_path / "notes.md"
    target.write_text("keep me\n")
    result = run(CliRunner(), db, "export", "--session", str(session), "-o", str(target))
    assert result.exit_code == 2
    assert result.output.strip() == f"rm-tui: {target} already exists; add --force to replace it"
    assert target.read_text() == "keep me\n"
    assert run(CliRunner(), db, "export", "--session", str(session), "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# Session with Sam Ortiz")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "rm-tui: say what to export: one of --session ID, --mentorship ID|NAME or --all"),
        (["--all", "--session", "1"], "rm-tui: say what to export: one of --session ID, --mentorship ID|NAME or --all"),
        (
            ["--mentorship", "sam"],
            "rm-tui: 'sam' matches several mentorships: Sam Ortiz (id 1), Samira Khan (id 2); use the id",
        ),
        (["--mentorship", "nobody"], "rm-tui: no mentorship with a mentor called 'nobody'"),
        (["--session", "999"], "rm-tui: there is no session 999"),
        (["--all", "--impact"], "rm-tui: the impact note is written for one mentorship (--mentorship)"),
    ],
)
def test_bad_requests_are_one_line_and_exit_2(seeded, args: list[str], message: str) -> None:
    db, _ = seeded
    result = run(CliRunner(), db, "export", *args)
    assert result.exit_code == 2
    assert result.output.strip() == message


def test_an_unwritable_target_is_one_line_and_exit_2(seeded, tmp_path: Path) -> None:
    db, session = seeded
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = run(CliRunner(), db, "export", "--session", str(session), "-o", str(blocker / "out.md"))
    assert result.exit_code == 2
    assert result.output.strip() == f"rm-tui: cannot write {blocker / 'out.md'}: {blocker} is not a folder"


def test_sessions_lists_ids_for_export(seeded) -> None:
    db, session = seeded
    result = run(CliRunner(), db, "sessions", "--mentorship", "1")
    assert result.output == f"{session:6}  2026-11-24  planned    Sam Ortiz\n"
