"""Fixtures for the end-to-end tests: a private database and user folders for a real terminal."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.terminal import RM_TUI, Terminal, require_tools


@pytest.fixture
def terminal_env(tmp_path: Path, isolated_user_dirs: Path) -> dict[str, str]:
    require_tools()
    return {
        "RM_TUI_DB": str(tmp_path / "e2e.db"),
        "HOME": str(isolated_user_dirs),
        "XDG_DATA_HOME": str(isolated_user_dirs / "data"),
        "RM_TUI_TOPICS": str(isolated_user_dirs / "topics"),
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
    }


@pytest.fixture
def terminal(terminal_env: dict[str, str]) -> Iterator[Terminal]:
    term = Terminal([str(RM_TUI)], terminal_env)
    yield term
    term.close()
