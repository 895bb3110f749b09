"""The small databases the terminal benchmarks start from."""

from __future__ import annotations

from pathlib import Path

from rm_tui.models import MentorshipDraft
from rm_tui.store import Store


def one_planned_session(folder: str) -> tuple[Path, Store, int]:
    """A new database in `folder` with Dana and Sam's next session, its ground rules seen.

    Returns the file, the store still open on it, and the session's id.
    """
    db = Path(folder) / "bench.db"
    store = Store.open(db)
    session = store.plan_session(store.create_mentorship(MentorshipDraft(leader="Dana", mentor="Sam")))
    store.mark_rules_shown(session)
    return db, store, session
