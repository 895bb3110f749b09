"""Where the key comes from: a passphrase file, the OS keyring, or asking; and never from elsewhere."""

from __future__ import annotations

import os
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import null

from rm_tui.passphrase import (
    KEY_ENV,
    KEYRING_SERVICE,
    PassphraseError,
    keep_in_keyring,
    key_for,
    new_passphrase,
    take_key_from_environment,
)
from rm_tui.store import Store
from rm_tui.store.driver import Key

PASSPHRASE = "owls at noon"


class MemoryKeyring(KeyringBackend):
    """A keyring that lives in this test only."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.kept.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.kept[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.kept.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(null.Keyring())


@pytest.fixture
def encrypted_db(tmp_path: Path) -> Path:
    db = tmp_path / "rm.db"
    Store.open(db, key=Key.new(PASSPHRASE)).close()
    return db


def _never_asked(prompt: str) -> str:
    raise AssertionError(f"asked: {prompt}")


def test_the_keyring_gives_the_passphrase_so_nobody_is_asked(encrypted_db: Path, memory_keyring: MemoryKeyring) -> None:
    assert keep_in_keyring(encrypted_db, PASSPHRASE)
    assert memory_keyring.kept == {(KEYRING_SERVICE, str(encrypted_db.resolve())): PASSPHRASE}
    assert key_for(encrypted_db, None, ask=_never_asked) == Key.for_file(PASSPHRASE, encrypted_db)


def test_without_a_usable_keyring_the_passphrase_is_asked_for(encrypted_db: Path) -> None:
    asked: list[str] = []

    def ask(prompt: str) -> str:
        asked.append(prompt)
        return PASSPHRASE

    assert key_for(encrypted_db, None, ask=ask) == Key.for_file(PASSPHRASE, encrypted_db)
    assert asked == [f"Passphrase for {encrypted_db}: "]
    assert not keep_in_keyring(encrypted_db, PASSPHRASE)  # the null keyring keeps nothing


def test_with_no_terminal_and_no_file_it_says_what_to_give(encrypted_db: Path) -> None:
    message = r"is encrypted: give --passphrase-file FILE \(or RM_TUI_PASSPHRASE_FILE\)$"
    with pytest.raises(PassphraseError, match=message):
        key_for(encrypted_db, None)  # pytest's stdin is no terminal


def test_a_passphrase_file_wins_over_the_keyring_and_its_line_break_is_not_part_of_it(
    encrypted_db: Path, memory_keyring: MemoryKeyring, tmp_path: Path
) -> None:
    keep_in_keyring(encrypted_db, "an old one")
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n")
    secret.chmod(0o600)
    assert key_for(encrypted_db, secret, ask=_never_asked) == Key.for_file(PASSPHRASE, encrypted_db)


def test_a_passphrase_file_for_a_new_database_makes_it_encrypted(tmp_path: Path) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    secret.chmod(0o600)
    key = key_for(tmp_path / "new.db", secret)
    assert key is not None


def test_new_passphrases_are_asked_twice_and_must_agree() -> None:
    answers = iter(["one", "two"])
    with pytest.raises(PassphraseError, match="the two passphrases differ"):
        new_passphrase(None, ask=lambda _: next(answers))
    with pytest.raises(PassphraseError, match="an empty passphrase is not allowed"):
        new_passphrase(None, ask=lambda _: "")
    same = iter(["same", "same"])
    assert new_passphrase(None, ask=lambda _: next(same)) == "same"


def test_the_key_from_a_serving_parent_is_taken_out_of_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    key = Key.new(PASSPHRASE)
    monkeypatch.setenv(KEY_ENV, key.hex())
    assert take_key_from_environment() == key
    assert KEY_ENV not in os.environ  # nothing this process starts inherits it
    assert take_key_from_environment() is None
