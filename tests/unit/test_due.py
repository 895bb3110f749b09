"""`rm-tui due`: the one line a shell prompt shows, and the exit status a script acts on."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.dates import spoken_date
from rm_tui.store import Store
from tests.conftest import draft

TODAY = date.today()  # the command reads the real clock, as a prompt does


@pytest.fixture
def today_store(db_path: Path):
    opened = Store.open(db_path, today=lambda: TODAY)
    yield opened
    opened.close()


def _due(db_path: Path, *args: str, role: str = "leader") -> tuple[int, str]:
    """The exit status and what `rm-tui --as ROLE due ARGS` printed."""
    result = CliRunner().invoke(cli, ["--db", str(db_path), "--as", role, "due", *args])
    return result.exit_code, result.output


def _follow_up(store: Store, mentorship: int, title: str, days: int) -> int:
    return store.add_follow_up(mentorship, title=title, owner="leader", due=TODAY + timedelta(days=days))


def test_an_empty_database_has_nothing_due_and_exits_0(db_path: Path) -> None:
    assert _due(db_path) == (0, "nothing due\n")


def test_the_next_meeting_and_follow_ups_due_this_week_exit_0(today_store: Store, db_path: Path) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    on = TODAY + timedelta(days=9)
    today_store.plan_session(sam, scheduled_on=on)
    _follow_up(today_store, sam, "Draft the opener", 0)
    _follow_up(today_store, sam, "Share the deck", 6)
    _follow_up(today_store, sam, "Try the assistant", 7)  # next week: not this week's
    today_store.add_follow_up(sam, title="Someday", owner="mentor", due=None)
    code, line = _due(db_path)
    assert code == 0
    assert line == f"Sam Ortiz {spoken_date(on, TODAY)} (in 9d) · 2 follow-ups due this week\n"


def test_a_late_follow_up_exits_1_and_says_so(today_store: Store, db_path: Path) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    late = _follow_up(today_store, sam, "Send the notes", -1)
    assert _due(db_path) == (1, "1 follow-up late\n")
    _follow_up(today_store, sam, "Share the deck", 2)
    _follow_up(today_store, sam, "Book the room", 1)
    assert _due(db_path) == (1, "2 follow-ups due this week · 1 late\n")
    today_store.set_follow_up_status(late, "done")  # done late is no longer late
    assert _due(db_path) == (0, "2 follow-ups due this week\n")


def test_several_mentorships_show_the_soonest_meeting_and_count_across_all(
    today_store: Store, db_path: Path
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
    assert _due(db_path) == (1, f"Priya Nair {tomorrow} (tomorrow) · 1 follow-up due this week · 1 late\n")
    code, line = _due(db_path, "--mentorship", "Sam Ortiz")
    assert code == 1 and line.startswith("Sam Ortiz ") and line.endswith("(in 5d) · 1 follow-up late\n")
    assert _due(db_path, "--mentorship", "Priya")[0] == 0


def test_a_meeting_today_and_the_mentor_sees_the_leaders_name(today_store: Store, db_path: Path) -> None:
    sam = today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    today_store.plan_session(sam, scheduled_on=TODAY)
    code, line = _due(db_path, role="mentor")
    assert code == 0 and line.startswith("Dana Whitfield ") and line.endswith(" (today)\n")


def test_an_unknown_mentorship_is_refused_in_one_line(today_store: Store, db_path: Path) -> None:
    today_store.create_mentorship(draft(mentor="Sam Ortiz"))
    assert _due(db_path, "--mentorship", "Nobody") == (2, "rm-tui: no mentorship with a mentor called 'Nobody'\n")


def test_help_names_the_exit_statuses_and_the_cost_of_encryption() -> None:
    result = CliRunner().invoke(cli, ["due", "--help"])
    text = " ".join(result.output.split())
    assert "1 when a follow-up is late" in text
    assert "With an encrypted database each run also derives the key" in text
