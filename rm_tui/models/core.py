"""Plain records passed between the store and the screens.

They are frozen so a screen cannot change a record behind the database's back:
every change goes through a store call, and the screen re-reads what it shows.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal, Protocol, get_args

from ..validation import one_of, optional_text, required_text, whole_number
from .record import Record, replace

Role = Literal["leader", "mentor"]
ROLES: tuple[Role, ...] = get_args(Role)

MentorshipStatus = Literal["active", "paused", "ended"]
MENTORSHIP_STATUSES: tuple[MentorshipStatus, ...] = get_args(MentorshipStatus)

DEFAULT_CADENCE_DAYS = 14  # the guide's "twice a month"


class MentorshipDraft(Record):
    """What the mentorship form collects; `validated()` cleans it or refuses it."""

    leader: str
    mentor: str
    expertise: str = ""
    focus: str = ""
    manager_informed: bool = False
    cadence_days: int | str = DEFAULT_CADENCE_DAYS
    status: str = "active"

    def validated(self) -> MentorshipDraft:
        """A cleaned copy; raises ValidationError (and so saves nothing) on bad input."""
        return replace(
            self,
            leader=required_text(self.leader, "leader", "Your name"),
            mentor=required_text(self.mentor, "mentor", "The mentor's name"),
            expertise=optional_text(self.expertise, "expertise", "Expertise"),
            focus=optional_text(self.focus, "focus", "Focus"),
            manager_informed=bool(self.manager_informed),
            cadence_days=whole_number(self.cadence_days, "cadence_days", "Cadence (days)", 1, 365),
            status=one_of(self.status, "status", "Status", MENTORSHIP_STATUSES),
        )


class Mentorship(Record):
    """One leader-mentor pairing."""

    id: int
    leader: str
    mentor: str
    expertise: str
    focus: str
    manager_informed: bool
    cadence_days: int
    status: MentorshipStatus
    created_at: str
    updated_at: str

    def as_draft(self) -> MentorshipDraft:
        """The editable fields, to pre-fill the form."""
        return MentorshipDraft(
            leader=self.leader,
            mentor=self.mentor,
            expertise=self.expertise,
            focus=self.focus,
            manager_informed=self.manager_informed,
            cadence_days=self.cadence_days,
            status=self.status,
        )


class MentorshipSetup(Record):
    """The guided start's answers beyond the mentorship record itself."""

    impressed_by: str = ""  # what the mentor did that made the leader want to learn from them
    offer: str = ""  # what the leader gives back
    manager_talked_on: date | None = None  # when the leader talked to the mentor's manager
    ask_text: str = ""  # the ask as the leader last edited it; empty: drafted afresh

    def validated(self) -> MentorshipSetup:
        return replace(
            self,
            impressed_by=optional_text(self.impressed_by, "impressed_by", "What impressed you"),
            offer=optional_text(self.offer, "offer", "What you offer"),
            ask_text=optional_text(self.ask_text, "ask_text", "The ask", 5000),
        )


class LearningGoal(Record):
    """A gap the leader admits, in their words, and the curious question it becomes."""

    id: int
    mentorship_id: int
    gap: str
    question: str
    learned_on: date | None

    @property
    def learned(self) -> bool:
        return self.learned_on is not None


class MentorshipOverview(Record):
    """A mentorship with the figures the home screen lists beside it."""

    mentorship: Mentorship
    sessions_held: int
    last_held_on: date | None
    next_planned_on: date | None
    open_follow_ups: int
    overdue_follow_ups: int


class Topic(Record):
    """A conversation starter from the topic library."""

    id: int
    key: str
    category: str
    title: str
    prompt: str
    minutes: int
    why: str
    source: Literal["builtin", "user"]
    source_file: str


class CategoryCount(Record):
    """A topic category and how many topics it holds."""

    name: str
    topics: int


SessionStatus = Literal["planned", "live", "held", "cancelled"]
ItemStatus = Literal["open", "discussed", "dropped"]
ItemOutcome = Literal["done", "discussed", "carried", "dropped"]
DISCUSSED_AFTER_SECONDS = 60  # a minute on an item's timer is talk; a glance while moving down the agenda is not
STALE_AFTER_CARRIES = 3  # carried this often, the pair should do it or drop it
DEFAULT_SESSION_MINUTES = 45


