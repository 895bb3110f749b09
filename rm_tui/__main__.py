"""The `rm-tui` command line: opens the app, and the commands around it."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__
from .errors import RmTuiError
from .models import ROLES
from .paths import DB_ENV_VAR, TOPICS_ENV_VAR, default_db_path, user_topics_dir


class UserError(click.ClickException):
    """A one-line message and exit status 2: what every RmTuiError becomes."""

    exit_code = 2

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.echo(f"rm-tui: {self.format_message()}", err=True)


class RmTuiGroup(click.Group):
    """Turns the errors a person can act on into one line instead of a traceback."""

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except RmTuiError as error:
            raise UserError(str(error)) from None


@dataclass(frozen=True)
class Options:
    db_path: Path
    role: str


@click.group(
    cls=RmTuiGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "-V", "--version", prog_name="rm-tui")
@click.option(
    "--db",
    "db_path",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=DB_ENV_VAR,
    show_envvar=True,
    help=f"The database file. Default: {default_db_path()}",
)
@click.option(
    "--as",
    "role",
    type=click.Choice(ROLES),
    default="leader",
    show_default=True,
    help="Whose view to open: the leader's, or the mentor's.",
)
@click.pass_context
def cli(ctx: click.Context, db_path: Path | None, role: str) -> None:
    """A terminal companion for reverse mentorship meetings.

    With no command, opens the app on the database. Build agendas from the topic
    library, take notes as you talk and keep track of follow-ups; everything
    lives in one SQLite file on this machine.
    """
    ctx.obj = Options(db_path=(db_path or default_db_path()).expanduser(), role=role)
    if ctx.invoked_subcommand is None:
        from .app import make_app  # Textual loads only when the app opens

        app = make_app(ctx.obj.db_path, role=role)  # type: ignore[arg-type]
        app.run()
        ctx.exit(app.return_code or 0)


@cli.command()
@click.pass_obj
def where(options: Options) -> None:
    """Print where rm-tui keeps its database and your topic files."""
    click.echo(f"database     {options.db_path}")
    click.echo(f"your topics  {user_topics_dir()}  (set {TOPICS_ENV_VAR} to use another folder)")


@cli.command()
def topics() -> None:
    """Check the topic files and list how many topics each category has."""
    from topic_library import load_library, topic_files

    load = load_library(topic_files(user_topics_dir()))
    counts: dict[str, int] = {}
    for spec in load.topics:
        counts[spec.category] = counts.get(spec.category, 0) + 1
    for category, count in counts.items():
        click.echo(f"{count:4}  {category}")
    for problem in load.problems:
        click.echo(f"rm-tui: {problem}", err=True)
    if load.problems:
        raise SystemExit(2)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="rm-tui")
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: one line, never a traceback
        if os.environ.get("RM_TUI_DEBUG"):
            raise
        click.echo(f"rm-tui: unexpected error: {error} (set RM_TUI_DEBUG=1 for details)", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
