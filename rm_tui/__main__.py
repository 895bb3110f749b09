"""The `rm-tui` command line: opens the app, and the commands around it."""

from __future__ import annotations

import gc
import importlib
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click

from . import __version__
from .errors import RmTuiError, unexpected_error_line
from .models import ROLES, Role
from .paths import DB_ENV_VAR, PASSPHRASE_FILE_ENV, TOPICS_ENV_VAR, default_db_path, user_topics_dir

if TYPE_CHECKING:
    from .store import Store
    from .store.driver import Key


class UserError(click.ClickException):
    """A one-line message and exit status 2: what every RmTuiError becomes."""

    exit_code = 2

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"rm-tui: {self.format_message()}", err=True)


# Click 8.2+ shows a command's help through a UsageError when it has no_args_is_help:
# that one is help, not a mistake, and keeps its own display.
_HELP_SHOWN_AS_ERROR = getattr(click.exceptions, "NoArgsIsHelpError", ())


class RmTuiGroup(click.Group):
    """Turns the errors a person can act on into one line instead of a traceback.

    Usage errors too: click's own display is three or four lines (usage, a hint, the
    error). The group's options are parsed in `make_context`; the command's name and
    the command's options in `invoke`: between them, every usage error passes here.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_commands: dict[str, str] = {}
        """Command name -> "module:attribute" in this package, imported only when that command runs
        (or help lists them): `rm-tui due` runs on every shell prompt and loads only what it needs."""

    def add_lazy_command(self, name: str, where: str) -> None:
        self.lazy_commands[name] = where

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy_commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands:
            # An unknown name loads them all, so that "did you mean" weighs every command.
            for name in [cmd_name] if cmd_name in self.lazy_commands else list(self.lazy_commands):
                self._load(name)
        return super().get_command(ctx, cmd_name)

    def _load(self, name: str) -> None:
        module, attribute = self.lazy_commands.pop(name).split(":")
        command = getattr(importlib.import_module(module, __package__), attribute)
        self.add_command(command, name)

    def make_context(
        self, info_name: str | None, args: list[str], parent: click.Context | None = None, **extra: Any
    ) -> click.Context:
        with _usage_errors_in_one_line():
            return super().make_context(info_name, args, parent, **extra)

    def invoke(self, ctx: click.Context) -> Any:
        with _usage_errors_in_one_line(ctx):
            try:
                return super().invoke(ctx)
            except RmTuiError as error:
                raise UserError(str(error)) from None


@contextmanager
def _usage_errors_in_one_line(group_context: click.Context | None = None) -> Iterator[None]:
    try:
        yield
    except _HELP_SHOWN_AS_ERROR:
        raise
    except click.UsageError as error:
        raise UserError(usage_error_line(error, _command_path(error, group_context))) from None


def usage_error_line(error: click.UsageError, command_path: str = "rm-tui") -> str:
    """Click's message on one line, then where to look: 'no such command ... (rm-tui --help lists them)'."""
    message = " ".join(error.format_message().split()).rstrip(".")  # one line, whatever click wrote
    message = message[:1].lower() + message[1:]
    message = message.replace(". Did you mean", "; did you mean")
    if isinstance(error, click.NoSuchOption) or message.startswith("no such command"):
        return f"{_printable(message)} ({command_path} --help lists them)"
    return f"{_printable(message)} (see {command_path} --help)"


def _command_path(error: click.UsageError, group_context: click.Context | None) -> str:
    """The command whose --help answers `error`: 'rm-tui' or 'rm-tui export'."""
    if error.ctx is not None:
        return error.ctx.command_path
    if group_context is None:
        return "rm-tui"
    # Some parse errors (an option missing its value) come without a context; by then
    # the group has recorded which command was being parsed.
    command = group_context.invoked_subcommand
    return f"{group_context.command_path} {command}" if command else group_context.command_path


def _printable(text: str) -> str:
    """`text` with control characters shown as escapes: what was typed never drives the terminal."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


@dataclass(frozen=True)
class Options:
    db_path: Path
    role: Role
    only: str | None = None
    passphrase_file: Path | None = None
    given_key: Key | None = None
    """The raw key a parent `rm-tui serve` handed down (rm_tui.paths.KEY_ENV)."""

    def key(self) -> Key | None:
        """The encrypted database's key: passed down, from the passphrase file, the keyring or asked."""
        if self.given_key is not None:
            return self.given_key
        from .passphrase import key_for

        return key_for(self.db_path, self.passphrase_file)

    def open_store(self) -> Store:
        """The database, seen as `--as` and `--mentorship` say: every command honours that scope."""
        from .scope import Scope
        from .store import Store

        store = Store.open(self.db_path, key=self.key(), scope=Scope(self.role))
        if self.only is not None:
            try:
                store.keep_to(self.only)
            except RmTuiError:
                store.close()
                raise
        return store


