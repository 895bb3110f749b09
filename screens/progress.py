"""How a mentorship is going, in small charts, and the learning goals to tick off."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.widgets import Header, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from rm_tui.models import PERIOD_DAYS, LearningGoal, Progress
from rm_tui.text import counted, one_line
from widgets.categories import category_column
from widgets.key_footer import KeyFooter
from widgets.safe import literal, literal_line

from .data_screen import DataScreen

if TYPE_CHECKING:
    from rm_tui.store import Store  # for the type only, as in DataScreen

BAR_WIDTH = 20


def bar(part: int, whole: int, width: int = BAR_WIDTH) -> str:
    """'██████░░░░' for part of whole; an empty whole is an empty track."""
    filled = round(width * part / whole) if whole else 0
    return "█" * filled + "░" * (width - filled)


def goal_line(goal: LearningGoal) -> Content:
    mark = ("✓ ", "bold $success") if goal.learned else ("☐ ", "$accent")
    return Content.assemble(mark, literal_line(goal.gap, "bold" if not goal.learned else "$text-muted"),
                            "\n  " if goal.question else "", literal_line(goal.question, "$text-muted"),
                            (f"  learned {goal.learned_on:%d %b}" if goal.learned_on else "", "$success"))


class ProgressScreen(DataScreen):
    """Sessions against the cadence, categories, follow-ups on time, champion entries, goals."""

    DEFAULT_CSS = """
    ProgressScreen { overflow-y: auto; }
    ProgressScreen #charts { grid-size: 3; grid-columns: 28 32 1fr; grid-rows: auto; grid-gutter: 1 1;
                             height: auto; padding: 1 2; }
    ProgressScreen.-narrow #charts { grid-columns: 16 24 1fr; grid-gutter: 0 1; padding: 1 1; }
    ProgressScreen .label { color: $text-muted; }
    ProgressScreen Sparkline { height: 2; }
    ProgressScreen #goals-box { height: 1fr; min-height: 8; }
    ProgressScreen #goals { height: 1fr; margin: 0 2 1 2; border: round $primary; }
    """

    WATCHES = frozenset(
        {"sessions", "agenda_items", "follow_ups", "champion_entries", "learning_goals", "mentorships"}
    )
    BINDINGS = [
        Binding("space", "toggle_learned", "Learned", tooltip="Mark the highlighted goal learned, or not yet"),
        Binding("escape", "back", "Back", tooltip="Back to the mentorships"),
    ]

    def __init__(self, store: Store, mentorship_id: int) -> None:
        super().__init__(store)
        self.mentorship_id = mentorship_id
        self._goals: list[LearningGoal] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Grid(id="charts"):
            for key in ("held", "champion"):
                yield Static(classes="label", id=f"{key}-label")
                yield Sparkline([], id=f"{key}-spark")
                yield Static(id=f"{key}-figure")
            for key in ("categories", "follow-ups", "goals-bar"):
                yield Static(classes="label", id=f"{key}-label")
                yield Static(id=f"{key}-bar")
                yield Static(id=f"{key}-figure")
        with Vertical(id="goals-box"):
            yield OptionList(id="goals")
        yield KeyFooter()

    def on_mount(self) -> None:
        mentor = self.store.get_mentorship(self.mentorship_id).mentor
        self.sub_title = f"Progress with {one_line(mentor)}"  # the header shows it literally, but raw
        self.query_one("#goals").border_title = "Learning goals  (space: learned)"
        self.query_one("#goals").focus()

    def reload(self) -> None:
        progress = self.store.progress(self.mentorship_id)
        self._show_series(progress)
        self._show_bars(progress)
        goals = self.query_one("#goals", OptionList)
        highlighted = goals.highlighted
        self._goals = self.store.goals(self.mentorship_id)
        goals.clear_options()
        goals.add_options(Option(goal_line(g), id=str(g.id)) for g in self._goals)
        if self._goals:
            goals.highlighted = min(highlighted or 0, len(self._goals) - 1)
        goals.border_subtitle = "" if self._goals else "none yet: they come from setting up the mentorship"

    def _set(self, key: str, label: str, figure: Content | str) -> None:
        self.query_one(f"#{key}-label", Static).update(label)
        self.query_one(f"#{key}-figure", Static).update(figure)

    def _show_series(self, p: Progress) -> None:
        weeks = PERIOD_DAYS // 7
        self.query_one("#held-spark", Sparkline).data = p.held
        self.query_one("#champion-spark", Sparkline).data = p.champion
        behind = p.held_total < p.expected_total
        self._set("held", f"Sessions held, per {weeks} weeks", Content.assemble(
            (f"{p.held_total} held", "bold"),
            (f" · the cadence asks for {p.expected_total:g}" if p.active_periods else " · none yet",
             "$error" if behind else "$success"),
        ))
        self._set("champion", f"Champion log, per {weeks} weeks",
                  Content.assemble((counted(sum(p.champion), "entry", "entries"), "bold"),
                                   (" in that time", "$text-muted")))

    def _show_bars(self, p: Progress) -> None:
        top = max(p.categories.values(), default=0)
        lines = [f"{category_column(name)} {bar(count, top, 10)} {count}"
                 for name, count in p.categories.items()]
        self.query_one("#categories-bar", Static).update(literal("\n".join(lines)))  # a user category too
        uncovered = [name for name, count in p.categories.items() if count == 0]
        self._set("categories", "Categories discussed", literal_line(
            f"not yet: {', '.join(uncovered)}" if uncovered else "all four covered",
            "$warning" if uncovered else "$success"))
        self.query_one("#follow-ups-bar", Static).update(bar(p.follow_ups_on_time, p.follow_ups_due))
        not_due = p.follow_ups_total - p.follow_ups_due
        self._set("follow-ups", "Follow-ups done on time", Content.assemble(
            (f"{p.follow_ups_on_time} of {p.follow_ups_due}", "bold"),
            (f" · {p.follow_ups_late} late" if p.follow_ups_late else "", "$error"),
            (f" · {not_due} not due yet" if not_due else "", "$text-muted")))
        self.query_one("#goals-bar-bar", Static).update(bar(p.goals_learned, p.goals_total))
        self._set("goals-bar", "Learning goals learned",
                  Content.styled(f"{p.goals_learned} of {p.goals_total}", "bold"))

    @on(OptionList.OptionSelected, "#goals")
    def action_toggle_learned(self) -> None:
        index = self.query_one("#goals", OptionList).highlighted
        if index is None or index >= len(self._goals):
            return
        goal = self._goals[index]
        self.store.set_goal_learned(goal.id, not goal.learned)

    def action_back(self) -> None:
        self.dismiss()
