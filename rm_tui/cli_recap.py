"""`rm-tui recap`: a held meeting's recap for the mentor, as Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import click

from .errors import RmTuiError

if TYPE_CHECKING:
    from .store import Store


class Options(Protocol):
    """What this command needs of the CLI's options (rm_tui.__main__.Options, which loads the app)."""

    def open_store(self) -> Store: ...


@click.command()
@click.option("--session", "session_id", type=int, required=True, metavar="ID",
              help="The meeting (ids: rm-tui sessions); it must have been held.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of the screen.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_obj
def recap(options: Options, session_id: int, output: Path | None, force: bool) -> None:
    """Write a held meeting's recap for the mentor, as Markdown.

    What was discussed in shared notes, the follow-ups with owners and due
    dates, and what carries over. Private and off-record notes never go in it.
    """
    from .files import OutputExists, write_private_text
    from .recap import gather_recap, recap_markdown

    store = options.open_store()
    try:
        text = recap_markdown(gather_recap(store, session_id))
    finally:
        store.close()
    if output is None:
        click.echo(text, nl=False)
        return
    try:
        written = write_private_text(output, text, force=force)
    except OutputExists as error:
        raise RmTuiError(f"{error}; add --force to replace it") from None
    click.echo(f"wrote {written}", err=True)