class Session(Record):
    """One meeting of a mentorship, planned or held."""

    id: int
    mentorship_id: int
    scheduled_on: date
    minutes: int
    status: SessionStatus
    rules_shown: bool
    started_at: datetime | None = None
    ended_at: datetime | None = None
    current_item_id: int | None = None  # the item being discussed while live; None: the session as a whole
    current_since: datetime | None = None


class AgendaItem(Record):
    """One time-boxed item on a session's agenda."""

    id: int
    session_id: int
    position: int
    title: str
    prompt: str
    category: str | None
    topic_id: int | None
    minutes: int
    proposed_by: Role
    status: ItemStatus
    carried_from_id: int | None
    carry_count: int
    follow_up_id: int | None
    version: int
    elapsed_seconds: int = 0  # time spent on it in earlier stretches of the live session
    conflict_of: int | None = None  # the item this one was edited alongside, when two edits clashed
    kept: bool = False  # the pair chose to do this stale item at this meeting, so stop nagging
    # For an item not marked done: carry it over (True) or count it discussed (False), as
    # the pair said or the meeting's end read it; None: not decided, its notes and time say.
    carry_over: bool | None = None
    standing_id: int | None = None  # the standing item this copy is of: pinned, it joins every planned agenda

    @property
    def is_pinned(self) -> bool:
        return self.standing_id is not None

    @property
    def is_carried(self) -> bool:
        return self.carry_count > 0

    @property
    def is_stale(self) -> bool:
        """Carried so often the pair should do it or drop it, unless they already chose to do it."""
        return self.carry_count >= STALE_AFTER_CARRIES and not self.kept


class StandingItem(Record):
    """An item pinned to a mentorship: a copy of it joins every planned agenda, once."""

    id: int
    mentorship_id: int
    title: str
    prompt: str
    category: str | None
    minutes: int
    proposed_by: Role
    position: int
    created_at: datetime


class CategoryCoverage(Record):
    """How recently a topic category came up in a mentorship's held sessions."""

    category: str
    sessions_ago: int | None  # 0 = the last held session; None = not in the window
    on_agenda: bool = False  # already on the agenda being built

    @property
    def covered(self) -> bool:
        """Came up in the window, or is coming up at the meeting being planned."""
        return self.on_agenda or self.sessions_ago is not None


class Coverage(Record):
    """Category coverage over a mentorship's last few held sessions.

    `held` is how many sessions were actually held in the window (at most `window`),
    so a new mentorship can say so instead of claiming to look at sessions it never had.
    """

    held: int
    window: int
    categories: list[CategoryCoverage]

    @property
    def heading(self) -> str:
        if self.held == 0:
            return "No sessions held yet"
        return "Last session" if self.held == 1 else f"Last {self.held} sessions"


def suggest_category(coverage: Coverage | list[CategoryCoverage]) -> str | None:
    """The category that has gone longest without coming up (never beats anything).

    One already on the agenda being built is not suggested: it is coming up.
    """
    categories = coverage.categories if isinstance(coverage, Coverage) else coverage
    candidates = [c for c in categories if not c.on_agenda]
    if not candidates:
        return None
    stalest = max(candidates, key=lambda c: float("inf") if c.sessions_ago is None else c.sessions_ago)
    return stalest.category if stalest.sessions_ago != 0 else None


Visibility = Literal["shared", "private", "off_record"]
VISIBILITIES: tuple[Visibility, ...] = get_args(Visibility)
VISIBILITY_LABELS: dict[Visibility, str] = {"shared": "shared", "private": "private", "off_record": "off-record"}


def visible_to(role: Role) -> tuple[Visibility, ...]:
    """What a viewer may see: the mentor sees shared notes only, the leader everything."""
    return VISIBILITIES if role == "leader" else ("shared",)


def next_visibility(current: Visibility) -> Visibility:
    """The one-key cycle: shared -> private -> off-record -> shared."""
    return VISIBILITIES[(VISIBILITIES.index(current) + 1) % len(VISIBILITIES)]


class Note(Record):
    """A note taken in a session, on one agenda item or (agenda_item_id None) the whole session."""

    id: int
    session_id: int
    agenda_item_id: int | None
    author: Role
    visibility: Visibility
    body: str
    version: int  # counts edits of the body, so a save can tell it missed one
    conflict_of: int | None = None  # the note this one was written alongside, when two edits clashed


