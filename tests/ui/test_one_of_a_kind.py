"""A count of one reads in the singular on the screens that count things."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from rm_tui.models import MentorshipSetup
from rm_tui.store import Store
from screens.progress import ProgressScreen
from tests.conftest import TODAY, draft
from tests.ui.helpers import SIZE, open_app, open_screen, screen_text


async def test_progress_counts_one_champion_entry_as_one_entry(db_path: Path, store: Store) -> None:
    sam = store.set_up_mentorship(draft(mentor="Sam Ortiz"), MentorshipSetup(), [("Short video", "")])
    store.add_champion_entry(sam, kind="credit", note="Named Sam at the all-hands",
                             happened_on=TODAY - timedelta(days=2))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_screen(pilot, "g", ProgressScreen)
        text = screen_text(app)
        assert "1 entry in that time" in text and "1 entries" not in text


async def test_home_says_a_daily_cadence_in_the_singular(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Sam Ortiz", cadence_days=1))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "every day" in text
        assert "every 1 day" not in text
