"""The schema, as numbered migrations.

Migration N brings a database from schema N-1 to N; `PRAGMA user_version` holds the
number a database is at. Never edit a released migration: append a new one, so a
database made by any earlier release opens in this one with its data.
"""

from __future__ import annotations

from collections.abc import Callable

from . import driver

Step = str | Callable[[driver.Connection], None]
"""One step of a migration: SQL, or a function for what sqlite-utils writes better."""

_NOW = "(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))"
_STAMPS = f"created_at TEXT NOT NULL DEFAULT {_NOW}, updated_at TEXT NOT NULL DEFAULT {_NOW}"

_SCHEMA_1: list[Step] = [
    f"""CREATE TABLE mentorships (
        id INTEGER PRIMARY KEY,
        leader TEXT NOT NULL,
        mentor TEXT NOT NULL,
        expertise TEXT NOT NULL DEFAULT '',
        focus TEXT NOT NULL DEFAULT '',
        manager_informed INTEGER NOT NULL DEFAULT 0 CHECK (manager_informed IN (0, 1)),
        cadence_days INTEGER NOT NULL DEFAULT 14 CHECK (cadence_days BETWEEN 1 AND 365),
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'ended')),
        {_STAMPS}
    )""",
    f"""CREATE TABLE learning_goals (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        gap TEXT NOT NULL,
        question TEXT NOT NULL DEFAULT '',
        learned_on TEXT,
        position INTEGER NOT NULL DEFAULT 0,
        {_STAMPS}
    )""",
    "CREATE INDEX learning_goals_by_mentorship ON learning_goals(mentorship_id, position)",
    f"""CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        scheduled_on TEXT NOT NULL,
        minutes INTEGER NOT NULL DEFAULT 45 CHECK (minutes > 0),
        status TEXT NOT NULL DEFAULT 'planned'
            CHECK (status IN ('planned', 'live', 'held', 'cancelled')),
        started_at TEXT,
        ended_at TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        {_STAMPS}
    )""",
    "CREATE INDEX sessions_by_mentorship ON sessions(mentorship_id, scheduled_on)",
    """CREATE TABLE topics (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        category TEXT NOT NULL,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL,
        minutes INTEGER NOT NULL,
        why TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL CHECK (source IN ('builtin', 'user')),
        source_file TEXT NOT NULL,
        position INTEGER NOT NULL
    )""",
    "CREATE INDEX topics_by_category ON topics(category, position)",
    f"""CREATE TABLE agenda_items (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        category TEXT,
        topic_id INTEGER REFERENCES topics(id) ON DELETE SET NULL,
        minutes INTEGER NOT NULL DEFAULT 10 CHECK (minutes > 0),
        proposed_by TEXT NOT NULL CHECK (proposed_by IN ('leader', 'mentor')),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'discussed', 'dropped')),
        carried_from_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        carry_count INTEGER NOT NULL DEFAULT 0,
        elapsed_seconds INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        {_STAMPS}
    )""",
    "CREATE INDEX agenda_items_by_session ON agenda_items(session_id, position)",
    f"""CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE CASCADE,
        author TEXT NOT NULL CHECK (author IN ('leader', 'mentor')),
        visibility TEXT NOT NULL DEFAULT 'shared'
            CHECK (visibility IN ('shared', 'private', 'off_record')),
        body TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        {_STAMPS}
    )""",
    "CREATE INDEX notes_by_session ON notes(session_id, agenda_item_id)",
    f"""CREATE TABLE follow_ups (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        agenda_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL,
        title TEXT NOT NULL,
        owner TEXT NOT NULL CHECK (owner IN ('leader', 'mentor')),
        due_on TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
        done_on TEXT,
        version INTEGER NOT NULL DEFAULT 1,
        {_STAMPS}
    )""",
    "CREATE INDEX follow_ups_by_mentorship ON follow_ups(mentorship_id, status, due_on)",
    "CREATE INDEX follow_ups_by_session ON follow_ups(session_id)",
    # User preferences (e.g. whether to show the ground rules) and internal
    # bookkeeping (e.g. the topic files' fingerprint) are simple key/value pairs.
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
]

