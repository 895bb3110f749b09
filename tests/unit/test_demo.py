"""`rm-tui --demo`: a sample mentorship to explore, in a database that does not outlive the app."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.demo import demo_database, seed_demo
from rm_tui.store import Store
from tests.conftest import TODAY


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    seed_demo(path, TODAY)
    store = Store.open(path, today=lambda: TODAY)
    yield store
    store.close()


def test_the_demo_has_a_mentorship_three_meetings_in(demo: Store) -> None:
    overviews = demo.list_mentorships()
    assert [o.mentorship.mentor for o in overviews] == ["Sam Ortiz", "Priya Nair"]
    sam = overviews[0]
    assert sam.sessions_held == 3
    assert (sam.open_follow_ups, sam.overdue_follow_ups) == (3, 1)
    upcoming = demo.upcoming_session(sam.mentorship.id)
    assert upcoming is not None and upcoming.scheduled_on > TODAY
    agenda = demo.agenda(upcoming.id)
    assert sum(1 for i in agenda if i.is_carried) == 4  # three open follow-ups and an item not reached
    assert any(i.proposed_by == "mentor" for i in agenda)


def test_the_demo_has_notes_of_every_visibility_and_the_mentor_sees_only_shared(demo: Store) -> None:
    sam = demo.list_mentorships()[0].mentorship.id
    held = [s for s in demo.list_sessions(sam) if s.status == "held"]
    seen: dict[str, set[str]] = {"leader": set(), "mentor": set()}
    for session in held:
        for item in demo.agenda(session.id):
            for viewer in seen:
                seen[viewer] |= {n.visibility for n in demo.notes(session.id, item.id, viewer)}  # type: ignore[arg-type]
    assert seen == {"leader": {"shared", "private", "off_record"}, "mentor": {"shared"}}


def test_the_demo_has_follow_ups_done_and_late_and_a_champion_log(demo: Store) -> None:
    sam = demo.list_mentorships()[0].mentorship.id
    statuses = sorted(r.follow_up.status for r in demo.list_follow_ups("all"))
    assert statuses == ["done", "done", "open", "open", "open"]
    assert {e.kind for e in demo.champion_entries(sam)} == {"credit", "introduction", "advice"}
    assert not demo.needs_champion_nudge(sam)


def test_the_demo_database_is_removed_afterwards() -> None:
    with demo_database(TODAY) as path:
        opened = Store.open(path)
        assert opened.list_mentorships()
        opened.close()
        folder = path.parent
    assert not folder.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--demo", "--db", "mine.db"], "rm-tui: --demo uses a throwaway database of its own; leave out --db\n"),
        (["--demo", "where"], "rm-tui: --demo opens the app on its own; leave it out of other commands\n"),
    ],
)
def test_demo_refuses_what_would_touch_real_data(tmp_path: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.output == message
    assert not (tmp_path / "mine.db").exists() and not Path("mine.db").exists()
