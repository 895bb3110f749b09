"""Finding every action without the README: the footer shows what fits, the palette has the rest."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.command import CommandList
from textual.widgets import DataTable

from rm_tui.store import Store
from tests.conftest import TODAY, draft
from tests.ui.helpers import footer_keys, open_app, screen_text
from widgets.row_list import RowList


def footer_words(app) -> list[str]:
    """The footer's keys as read, left to right."""
    return [word for _, word, _, _, _ in footer_keys(app.screen)]


def keys_in_sight(app) -> list[str]:
    """The footer keys wholly on screen, left of the palette key."""
    keys = footer_keys(app.screen)
    palette_start = next(start for key, _, _, start, _ in keys if key == app.COMMAND_PALETTE_BINDING)
    return [word for key, word, _, _, end in keys
            if key != app.COMMAND_PALETTE_BINDING and end <= palette_start and end <= app.size.width]


async def test_a_wide_home_footer_shows_plan_export_champion_progress_and_calendar(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = keys_in_sight(app)
        for key in ("n New", "s Agenda", "l Live", "p Plan", "x Export", "c Champion log", "g Progress",
                    "k Calendar", "f1 Help"):
            assert key in shown, key
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        shown = keys_in_sight(app)
        assert "f1 Help" in shown and "n New" in shown and "c Champion log" not in shown  # what fits, F1 kept
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert "k Calendar" in keys_in_sight(app)


async def test_the_mentors_wide_footer_leaves_out_the_leaders_keys(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path, role="mentor")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        shown = keys_in_sight(app)
        assert "s Agenda" in shown and "x Export" in shown and "f1 Help" in shown
        for leaders in ("n New", "e Edit", "p Plan", "g Progress", "w The ask", "f4 Speaker"):
            assert leaders not in shown, leaders


async def test_a_first_start_points_to_f1_and_the_palette(db_path: Path) -> None:
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "ctrl+p finds every action by name" in text and "F1" in text


async def test_the_palette_shows_a_topics_placeholder_as_written(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"unwritten rules")
        await pilot.pause(0.8)
        commands = app.screen.query_one(CommandList)
        prompts = [str(commands.get_option_at_index(i).prompt) for i in range(commands.option_count)]
        assert any("unwritten rules of [Tool] here" in prompt for prompt in prompts), prompts


def widths(app, table_id: str) -> list[int]:
    table = app.screen.query_one(table_id)
    if isinstance(table, RowList):
        return table.column_widths
    assert isinstance(table, DataTable)
    return [column.get_render_width(table) for column in table.columns.values()]


async def test_the_follow_ups_columns_are_as_wide_on_every_opening(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.add_follow_up(sam, title="Try it", owner="leader", due=None)
    done = store.add_follow_up(sam, title="Read the whole onboarding handbook a new hire gets, cover to cover",
                               owner="mentor", due=(TODAY - timedelta(days=30)).isoformat())
    store.set_follow_up_status(done, "done")
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        first = widths(app, "#follow-ups")
        await pilot.press("s", "s", "s")  # overdue, done, all: the long one shows
        await pilot.pause()
        assert "onboarding handbook" in screen_text(app)
        await pilot.press("s")  # open again
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("f6")
        await pilot.pause()
        assert widths(app, "#follow-ups") == first


async def test_the_mentorships_columns_stay_when_archived_ones_come_and_go(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Sam Ortiz", focus="video"))
    ended = store.create_mentorship(draft(mentor="Alexandra Konstantinopoulou-Whitfield",
                                          focus="how our employer brand reads to someone who just graduated"))
    store.set_mentorship_status(ended, "ended")
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        first = widths(app, "#mentorships")
        await pilot.press("h")
        await pilot.pause()
        assert "Alexandra" in screen_text(app)
        await pilot.press("h")
        await pilot.pause()
        assert widths(app, "#mentorships") == first


FOCUS = "short-form video, and how customers use AI assistants"


async def test_the_mentorships_main_text_takes_the_room_the_other_columns_leave(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft(mentor="Sam Ortiz", focus=FOCUS))
    for size in ((120, 40), (80, 24)):
        app = open_app(db_path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            mentor, focus, *rest = widths(app, "#mentorships")
            assert mentor + focus + sum(rest) == size[0] - 2  # the table fills its width, scrollbar aside
            if size == (120, 40):
                assert focus - 2 >= len(FOCUS)  # read whole, with room to spare
            else:
                # Cut only because the other columns need their room: each is as wide as what it shows.
                assert focus - 2 < len(FOCUS) and mentor - 2 == len("Sam Ortiz")
                shown = app.screen.query_one("#mentorships", RowList).row_texts()[0][2:]
                headers = ["Held", "Next session", "Follow-ups"]
                assert rest == [max(len(a), len(b)) + 2 for a, b in zip(headers, shown, strict=True)]


async def test_the_follow_ups_title_takes_the_room_the_due_date_does_not_need(db_path: Path, store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    title = "Try auto-layout in the design tool on a real screen"
    store.add_follow_up(sam, title=title, owner="leader", due=(TODAY + timedelta(days=14)).isoformat())
    for size in ((120, 40), (80, 24)):
        app = open_app(db_path)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await pilot.press("f6")
            await pilot.pause()
            mark, what, owner, mentor, due, agreed = widths(app, "#follow-ups")
            assert mark + what + owner + mentor + due + agreed == size[0] - 2
            assert due - 2 == len(f"{TODAY + timedelta(days=14):%a %d %b}")  # no wider than the date it shows
            assert what - 2 >= min(len(title), size[0] - 2 - mark - owner - mentor - due - agreed - 2)
