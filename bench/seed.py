"""The small databases the terminal benchmarks start from."""

from __future__ import annotations

import shutil
from pathlib import Path

from rm_tui.models import MentorshipDraft
from rm_tui.store import Store
from rm_tui.store.driver import Key


def one_planned_session(folder: str, start_from: Path | None = None, key: Key | None = None) -> tuple[Path, Store, int]:
    """A database in `folder` with Dana and Sam's next session, its ground rules seen.

    New, or a copy of `start_from` (such as five years of meetings) with Sam added;
    `key` is that file's key when it is encrypted (a copy keeps the salt, so the key).
    Returns the file, the store still open on it, and the session's id.
    """
    db = Path(folder) / "bench.db"
    if start_from is not None:
        shutil.copyfile(start_from, db)
        db.chmod(0o600)
    store = Store.open(db, key=key)
    session = store.plan_session(store.create_mentorship(MentorshipDraft(leader="Dana", mentor="Sam")))
    store.mark_rules_shown(session)
    return db, store, session
