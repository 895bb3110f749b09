"""The recap for the mentor: what it holds, its mail link, and `rm-tui recap` as a person types it."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import unquote

import pytest
from click.testing import CliRunner, Result

from rm_tui.__main__ import cli
from rm_tui.errors import NotFound
from rm_tui.models import NoteText
from rm_tui.recap import CUT_LINE, NotHeldYet, gather_recap, mailto_url, recap_markdown, recap_subject
from rm_tui.scope import Scope
from rm_tui.store import Store
from tests.conftest import FakeClock, draft


def held_meeting(store: Store, clock: FakeClock) -> tuple[int, int]:
    """A held meeting: one item done, one discussed, one not reached; notes of every kind; two follow-ups."""
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz", leader="Dana Whitfield"))
    session = store.plan_session(mentorship)
    done, talked, untouched = (store.add_agenda_item(session, title=t, proposed_by="leader", minutes=10)
                               for t in ("A real task in Notion", "Our *all-hands*", "Saying no"))
    store.start_session(session)
    store.set_item_status(done, "discussed")
    store.save_note(NoteText(None, session, done, "mentor", "shared", "Boards, not docs. [x]: http://e.example"))
    store.save_note(NoteText(None, session, talked, "leader", "shared", "Shorter, with questions."))
    store.save_note(NoteText(None, session, talked, "leader", "private", "I am behind on this"))
    store.save_note(NoteText(None, session, None, "leader", "off_record", "reorg rumours"))
    store.save_note(NoteText(None, session, None, "leader", "shared", "A good first hour."))
    clock.advance(minutes=3)
    store.add_follow_up(mentorship, title="Send the board", owner="mentor", due="2026-12-08", session_id=session)
    store.add_follow_up(mentorship, title="Ask the comms team", owner="leader", due="", session_id=session)
    store.end_session(session)
    assert untouched
    return mentorship, session


def test_the_recap_holds_shared_notes_follow_ups_with_owners_and_dates_and_what_carries_over(
    store: Store, clock: FakeClock
) -> None:
    _, session = held_meeting(store, clock)
    text = recap_markdown(gather_recap(store, session))
    assert text.startswith("# Recap of our meeting, Tue 24 Nov 2026\n")
    assert "### A real task in Notion (done)" in text
    assert "### Our \\*all-hands\\* (discussed)" in text  # escaped as the export escapes titles
    assert "> Boards, not docs. \\[x]: http://e.example" in text  # a note cannot define a link
    assert "> Shorter, with questions." in text and "> A good first hour." in text
    assert "- [ ] Send the board — Sam Ortiz, due Tue 08 Dec 2026" in text
    assert "- [ ] Ask the comms team — Dana Whitfield, no due date" in text
    assert text.split("## Carries over to next time\n")[1].strip().splitlines() == ["- Saying no"]
    assert "behind" not in text and "rumours" not in text


def test_the_leader_and_the_mentor_get_the_same_recap(store: Store, clock: FakeClock) -> None:
    _, session = held_meeting(store, clock)
    as_leader = recap_markdown(gather_recap(store, session))
    store.scope = Scope("mentor")
    assert recap_markdown(gather_recap(store, session)) == as_leader


def test_a_meeting_not_held_has_no_recap(store: Store) -> None:
    session = store.plan_session(store.create_mentorship(draft()))
    with pytest.raises(NotHeldYet, match=f"session {session} is still planned"):
        gather_recap(store, session)
    store.start_session(session)
    with pytest.raises(NotHeldYet, match="is still running"):
        gather_recap(store, session)


def test_a_window_kept_to_one_mentorship_finds_no_recap_of_another(store: Store, clock: FakeClock) -> None:
    _, session = held_meeting(store, clock)
    other = store.create_mentorship(draft(mentor="Samira Khan"))
    store.keep_to(other)
    with pytest.raises(NotFound):
        gather_recap(store, session)


def test_a_short_recap_goes_whole_into_the_mail_link(store: Store, clock: FakeClock) -> None:
    _, session = held_meeting(store, clock)
    recap = gather_recap(store, session)
    url = mailto_url(recap_subject(recap), recap_markdown(recap))
    assert url.startswith("mailto:?subject=Recap%20of%20our%20meeting%2C%20Tue%2024%20Nov%202026&body=")
    assert unquote(url.split("&body=")[1]).replace("\r\n", "\n") == recap_markdown(recap)


def test_a_long_recap_is_cut_at_a_line_and_points_to_the_saved_file() -> None:
    body = "\n".join(f"line {n} of a long recap" for n in range(300))
    url = mailto_url("Recap", body)
    assert len(url) <= 2000
    sent = unquote(url.split("&body=")[1]).split("\r\n")
    assert sent[-2:] == ["", CUT_LINE]
    assert sent[:-2] == body.splitlines()[:len(sent) - 2]  # whole lines, from the start
    assert len(sent) > 40


# -- rm-tui recap ------------------------------------------------------------------------------


def run(db: Path, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def test_recap_prints_the_recap(store: Store, clock: FakeClock, db_path: Path) -> None:
    _, session = held_meeting(store, clock)
    result = run(db_path, "recap", "--session", str(session))
    assert result.exit_code == 0, result.output
    assert result.output == recap_markdown(gather_recap(store, session))


def test_recap_writes_a_file_and_replaces_it_only_with_force(store: Store, clock: FakeClock, db_path: Path,
                                                            tmp_path: Path) -> None:
    _, session = held_meeting(store, clock)
    target = tmp_path / "recap.md"
    assert run(db_path, "recap", "--session", str(session), "-o", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == recap_markdown(gather_recap(store, session))
    target.write_text("mine", encoding="utf-8")
    refused = run(db_path, "recap", "--session", str(session), "-o", str(target))
    assert refused.exit_code == 2
    assert refused.output == f"rm-tui: {target} already exists; add --force to replace it\n"
    assert target.read_text(encoding="utf-8") == "mine"
    assert run(db_path, "recap", "--session", str(session), "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# Recap")


@pytest.mark.parametrize(("args", "message"), [
    (("--session", "99"), "rm-tui: there is no session 99\n"),
    ((), "rm-tui: missing option '--session' (see rm-tui recap --help)\n"),
    (("--session", "soon"), None),
])
def test_recap_refuses_bad_input_in_one_line(store: Store, db_path: Path, tmp_path: Path,
                                             args: tuple[str, ...], message: str | None) -> None:
    store.create_mentorship(draft())
    target = tmp_path / "recap.md"
    result = run(db_path, "recap", *args, "-o", str(target))
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("rm-tui: ")
    if message is not None:
        assert result.output == message
    assert not target.exists()


def test_recap_of_a_meeting_still_planned_is_refused(store: Store, db_path: Path) -> None:
    session = store.plan_session(store.create_mentorship(draft()), scheduled_on=date(2026, 12, 1))
    result = run(db_path, "recap", "--session", str(session))
    assert result.exit_code == 2
    assert result.output == f"rm-tui: session {session} is still planned: a recap follows a meeting that was held\n"
