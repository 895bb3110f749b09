"""The agenda builder: the topic library on the left, the session's agenda on the right.

Leader and mentor build it together; F4 flips who is speaking, and every item
records who proposed it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Header, Input, OptionList, Select, Static
from textual.widgets.option_list import Option

from rm_tui.changes import EVERYTHING, Tables, touches
from rm_tui.errors import Forbidden, ValidationError
from rm_tui.models import AgendaItem, Topic, suggest_category
from rm_tui.placeholders import fill
from rm_tui.scope import Action
from rm_tui.text import counted
from rm_tui.undo import UndoStack
from widgets.agenda_line import agenda_line, line_width
from widgets.categories import category_column
from widgets.fitted_line import FittedLine
from widgets.key_footer import KeyFooter
from widgets.plan_status import coverage_line, planned_time, session_heading
from widgets.quiet_static import QuietStatic
from widgets.safe import literal_line, notify_literal
from widgets.speaker_badge import SpeakerBadge
from widgets.type_ahead import FilterList, TypeAheadInput
from widgets.undo_notice import undo_and_tell

from .data_screen import DataScreen

if TYPE_CHECKING:
    from rm_tui.store import Store  # for the type only, as in DataScreen


def builder_line(number: int, item: AgendaItem, width: int | None = None) -> Content:
    """An item as the builder shows it: the planned minutes, whose idea it was (either
    person's: F4 decides whose the next one is), and what to do about STALE or a clash;
    wrapped to `width` columns, whose idea it was kept with the title."""
    return agenda_line(item, number, name_every_proposer=True, guidance=True, width=width)


def library_line(topic: Topic, on_agenda: bool) -> Content:
    """A topic as the library lists it; one already on this agenda says so, quietly."""
    parts: list[Content | tuple[str, str]] = [
        literal_line(f"{category_column(topic.category)} ", "$text-muted"),
        literal_line(topic.title),
        (f"  {topic.minutes}m", "$text-muted"),
    ]
    if on_agenda:
        parts.append(("  ✓ on agenda", "italic $text-muted"))
    return Content.assemble(*parts)


NARROW_BELOW = 100
"""The app's narrow breakpoint: below it the buttons and hints take their short forms."""

HINT_FRAME = 6
"""What the agenda's border takes around its hint: a corner, a line and a space each side."""

AGENDA_TABLES = frozenset({"sessions", "agenda_items", "follow_ups", "mentorships"})
"""What the agenda pane, its heading and the coverage line show."""


class AgendaBuilderScreen(DataScreen):
    """Builds one session's agenda."""

    CSS_PATH = "agenda_builder.tcss"
    ACTIONS_NEED = {
        "keep_item": Action.DECIDE_CARRIED,
        "drop_item": Action.DECIDE_CARRIED,
        "edit_session": Action.PLAN_SESSIONS,
        "pin_item": Action.PIN_ITEMS,
        "import_agenda": Action.EDIT_AGENDA,
    }
    BINDINGS = [
        Binding("slash", "search_topics", "Search topics",
                tooltip="Type to narrow the library (typing in the list does too)", show=False),
        Binding("ctrl+t", "add_topic", "Add topic",
                tooltip="Add the highlighted library topic (enter does too)", show=False),
        Binding("ctrl+n", "new_item", "New", tooltip="Add a free-form item to the agenda"),
        Binding("ctrl+e", "edit_item", "Edit", tooltip="Edit the highlighted agenda item"),
        # Priority: the search field's own ctrl+u (delete to the left) would take it while typing a search.
        Binding("ctrl+u", "import_agenda", "Import", priority=True, show=False,
                tooltip="Add the items of an agenda written elsewhere (Markdown or text, or an rm-tui export)"),
        Binding("ctrl+up", "move(-1)", "Move up", tooltip="Move the highlighted agenda item up", show=False),
        Binding("ctrl+down", "move(1)", "Move down", tooltip="Move the highlighted agenda item down", show=False),
        Binding("k", "keep_item", "Do it", tooltip="Keep a stale item: the pair will do it this time"),
        Binding("x", "drop_item", "Drop", tooltip="Drop a carried item for good (its follow-up too); ctrl+z undoes"),
        Binding("ctrl+k", "pin_item", "Pin / unpin",
                tooltip="Pin the highlighted item: it joins every planned agenda (again: unpin it)"),
        Binding("ctrl+l", "edit_session", "Date & length",
                tooltip="Change this session's date or length, or call it off", show=False),
        Binding("delete", "remove_item", "Remove", tooltip="Remove the highlighted agenda item (ctrl+z undoes)"),
        Binding("ctrl+z", "undo", "Undo", tooltip="Undo the last remove, drop or 'do it'", show=False),
        Binding("ctrl+g", "rules", "Ground rules", tooltip="Show the ground rules", show=False),
        Binding("f5", "go_live", "Live", tooltip="Open the live session: notes and timers for this agenda"),
        Binding("escape", "back", "Back", tooltip="Back to the mentorships", show=False),
    ]

    def __init__(self, store: Store, session_id: int) -> None:
        super().__init__(store)
        self.session_id = session_id
        self._undo = UndoStack()
        self._topics: dict[str, Topic] = {}
        self._items: list[AgendaItem] = []
        self._item_count_before_add: int | None = None  # set when an add is on its way: highlight what arrives
        self._leaving = False
        self._listed: tuple[str | None, str] | None = None  # what the library lists the hits of
        self._marked: frozenset[int] = frozenset()  # the topics the library marks as on the agenda
        self._shown_minutes: int | None = None  # the session length the agenda's total was drawn for

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="builder-top"):
            yield QuietStatic(id="session-heading")
            if self.store.scope.may(Action.PLAN_SESSIONS):  # changing the session is the leader's
                yield Static("ctrl+l changes", id="session-hint")
            yield SpeakerBadge(id="speaker")
        with Horizontal(id="builder"):
            with Vertical(id="library-pane"):
                yield Select([], prompt="All categories", id="category", compact=True)
                yield TypeAheadInput(placeholder="type to search topics", id="search", compact=True,
                                     select_on_focus=False, when_entered=lambda _: self._search_done())
                yield FilterList("#search", self.action_add_topic, id="library")
            with Vertical(id="plan-pane"):
                yield OptionList(id="agenda")
                yield FittedLine(id="total")
                with Horizontal(id="agenda-buttons"):
                    yield Button("▲ Up", id="up", compact=True, action="screen.move(-1)")
                    yield Button("▼ Down", id="down", compact=True, action="screen.move(1)")
                    # A click takes the focus off the agenda: the button removes what is highlighted there.
                    yield Button("Remove", id="remove", compact=True, action="screen.remove_highlighted")
                    yield Button("Undo", id="undo", compact=True, action="screen.undo")
                    yield Button("+ Item", id="add-free", compact=True, action="screen.new_item")
        yield FittedLine(id="coverage")
        yield KeyFooter()  # rebuilt when its keys change, not on each highlight move or reload

    def on_mount(self) -> None:
        self.sub_title = "Agenda builder"
        self.query_one("#library").border_title = "Topic library  (enter adds)"
        self.query_one("#agenda").border_title = "Agenda"
        self.query_one("#category", Select).set_options(
            (literal_line(f"{c.name} ({c.topics})"), c.name) for c in self.store.topic_categories()
        )
        self.query_one("#library").focus()
        from .ground_rules import offer_rules_once

        offer_rules_once(self, self.store, self.session_id)

    # -- reading from the store ------------------------------------------------------

    WATCHES = frozenset({"topics", *AGENDA_TABLES})

    def reload(self) -> None:
        self.refresh_for(EVERYTHING)

    def refresh_for(self, tables: Tables) -> None:
        """Redraw what changed: an agenda edit the agenda and coverage, a topic file the library.

        Another window's change comes as EVERYTHING (SQLite does not say what it was):
        each part compares what it reads with what it shows and redraws only if they
        differ, so an item added there leaves the library, its highlight and its
        scroll as they were.
        """
        session = self.store.get_session(self.session_id)
        mentorship = self.store.get_mentorship(session.mentorship_id)
        self.query_one("#session-heading", QuietStatic).say(session_heading(mentorship.mentor, session))
        if session.status == "cancelled":  # called off, here or in another window
            if self.is_current and not self._leaving:
                self._leaving = True
                self.dismiss()
                self.app.notify("That session was called off.")
            return
        if touches(AGENDA_TABLES, tables):
            self._fill_agenda(session.minutes)
            self._fill_coverage(session.mentorship_id)
            self.post_message(self.Reloaded(self, "agenda"))
        # The library marks the topics on the agenda: an agenda change that adds or removes
        # one redraws it too, while a move or an edit leaves it (and its scroll) alone.
        topics_may_differ = touches(frozenset({"topics"}), tables) or self._topics_on_agenda() != self._marked
        if topics_may_differ and self._fill_library(only_if_changed=True):
            self.post_message(self.Reloaded(self, "library"))

    def _fill_agenda(self, session_minutes: int) -> None:
        items = self.store.agenda(self.session_id)
        if items == self._items and session_minutes == self._shown_minutes:
            return  # the same records (frozen, compared field by field): nothing to redraw
        self._shown_minutes = session_minutes
        agenda = self.query_one("#agenda", OptionList)
        self._show_items(agenda, items)
        if self._items:
            added = self._item_count_before_add
            if added is not None and len(self._items) > added:
                self._item_count_before_add = None
                newest = max(range(len(self._items)), key=lambda i: self._items[i].id)
                agenda.highlighted = newest  # follow what was just added, wherever it went
        self._label_agenda(self.size.width)
        self.refresh_bindings()  # 'Do it' and 'Drop' depend on the highlighted item
        planned = sum(item.minutes for item in self._items)
        self.query_one("#total", FittedLine).show(*planned_time(planned, session_minutes))
        self.query_one("#total").set_class(planned > session_minutes, "-over")

    def _show_items(self, agenda: OptionList, items: list[AgendaItem]) -> None:
        """Put `items` in the agenda list. When the items shown are still there, in their
        places (one was added after them, or edited), only the lines that differ are
        drawn again and the highlight and scroll stay; otherwise the list is filled anew,
        the highlight kept at its place."""
        width = self._agenda_width()
        shown, self._items = self._items, items
        same_places = agenda.option_count == len(shown) and [i.id for i in items[: len(shown)]] == [i.id for i in shown]
        kept = len(shown) if shown and same_places else 0
        highlighted = agenda.highlighted
        if not kept:
            agenda.clear_options()
        for index in range(kept):
            if shown[index] != items[index]:
                agenda.replace_option_prompt_at_index(index, builder_line(index + 1, items[index], width))
        agenda.add_options(
            Option(builder_line(n, item, width), id=str(item.id)) for n, item in enumerate(items[kept:], kept + 1)
        )
        if items and not kept:
            agenda.highlighted = min(highlighted or 0, len(items) - 1)

    def _agenda_width(self) -> int | None:
        return line_width(self.query_one("#agenda", OptionList))

    def _rewrap_agenda(self) -> None:
        """Each agenda line wrapped again to the agenda's new width, the highlight and scroll kept."""
        agenda = self.query_one("#agenda", OptionList)
        width = self._agenda_width()
        for index, item in enumerate(self._items[: agenda.option_count]):
            agenda.replace_option_prompt_at_index(index, builder_line(index + 1, item, width))

    def _search(self) -> tuple[str | None, str]:
        """The category and the words the library is asked for."""
        category = self.query_one("#category", Select).value
        return None if category is Select.NULL else str(category), self.query_one("#search", Input).value

    def _label_agenda(self, width: int) -> None:
        """The agenda's border hint, in words that fit its half of the width (the border
        cuts, it does not wrap): the longest form that fits, the move keys last to go."""
        moves = "ctrl+↑↓ moves" if width >= NARROW_BELOW else "^↑↓ moves"
        forms = [moves]
        if any(item.is_carried for item in self._items):
            forms = [f"↻n carried n times · {moves}", f"↻n carried · {moves}", moves]
        room = width // 2 - HINT_FRAME
        hint = next((form for form in forms if len(form) <= room), "")
        self.query_one("#agenda").border_subtitle = hint if self._items else ""

    def _fill_library(self, *, from_the_top: bool = False, only_if_changed: bool = False) -> bool:
        """List the topics the search finds, best first; the highlight stays on its topic
        when the list is only redrawn, and goes to the top hit when the search changes.

        With `only_if_changed`, the list is left as it is (highlight and scroll too)
        when it would show the same topics with the same marks. Whether it was redrawn.
        """
        topics = self.store.list_topics(*self._search())
        on_agenda = self._topics_on_agenda()
        if only_if_changed and self._listed == self._search() and on_agenda == self._marked \
                and topics == list(self._topics.values()):
            return False
        self._listed = self._search()
        library = self.query_one("#library", OptionList)
        kept = self._highlighted_topic()
        self._marked = on_agenda
        library.clear_options()
        self._topics = {str(t.id): t for t in topics}
        library.add_options(Option(library_line(t, t.id in on_agenda), id=str(t.id)) for t in topics)
        if topics:
            ids = [t.id for t in topics]
            kept_id = kept.id if kept is not None and not from_the_top else None
            library.highlighted = ids.index(kept_id) if kept_id in ids else 0
        return True

    def _topics_on_agenda(self) -> frozenset[int]:
        return frozenset(item.topic_id for item in self._items if item.topic_id is not None)

    def _fill_coverage(self, mentorship_id: int) -> None:
        coverage = self.store.coverage(mentorship_id, session_id=self.session_id)
        self.query_one("#coverage", FittedLine).show(*coverage_line(coverage, suggest_category(coverage)))

    # -- events ----------------------------------------------------------------------

    @on(Select.Changed, "#category")
    @on(Input.Changed, "#search")
    def _filter(self) -> None:
        self._fill_library(from_the_top=True)

    def on_resize(self, event: events.Resize) -> None:
        """Short labels below the narrow breakpoint, so all five buttons and the hint fit."""
        narrow = event.size.width < NARROW_BELOW
        self.query_one("#up", Button).label = "▲" if narrow else "▲ Up"
        self.query_one("#down", Button).label = "▼" if narrow else "▼ Down"
        self._label_agenda(event.size.width)
        self.call_after_refresh(self._rewrap_agenda)  # once the agenda has its new width

    def action_search_topics(self) -> None:
        self.query_one("#search", Input).focus()

    def on_key(self, event: events.Key) -> None:
        """Down from the search goes into its hits (the top one highlighted); typing in
        the hits comes back to the search (the list does that: `FilterList`)."""
        library = self.query_one("#library", OptionList)
        if event.key == "down" and self.focused is self.query_one("#search") and library.option_count:
            event.stop()
            self.set_focus(library)

    @on(Input.Submitted, "#search")
    def _search_done(self) -> None:
        """Enter in the search adds its top hit (the highlighted one), as the library's title says."""
        if self._listed != self._search():
            self._fill_library(from_the_top=True)
        if not self._topics:
            self.notify("No topic matches the search: change it, or ctrl+n writes your own item.",
                        severity="warning")
            return
        self.action_add_topic()

    @on(OptionList.OptionSelected, "#library")
    def _topic_chosen(self) -> None:
        self.action_add_topic()

    def _highlighted_topic(self) -> Topic | None:
        library = self.query_one("#library", OptionList)
        index = library.highlighted
        option = library.get_option_at_index(index) if index is not None else None
        return self._topics.get(option.id or "") if option is not None else None

    def action_add_topic(self) -> None:
        """Ask for the highlighted topic's placeholders, then add it; the filled prompt shows first.

        A topic already on the agenda can go on again (the same topic with another
        [Tool], say): the form says so before, the toast after.
        """
        if self._listed != self._search():  # typed so fast that the list has not caught up yet
            self._fill_library(from_the_top=True)
        topic = self._highlighted_topic()
        if topic is None:
            self.notify("Highlight a topic in the library first.", severity="warning")
            return
        from .placeholder_form import PlaceholderFormScreen

        copies = sum(item.topic_id == topic.id for item in self._items)

        def filled(values: dict[str, str] | None) -> None:
            if values is not None:
                self._insert_topic(topic, values, copies)

        self.app.push_screen(PlaceholderFormScreen(topic, on_agenda=copies), filled)

    def _insert_topic(self, topic: Topic, values: dict[str, str], copies: int = 0) -> None:
        self._item_count_before_add = len(self._items)
        self.store.add_agenda_item(
            self.session_id,
            title=fill(topic.title, values),
            prompt=fill(topic.prompt, values),
            minutes=topic.minutes,
            category=topic.category,
            topic_id=topic.id,
            proposed_by=self.app.speaker,
        )
        if copies:
            title = fill(topic.title, values)
            notify_literal(self, f"Added again: {title} ({counted(copies + 1, 'copy', 'copies')} on the agenda)")
        else:
            notify_literal(self, f"Added: {fill(topic.title, values)}")

    # -- actions ---------------------------------------------------------------------

    def _highlighted_item(self) -> AgendaItem | None:
        index = self.query_one("#agenda", OptionList).highlighted
        if index is None or index >= len(self._items):
            return None
        return self._items[index]

    def action_move(self, step: int) -> None:
        item = self._highlighted_item()
        if item is None:
            return
        index = self._items.index(item)
        target = max(0, min(index + step, len(self._items) - 1))
        if target == index:
            return
        self.store.move_agenda_item(item.id, target)
        # The change feed redraws the agenda once; the highlight it keeps is the item's new place.
        self.query_one("#agenda", OptionList).highlighted = target

    def action_remove_item(self) -> None:
        if self.focused is not self.query_one("#agenda"):
            # Never an item the pair is not looking at: delete in the library means nothing.
            self.notify("Delete removes the highlighted agenda item: tab to the agenda first.", severity="warning")
            return
        self.action_remove_highlighted()

    def action_remove_highlighted(self) -> None:
        item = self._highlighted_item()
        if item is None:
            self.notify("Nothing to remove: highlight an agenda item first.", severity="warning")
            return
        try:
            removed = self.store.remove_agenda_item(item.id)
        except Forbidden as refusal:  # the mentor removes their own items only
            self.notify(str(refusal), severity="warning", markup=False)
            return
        self._undo.add(f"Put back: {item.title}", lambda: self.store.restore_agenda_item(removed))
        notify_literal(self, f"Removed: {item.title} (ctrl+z puts it back)")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if super().check_action(action, parameters) is False:
            return False  # the scope's answer: the admin is the leader's
        agenda_in_use = self.focused is self.query_one("#agenda")
        item = self._highlighted_item() if agenda_in_use else None
        if action == "keep_item":
            return item is not None and item.is_stale
        if action == "drop_item":
            return item is not None and item.is_carried
        if action == "pin_item":
            return item is not None and item.follow_up_id is None  # a follow-up comes back by itself
        return True

    @on(OptionList.OptionHighlighted, "#agenda")
    def _agenda_moved(self) -> None:
        self.refresh_bindings()

    def on_descendant_focus(self) -> None:
        self.refresh_bindings()

    def action_keep_item(self) -> None:
        item = self._highlighted_item()
        if item is not None and item.is_stale:
            self.store.keep_item(item.id)
            self._undo.add(f"Stale again: {item.title}", lambda: self.store.keep_item(item.id, kept=False))
            notify_literal(self, f"Doing it this time: {item.title} (ctrl+z undoes)")

    def action_drop_item(self) -> None:
        item = self._highlighted_item()
        if item is None or not item.is_carried:
            return
        dropped = self.store.drop_item(item.id)
        self._undo.add(f"Put back: {item.title}", lambda: self.store.restore_agenda_item(dropped))
        also = " and its follow-up" if item.follow_up_id is not None else ""
        notify_literal(self, f"Dropped{also} for good: {item.title} (ctrl+z puts it back)")

    def action_pin_item(self) -> None:
        """Pin the highlighted item to the mentorship, or unpin it; pressing again undoes either."""
        item = self._highlighted_item()
        if item is None:
            return
        try:
            if item.standing_id is None:
                self.store.pin_agenda_item(item.id)
                notify_literal(self, f"Pinned: {item.title} joins every planned agenda (ctrl+k unpins)")
            else:
                self.store.unpin_standing_item(item.standing_id, keeping=item.id)
                notify_literal(self, f"Unpinned: {item.title} stays here, and joins no new agenda")
        except (Forbidden, ValidationError) as refusal:
            self.notify(str(refusal), severity="warning", markup=False)

    def action_edit_session(self) -> None:
        from .session_form import SessionFormScreen

        session = self.store.get_session(self.session_id)

        def save(when: str, minutes: str) -> None:
            self.store.update_session(self.session_id, scheduled_on=when, minutes=minutes)

        def call_off() -> None:
            self.store.cancel_session(self.session_id)

        self.app.push_screen(
            SessionFormScreen(
                "Change this session", session.scheduled_on.isoformat(), save,
                minutes=session.minutes, cancel_session=call_off if session.status == "planned" else None,
            )
        )

    def action_undo(self) -> None:
        undo_and_tell(self, self._undo)

    def action_new_item(self) -> None:
        from .item_form import ItemFormScreen

        def save(title: str, minutes: str, prompt: str) -> None:
            self._item_count_before_add = len(self._items)
            self.store.add_agenda_item(
                self.session_id, title=title, minutes=minutes, prompt=prompt,
                proposed_by=self.app.speaker,
            )

        def added(saved: bool | None) -> None:
            if saved:
                self.notify("Added to the agenda.")

        self.app.push_screen(ItemFormScreen("New agenda item", save), added)

    def action_import_agenda(self) -> None:
        """Read a file's agenda into this session, after showing what it adds (as `rm-tui import` does)."""
        from rm_tui.agenda_import import ImportedAgenda
        from rm_tui.cli_import import preview_lines, question
        from rm_tui.exporting import default_folder

        from .import_form import ImportFormScreen

        session = self.store.get_session(self.session_id)
        mentor = self.store.get_mentorship(session.mentorship_id).mentor

        def preview(agenda: ImportedAgenda) -> tuple[list[str], str]:
            target = self.store.import_target(session.mentorship_id, session_id=self.session_id)
            return preview_lines(agenda, target), question(agenda, target)

        def add(agenda: ImportedAgenda) -> None:
            self._item_count_before_add = len(self._items)
            self.store.import_agenda(session.mentorship_id, agenda, by=self.app.speaker, session_id=self.session_id)
            self.notify(f"Added {counted(len(agenda.items), 'item')} to the agenda.")

        folder = default_folder()
        self.app.push_screen(ImportFormScreen(f"Import an agenda into {mentor}'s session",
                                              folder if folder.is_dir() else None, preview, add))

    def action_edit_item(self) -> None:
        item = self._highlighted_item()
        if item is None:
            return
        from .item_form import ItemFormScreen

        def save(title: str, minutes: str, prompt: str) -> None:
            outcome = self.store.edit_agenda_item(
                item.id, title=title, minutes=minutes, prompt=prompt, base=item,
                by=self.app.speaker,
            )
            if outcome.copy_id is not None:
                notify_literal(
                    self,
                    f"'{item.title}' was changed in another window while you edited it. Both versions are "
                    "on the agenda: yours is right below theirs, marked ⚠. Remove the one you don't want.",
                    title="Both versions kept", severity="warning", timeout=12,
                )

        self.app.push_screen(ItemFormScreen("Edit agenda item", save, item.title, item.minutes, item.prompt))

    def action_rules(self) -> None:
        from .ground_rules import push_rules

        push_rules(self, self.store, first_time=False)

    def action_go_live(self) -> None:
        from .live_session import LiveSessionScreen

        self.app.switch_screen(LiveSessionScreen(self.store, self.session_id))

    def action_back(self) -> None:
        self.dismiss()
