"""What an export shows, gathered by the store and written as Markdown by rm_tui.export."""

from __future__ import annotations

from dataclasses import dataclass

from .core import AgendaItem, ChampionEntry, FollowUp, Mentorship, Note, Session


@dataclass(frozen=True)
class ItemExport:
    item: AgendaItem
    seconds: int
    notes: list[Note]


@dataclass(frozen=True)
class SessionExport:
    session: Session
    mentorship: Mentorship
    seconds: int
    items: list[ItemExport]
    session_notes: list[Note]  # on the session as a whole
    follow_ups: list[FollowUp]
    champion: list[ChampionEntry]


@dataclass(frozen=True)
class MentorshipExport:
    mentorship: Mentorship
    sessions: list[SessionExport]  # oldest first
    champion: list[ChampionEntry]  # every entry, newest first
