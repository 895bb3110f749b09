"""Plain records passed between the store and the screens: every record type lives here.

They are frozen so a screen cannot change a record behind the database's back:
every change goes through a store call, and the screen re-reads what it shows.

Loading this package loads none of them: the records load on first use of any
name here (PEP 562). `rm-tui due`, which runs on every shell prompt, needs only
`models.due`, and loading some forty record types would be most of its time.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .core import (
        CHAMPION_KINDS,
        DEFAULT_CADENCE_DAYS,
        DEFAULT_SESSION_MINUTES,
        DISCUSSED_AFTER_SECONDS,
        GIVING_BACK,
        MENTORSHIP_STATUSES,
        ROLES,
        STALE_AFTER_CARRIES,
        VISIBILITIES,
        VISIBILITY_LABELS,
        AgendaItem,
        CategoryCount,
        CategoryCoverage,
        ChampionEntry,
        ChampionKind,
        Coverage,
        FollowUp,
        FollowUpRow,
        FollowUpStatus,
        ItemOutcome,
        ItemStatus,
        ItemTime,
        LearningGoal,
        Mentorship,
        MentorshipDraft,
        MentorshipOverview,
        MentorshipSetup,
        MentorshipStatus,
        Note,
        NoteText,
        PlannedAlready,
        Role,
        SavedNote,
        Session,
        SessionStatus,
        SessionSummary,
        StandingItem,
        Topic,
        Visibility,
        item_outcome,
        next_visibility,
        suggest_category,
        visible_to,
    )
    from .exports import ItemExport, MentorshipExport, SessionExport
    from .record import Record, field_names, replace
    from .results import (
        FOLLOW_UP_FILTERS,
        MARK_END,
        MARK_START,
        PERIOD_DAYS,
        EditOutcome,
        Progress,
        RemovedItem,
        SearchHit,
        TwoWayStreet,
    )

_MODULES = ("core", "exports", "record", "results")
"""Where the names of __all__ live."""

__all__ = [
    "CHAMPION_KINDS",
    "DEFAULT_CADENCE_DAYS",
    "DEFAULT_SESSION_MINUTES",
    "DISCUSSED_AFTER_SECONDS",
    "FOLLOW_UP_FILTERS",
    "GIVING_BACK",
    "MARK_END",
    "MARK_START",
    "MENTORSHIP_STATUSES",
    "PERIOD_DAYS",
    "ROLES",
    "STALE_AFTER_CARRIES",
    "VISIBILITIES",
    "VISIBILITY_LABELS",
    "AgendaItem",
    "CategoryCount",
    "CategoryCoverage",
    "ChampionEntry",
    "ChampionKind",
    "Coverage",
    "EditOutcome",
    "FollowUp",
    "FollowUpRow",
    "FollowUpStatus",
    "ItemExport",
    "ItemOutcome",
    "ItemStatus",
    "ItemTime",
    "LearningGoal",
    "Mentorship",
    "MentorshipDraft",
    "MentorshipExport",
    "MentorshipOverview",
    "MentorshipSetup",
    "MentorshipStatus",
    "Note",
    "NoteText",
    "PlannedAlready",
    "Progress",
    "Record",
    "RemovedItem",
    "Role",
    "SavedNote",
    "SearchHit",
    "Session",
    "SessionExport",
    "SessionStatus",
    "SessionSummary",
    "StandingItem",
    "Topic",
    "TwoWayStreet",
    "Visibility",
    "field_names",
    "item_outcome",
    "next_visibility",
    "replace",
    "suggest_category",
    "visible_to",
]


def __getattr__(name: str) -> Any:
    """Load the records, once, on first use of any of them."""
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    modules = [import_module(f".{module}", __name__) for module in _MODULES]
    globals().update({known: getattr(m, known) for m in modules for known in __all__ if hasattr(m, known)})
    return globals()[name]
