"""`rm-tui import FILE` as a person types it: the preview, the question, --yes, and files refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rm_tui.__main__ import cli
from rm_tui.store import Store
from tests.conftest import draft

PREP = "# Prep for Sam\n\n- Career moves (15 min)\n  Where do I want to be in two years?\n- Tools, 5 min\n"


@pytest.fixture
def db(store: Store, db_path: Path) -> Path:
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    return db_path


def run(db: Path, *args: str, answer: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=answer)


def dump(db: Path) -> list[str]:
    store = Store.open(db)
    try:
        return list(store.db.iterdump())
    finally:
        store.close()


def agenda(db: Path) -> list[tuple[str, int, str]]:
    store = Store.open(db)
    try:
        session = store.upcoming_session(store.find_mentorship("Sam"))
        assert session is not None
        return [(item.title, item.minutes, item.prompt) for item in store.agenda(session.id)]
    finally:
        store.close()


def prep_file(tmp_path: Path, text: str = PREP) -> Path:
    path = tmp_path / "prep.md"
    path.write_text(text, encoding="utf-8")
    return path


def test_it_shows_the_items_and_asks_before_adding(db: Path, tmp_path: Path) -> None:
    result = run(db, "import", str(prep_file(tmp_path)), answer="y\n")
    assert result.exit_code == 0, result.output
    day = f"{date.today():%a %d %b}"  # nothing planned: the session is planned for today, the first one
    assert " 1. Career moves  (15 min)\n    Where do I want to be in two years?\n 2. Tools  (5 min)" in result.output
    assert f"No session with Sam Ortiz is planned: one is planned for {day}." in result.output
    assert f"Add these 2 items to Sam Ortiz's session on {day}? [y/N]:" in result.output
    assert f"Added 2 items to Sam Ortiz's session on {day}." in result.output
    assert agenda(db) == [("Career moves", 15, "Where do I want to be in two years?"), ("Tools", 5, "")]


@pytest.mark.parametrize("answer", ["n\n", "", None])
def test_no_or_no_answer_adds_nothing(db: Path, tmp_path: Path, answer: str | None) -> None:
    before = dump(db)
    result = run(db, "import", str(prep_file(tmp_path)), answer=answer)
    assert result.exit_code == 1
    assert "Nothing added." in result.output
    assert dump(db) == before


def test_yes_adds_without_asking(db: Path, tmp_path: Path) -> None:
    result = run(db, "import", str(prep_file(tmp_path)), "--mentorship", "sam", "--yes")
    assert result.exit_code == 0
    assert "[y/N]" not in result.output
    assert [title for title, _, _ in agenda(db)] == ["Career moves", "Tools"]


def test_with_several_mentorships_it_asks_whose(db: Path, tmp_path: Path) -> None:
    store = Store.open(db)
    store.create_mentorship(draft(mentor="Priya Nair"))
    store.close()
    before = dump(db)
    result = run(db, "import", str(prep_file(tmp_path)), "--yes")
    assert result.exit_code == 2
    assert result.output.startswith("rm-tui: you have several mentorships; say whose with --mentorship: ")
    assert dump(db) == before


def big_file(path: Path) -> None:
    path.write_text("- An item\n" * (5 * 1024 * 1024 // 10 + 1))


@pytest.mark.parametrize(("write", "message"), [
    (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
     "is not a text file; save the agenda as Markdown or plain text"),
    (lambda p: p.write_text(""), "is empty; there is nothing to import"),
    (lambda p: p.write_text("  \n\n"), "is empty; there is nothing to import"),
    (big_file, "is 5.0 MB; an agenda to import is at most 1 MB"),
    (lambda p: p.write_text("Some thoughts on the week, no list.\n"),
     "has no agenda items: write each as a heading or a list item"),
    (lambda p: p.write_bytes("- Caf\u00e9 talk\n".encode("latin-1")),
     "is not UTF-8 text (byte 6 is not); save it as UTF-8 and try again"),
    (lambda p: p.mkdir(), "is a folder; give the agenda's file"),
])
def test_a_file_that_is_no_agenda_is_one_line_exit_2_and_nothing_added(db: Path, tmp_path: Path, write,
                                                                     message: str) -> None:
    path = tmp_path / "agenda.md"
    write(path)
    before = dump(db)
    result = run(db, "import", str(path), "--yes")
    assert result.exit_code == 2
    assert result.output == f"rm-tui: {path} {message}\n"
    assert dump(db) == before


def test_a_missing_file_is_one_line(db: Path, tmp_path: Path) -> None:
    result = run(db, "import", str(tmp_path / "nope.md"), "--yes")
    assert result.exit_code == 2
    assert result.output == f"rm-tui: cannot read {tmp_path / 'nope.md'}: No such file or directory\n"
