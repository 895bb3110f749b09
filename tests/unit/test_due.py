"""`rm-tui due`: the one line a shell prompt shows, and the exit status a script acts on.

It has two ways in: the console script answers a plain `due` without click
(rm_tui.quick_due), and the command line answers the rest. Every case here runs
both ways and must print the same.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.dates import spoken_date
from rm_tui.quick_due import due_request, run
from rm_tui.store import Store
from tests.conftest import draft

TODAY = date.today()  # the command reads the real clock, as a prompt does


@pytest.fixture
def today_store(db_path: Path):
    opened = Store.open(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


WAYS = ("command line", "quick")


@pytest.fixture(params=WAYS)
def way(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def due(way: str, capsys: pytest.CaptureFixture[str]):
    """`due(db, *args, role=...)`: the exit status and what `rm-tui --as ROLE due ARGS` printed (out and err)."""

    def run_due(db_path: Path, *args: str, role: str = "leader", only: str | None = None) -> tuple[int, str]:
        argv = ["--db", str(db_path), "--as", role, *(["--only", only] if only else []), "due", *args]
        if way == "command line":
            result = CliRunner().invoke(cli, argv)
            return result.exit_code, result.output
        request = due_request(argv, {})
        assert request is not None, "a plain `due` is the quick way's"
        status = run(request)
        assert status is not None, "handed back to the command line"
        printed = capsys.readouterr()
        return status, printed.out + printed.err

    return run_due


def _follow_up(store: Store, mentorship: int, title: str, days: int) -> int:
    return store.add_follow_up(mentorship, title=title, owner="leader", due=TODAY + timedelta(days=days))


def test_an_empty_database_has_nothing_due_and_exits_0(today_store: Store, db_path: Path, due) -> None:
    assert due(db_path) == (0, "nothing due\n")


def test_the_next_meeting_and_follow_ups_due_this_week_exit_0(today_store: Store, db_path: Path, due) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    on = TODAY + timedelta(days=9)
    today_store.plan_session(sam, scheduled_on=on)
    _follow_up(today_store, sam, "Draft the opener", 0)
    _follow_up(today_store, sam, "Share the deck", 6)
    _follow_up(today_store, sam, "Try the assistant", 7)  # next week: not this week's
    today_store.add_follow_up(sam, title="Someday", owner="mentor", due=None)
    code, line = due(db_path)
    assert code == 0
    assert line == f"Sam Ortiz {spoken_date(on, TODAY)} (in 9d) · 2 follow-ups due this week\n"


def test_a_late_follow_up_exits_1_and_says_so(today_store: Store, db_path: Path, due) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    late = _follow_up(today_store, sam, "Send the notes", -1)
    assert due(db_path) == (1, "1 follow-up late\n")
    _follow_up(today_store, sam, "Share the deck", 2)
    _follow_up(today_store, sam, "Book the room", 1)
    assert due(db_path) == (1, "2 follow-ups due this week · 1 late\n")
    today_store.set_follow_up_status(late, "done")  # done late is no longer late
    assert due(db_path) == (0, "2 follow-ups due this week\n")


def test_several_mentorships_show_the_soonest_meeting_and_count_across_all(
    today_store: Store, db_path: Path, due
) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    priya = today_store.create_mentorship(draft(mentor="Priya Nair"))
    ended = today_store.create_mentorship(draft(mentor="Lee Park"))
    today_store.plan_session(sam, scheduled_on=TODAY + timedelta(days=5))
    today_store.plan_session(priya, scheduled_on=TODAY + timedelta(days=1))
    today_store.plan_session(ended, scheduled_on=TODAY)
    _follow_up(today_store, sam, "Sam's", -3)
    _follow_up(today_store, priya, "Priya's", 3)
    _follow_up(today_store, ended, "Lee's", -9)
    today_store.set_mentorship_status(ended, "ended")  # no meeting to come, nothing to remind of
    tomorrow = spoken_date(TODAY + timedelta(days=1), TODAY)
    assert due(db_path) == (1, f"Priya Nair {tomorrow} (tomorrow) · 1 follow-up due this week · 1 late\n")
    code, line = due(db_path, "--mentorship", "Sam Ortiz")
    assert code == 1 and line.startswith("Sam Ortiz ") and line.endswith("(in 5d) · 1 follow-up late\n")
    assert due(db_path, "--mentorship", "Priya")[0] == 0


def test_a_meeting_today_and_the_mentor_sees_the_leaders_name(today_store: Store, db_path: Path, due) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    today_store.plan_session(sam, scheduled_on=TODAY)
    code, line = due(db_path, role="mentor")
    assert code == 0 and line.startswith("Dana Whitfield ") and line.endswith(" (today)\n")


def test_an_unknown_mentorship_is_refused_in_one_line(today_store: Store, db_path: Path, due) -> None:
    today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    assert due(db_path, "--mentorship", "Nobody") == (2, "rm-tui: no mentorship with a mentor called 'Nobody'\n")


def test_help_names_the_exit_statuses_and_the_cost_of_encryption() -> None:
    result = CliRunner().invoke(cli, ["due", "--help"])
    text = " ".join(result.output.split())
    assert "1 when a follow-up is late" in text
    assert "With an encrypted database each run also derives the key" in text


def test_a_window_kept_to_one_mentorship_finds_no_other(today_store: Store, db_path: Path, due) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    priya = today_store.create_mentorship(draft(mentor="Priya Nair"))
    _follow_up(today_store, sam, "Sam's", -3)
    assert due(db_path, only="Priya") == (0, "nothing due\n")
    assert due(db_path, "--mentorship", "Sam", only="Priya") == (
        2, "rm-tui: no mentorship with a mentor called 'Sam'\n"
    )
    assert due(db_path, "--mentorship", str(sam), only=str(priya)) == (2, f"rm-tui: there is no mentorship {sam}\n")
    assert due(db_path, "--mentorship", "99") == (2, "rm-tui: there is no mentorship 99\n")


def test_another_applications_database_is_refused_and_left_as_it_was(tmp_path: Path, due) -> None:
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    before = other.read_bytes()
    code, line = due(other)
    refusal = f"rm-tui: {other} belongs to another application, not rm-tui; choose another file with --db\n"
    assert (code, line) == (2, refusal)
    assert other.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["due", "--help"],
        ["--help"],
        ["due", "--mentorship"],  # the value is missing
        ["due", "--mentorship", "--help"],
        ["--as", "boss", "due"],  # click names the choices
        ["--db", "a.db", "--db", "b.db", "due"],
        ["--passphrase-file", "p.txt", "due"],
        ["--demo", "due"],
        ["due", "extra"],
        ["export"],
        [],
    ],
)
def test_anything_but_a_plain_due_is_handed_to_the_command_line(args: list[str]) -> None:
    assert due_request(args, {}) is None


@pytest.mark.parametrize("set_by", ["RM_TUI_PASSPHRASE_FILE", "RM_TUI_KEY"])
def test_an_encrypted_database_is_handed_to_the_command_line(set_by: str) -> None:
    assert due_request(["due"], {set_by: "x"}) is None


def test_the_options_are_read_as_the_command_line_reads_them() -> None:
    request = due_request(["--db=a.db", "--as", "mentor", "--only", "2", "due", "--mentorship=Sam"], {})
    assert request is not None
    assert (request.db, request.role, request.only, request.mentorship) == (Path("a.db"), "mentor", "2", "Sam")
    from_env = due_request(["due"], {"RM_TUI_DB": "env.db"})
    assert from_env is not None and from_env.db == Path("env.db") and from_env.role == "leader"


def test_a_file_to_make_migrate_or_unlock_is_left_to_the_command_line(tmp_path: Path) -> None:
    """The quick way never writes: a new file, an older schema and an encrypted file go to the Store."""
    from rm_tui.store.connection import connect, migrate
    from rm_tui.store.driver import Key
    from rm_tui.store.migrations import LATEST_VERSION

    new = tmp_path / "new.db"
    older = tmp_path / "older.db"
    migrate(connect(older), target=LATEST_VERSION - 1)
    encrypted = tmp_path / "locked.db"
    Store.open(encrypted, key=Key.new("a passphrase of ours")).close()
    for path in (new, older, encrypted):
        request = due_request(["--db", str(path), "due"], {})
        assert request is not None
        before = path.read_bytes() if path.exists() else None
        assert run(request) is None, path.name
        assert (path.read_bytes() if path.exists() else None) == before
