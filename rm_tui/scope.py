"""Who is looking, and what they may see and do: decided here, once, for every caller.

The store is opened with a `Scope` and asks it before every write and inside every
read, so a screen, a palette command, the CLI or a served browser tab all get the
same answer. Screens ask the same scope only to decide what to offer.

The guide's rules, as permissions: the leader does the admin (mentorships, planning,
the ask, progress, the champion log and the impact note) and alone sees private and
off-record notes; the mentor is a guest who co-edits the agenda, writes their own
shared notes, captures follow-ups and moves the meeting along.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import Enum
from typing import Concatenate, ParamSpec, Protocol, TypeVar

from .errors import Forbidden, NotFound
from .models import Role, Visibility, visible_to
from .models.record import Record, replace


class Action(Enum):
    """Something a viewer may be allowed to do; the value completes "may not ..."."""

    EDIT_AGENDA = "change the agenda"
    RUN_MEETING = "run the meeting"
    WRITE_NOTES = "write notes"
    CAPTURE_FOLLOW_UPS = "capture follow-ups"
    MANAGE_FOLLOW_UPS = "mark, edit or reopen follow-ups"
    MANAGE_MENTORSHIPS = "set up, change or archive mentorships"
    PLAN_SESSIONS = "plan, move or call off sessions"
    DECIDE_CARRIED = "keep or drop carried items"
    PIN_ITEMS = "pin or unpin standing items"  # a standing item shapes every agenda to come
    KEEP_CHAMPION_LOG = "change the champion log or write the impact note"
    SEE_LEADERS_OWN = "see the leader's goals, ask and progress"
    PRIVATE_NOTES = "see or make private notes"
    CHANGE_SETTINGS = "change settings"


MENTOR_MAY = frozenset({Action.EDIT_AGENDA, Action.RUN_MEETING, Action.WRITE_NOTES, Action.CAPTURE_FOLLOW_UPS})
"""Everything else is the leader's."""


class Scope(Record):
    """The viewer (leader or mentor) and, when served to one mentor, their mentorship alone."""

    role: Role = "leader"
    mentorship_id: int | None = None

    @property
    def is_mentor(self) -> bool:
        return self.role == "mentor"

    @property
    def visibilities(self) -> tuple[Visibility, ...]:
        """The note visibilities this viewer may read: the mentor, shared ones only."""
        return visible_to(self.role)

    def may(self, action: Action) -> bool:
        return not self.is_mentor or action in MENTOR_MAY

    def require(self, action: Action) -> None:
        """Raise Forbidden, with a sentence fit for the screen, unless `action` is allowed."""
        if not self.may(action):
            _refuse(action.value)

    def owns(self, author: Role) -> bool:
        """Whether this viewer may change what `author` wrote: the mentor, only their own."""
        return not self.is_mentor or author == "mentor"

    def require_own(self, author: Role, what: str) -> None:
        """The mentor acts as the mentor: on their own items and notes, never as the leader.

        `what` completes "may not ...", e.g. "remove an item the leader proposed".
        """
        if not self.owns(author):
            _refuse(what)

    def require_visible(self, visibility: str) -> None:
        if visibility not in self.visibilities:
            _refuse(f"write {visibility.replace('_', '-')} notes")

    def may_hide_notes_of(self, author: Role) -> bool:
        """Whether a note by `author` may be made private or off-record: the leader's own only.

        The mentor writes to be read by both; hiding their note would hide it from them.
        """
        return self.may(Action.PRIVATE_NOTES) and author == "leader"

    def require_visibility_for(self, author: Role, visibility: str) -> None:
        """A note by the mentor stays shared, whichever window (or speaker) wrote it."""
        if visibility != "shared" and not self.may_hide_notes_of(author):
            if not self.may(Action.PRIVATE_NOTES):
                _refuse(f"write {visibility.replace('_', '-')} notes")
            raise Forbidden("A note the mentor wrote stays shared: hiding it would hide it from them.")

    def includes(self, mentorship_id: int) -> bool:
        return self.mentorship_id is None or self.mentorship_id == mentorship_id

    def require_mentorship(self, mentorship_id: int) -> None:
        """Another mentorship does not exist for a window kept to one: NotFound, as if absent."""
        if not self.includes(mentorship_id):
            raise NotFound(f"there is no mentorship {mentorship_id}")

    def narrowed_to(self, mentorship_id: int) -> Scope:
        """This scope kept to one mentorship; a scope is only ever narrowed, never widened."""
        if self.mentorship_id is not None and self.mentorship_id != mentorship_id:
            raise NotFound(f"there is no mentorship {mentorship_id}")
        return replace(self, mentorship_id=mentorship_id)


def _refuse(what: str) -> None:
    raise Forbidden(f"The mentor's window may not {what}: that is the leader's.")


LEADER = Scope("leader")
MENTOR = Scope("mentor")


def visible_within(scope: Scope, viewer: Role) -> tuple[Visibility, ...]:
    """What `viewer` asked to see, never more than `scope` may: a leader's window can show
    the mentor's view of its notes, a mentor's window can never show the leader's."""
    return tuple(v for v in visible_to(viewer) if v in scope.visibilities)


class Scoped(Protocol):
    scope: Scope


S = TypeVar("S", bound=Scoped)
P = ParamSpec("P")
R = TypeVar("R")


def requires(action: Action) -> Callable[[Callable[Concatenate[S, P], R]], Callable[Concatenate[S, P], R]]:
    """Mark a store method as a write needing `action`; the check runs before anything else.

    The action is kept on the method (`required_action`), so a test can list every
    write and check each one under the mentor's scope.
    """

    def decorate(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
        @functools.wraps(method)
        def checked(self: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
            self.scope.require(action)
            return method(self, *args, **kwargs)

        checked.required_action = action  # type: ignore[attr-defined]  # read by the tests
        return checked

    return decorate
