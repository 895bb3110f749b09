"""A topic shown in full: its prompt with the placeholders picked out."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rm_tui.models import Topic
from rm_tui.placeholders import placeholders, split

from .safe import literal, literal_line


def prompt_content(prompt: str) -> Content:
    """The prompt as literal text, with each [Placeholder] highlighted."""
    return Content.assemble(*[literal(piece, "bold $accent" if is_field else "") for piece, is_field in split(prompt)])


class TopicCard(Static):
    """Title, category, time box, the prompt to ask and why it helps a leader."""

    DEFAULT_CSS = """
    TopicCard {
        padding: 1 2;
        height: auto;
    }
    """

    def show_topic(self, topic: Topic | None) -> None:
        """Show `topic`, or a hint when there is none to show.

        Every field may come from a user's topic file: each is shown literally.
        """
        if topic is None:
            self.update(Content.styled("No topic here. Pick a category on the left.", "italic $text-muted"))
            return
        fields = placeholders(topic.prompt)
        parts: list[Content | str | tuple[str, str]] = [
            literal_line(topic.title, "bold"),
            "\n",
            literal_line(f"{topic.category}  ·  {topic.minutes} min", "$text-muted"),
            "\n\n",
            ("Ask", "bold $secondary"),
            "\n",
            prompt_content(topic.prompt),
            "\n\n",
        ]
        if topic.why:
            parts += [("Why it helps", "bold $secondary"), "\n", literal(topic.why), "\n\n"]
        if fields:
            parts += [("To fill in  ", "$text-muted"), literal_line(", ".join(fields)), "\n"]
        if topic.source == "user":
            parts += [("From your file  ", "$text-muted"), literal_line(topic.source_file), "\n"]
        self.update(Content.assemble(*parts))
