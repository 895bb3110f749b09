"""A new database, made in one step from the schema every migration together reaches.

Running the migrations one by one on a new file cost the first start most of its
time: the search index's migration loads sqlite-utils (and what it loads) to write
the index and its triggers. schema.sql holds what they make, in the order they make
it; a new file runs that, and an existing one is migrated as before.

schema.sql is written from the migrations, never by hand:

    python -m rm_tui.store.fresh_schema > rm_tui/store/schema.sql

and a test makes a database both ways and compares every table, index, trigger and
setting, so a new migration without a new schema.sql fails there.
"""

from __future__ import annotations

from pathlib import Path

from . import driver

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
FTS5_SHADOWS = ("_data", "_idx", "_content", "_docsize", "_config")
"""The tables SQLite makes itself for each FTS5 index: made again by its CREATE VIRTUAL TABLE."""


def create_latest(db: driver.Connection) -> None:
    """Make the latest schema in an empty database, inside the caller's transaction."""
    for statement in statements(SCHEMA_FILE.read_text(encoding="utf-8")):
        db.execute(statement)


def statements(sql: str) -> list[str]:
    """`sql` split into whole statements (a trigger's body holds semicolons of its own)."""
    found: list[str] = []
    pending = ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if driver.complete_statement(pending):
            if pending.strip():
                found.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"{SCHEMA_FILE.name} ends in an unfinished statement: {pending.strip()[:60]}")
    return found


def schema_sql(db: driver.Connection) -> str:
    """The schema of `db` as the statements that make it, in the order it was made."""
    rows = db.execute("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    virtual = [name for kind, name, sql in rows if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
    shadows = {f"{name}{suffix}" for name in virtual for suffix in FTS5_SHADOWS}
    made = [sql for _kind, name, sql in rows if name not in shadows]
    return "".join(f"{sql};\n\n" for sql in made)


def _print_latest() -> None:
    """Print schema.sql as the migrations make it, from a new in-memory database."""
    from .connection import migrate

    db = driver.connect(":memory:", None, isolation_level=None)
    migrate(db, one_by_one=True)
    header = "-- Written by `python -m rm_tui.store.fresh_schema` from the migrations; do not edit.\n\n"
    print(header + schema_sql(db), end="")


if __name__ == "__main__":
    _print_latest()
