"""The guided start, the ask and the progress screen, driven by keys."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Sparkline, TextArea

from rm_tui.models import MentorshipSetup
from rm_tui.store import Store
from screens.ask import AskScreen
from screens.export_form import ExportFormScreen
from screens.mentorship_form import MentorshipFormScreen
from screens.progress import ProgressScreen
from tests.conftest import TODAY, draft
from tests.ui.helpers import SIZE, open_app, screen_text, type_into


async def test_the_guided_start_drafts_the_ask_as_you_answer_and_saves_it_all(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, MentorshipFormScreen)
        assert app.focused is form.query_one("#gap-0")  # step 1 comes first
        await type_into(pilot, **{"gap-0": "why our videos don't spread", "question-0": "What makes people watch?"})
        await type_into(pilot, leader="Dana Whitfield", mentor="Sam Ortiz", impressed_by="your launch videos")
        await type_into(pilot, manager_talked_on="yesterday", focus="short-form video", offer="open doors for you")
        ask = form.query_one("#ask_text", TextArea)
        assert ask.text.startswith("Hi Sam,\n\nI keep coming back to your launch videos.")
        assert "- What makes people watch?" in ask.text and "in return:\n- open doors for you\n" in ask.text
        await pilot.press("f7")
        assert app.clipboard == ask.text  # ready to paste into a message
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, MentorshipFormScreen)
    (overview,) = store.list_mentorships()
    sam = overview.mentorship
    assert (sam.mentor, sam.focus, sam.manager_informed) == ("Sam Ortiz", "short-form video", True)
    assert store.setup(sam.id) == MentorshipSetup("your launch videos", "open doors for you",
                                                  TODAY - timedelta(days=1), "")
    assert [(g.gap, g.question) for g in store.goals(sam.id)] == [("why our videos don't spread",
                                                                    "What makes people watch?")]


async def test_every_step_but_the_names_can_be_skipped(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_into(pilot, leader="Dana", mentor="Sam")
        await pilot.press("ctrl+s")
        await pilot.pause()
    (overview,) = store.list_mentorships()
    assert store.goals(overview.mentorship.id) == []
    assert store.setup(overview.mentorship.id) == MentorshipSetup()


async def test_a_bad_date_for_the_manager_talk_is_refused_and_nothing_saved(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n")
        await type_into(pilot, leader="Dana", mentor="Sam", manager_talked_on="the other week")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, MentorshipFormScreen)
        assert "When you talked to their manager" in str(app.screen.query_one("#error").render())
        assert app.focused is app.screen.query_one("#manager_talked_on")
        assert app.screen.query_one("#mentor", Input).value == "Sam"
    assert store.list_mentorships() == []


async def test_an_ask_edited_by_hand_is_kept_and_saved_as_text(db_path: Path, store: Store, tmp_path: Path) -> None:
    sam = store.set_up_mentorship(draft(mentor="Sam Ortiz"), MentorshipSetup(impressed_by="your launch"), [])
    target = tmp_path / "ask.txt"
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, AskScreen)
        editor = app.screen.query_one("#ask-text", TextArea)
        assert editor.text.startswith("Hi Sam,")
        await pilot.press("ctrl+home", *"Dear ")
        await pilot.press("f7")  # in the editor too, F7 copies rather than selecting all
        assert app.clipboard.startswith("Dear Hi Sam,")
        await pilot.press("f8")
        await pilot.pause()
        assert isinstance(app.screen, ExportFormScreen)
        await type_into(pilot, path=str(target))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")  # closes the ask; the edit is kept
        await pilot.pause()
    assert target.read_text().startswith("Dear Hi Sam,")
    assert target.stat().st_mode & 0o777 == 0o600
    assert store.setup(sam).ask_text.startswith("Dear Hi Sam,")


async def test_progress_shows_charts_and_ticks_off_goals(db_path: Path, store: Store) -> None:
    sam = store.set_up_mentorship(draft(mentor="Sam Ortiz"), MentorshipSetup(),
                                  [("Short video", "What makes people watch?"), ("AI tools", "")])
    held = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=3))
    store.set_session_status(held, "held")
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.query_one("#held-spark", Sparkline).data == [0, 0, 0, 0, 0, 1]
        text = screen_text(app)
        assert "1 held · the cadence asks for 2" in text
        assert "not yet: Technology Deep Dive" in text
        assert "0 of 2" in text
        await pilot.press("space")
        await pilot.pause()
        assert "✓ Short video" in screen_text(app) and "1 of 2" in screen_text(app)
    assert [g.learned_on for g in store.goals(sam)] == [TODAY, None]


async def test_progress_and_the_champion_log_count_a_topic_left_as_discussed(db_path: Path, store: Store) -> None:
    from rm_tui.models import NoteText
    from screens.champion import ChampionScreen

    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    session = store.plan_session(sam, scheduled_on=TODAY)
    noted = store.add_agenda_item(session, title="A real task in Notion", category="Technology Deep Dive",
                                  proposed_by="leader")
    moved = store.add_agenda_item(session, title="Reels vs Shorts", category="Social Media Lab", proposed_by="mentor")
    store.start_session(session)
    for item in (noted, moved):  # notes on both, neither marked done
        store.save_note(NoteText(None, session, item, "leader", "shared", "two lines\nof notes"))
    store.set_carry_over(moved, True)  # the pair moves this one to "carries over"
    store.end_session(session)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen)
        text = screen_text(app)
        assert "not yet:" in text and "Technology Deep Dive" not in text.split("not yet:")[1].split("\n")[0]
        assert "Social Media Lab" in text.split("not yet:")[1].split("\n")[0]
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ChampionScreen)
        assert "1 session held · 1 topic discussed" in screen_text(app)