class _DatabaseOption(click.Option):
    """--db, whose help names the default file: looked up (platformdirs) only when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        self.help = f"The database file. Default: {default_db_path()}"
        return super().get_help_record(ctx)


@click.group(
    name="rm-tui",  # the command path in messages, whatever runs the group
    cls=RmTuiGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.version_option(__version__, "-V", "--version", prog_name="rm-tui")
@click.option(
    "--db",
    "db_path",
    cls=_DatabaseOption,
    # No checks of click's: ours (rm_tui.store.connection) refuse a folder or a device in one line.
    type=click.Path(readable=False, path_type=Path),
    envvar=DB_ENV_VAR,
    show_envvar=True,
    help="The database file.",
)
@click.option(
    "--as",
    "role",
    type=click.Choice(ROLES),  # so `role` is a Role wherever it goes
    default="leader",
    show_default=True,
    help="Whose view to open: the leader's, or the mentor's.",
)
@click.option(
    "--only",
    metavar="ID|NAME",
    help="Open on one mentorship alone (id or mentor's name), as `rm-tui serve` does for the mentor.",
)
@click.option(
    "--passphrase-file",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar=PASSPHRASE_FILE_ENV,
    show_envvar=True,
    help="For an encrypted database: a file holding its passphrase, readable by you alone (for scripts). "
    "Otherwise the passphrase comes from the OS keyring, or is asked for.",
)
@click.option(
    "--demo",
    is_flag=True,
    help="Open a throwaway database with a sample mentorship to explore; it is deleted when you quit.",
)
@click.pass_context
def cli(
    ctx: click.Context, db_path: Path | None, role: Role, only: str | None, passphrase_file: Path | None, demo: bool
) -> None:
    """A terminal companion for reverse mentorship meetings.

    With no command, opens the app on the database. Build agendas from the topic
    library, take notes as you talk and keep track of follow-ups; everything
    lives in one SQLite file on this machine.
    """
    from .passphrase import take_key_from_environment

    given_key = take_key_from_environment()  # first: nothing this process starts may inherit it
    if ctx.invoked_subcommand is not None:
        gc.enable()  # off while starting (rm_tui.entry); a command may run long, `rm-tui serve` for days
    if demo:
        if ctx.invoked_subcommand is not None:
            raise UserError("--demo opens the app on its own; leave it out of other commands")
        if ctx.get_parameter_source("db_path") is click.core.ParameterSource.COMMANDLINE:
            raise UserError("--demo uses a throwaway database of its own; leave out --db")
        _run_demo(role, only)
        return
    ctx.obj = Options(
        db_path=(db_path or default_db_path()).expanduser(),
        role=role,
        only=only,
        passphrase_file=passphrase_file.expanduser() if passphrase_file else None,
        given_key=given_key,
    )
    if ctx.invoked_subcommand is None:
        from .launch import run_app

        options = ctx.obj
        ctx.exit(run_app(options.db_path, role=role, only=only, passphrase_file=options.passphrase_file,
                         given_key=given_key))


def _run_demo(role: Role, only: str | None) -> None:
    from datetime import date

    from .app import make_app
    from .demo import demo_database

    with demo_database(date.today()) as path:
        app = make_app(path, role=role, only=only)
        app.startup_notes.append(
            "This is the demo: Dana's mentorship with Sam, three meetings in. Change anything; "
            "it is all deleted when you quit. Start for real with plain `rm-tui`."
        )
        app.run()
    sys.exit(app.return_code or 0)


@cli.command()
@click.pass_obj
def where(options: Options) -> None:
    """Print where rm-tui keeps its database and your topic files, and whether it is encrypted."""
    from .cli_encryption import encryption_state

    encryption = encryption_state(options)  # first: a refusal prints nothing else
    click.echo(f"database     {options.db_path}")
    click.echo(f"encryption   {encryption}")
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


@cli.command()
@click.option("--mentorship", "mentorship", metavar="ID|NAME", help="Only this mentorship (id or mentor's name).")
@click.pass_obj
def sessions(options: Options, mentorship: str | None) -> None:
    """List sessions with their ids, newest first, for `rm-tui export --session`."""
    store = options.open_store()
    chosen = [store.find_mentorship(mentorship)] if mentorship else [
        o.mentorship.id for o in store.list_mentorships(include_ended=True)
    ]
    for mentorship_id in chosen:
        mentor = store.get_mentorship(mentorship_id).mentor
        for session in store.list_sessions(mentorship_id):
            click.echo(f"{session.id:6}  {session.scheduled_on.isoformat()}  {session.status:9}  {mentor}")
    store.close()


@cli.command(name="export")
@click.option("--session", "session_id", type=int, metavar="ID", help="One session (ids: rm-tui sessions).")
@click.option("--mentorship", metavar="ID|NAME", help="A whole mentorship, a section per session.")
@click.option("--all", "everything", is_flag=True, help="Every mentorship and session.")
@click.option("--impact", is_flag=True, help="With --mentorship: the note for the mentor's manager instead.")
@click.option("--include-private", is_flag=True, help="Also your private notes (off-record ones never).")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of the screen.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_obj
def export_command(
    options: Options,
    session_id: int | None,
    mentorship: str | None,
    everything: bool,
    impact: bool,
    include_private: bool,
    output: Path | None,
    force: bool,
) -> None:
    """Write notes as Markdown: a session, a mentorship or everything.

    Only shared notes unless --include-private; off-record notes are never exported.
    Follow-ups come out as task lists (- [ ] / - [x]).
    """
    from .exporting import ExportRequest, render
    if sum([session_id is not None, mentorship is not None, everything]) != 1:
        raise UserError("say what to export: one of --session ID, --mentorship ID|NAME or --all")
    store = options.open_store()
    try:
        request = ExportRequest(
            session_id=session_id,
            mentorship_id=store.find_mentorship(mentorship) if mentorship else None,
            everything=everything,
            include_private=include_private,
            impact=impact,
            viewer=options.role,
        )
        text = render(store, request)
    finally:
        store.close()
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_output(output, text, force=force)


@cli.command()
@click.option("--mentorship", metavar="ID|NAME", help="Only this mentorship's sessions.")
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Write to this file instead of the screen.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_obj
def calendar(options: Options, mentorship: str | None, output: Path | None, force: bool) -> None:
    """Write the sessions to come as an iCalendar (.ics) file for your calendar app.

    Import it again after planning or rescheduling: each session keeps its event,
    so the calendar updates rather than doubling up. The agenda's titles go in each
    event's description; notes never do.
    """
    from .calendar_export import NothingPlanned, planned_sessions_calendar
    store = options.open_store()
    try:
        if mentorship:
            store.keep_to(mentorship)
        try:
            text = planned_sessions_calendar(store)
        except NothingPlanned as error:  # nothing is written, not even an empty file
            raise UserError(f"{error}: p in rm-tui plans one") from None
    finally:
        store.close()
    if output is None:
        click.echo(text, nl=False)
    else:
        _write_output(output, text, force=force)


def _write_output(output: Path, text: str, *, force: bool) -> None:
    """Write `-o`'s file, and say where; a refusal to replace one names the flag that would."""
    from .files import OutputExists, write_private_text

    try:
        written = write_private_text(output, text, force=force)
    except OutputExists as error:
        raise UserError(f"{error}; add --force to replace it") from None
    click.echo(f"wrote {written}", err=True)


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, metavar="ADDRESS",
              help="Who can open the link. The default lets in a browser on this computer only; this "
                   "computer's address on your network (e.g. 192.168.1.20) lets in the mentor's computer.")
