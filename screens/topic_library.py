"""The topic library: browse the four categories (and your own) and read each topic."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option

from rm_tui.models import Topic
from widgets.key_footer import KeyFooter
from widgets.safe import literal_line
from widgets.topic_card import TopicCard

from .data_screen import DataScreen

if TYPE_CHECKING:
    from rm_tui.store import Store

ALL_TOPICS = "__all__"


class TopicLibraryScreen(DataScreen):
    """Categories on the left, their topics in the middle, the chosen topic on the right."""

    WATCHES = frozenset({"topics"})

    CSS_PATH = "topic_library.tcss"
    BINDINGS = [
        Binding("slash", "focus_filter", "Filter", tooltip="Type to filter topics by any word"),
        Binding("escape", "clear_filter", "Clear filter", show=False),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(store)
        self._topics: dict[str, Topic] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="library"):
            # Side by side on a wide terminal, stacked on a narrow one (see the .tcss).
            with Container(id="browse"):
                yield OptionList(id="categories")
                with Vertical(id="topic-pane"):
                    yield Input(placeholder="/ filter topics", id="topic-filter", compact=True)
                    yield OptionList(id="topics")
            with VerticalScroll(id="topic-detail"):
                yield TopicCard(id="topic-card")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.title = self.app.title
        self.sub_title = "Topic library"
        self.query_one("#categories").border_title = "Categories"
        self.query_one("#topics").border_title = "Topics"
        self.query_one("#categories", OptionList).focus()

    def reload(self) -> None:
        categories = self.query_one("#categories", OptionList)
        chosen = self._chosen_category()
        categories.clear_options()
        counts = self.store.topic_categories()
        total = sum(c.topics for c in counts)
        categories.add_option(Option(Content(f"All topics ({total})"), id=ALL_TOPICS))
        categories.add_options(Option(literal_line(f"{c.name} ({c.topics})"), id=c.name) for c in counts)
        ids = [ALL_TOPICS] + [c.name for c in counts]
        categories.highlighted = ids.index(chosen) if chosen in ids else 0
        self._fill_topics()

    def _chosen_category(self) -> str:
        categories = self.query_one("#categories", OptionList)
        option = categories.highlighted_option
        return option.id if option is not None and option.id else ALL_TOPICS

    def _fill_topics(self) -> None:
        category = self._chosen_category()
        topics = self.store.list_topics(
            None if category == ALL_TOPICS else category, self.query_one("#topic-filter", Input).value
        )
        listing = self.query_one("#topics", OptionList)
        previous = listing.highlighted_option.id if listing.highlighted_option else None
        listing.clear_options()
        self._topics = {str(t.id): t for t in topics}
        listing.add_options(
            Option(Content.assemble(literal_line(t.title), (f"  {t.minutes}m", "$text-muted")), id=str(t.id))
            for t in topics
        )
        if topics:
            ids = list(self._topics)
            listing.highlighted = ids.index(previous) if previous in ids else 0
        self._show_topic()

    def _show_topic(self) -> None:
        listing = self.query_one("#topics", OptionList)
        option = listing.highlighted_option
        topic = self._topics.get(option.id) if option is not None and option.id else None
        self.query_one("#topic-card", TopicCard).show_topic(topic)

    @on(OptionList.OptionHighlighted, "#categories")
    def _category_changed(self) -> None:
        self._fill_topics()

    @on(OptionList.OptionSelected, "#categories")
    def _category_chosen(self) -> None:
        self.query_one("#topics").focus()

    @on(OptionList.OptionHighlighted, "#topics")
    def _topic_changed(self) -> None:
        self._show_topic()

    @on(OptionList.OptionSelected, "#topics")
    def _topic_chosen(self) -> None:
        self.query_one("#topic-detail").focus()

    @on(Input.Changed, "#topic-filter")
    def _filter_changed(self) -> None:
        self._fill_topics()

    @on(Input.Submitted, "#topic-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#topics").focus()

    def action_focus_filter(self) -> None:
        self.query_one("#topic-filter", Input).focus()

    def action_clear_filter(self) -> None:
        topic_filter = self.query_one("#topic-filter", Input)
        topic_filter.value = ""
        self.query_one("#topics").focus()
