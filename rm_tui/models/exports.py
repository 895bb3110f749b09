"""What an export shows, gathered by the store and written as Markdown by rm_tui.export."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from .core import ChampionEntry, FollowUpStatus, ItemStatus, Mentorship, Role, Session, Visibility

# Who wrote a note and who may read it, by its kind: (author = mentor) + 2 × private + 4 × off the record.
NOTE_KINDS: tuple[tuple[Role, Visibility], ...] = (
    ("leader", "shared"), ("mentor", "shared"),
    ("leader", "private"), ("mentor", "private"),
    ("leader", "off_record"), ("mentor", "off_record"),
)


def _head(author: Role, visibility: Visibility) -> str | None:
    """The line above a note, a blank line and the start of its quote; None off the record."""
    if visibility == "off_record":
        return None
    marker = " (private)" if visibility == "private" else ""
    return f"Note by **{author}**{marker}:\n\n> "


# What an export writes before a note's body, by its kind ('Note by **mentor** (private):',
# a blank line, "> "). The store puts it before each body as SQLite reads the notes,
# so that a note comes as the one text an export writes (rm_tui.export says when
# that text needs care first).
NOTE_HEADS: tuple[str | None, ...] = tuple(_head(author, visibility) for author, visibility in NOTE_KINDS)

# A note as an export reads it: its text, with no record made for it (an export of
# everything reads 100,000 notes, and making a record of each took longer than SQLite
# took to read them): its head (NOTE_HEADS) and its body, with the blanks at its end cut
# (the head's own with them when the body is only blanks: ">" is how a quote writes a
# blank line). Empty for a note never to be written.
ExportedNote = str


# Whose a follow-up is and where it stands, by its kind: (owner = mentor) + 2 × done + 4 × dropped.
FOLLOW_UP_KINDS: tuple[tuple[Role, FollowUpStatus], ...] = (
    ("leader", "open"), ("mentor", "open"),
    ("leader", "done"), ("mentor", "done"),
    ("leader", "dropped"), ("mentor", "dropped"),
)


# A follow-up (20,000 in five years): what its task line shows, as a tuple made in C from
# its row, with no step per follow-up. Its due date stays the ISO text the row holds
# (the store writes no other), which is what the line shows; its owner and status are
# its kind, a small number (an index into FOLLOW_UP_KINDS), where two text columns made
# two strings a follow-up.
class ExportedFollowUp(NamedTuple):
    agenda_item_id: int | None
    title: str
    kind: int
    due_on: str | None  # ISO, "2026-11-24"
    session_id: int


# An agenda item (5,200 in five years): the columns an export writes, as a tuple made in
# C from its row (an AgendaItem record is 19 fields, filled by a Python step per item).
class ExportedItem(NamedTuple):
    id: int
    session_id: int
    title: str
    prompt: str
    category: str | None
    minutes: int
    proposed_by: Role
    status: ItemStatus
    carry_count: int
    elapsed_seconds: int
    carry_over: bool | None  # SQLite's 0 or 1, which reads as False or True


class ItemExport(NamedTuple):
    item: ExportedItem
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
