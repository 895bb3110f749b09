"""The Textual application: modes, global keys, the command palette, live refresh."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.actions import ActionParseResult
from textual.actions import parse as parse_action
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.dom import DOMNode
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.signal import Signal

from screens.data_screen import DataScreen
from screens.help import declared_bindings, offered_bindings
from screens.home import HomeScreen
from widgets.safe import notify_literal

from .changes import EVERYTHING, Tables
from .db_watch import DbWatch
from .errors import RmTuiError
from .ground_rules import RULES_SETTING
from .models import Role, Session
from .paths import user_topics_dir
from .scope import Action, Scope
from .store import Store
from .timing import utc_now

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.timer import Timer

    from .autosave import NoteAutosaver, Saved
    from .store.driver import Key

CHANGE_POLL_SECONDS = 1.0
"""How often SQLite's data_version is read once the database's files are watched. The
watch (rm_tui.db_watch) sees another process's commit as it lands; this slow poll is
for file systems whose changes are not reported, such as a network drive written
from another machine."""
UNWATCHED_POLL_SECONDS = 0.1
"""How often data_version is read while nothing is watched: until another process first
writes (a window used alone never loads the watch, 7 MB with what it imports), and
where the files cannot be watched at all. Often enough that a change shows at once."""
FULL_COLLECTION_EVERY = 100
"""Middle-generation collections between full ones (Python's default: 10)."""


class AutosaveFailed(Message):
    """The autosaver's thread could not write a note; said on the screen, never dropped silently."""

    def __init__(self, problem: str) -> None:
        super().__init__()
        self.problem = problem


class NoteKeptApart(Message):
    """A note's text was saved somewhere other than where the editor meant it to go.

    Another window had changed the note meanwhile (the text became a note of its
    own beside that one), or its agenda item was removed (the text went to the
    session as a whole). The screen holding that editor follows its text there.
    """

    def __init__(self, saved: Saved) -> None:
        super().__init__()
        self.saved = saved


class RmTuiApp(App[None]):
    """rm-tui: mentorships, the topic library, and (later) agendas, notes and follow-ups."""

    TITLE = "rm-tui"
    # The palette also searches what was written: notes, items, follow-ups, topics.
    COMMANDS = App.COMMANDS | {lambda: _search_commands()}
    CSS_PATH = "app.tcss"
    # Screens lay themselves out differently below 100 columns (e.g. 80x24).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    # The footer shows each screen's own keys first, then these as far as the width
    # allows, F1 always in sight; every key, shown or not, is in help (F1) and the palette.
    # Priority: the keys that go somewhere work from every screen, dialogs included
    # (a dialog's own bindings would otherwise end the search before the app's).
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="Show the keys for this screen", priority=True),
        Binding("f2", "go('home')", "Mentorships", tooltip="Go to the list of mentorships", show=False,
                priority=True),
        Binding("f3", "go('topics')", "Topics", tooltip="Browse the topic library", show=False, priority=True),
        Binding("f4", "flip_speaker", "Speaker", tooltip="Flip who is speaking: leader or mentor", show=False,
                priority=True),
        Binding("f6", "go('follow_ups')", "Follow-ups", tooltip="Every follow-up, across mentorships", show=False,
                priority=True),
        Binding("f9", "search", "Search", tooltip="Search notes, agenda items, follow-ups and topics", show=False,
                priority=True),
        Binding("ctrl+q", "quit", "Quit", tooltip="Leave rm-tui (everything is already saved)", show=False),
        # Tab moves the focus before the next key is handed out. As Textual's screen
        # binding, it acted only once it had bubbled up from the focused field, so letters
        # typed right after it (a fast typist, a busy machine, keys arriving in one burst
        # over ssh) went into the field being left.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]

    DEFAULT_MODE = "home"
    """The home screen is the first screen itself (get_default_screen): no empty default
    screen drawn and switched away from."""

    _db_watch: DbWatch | None = None  # from another process's first write until the app ends
    _saves = 0  # the note writer's commits, counted on its thread
    _saves_at_last_change = 0
    _change_poll: Timer

    speaker: reactive[Role] = reactive("leader")
    """Who is at the keyboard right now; what they add is credited to them."""

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        role = store.scope.role
        if role == "mentor":
            self.title = "rm-tui · mentor's view"  # in every header, so nobody mistakes whose window it is
        self.set_reactive(RmTuiApp.speaker, role)
        self.startup_notes: list[str] = []
        """Said once the first screen is up, as information (the topic files' problems are warnings)."""
        self._seen_token = store.change_token()
        self._changed_here: set[str] = set()  # tables this window's writes changed since the last publish
        self.data_changed_signal: Signal[Tables] = Signal(self, "data-changed")
        """What changed, by table; every DataScreen listens (EVERYTHING: another process wrote)."""
        self._autosaver: NoteAutosaver | None = None
        self.add_mode("topics", lambda: _topic_library(store))
        self.add_mode("follow_ups", lambda: _follow_ups(store))
        store.on_change = self._changed_locally

    def get_default_screen(self) -> Screen[Any]:
        """The home screen, first on the default mode's stack.

        The "home" mode is added only once this screen is up (on_mount): Textual
        gives the first screen of a mode added beforehand a second styling of every
        stylesheet, about a twentieth of the time to the first frame, and the
        default mode's first screen none.
        """
        return HomeScreen(self.store)

    @property
    def role(self) -> Role:
        """Whose window this is: the store's scope decides, the app only reads it."""
        return self.store.scope.role

    @property
    def scope(self) -> Scope:
        """What this window may see and do; screens ask it what to offer."""
        return self.store.scope

    async def on_mount(self) -> None:
        # F2 and switch_mode("home") come back to the home screen's stack; the factory
        # is a fallback, never used while that stack lives.
        self.add_mode("home", lambda: HomeScreen(self.store))
        for note in self.startup_notes:
            self.notify(note, title="Welcome", timeout=15, markup=False)
        # Another process writing the same file bumps SQLite's data_version: looking at
        # it costs microseconds. Once another process has written, its -wal file is
        # watched instead (_watch_files), and the look becomes a slow fallback.
        self._change_poll = self.set_interval(UNWATCHED_POLL_SECONDS, self.sync_views)
        self.call_after_refresh(self._sync_topics)
        self.call_after_refresh(_collect_garbage_again)

    def _sync_topics(self) -> None:
        """The topic files, read once the first screen is drawn (make_app); what they got wrong, said."""
        load = self.store.sync_waiting_topics()
        for problem in load.problems if load is not None else []:
            self.notify(problem, severity="warning", timeout=12, markup=False)

    def _watch_files(self) -> None:
        """Another process writes here: see its next commits as they land, by the -wal file.

        The watch calls back from its own thread, so it only asks (call_later posts a
        message, which is safe from any thread) for a look on this one.
        """
        self._db_watch = DbWatch(
            self.store.path,
            on_change=lambda: self.call_later(self.sync_views),
            on_failure=lambda _error: self.call_later(self._poll_unwatched),
        )
        self._db_watch.start()
        self._set_poll(CHANGE_POLL_SECONDS)

    def _poll_unwatched(self) -> None:
        """The files cannot be watched here: look at data_version as often as before watching."""
        self._set_poll(UNWATCHED_POLL_SECONDS)

    def _set_poll(self, seconds: float) -> None:
        self._change_poll.stop()
        self._change_poll = self.set_interval(seconds, self.sync_views)

    def _changed_locally(self, tables: Tables) -> None:
        """A write in this window: publish once the action that made it is done."""
        self._changed_here |= tables
        self.call_next(self.sync_views)

    def sync_views(self) -> None:
        """Publish what changed since the last look, if anything did.

        This window's writes name their tables. Another process's commit only moves
        SQLite's data_version, so it is published as EVERYTHING. Each screen decides
        whether the change is one it shows (DataScreen.WATCHES).
        """
        if not self.is_running:
            return  # shutting down: the screens are being taken apart, and the store closed
        token = self.store.change_token()
        if token == self._seen_token:
            return
        from_elsewhere = token[0] != self._seen_token[0]
        self._seen_token = token
        tables = EVERYTHING if from_elsewhere else frozenset(self._changed_here)
        self._changed_here.clear()
        self.data_changed_signal.publish(tables)
        # The note writer's commits move data_version too, but they are this window's own:
        # only a change with none of them since the last is another process's for sure.
        saves = self._saves
        if from_elsewhere and self._db_watch is None and saves == self._saves_at_last_change:
            self._watch_files()
        self._saves_at_last_change = saves

    @property
    def autosaver(self) -> NoteAutosaver:
        """Writes note text on its own thread; started when the first note is opened."""
        if self._autosaver is None:
            from .autosave import NoteAutosaver

            self._autosaver = NoteAutosaver(
                self.store.opener_for_thread(),
                on_saved=self._note_saved,
                on_error=lambda buffer, problem: self.post_message(AutosaveFailed(problem)),
            )
        return self._autosaver

    def _note_saved(self, saved: Saved) -> None:
        # On the writer's thread: only a message may cross to the app's (and a count).
        self._saves += 1
        if saved.note.forked_from is not None or saved.note.moved_to_session:
            self.post_message(NoteKeptApart(saved))

    def on_note_kept_apart(self, message: NoteKeptApart) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, DataScreen):
                screen.note_kept_apart(message.saved)

    def on_autosave_failed(self, message: AutosaveFailed) -> None:
        self.notify(f"A note could not be saved: {message.problem}", severity="error", timeout=15, markup=False)

    async def action_quit(self) -> None:
        """Hand any text typed in the last moment to the autosaver, then leave."""
        for screen in self.screen_stack:
            if isinstance(screen, DataScreen):
                screen.flush_edits()
        self.exit()

    def on_unmount(self) -> None:
        if self._db_watch is not None:
            self._db_watch.stop()  # its thread ends before the store closes
        if self._autosaver is not None:
            self._autosaver.close()  # writes what is queued first
        self.store.close()

    def toggle_rules_at_start(self) -> None:
        showing = self.store.setting(RULES_SETTING, "yes") == "yes"
        self.store.set_setting(RULES_SETTING, "no" if showing else "yes")
        self.notify(f"Ground rules at session start: {'off' if showing else 'on'} (ctrl+g shows them any time)")

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        """Run an action (a key, a click, the palette); a refusal from the core is said, not raised.

        The core refuses what the scope does not allow, or a record another window
        removed meanwhile, with a one-line RmTuiError: the person reads that line.
        """
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except RmTuiError as error:
            self.notify(str(error), severity="error", markup=False)
            return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # A window opened as the mentor speaks for the mentor alone: no F4.
        return not (action == "flip_speaker" and self.role == "mentor")

    def action_flip_speaker(self) -> None:
        self.speaker = "mentor" if self.speaker == "leader" else "leader"
        self.notify(f"Now speaking: {self.speaker}", timeout=2)

    async def action_go(self, mode: str) -> None:
        """F2, F3, F6: the screen the key names, from wherever you are.

        A mode keeps the screens opened on top of its base (the builder, the live
        session over the mentorships): switch_mode alone would land on the last of
        them, or do nothing from inside the mode. Those are closed here as their own
        back key would close them; what they show is in the database, and a running
        meeting is said to be running, with the way back to it.
        """
        if not await self._close_reading_dialogs():
            return
        await self.switch_mode(mode)
        meeting = None
        while len(self.screen_stack) > 1:
            top = self.screen
            if isinstance(top, DataScreen):
                top.flush_edits()
                meeting = meeting or _running_meeting(top)
            await self.pop_screen()
        if meeting is not None and isinstance(self.screen, HomeScreen):
            self.screen.highlight(meeting.mentorship_id)
            mentor = self.store.get_mentorship(meeting.mentorship_id).mentor
            notify_literal(self, f"The meeting with {mentor} is still running: l opens it again.",
                           title="Meeting left open", timeout=10)

    async def _close_reading_dialogs(self) -> bool:
        """Close the dialogs on top, as their escape would; False, and a word, when one is a form.

        A form (or a question) holds an answer in the making: a key that closed it
        would throw that away unasked, so it stays and says how to finish. The
        dialogs closed here only show something or keep what was typed (the ask).
        """
        from textual.command import CommandPalette

        from screens.ask import AskScreen
        from screens.ground_rules import GroundRulesScreen
        from screens.help import HelpScreen
        from screens.note_picker import NotePickerScreen
        from screens.session_summary import SessionSummaryScreen

        closable = (AskScreen, GroundRulesScreen, HelpScreen, NotePickerScreen, SessionSummaryScreen)
        while isinstance(dialog := self.screen, ModalScreen):
            if isinstance(dialog, CommandPalette):
                await dialog.dismiss()
                continue
            escape = next((b for b in declared_bindings(dialog) if b.key == "escape"), None)
            if not isinstance(dialog, closable) or escape is None:
                self.notify("A dialog is open: finish it first, or escape closes it.", severity="warning")
                return False
            await self.run_action(escape.action, dialog)
            if self.screen is dialog:
                return False  # it chose to stay open
        return True

    async def action_search(self) -> None:
        from screens.search import SearchScreen

        if not await self._close_reading_dialogs():
            return
        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen())

    def action_help(self) -> None:
        from screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss()
            return
        self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every described key binding is also a palette command."""
        yield from super().get_system_commands(screen)
        if self.scope.may(Action.CHANGE_SETTINGS):
            showing = self.store.setting(RULES_SETTING, "yes") == "yes"
            yield SystemCommand(
                f"Settings: ground rules at session start ({'on' if showing else 'off'})",
                "Turn showing the ground rules when a session's agenda first opens on or off",
                self.toggle_rules_at_start,
            )
        for node in (screen, self):
            for binding in offered_bindings(node):  # e.g. no 'End' before the meeting has started
                _, name, _ = parse_action(binding.action)
                if node is self and name == "quit":
                    continue  # Textual's own commands above already offer quitting
                yield SystemCommand(
                    binding.description,
                    binding.tooltip or f"Key: {self.get_key_display(binding)}",
                    _runner(self, binding.action, node),
                )


def _search_commands() -> type[Provider]:
    from screens.search import SearchCommands  # loaded when the palette first opens

    return SearchCommands


def _topic_library(store: Store) -> Screen[None]:
    # Imported on first visit: start-up pays only for the home screen's widgets.
    from screens.topic_library import TopicLibraryScreen

    return TopicLibraryScreen(store)


def _follow_ups(store: Store) -> Screen[None]:
    from screens.follow_ups import FollowUpsScreen

    return FollowUpsScreen(store)


def _running_meeting(screen: DataScreen) -> Session | None:
    """The meeting a screen being closed holds open, if it is running."""
    from screens.live_session import LiveSessionScreen

    if not isinstance(screen, LiveSessionScreen):
        return None
    session = screen.store.get_session(screen.session_id)
    return session if session.status == "live" else None


def _runner(app: RmTuiApp, action: str, node: DOMNode) -> Callable[[], object]:
    return lambda: app.run_action(action, node)


def _collect_garbage_again() -> None:
    """Turn the cyclic garbage collector back on, once the first screen is drawn.

    The console script starts with it off (rm_tui.entry: it walked every object
    again and again while Textual and rm-tui loaded). What was made until now lives
    as long as the app: frozen, no collection walks it again. A full collection
    still walks all the rest, a screen's worth of widgets, for about 100 ms: it came
    every dozen or so changes from another window, the slowest of them to show.
    It comes ten times less often; young objects are collected as often as before.
    """
    if not gc.isenabled():
        gc.freeze()
        young, middle, _full = gc.get_threshold()
        gc.set_threshold(young, middle, FULL_COLLECTION_EVERY)
        gc.enable()


def make_app(
    db_path: Path | str,
    *,
    role: Role = "leader",
    today: Callable[[], date] = date.today,
    now: Callable[[], datetime] = utc_now,
    topics_dir: Path | None = None,
    only: str | None = None,
    key: Key | None = None,
) -> RmTuiApp:
    """Open the database and build the app; the CLI and the tests both start here.

    `only` (an id or the mentor's name) keeps the app to one mentorship; `key` opens
    an encrypted database (rm_tui.passphrase says where it comes from).
    Raises RmTuiError (with a one-line message) when the database cannot be opened.
    """
    store = Store.open(db_path, key=key, scope=Scope(role), today=today, now=now)
    if only is not None:
        store.keep_to(only)
    store.sync_topics_before_use(topics_dir if topics_dir is not None else user_topics_dir())
    return RmTuiApp(store)

