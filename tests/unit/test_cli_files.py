"""`-o` and `--force` write regular files only, in folders that are the owner's alone."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rm_tui.__main__ import cli
from rm_tui.files import OutputExists, write_private_text
from rm_tui.store import Store
from tests.conftest import draft

KINDS = {
    "fifo": "a named pipe (FIFO)",
    "link-to-a-file": "a symbolic link",
    "dangling-link": "a symbolic link",
    "socket": "a socket",
    "device": "a device",
}


@pytest.fixture
def db(store: Store, db_path: Path) -> Path:
    store.plan_session(store.create_mentorship(draft(mentor="Sam Ortiz")))
    return db_path


@pytest.fixture
def owner_only_umask() -> Iterator[None]:
    """The usual umask (022): a folder made without care comes out 0755, so the test can tell."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


def make_fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe")
    return folder / "pipe"


def make_link_to_a_file(folder: Path) -> Path:
    (folder / "real.md").write_text("the real file\n")
    (folder / "link.md").symlink_to(folder / "real.md")
    return folder / "link.md"


def make_dangling_link(folder: Path) -> Path:
    (folder / "link.md").symlink_to(folder / "not-there.md")
    return folder / "link.md"


def make_socket(folder: Path) -> Path:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(folder / "sock"))
    server.close()  # the socket file stays after the socket is closed
    return folder / "sock"


def make_device(folder: Path) -> Path:
    """A character device: a copy of /dev/null made here, or /dev/null itself when unprivileged.

    As root, the real /dev/null is never the target: code that wrongly replaced it would
    break the machine, not just fail the test.
    """
    try:
        os.mknod(folder / "null", stat.S_IFCHR | 0o600, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        if os.geteuid() == 0:
            pytest.skip("cannot make a device node here, and root must not aim at /dev/null")
        return Path("/dev/null")
    return folder / "null"


MAKERS: dict[str, Callable[[Path], Path]] = {
    "fifo": make_fifo,
    "link-to-a-file": make_link_to_a_file,
    "dangling-link": make_dangling_link,
    "socket": make_socket,
    "device": make_device,
}


def identity(path: Path) -> tuple[object, ...]:
    """What would differ if the entry at `path` were replaced, followed or rewritten."""
    info = os.lstat(path)
    link = os.readlink(path) if stat.S_ISLNK(info.st_mode) else None
    return (info.st_dev, info.st_ino, info.st_mode, info.st_rdev, info.st_nlink, link)


def one_line_on_stderr(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("kind", list(MAKERS))
@pytest.mark.parametrize("command", ["export", "calendar"])
def test_only_a_regular_file_is_written_anything_else_is_left_as_it_was(
    db: Path, tmp_path: Path, command: str, kind: str, force: bool
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = MAKERS[kind](folder)
    before, listing = identity(target), sorted(os.listdir(target.parent))
    reader = os.open(target, os.O_RDONLY | os.O_NONBLOCK) if kind == "fifo" else None  # a writer would not block

    args = ["export", "--all"] if command == "export" else ["calendar"]
    result = CliRunner().invoke(cli, ["--db", str(db), *args, "-o", str(target), *(["--force"] if force else [])])

    expected = f"rm-tui: {target} is {KINDS[kind]}, not a regular file; give another file name"
    assert one_line_on_stderr(result) == expected
    assert identity(target) == before
    assert sorted(os.listdir(target.parent)) == listing  # no temporary file left behind, nothing made
    if kind == "link-to-a-file":
        assert (folder / "real.md").read_text() == "the real file\n"
    if reader is not None:
        try:
            assert os.read(reader, 64) == b""
        except BlockingIOError:
            pass  # nothing written
        finally:
            os.close(reader)


def test_a_link_to_a_device_is_refused_as_a_link(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "null.md"
    link.symlink_to("/dev/null")
    before = identity(Path("/dev/null"))
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--all", "-o", str(link), "--force"])
    expected = f"rm-tui: {link} is a symbolic link, not a regular file; give another file name"
    assert one_line_on_stderr(result) == expected
    assert os.readlink(link) == "/dev/null"
    assert identity(Path("/dev/null")) == before


def test_a_regular_file_is_still_replaced_with_force(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("old\n")
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--all", "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("# ")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_refusal_to_replace_names_force_on_the_command_line_only(tmp_path: Path) -> None:
    target = tmp_path / "notes.md"
    target.write_text("keep me\n")
    with pytest.raises(OutputExists) as refused:
        write_private_text(target, "new\n")
    assert str(refused.value) == f"{target} already exists"  # the CLI and the app each say how to replace
    assert refused.value.path == target
    assert target.read_text() == "keep me\n"


# -- folders ---------------------------------------------------------------------------------------


def folder_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_folders_made_by_output_are_the_owners_only(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, owner_only_umask: None
) -> None:
    monkeypatch.chdir(tmp_path)
    mode_of_existing = folder_mode(tmp_path)
    result = CliRunner().invoke(cli, ["--db", str(db), "export", "--all", "-o", "a/b/c.md"])
    assert result.exit_code == 0, result.output
    assert folder_mode(tmp_path / "a") == 0o700
    assert folder_mode(tmp_path / "a" / "b") == 0o700
    assert stat.S_IMODE((tmp_path / "a" / "b" / "c.md").stat().st_mode) == 0o600
    assert folder_mode(tmp_path) == mode_of_existing  # a folder already there keeps its mode


def test_folders_made_for_the_database_are_the_owners_only(tmp_path: Path, owner_only_umask: None) -> None:
    db = tmp_path / "x" / "y" / "rm.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "sessions"])
    assert result.exit_code == 0, result.output
    assert folder_mode(tmp_path / "x") == 0o700
    assert folder_mode(tmp_path / "x" / "y") == 0o700


def test_the_default_data_folder_and_its_parents_are_the_owners_only(
    isolated_user_dirs: Path, owner_only_umask: None
) -> None:
    data_home = isolated_user_dirs / "data"  # XDG_DATA_HOME, not made yet
    assert not data_home.exists()
    result = CliRunner().invoke(cli, ["sessions"])
    assert result.exit_code == 0, result.output
    assert folder_mode(data_home) == 0o700
    assert folder_mode(data_home / "rm-tui") == 0o700
