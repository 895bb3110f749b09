"""Exports that no text can restructure, as two CommonMark implementations read them.

markdown-it-py (what the app renders with) and cmark-gfm (GitHub's fork of the
CommonMark reference implementation, what Git hosts render exports with; run both
as plain CommonMark and with GitHub's extensions) each read the export. Whatever a
user, a mentor or a topic file typed, the document's own outline, its top-level
blocks and its set of links are exactly what rm-tui wrote (the same as for plain
words), no raw HTML gets through, and what was typed reads as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options
from markdown_it import MarkdownIt
from markdown_it.token import Token

from rm_tui import export
from rm_tui.models import ItemExport, MentorshipExport, NoteText, SessionExport, replace
from rm_tui.models.exports import NOTE_HEADS, ExportedNote
from rm_tui.store import Store
from tests.conftest import TODAY, FakeClock, draft

# -- reading an export as a renderer does ---------------------------------------------------------


@dataclass
class Reading:
    """An export as one parser reads it."""

    outline: list[tuple[str, str]] = field(default_factory=list)  # the document's own headings: (tag, text)
    blocks: list[str] = field(default_factory=list)  # the document's own blocks, in order, by tag
    links: set[str] = field(default_factory=set)  # every link, image and link reference definition
    shown_urls: set[str] = field(default_factory=set)  # links that show their own target as their text
    raw_html: bool = False  # whether any raw HTML or HTML comment got through
    text: str = ""  # all a reader sees, whitespace collapsed


def flat(text: str) -> str:
    return " ".join(text.split())


class _HtmlReading(HTMLParser):
    """Outline, top-level blocks, links and text of rendered HTML."""

    _VOID = {"hr", "br", "img", "input"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.reading = Reading()
        self._open: list[str] = []
        self._heading: list[str] | None = None
        self._anchor: tuple[str, list[str]] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, dict(attrs))
        if tag not in self._VOID:
            if not self._open and tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
                self._heading = []
            self._open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._element(tag, dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            href, text = self._anchor[0], "".join(self._anchor[1])
            if unquote(href) in (text, f"http://{text}", f"mailto:{text}"):
                self.reading.shown_urls.add(href)
            self._anchor = None
        if self._open and self._open[-1] == tag:
            self._open.pop()
        if not self._open and self._heading is not None:
            self.reading.outline.append((tag, flat("".join(self._heading))))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)
        if self._heading is not None:
            self._heading.append(data)
        if self._anchor is not None:
            self._anchor[1].append(data)

    def handle_comment(self, data: str) -> None:
        self.reading.raw_html = True  # rm-tui writes no comment: safe mode marks raw HTML with one

    def _element(self, tag: str, attrs: dict[str, str | None]) -> None:
        if not self._open:
            self.reading.blocks.append(tag)
        if tag == "a":
            self.reading.links.add(attrs.get("href") or "")
            self._anchor = (attrs.get("href") or "", [])
        if tag == "img":
            self.reading.links.add(attrs.get("src") or "")

    def read(self, html: str) -> Reading:
        self.feed(html)
        self.close()
        self.reading.text = flat("".join(self._text))
        return self.reading


def read_html(html: str) -> Reading:
    return _HtmlReading().read(html)


def read_with_markdown_it(markdown: str) -> Reading:
    """markdown-it-py's token stream: headings and blocks at level 0, links wherever they are."""
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    env: dict[str, Any] = {}
    tokens = parser.parse(markdown, env)
    reading = Reading(text=read_html(parser.renderer.render(tokens, parser.options, env)).text)
    reading.links |= {f"definition {label}" for label in env.get("references", {})}
    for index, token in enumerate(tokens):
        if token.level == 0 and token.nesting != -1 and token.type != "inline":
            reading.blocks.append(token.tag or token.type)
            if token.type == "heading_open":
                reading.outline.append((token.tag, flat(_inline_text(tokens[index + 1]))))
        reading.raw_html |= token.type in ("html_block", "html_inline")
        for child in token.children or []:
            reading.raw_html |= child.type == "html_inline"
            if child.type == "link_open":
                reading.links.add(str(child.attrGet("href")))
            if child.type == "image":
                reading.links.add(str(child.attrGet("src")))
    return reading


def _inline_text(token: Token) -> str:
    return "".join(child.content for child in token.children or [] if child.type in ("text", "code_inline"))


def read_with_cmark(markdown: str, *, github: bool = False) -> Reading:
    """cmark-gfm's HTML: rendered as is for the structure, and in safe mode, where every
    piece of raw HTML becomes a comment, to tell whether any got through.

    With GitHub's extensions a bare URL in a note becomes a link that shows its own
    target, as typed: nothing hidden, so not counted among the links.
    """
    render = cmarkgfm.github_flavored_markdown_to_html if github else cmarkgfm.markdown_to_html
    extensions = Options.CMARK_OPT_FOOTNOTES if github else 0
    reading = read_html(render(markdown, options=extensions | Options.CMARK_OPT_UNSAFE))
    reading.raw_html = read_html(render(markdown, options=extensions)).raw_html
    if github:
        reading.links -= reading.shown_urls
    return reading


