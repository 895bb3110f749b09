"""`rm-tui serve`: where it listens, what it shares, and what it refuses before starting."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.errors import NotFound, ValidationError
from rm_tui.serving import (
    ServeRefused,
    SharedMentorship,
    choose_shared_mentorship,
    how_to_reach,
    mentor_command,
    network_address,
    serve_address,
    serve_command,
)
from rm_tui.store import Store
from rm_tui.web import MentorServer, mentor_server
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
        (["--host", "example.com"], "rm-tui: --host must be an IP address of this computer"),
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


def test_on_loopback_it_says_only_this_computer_gets_in_and_the_command_for_the_mentors() -> None:
    lines = how_to_reach(serve_address("127.0.0.1", 8000), "192.168.1.20", ["rm-tui", "serve"])
    assert lines[0].startswith("Only a browser on this computer can open it.")
    assert lines[1:] == ["stop and serve on your network address (that link holds a secret too):",
                         "  rm-tui serve --host 192.168.1.20"]
    assert all(len(line) < 78 for line in lines)  # no line wraps in an 80-column terminal


def test_without_a_network_address_the_hint_names_what_to_put_there() -> None:
    lines = how_to_reach(serve_address("127.0.0.1", 8000), None, ["rm-tui", "serve"])
    assert lines[2:] == ["  rm-tui serve --host ADDRESS",
                         "  (ADDRESS: this computer's address on your network, in its network settings)"]


def test_on_a_network_address_it_warns_that_the_link_is_the_key_instead() -> None:
    lines = how_to_reach(serve_address("192.168.1.20", 8000), "192.168.1.20", ["rm-tui", "serve"])
    assert lines == ["Anyone with this link can open the mentor's view: send it to the mentor alone."]


def test_the_hint_repeats_the_choices_the_command_was_run_with(tmp_path: Path) -> None:
    assert serve_command(None, None, 8000) == ["rm-tui", "serve"]
    assert serve_command(tmp_path / "my notes.db", "Sam", 8001) == [
        "rm-tui", "--db", str(tmp_path / "my notes.db"), "serve", "--mentorship", "Sam", "--port", "8001"]
    command = serve_command(tmp_path / "my notes.db", None, 8001)
    hint = how_to_reach(serve_address("127.0.0.1", 8001), "10.0.0.5", command)
    assert hint[2] == f"  rm-tui --db '{tmp_path / 'my notes.db'}' serve --port 8001 --host 10.0.0.5"


def test_the_network_address_is_never_a_loopback_one() -> None:
    found = network_address()
    assert found is None or not ipaddress.ip_address(found).is_loopback


def test_serve_prints_the_hint_beside_the_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As a person runs it: `rm-tui serve` on loopback, then Ctrl+C (here: the server asked to stop)."""
    seeded = Store.open(tmp_path / "rm.db")
    seeded.create_mentorship(draft(mentor="Sam Ortiz"))
    seeded.close()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setattr("rm_tui.web.network_address", lambda: "192.168.1.20")

    announce = MentorServer.announce

    def stop_once_announced(self: MentorServer) -> None:
        announce(self)
        asyncio.get_running_loop().call_soon(self.request_exit)  # as Ctrl+C does

    monkeypatch.setattr(MentorServer, "announce", stop_once_announced, raising=True)
    try:
        result = CliRunner().invoke(cli, ["--db", str(tmp_path / "rm.db"), "serve", "--port", str(port)])
    finally:
        asyncio.set_event_loop(None)
    lines = result.output.splitlines()
    shared = next(n for n, line in enumerate(lines) if line.startswith("Share this address with your mentor: "))
    assert lines[shared + 1].startswith("  Only a browser on this computer can open it. For the mentor's own computer")
    assert lines[shared + 3] == f"    rm-tui --db {tmp_path / 'rm.db'} serve --port {port} --host 192.168.1.20"
    assert result.exit_code == 0 and lines[-1] == "Stopped serving."


def test_serve_help_says_who_opens_the_link_and_what_they_see() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    text = " ".join(result.output.split())
    assert "Let the mentor join from a web browser" in text
    assert "Never your private or off-record notes" in text
    assert "only a browser on this computer can open it" in text
    assert "--host ADDRESS Who can open the link." in text
