"""One of two processes hammering one database file, for the co-editing tests.

Run as `python -m tests.co_edit_worker DB SESSION TAG CHANGES START_AT`: it waits
until START_AT (a time.time() value) so both processes write at once, then makes
CHANGES changes through the store, four kinds in turn: add an agenda item, append
a line to its own note, add a follow-up, move one of its items to the top (a
read-then-write). Any exception ('database is locked' among them) ends it with
a traceback and a non-zero exit status, which the test reports.
"""

from __future__ import annotations

import sys
import time

from rm_tui.models import NoteText
from rm_tui.store import Store


def main(db: str, session_id: int, tag: str, changes: int, start_at: float) -> None:
    store = Store.open(db)
    mentorship_id = store.get_session(session_id).mentorship_id
    role = "mentor" if tag == "B" else "leader"
    note_id: int | None = None
    version: int | None = None
    lines: list[str] = []
    my_items: list[int] = []
    time.sleep(max(0.0, start_at - time.time()))
    for n in range(changes):
        kind = n % 4
        if kind == 0:
            my_items.append(store.add_agenda_item(session_id, title=f"{tag}-item-{n}", proposed_by=role))
        elif kind == 1:
            lines.append(f"{tag}-line-{n}")
            saved = store.save_note(NoteText(note_id, session_id, None, role, "shared", "\n".join(lines), version))
            assert saved is not None and saved.forked_from is None, "its own note never clashes"
            note_id, version = saved.note_id, saved.version
        elif kind == 2:
            store.add_follow_up(mentorship_id, title=f"{tag}-follow-up-{n}", owner=role, due="+7d")
        else:
            store.move_agenda_item(my_items[-1], 0)
    store.close()


if __name__ == "__main__":
    db, session, tag, changes, start_at = sys.argv[1:6]
    main(db, int(session), tag, int(changes), float(start_at))