# 2: agenda items can stand for an open follow-up brought into the next meeting, and
# a session remembers whether its ground rules were shown.
_SCHEMA_2: list[Step] = [
    "ALTER TABLE agenda_items ADD COLUMN follow_up_id INTEGER REFERENCES follow_ups(id) ON DELETE SET NULL",
    "ALTER TABLE sessions ADD COLUMN rules_shown INTEGER NOT NULL DEFAULT 0",
    "CREATE INDEX agenda_items_by_follow_up ON agenda_items(follow_up_id)",
]

# 3: a live session remembers which agenda item is being discussed and since when,
# so the item timers survive a restart and every process shows the same one.
_SCHEMA_3: list[Step] = [
    "ALTER TABLE sessions ADD COLUMN current_item_id INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL",
    "ALTER TABLE sessions ADD COLUMN current_since TEXT",
    "CREATE INDEX follow_ups_by_item ON follow_ups(agenda_item_id)",
]

# 4: the champion log, what the leader did for the mentor in return.
_SCHEMA_4: list[Step] = [
    f"""CREATE TABLE champion_entries (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        session_id INTEGER REFERENCES sessions(id) ON DELETE SET NULL,
        kind TEXT NOT NULL CHECK (kind IN ('credit', 'nomination', 'introduction', 'acknowledgment',
                                            'advice', 'connection', 'other')),
        note TEXT NOT NULL DEFAULT '',
        happened_on TEXT NOT NULL,
        {_STAMPS}
    )""",
    "CREATE INDEX champion_by_mentorship ON champion_entries(mentorship_id, happened_on)",
]

# 5: two windows editing one note or agenda item at once keep both texts: the later
# save becomes a copy beside the original, pointing at it, instead of overwriting it.
_SCHEMA_5: list[Step] = [
    "ALTER TABLE notes ADD COLUMN conflict_of INTEGER REFERENCES notes(id) ON DELETE SET NULL",
    "ALTER TABLE agenda_items ADD COLUMN conflict_of INTEGER REFERENCES agenda_items(id) ON DELETE SET NULL",
]

# 6: the guided start: what impressed the leader, what they offer in return, when
# they talked to the mentor's manager, and the ask as they last edited it.
_SCHEMA_6: list[Step] = [
    f"""CREATE TABLE mentorship_setup (
        mentorship_id INTEGER PRIMARY KEY REFERENCES mentorships(id) ON DELETE CASCADE,
        impressed_by TEXT NOT NULL DEFAULT '',
        offer TEXT NOT NULL DEFAULT '',
        manager_talked_on TEXT,
        ask_text TEXT NOT NULL DEFAULT '',
        {_STAMPS}
    )""",
]

# The tables full-text search covers, and their searchable columns.
SEARCHED: dict[str, list[str]] = {
    "notes": ["body"],
    "agenda_items": ["title", "prompt"],
    "follow_ups": ["title"],
    "topics": ["title", "prompt", "why"],
}


def _full_text_search(db: driver.Connection) -> None:
    """7: an FTS5 index per searched table, filled now and kept in step by triggers.

    The triggers update the index inside the same transaction as every write, so a
    search never misses a change, whichever process or thread made it.
    """
    # sqlite-utils builds the index and its triggers. It is imported here, when a
    # database is upgraded, rather than on every start: it and what it loads cost
    # the app about 60 ms of start-up and 4 MB of memory, for nothing day to day.
    from sqlite_utils import Database

    # The connection is sqlcipher3's (rm_tui.store.driver), whose exceptions are not the
    # standard library's: the sqlite-utils methods that catch sqlite3.OperationalError
    # (table.drop(ignore=True), query() of INSERT ... RETURNING) would let them through.
    # enable_fts catches none, and it is all that is used here (tests/unit/test_encryption.py).
    tables = Database(db, execute_plugins=False)
    for table, columns in SEARCHED.items():
        tables.table(table).enable_fts(columns, fts_version="FTS5", create_triggers=True, tokenize="porter")


