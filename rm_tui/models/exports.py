"""What an export shows, gathered by the store and written as Markdown by rm_tui.export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .core import AgendaItem, ChampionEntry, FollowUpStatus, Mentorship, Role, Session, Visibility


# Not frozen, and only what the Markdown shows: an export of everything builds one per
# note (100,000 in five years), and a frozen record of every column took as long to
# build as SQLite took to read them.
@dataclass(slots=True)
class ExportedNote:
    author: Role
    visibility: Visibility
    body: str


# The same for a follow-up (20,000 in five years): what its task line shows.
@dataclass(slots=True)
class ExportedFollowUp:
    agenda_item_id: int | None
    title: str
    owner: Role
    due_on: date | None
    status: FollowUpStatus


@dataclass(frozen=True)
class ItemExport:
    item: AgendaItem
    seconds: int
    notes: list[ExportedNote]


@dataclass(frozen=True)
class SessionExport:
    session: Session
    mentorship: Mentorship
    seconds: int
    items: list[ItemExport]
    session_notes: list[ExportedNote]  # on the session as a whole
    follow_ups: list[ExportedFollowUp]
    champion: list[ChampionEntry]


@dataclass(frozen=True)
class MentorshipExport:
    mentorship: Mentorship
    sessions: list[SessionExport]  # oldest first
    champion: list[ChampionEntry]  # every entry, newest first
