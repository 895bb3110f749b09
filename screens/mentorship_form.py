"""The form that sets up a new mentorship, step by step, or edits one.

A new mentorship walks through the guide's four steps on one page, each with a line
on why it matters and every field optional but the two names: what you don't know
yet, who could teach you, their manager, and the ask, drafted as you type.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from rm_tui.ask import draft_ask
from rm_tui.dates import parse_past_date
from rm_tui.models import (
    MENTORSHIP_STATUSES,
    LearningGoal,
    Mentorship,
    MentorshipDraft,
    MentorshipSetup,
    replace,
)
from rm_tui.text import counted
from rm_tui.validation import same_name_key
from widgets.ask_editor import AskEditor
from widgets.safe import literal_line

from .confirm import Answer, ConfirmScreen
from .form_screen import FormScreen

Goal = tuple[str, str]
SaveMentorship = Callable[[MentorshipDraft, MentorshipSetup, list[Goal]], object]
GOAL_ROWS = 3
MAKE_SECOND = Answer("Make a second one", "y", "makes a second one")
GO_BACK = Answer("Go back", "n", "goes back")

STEPS = {
    "gaps": ("1 · What you don't know yet",
             "Name a gap plainly, then turn it into a question you are curious about. Skip it if you like."),
    "who": ("2 · Who could teach you",
            "Someone junior whose work made you think 'I couldn't do that'. Say what it was: it opens the ask."),
    "manager": ("3 · Their manager first",
                "Talk to their manager before you ask, so the time is seen as part of their job. "
                "Tick the box and leave the date blank if it was today."),
    "ask": ("4 · The ask",
            "What you want to learn, how often, and what you offer back (if blank, the ask offers credit "
            "and career advice). The message below drafts itself; edit it freely."),
}


class MentorshipFormScreen(FormScreen):
    """Collects a mentorship (and, when new, the guided start) and hands it to `save`.

    The store validates; a refusal keeps the form open with everything typed.
    """

    CSS_PATH = "mentorship_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
        Binding("f7", "copy_ask", "Copy the ask", show=False),  # the ask's own editor binds F7 the same way
    ]

    def __init__(
        self,
        *,
        title: str,
        draft: MentorshipDraft | None,
        leader_name: str,
        save: SaveMentorship,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__()
        self.form_title = title
        self.draft = draft or MentorshipDraft(leader=leader_name, mentor="")
        self.is_new = draft is None
        self.save = save
        self.today = today
        self._ask_edited = False
        self._ask_loads = 0
        self._namesake_allowed = ""  # the mentor's name (as compared) already confirmed as a second one

    def compose(self) -> ComposeResult:
        d = self.draft
        with Vertical(id="form", classes="-guided" if self.is_new else ""):
            with VerticalScroll(id="form-body"):
                yield Static(literal_line(self.form_title), id="form-title")  # it names the mentor
                if self.is_new:
                    yield from self._step("gaps")
                    with Grid(classes="fields"):
                        for n in range(GOAL_ROWS):
                            yield Label("I don't know" if n == 0 else "And")
                            yield Input(placeholder="e.g. why a few of our videos spread" if n == 0
                                        else "another gap (optional)", id=f"gap-{n}", compact=True)
                            yield Label("So I wonder")
                            yield Input(placeholder="e.g. what makes someone watch to the end?" if n == 0
                                        else "the question it becomes", id=f"question-{n}", compact=True)
                    yield from self._step("who")
                with Grid(classes="fields"):
                    yield Label("Your name")
                    yield Input(d.leader, placeholder="e.g. Dana Whitfield", id="leader", compact=True)
                    yield Label("Your mentor")
                    yield Input(d.mentor, placeholder="the colleague you will learn from", id="mentor", compact=True)
                    yield Label("What they know well")
                    yield Input(
                        d.expertise, placeholder="e.g. ran our short-video launch", id="expertise", compact=True
                    )
                    if self.is_new:
                        yield Label("What impressed you")
                        yield Input(placeholder="e.g. launch videos people watched to the end",
                                    id="impressed_by", compact=True)
                if self.is_new:
                    yield from self._step("manager")
                with Grid(classes="fields"):
                    yield Label("Their manager")
                    yield Checkbox("I talked to them first", d.manager_informed, id="manager_informed")
                    if self.is_new:
                        yield Label("When")
                        yield Input(placeholder="today, yesterday or 2026-11-20",
                                    id="manager_talked_on", compact=True)
                if self.is_new:
                    yield from self._step("ask")
                with Grid(classes="fields"):
                    yield Label("What you want to learn")
                    yield Input(d.focus, placeholder="e.g. how customers use AI assistants", id="focus", compact=True)
                    yield Label("Meet every (days)")
                    yield Input(str(d.cadence_days), type="integer", id="cadence_days", compact=True)
                    if self.is_new:
                        yield Label("What you offer back")
                        yield Input(
                            placeholder="e.g. introductions to the brand team",
                            id="offer",
                            compact=True,
                        )
                    else:
                        yield Label("Status")
                        yield Select(
                            [(status.capitalize(), status) for status in MENTORSHIP_STATUSES],
                            value=d.status,
                            allow_blank=False,
                            id="status",
                            compact=True,
                        )
                if self.is_new:
                    yield AskEditor(id="ask_text")
            # Outside the scrolling part: Save, and why a save was refused, stay in view.
            with Vertical(id="form-foot"):
                yield Static(id="error")
                with Horizontal(id="buttons"):
                    yield Button("Save", variant="primary", id="save", compact=True)
                    yield Button("Cancel", id="cancel", compact=True)
                    hint = "ctrl+s save · F7 copy the ask · escape cancel" if self.is_new else (
                        "ctrl+s save · escape cancel · tab next field")
                    yield Static(Content(hint), id="form-hint")

    @staticmethod
    def _step(key: str) -> ComposeResult:
        title, why = STEPS[key]
        yield Static(Content.assemble((title, "bold $accent"), "\n", (why, "$text-muted")), classes="step")

    def on_mount(self) -> None:
        if self.is_new:
            self.query_one("#gap-0", Input).focus()
            self._redraft()
        else:
            self.query_one("#mentor", Input).focus()

    # -- the ask, drafted as the answers come ------------------------------------------

    def _goals(self) -> list[Goal]:
        return [(self.query_one(f"#gap-{n}", Input).value, self.query_one(f"#question-{n}", Input).value)
                for n in range(GOAL_ROWS)]

    def _value(self, field: str) -> str:
        return self.query_one(f"#{field}", Input).value

    @on(Input.Changed)
    @on(Checkbox.Changed)
    def _redraft(self) -> None:
        if not self.is_new or self._ask_edited:
            return
        try:
            cadence = int(self._value("cadence_days"))
        except ValueError:
            cadence = self.draft.cadence_days if isinstance(self.draft.cadence_days, int) else 14
        mentorship = Mentorship(0, self._value("leader"), self._value("mentor"), self._value("expertise").strip(),
                                self._value("focus").strip(), self.query_one("#manager_informed", Checkbox).value,
                                cadence, "active", "", "")
        setup = MentorshipSetup(self._value("impressed_by").strip(), self._value("offer").strip())
        goals = [LearningGoal(0, 0, gap.strip(), question.strip(), None) for gap, question in self._goals()]
        ask = self.query_one("#ask_text", TextArea)
        text = draft_ask(mentorship, setup, goals)
        if ask.text != text:
            self._ask_loads += 1
            ask.load_text(text)

    @on(TextArea.Changed, "#ask_text")
    def _ask_typed(self) -> None:
        if self._ask_loads:
            self._ask_loads -= 1
            return
        self._ask_edited = True  # the leader's own words now: stop redrafting over them

    def action_copy_ask(self) -> None:
        if self.is_new:
            self.app.copy_to_clipboard(self.query_one("#ask_text", TextArea).text)
            self.notify("The ask is on the clipboard: paste it into a message to your mentor.")

    # -- saving --------------------------------------------------------------------------

    def _draft_from_fields(self) -> MentorshipDraft:
        status = self.query_one("#status", Select).value if not self.is_new else "active"
        return MentorshipDraft(
            leader=self._value("leader"),
            mentor=self._value("mentor"),
            expertise=self._value("expertise"),
            focus=self._value("focus"),
            manager_informed=self.query_one("#manager_informed", Checkbox).value,
            cadence_days=self._value("cadence_days"),
            status=str(status),
        )

    def _setup_from_fields(self) -> MentorshipSetup:
        if not self.is_new:
            return MentorshipSetup()
        talked = self._value("manager_talked_on").strip()
        talked_on = parse_past_date(talked, self.today(), "manager_talked_on", "When you talked to their manager",
                                    "fill it in once you have talked") if (
            talked) else (self.today() if self.query_one("#manager_informed", Checkbox).value else None)
        return MentorshipSetup(
            impressed_by=self._value("impressed_by"),
            offer=self._value("offer"),
            manager_talked_on=talked_on,
            ask_text=self.query_one("#ask_text", TextArea).text if self._ask_edited else "",
        )

    def _save_fields(self) -> None:
        setup = self._setup_from_fields()
        draft = self._draft_from_fields()
        if setup.manager_talked_on is not None:
            draft = replace(draft, manager_informed=True)  # a date given says the talk happened
        self.save(draft, setup, self._goals() if self.is_new else [])

    @on(Button.Pressed, "#save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        namesakes = self._namesakes()
        if not namesakes:
            self.submit(self._save_fields)
            return
        name = self._value("mentor")

        def answered(second: bool | None) -> None:
            if second:
                self._namesake_allowed = same_name_key(name)  # a refusal, then save again, asks no more
                self.submit(self._save_fields)

        self.app.push_screen(ConfirmScreen(namesake_question(namesakes), MAKE_SECOND, GO_BACK), answered)

    def _namesakes(self) -> list[Mentorship]:
        """Other mentorships whose mentor has the name typed: a new one, or one renamed to it."""
        wanted = same_name_key(self._value("mentor"))
        if wanted in ("", self._namesake_allowed) or (not self.is_new and wanted == same_name_key(self.draft.mentor)):
            return []
        return self.app.store.mentorships_named(wanted)

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_cancel()


def namesake_question(namesakes: list[Mentorship]) -> Content:
    """'You already have a mentorship with Dana (since Mar 2024). Make a second one?'"""
    def since(mentorship: Mentorship) -> str:
        started = date.fromisoformat(mentorship.created_at[:10])
        return f"since {started:%b %Y}" + (", archived" if mentorship.status == "ended" else "")

    how_many = "a mentorship" if len(namesakes) == 1 else counted(len(namesakes), "mentorship", "mentorships")
    return Content.assemble(
        f"You already have {how_many} with ", literal_line(namesakes[0].mentor, "bold"),  # their name as they typed it
        f" ({'; '.join(since(m) for m in namesakes)}). Make a second one?",
    )
