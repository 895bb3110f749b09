"""The plain `rm-tui` opens the app without click, and says what the command line says.

The console script (rm_tui.entry) reads the few options a plain start takes itself
(rm_tui.quick_start); anything else goes to the command line. Every refusal here
is compared with the command line's own, word for word.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rm_tui.__main__ import cli
from rm_tui.quick_start import quick_args
from rm_tui.store import Store


def _script(*args: str, opened: bool = False) -> subprocess.CompletedProcess[str]:
    """`rm-tui ARGS` through the console script, in a new process, with the app itself stood in for:
    it prints what it was opened on and whether click was loaded by then."""
    stand_in = (
        "import sys, rm_tui.launch as launch; "
        "launch.run_app = lambda db, **how: print('opened', db.name, how['role'], how['only'], "
        "'with click' if 'click' in sys.modules else 'without click') or 0; "
    ) if opened else ""
    probe = f"import sys; {stand_in}sys.argv = ['rm-tui', *{list(args)!r}]; from rm_tui.entry import main; main()"
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, stdin=subprocess.DEVNULL)


def test_a_plain_start_opens_the_app_without_loading_click(tmp_path: Path) -> None:
    db = tmp_path / "rm.db"
    Store.open(db).close()
    result = _script("--db", str(db), "--as", "mentor", "--only", "Sam", opened=True)
    assert (result.returncode, result.stdout) == (0, "opened rm.db mentor Sam without click\n")


@pytest.mark.parametrize("args", [["--demo"], ["--version"], ["--as", "boss"], ["where"], ["--db"]])
def test_anything_else_goes_to_the_command_line(args: list[str]) -> None:
    assert quick_args(args, {}) is None


@pytest.mark.parametrize(
    "case",
    ["a folder", "not a database", "a passphrase file for a plain database"],
)
def test_a_refusal_is_the_command_lines_own_line_and_changes_nothing(tmp_path: Path, case: str) -> None:
    db = tmp_path / "rm.db"
    Store.open(db).close()
    args = {
        "a folder": ["--db", str(tmp_path)],
        "not a database": ["--db", str(tmp_path / "notes.txt")],
        "a passphrase file for a plain database": ["--db", str(db), "--passphrase-file", str(tmp_path / "p.txt")],
    }[case]
    (tmp_path / "notes.txt").write_text("just some notes, long enough to be more than a header" * 20)
    (tmp_path / "p.txt").write_text("a passphrase")
    (tmp_path / "p.txt").chmod(0o600)
    before = {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()}
    quick = _script(*args)
    full = CliRunner().invoke(cli, args)
    assert quick_args(args, {}) is not None  # the quick way's to answer
    assert (quick.returncode, quick.stderr) == (2, full.output)
    assert quick.stderr.startswith("rm-tui: ") and quick.stderr.count("\n") == 1
    assert {path.name: path.read_bytes() for path in tmp_path.iterdir() if path.is_file()} == before