class NoteText(Record):
    """A note's text as the editor hands it to the autosaver.

    `note_id` is None until the first save creates the row. `base_version` is the
    version the editor's text grew from: a save finding a newer one in the database
    keeps both texts instead of overwriting the other window's.
    """

    note_id: int | None
    session_id: int
    agenda_item_id: int | None
    author: Role
    visibility: Visibility
    body: str
    base_version: int | None = None


class SavedNote(Record):
    """Where a note's text went: its row and version.

    `forked_from` is set when another window had changed the note meanwhile: the
    text was saved as a new note beside that one (`note_id`), so neither is lost.
    `moved_to_session` is set when the note's agenda item was removed meanwhile: the
    text was kept on the session as a whole.
    """

    note_id: int
    version: int
    forked_from: int | None = None
    moved_to_session: bool = False


FollowUpStatus = Literal["open", "done", "dropped"]


class FollowUp(Record):
    """Something one of the pair agreed to do, with a due date."""

    id: int
    mentorship_id: int
    session_id: int | None
    agenda_item_id: int | None
    title: str
    owner: Role
    due_on: date | None
    status: FollowUpStatus
    version: int


class ItemState(Protocol):
    """What decides an item's outcome: an AgendaItem, or the leaner row an export reads."""

    @property
    def status(self) -> ItemStatus: ...

    @property
    def carry_over(self) -> bool | None: ...


def item_outcome(item: ItemState, seconds: int, notes: int) -> ItemOutcome:
    """What a meeting did with an item: the one rule the summary, carry-over and exports share.

    Marked with ctrl+o, it is done. Not marked, it counts as discussed when it has
    notes or a minute on its timer, as people expect, unless the pair said otherwise
    (`carry_over`, which the meeting's end also writes down); only the rest carries over.
    Counts over held meetings read that written answer (`store.progress.TALKED_ABOUT_SQL`).
    """
    if item.status == "discussed":
        return "done"
    if item.status == "dropped":
        return "dropped"
    if item.carry_over is not None:
        return "carried" if item.carry_over else "discussed"
    return "discussed" if notes or seconds >= DISCUSSED_AFTER_SECONDS else "carried"


class ItemTime(Record):
    """An agenda item, the seconds spent on it and the notes on it the viewer may see."""

    item: AgendaItem
    seconds: int
    notes: int = 0

    @property
    def outcome(self) -> ItemOutcome:
        return item_outcome(self.item, self.seconds, self.notes)


class SessionSummary(Record):
    """What the end-of-session screen shows: each item once, in the section its outcome says."""

    session: Session
    done: list[ItemTime]  # marked done (ctrl+o)
    discussed: list[ItemTime]  # not marked, but talked about: notes or time, or the pair said so
    not_reached: list[ItemTime]  # these carry over to the next session
    follow_ups: list[FollowUp]
    total_seconds: int
    # The pair can still move items between discussed and carried over: the meeting is
    # running, or it is the last one held (carry-over reads no other), and the viewer runs it.
    may_change_carry_over: bool = False


class PlannedAlready(Record):
    """A session already planned, found when planning another: the pair is asked what to do."""

    session: Session
    items: int  # on its agenda: carried items, follow-ups, the mentor's additions
    mentor: str
    moving_to: date | None = None  # the date the new plan asked for


ChampionKind = Literal["credit", "nomination", "introduction", "acknowledgment", "advice", "connection", "other"]
CHAMPION_KINDS: dict[ChampionKind, str] = {
    # Championing: making the mentor visible where it counts.
    "credit": "gave them credit for an idea",
    "nomination": "put their name forward",
    "introduction": "made an introduction",
    "acknowledgment": "thanked them in public",
    # Giving back: what the leader offers from their own side of the table.
    "advice": "career advice",
    "connection": "shared a connection or opportunity",
    "other": "something else",
}
GIVING_BACK: tuple[ChampionKind, ...] = ("advice", "connection")


class ChampionEntry(Record):
    """Something the leader did for the mentor: the other half of the two-way street."""

    id: int
    mentorship_id: int
    session_id: int | None
    kind: ChampionKind
    note: str
    happened_on: date

    @property
    def label(self) -> str:
        return CHAMPION_KINDS[self.kind]


class FollowUpRow(Record):
    """A follow-up as the follow-ups screen lists it: with its mentor and meeting."""

    follow_up: FollowUp
    mentor: str
    session_on: date | None

    def is_overdue(self, today: date) -> bool:
        f = self.follow_up
        return f.status == "open" and f.due_on is not None and f.due_on < today
