"""An agenda written elsewhere, read into records: a notes app's Markdown or text, or an rm-tui export.

Pure: text in, records out (`parse_agenda`); `read_agenda` adds the checks on the
file itself. markdown-it-py reads the Markdown, so headings, list items and their
nesting are what any CommonMark renderer would show; only the time box
("(15 min)", "15m", ", 10 min") at the end of a title is found with a pattern.

- In someone's own document, list items and the headings with nothing under them
  (no sub-heading, no list) are the items; a heading with a list under it only
  names a section. Text under an item (further lines, nested lists, paragraphs or
  indented text below a heading) is its prompt.
- An rm-tui export (`rm-tui export --session`) is read back in its own outline:
  the items with who proposed them, their minutes and prompts, the notes with their
  author and visibility, and the follow-ups, so a pair can rebuild a session.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import RmTuiError
from .models import FollowUpStatus, Role, Visibility
from .text import clean_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

MAX_IMPORT_BYTES = 1024 * 1024
"""An agenda is a page or two; a larger file is not one (and would be slow to preview)."""

MAX_TITLE = 200  # as the agenda builder allows
MAX_MINUTES = 240

# At the end of a title: "(15 min)", "15m", ", 10 min", "- 5 minutes".
_TIME_BOX = re.compile(
    r"\s*(?:\(\s*(\d{1,4})\s*(?:m|mins?|minutes?)\.?\s*\)|[,;:\u2013\u2014-]?\s*\b(\d{1,4})\s*(?:m|mins?|minutes?)\.?)\s*$",
    re.IGNORECASE,
)
# A notes app's bullets that Markdown does not know, made Markdown's own.
_TEXT_BULLET = re.compile(r"^([ \t]*)[•◦▪‣][ \t]+", re.MULTILINE)
# A task list's box, which is no part of the item's title.
_TASK_BOX = re.compile(r"^\[[ xX]\]\s+")

# The marks of rm-tui's own export (rm_tui/export.py).
_EXPORTED = re.compile(r"^\*Exported from rm-tui on \d{4}-\d{2}-\d{2}", re.MULTILINE)
_EXPORT_ITEM = re.compile(r"^(\d+)\. (.+)$", re.DOTALL)
_EXPORT_FACTS = re.compile(r"^Proposed by (leader|mentor) · (?:[\d:]+ spent of )?(\d+) min")
_EXPORT_NOTE = re.compile(r"^Note by (leader|mentor)( \(private\))?:$")
_EXPORT_TASK = re.compile(
    r"^\[([ x])\] (.+?) · owner: (leader|mentor)(?: · due (\d{4}-\d{2}-\d{2}))?(?: · from (\d+)\. .*)?$",
    re.DOTALL,
)
# What export.quoted() escaped in a note, so it stays inside its quote.
_NOTE_ESCAPE = re.compile(r"\\([\[<{])")


class ImportRefused(RmTuiError):
    """A file that is not an agenda to import; nothing was read into the database."""


@dataclass(frozen=True)
class ImportedNote:
    author: Role
    visibility: Visibility
    body: str


@dataclass(frozen=True)
class ImportedItem:
    title: str
    minutes: int | None = None
    """None: the agenda's default time box."""
    prompt: str = ""
    proposed_by: Role | None = None
    """None: whoever imports it proposes it."""
    notes: tuple[ImportedNote, ...] = ()


@dataclass(frozen=True)
class ImportedFollowUp:
    title: str
    owner: Role
    due_on: date | None
    status: FollowUpStatus
    item_number: int | None
    """The item it came from, counted from 1 as the export numbers them."""


@dataclass(frozen=True)
class ImportedAgenda:
    items: tuple[ImportedItem, ...]
    session_notes: tuple[ImportedNote, ...] = ()
    follow_ups: tuple[ImportedFollowUp, ...] = ()
    from_export: bool = False


@dataclass(frozen=True)
class ImportTarget:
    """Where an import goes: the planned session, or (session_id None) the one it would plan."""

    mentorship_id: int
    mentor: str
    session_id: int | None
    scheduled_on: date


