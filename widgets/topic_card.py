"""A topic shown in full: its prompt with the placeholders picked out."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from rm_tui.models import Topic
from rm_tui.placeholders import placeholders, split


def prompt_content(prompt: str) -> Content:
    """The prompt as literal text, with each [Placeholder] highlighted."""
    return Content.assemble(*[(piece, "bold $accent") if is_field else piece for piece, is_field in split(prompt)])


class TopicCard(Static):
    """Title, category, time box, the prompt to ask and why it helps a leader."""

    DEFAULT_CSS = """
    TopicCard {
        padding: 1 2;
        height: auto;
    }
    """

    def show_topic(self, topic: Topic | None) -> None:
        """Show `topic`, or a hint when there is none to show."""
        if topic is None:
            self.update(Content.styled("No topic here. Pick a category on the left.", "italic $text-muted"))
            return
        fields = placeholders(topic.prompt)
        parts: list[Content | str | tuple[str, str]] = [
            (topic.title, "bold"),
            "\n",
            (f"{topic.category}  ·  {topic.minutes} min", "$text-muted"),
            "\n\n",
            ("Ask", "bold $secondary"),
            "\n",
            prompt_content(topic.prompt),
            "\n\n",
        ]
        if topic.why:
            parts += [("Why it helps", "bold $secondary"), "\n", topic.why, "\n\n"]
        if fields:
            parts += [("To fill in  ", "$text-muted"), ", ".join(fields), "\n"]
        if topic.source == "user":
            parts += [("From your file  ", "$text-muted"), topic.source_file, "\n"]
        self.update(Content.assemble(*parts))
