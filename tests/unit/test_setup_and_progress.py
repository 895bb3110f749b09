"""The guided start (goals, manager, the ask) and the progress figures."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from rm_tui.ask import current_ask, draft_ask, rhythm
from rm_tui.errors import ValidationError
from rm_tui.models import MentorshipSetup
from rm_tui.store import Store
from tests.conftest import TODAY, draft


def test_a_guided_start_saves_the_mentorship_its_goals_and_answers_together(store: Store) -> None:
    sam = store.set_up_mentorship(
        draft(mentor="Sam Ortiz"),
        MentorshipSetup(impressed_by="your launch videos", offer="open doors", manager_talked_on=TODAY),
        [("I plan in documents", "How do you keep a plan alive?"), ("", ""), ("AI tools scare me", "")],
    )
    assert [(g.gap, g.question, g.learned) for g in store.goals(sam)] == [
        ("I plan in documents", "How do you keep a plan alive?", False),
        ("AI tools scare me", "", False),
    ]
    assert store.setup(sam) == MentorshipSetup("your launch videos", "open doors", TODAY, "")


def test_a_refused_guided_start_saves_nothing(store: Store) -> None:
    with pytest.raises(ValidationError, match="mentor's name"):
        store.set_up_mentorship(draft(mentor=" "), MentorshipSetup(offer="x"), [("a gap", "a question")])
    with pytest.raises(ValidationError, match="What you don't know yet"):
        store.set_up_mentorship(draft(), MentorshipSetup(), [("", "a question without its gap")])
    assert store.list_mentorships() == []
    assert store.db.execute("SELECT count(*) FROM learning_goals").fetchone()[0] == 0


def test_goals_are_marked_learned_today_and_back(store: Store) -> None:
    sam = store.create_mentorship(draft())
    goal = store.add_goal(sam, "Short video", "What makes people watch to the end?")
    store.set_goal_learned(goal, True)
    assert store.goals(sam)[0].learned_on == TODAY
    store.set_goal_learned(goal, False)
    assert not store.goals(sam)[0].learned


def test_the_ask_is_drafted_from_the_answers_and_leaves_out_what_was_skipped(store: Store) -> None:
    sam = store.set_up_mentorship(
        draft(leader="Dana Whitfield", mentor="Sam Ortiz", focus="short-form video", manager_informed=False,
              cadence_days=14),
        MentorshipSetup(impressed_by="the launch videos you planned", offer="introduce you to the brand team"),
        [("I don't get why videos spread", "What makes someone watch to the end?")],
    )
    text = draft_ask(store.get_mentorship(sam), store.setup(sam), store.goals(sam))
    assert text.startswith("Hi Sam,\n\nI keep coming back to the launch videos you planned.")
    assert "learn about short-form video. The question on my mind:\n- What makes someone watch to the end?" in text
    assert "45 minutes every two weeks" in text
    assert "What I can offer you in return:\n- introduce you to the brand team\n" in text
    assert "check with your manager" in text
    assert text.rstrip().endswith("Thank you,\nDana")
    bare = store.create_mentorship(draft(mentor="Alex", expertise="", focus=""))
    plain = draft_ask(store.get_mentorship(bare), store.setup(bare), [])
    assert "None" not in plain and "I keep coming back" not in plain
    assert "credit" in plain  # a default offer: the ask is always two-way
    store.add_goal(sam, "AI tools scare me", "Which one would you try first?")
    two = draft_ask(store.get_mentorship(sam), store.setup(sam), store.goals(sam))
    assert "The questions on my mind:\n- What makes someone watch to the end?\n- Which one would you try first?" in two


def test_an_edited_ask_is_kept_until_it_is_cleared(store: Store) -> None:
    sam = store.create_mentorship(draft(mentor="Sam Ortiz"))
    store.save_ask(sam, "Sam, coffee and a question?")
    mentorship, setup, goals = store.get_mentorship(sam), store.setup(sam), store.goals(sam)
    assert current_ask(mentorship, setup, goals) == "Sam, coffee and a question?"
    store.save_ask(sam, "")
    assert current_ask(store.get_mentorship(sam), store.setup(sam), []).startswith("Hi Sam,")


@pytest.mark.parametrize(("days", "words"), [(7, "every week"), (14, "every two weeks"), (30, "once a month"),
                                             (10, "every 10 days")])
def test_rhythm_in_words(days: int, words: str) -> None:
    assert rhythm(days) == words


def test_progress_counts_periods_categories_follow_ups_champion_and_goals(store: Store) -> None:
    sam = store.create_mentorship(draft(cadence_days=14))
    for days_ago in (50, 36, 8):
        session = store.plan_session(sam, scheduled_on=TODAY - timedelta(days=days_ago))
        item = store.add_agenda_item(session, title="Notion", category="Technology Deep Dive", proposed_by="leader")
        store.set_item_status(item, "discussed")
        store.set_session_status(session, "held")
    store.plan_session(sam)  # planned, not held: not counted
    done = store.add_follow_up(sam, title="On time", owner="leader", due=TODAY + timedelta(days=3))
    store.set_follow_up_status(done, "done")
    store.add_follow_up(sam, title="Late", owner="mentor", due=TODAY - timedelta(days=2))
    store.add_follow_up(sam, title="Not due yet", owner="mentor", due=TODAY + timedelta(days=9))
    store.add_champion_entry(sam, kind="credit", note="named Sam", happened_on=TODAY - timedelta(days=1))
    goal = store.add_goal(sam, "Short video")
    store.add_goal(sam, "AI tools")
    store.set_goal_learned(goal, True)
    progress = store.progress(sam)
    assert progress.held == [0, 0, 0, 0, 2, 1]
    assert progress.period_starts[-1] == TODAY - timedelta(days=27)
    assert (progress.expected_per_period, progress.active_periods) == (2.0, 2)
    assert progress.categories["Technology Deep Dive"] == 3 and progress.categories["Show and Tell"] == 0
    assert (progress.follow_ups_on_time, progress.follow_ups_late, progress.follow_ups_total) == (1, 1, 3)
    assert progress.champion == [0, 0, 0, 0, 0, 1]
    assert (progress.goals_learned, progress.goals_total) == (1, 2)


def test_progress_of_a_new_mentorship_is_all_zero(store: Store) -> None:
    progress = store.progress(store.create_mentorship(draft()))
    assert progress.held_total == 0 and progress.expected_total == 0
    assert progress.follow_ups_total == 0 and progress.goals_total == 0
    assert date(2026, 1, 1) < progress.period_starts[0] < TODAY