PARSERS: dict[str, Callable[[str], Reading]] = {
    "markdown-it": read_with_markdown_it,
    "cmark": read_with_cmark,
    "cmark-gfm": lambda markdown: read_with_cmark(markdown, github=True),
}
parsers = pytest.mark.parametrize("read", list(PARSERS.values()), ids=list(PARSERS))


# -- the same export with plain words: what rm-tui wrote --------------------------------------------


def plain(text: str) -> str:
    return "plain words" if text else text


def plain_note(text: ExportedNote) -> ExportedNote:
    """A note's text with its body in plain words after its head (a blank one stays blank)."""
    for head in NOTE_HEADS:
        if head is not None and text.startswith(head):
            return head + "plain words"
    return text


def plain_session(data: SessionExport) -> SessionExport:
    """`data` with every typed text replaced by plain words (empty stays empty)."""
    m = data.mentorship
    return replace(
        data,
        mentorship=replace(m, mentor=plain(m.mentor), leader=plain(m.leader), expertise=plain(m.expertise),
                           focus=plain(m.focus)),
        items=[
            ItemExport(
                e.item._replace(title=plain(e.item.title), prompt=plain(e.item.prompt),
                               category=plain(e.item.category) if e.item.category else e.item.category),
                e.seconds,
                [plain_note(n) for n in e.notes],
            )
            for e in data.items
        ],
        session_notes=[plain_note(n) for n in data.session_notes],
        follow_ups=[f._replace(title=plain(f.title)) for f in data.follow_ups],
        champion=[replace(e, note=plain(e.note)) for e in data.champion],
    )


def plain_mentorship(data: MentorshipExport) -> MentorshipExport:
    sessions = [plain_session(s) for s in data.sessions]
    return replace(data, mentorship=sessions[0].mentorship if sessions else data.mentorship, sessions=sessions,
                   champion=[replace(e, note=plain(e.note)) for e in data.champion])


def documents(store: Store, session: int, mentorship: int) -> dict[str, tuple[str, str]]:
    """Every kind of export, each as (rm-tui's text, the same with plain words)."""
    one = store.export_session(session, include_private=True)
    whole = store.export_mentorship(mentorship, include_private=True)
    options: dict[str, Any] = {"exported_on": TODAY, "include_private": True}
    return {
        "session": (export.export_session(one, **options), export.export_session(plain_session(one), **options)),
        "mentorship": (export.export_mentorship(whole, **options),
                       export.export_mentorship(plain_mentorship(whole), **options)),
        "everything": (export.export_everything([whole], **options),
                       export.export_everything([plain_mentorship(whole)], **options)),
        "impact": (export.impact_note(whole, written_on=TODAY),
                   export.impact_note(plain_mentorship(whole), written_on=TODAY)),
    }


def assert_written_by_rm_tui(read: Callable[[str], Reading], text: str, plain_text: str) -> Reading:
    """The export has the blocks and links of its plain-words twin, and no raw HTML."""
    reading, twin = read(text), read(plain_text)
    assert reading.blocks == twin.blocks, text
    assert reading.links == twin.links == set(), text
    assert not reading.raw_html, text
    return reading


def note(store: Store, session: int, item: int | None, body: str, visibility: str = "shared") -> None:
    store.save_note(NoteText(None, session, item, "mentor", visibility, body))  # type: ignore[arg-type]


def new_store(folder: Path) -> Store:
    return Store.open(folder / "rm.db", today=lambda: TODAY, now=FakeClock())


def held_meeting(
    store: Store, *, mentor: str = "Sam Ortiz", text: str = "A real task", body: str = "Fine."
) -> tuple[int, int]:
    """A held session whose every typed field is `text` (the mentor's name `mentor`), noted with `body`,
    with a follow-up done, one open and one dropped: every line an export writes."""
    mentorship = store.create_mentorship(draft(mentor=mentor, leader=text, expertise=text, focus=text))
    session = store.plan_session(mentorship)
    item = store.add_agenda_item(session, title=text, prompt=text, category=text, proposed_by="mentor")
    store.start_session(session)
    store.set_item_status(item, "discussed")
    store.end_session(session)
    note(store, session, item, body)
    note(store, session, None, body)
    for status in ("done", "open", "dropped"):
        follow_up = store.add_follow_up(mentorship, title=text, owner="leader", due="", session_id=session,
                                        agenda_item_id=item)
        if status != "open":
            store.set_follow_up_status(follow_up, status)
    store.add_champion_entry(mentorship, kind="credit", note=text, session_id=session)
    return mentorship, session


# -- the three reported attacks -----------------------------------------------------------------


