"""The follow-ups screen, the champion log and exporting from the app, driven by keys."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

from textual.widgets import Input

from rm_tui.models import NoteText
from rm_tui.store import Store
from screens.champion import ChampionScreen
from screens.champion_form import ChampionFormScreen
from screens.export_form import ExportFormScreen
from screens.follow_up_form import FollowUpFormScreen
from screens.follow_ups import FollowUpsScreen
from tests.conftest import TODAY, draft
from tests.ui.helpers import SIZE, open_app, screen_text, toasts, type_into


def seed(store: Store) -> tuple[int, int]:
    priya = store.create_mentorship(draft(mentor="Priya Nair"))
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))  # the newest: first on the home screen
    store.add_follow_up(sam, title="Ask about TikTok analytics", owner="mentor", due=TODAY - timedelta(days=4))
    store.add_follow_up(sam, title="Try Notion AI", owner="leader", due="+7d")
    store.add_follow_up(priya, title="Read the employer-brand deck", owner="leader", due=None)
    return sam, priya


async def test_follow_ups_filter_mark_done_undo_and_edit(db_path: Path, store: Store) -> None:
    seed(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
        text = screen_text(app)
        assert "Ask about TikTok analytics" in text and "4d late" in text and "3 open  ·  1 overdue" in text
        await pilot.press("s")  # overdue only
        await pilot.pause()
        assert "Try Notion AI" not in screen_text(app)
        await pilot.press("s", "s", "s", "o", "o")  # back to open; the mentor's only
        await pilot.pause()
        text = screen_text(app)
        assert "Ask about TikTok analytics" in text and "Try Notion AI" not in text
        await pilot.press("o", "d")  # anyone's again; the first (overdue) one is done
        await pilot.pause()
        assert store.list_follow_ups("done")[0].follow_up.title == "Ask about TikTok analytics"
        assert "2 open  ·  0 overdue" in screen_text(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [r.follow_up.title for r in store.list_follow_ups("overdue")] == ["Ask about TikTok analytics"]
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpFormScreen)
        assert "Edit follow-up in the mentorship with Sam Ortiz" in screen_text(app)  # one space, a phrase
        await type_into(pilot, due_on="whenever")
        await pilot.press("enter")
        await pilot.pause()
        assert "'whenever' is not a date" in screen_text(app)
        await type_into(pilot, due_on="+14d")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)
    assert store.list_follow_ups("overdue") == []


async def test_f6_reaches_the_follow_ups_from_inside_a_note(db_path: Path, store: Store) -> None:
    sam, _ = seed(store)
    store.mark_rules_shown(store.plan_session(sam))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("l")
        await pilot.pause()
        assert app.focused is app.screen.query_one("#editor")
        await pilot.press("f6")
        await pilot.pause()
        assert isinstance(app.screen, FollowUpsScreen)


async def test_the_champion_log_records_removes_and_puts_back(db_path: Path, store: Store) -> None:
    sam, _ = seed(store)
    for days_ago in (28, 14):
        session = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=days_ago))
        store.set_session_status(session, "held")
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "nothing logged for Sam Ortiz over the last two sessions" in screen_text(app)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        assert "Nothing logged over the last two sessions" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, ChampionFormScreen)
        await type_into(pilot, note="Credited her caption idea at the all-hands", happened_on="someday")
        await pilot.press("enter")
        await pilot.pause()
        assert "'someday' is not a date" in screen_text(app)
        assert store.champion_entries(sam) == []
        await type_into(pilot, happened_on="today")
        await pilot.press("enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Credited her caption idea at the all-hands" in text and "Nothing logged" not in text
        await pilot.press("delete")
        await pilot.pause()
        assert store.champion_entries(sam) == []
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [e.kind for e in store.champion_entries(sam)] == ["credit"]


async def test_export_a_mentorship_from_the_home_screen(db_path: Path, store: Store, tmp_path: Path) -> None:
    sam, _ = seed(store)
    session = store.plan_session(sam)
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    store.save_note(NoteText(None, session, item, "leader", "shared", "boards, not docs"))
    store.save_note(NoteText(None, session, item, "leader", "private", "I am behind"))
    target = tmp_path / "sam.md"
    target.write_text("an older export\n")
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportFormScreen)
        assert app.screen.query_one("#path", Input).value.endswith("rm-tui/sam-ortiz-all-sessions.md")
        await type_into(pilot, path=str(target))
        await pilot.press("enter")
        await pilot.pause()
        assert f"{target} already exists" in screen_text(app)
        assert target.read_text() == "an older export\n"
        await pilot.click("#replace")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ExportFormScreen)
    text = target.read_text()
    assert text.startswith("# Sam Ortiz mentors Dana Whitfield") and "> boards, not docs" in text
    assert "I am behind" not in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_the_calendar_file_is_one_key_from_the_home_screen(db_path: Path, store: Store, tmp_path: Path) -> None:
    from icalendar import Calendar

    sam, _ = seed(store)
    session = store.plan_session(sam)
    store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    target = tmp_path / "sessions.ics"
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, ExportFormScreen)
        assert app.screen.query_one("#path", Input).value.endswith("rm-tui/rm-tui-sessions.ics")
        assert not app.screen.query("#private")
        await type_into(pilot, path=str(target))
        await pilot.press("enter")
        await pilot.pause()
    (event,) = Calendar.from_ical(target.read_text()).walk("VEVENT")
    assert "A real task in Notion" in str(event["description"])


async def test_the_calendar_form_says_what_the_file_holds(db_path: Path, store: Store) -> None:
    sam, _ = seed(store)
    store.plan_session(sam)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        text = screen_text(app)
    assert "Dates and agenda titles only, never notes." in text
    assert "Off-record" not in text  # a calendar holds no notes to speak of


async def test_the_calendar_key_refuses_in_one_line_when_no_session_is_planned(
    db_path: Path, store: Store, tmp_path: Path
) -> None:
    store.create_mentorship(draft(mentor="Sam Ortiz"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("k")
        await pilot.pause()
        assert not isinstance(app.screen, ExportFormScreen)  # no form, so no file can be written
        assert toasts(app) == "No session is planned with Sam Ortiz: p plans one."


async def test_m_steps_through_the_mentorships_and_back_to_all(db_path: Path, store: Store) -> None:
    seed(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        shown = []
        for _ in range(3):
            await pilot.press("m")
            await pilot.pause()
            text = screen_text(app)
            shown.append(("Try Notion AI" in text, "Read the employer-brand deck" in text))
        assert sorted(shown[:2]) == [(False, True), (True, False)]  # one mentor's at a time
        assert shown[2] == (True, True)  # then every mentorship again
        assert "Mentorship" in {c.title for c in app.get_system_commands(app.screen)}


async def test_undo_says_what_came_back_on_the_follow_ups_and_the_champion_log(db_path: Path, store: Store) -> None:
    sam, _ = seed(store)
    store.add_champion_entry(sam, kind="credit", note="Credited her caption idea", happened_on="today")
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("f6")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in toasts(app)
        await pilot.press("x")  # the first (overdue) one is dropped
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Open again: Ask about TikTok analytics" in toasts(app)
        assert [r.follow_up.title for r in store.list_follow_ups("overdue")] == ["Ask about TikTok analytics"]
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        await pilot.press("delete", "ctrl+z")
        await pilot.pause()
        assert "Put back: " in toasts(app)
        assert [e.note for e in store.champion_entries(sam)] == ["Credited her caption idea"]