def read_agenda(path: Path) -> ImportedAgenda:
    """The agenda in a file, or ImportRefused with one line saying why not."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            size = path.stat().st_size / (1024 * 1024)
            raise ImportRefused(f"{name} is {size:.1f} MB; an agenda to import is at most 1 MB")
        data = path.read_bytes()
    except IsADirectoryError:
        raise ImportRefused(f"{name} is a folder; give the agenda's file") from None
    except OSError as error:
        raise ImportRefused(f"cannot read {name}: {error.strerror or error}") from None
    if b"\0" in data:
        raise ImportRefused(f"{name} is not a text file; save the agenda as Markdown or plain text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            f"{name} is not UTF-8 text (byte {error.start + 1} is not); save it as UTF-8 and try again"
        ) from None
    if not text.strip():
        raise ImportRefused(f"{name} is empty; there is nothing to import")
    agenda = parse_agenda(text)
    if not agenda.items:
        raise ImportRefused(f"{name} has no agenda items: write each as a heading or a list item")
    return agenda


def parse_agenda(text: str) -> ImportedAgenda:
    """The items (and, from an export, notes and follow-ups) that `text` holds; maybe none."""
    text = clean_text(text)
    if _EXPORTED.search(text):
        return _parse_export(text)
    return _parse_document(_TEXT_BULLET.sub(r"\1- ", text))


def split_time_box(title: str) -> tuple[str, int | None]:
    """('Career moves', 15) from 'Career moves (15 min)'; (title, None) when there is no time box."""
    found = _TIME_BOX.search(title)
    if not found or found.start() == 0:  # "15 min" alone is a title, not a time box
        return title.strip(), None
    minutes = int(found.group(1) or found.group(2))
    if not 1 <= minutes <= MAX_MINUTES:
        raise ImportRefused(f"{title.strip()!r}: a time box is 1 to {MAX_MINUTES} minutes")
    return title[: found.start()].strip(), minutes


def _markdown() -> MarkdownIt:
    """The CommonMark parser, loaded on first use: every rm-tui command imports this module
    through the store, and only an import needs the parser (30 ms of start-up otherwise)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark")


def _plain(token: Token) -> str:
    """An inline token's text as a reader sees it: escapes undone, emphasis marks gone."""
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


@dataclass
class _Draft:
    """An item being read: its title line, the text under it, and whether it turned out a section."""

    line: int
    title: str
    prompt: list[str] = field(default_factory=list)
    level: int = 0  # a heading's level; 0 for a list item
    section: bool = False


def _parse_document(text: str) -> ImportedAgenda:
    tokens = _markdown().parse(text)
    drafts: list[_Draft] = []
    headings: list[_Draft] = []  # the headings whose section we are in, outermost first
    under: _Draft | None = None  # where the text that follows belongs
    list_depth = 0
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open" and list_depth == 0:
            level = int(token.tag[1])
            while headings and headings[-1].level >= level:
                headings.pop()
            for outer in headings:
                outer.section = True
            under = _Draft(_line(token), _plain(tokens[i + 1]), level=level)
            headings.append(under)
            drafts.append(under)
            i += 3
            continue
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "list_item_open" and list_depth == 1:
            for outer in headings:
                outer.section = True
            under = _Draft(_line(token), "")
            drafts.append(under)
        elif token.type == "inline" and under is not None:
            words = _plain(token)
            if under.level == 0 and not under.title and not under.prompt:
                first, _, rest = words.partition("\n")
                under.title = _TASK_BOX.sub("", first)
                under.prompt += [rest] if rest.strip() else []
            else:
                under.prompt.append(f"- {words}" if list_depth > 1 else words)
        elif token.type in ("code_block", "fence") and under is not None:
            under.prompt.append(token.content)
        i += 1
    return ImportedAgenda(tuple(_item(d) for d in drafts if not d.section and d.title.strip()))


