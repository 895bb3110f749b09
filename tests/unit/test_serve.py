"""`rm-tui serve`: where it listens, what it shares, and what it refuses before starting."""

from __future__ import annotations

import asyncio
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.errors import NotFound, ValidationError
from rm_tui.serving import ServeRefused, SharedMentorship, choose_shared_mentorship, mentor_command, serve_address
from rm_tui.store import Store
from rm_tui.web import mentor_server
from tests.conftest import draft


def test_the_shared_address_carries_a_fresh_secret() -> None:
    first, second = serve_address("127.0.0.1", 8000), serve_address("127.0.0.1", 8000)
    assert first.share_url == f"http://127.0.0.1:8000/?token={first.token}"
    assert len(first.token) >= 24 and first.token != second.token
    assert first.is_loopback
    assert serve_address("::1", 8001).share_url.startswith("http://[::1]:8001/?token=")
    assert not serve_address("192.168.1.20", 8000).is_loopback


@pytest.mark.parametrize(
    ("host", "port", "message"),
    [
        ("0.0.0.0", 8000, "listens everywhere"),
        ("::", 8000, "listens everywhere"),
        ("meeting-room", 8000, "must be an IP address"),
        ("127.0.0.1", 0, "between 1 and 65535"),
        ("127.0.0.1", 70000, "between 1 and 65535"),
    ],
)
def test_an_address_that_cannot_be_shared_is_refused(host: str, port: int, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        serve_address(host, port)


def test_each_tab_runs_the_mentors_view_of_one_mentorship(tmp_path: Path) -> None:
    command = mentor_command(tmp_path / "my notes.db", 3)
    assert command.endswith(f"-m rm_tui --db '{tmp_path / 'my notes.db'}' --as mentor --only 3")


def test_the_page_shares_one_mentorship_and_says_which_when_there_are_several(store: Store) -> None:
    with pytest.raises(ServeRefused, match="no mentorship to share yet"):
        choose_shared_mentorship(store, None)
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    assert choose_shared_mentorship(store, None) == SharedMentorship(sam, "Sam Ortiz")
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    with pytest.raises(ServeRefused, match=rf"several mentorships; .*--mentorship: .*Priya Nair \(id {priya}\)"):
        choose_shared_mentorship(store, None)
    assert choose_shared_mentorship(store, "priya") == SharedMentorship(priya, "Priya Nair")
    with pytest.raises(NotFound, match="no mentorship with a mentor called 'Alex'"):
        choose_shared_mentorship(store, "Alex")


def test_a_store_kept_to_one_mentorship_lists_nothing_of_the_others(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    store.add_follow_up(sam, title="Try the scheduler", owner="leader", due="+7d")
    store.add_follow_up(priya, title="Priya's reading list", owner="mentor", due="+7d")
    store.keep_to(sam)
    assert [o.mentorship.mentor for o in store.list_mentorships(include_ended=True)] == ["Sam Ortiz"]
    assert [r.follow_up.title for r in store.list_follow_ups("all")] == ["Try the scheduler"]
    assert [r.follow_up.title for r in store.list_follow_ups("all", mentorship_id=priya)] == ["Try the scheduler"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--host", "0.0.0.0"], "rm-tui: --host 0.0.0.0 listens everywhere"),
        (["--host", "example.com"], "rm-tui: --host must be an IP address of this machine"),
    ],
)
def test_serve_refuses_a_bad_address_in_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    db = tmp_path / "rm.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "serve", *args])
    assert result.exit_code == 2
    assert result.output.startswith(message) and result.output.count("\n") == 1
    assert not db.exists()  # nothing was created


def test_serve_refuses_a_port_in_use_before_printing_an_address(tmp_path: Path) -> None:
    seeded = Store.open(tmp_path / "rm.db")
    seeded.create_mentorship(draft())
    seeded.close()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "rm.db"), "serve", "--port", str(port)])
    assert result.exit_code == 2
    assert result.output == (
        f"rm-tui: cannot listen on http://127.0.0.1:{port}: Address already in use; choose another with --port\n"
    )


def test_serve_refuses_a_file_that_is_no_rm_tui_database(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all")
    result = CliRunner().invoke(cli, ["--db", str(junk), "serve"])
    assert result.exit_code == 2
    assert "is not an rm-tui database" in result.output
    assert junk.read_bytes() == b"not a database at all"


def test_the_address_is_printed_only_once_the_port_takes_connections(tmp_path: Path) -> None:
    """Whoever opens the printed address at once gets in: it used to be printed before the port listened."""
    seeded = Store.open(tmp_path / "rm.db")
    seeded.create_mentorship(draft())
    shared = choose_shared_mentorship(seeded, None)
    seeded.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    reached: list[object] = []

    def say(line: str) -> None:
        if line.startswith("Share this address"):
            try:  # at this very moment, before the server runs another line
                socket.create_connection(("127.0.0.1", port), timeout=5).close()
                reached.append("listening")
            except OSError as error:
                reached.append(error)
            asyncio.get_running_loop().call_soon(server.request_exit)  # as Ctrl+C does

    server = mentor_server(tmp_path / "rm.db", shared, serve_address("127.0.0.1", port), say=say)
    try:
        server.serve()
    finally:
        asyncio.set_event_loop(None)  # serve() closed its loop: leave none behind for the next test
    assert reached == ["listening"]
