"""`rm-tui import FILE`: an agenda written elsewhere, added to the next planned session."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from .cli_confirm import confirm_or_stop
from .errors import RmTuiError
from .text import counted

if TYPE_CHECKING:
    from .agenda_import import ImportedAgenda, ImportTarget
    from .models import Role
    from .store import Store


class Options(Protocol):
    """What this command needs of the CLI's options (rm_tui.__main__.Options)."""

    @property
    def role(self) -> Role: ...
    def open_store(self) -> Store: ...


class ImportElsewhere(RmTuiError):
    """No one mentorship to import into."""


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--mentorship", metavar="ID|NAME",
              help="Whose next session (id or mentor's name); needed when you have several.")
@click.option("--yes", is_flag=True, help="Add the items without asking first.")
@click.pass_obj
def import_command(options: Options, file: Path, mentorship: str | None, yes: bool) -> None:
    """Add an agenda written elsewhere (Markdown or text) to the next planned session.

    Headings and list items become items; "(15 min)", "15m" or ", 10 min" at the
    end sets the time box, and the text under an item becomes its prompt. When no
    session is planned, one is planned first. An rm-tui export (--session) is read
    back with its notes and follow-ups. Shows what it will add and asks, unless --yes.
    """
    from .agenda_import import read_agenda

    agenda = read_agenda(file.expanduser())  # a bad file is refused before the database opens
    store = options.open_store()
    try:
        target = store.import_target(_mentorship(store, mentorship))
        for line in preview_lines(agenda, target):
            click.echo(line)
        if not yes:
            confirm_or_stop(question(agenda, target), "Nothing added.")
        store.import_agenda(target.mentorship_id, agenda, by=options.role)
    finally:
        store.close()
    click.echo(f"Added {counted(len(agenda.items), 'item')} to {_session_words(target)}.")


def _mentorship(store: Store, wanted: str | None) -> int:
    """The mentorship named, else the one the window is kept to, else the only active one."""
    if wanted:
        return store.keep_to(wanted)
    if store.only_mentorship is not None:
        return store.only_mentorship
    active = [o.mentorship for o in store.list_mentorships()]
    if len(active) == 1:
        return active[0].id
    if not active:
        raise ImportElsewhere("there is no mentorship to import into yet: set one up in rm-tui first")
    names = ", ".join(f"{m.mentor} (id {m.id})" for m in active)
    raise ImportElsewhere(f"you have several mentorships; say whose with --mentorship: {names}")


def preview_lines(agenda: ImportedAgenda, target: ImportTarget) -> list[str]:
    """What the import will add, one line an item (its prompt's first line below it)."""
    lines = []
    for number, item in enumerate(agenda.items, 1):
        minutes = f"{item.minutes} min" if item.minutes else "10 min"
        lines.append(f"{number:>2}. {item.title}  ({minutes})")
        if item.prompt:
            first, _, rest = item.prompt.partition("\n")
            cut = "…" if len(first) > 70 or rest else ""
            lines.append(f"    {first[:70]}{cut}")
    extras = []
    notes = sum(len(item.notes) for item in agenda.items) + len(agenda.session_notes)
    if notes:
        extras.append(counted(notes, "note"))
    if agenda.follow_ups:
        extras.append(counted(len(agenda.follow_ups), "follow-up"))
    if extras:
        lines.append(f"with {' and '.join(extras)} from the export")
    if target.session_id is None:
        lines.append(f"No session with {target.mentor} is planned: one is planned for {target.scheduled_on:%a %d %b}.")
    return lines


def question(agenda: ImportedAgenda, target: ImportTarget) -> str:
    count = len(agenda.items)
    these = "this item" if count == 1 else f"these {count} items"
    return f"Add {these} to {_session_words(target)}?"


def _session_words(target: ImportTarget) -> str:
    return f"{target.mentor}'s session on {target.scheduled_on:%a %d %b}"