def _item(draft: _Draft) -> ImportedItem:
    title, minutes = split_time_box(" ".join(draft.title.split()))
    if not title:
        raise ImportRefused(f"line {draft.line}: an item has a time box but no title")
    if len(title) > MAX_TITLE:
        raise ImportRefused(f"line {draft.line}: an item's title is over {MAX_TITLE} characters")
    prompt = "\n".join(part.strip() for part in draft.prompt if part.strip())
    return ImportedItem(title, minutes, prompt)


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


@dataclass
class _ExportItem:
    title: str
    minutes: int | None = None
    prompt: str = ""
    proposed_by: Role | None = None
    notes: list[ImportedNote] = field(default_factory=list)


def _parse_export(text: str) -> ImportedAgenda:
    """An rm-tui session export, read back in the outline rm_tui/export.py writes."""
    lines = text.split("\n")
    tokens = _markdown().parse(text)
    items: list[_ExportItem] = []
    session_notes: list[ImportedNote] = []
    follow_ups: list[ImportedFollowUp] = []
    section = ""  # "item", "session", "follow-ups" or "" (anything else)
    note_by: tuple[Role, Visibility] | None = None
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "heading_open":
            heading = _plain(tokens[i + 1])
            numbered = _EXPORT_ITEM.match(heading)
            if numbered:
                if int(numbered.group(1)) != len(items) + 1:
                    raise ImportRefused("this export holds more than one session; "
                                        "import one session's (rm-tui export --session ID)")
                items.append(_ExportItem(numbered.group(2)))
                section = "item"
            else:
                section = {"The session as a whole": "session", "Follow-ups": "follow-ups"}.get(heading, "")
            note_by = None
            i += 3
            continue
        if token.type == "blockquote_open":
            close = _closing(tokens, i)
            if note_by is not None and section in ("item", "session") and token.map:
                body = _quoted_body(lines[token.map[0]:token.map[1]])
                note = ImportedNote(note_by[0], note_by[1], body)
                (items[-1].notes if section == "item" else session_notes).append(note)
            note_by = None
            i = close + 1
            continue
        if token.type == "inline" and token.level == 1 and section in ("item", "session"):
            words = _plain(token)
            if (facts := _EXPORT_FACTS.match(words)) and section == "item":
                items[-1].proposed_by = "mentor" if facts.group(1) == "mentor" else "leader"
                items[-1].minutes = int(facts.group(2))
            elif words.startswith("Prompt: ") and section == "item":
                items[-1].prompt = words.removeprefix("Prompt: ")
            elif noted := _EXPORT_NOTE.match(words):
                note_by = ("mentor" if noted.group(1) == "mentor" else "leader",
                           "private" if noted.group(2) else "shared")
        elif token.type == "inline" and section == "follow-ups":
            task = _EXPORT_TASK.match(_plain(token))
            if task:
                follow_ups.append(_follow_up(task))
        i += 1
    return ImportedAgenda(
        tuple(ImportedItem(it.title, it.minutes, it.prompt, it.proposed_by, tuple(it.notes)) for it in items),
        tuple(session_notes),
        tuple(follow_ups),
        from_export=True,
    )


def _follow_up(task: re.Match[str]) -> ImportedFollowUp:
    title = task.group(2)
    status: FollowUpStatus = "done" if task.group(1) == "x" else "open"
    if title.startswith("~~") and title.endswith("~~ (dropped)"):
        title, status = title[2:-len("~~ (dropped)")], "dropped"
    return ImportedFollowUp(
        title=title,
        owner="mentor" if task.group(3) == "mentor" else "leader",
        due_on=date.fromisoformat(task.group(4)) if task.group(4) else None,
        status=status,
        item_number=int(task.group(5)) if task.group(5) else None,
    )


def _closing(tokens: list[Token], start: int) -> int:
    """The index of the token that closes the one opened at `start`."""
    depth = 0
    for index in range(start, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _quoted_body(quoted: list[str]) -> str:
    """A note's own Markdown from its quoted lines, with the export's escapes undone."""
    body = [re.sub(r"^ {0,3}> ?", "", line) for line in quoted]
    return _NOTE_ESCAPE.sub(r"\1", "\n".join(body)).strip()
