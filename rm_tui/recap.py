"""The recap for the mentor after a meeting: shared notes, follow-ups, and what carries over.

Everything in it is read through a store kept to the mentor's view of the one
mentorship (`mentor_view`): that store can never return a private or off-record
note, so no recap can hold one, whoever asks for it. The Markdown is escaped
as the export's is (`rm_tui.export.inline` and `quoted`), and the same text can
go into a mail draft as a `mailto:` link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from .errors import RmTuiError
from .export import inline, quoted
from .models import FollowUp, ItemTime, Mentorship, Note, Role, Session
from .scope import Scope

if TYPE_CHECKING:
    from .store import Store

# Mail programs and browsers cut or refuse longer mailto: links (some near 2,000
# characters, Outlook sooner); past it the draft ends with a pointer to the file.
MAILTO_LIMIT = 2000
CUT_LINE = "(the rest is in the saved file)"
RECAP_HINT = "Shared notes only: private and off-record notes never go in a recap."


class NotHeldYet(RmTuiError):
    """A recap follows a meeting: a planned, running or cancelled one has none."""


@dataclass(frozen=True)
class RecapItem:
    """An agenda item as the meeting left it, with the shared notes on it."""

    entry: ItemTime
    notes: list[Note]


@dataclass(frozen=True)
class Recap:
    """What a recap shows, all of it as the mentor may see it."""

    mentorship: Mentorship
    session: Session
    talked_about: list[RecapItem]  # done or discussed, in agenda order
    session_notes: list[Note]
    follow_ups: list[FollowUp]
    carries_over: list[ItemTime]
    next_meeting: date | None = None


def mentor_view(store: Store, mentorship_id: int) -> Store:
    """The same database through the mentor's eyes, kept to one mentorship: shared notes only.

    It shares `store`'s connection (and thread); it only reads, so the change feed is not told.
    """
    return type(store)(store.db, scope=Scope("mentor", mentorship_id), today=store.today, now=store.now)


def gather_recap(store: Store, session_id: int) -> Recap:
    """The recap of a held session, read under the mentor's scope; NotFound or NotHeldYet otherwise."""
    session = store.get_session(session_id)  # in `store`'s own scope: another mentorship's is not there
    if session.status != "held":
        state = {"planned": "is still planned", "live": "is still running", "cancelled": "was called off"}
        raise NotHeldYet(f"session {session_id} {state.get(session.status, 'has not been held')}: "
                         "a recap follows a meeting that was held")
    mentor = mentor_view(store, session.mentorship_id)
    summary = mentor.session_summary(session_id)
    talked_about = [
        RecapItem(entry, [n for n in mentor.notes(session_id, entry.item.id) if n.body.strip()])
        for entry in sorted(summary.done + summary.discussed, key=lambda e: e.item.position)
    ]
    upcoming = mentor.upcoming_session(session.mentorship_id)
    return Recap(
        mentorship=mentor.get_mentorship(session.mentorship_id),
        session=summary.session,
        talked_about=talked_about,
        session_notes=[n for n in mentor.notes(session_id, None) if n.body.strip()],
        follow_ups=summary.follow_ups,
        carries_over=summary.not_reached,
        next_meeting=upcoming.scheduled_on if upcoming is not None else None,
    )


def recap_subject(recap: Recap) -> str:
    return f"Recap of our meeting, {recap.session.scheduled_on:%a %d %b %Y}"


def recap_markdown(recap: Recap) -> str:
    """The recap as a Markdown document; every typed field escaped, every note quoted."""
    m = recap.mentorship
    lines = [
        f"# {inline(recap_subject(recap))}",
        "",
        f"{inline(m.mentor)} mentors {inline(m.leader)}.",
        "",
        f"*{RECAP_HINT}*",
        "",
        "## What we discussed",
        "",
    ]
    for entry in recap.talked_about:
        state = "done" if entry.entry.outcome == "done" else "discussed"
        lines += [f"### {inline(entry.entry.item.title)} ({state})", ""]
        lines += _notes(entry.notes)
    if not recap.talked_about:
        lines += ["Nothing on the agenda was reached.", ""]
    if recap.session_notes:
        lines += ["### The meeting as a whole", "", *_notes(recap.session_notes)]
    lines += ["## Follow-ups", ""]
    lines += [_follow_up(f, m) for f in recap.follow_ups] or ["None agreed."]
    lines += ["", "## Carries over to next time", ""]
    lines += [f"- {inline(entry.item.title)}" for entry in recap.carries_over] or ["Nothing: every item was reached."]
    if recap.next_meeting is not None:
        lines += ["", f"Next meeting: {recap.next_meeting:%a %d %b %Y}."]
    return "\n".join(lines).rstrip() + "\n"


def _notes(notes: list[Note]) -> list[str]:
    lines: list[str] = []
    for note in notes:
        lines += [*quoted(note.body), ""]
    return lines


def _follow_up(follow_up: FollowUp, mentorship: Mentorship) -> str:
    owners: dict[Role, str] = {"leader": mentorship.leader, "mentor": mentorship.mentor}
    box = "x" if follow_up.status == "done" else " "
    due = f"due {follow_up.due_on:%a %d %b %Y}" if follow_up.due_on else "no due date"
    dropped = " (dropped)" if follow_up.status == "dropped" else ""
    return f"- [{box}] {inline(follow_up.title)}{dropped} — {inline(owners[follow_up.owner])}, {due}"


def mailto_url(subject: str, body: str, limit: int = MAILTO_LIMIT) -> str:
    """A `mailto:` link opening a draft (no recipient) with `subject` and `body`.

    A body too long for `limit` is cut at a line, and ends with CUT_LINE.
    """
    start = f"mailto:?subject={quote(subject, safe='')}&body="
    whole = start + quote(body.replace("\n", "\r\n"), safe="")
    if len(whole) <= limit:
        return whole
    tail = quote(f"\r\n{CUT_LINE}", safe="")
    kept = ""
    for line in body.splitlines():
        more = quote(f"{line}\r\n", safe="")
        if len(start) + len(kept) + len(more) + len(tail) > limit:
            break
        kept += more
    return start + kept + tail
