"""How a mentorship is going: the figures behind the progress screen's small charts.

All of its SQL is here. Time is cut into four-week periods
ending today, so a sparkline of them reads "how the last months went".
"""

from __future__ import annotations

from datetime import date, timedelta

from topic_library import CORE_CATEGORIES

from ..models import PERIOD_DAYS, Progress
from ..scope import Action, requires
from .base import StoreBase

PERIODS = 6

# `item_outcome`'s rule in SQL, for counting in bulk: an item of a *held* meeting was
# talked about when it was marked done, or when it was left open and the meeting's end
# (or the pair, on its summary) wrote down that it does not carry over
# (`_settle_carry_over` in live.py writes `carry_over` from `item_outcome`). It reads
# that written answer, never notes or timers again, so it cannot disagree with the
# summary or the export. `i` is agenda_items, `s` its session.
TALKED_ABOUT_SQL = "s.status = 'held' AND (i.status = 'discussed' OR (i.status = 'open' AND i.carry_over = 0))"


class ProgressQueries(StoreBase):
    """The leader's figures: sessions, champion log, categories, follow-ups and goals over time."""

    @requires(Action.SEE_LEADERS_OWN)
    def progress(self, mentorship_id: int, periods: int = PERIODS) -> Progress:
        today = self.today()
        starts = [today - timedelta(days=PERIOD_DAYS * (periods - n)) + timedelta(days=1) for n in range(periods)]
        cadence = self.db.execute("SELECT cadence_days FROM mentorships WHERE id = ?", [mentorship_id]).fetchone()
        held_days = [date.fromisoformat(r[0]) for r in self.db.execute(
            "SELECT scheduled_on FROM sessions WHERE mentorship_id = ? AND status = 'held' AND scheduled_on >= ?",
            [mentorship_id, starts[0].isoformat()],
        )]
        (first,) = self.db.execute(
            "SELECT min(scheduled_on) FROM sessions WHERE mentorship_id = ? AND status != 'cancelled'",
            [mentorship_id],
        ).fetchone()
        active = sum(1 for n, start in enumerate(starts) if first and date.fromisoformat(first) < (
            starts[n + 1] if n + 1 < len(starts) else today + timedelta(days=1)))
        champion_days = [date.fromisoformat(r[0]) for r in self.db.execute(
            "SELECT happened_on FROM champion_entries WHERE mentorship_id = ? AND happened_on >= ?",
            [mentorship_id, starts[0].isoformat()],
        )]
        categories = dict(self.db.execute(
            "SELECT i.category, count(*) FROM agenda_items i JOIN sessions s ON s.id = i.session_id "
            f"WHERE s.mentorship_id = ? AND {TALKED_ABOUT_SQL} AND i.category IS NOT NULL GROUP BY i.category",
            [mentorship_id],
        ).fetchall())
        on_time, late, total = self.db.execute(
            "SELECT coalesce(sum(status = 'done' AND (due_on IS NULL OR done_on <= due_on)), 0), "
            "coalesce(sum((status = 'done' AND done_on > due_on) OR (status = 'open' AND due_on < ?)), 0), "
            "count(*) FROM follow_ups WHERE mentorship_id = ? AND status != 'dropped'",
            [today.isoformat(), mentorship_id],
        ).fetchone()
        learned, goals = self.db.execute(
            "SELECT count(learned_on), count(*) FROM learning_goals WHERE mentorship_id = ?", [mentorship_id]
        ).fetchone()
        return Progress(
            period_starts=starts,
            held=_per_period(held_days, starts),
            expected_per_period=PERIOD_DAYS / cadence[0] if cadence else 0.0,
            active_periods=active,
            champion=_per_period(champion_days, starts),
            categories={name: categories.get(name, 0) for name in CORE_CATEGORIES},
            follow_ups_on_time=on_time,
            follow_ups_late=late,
            follow_ups_total=total,
            goals_learned=learned,
            goals_total=goals,
        )


def _per_period(days: list[date], starts: list[date]) -> list[int]:
    counts = [0] * len(starts)
    for day in days:
        index = max(i for i, start in enumerate(starts) if start <= day) if day >= starts[0] else None
        if index is not None:
            counts[index] += 1
    return counts