# 8: a stale item (carried again and again) can be kept: the pair decided to do it at
# this meeting, so it stops being flagged. Each carried copy starts undecided again.
_SCHEMA_8: list[Step] = [
    "ALTER TABLE agenda_items ADD COLUMN kept INTEGER NOT NULL DEFAULT 0 CHECK (kept IN (0, 1))",
]


def _index_only_on_text_changes(db: driver.Connection) -> None:
    """9: the full-text index is rewritten only when indexed text changes.

    sqlite-utils' update triggers fire on any column, so reordering an agenda, bumping
    a version or changing a status rewrote every touched row's index entry, inside the
    write lock another window may be waiting for. Same triggers, narrowed to the text.
    """
    for table, columns in SEARCHED.items():
        names = ", ".join(f'"{c}"' for c in columns)
        old = ", ".join(f'old."{c}"' for c in columns)
        new = ", ".join(f'new."{c}"' for c in columns)
        db.execute(f'DROP TRIGGER IF EXISTS "{table}_au"')
        db.execute(
            f'CREATE TRIGGER "{table}_au" AFTER UPDATE OF {names} ON "{table}" BEGIN\n'
            f'  INSERT INTO "{table}_fts" ("{table}_fts", rowid, {names}) VALUES(\'delete\', old.rowid, {old});\n'
            f'  INSERT INTO "{table}_fts" (rowid, {names}) VALUES (new.rowid, {new});\n'
            "END"
        )


# 9 also indexes what carry-over looks up on every plan and end: which items were
# carried from an item (those from a follow-up are indexed since migration 2).
_SCHEMA_9: list[Step] = [
    _index_only_on_text_changes,
    "CREATE INDEX agenda_items_by_source ON agenda_items(carried_from_id)",
]

# 10: an item not marked done may still have been discussed (notes, time on its timer);
# the meeting's end writes down whether each such item carries over, and the pair may
# say otherwise on the summary. NULL: not decided yet (a meeting still to end). Items
# of meetings held before this read as carried over, as they were.
_SCHEMA_10: list[Step] = [
    "ALTER TABLE agenda_items ADD COLUMN carry_over INTEGER CHECK (carry_over IN (0, 1))",
    "UPDATE agenda_items SET carry_over = 1 WHERE status = 'open' "
    "AND session_id IN (SELECT id FROM sessions WHERE status = 'held')",
]

# 11: standing items. An item pinned to a mentorship joins every planned agenda; the copy
# on an agenda names the standing item it came from (at most one copy per agenda), so
# joining again finds it there, and carry-over leaves it be: it is there next time anyway.
# Unpinning keeps the row (unpinned_at), so the copies in meetings held stay what they were.
_SCHEMA_11: list[Step] = [
    f"""CREATE TABLE standing_items (
        id INTEGER PRIMARY KEY,
        mentorship_id INTEGER NOT NULL REFERENCES mentorships(id) ON DELETE CASCADE,
        title TEXT NOT NULL,
        prompt TEXT NOT NULL DEFAULT '',
        category TEXT,
        minutes INTEGER NOT NULL CHECK (minutes > 0),
        proposed_by TEXT NOT NULL CHECK (proposed_by IN ('leader', 'mentor')),
        position INTEGER NOT NULL,
        unpinned_at TEXT,
        {_STAMPS}
    )""",
    "CREATE INDEX standing_items_by_mentorship ON standing_items(mentorship_id, position)",
    "ALTER TABLE agenda_items ADD COLUMN standing_id INTEGER REFERENCES standing_items(id) ON DELETE SET NULL",
    "CREATE UNIQUE INDEX agenda_items_one_per_standing ON agenda_items(session_id, standing_id) "
    "WHERE standing_id IS NOT NULL",
]

MIGRATIONS: list[list[Step]] = [_SCHEMA_1, _SCHEMA_2, _SCHEMA_3, _SCHEMA_4, _SCHEMA_5, _SCHEMA_6,
                                [_full_text_search], _SCHEMA_8, _SCHEMA_9, _SCHEMA_10, _SCHEMA_11]
"""MIGRATIONS[n - 1] brings a database to schema version n: SQL, or a function for what
sqlite-utils writes better than we would (the search index and its triggers)."""

LATEST_VERSION = len(MIGRATIONS)
