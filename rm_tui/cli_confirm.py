"""The one yes-or-no question a command asks before it changes something."""

from __future__ import annotations

import click


def confirm_or_stop(question: str, nothing_done: str) -> None:
    """Ask `question` (default no); on a no, say `nothing_done` and exit with status 1.

    End of input or ctrl+c at the question counts as a no: a script that did not
    pass --yes changes nothing.
    """
    try:
        agreed = click.confirm(question, default=False, err=True)
    except click.Abort:
        click.echo("", err=True)
        agreed = False
    if not agreed:
        click.echo(nothing_done, err=True)
        raise SystemExit(1)
