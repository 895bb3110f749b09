"""What to export, from the store to Markdown text and a file name: shared by the CLI and the app."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_path

from . import export
from .errors import ValidationError
from .models import Role
from .scope import Action
from .slug import slug
from .store import Store


@dataclass(frozen=True)
class ExportRequest:
    """Exactly one of session / mentorship / everything; `impact` only with a mentorship."""

    session_id: int | None = None
    mentorship_id: int | None = None
    everything: bool = False
    include_private: bool = False
    impact: bool = False
    viewer: Role = "leader"  # the mentor's view never exports private notes


def render(store: Store, request: ExportRequest) -> str:
    with _collector_paused():
        return _render(store, request)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while an export is built, on again after.

    Everything is built of records and strings, which make no cycles; but the collector
    runs as objects are made, and walks every one still alive each time: with five
    years' 100,000 notes that was a seventh of the export.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _render(store: Store, request: ExportRequest) -> str:
    today = store.today()
    if request.include_private and request.viewer != "leader":
        raise ValidationError(
            "include_private", "private notes are the leader's: the mentor's view exports shared notes only"
        )
    if request.impact:
        store.scope.require(Action.KEEP_CHAMPION_LOG)  # the impact note is the leader's to write
        if request.mentorship_id is None:
            raise ValidationError("impact", "the impact note is written for one mentorship (--mentorship)")
        return export.impact_note(store.export_mentorship(request.mentorship_id), written_on=today)
    private = request.include_private
    if request.session_id is not None:
        data = store.export_session(request.session_id, include_private=private)
        return export.export_session(data, exported_on=today, include_private=private)
    if request.mentorship_id is not None:
        whole = store.export_mentorship(request.mentorship_id, include_private=private)
        return export.export_mentorship(whole, exported_on=today, include_private=private)
    if request.everything:
        return export.export_everything(store.export_everything(include_private=private),
                                        exported_on=today, include_private=private)
    raise ValidationError("what", "say what to export: --session, --mentorship or --all")


def suggested_name(store: Store, request: ExportRequest) -> str:
    """A file name that says what is in it: 'sam-ortiz-2026-11-24.md', 'sam-ortiz-impact.md'."""
    if request.session_id is not None:
        session = store.get_session(request.session_id)
        mentor = store.get_mentorship(session.mentorship_id).mentor
        return f"{slug(mentor, fallback='mentor')}-{session.scheduled_on.isoformat()}.md"
    if request.mentorship_id is not None:
        mentor = store.get_mentorship(request.mentorship_id).mentor
        return f"{slug(mentor, fallback='mentor')}-{'impact' if request.impact else 'all-sessions'}.md"
    return f"rm-tui-notes-{store.today().isoformat()}.md"


def default_folder() -> Path:
    """Where the app offers to put exports: the user's documents folder, under rm-tui."""
    return user_documents_path() / "rm-tui"
