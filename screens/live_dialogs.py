"""The live session's dialogs: a follow-up captured on an item, the meeting ended, its summary.

Each pushes a dialog over the live screen and does what the answer asks; the
screen decides when (and first hands over the text typed so far).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from rm_tui.models import Role
from rm_tui.note_buffer import Entry

if TYPE_CHECKING:
    from textual.screen import Screen

    from rm_tui.store import Store


def push_follow_up(screen: Screen[Any], store: Store, session_id: int, entry: Entry, subject: str,
                   owner: Role, added: Callable[[], object]) -> None:
    """Capture a follow-up on `entry` (`subject` names it), due by the next session by default.

    `added` runs once it is saved: the screen says so where it does not hide the follow-up.
    """
    from .follow_up_form import FollowUpFormScreen

    mentorship_id = store.get_session(session_id).mentorship_id

    def save(title: str, owner: str, due: str) -> None:
        store.add_follow_up(mentorship_id, title=title, owner=owner, due=due, session_id=session_id,
                            agenda_item_id=entry)

    def saved(done: bool | None) -> None:
        if done:
            added()

    due = store.default_follow_up_due(session_id).isoformat()
    screen.app.push_screen(FollowUpFormScreen(subject, owner, due, save), saved)


def push_end(screen: Screen[Any], store: Store, session_id: int, ended: Callable[[], object]) -> None:
    """Show the summary and ask before ending the meeting; `ended` runs once it has ended."""
    from .session_summary import SessionSummaryScreen

    def decided(choice: str | None) -> None:
        if choice == "end":
            store.end_session(session_id)
            ended()

    screen.app.push_screen(SessionSummaryScreen(store.session_summary(session_id), asking_to_end=True), decided)


def push_summary(screen: Screen[Any], store: Store, session_id: int, export: Callable[[], object]) -> None:
    """The summary of the ended meeting, with the Markdown export (`export`) one button away."""
    from .session_summary import SessionSummaryScreen

    def chosen(choice: str | None) -> None:
        if choice == "export":
            export()

    screen.app.push_screen(SessionSummaryScreen(store.session_summary(session_id), asking_to_end=False), chosen)
