"""Finding a row by what a person typed, on a bare connection.

`rm-tui due` runs on every shell prompt and opens no Store; it names a mentorship
the way every other command does, with the same words when there is none. So the
lookup and its 'not found' wording live here, and the Store uses them too.
"""

from __future__ import annotations

from ..errors import NotFound, ValidationError
from . import driver

MISSING_TABLES = {
    "mentorship": "mentorships", "learning goal": "learning_goals", "session": "sessions",
    "agenda item": "agenda_items", "note": "notes", "follow-up": "follow_ups", "topic": "topics",
    "champion entry": "champion_entries",
}
"""The table behind each noun a NotFound names ('session 99'): where to look up what became of the id."""


def not_found(db: driver.Connection, missing: str) -> NotFound:
    """NotFound for `missing` ('session 99'), in words that are true of that id.

    SQLite gives a new row the largest id in its table plus one (no table asks
    for AUTOINCREMENT), so every id up to the largest was once given: one of
    those that is gone was removed, and 'no longer exists'. Above it, the id was
    never given (a typo in `rm-tui export --session 99`), or was the last one
    and removed: that can't be told, nor can a row this viewer may not see be
    admitted to, so those are 'there is no session 99'.
    """
    noun, _, number = missing.rpartition(" ")
    table = MISSING_TABLES.get(noun)
    if table is None or not number.isdigit():
        return NotFound(f"there is no {missing}")
    row_id = int(number)
    largest, present = db.execute(  # {table}: one of MISSING_TABLES' own names, never typed text
        f"SELECT (SELECT max(id) FROM {table}), EXISTS (SELECT 1 FROM {table} WHERE id = ?)", [row_id]
    ).fetchone()
    if present or largest is None or not 0 < row_id <= largest:
        return NotFound(f"there is no {missing}")
    return NotFound(f"{missing} no longer exists")


def find_mentorship_id(db: driver.Connection, wanted: str, within: int | None) -> int:
    """A mentorship by id, or by a piece of the mentor's name that matches only one.

    `within`: the one mentorship a narrowed scope sees (None: every one); any other
    is 'there is no mentorship N', as if absent. Ended mentorships are found too.
    """
    if wanted.strip().isdigit():
        mentorship_id = int(wanted)
        if within is not None and within != mentorship_id:
            raise NotFound(f"there is no mentorship {mentorship_id}")
        if db.execute("SELECT 1 FROM mentorships WHERE id = ?", [mentorship_id]).fetchone() is None:
            raise not_found(db, f"mentorship {mentorship_id}")
        return mentorship_id
    needle = wanted.strip().lower()
    rows = db.execute("SELECT id, mentor FROM mentorships WHERE (? IS NULL OR id = ?) ORDER BY id", [within, within])
    matches = [(row[0], row[1]) for row in rows if needle in row[1].lower()]
    if len(matches) == 1:
        return int(matches[0][0])
    if not matches:
        raise NotFound(f"no mentorship with a mentor called {wanted!r}")
    names = ", ".join(f"{mentor} (id {mentorship_id})" for mentorship_id, mentor in matches)
    raise ValidationError("mentorship", f"{wanted!r} matches several mentorships: {names}; use the id")
