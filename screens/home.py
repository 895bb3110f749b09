"""The home screen: every mentorship at a glance, and where to start."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Header, Static

from rm_tui.models import MentorshipOverview
from rm_tui.schedule import describe_due, next_session_due
from rm_tui.scope import Action
from rm_tui.text import counted
from widgets.cells import cell, joined
from widgets.key_footer import KeyFooter
from widgets.row_list import RowList
from widgets.safe import literal_line, notify_literal

from .data_screen import DataScreen

if TYPE_CHECKING:
    from textual.screen import Screen

DUE_STYLES = {"overdue": "bold red", "due": "yellow", "unplanned": "italic dim", "ended": "dim"}
STATUS_STYLES = {"active": "green", "paused": "yellow", "ended": "dim italic"}
SESSIONS_SHOWN = 4  # newest first, in the details panel
# (label, key, width): a width caps a fixed column, 0 shares the room left.
# "due Tue 24 Nov (in 14d)", "3 open · 1 late"; longer ends in …
COLUMNS = [("Mentor", "mentor", 0), ("Learning about", "focus", 0), ("Held", "held", 4),
           ("Next session", "next", 23), ("Follow-ups", "follow_ups", 15)]


# On a first start: where every key is, besides the few in the footer.
FINDING_KEYS = Content.assemble(
    "\n\n", ("F1", "bold $accent"), " lists the keys of every screen; ",
    ("ctrl+p", "bold $accent"), " finds every action by name.",
)

EMPTY_HINT = Content.assemble(
    ("No mentorships yet. ", "bold"),
    "Press ",
    ("n", "bold $accent"),
    " to set one up: who your mentor is, what they know that you don't, and how often you meet.",
    FINDING_KEYS,
)

MENTOR_EMPTY_HINT = Content.assemble(
    ("No mentorship here yet. ", "bold"), "The leader sets it up; it appears here as soon as they do.",
    FINDING_KEYS,
)


class HomeScreen(DataScreen):
    """Lists mentorships with the figures a leader checks before a meeting."""

    WATCHES = frozenset({"mentorships", "sessions", "follow_ups", "champion_entries"})

    # Default CSS, not a CSS_PATH file: Textual re-parses every stylesheet of the app
    # when a screen brings a file of its own, and this is the first screen drawn.
    DEFAULT_CSS = """
    HomeScreen #empty-hint {
        margin: 2 4;
        padding: 1 2;
        border: round $primary;
        height: auto;
    }

    HomeScreen #mentorships {
        height: 1fr;
    }

    HomeScreen #details {
        height: auto;
        max-height: 9;
        padding: 0 2;
        border-top: solid $primary;
        background: $boost;
    }
    """
    # Main keys first (always in the footer), then the rest in the order the footer
    # adds them while the width allows: at 120 columns up to the calendar.
    BINDINGS = [
        Binding("n", "new_mentorship", "New", tooltip="Set up a new mentorship"),
        Binding("e", "edit_mentorship", "Edit", tooltip="Edit the selected mentorship"),
        Binding("s", "open_agenda", "Agenda", tooltip="Build the next session's agenda (plans the session if needed)"),
        Binding("l", "open_live", "Live", tooltip="Open the live session: notes, timers and follow-ups"),
        Binding("p", "plan_session", "Plan", tooltip="Plan the next session: date and length", show=False),
        Binding("x", "export", "Export", tooltip="Export the whole mentorship as Markdown", show=False),
        Binding(
            "c", "champion", "Champion log", tooltip="What the mentor taught, and what the leader gave back", show=False
        ),
        Binding(
            "g", "progress", "Progress", tooltip="How the mentorship is going, and your learning goals", show=False
        ),
        Binding(
            "k", "calendar", "Calendar", tooltip="Write the sessions to come as a calendar (.ics) file", show=False
        ),
        Binding("w", "ask", "The ask", tooltip="The message asking your mentor: edit, copy or save it", show=False),
        Binding("h", "toggle_archived", "Show archived", tooltip="Show or hide ended mentorships", show=False),
        Binding(
            "a", "archive_mentorship", "Archive/restore",
            tooltip="End the selected mentorship, or restore an ended one", show=False,
        ),
    ]

    ACTIONS_NEED = {
        "new_mentorship": Action.MANAGE_MENTORSHIPS,
        "edit_mentorship": Action.MANAGE_MENTORSHIPS,
        "archive_mentorship": Action.MANAGE_MENTORSHIPS,
        "plan_session": Action.PLAN_SESSIONS,
        "ask": Action.SEE_LEADERS_OWN,
        "progress": Action.SEE_LEADERS_OWN,
    }

    show_archived: reactive[bool] = reactive(False, init=False)  # the first reload is the mount's

    _width_shown = 0
    """The terminal width the rows were last laid out for: a resize to the same width changes nothing."""
    _details_for: int | None = None
    """The mentorship the details panel shows: a highlight that stays on it re-reads nothing."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(EMPTY_HINT if self.store.scope.may(Action.MANAGE_MENTORSHIPS) else MENTOR_EMPTY_HINT,
                     id="empty-hint")
        yield RowList(COLUMNS, id="mentorships")
        yield Static(id="details")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.app.title
        # Said quietly, where the title is: the file on disk is encrypted (SQLCipher).
        self.sub_title = "Mentorships · 🔒 encrypted" if self.store.encrypted else "Mentorships"

    def on_resize(self, event: events.Resize) -> None:
        if self.app.size.width != self._width_shown:
            self.reload()  # the widths follow the terminal and the rows shown

    def watch_show_archived(self) -> None:
        self.reload()

    def reload(self) -> None:
        table = self.query_one("#mentorships", RowList)
        overviews = self.store.list_mentorships(include_ended=self.show_archived)
        today = self.store.today()
        self._width_shown = self.app.size.width
        # The highlight stays on the mentorship it was on, where that is still listed.
        table.set_rows([(str(o.mentorship.id), self._cells(o, today)) for o in overviews], self._width_shown)
        self.query_one("#empty-hint").display = not overviews
        table.display = bool(overviews)
        self._show_details()  # what it shows may have changed, even for the same mentorship

    @staticmethod
    def _cells(overview: MentorshipOverview, today: date) -> list[Text]:
        m = overview.mentorship
        due = next_session_due(
            last_held=overview.last_held_on,
            next_planned=overview.next_planned_on,
            cadence_days=m.cadence_days,
            today=today,
            status=m.status,
        )
        follow_ups = f"{overview.open_follow_ups} open" if overview.open_follow_ups else "none open"
        follow_up_cell = cell(follow_ups)
        if overview.overdue_follow_ups:
            follow_up_cell = joined(follow_ups, " · ", (f"{overview.overdue_follow_ups} late", "bold red"))
        mentor = (
            cell(m.mentor, "bold")
            if m.status == "active"
            else joined((m.mentor, "dim"), (f" ({m.status})", STATUS_STYLES[m.status]))
        )
        return [
            mentor,
            cell(m.focus or "-"),
            cell(str(overview.sessions_held)),
            cell(describe_due(due, today), DUE_STYLES.get(due.state, "")),
            follow_up_cell,
        ]

    def highlight(self, mentorship_id: int) -> None:
        """Put the cursor on a mentorship (one whose meeting was just left running, say)."""
        self.query_one("#mentorships", RowList).move_to(str(mentorship_id))

    def _selected_id(self) -> int | None:
        key = self.query_one("#mentorships", RowList).highlighted_key
        return int(key) if key is not None else None

    def _chosen_or_hint(self) -> int | None:
        """The highlighted mentorship's id; with none, a hint on how to make one."""
        mentorship_id = self._selected_id()
        if mentorship_id is None:
            self.notify("No mentorship yet: press n to set one up.", severity="warning")
        return mentorship_id

    @on(RowList.RowHighlighted, "#mentorships")
    def _highlighted(self) -> None:
        if self._selected_id() != self._details_for:
            self._show_details()

    @on(RowList.RowSelected, "#mentorships")
    async def _selected(self) -> None:
        await self.run_action("edit_mentorship")  # as the key would: only where the scope allows

    def _show_details(self) -> None:
        details = self.query_one("#details", Static)
        mentorship_id = self._details_for = self._selected_id()
        if mentorship_id is None:
            details.update("")
            details.display = False
            return
        details.display = True
        m = self.store.get_mentorship(mentorship_id)
        manager = ("yes", "$success") if m.manager_informed else ("not yet", "$warning")
        details.update(
            Content.assemble(
                literal_line(m.mentor, "bold"),
                " mentors ",
                literal_line(m.leader, "bold"),
                "\n",
                ("Expertise  ", "$text-muted"),
                literal_line(m.expertise or "-"),
                "\n",
                ("Focus      ", "$text-muted"),
                literal_line(m.focus or "-"),
                "\n",
                ("Manager    ", "$text-muted"),
                manager,
                ("   Cadence  ", "$text-muted"),
                "every day" if m.cadence_days == 1 else f"every {counted(m.cadence_days, 'day')}",
                "\n",
                ("Sessions   ", "$text-muted"),
                self._sessions_line(mentorship_id),
                *self._champion_nudge(mentorship_id, m.mentor),
            )
        )

    def _champion_nudge(self, mentorship_id: int, mentor: str) -> list[Content | str | tuple[str, str]]:
        if not self.store.scope.may(Action.KEEP_CHAMPION_LOG) or not self.store.needs_champion_nudge(mentorship_id):
            return []
        return ["\n", ("Champion   ", "$text-muted"),
                literal_line(f"nothing logged for {mentor} over the last two sessions: c opens the log", "$warning")]

    def _sessions_line(self, mentorship_id: int) -> Content:
        # One more than shown tells whether older ones exist, without loading years of them.
        sessions = self.store.list_sessions(mentorship_id, limit=SESSIONS_SHOWN + 1)
        if not sessions:
            may_plan = self.store.scope.may(Action.PLAN_SESSIONS)
            hint = "p plans one, s builds its agenda" if may_plan else "the leader plans it"
            return Content.styled(f"none yet: {hint}", "$text-muted")
        return Content(
            "  ·  ".join(f"{s.scheduled_on:%a %d %b} {s.status}" for s in sessions[:SESSIONS_SHOWN])
            + ("  ·  …" if len(sessions) > SESSIONS_SHOWN else "")
        )

    def action_new_mentorship(self) -> None:
        from .mentorship_form import MentorshipFormScreen  # loaded when first needed

        self.app.push_screen(
            MentorshipFormScreen(
                title="New mentorship",
                draft=None,
                leader_name=self.store.last_leader_name(),
                save=self.store.set_up_mentorship,
                today=self.store.today,
            ),
        )

    def action_edit_mentorship(self) -> None:
        mentorship_id = self._chosen_or_hint()
        if mentorship_id is None:
            return
        from .mentorship_form import MentorshipFormScreen

        mentorship = self.store.get_mentorship(mentorship_id)
        self.app.push_screen(
            MentorshipFormScreen(
                title=f"Edit mentorship with {mentorship.mentor}",
                draft=mentorship.as_draft(),
                leader_name=mentorship.leader,
                save=lambda draft, setup, goals: self.store.update_mentorship(mentorship_id, draft),
            )
        )

    def action_archive_mentorship(self) -> None:
        mentorship_id = self._chosen_or_hint()
        if mentorship_id is None:
            return
        mentorship = self.store.get_mentorship(mentorship_id)
        if mentorship.status == "ended":
            self.store.set_mentorship_status(mentorship_id, "active")
            notify_literal(self, f"Restored the mentorship with {mentorship.mentor}.")
        else:
            self.store.set_mentorship_status(mentorship_id, "ended")
            notify_literal(self, f"Archived the mentorship with {mentorship.mentor}. Press h to show archived ones.")

    def action_plan_session(self) -> None:
        mentorship_id = self._chosen_or_hint()
        if mentorship_id is None:
            return
        from .session_form import push_plan_session

        push_plan_session(self, self.store, mentorship_id)  # asks first when a session is planned already

    def _upcoming_session_id(self) -> int | None:
        """The next planned or running session of the highlighted mentorship, planned if need be."""
        mentorship_id = self._chosen_or_hint()
        if mentorship_id is None:
            return None
        session = self.store.upcoming_session(mentorship_id)
        if session is not None:
            return session.id
        if not self.store.scope.may(Action.PLAN_SESSIONS):
            self.notify("No session is planned yet: the leader plans the next one.", severity="warning")
            return None
        return self.store.plan_session(mentorship_id)

    def action_open_agenda(self) -> None:
        session_id = self._upcoming_session_id()
        if session_id is not None:
            from .agenda_builder import AgendaBuilderScreen  # loaded when first needed

            self.app.push_screen(AgendaBuilderScreen(self.store, session_id))

    def action_open_live(self) -> None:
        session_id = self._upcoming_session_id()
        if session_id is not None:
            from .live_session import LiveSessionScreen  # loaded when first needed

            self.app.push_screen(LiveSessionScreen(self.store, session_id))

    def _open_for_chosen(self, open_screen: Callable[[int], Screen[None]]) -> None:
        """Open a screen about the highlighted mentorship; with none, a hint instead."""
        mentorship_id = self._chosen_or_hint()
        if mentorship_id is not None:
            self.app.push_screen(open_screen(mentorship_id))

    def action_champion(self) -> None:
        from .champion import ChampionScreen  # each screen is loaded when first needed

        self._open_for_chosen(lambda mentorship_id: ChampionScreen(self.store, mentorship_id))

    def action_export(self) -> None:
        mentorship_id = self._chosen_or_hint()
        if mentorship_id is not None:
            from rm_tui.exporting import ExportRequest

            from .export_form import push_export

            mentor = self.store.get_mentorship(mentorship_id).mentor
            push_export(self, self.store, ExportRequest(mentorship_id=mentorship_id),
                        f"Export every session with {mentor} as Markdown")

    def action_progress(self) -> None:
        from .progress import ProgressScreen

        self._open_for_chosen(lambda mentorship_id: ProgressScreen(self.store, mentorship_id))

    def action_ask(self) -> None:
        from .ask import AskScreen

        self._open_for_chosen(lambda mentorship_id: AskScreen(self.store, mentorship_id))

    def action_calendar(self) -> None:
        from .export_form import push_calendar

        push_calendar(self, self.store)

    def action_toggle_archived(self) -> None:
        self.show_archived = not self.show_archived
        self.notify("Showing archived mentorships." if self.show_archived else "Hiding archived mentorships.")
