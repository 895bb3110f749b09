"""An encrypted database at rest: nothing readable on disk, everything working, bad keys refused."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from rm_tui.errors import DatabaseRefused
from rm_tui.exporting import ExportRequest, render
from rm_tui.models import NoteText
from rm_tui.store import Store
from rm_tui.store.driver import Key
from rm_tui.store.encryption import decrypt_database, encrypt_database
from tests.conftest import TODAY, draft

PASSPHRASE = "correct horse battery staple"
# Distinctive words, one per kind of thing written: names, titles, and a note of each visibility.
WORDS = {
    "leader": "Quillfeather",
    "mentor": "Zanzibarro",
    "item": "Marmaladestrategy",
    "follow_up": "Tangerinereview",
    "shared": "Xylophonic",
    "private": "Periwinkled",
    "off_record": "Obsidianite",
}


def _fill(store: Store) -> None:
    mentorship = store.create_mentorship(draft(leader=f"Dana {WORDS['leader']}", mentor=f"Sam {WORDS['mentor']}"))
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title=f"The {WORDS['item']} plan", proposed_by="leader")
    for visibility in ("shared", "private", "off_record"):
        store.save_note(NoteText(None, session, item, "leader", visibility, f"we said {WORDS[visibility]} twice"))
    store.add_follow_up(mentorship, title=f"A {WORDS['follow_up']} next week", owner="leader", due="+7d")
    # Search and export read everything back, as a person would before closing.
    assert len(store.search(WORDS["shared"])) == 1
    assert WORDS["private"] in render(store, ExportRequest(everything=True, include_private=True))


def _on_disk(db_path: Path) -> bytes:
    return b"".join(
        path.read_bytes() for path in (Path(f"{db_path}{suffix}") for suffix in ("", "-wal", "-shm")) if path.exists()
    )


def _digest(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


@pytest.mark.parametrize("encrypted", [True, False], ids=["encrypted", "plain"])
def test_no_word_of_any_note_title_or_name_is_readable_on_disk(tmp_path: Path, encrypted: bool) -> None:
    db_path = tmp_path / "rm.db"
    store = Store.open(db_path, key=Key.new(PASSPHRASE) if encrypted else None, today=lambda: TODAY)
    _fill(store)
    while_open = _on_disk(db_path)  # the -wal holds the writes not yet folded into the file
    assert Path(f"{db_path}-wal").exists()
    store.close()
    after_close = _on_disk(db_path)
    found = {word for word in WORDS.values() if word.encode() in while_open + after_close}
    if encrypted:
        assert found == set()
        assert b"SQLite format 3" not in while_open + after_close
        assert b"CREATE TABLE" not in while_open + after_close
    else:  # the same check finds them in a plain file: it can fail
        assert found == set(WORDS.values())


def test_an_encrypted_database_reopens_with_the_passphrase_and_searches(tmp_path: Path) -> None:
    db_path = tmp_path / "rm.db"
    store = Store.open(db_path, key=Key.new(PASSPHRASE), today=lambda: TODAY)
    assert store.encrypted
    _fill(store)
    store.close()
    again = Store.open(db_path, key=Key.for_file(PASSPHRASE, db_path), today=lambda: TODAY)
    hits = again.search(WORDS["shared"])
    assert len(hits) == 1
    assert again.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert again.db.execute("PRAGMA cipher_integrity_check").fetchall() == []
    again.close()


def test_a_worker_threads_connection_gets_the_key(tmp_path: Path) -> None:
    db_path = tmp_path / "rm.db"
    store = Store.open(db_path, key=Key.new(PASSPHRASE), today=lambda: TODAY)
    _fill(store)
    opener = store.opener_for_thread()
    mentors: list[str] = []

    def work() -> None:
        other = opener()
        mentors.extend(o.mentorship.mentor for o in other.list_mentorships())
        other.close()

    thread = threading.Thread(target=work)
    thread.start()
    thread.join()
    assert mentors == [f"Sam {WORDS['mentor']}"]
    store.close()


@pytest.fixture
def encrypted_db(tmp_path: Path) -> Path:
    db_path = tmp_path / "rm.db"
    store = Store.open(db_path, key=Key.new(PASSPHRASE), today=lambda: TODAY)
    _fill(store)
    store.close()
    return db_path


def test_a_wrong_passphrase_is_one_line_and_leaves_the_file_as_it_was(
    encrypted_db: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    before = _digest(encrypted_db)
    message = r"^.*rm\.db: wrong passphrase \(or the file is not an rm-tui database\)$"
    with pytest.raises(DatabaseRefused, match=message):
        Store.open(encrypted_db, key=Key.for_file("not it", encrypted_db))
    assert _digest(encrypted_db) == before
    assert sorted(p.name for p in encrypted_db.parent.iterdir()) == ["rm.db"]
    assert capfd.readouterr().err == ""  # SQLCipher's own 'hmac check failed' lines never reach the terminal


def test_an_encrypted_file_without_a_key_is_refused(encrypted_db: Path) -> None:
    before = _digest(encrypted_db)
    with pytest.raises(DatabaseRefused, match="is encrypted"):
        Store.open(encrypted_db)
    assert _digest(encrypted_db) == before


def test_a_plain_file_given_a_key_is_refused(db_path: Path, store: Store) -> None:
    store.close()
    before = _digest(db_path)
    with pytest.raises(DatabaseRefused, match="is not encrypted: drop --passphrase-file, or run rm-tui encrypt"):
        Store.open(db_path, key=Key.new(PASSPHRASE))
    assert _digest(db_path) == before


def test_encrypting_and_decrypting_keep_every_row_and_the_schema(tmp_path: Path) -> None:
    db_path = tmp_path / "rm.db"
    store = Store.open(db_path, today=lambda: TODAY)
    _fill(store)
    version = store.db.execute("PRAGMA user_version").fetchone()[0]
    store.close()
    assert encrypt_database(db_path, Key.new(PASSPHRASE)) is False
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rm.db"]  # the plain -wal and -shm are gone too
    assert not any(word.encode() in db_path.read_bytes() for word in WORDS.values())
    assert db_path.stat().st_mode & 0o777 == 0o600
    key = Key.for_file(PASSPHRASE, db_path)
    encrypted = Store.open(db_path, key=key, today=lambda: TODAY)
    assert encrypted.db.execute("PRAGMA user_version").fetchone()[0] == version
    assert len(encrypted.search(WORDS["shared"])) == 1
    encrypted.close()
    decrypt_database(db_path, key)
    plain = sqlite3.connect(db_path)  # any SQLite reads it again
    assert plain.execute("PRAGMA application_id").fetchone()[0] == 0x524D5455
    assert plain.execute("PRAGMA user_version").fetchone()[0] == version
    assert plain.execute("SELECT count(*) FROM notes").fetchone()[0] == 3
    plain.close()


def test_encrypt_refuses_a_database_another_window_has_open(tmp_path: Path) -> None:
    db_path = tmp_path / "rm.db"
    other_window = Store.open(db_path, today=lambda: TODAY)
    _fill(other_window)
    before = _on_disk(db_path)
    with pytest.raises(DatabaseRefused, match="is open in another rm-tui"):
        encrypt_database(db_path, Key.new(PASSPHRASE))
    assert _on_disk(db_path) == before
    assert not any(p.name.endswith("converting") for p in tmp_path.iterdir())
    other_window.close()


def test_encrypt_refuses_an_encrypted_file_and_decrypt_a_plain_one(encrypted_db: Path, tmp_path: Path) -> None:
    before = _digest(encrypted_db)
    with pytest.raises(DatabaseRefused, match="is already encrypted"):
        encrypt_database(encrypted_db, Key.new(PASSPHRASE))
    assert _digest(encrypted_db) == before
    plain = tmp_path / "plain.db"
    Store.open(plain).close()
    before = _digest(plain)
    with pytest.raises(DatabaseRefused, match="is not encrypted"):
        decrypt_database(plain, Key.new(PASSPHRASE))
    assert _digest(plain) == before


def test_a_key_never_shows_its_bytes() -> None:
    key = Key.new(PASSPHRASE)
    assert key.hex() not in repr(key) and PASSPHRASE not in repr(key)
    assert Key.from_hex(key.hex()) == key
