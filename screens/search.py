"""Search everything: notes, agenda items, follow-ups and topics, from a screen or the palette.

Results show the words around the match and open the place they come from. The
mentor's view never sees private or off-record text here either: the store filters it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.command import Hit, Hits, Provider
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, OptionList, Static
from textual.widgets.option_list import Option

from rm_tui.models import MARK_END, MARK_START, VISIBILITY_LABELS, SearchHit
from rm_tui.text import counted, one_line
from widgets.hanging_indent import HangingIndent
from widgets.live_note_status import VISIBILITY_STYLES
from widgets.rm_tui_node import RmTuiNode
from widgets.safe import escaped_markup, literal_line, notify_literal
from widgets.type_ahead import FilterList, TypeAheadInput

if TYPE_CHECKING:
    from rm_tui.app import RmTuiApp

KIND_LABELS = {"note": "note", "item": "agenda", "follow-up": "follow-up", "topic": "topic"}
KIND_WIDTH = 10  # the kind column: a result's lines wrap under the words beside it
PALETTE_RESULTS = 8


def marked(context: str) -> Content:
    """The snippet with its matched words in bold; everything else shown literally, on one line."""
    parts: list[tuple[str, str]] = []
    inside = False
    for chunk in re.split(f"([{MARK_START}{MARK_END}])", context):
        if chunk in (MARK_START, MARK_END):
            inside = chunk == MARK_START
        elif chunk:
            parts.append((one_line(chunk), "bold $accent" if inside else ""))
    return Content.assemble(*parts)


def visibility_tag(hit: SearchHit) -> Content:
    """' PRIVATE ' or ' OFF-RECORD ' as the live session's badge shows it; nothing for a shared hit.

    The leader's results mix notes the mentor may read with ones they never will:
    before reading one out in the meeting, the leader sees which is which.
    """
    if hit.visibility is None or hit.visibility == "shared":
        return Content()
    return Content.assemble(
        "  ", (f" {VISIBILITY_LABELS[hit.visibility].upper()} ", VISIBILITY_STYLES[hit.visibility]))


def hit_line(hit: SearchHit) -> HangingIndent:
    credit = {"item": "proposed by the mentor", "note": "by the mentor"}.get(hit.kind) if hit.by == "mentor" else None
    where = " · ".join(x for x in (hit.mentor, f"{hit.on:%d %b %Y}" if hit.on else None, credit) if x)
    context = marked(hit.context)
    # A match in the title alone needs no second line repeating it (the words around
    # a match in a long title come cut short, with "…").
    repeats_title = context.plain.strip("…") in one_line(hit.title)
    second_line: list[str | Content] = [] if repeats_title else ["\n" + " " * KIND_WIDTH, context]
    return HangingIndent(Content.assemble(
        (f"{KIND_LABELS[hit.kind]:<{KIND_WIDTH}}", "$text-muted"), literal_line(hit.title, "bold"), visibility_tag(hit),
        literal_line(f"  {where}" if where else "", "$text-muted"),
        *second_line,
    ), KIND_WIDTH)


def open_hit(app: RmTuiApp, hit: SearchHit) -> None:
    """Go to where a result lives: the note or item in its session, the follow-ups, the topic."""
    store = app.store
    if hit.kind in ("note", "item") and hit.session_id is not None:
        from .live_session import LiveSessionScreen

        note_id = hit.ref_id if hit.kind == "note" else None
        app.push_screen(LiveSessionScreen(store, hit.session_id, open_at=(hit.agenda_item_id, note_id)))
    elif hit.kind == "follow-up":
        app.switch_mode("follow_ups")
        notify_literal(app, f"Follow-up: {hit.title}")
    else:
        app.switch_mode("topics")
        app.call_after_refresh(lambda: _filter_topics(app, hit.title))


def _filter_topics(app: RmTuiApp, title: str) -> None:
    topics = app.screen.query("#topic-filter")
    if topics:
        topics.first(Input).value = title


class SearchScreen(RmTuiNode, Screen[None]):
    """Type to search; enter opens the top result, down goes into the results to pick another.

    Works like the agenda builder's topic search: enter in the results opens the
    highlighted one at once, typing there edits the search, up on the top one goes back.
    """

    DEFAULT_CSS = """
    SearchScreen #query { margin: 1 2 0 2; background: $boost; }
    SearchScreen #results { height: 1fr; margin: 1 2; border: round $primary; }
    SearchScreen #search-hint { margin: 0 2; color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "back", "Back", tooltip="Close the search")]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self._hits: list[SearchHit] = []
        self._listed: str | None = None  # the search the results are the hits of

    def compose(self) -> ComposeResult:
        yield Header()
        yield TypeAheadInput(self.initial, placeholder="search notes, agenda items, follow-ups and topics",
                             id="query", compact=True, select_on_focus=False,
                             when_entered=lambda _: self._open_top())
        yield Static(id="search-hint")
        yield FilterList("#query", self._open_highlighted, id="results")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        self.query_one("#query").focus()
        self._search(self.initial)

    @on(Input.Changed, "#query")
    def _typed(self, event: Input.Changed) -> None:
        self._search(event.value)

    def on_key(self, event: events.Key) -> None:
        """Down from the search goes into the results, the top one highlighted (typing
        there comes back to the search: `FilterList`)."""
        results = self.query_one("#results", OptionList)
        if event.key == "down" and self.focused is self.query_one("#query") and results.option_count:
            event.stop()
            self._catch_up()
            results.highlighted = 0
            self.set_focus(results)

    def _catch_up(self) -> None:
        """Search again if keys typed in one burst ran ahead of the results."""
        text = self.query_one("#query", Input).value
        if self._listed != text:
            self._search(text)

    def _open_top(self) -> None:
        """Enter in the search opens its top result, as the line under it says."""
        self._catch_up()
        if not self._listed or not self._listed.strip():
            self.notify("Type a few letters of what you are looking for first.", severity="warning")
        elif not self._hits:
            self.notify("Nothing matches the search: change it and try again.", severity="warning")
        else:
            self._open(self._hits[0])

    def _open_highlighted(self) -> None:
        index = self.query_one("#results", OptionList).highlighted
        if index is not None and index < len(self._hits):
            self._open(self._hits[index])

    def _search(self, text: str) -> None:
        app = self.app
        self._listed = text
        self._hits = app.store.search(text, app.role) if text.strip() else []
        results = self.query_one("#results", OptionList)
        results.clear_options()
        results.add_options(Option(hit_line(hit), id=str(n)) for n, hit in enumerate(self._hits))
        if self._hits:
            results.highlighted = 0  # what enter in the search opens
        found = counted(len(self._hits), "match", "matches")
        opens = "enter opens it" if len(self._hits) == 1 else "enter opens the top one"
        hint = "" if not text.strip() else ("nothing found" if not self._hits else f"{found}, newest first · {opens}")
        if app.role == "mentor":
            hint += (" · " if hint else "") + "shared notes only"
        self.query_one("#search-hint", Static).update(hint)

    @on(OptionList.OptionSelected, "#results")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        """A click on a result opens it (enter is the list's own: `FilterList`)."""
        self._open(self._hits[int(event.option.id or 0)])

    def _open(self, hit: SearchHit) -> None:
        self.dismiss()
        open_hit(self.app, hit)

    def action_back(self) -> None:
        self.dismiss()


class SearchCommands(Provider):
    """The command palette searches the notes too: type a few letters of anything."""

    async def search(self, query: str) -> Hits:
        app = cast("RmTuiApp", self.app)  # Textual types a provider's app as App[object]
        if len(query.strip()) < 3:
            return
        hits = app.store.search(query, app.role, limit=PALETTE_RESULTS)
        for rank, hit in enumerate(hits):
            yield Hit(
                1.0 - rank / (2 * PALETTE_RESULTS),  # keeps the search's own order
                Content.assemble((f"{KIND_LABELS[hit.kind]}: ", "$text-muted"), literal_line(hit.title),
                                 visibility_tag(hit)),
                _opener(app, hit),
                text=one_line(hit.title),
                # The palette parses a help string as markup: a Content would do, but Hit types it str.
                help=escaped_markup(marked(hit.context).plain),
            )


def _opener(app: RmTuiApp, hit: SearchHit) -> Callable[[], None]:
    return lambda: open_hit(app, hit)
