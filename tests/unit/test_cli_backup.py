"""`rm-tui backup`, `rm-tui backup --list` and `rm-tui restore` as a person types them, and the snapshot on quit."""

from __future__ import annotations

import re
import stat
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rm_tui import backup as backups
from rm_tui.__main__ import cli
from rm_tui.cli_backup import file_size
from rm_tui.launch import snapshot_on_quit
from rm_tui.store import Store
from rm_tui.store.driver import Key
from tests.conftest import draft
from tests.unit.test_backup import REFUSED, add_mentor, files_in, mentors

PASSPHRASE = "correct horse battery staple"


def run(db: Path, *args: str, given: str | None = None) -> Result:
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=given)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "rm-tui.db"
    add_mentor(path, "Sam Ortiz")
    return path


@pytest.fixture
def passphrase_file(tmp_path: Path) -> Path:
    path = tmp_path / "passphrase"
    path.write_text(PASSPHRASE + "\n")
    path.chmod(0o600)
    return path


@pytest.fixture
def sealed(tmp_path: Path) -> Path:
    path = tmp_path / "sealed" / "rm-tui.db"
    path.parent.mkdir()
    store = Store.open(path, key=Key.new(PASSPHRASE))
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.close()
    return path


def test_backup_prints_the_snapshot_it_wrote(db: Path) -> None:
    result = run(db, "backup")
    assert result.exit_code == 0, result.output
    written = Path(result.output.strip())
    assert written.parent == db.parent / "backups"
    assert re.fullmatch(r"rm-tui-\d{4}-\d\d-\d\dT\d{6}\.db", written.name)
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    assert mentors(written) == ["Sam Ortiz"]


def test_backup_into_a_folder(db: Path, tmp_path: Path) -> None:
    result = run(db, "backup", str(tmp_path / "usb"))
    assert result.exit_code == 0
    assert Path(result.output.strip()).parent == tmp_path / "usb"


@pytest.mark.parametrize(
    ("target", "message"),
    [("a-file", "is not a folder; give a folder for the snapshot"), ("missing-db", "there is no database at")],
)
def test_backup_refusals_are_one_line_and_write_nothing(db: Path, tmp_path: Path, target: str, message: str) -> None:
    (tmp_path / "a-file").write_text("mine")
    before = files_in(tmp_path)
    if target == "a-file":
        result = run(db, "backup", str(tmp_path / "a-file"))
    else:
        result = run(tmp_path / "nothing-here.db", "backup")
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1 and message in result.output
    assert result.output.startswith("rm-tui: ")
    assert files_in(tmp_path) == before
    assert not (tmp_path / "nothing-here.db").exists()


def test_the_list_is_newest_first_with_date_size_and_encryption(db: Path) -> None:
    for day in (1, 3, 2):
        backups.take_snapshot(db, now=lambda day=day: datetime(2026, 12, day, 9, 15))
    result = run(db, "backup", "--list")
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert [line[:16] for line in lines] == ["2026-12-03 09:15", "2026-12-02 09:15", "2026-12-01 09:15"]
    size = file_size((db.parent / "backups" / "rm-tui-2026-12-03T091500.db").stat().st_size)
    assert lines[0].split() == ["2026-12-03", "09:15", *size.split(), "plain",
                                str(db.parent / "backups" / "rm-tui-2026-12-03T091500.db")]


def test_an_empty_list_says_so(db: Path) -> None:
    result = run(db, "backup", "--list")
    assert result.exit_code == 0
    assert result.output == f"no snapshots of {db} in {db.parent / 'backups'} yet (rm-tui backup takes one)\n"


def test_sizes_read_as_a_person_writes_them() -> None:
    assert [file_size(n) for n in (512, 188_416, 4_200_000, 42_000_000)] == ["512 B", "188 KB", "4.2 MB", "42 MB"]


def test_restore_with_yes_replaces_the_database_and_says_where_the_old_one_went(db: Path) -> None:
    snapshot = backups.take_snapshot(db)
    add_mentor(db, "After the snapshot")
    result = run(db, "restore", str(snapshot), "--yes")
    assert result.exit_code == 0, result.output
    (aside,) = db.parent.glob("rm-tui.db.before-restore-*")
    assert result.output == f"restored {snapshot} as {db}\nthe database it replaced is kept as {aside}\n"
    assert mentors(db) == ["Sam Ortiz"]
    assert sorted(mentors(aside)) == ["After the snapshot", "Sam Ortiz"]


def test_restore_shows_what_it_replaces_and_a_no_changes_nothing(db: Path) -> None:
    snapshot = backups.take_snapshot(db)
    add_mentor(db, "After the snapshot")
    before = files_in(db.parent)
    result = run(db, "restore", str(snapshot), given="n\n")
    assert result.exit_code == 1
    assert f"restore  {snapshot}  (changed " in result.output
    assert f"replace  {db}  (changed " in result.output
    assert "keep it  as rm-tui.db.before-restore-" in result.output
    assert result.output.endswith("Restore? [y/N]: n\nNothing restored.\n")
    assert files_in(db.parent) == before


