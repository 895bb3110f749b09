"""Help (F1) reads as a table at any width: what a key does wraps under itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.geometry import Region

from rm_tui.store import Store
from screens.help import HelpScreen
from tests.conftest import draft
from tests.ui.helpers import open_app, screen_text


@pytest.fixture
def mentorship(store: Store) -> int:
    return store.create_mentorship(draft())


def _drawn(widget) -> list[str]:
    width, height = widget.outer_size
    return [strip.text.rstrip() for strip in widget.render_lines(Region(0, 0, width, height))]


async def test_a_long_description_wraps_under_the_descriptions_not_to_the_left_edge(
    db_path: Path, mentorship: int
) -> None:
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = _drawn(app.screen.query(".help-keys").first())
        start = next(line for line in keys if "Build the next session's agenda" in line)
        column = start.index("Build the next session's agenda")
        rest = keys[keys.index(start) + 1]
        assert not rest.strip().startswith(("s ", "l ")), "at 80 columns the description goes on below"
        assert rest[:column].strip() == "" and rest[column] != " ", keys  # under its first word
        assert "session if needed)" in " ".join(" ".join(keys).split())
        for line in keys:  # every key starts a line of its own, in the key column
            assert line[:2] == "  " and line.strip()


async def test_help_still_names_the_screen_and_every_key(db_path: Path, mentorship: int) -> None:
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f1")
        await pilot.pause()
        text = screen_text(app)
        assert "On this screen (Mentorships)" in text and "Everywhere" in text
        assert "Build the next session's agenda (plans the session if needed)" in text
        assert "Every action is also in the command palette" in text