@parsers
def test_a_link_definition_in_a_note_makes_no_link_anywhere(read: Callable[[str], Reading], tmp_path: Path) -> None:
    store = new_store(tmp_path)
    definitions = "[x]: http://evil.example/done\n[ ]: http://evil.example/open\n[^1]: a footnote"
    mentorship, session = held_meeting(store, body=f"{definitions}\nand [a link](http://evil.example/) [x][^1]")
    for name, (text, plain_text) in documents(store, session, mentorship).items():
        reading = assert_written_by_rm_tui(read, text, plain_text)
        if name != "impact":  # which holds no note
            assert "[x]: http://evil.example/done [ ]: http://evil.example/open" in reading.text
            assert "and [a link](http://evil.example/) [x][^1]" in reading.text
    store.close()


@parsers
@pytest.mark.parametrize("name", ["1) Sam Ortiz", "1. Sam Ortiz", "2024. Sam", "1)"])
def test_a_mentor_named_like_an_ordered_list_item_is_a_name(read: Callable[[str], Reading], name: str,
                                                           tmp_path: Path) -> None:
    store = new_store(tmp_path)
    mentorship, session = held_meeting(store, mentor=name)
    for text, plain_text in documents(store, session, mentorship).values():
        reading = assert_written_by_rm_tui(read, text, plain_text)
        assert f"{name} mentors" in reading.text or f"{name} and I" in reading.text
    session_reading = read(documents(store, session, mentorship)["session"][0])
    assert session_reading.outline[0] == ("h1", f"Session with {name}, Tue 24 Nov 2026")
    store.close()


@parsers
def test_an_html_comment_in_a_note_hides_nothing(read: Callable[[str], Reading], tmp_path: Path) -> None:
    store = new_store(tmp_path)
    body = "<!-- the rest is hidden\n<div>raw</div> <b>bold</b> <http://evil.example/> <?php ?> <![CDATA[ x"
    mentorship, session = held_meeting(store, body=body)
    text, plain_text = documents(store, session, mentorship)["session"]
    reading = assert_written_by_rm_tui(read, text, plain_text)
    assert reading.outline == [("h1", "Session with Sam Ortiz, Tue 24 Nov 2026"), ("h2", "1. A real task"),
                               ("h2", "The session as a whole"), ("h2", "Follow-ups"), ("h2", "Championing")]
    assert flat(body) in reading.text  # shown as typed
    store.close()


# -- block syntax at the start of any field, and what notes could reach beyond their quote ---------

BLOCK_STARTS = [
    "1) x", "1. x", "- x", "+ x", "* x", "# x", "> x", "=== x", "===", "---", "***", "___", "- - -",
    "```x", "~~~", "| a | b |", "<!-- x", "<div>", "[x]: /u", "[^1]: x", ": x", "(1) x", "a) x", "ii. x",
    "(@) x", "\\", "x {#id .class}", "&lt;!-- x",
]


@parsers
@pytest.mark.parametrize("typed", BLOCK_STARTS)
def test_block_syntax_at_the_start_of_any_field_stays_text(read: Callable[[str], Reading], typed: str,
                                                          tmp_path: Path) -> None:
    store = new_store(tmp_path)
    mentorship, session = held_meeting(store, mentor=typed, text=typed)
    for text, plain_text in documents(store, session, mentorship).values():
        reading = assert_written_by_rm_tui(read, text, plain_text)
        assert typed in reading.text
    session_reading = read(documents(store, session, mentorship)["session"][0])
    assert session_reading.outline[:2] == [("h1", f"Session with {typed}, Tue 24 Nov 2026"), ("h2", f"1. {typed}")]
    store.close()


@parsers
def test_a_note_keeps_its_own_markdown_inside_its_quote(read: Callable[[str], Reading], tmp_path: Path) -> None:
    store = new_store(tmp_path)
    body = "# Decisions\n\n- **one**\n- `two`\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSetext\n===\n\n    code"
    mentorship, session = held_meeting(store, body=body)
    text, plain_text = documents(store, session, mentorship)["session"]
    assert_written_by_rm_tui(read, text, plain_text)
    assert "> # Decisions\n>\n> - **one**\n> - `two`\n>\n> ----\n>\n> | a | b |" in text  # untouched, but for ---
    store.close()


def test_note_escapes_stay_readable_and_respect_the_users_own() -> None:
    assert export.quoted("a < b, [TODO] and \\[done] \\\\[x]: /u") == ["> a \\< b, \\[TODO] and \\[done] \\\\\\[x]: /u"]
    assert export.quoted("`x`{=html} ``` {=html}\n---\n> 1. ---  \nnot --- alone") == [
        "> `x`\\{=html} ``` \\{=html}", "> ----", "> > 1. ----  ", "> not --- alone",
    ]


def test_inline_escapes_whatever_would_open_a_block_at_its_start() -> None:
    assert [export.inline(t) for t in ("1) Sam", "1. Sam", "12.5 kg", "- Sam", "(1) Sam", "a) Sam", "Mr. Sam")] == [
        "1\\) Sam", "1\\. Sam", "12.5 kg", "\\- Sam", "\\(1) Sam", "a\\) Sam", "Mr. Sam",
    ]
