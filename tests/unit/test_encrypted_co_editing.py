"""Two processes writing one encrypted database at once: none of their changes is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from rm_tui.passphrase import KEY_ENV
from rm_tui.store import Store
from rm_tui.store.driver import Key
from tests.conftest import TODAY, draft

ROOT = Path(__file__).resolve().parents[2]


def test_two_processes_on_an_encrypted_database_lose_no_change(tmp_path: Path) -> None:
    db_path = tmp_path / "secret.db"
    key = Key.new("two windows, one file")
    store = Store.open(db_path, key=key, today=lambda: TODAY)
    session = store.plan_session(store.create_mentorship(draft()))
    changes = 200  # fewer than the plain test's: the point is the key in both processes
    start_at = time.time() + 1.5
    workers = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.encrypted_co_edit_worker", str(db_path), str(session), tag, str(changes),
             str(start_at)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, KEY_ENV: key.hex()},
        )
        for tag in ("A", "B")
    ]
    results = [worker.communicate(timeout=240) for worker in workers]
    for worker, (_, err) in zip(workers, results, strict=True):
        assert worker.returncode == 0, err
    agenda = store.agenda(session)
    for tag in ("A", "B"):
        assert len([i for i in agenda if i.title.startswith(f"{tag}-item-")]) == changes // 4
    notes = store.notes(session, None, "leader")
    assert sorted(len(n.body.splitlines()) for n in notes) == [changes // 4, changes // 4]
    assert store.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
    store.close()
    assert b"A-item-" not in db_path.read_bytes()
