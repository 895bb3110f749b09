"""Browsing the topic library by category, by filter, and with the mouse."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from rm_tui.store import Store
from screens.topic_library import TopicLibraryScreen
from tests.ui.helpers import SIZE, open_app, screen_text


async def test_browse_categories_and_read_a_topic(db_path: Path, user_topics: Path) -> None:
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        assert isinstance(app.screen, TopicLibraryScreen)
        categories = app.screen.query_one("#categories", OptionList)
        labels = [str(categories.get_option_at_index(i).prompt) for i in range(categories.option_count)]
        assert labels[0].startswith("All topics (")
        assert [label.rsplit(" (", 1)[0] for label in labels[1:]] == [
            "Technology Deep Dive",
            "Social Media Lab",
            "Communication Clinic",
            "Show and Tell",
        ]
        await pilot.press("down", "down")  # Social Media Lab
        await pilot.pause()
        topics = app.screen.query_one("#topics", OptionList)
        assert topics.option_count >= 10
        card = screen_text(app)
        assert "Social Media Lab" in card and "Why it helps" in card and "Ask" in card

        await pilot.press("enter", "down")  # into the topic list, next topic
        await pilot.pause()
        assert app.screen.focused is topics
        assert topics.highlighted == 1


async def test_filter_narrows_topics_and_escape_clears(db_path: Path, user_topics: Path) -> None:
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3", "slash")
        await pilot.press(*"job ad")
        await pilot.pause()
        topics = app.screen.query_one("#topics", OptionList)
        assert 1 <= topics.option_count < 5
        await pilot.press("escape")
        await pilot.pause()
        assert topics.option_count >= 48


async def test_user_topics_appear_as_their_own_category(db_path: Path, user_topics: Path) -> None:
    (user_topics / "mine.toml").write_text(
        '[category]\nname = "Board [Prep]"\n\n[[topics]]\ntitle = "Rehearse [Metric]"\n'
        'prompt = "Watch me present [Metric]."\nminutes = 10\n',
        encoding="utf-8",
    )
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        await pilot.click("#categories", offset=(3, 6))  # the sixth row: the user's category
        await pilot.pause()
        text = screen_text(app)
        assert "Rehearse [Metric]" in text and "From your file" in text and "Metric" in text


async def test_a_malformed_user_file_is_announced_and_the_rest_loads(db_path: Path, user_topics: Path) -> None:
    (user_topics / "broken.toml").write_text("[category\nname = 1\n", encoding="utf-8")
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        assert "broken.toml line 1" in screen_text(app)  # shown as a notification
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.query_one("#topics", OptionList).option_count >= 48


async def test_a_first_start_writes_the_library_once_its_first_screen_is_up(db_path: Path, user_topics: Path) -> None:
    """The topic files are read after the first screen is drawn, not on a later read:
    the mentor's window, another process, finds the library there too."""
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "No mentorships yet" in screen_text(app)  # home, never the library
        other_window = Store.open(db_path)
        assert len(other_window.list_topics()) >= 48
        other_window.close()
