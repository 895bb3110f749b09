"""`rm-tui encrypt`, `decrypt`, `where` and --passphrase-file, as a script or a person runs them."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.passphrase import KEY_ENV
from rm_tui.store import Store
from rm_tui.store.driver import Key
from tests.conftest import draft

ROOT = Path(__file__).resolve().parents[2]
PASSPHRASE = "tea at four, not five"


def _secret(folder: Path, text: str = PASSPHRASE, mode: int = 0o600, name: str = "pass") -> Path:
    path = folder / name
    path.write_text(text + "\n")
    path.chmod(mode)
    return path


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.fixture
def plain_db(tmp_path: Path) -> Path:
    db = tmp_path / "rm.db"
    store = Store.open(db)
    store.create_mentorship(draft(mentor="Sam Zanzibarro"))
    store.close()
    return db


@pytest.fixture
def encrypted_db(plain_db: Path, tmp_path: Path) -> Path:
    code, _, err = _run("--db", str(plain_db), "encrypt", "--passphrase-file", str(_secret(tmp_path)))
    assert code == 0, err
    return plain_db


def test_encrypt_then_every_command_needs_the_passphrase(plain_db: Path, tmp_path: Path) -> None:
    assert "encryption   not encrypted" in _run("--db", str(plain_db), "where")[1]
    secret = _secret(tmp_path)
    code, _, err = _run("--db", str(plain_db), "--passphrase-file", str(secret), "encrypt", "--no-keyring")
    assert (code, err) == (0, f"encrypted {plain_db} (SQLCipher)\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pass", "rm.db"]
    assert b"Zanzibarro" not in plain_db.read_bytes()
    assert "encryption   encrypted (SQLCipher)" in _run("--db", str(plain_db), "where")[1]
    code, out, _ = _run("--db", str(plain_db), "--passphrase-file", str(secret), "export", "--all")
    assert code == 0 and "Zanzibarro" in out


def test_the_calendar_and_sessions_read_an_encrypted_database(encrypted_db: Path, tmp_path: Path) -> None:
    store = Store.open(encrypted_db, key=Key.for_file(PASSPHRASE, encrypted_db))
    (entry,) = store.list_mentorships()
    store.plan_session(entry.mentorship.id, scheduled_on="2027-01-12")
    store.close()
    secret = str(tmp_path / "pass")
    code, out, err = _run("--db", str(encrypted_db), "--passphrase-file", secret, "sessions")
    assert code == 0 and "2027-01-12" in out, err
    ics = tmp_path / "c.ics"
    code, _, err = _run("--db", str(encrypted_db), "--passphrase-file", secret, "calendar", "-o", str(ics))
    assert code == 0, err
    assert "DTSTART;VALUE=DATE:20270112" in ics.read_text()


def test_the_passphrase_file_can_come_from_the_environment(encrypted_db: Path, tmp_path: Path) -> None:
    result = CliRunner(env={"RM_TUI_PASSPHRASE_FILE": str(tmp_path / "pass")}).invoke(
        cli, ["--db", str(encrypted_db), "sessions"]
    )
    assert result.exit_code == 0, result.stderr


def test_encrypt_on_a_new_path_creates_an_encrypted_database(tmp_path: Path) -> None:
    db = tmp_path / "new" / "rm.db"
    code, _, err = _run("--db", str(db), "encrypt", "--passphrase-file", str(_secret(tmp_path)))
    assert (code, err) == (0, f"created {db} (SQLCipher)\n")
    assert "encrypted (SQLCipher)" in _run("--db", str(db), "where")[1]
    store = Store.open(db, key=Key.for_file(PASSPHRASE, db))
    assert store.list_mentorships() == []
    store.close()


def test_decrypt_gives_back_a_plain_sqlite_file(encrypted_db: Path, tmp_path: Path) -> None:
    code, _, err = _run("--db", str(encrypted_db), "--passphrase-file", str(tmp_path / "pass"), "decrypt")
    assert (code, err) == (0, f"decrypted {encrypted_db}: it is a plain SQLite file now\n")
    plain = sqlite3.connect(encrypted_db)
    assert plain.execute("SELECT mentor FROM mentorships").fetchall() == [("Sam Zanzibarro",)]
    plain.close()
    assert "encryption   not encrypted" in _run("--db", str(encrypted_db), "where")[1]


# -- bad input: one line, exit 2, the file as it was -----------------------------------------


def _refused(db: Path, *args: str) -> str:
    before = _state(db)
    code, out, err = _run("--db", str(db), *args)
    assert code == 2, err
    assert out == "" and err.count("\n") == 1 and err.startswith("rm-tui: ")
    assert _state(db) == before
    assert sorted(p.name for p in db.parent.iterdir() if p.name.startswith("rm.db")) == ["rm.db"]
    return err


def test_a_wrong_passphrase_is_refused(encrypted_db: Path, tmp_path: Path) -> None:
    wrong = _secret(tmp_path, "tea at five", name="wrong")
    assert "wrong passphrase" in _refused(encrypted_db, "--passphrase-file", str(wrong), "sessions")
    assert "wrong passphrase" in _refused(encrypted_db, "--passphrase-file", str(wrong), "where")  # checked there too


def test_an_encrypted_database_without_a_passphrase_in_a_script(encrypted_db: Path) -> None:
    err = _refused(encrypted_db, "sessions")
    assert err == f"rm-tui: {encrypted_db} is encrypted: give --passphrase-file FILE (or RM_TUI_PASSPHRASE_FILE)\n"


def test_a_plain_database_given_a_passphrase(plain_db: Path, tmp_path: Path) -> None:
    err = _refused(plain_db, "--passphrase-file", str(_secret(tmp_path)), "where")
    assert err == f"rm-tui: {plain_db} is not encrypted: drop --passphrase-file, or run rm-tui encrypt\n"


def test_a_passphrase_file_others_can_read(encrypted_db: Path, tmp_path: Path) -> None:
    loose = _secret(tmp_path, mode=0o644, name="loose")
    err = _refused(encrypted_db, "--passphrase-file", str(loose), "sessions")
    assert err == f"rm-tui: passphrase file {loose} is readable by others (chmod 600 it)\n"
    err = _refused(encrypted_db, "--passphrase-file", str(loose), "decrypt")
    assert "readable by others" in err


def test_an_empty_passphrase(plain_db: Path, tmp_path: Path) -> None:
    empty = _secret(tmp_path, "", name="empty")
    assert "is empty" in _refused(plain_db, "encrypt", "--passphrase-file", str(empty))


def test_encrypt_twice_and_decrypt_a_plain_file(encrypted_db: Path, tmp_path: Path) -> None:
    err = _refused(encrypted_db, "encrypt", "--passphrase-file", str(tmp_path / "pass"))
    assert err == f"rm-tui: {encrypted_db} is already encrypted; nothing was changed\n"
    plain = tmp_path / "plain" / "rm.db"
    Store.open(plain).close()
    assert _refused(plain, "decrypt") == f"rm-tui: {plain} is not encrypted; nothing was changed\n"


def test_sqlciphers_own_error_lines_never_reach_the_terminal(encrypted_db: Path, tmp_path: Path) -> None:
    wrong = _secret(tmp_path, "tea at five", name="wrong")
    result = subprocess.run(
        [sys.executable, "-m", "rm_tui", "--db", str(encrypted_db), "--passphrase-file", str(wrong), "sessions"],
        cwd=ROOT, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
    )
    assert result.returncode == 2
    assert result.stderr == f"rm-tui: {encrypted_db}: wrong passphrase (or the file is not an rm-tui database)\n"


# -- the key handed to a child of `rm-tui serve` ------------------------------------------------


def test_a_child_given_the_raw_key_opens_the_database_and_passes_it_on_to_nobody(encrypted_db: Path) -> None:
    key = Key.for_file(PASSPHRASE, encrypted_db)
    # The child opens the database with the key from its environment, then shows what
    # its own environment still holds: what anything it starts would inherit.
    script = (
        "import os, sys\n"
        "from rm_tui.__main__ import cli\n"
        "try:\n"
        f"    cli.main(['--db', {str(encrypted_db)!r}, 'sessions'], standalone_mode=False)\n"
        "finally:\n"
        f"    print('left:', {KEY_ENV!r} in os.environ)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60,
        env={**os.environ, KEY_ENV: key.hex()}, stdin=subprocess.DEVNULL,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("left: False\n")
    assert key.hex() not in " ".join(result.args)