def test_restore_asks_and_a_yes_restores(db: Path) -> None:
    snapshot = backups.take_snapshot(db)
    add_mentor(db, "After the snapshot")
    result = run(db, "restore", str(snapshot), given="y\n")
    assert result.exit_code == 0
    assert mentors(db) == ["Sam Ortiz"]


def test_no_answer_at_all_is_a_no(db: Path) -> None:
    snapshot = backups.take_snapshot(db)
    before = files_in(db.parent)
    result = run(db, "restore", str(snapshot), given="")
    assert result.exit_code == 1 and result.output.endswith("Nothing restored.\n")
    assert files_in(db.parent) == before


@pytest.mark.parametrize("kind", list(REFUSED))
def test_restore_refuses_a_bad_file_in_one_line_and_changes_nothing(kind: str, db: Path, tmp_path: Path) -> None:
    make, message = REFUSED[kind]
    bad = make(db, tmp_path)
    before = files_in(tmp_path)
    result = run(db, "restore", str(bad), "--yes")
    assert result.exit_code == 2
    assert len(result.output.splitlines()) == 1 and result.output.startswith("rm-tui: ")
    assert message in result.output
    assert files_in(tmp_path) == before


def test_the_mentors_window_takes_and_restores_no_backups(db: Path) -> None:
    snapshot = backups.take_snapshot(db)
    before = files_in(db.parent)
    for args in (["backup"], ["backup", "--list"], ["restore", str(snapshot), "--yes"]):
        result = run(db, "--as", "mentor", *args)
        assert result.exit_code == 2
        assert result.output == (
            "rm-tui: backups hold every note, private ones too, so they are the leader's; leave out --as mentor\n"
        )
    assert files_in(db.parent) == before


def test_an_encrypted_database_backs_up_and_restores_encrypted(sealed: Path, passphrase_file: Path) -> None:
    result = run(sealed, "--passphrase-file", str(passphrase_file), "backup")
    assert result.exit_code == 0, result.output
    snapshot = Path(result.output.strip())
    assert b"Sam Ortiz" not in snapshot.read_bytes()
    listed = run(sealed, "backup", "--list")  # listing reads names and headers: no passphrase needed
    assert listed.exit_code == 0 and " encrypted " in listed.output
    add_mentor(sealed, "After the snapshot", Key.for_file(PASSPHRASE, sealed))
    result = run(sealed, "--passphrase-file", str(passphrase_file), "restore", str(snapshot), "--yes")
    assert result.exit_code == 0, result.output
    assert mentors(sealed, Key.for_file(PASSPHRASE, sealed)) == ["Sam Ortiz"]


def test_an_encrypted_snapshot_restores_onto_a_new_computer_with_its_passphrase(
    sealed: Path, passphrase_file: Path, tmp_path: Path
) -> None:
    snapshot = backups.take_snapshot(sealed, Key.for_file(PASSPHRASE, sealed))
    fresh = tmp_path / "new-laptop" / "rm-tui.db"
    result = run(fresh, "--passphrase-file", str(passphrase_file), "restore", str(snapshot), "--yes")
    assert result.exit_code == 0, result.output
    assert mentors(fresh, Key.for_file(PASSPHRASE, fresh)) == ["Sam Ortiz"]


def test_a_wrong_passphrase_restores_nothing(sealed: Path, tmp_path: Path) -> None:
    snapshot = backups.take_snapshot(sealed, Key.for_file(PASSPHRASE, sealed))
    wrong = tmp_path / "wrong"
    wrong.write_text("not it")
    wrong.chmod(0o600)
    fresh = tmp_path / "new-laptop" / "rm-tui.db"
    result = run(fresh, "--passphrase-file", str(wrong), "restore", str(snapshot), "--yes")
    assert result.exit_code == 2
    assert result.output == (
        f"rm-tui: {snapshot}: wrong passphrase (or it is not an rm-tui snapshot); it was not restored\n"
    )
    assert not fresh.parent.exists()


# --- the snapshot on quit ----------------------------------------------------------------


def test_the_leaders_quit_takes_the_days_snapshot(db: Path) -> None:
    snapshot_on_quit(db, "leader", None)
    snapshot_on_quit(db, "leader", None)
    assert len(backups.list_snapshots(db)) == 1


def test_the_mentors_window_takes_no_snapshot_on_quit(db: Path) -> None:
    snapshot_on_quit(db, "mentor", None)
    assert backups.list_snapshots(db) == []
    assert not (db.parent / "backups").exists()


def test_a_failed_snapshot_on_quit_is_one_line_and_leaves_the_database(db: Path, capsys) -> None:
    (db.parent / "backups").write_text("a file where the folder would go")
    before = db.read_bytes()
    snapshot_on_quit(db, "leader", None)
    err = capsys.readouterr().err
    assert err == f"rm-tui: today's snapshot was not taken: {db.parent / 'backups'} is not a folder\n"
    assert db.read_bytes() == before
    assert mentors(db) == ["Sam Ortiz"]


def test_an_encrypted_databases_quit_snapshot_is_encrypted(sealed: Path) -> None:
    snapshot_on_quit(sealed, "leader", Key.for_file(PASSPHRASE, sealed))
    (taken,) = backups.list_snapshots(sealed)
    assert taken.encrypted
    assert mentors(taken.path, Key.for_file(PASSPHRASE, taken.path)) == ["Sam Ortiz"]
