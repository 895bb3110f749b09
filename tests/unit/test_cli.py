"""The command line: version, help, paths, and one-line errors with exit status 2."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rm_tui import __version__
from rm_tui.__main__ import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["--version"]).output.strip() == f"rm-tui, version {__version__}"
    result = runner.invoke(cli, ["--help"])
    assert result.exit_code == 0
    assert "--db" in result.output and "RM_TUI_DB" in result.output and "--as" in result.output


def test_where_follows_db_option_and_env(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["--db", str(tmp_path / "x.db"), "where"])
    assert f"database     {tmp_path / 'x.db'}" in result.output
    result = runner.invoke(cli, ["where"], env={"RM_TUI_DB": str(tmp_path / "env.db")})
    assert str(tmp_path / "env.db") in result.output


@pytest.mark.parametrize("kind", ["random", "foreign"])
def test_refused_database_is_one_line_exit_2_and_unchanged(runner: CliRunner, tmp_path: Path, kind: str) -> None:
    path = tmp_path / "bad.db"
    if kind == "random":
        path.write_bytes(os.urandom(4096))
    else:
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
        conn.commit()
        conn.close()
    before = path.read_bytes()
    result = runner.invoke(cli, ["--db", str(path)])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("rm-tui: ") and str(path) in lines[0]
    assert "Traceback" not in result.output
    assert path.read_bytes() == before


def one_line_refusal(result: Result) -> str:
    """The single line a refusal prints, after checking it is one line with status 2."""
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Usage:" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def test_a_file_where_the_data_folder_should_be_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    db = blocker / "sub" / "rm.db"
    line = one_line_refusal(runner.invoke(cli, ["--db", str(db)]))
    assert line == f"rm-tui: cannot use {db}: {blocker} is a file, not a folder"
    assert blocker.read_text() == "x" and {p.name for p in tmp_path.iterdir()} == {"file"}


def test_a_folder_given_as_db_is_one_line_exit_2(runner: CliRunner, tmp_path: Path) -> None:
    line = one_line_refusal(runner.invoke(cli, ["--db", str(tmp_path)]))
    assert line == f"rm-tui: {tmp_path} is a folder, not a database file"
    assert list(tmp_path.iterdir()) == []
    line = one_line_refusal(runner.invoke(cli, ["sessions"], env={"RM_TUI_DB": str(tmp_path)}))
    assert line == f"rm-tui: {tmp_path} is a folder, not a database file"


def test_a_pipe_given_as_db_is_one_line_exit_2_and_nothing_is_made(runner: CliRunner, tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    line = one_line_refusal(runner.invoke(cli, ["--db", str(pipe), "sessions"]))
    assert line == f"rm-tui: {pipe} is not a regular file (a pipe), not a database file"
    assert [p.name for p in tmp_path.iterdir()] == ["pipe"]


def test_topics_command_reports_problems(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["topics"])
    assert result.exit_code == 0
    assert "12  Technology Deep Dive" in result.output
    folder = tmp_path / "topics"
    folder.mkdir()
    (folder / "bad.toml").write_text("[category\n")
    result = runner.invoke(cli, ["topics"], env={"RM_TUI_TOPICS": str(folder)})
    assert result.exit_code == 2
    assert f"{folder / 'bad.toml'} line 1:" in result.output


# -- usage errors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["frobnicate"], "rm-tui: no such command 'frobnicate' (rm-tui --help lists them)"),
        (["--bogus"], "rm-tui: no such option '--bogus' (rm-tui --help lists them)"),
        (["export", "--bogus"], "rm-tui: no such option '--bogus' (rm-tui export --help lists them)"),
        (["--as", "nobody"], "'nobody' is not one of 'leader', 'mentor' (see rm-tui --help)"),
        (["export", "--session", "abc"], "'abc' is not a valid integer (see rm-tui export --help)"),
        (["--db"], "'--db' requires an argument (see rm-tui --help)"),
        (["export", "--session"], "'--session' requires an argument (see rm-tui export --help)"),
        (["calendar", "-o"], "'-o' requires an argument (see rm-tui calendar --help)"),
        (["export", "extra"], "unexpected extra argument (extra) (see rm-tui export --help)"),
    ],
)
def test_a_usage_error_is_one_line_exit_2(runner: CliRunner, tmp_path: Path, args: list[str], expected: str) -> None:
    result = runner.invoke(cli, args, env={"RM_TUI_DB": str(tmp_path / "rm.db")})
    assert result.exit_code == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("rm-tui: ") and lines[0].endswith(expected)
    assert "Usage:" not in result.stderr and "Error:" not in result.stderr
    assert not (tmp_path / "rm.db").exists()  # nothing was opened, nothing made


def test_a_usage_error_shows_control_characters_as_escapes(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--\x1b[2J"])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b[2J" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_help_and_version_still_work_everywhere(runner: CliRunner) -> None:
    for args in (["--help"], ["-h"], ["export", "--help"], ["calendar", "-h"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 0 and result.stdout.startswith("Usage: rm-tui"), args
    assert runner.invoke(cli, ["-V"]).stdout.strip() == f"rm-tui, version {__version__}"
