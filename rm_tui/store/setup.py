"""The guided start of a mentorship: learning goals, the manager conversation, the ask.

All of its SQL is here.
"""

from __future__ import annotations

from ..models import LearningGoal, MentorshipDraft, MentorshipSetup, replace
from ..scope import Action, requires
from ..validation import optional_text, required_text
from .base import NOW_SQL, inserted
from .connection import immediate
from .mentorships import MentorshipQueries

Goal = tuple[str, str]  # (the gap in the leader's words, the curious question it becomes)


class SetupQueries(MentorshipQueries):
    """The guided start (a mentorship with its setup and goals in one go), the ask, the goals."""

    @requires(Action.MANAGE_MENTORSHIPS)
    def set_up_mentorship(self, draft: MentorshipDraft, setup: MentorshipSetup, goals: list[Goal]) -> int:
        """Create a mentorship with everything the guided start gathered, all or nothing.

        Goals with neither a gap nor a question are skipped steps, not errors.
        """
        clean_setup = setup.validated()
        clean_goals = [_clean_goal(gap, question) for gap, question in goals if gap.strip() or question.strip()]
        draft.validated()  # refuse before anything is written
        with immediate(self.db):
            mentorship_id = self.create_mentorship(draft)
            self._write_setup(mentorship_id, clean_setup)
            for gap, question in clean_goals:
                self._insert_goal(mentorship_id, gap, question)
        self._wrote("mentorships", "mentorship_setup", "learning_goals")
        return mentorship_id

    @requires(Action.SEE_LEADERS_OWN)
    def setup(self, mentorship_id: int) -> MentorshipSetup:
        self.scope.require_mentorship(mentorship_id)
        found = self._all(
            MentorshipSetup,
            "SELECT impressed_by, offer, manager_talked_on, ask_text FROM mentorship_setup WHERE mentorship_id = ?",
            [mentorship_id],
        )
        return found[0] if found else MentorshipSetup()  # nothing answered yet

    @requires(Action.MANAGE_MENTORSHIPS)
    def save_setup(self, mentorship_id: int, setup: MentorshipSetup) -> None:
        clean = setup.validated()
        with immediate(self.db):
            self._write_setup(mentorship_id, clean)
        self._wrote("mentorship_setup")

    @requires(Action.MANAGE_MENTORSHIPS)
    def save_ask(self, mentorship_id: int, text: str) -> None:
        """Keep the leader's edited ask (empty: go back to the draft made from the answers)."""
        self.save_setup(mentorship_id, replace(self.setup(mentorship_id), ask_text=text))

    def _write_setup(self, mentorship_id: int, clean: MentorshipSetup) -> None:
        self.get_mentorship(mentorship_id)  # NotFound when it is gone (or outside the scope)
        self.db.execute(
            "INSERT INTO mentorship_setup (mentorship_id, impressed_by, offer, manager_talked_on, ask_text) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(mentorship_id) DO UPDATE SET impressed_by = excluded.impressed_by, "
            "offer = excluded.offer, manager_talked_on = excluded.manager_talked_on, "
            f"ask_text = excluded.ask_text, updated_at = {NOW_SQL}",
            [mentorship_id, clean.impressed_by, clean.offer,
             clean.manager_talked_on.isoformat() if clean.manager_talked_on else None, clean.ask_text],
        )

    # -- learning goals ----------------------------------------------------------------

    @requires(Action.SEE_LEADERS_OWN)
    def goals(self, mentorship_id: int) -> list[LearningGoal]:
        self.scope.require_mentorship(mentorship_id)
        return self._all(
            LearningGoal,
            "SELECT id, mentorship_id, gap, question, learned_on FROM learning_goals WHERE mentorship_id = ? "
            "ORDER BY position, id",
            [mentorship_id],
        )

    @requires(Action.MANAGE_MENTORSHIPS)
    def add_goal(self, mentorship_id: int, gap: str, question: str = "") -> int:
        clean_gap, clean_question = _clean_goal(gap, question)
        with immediate(self.db):
            self.get_mentorship(mentorship_id)
            goal_id = self._insert_goal(mentorship_id, clean_gap, clean_question)
        self._wrote("learning_goals")
        return goal_id

    @requires(Action.MANAGE_MENTORSHIPS)
    def set_goal_learned(self, goal_id: int, learned: bool) -> None:
        """Mark a goal learned today, or not learned after all."""
        cursor = self.db.execute(
            f"UPDATE learning_goals SET learned_on = ?, updated_at = {NOW_SQL} WHERE id = ?",
            [self.today().isoformat() if learned else None, goal_id],
        )
        if cursor.rowcount == 0:
            raise self._not_found(f"learning goal {goal_id}")
        self._wrote("learning_goals")

    def _insert_goal(self, mentorship_id: int, gap: str, question: str) -> int:
        cursor = self.db.execute(
            "INSERT INTO learning_goals (mentorship_id, gap, question, position) VALUES (?, ?, ?, "
            "(SELECT coalesce(max(position), -1) + 1 FROM learning_goals WHERE mentorship_id = ?))",
            [mentorship_id, gap, question, mentorship_id],
        )
        return inserted(cursor)


def _clean_goal(gap: str, question: str) -> Goal:
    return required_text(gap, "gap", "What you don't know yet"), optional_text(question, "question", "The question")
