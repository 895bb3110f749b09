"""`rm-tui serve` on an encrypted database: each tab's process gets the raw key, by environment only."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.passphrase import KEY_ENV
from rm_tui.store import Store
from rm_tui.store.driver import Key
from rm_tui.web import MentorServer
from tests.conftest import draft

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "a quiet library"


def test_each_tab_opens_the_encrypted_database_with_a_key_never_on_its_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "rm.db"
    seeded = Store.open(db, key=Key.new(PASSPHRASE))
    seeded.plan_session(seeded.create_mentorship(draft(mentor="Sam Ortiz")))
    seeded.close()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    secret.chmod(0o600)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    seen: dict[str, object] = {}
    announce = MentorServer.announce

    def open_a_tab_then_stop(self: MentorServer) -> None:
        announce(self)
        seen["command"] = self.command
        # What textual-serve does for each tab: its command, through a shell, with this
        # process's environment. `sessions` makes the tab's rm-tui print instead of draw.
        tab = subprocess.run(
            f"{self.command} sessions", shell=True, cwd=ROOT, capture_output=True, text=True,
            env=dict(os.environ), stdin=subprocess.DEVNULL, timeout=60,
        )
        seen["tab"] = (tab.returncode, tab.stdout, tab.stderr)
        asyncio.get_running_loop().call_soon(self.request_exit)  # as Ctrl+C does

    monkeypatch.setattr(MentorServer, "announce", open_a_tab_then_stop, raising=True)
    try:
        result = CliRunner().invoke(
            cli, ["--db", str(db), "--passphrase-file", str(secret), "serve", "--port", str(port)]
        )
    finally:
        asyncio.set_event_loop(None)
    assert result.exit_code == 0, result.output
    code, out, err = seen["tab"]  # type: ignore[misc]
    assert code == 0, err
    assert "Sam Ortiz" in out
    key = Key.for_file(PASSPHRASE, db)
    assert key.hex() not in str(seen["command"]) and PASSPHRASE not in str(seen["command"])
    assert KEY_ENV not in os.environ  # only while serving
