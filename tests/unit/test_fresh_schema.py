"""A new database is made from schema.sql in one step, and is the same as one made by every migration."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rm_tui.store import Store
from rm_tui.store.connection import connect, migrate
from rm_tui.store.fresh_schema import SCHEMA_FILE, schema_sql
from rm_tui.store.migrations import LATEST_VERSION

REGENERATE = "python -m rm_tui.store.fresh_schema > rm_tui/store/schema.sql"


def _made(path: Path, *, one_by_one: bool) -> dict[str, object]:
    db = connect(path)
    assert migrate(db, one_by_one=one_by_one) == LATEST_VERSION
    made = {
        "schema": sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()),
        "version": db.execute("PRAGMA user_version").fetchone()[0],
        "application": db.execute("PRAGMA application_id").fetchone()[0],
        "rows": {name: db.execute(f'SELECT * FROM "{name}"').fetchall()  # every table's rows, shadows too
                 for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()},
    }
    db.close()
    return made


def test_a_new_database_is_what_every_migration_makes(tmp_path: Path) -> None:
    assert _made(tmp_path / "one-step.db", one_by_one=False) == _made(tmp_path / "every-step.db", one_by_one=True)


def test_schema_sql_is_written_from_the_migrations(tmp_path: Path) -> None:
    db = connect(tmp_path / "every-step.db")
    migrate(db, one_by_one=True)
    written = SCHEMA_FILE.read_text(encoding="utf-8").split("\n\n", 1)[1]
    assert written == schema_sql(db), f"schema.sql is out of date: {REGENERATE}"


def test_a_new_databases_search_index_works(tmp_path: Path) -> None:
    """The index and its triggers came from schema.sql, not from sqlite-utils at run time."""
    from tests.conftest import draft

    store = Store.open(tmp_path / "rm.db")
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam)
    store.add_agenda_item(session, title="Prompting our photographers", proposed_by="leader")
    assert [hit.title for hit in store.search("photographer")][:1] == ["Prompting our photographers"]
    store.close()


def test_making_a_new_database_never_loads_sqlite_utils(tmp_path: Path) -> None:
    probe = (
        "import sys; from rm_tui.store import Store; "
        f"Store.open({str(tmp_path / 'rm.db')!r}).close(); print('sqlite_utils' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