@click.option("--port", default=8000, show_default=True, type=int,
              help="The port in the link; change it if another program has it.")
@click.option("--mentorship", metavar="ID|NAME",
              help="Which mentorship to show (id or mentor's name); needed when you have several.")
@click.pass_obj
def serve(options: Options, host: str, port: int, mentorship: str | None) -> None:
    """Let the mentor join from a web browser, for a meeting over video.

    Prints a link for the mentor. Whoever opens it gets the mentor's window on
    one mentorship: its agenda and shared notes, where they can add items, notes
    and follow-ups of their own. Never your private or off-record notes, nor
    your other mentorships.

    The link holds a secret: a browser without it is turned away. By default
    only a browser on this computer can open it; for the mentor's own computer,
    add --host with this computer's address on your network (serve prints it).
    Ctrl+C stops serving and closes the mentor's page.
    """
    from .serving import check_can_listen, choose_shared_mentorship, serve_address, serve_command
    address = serve_address(host, port)
    store = options.open_store()  # a bad or foreign file is refused here, in one line
    try:
        shared = choose_shared_mentorship(store, mentorship)
    finally:
        store.close()
    check_can_listen(address)
    from .web import mentor_server  # textual-serve and aiohttp load only to serve

    given_db = click.get_current_context().find_root().get_parameter_source("db_path")
    command = serve_command(
        options.db_path if given_db is click.core.ParameterSource.COMMANDLINE else None, mentorship, port)
    server = mentor_server(
        options.db_path, shared, address, say=lambda line: click.echo(line), command=command, key=store.key
    )
    try:
        server.serve()
    except OSError as error:  # taken in the moment since the check
        raise UserError(f"cannot listen on {address.base_url}: {error.strerror or error}") from None
    click.echo("Stopped serving.")


# Each imported only when it runs (RmTuiGroup.lazy_commands).
cli.add_lazy_command("backup", ".cli_backup:backup")
cli.add_lazy_command("restore", ".cli_backup:restore")
cli.add_lazy_command("encrypt", ".cli_encryption:encrypt_command")
cli.add_lazy_command("decrypt", ".cli_encryption:decrypt_command")
cli.add_lazy_command("import", ".cli_import:import_command")
cli.add_lazy_command("due", ".cli_due:due_command")
cli.add_lazy_command("recap", ".cli_recap:recap")


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="rm-tui")
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as error:  # the last guard: one line, never a traceback
        if os.environ.get("RM_TUI_DEBUG"):
            raise
        click.echo(unexpected_error_line(error), err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
