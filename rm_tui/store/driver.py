"""The one place rm-tui imports its SQLite driver: SQLCipher, for plain and encrypted files alike.

sqlcipher3 is SQLite with encryption built in. Using it for every file, encrypted or
not, gives one SQLite release and one set of exception classes everywhere (its
classes are not the standard library's: `except sqlite3.OperationalError` does not
catch them). Everything else imports the driver's names from here.

A `Key` is the raw 256-bit key, derived once from the passphrase and the file's salt.
Opening with a raw key skips SQLCipher's key derivation (about 150 ms per connection),
so threads and child processes get the raw key, and the passphrase itself is held only
as long as deriving takes.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    # sqlcipher3 ships no type information; its API is the standard library's plus
    # set_key, so the type checker reads the standard module in its place.
    import sqlite3 as _driver
else:
    import sqlcipher3 as _driver

if TYPE_CHECKING:
    Connection = _driver.Connection
else:

    class Connection(_driver.Connection):
        """sqlcipher3's connection, with the one standard method it lacks."""

        def iterdump(self):
            """The database as SQL text, as the standard library's iterdump gives it."""
            from sqlite3.dump import _iterdump  # pure Python over plain queries: works on any connection

            return _iterdump(self)


Cursor = _driver.Cursor
Row = _driver.Row
Error = _driver.Error
DatabaseError = _driver.DatabaseError
OperationalError = _driver.OperationalError
IntegrityError = _driver.IntegrityError
ProgrammingError = _driver.ProgrammingError
complete_statement = _driver.complete_statement

SQLITE_MAGIC = b"SQLite format 3\x00"
"""The first 16 bytes of a plain SQLite file. An encrypted file starts with its salt."""
SALT_BYTES = 16
KEY_BYTES = 32
# SQLCipher 4's defaults for a passphrase; a raw key made the same way opens a file
# keyed by the passphrase itself (with PRAGMA key or the sqlcipher shell).
KDF_ITERATIONS = 256_000
KDF_HASH = "sha512"
MIN_PAGE_BYTES = 512  # every SQLite file is a whole number of pages, 512 bytes or more each


class Key:
    """An encrypted database's raw key and the salt it was derived with.

    Never printed: repr shows no bytes, so a traceback or log line cannot leak it.
    A plain class, not a record: the store returns records, never keys.
    """

    __slots__ = ("raw", "salt")

    def __init__(self, raw: bytes, salt: bytes) -> None:
        if len(raw) != KEY_BYTES or len(salt) != SALT_BYTES:
            raise ValueError("a key is 32 bytes with a 16-byte salt")
        self.raw = raw
        self.salt = salt

    def __repr__(self) -> str:
        return "Key(...)"

    def __eq__(self, other: object) -> bool:
        import hmac

        return isinstance(other, Key) and hmac.compare_digest(self.raw + self.salt, other.raw + other.salt)

    def __hash__(self) -> int:
        return hash(self.raw + self.salt)

    @classmethod
    def derive(cls, passphrase: str, salt: bytes) -> Key:
        """The key `passphrase` gives for a file with `salt` (PBKDF2-HMAC-SHA512, as SQLCipher 4)."""
        import hashlib  # here, not above: a plain file's every command, `rm-tui due` too, never derives

        raw = hashlib.pbkdf2_hmac(KDF_HASH, passphrase.encode("utf-8"), salt, KDF_ITERATIONS, KEY_BYTES)
        return cls(raw, salt)

    @classmethod
    def for_file(cls, passphrase: str, path: Path | str) -> Key:
        """The key `passphrase` gives for the existing encrypted file at `path` (salt from its header)."""
        return cls.derive(passphrase, file_salt(path))

    @classmethod
    def new(cls, passphrase: str) -> Key:
        """A key for a new encrypted file, with a fresh random salt."""
        import secrets

        return cls.derive(passphrase, secrets.token_bytes(SALT_BYTES))

    def sqlcipher_text(self) -> str:
        """The key as SQLCipher takes a raw key with its salt: x'<key hex><salt hex>'."""
        return f"x'{self.hex()}'"

    def hex(self) -> str:
        """Key and salt as 96 hex digits, the form handed to a child process."""
        return (self.raw + self.salt).hex()

    @classmethod
    def from_hex(cls, text: str) -> Key:
        """The key `hex()` wrote; ValueError if `text` is not one."""
        data = bytes.fromhex(text.strip())
        return cls(data[:KEY_BYTES], data[KEY_BYTES:])


def file_salt(path: Path | str) -> bytes:
    """The salt an encrypted file keeps, in the clear, in its first 16 bytes."""
    with open(path, "rb") as handle:
        return handle.read(SALT_BYTES)


def is_encrypted_file(path: Path | str) -> bool:
    """Whether the file at `path` looks like an encrypted database: pages, but no plain SQLite header.

    Random bytes of a page-like size look the same: only opening with the key tells.
    """
    head = file_head(path)
    return bool(head) and head != SQLITE_MAGIC and sized_like_pages(os.stat(path).st_size)


def file_head(path: Path | str) -> bytes:
    """The first 16 bytes of a regular file; b'' for anything else (a pipe is never read: it would block)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return b""
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_MAGIC))
    except OSError:
        return b""


def sized_like_pages(size: int) -> bool:
    """Whether a file of `size` bytes could be whole database pages (512 bytes at least)."""
    return size >= MIN_PAGE_BYTES and size % MIN_PAGE_BYTES == 0


def connect(path: Path | str, key: Key | None, **kwargs: Any) -> Connection:
    """sqlite3.connect's counterpart; with a key, every page is encrypted with it.

    The key is given through SQLCipher's key call, never as PRAGMA text a trace
    callback would see. A wrong key fails on the first statement that reads the file
    (DatabaseError, 'file is not a database'), not here.
    """
    conn: Connection = _driver.connect(path, factory=Connection, **kwargs)
    if key is not None:
        apply_key(conn, key)
    return conn


def apply_key(conn: Connection, key: Key) -> None:
    """Key a connection before its first read."""
    set_key: Callable[[str], None] = conn.set_key  # type: ignore[attr-defined]  # sqlcipher3's own method
    set_key(key.sqlcipher_text())


def error_name(exc: BaseException) -> str:
    """SQLite's name for the error behind `exc` ('SQLITE_NOTADB'), or ''."""
    return str(getattr(exc, "sqlite_errorname", ""))


def _silence_sqlcipher_log() -> None:
    """Stop SQLCipher writing its own error lines to stderr, for the whole process.

    By default a wrong key prints 'ERROR CORE sqlcipher_page_cipher: hmac check failed'
    and more on file descriptor 2, which is the terminal Textual draws on. rm-tui
    says what went wrong itself, in one line.
    """
    if TYPE_CHECKING:
        return
    conn = _driver.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
    finally:
        conn.close()


_silence_sqlcipher_log()
