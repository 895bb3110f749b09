"""Sessions as Markdown: pure functions from export records to text.

No text a user, a mentor or a topic file wrote can change the document's outline
or add a link, in any CommonMark renderer (and in pandoc):

- A note keeps its own Markdown, quoted line by line and followed by a blank line,
  so its blocks live inside the quote. What would reach beyond the quote is
  escaped: `[` (a link reference definition applies to the whole document, and
  links are not the note's to make), `<` (raw HTML, an unclosed comment, an
  autolink), pandoc's `{=format}` raw attribute and a lone `---` (pandoc reads a
  YAML metadata block, the document's title, even inside a quote).
- Every other field (names, titles, follow-ups, entries) is flattened to one line
  with Markdown's special characters escaped, and whatever would open a block at
  its start (`1)`, `-`, `+`, `=`, ...) escaped too, since some fields start a line.

Escapes are backslashes, so the exports still read well as plain text. Inside a
code span or block in a note they show, as a backslash: a small price against a
scanner that must agree with every renderer on where code starts and ends.
Off-record notes never reach these functions; private ones are marked.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import chain, compress, islice, repeat
from operator import itemgetter, not_

from .models import (
    GIVING_BACK,
    ChampionEntry,
    FollowUpStatus,
    ItemExport,
    ItemOutcome,
    MentorshipExport,
    Role,
    SessionExport,
    SessionStatus,
    item_outcome,
)
from .models.exports import FOLLOW_UP_KINDS, NOTE_HEADS, ExportedFollowUp, ExportedNote
from .text import clean_text, counted
from .timing import clock_text

# Escaped wherever they stand in a one-line field: each can open emphasis, code,
# a link or image, raw HTML, an entity, a table cell, strikethrough or (pandoc) a
# heading's attributes.
_SPECIAL = set("\\`*_[]<>#|~&!{")
_SPECIAL_CHAR = re.compile(f"[{re.escape(''.join(sorted(_SPECIAL)))}]")

# What opens a block when it starts a line (or a list item's text) and is not
# already in _SPECIAL: bullets, setext underlines, pandoc's definitions and
# "(1)"-style lists.
_BLOCK_OPENERS = set("-+=:(")

# An ordered list marker: CommonMark's "1." and "1)", and pandoc's letters, roman
# numerals and "@" examples. Only followed by a space or the end does it open a list.
_LIST_MARKER = re.compile(r"(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+|@[\w-]*)(?=[.)](?: |$))")

# A character that acts unless a backslash escapes it: an even run of backslashes
# before it (none included) escapes only themselves.
_UNESCAPED = r"(?<!\\)((?:\\\\)*)"

# In a note: `[` opens links, images, footnotes and link reference definitions (which
# apply to the whole document, even from inside a quote); `<` opens raw HTML, HTML
# comments and autolinks; `{=` is pandoc's raw attribute, which passes a code span
# or block verbatim into the HTML, where a backslash would not stop a tag.
_NOTE_ACTIVE = re.compile(_UNESCAPED + r"(\[|<|\{(?=[ \t]*=))")

# A line that is only `---` after its containers' markers: pandoc starts a YAML
# metadata block there (title, header includes) even inside a quote or list item.
# `----` means the same to Markdown (a rule or a setext underline) and is not YAML.
_YAML_FENCE = re.compile(
    r"^((?:[ \t]*(?:>|[-+*:~](?=[ \t])|\(?(?:\d+|[A-Za-z]|[IVXLCDMivxlcdm]+|@[\w-]*|#)[.)](?=[ \t])))*"
    r"[ \t]*)---([ \t]*)$"
)


def inline(text: str) -> str:
    """One line of literal text: whitespace runs collapsed, special characters escaped.

    Safe at the start of a line too: whatever would open a block there is escaped.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        flat = text  # nothing to clean: no control character, and the space is the only blank
    else:
        flat = " ".join(clean_text(text).split())
    if _SPECIAL_CHAR.search(flat):  # most text holds none: looking is much faster than substituting
        flat = _SPECIAL_CHAR.sub(r"\\\g<0>", flat)
    return _without_block_opener(flat)


def _without_block_opener(line: str) -> str:
    """`line` with a backslash where it would otherwise open a list, a setext heading or the like."""
    if line[:1] in _BLOCK_OPENERS:
        return f"\\{line}"
    marker = _LIST_MARKER.match(line)
    if marker:
        return f"{line[:marker.end()]}\\{line[marker.end():]}"
    return line


def quoted(body: str) -> list[str]:
    """A note's own Markdown, kept inside a block quote, with nothing that reaches outside it."""
    lines = clean_text(body).rstrip().split("\n")
    return [f"> {_confined(line)}" if line.strip() else ">" for line in lines]


def _confined(line: str) -> str:
    """One line of a note, its Markdown kept but its links, HTML and metadata made literal."""
    # Most lines hold nothing to escape: looking for the characters first is much
    # faster than the patterns, which try every position.
    if "[" in line or "<" in line or "{" in line:
        line = _NOTE_ACTIVE.sub(r"\1\\\2", line)
    if "---" in line:
        line = _YAML_FENCE.sub(r"\1----\2", line)
    return line


def session_title(export: SessionExport) -> str:
    return f"Session with {export.mentorship.mentor}, {export.session.scheduled_on:%a %d %b %Y}"


def export_session(export: SessionExport, *, exported_on: date, include_private: bool) -> str:
    """One session as its own document."""
    m = export.mentorship
    lines = [
        f"# {inline(session_title(export))}",
        "",
        f"{inline(m.mentor)} mentors {inline(m.leader)}. {_session_facts(export)}.",
        "",
        _exported_line(exported_on, include_private),
        "",
    ]
    return _join(lines + _session_bodies([export], level=2)[0])


def export_mentorship(export: MentorshipExport, *, exported_on: date, include_private: bool) -> str:
    """A whole mentorship: one section per session, oldest first."""
    return _join([
        *_mentorship_lines(export, level=1), "", _exported_line(exported_on, include_private), "",
        *_mentorship_sessions(export, level=2),
    ])


def export_everything(exports: list[MentorshipExport], *, exported_on: date, include_private: bool) -> str:
    lines = ["# Reverse mentorship notes", "", _exported_line(exported_on, include_private), ""]
    for export in exports:
        lines += [*_mentorship_lines(export, level=2), "", *_mentorship_sessions(export, level=3)]
    return _join(lines)


def _mentorship_lines(export: MentorshipExport, level: int) -> list[str]:
    m = export.mentorship
    lines = [f"{'#' * level} {inline(m.mentor)} mentors {inline(m.leader)}", ""]
    if m.expertise:
        lines.append(f"- Expertise: {inline(m.expertise)}")
    if m.focus:
        lines.append(f"- Learning about: {inline(m.focus)}")
    lines.append(f"- Meeting every {m.cadence_days} days; {counted(len(export.sessions), 'session')} here")
    return lines


def _mentorship_sessions(export: MentorshipExport, level: int) -> list[str]:
    lines: list[str] = []
    for session, body in zip(export.sessions, _session_bodies(export.sessions, level + 1), strict=True):
        lines += [f"{'#' * level} {session.session.scheduled_on:%a %d %b %Y}", "", f"{_session_facts(session)}.", ""]
        lines += body
    return lines


_SESSION_STATUS_WORDS: dict[SessionStatus, str] = {
    "planned": "Planned", "live": "In progress", "held": "Held", "cancelled": "Cancelled",
}


def _session_facts(export: SessionExport) -> str:
    s = export.session
    facts = _SESSION_STATUS_WORDS[s.status]
    if s.started_at is not None:
        return f"{facts}, {_minutes_used(export.seconds)} of {s.minutes} planned"
    return f"{facts}, {s.minutes} minutes"


def _minutes_used(seconds: int) -> str:
    """Whole minutes, as the plan is in minutes ('36 minutes', never '0:36' beside '45 minutes')."""
    if seconds < 60:
        return "under a minute"
    return counted(seconds // 60, "minute", "minutes")


def _exported_line(exported_on: date, include_private: bool) -> str:
    kept = "shared and private notes" if include_private else "shared notes only"
    return f"*Exported from rm-tui on {exported_on.isoformat()}: {kept}; off-record notes are never exported.*"


def _session_bodies(exports: list[SessionExport], level: int) -> list[list[str]]:
    """Each session's sections, its items' and its own notes, its follow-ups and champion entries.

    The titles of all the sessions' items and follow-ups are escaped together, each kind
    in one go (see _inlined): a mentorship of five years is 130 sessions.
    """
    items = [entry for export in exports for entry in export.items]
    item_titles = iter(_inlined([entry.item.title for entry in items]))
    # A session's notes at a time, though: their texts then stay in the processor's cache
    # between the passes over them, which all of a mentorship's at once did not.
    blocks = chain.from_iterable(
        _note_blocks([*(entry.notes for entry in export.items), export.session_notes]) for export in exports
    )
    follow_ups = [f for export in exports for f in export.follow_ups]
    tasks = iter(_tasks(follow_ups))
    return [_session_body(export, level, item_titles, blocks, tasks) for export in exports]


def _session_body(
    export: SessionExport,
    level: int,
    item_titles: Iterator[str],
    note_blocks: Iterator[list[str]],
    tasks: Iterator[str],
) -> list[str]:
    """One session's sections; the iterators hand it, in order, its items' titles and note
    blocks, its own notes' block, and its follow-ups' task lines up to where they came
    from (each Markdown already)."""
    heading = "#" * level
    # The number is rm-tui's own text, so only the title is escaped: "1. A \*real\* task".
    own_titles = islice(item_titles, len(export.items))
    titles = {
        entry.item.id: f"{number}. {title}"
        for number, (entry, title) in enumerate(zip(export.items, own_titles, strict=True), 1)
    }
    lines: list[str] = []
    for entry, item_notes in zip(export.items, islice(note_blocks, len(export.items)), strict=True):
        item = entry.item
        lines += [f"{heading} {titles[item.id]}", "", _item_facts(entry, export.session.status), ""]
        if item.prompt:
            lines += [f"*Prompt:* {inline(item.prompt)}", ""]
        lines += item_notes
    session_notes = next(note_blocks)
    if export.session_notes:
        lines += [f"{heading} The session as a whole", "", *session_notes]
    if export.follow_ups:
        lines += [f"{heading} Follow-ups", ""]
        own_tasks = islice(tasks, len(export.follow_ups))
        if any(map(_ITEM_ID, export.follow_ups)):
            sources = map(titles.get, map(_ITEM_ID, export.follow_ups))  # the item it came from, if on this agenda
            lines += [f"{task} · from {source}" if source else task
                      for task, source in zip(own_tasks, sources, strict=True)]
        else:  # none came from an item
            lines += own_tasks
        lines.append("")
    if export.champion:
        lines += [f"{heading} Championing", ""] + [_champion(e) for e in export.champion] + [""]
    return lines


# The summary's sections, in the export's words: an item is written as the meeting's end showed it.
_OUTCOME_WORDS: dict[ItemOutcome, str] = {
    "done": "done", "discussed": "discussed", "carried": "not reached", "dropped": "dropped",
}


def _outcome(entry: ItemExport) -> ItemOutcome:
    return item_outcome(entry.item, entry.seconds, len(entry.notes))


def _item_facts(entry: ItemExport, session_status: SessionStatus) -> str:
    """'Proposed by **mentor** · 12:05 spent of 15 min · discussed · carried over 2×'."""
    item, seconds = entry.item, entry.seconds
    time = f"{clock_text(seconds)} spent of {item.minutes} min" if seconds else f"{item.minutes} min planned"
    outcome = _outcome(entry)
    said = _OUTCOME_WORDS[outcome]
    if outcome == "carried" and session_status == "held":
        said += ", carries over"
    carried = f" · carried over {item.carry_count}×" if item.carry_count else ""
    return f"Proposed by **{item.proposed_by}** · {time} · {said}{carried}"


def _note_blocks(groups: list[list[ExportedNote]]) -> list[list[str]]:
    """Each group's notes as the lines to write: each note its heading line, a blank
    line, its quote and a blank line; nothing for no notes.

    An export of everything writes 100,000 notes, a session's few dozen at a time. The
    store hands each note as the text written when it needs no care (ExportedNote);
    when no note of the session needs any (most are one plain line), the texts are
    joined through C loops (map, slices, join) with no Python step per note.
    """
    found = list(chain.from_iterable(groups))
    if not found:
        return [[] for _ in groups]
    if "" in found:  # off-record: never written, even if a caller slipped
        return _note_blocks([[n for n in group if n] for group in groups])
    texts = found
    if not _written_as_they_are(texts):
        texts = list(map(_with_care, texts))
    blocks, start = [], 0
    for count in map(len, groups):
        # The blank line after the last note is a line of its own: adding "\n" copied the text.
        blocks.append([_BETWEEN.join(texts[start:start + count]), ""] if count else [])
        start += count
    return blocks


_BETWEEN = "\n\n"  # after a note: the blank line
_HEADS = [head for head in NOTE_HEADS if head is not None]

# The control characters but the newline, which is counted instead (each note's head
# holds two, and one stands between texts).
_CONTROLS = "".join(map(chr, [*range(0x20), 0x7F])).replace("\n", "")
# What a note must not hold to be written as it is: those and what _confined escapes.
_CARE = _CONTROLS + "[<{"


def _holds_any(text: str, chars: str) -> bool:
    """Whether `text` holds one of `chars`: a look for each, each at memory speed for
    ASCII (memchr), which is faster than one pass that tests every character against them."""
    return any(map(text.__contains__, chars))


def _written_as_they_are(texts: list[str]) -> bool:
    """Whether each note's text (its head and its body) is what quoted() writes for it:
    its body one line with no control character and nothing _confined escapes.

    The store cut the blanks at the body's end (and the head's own for a body of blanks,
    as quoted() writes a blank line ">"); no other blank is left in a body like that.
    """
    text = "\n".join(texts)
    newlines = 3 * len(texts) - 1  # two in each head, one between texts
    if text.isascii():
        kept = text.count("\n") == newlines and not _holds_any(text, _CARE)
    else:
        # isprintable: no control character, and the space is the only blank.
        kept = (text.count("\n") == newlines and text.replace("\n", "").isprintable()
                and not ("[" in text or "<" in text or "{" in text))
    # "-" is looked for first: one character is found at memory speed, three in a row far slower.
    return kept and not ("-" in text and "---" in text)


def _with_care(text: str) -> str:
    """A note's text with its body as quoted() writes it: cleaned, escaped, line by line."""
    for head in _HEADS:
        if text.startswith(head):
            # head[:-2]: the heading and blank line, without the "> " quoted() writes
            return head[:-2] + "\n".join(quoted(text[len(head):]))
    return text  # a body of blanks: its head, with ">" for the blank line, as quoted() writes it


def _tasks(follow_ups: list[ExportedFollowUp]) -> list[str]:
    """Each follow-up's task list line, up to the item it came from (which _session_body adds).

    Five years hold 20,000: each line is put together in C (map, zip, join) from its
    kind's parts, its escaped title and its due date, with no Python step but the date's.
    """
    if not follow_ups:
        return []
    # Column by column, read in one pass over the rows (which lie scattered in memory).
    _, titles, kinds, due_ons, _ = zip(*follow_ups, strict=True)
    dues = [f" · due {due}" if due else "" for due in due_ons]
    starts = map(_TASK_STARTS.__getitem__, kinds)
    ends = map(_TASK_ENDS.__getitem__, kinds)
    return list(map("".join, zip(starts, _inlined(list(titles)), ends, dues, strict=True)))


_ITEM_ID = itemgetter(0)


def _task_parts(owner: Role, status: FollowUpStatus) -> tuple[str, str]:
    """What a task line holds before its title and after it, up to its owner."""
    done = "x" if status != "open" else " "
    if status == "dropped":
        return f"- [{done}] ~~", f"~~ (dropped) · owner: {owner}"
    return f"- [{done}] ", f" · owner: {owner}"


# What a task line holds before its title and after it, by a follow-up's kind (an index into FOLLOW_UP_KINDS).
_TASK_STARTS, _TASK_ENDS = zip(*(_task_parts(owner, status) for owner, status in FOLLOW_UP_KINDS), strict=True)


def _inlined(texts: list[str]) -> list[str]:
    """inline() of each text. Most texts (titles) come back as they are: a look at them
    all, each test a C loop, finds those inline() would change, and only they go through
    it (a Python step each for five years' 20,000 follow-ups was a tenth of the export)."""
    joined = "\n".join(texts)
    changed: set[int] = set()
    escaped: set[int] = set()  # those holding a special character
    looks: list[Iterable[object]] = []  # for each text, whether inline() would change it
    # Rarer, so looked for in them all at once first: control characters, and newlines
    # but those between the texts.
    printable = joined.isascii() and joined.count("\n") == len(texts) - 1 and not _holds_any(joined, _CONTROLS)
    if printable:
        # Then only a text's first two characters can open a block or a list: the few
        # that might (a blank, a digit, "Mi") are looked at closely.
        risky = compress(itertools.count(), map(_START_RISKS.__contains__, map(_FIRST_TWO, texts)))
        changed.update(index for index in risky if _OPENS_BLOCK_OR_LIST.match(texts[index]))
        # And the texts holding a special character are found from where each stands.
        for char in _SPECIAL_CHARS:
            if char in joined:
                escaped.update(_lines_holding(joined, char))
    else:
        looks += [
            map(_OPENS_BLOCK_OR_LIST.match, texts),
            map(not_, map(str.isprintable, texts)),
            map(_SPECIAL_CHAR.search, texts),
        ]
    if " \n" in joined or joined.endswith(" "):
        looks.append(map(str.endswith, texts, repeat(" ")))
    if "  " in joined:
        looks.append(map(str.__contains__, texts, repeat("  ")))
    changed.update(chain.from_iterable(compress(itertools.count(), look) for look in looks))
    if not (changed or escaped):
        return texts
    made = list(texts)
    for index in escaped:
        made[index] = inline(texts[index])
    # Printable ASCII with no special character needs no cleaning or escaping: only its
    # blanks and its start can change.
    write = _plain_inline if printable else inline
    for index in changed - escaped:
        made[index] = write(texts[index])
    return made


def _lines_holding(text: str, char: str) -> Iterator[int]:
    """The numbers (from 0) of the lines of `text` where `char` stands: a step per
    place it stands, the newlines before it counted in C."""
    line = counted = 0
    at = text.find(char)
    while at >= 0:
        line += text.count("\n", counted, at)
        counted = at
        yield line
        at = text.find(char, at + 1)


def _plain_inline(text: str) -> str:
    """inline() of printable ASCII with no special character: its blanks collapsed and cut."""
    return _without_block_opener(" ".join(text.split()))


_SPECIAL_CHARS = "".join(sorted(_SPECIAL))
# At a text's start: what opens a block, a blank that inline() cuts, or a list marker (_LIST_MARKER).
_OPENS_BLOCK_OR_LIST = re.compile(f"[{re.escape(''.join(sorted({*_BLOCK_OPENERS, ' '})))}]|{_LIST_MARKER.pattern}")

# The first two characters of an ASCII text that _OPENS_BLOCK_OR_LIST might match (or
# the text's one): a block opener or a blank, the start of a number or an "@" example,
# one letter before "." or ")", or two letters of a roman numeral. Most titles start
# otherwise, and a set answers for them faster than the pattern.
_ASCII = [chr(code) for code in range(0x80)]
_ROMAN = "IVXLCDMivxlcdm"
_START_RISKS = frozenset(
    {first + second for first in {*_BLOCK_OPENERS, " ", "@", *"0123456789"} for second in ["", *_ASCII]}
    | {letter + end for letter in _ASCII if letter.isalpha() for end in ".)"}
    | {first + second for first in _ROMAN for second in _ROMAN}
)
_FIRST_TWO = itemgetter(slice(0, 2))


def _champion(entry: ChampionEntry) -> str:
    note = f": {inline(entry.note)}" if entry.note else ""
    return f"- {entry.happened_on.isoformat()}, {entry.label}{note}"


def impact_note(export: MentorshipExport, *, written_on: date) -> str:
    """What the mentor taught, for the leader to forward to the mentor's manager.

    Built from agenda titles, categories and the champion log only: no note text of
    any visibility goes in, so nothing private or off the record can.
    """
    m = export.mentorship
    held = [s for s in export.sessions if s.session.status == "held"]
    discussed = [(s.session.scheduled_on, i.item) for s in held for i in s.items
                 if _outcome(i) in ("done", "discussed")]
    categories = Counter(item.category for _, item in discussed if item.category)
    from_mentor = [(on, item) for on, item in discussed if item.proposed_by == "mentor"]
    credited = [e for e in export.champion if e.kind == "credit"]
    championed = [e for e in export.champion if e.kind not in GIVING_BACK and e.kind != "credit"]
    mentor = inline(m.mentor)
    lines = [f"# What {mentor} has taught me", ""]
    if held:
        first, last = held[0].session.scheduled_on, held[-1].session.scheduled_on
        lines.append(
            f"{mentor} and I ({inline(m.leader)}) have met {len(held)} time{'s' if len(held) != 1 else ''} "
            f"between {first:%d %B %Y} and {last:%d %B %Y}"
            + (f", so that I could learn about {inline(m.focus)}." if m.focus else ".")
        )
    else:
        lines.append(f"{mentor} and I ({inline(m.leader)}) have not held a session yet.")
    if m.expertise:
        lines += ["", f"What {mentor} knows first-hand: {inline(m.expertise)}."]
    lines += ["", "## What we covered", ""]
    lines += [f"- {inline(name)}: {count} topic{'s' if count != 1 else ''}" for name, count in categories.most_common()]
    lines += [f"- {len(discussed)} topics discussed in all" if discussed else "- Nothing marked discussed yet", ""]
    if from_mentor:
        lines += [f"## Topics {mentor} brought to the table", ""]
        lines += [f"- {on:%d %b %Y}: {inline(item.title)}" for on, item in from_mentor] + [""]
    if discussed:
        lines += ["## Everything we discussed", ""]
        lines += [f"- {on:%d %b %Y}: {inline(item.title)}" for on, item in discussed] + [""]
    if credited:
        lines += [f"## Ideas of {mentor}'s that I credited", ""] + [_champion(e) for e in credited] + [""]
    if championed:
        lines += [f"## How I have put {mentor} forward", ""] + [_champion(e) for e in championed] + [""]
    lines += [f"*Written on {written_on.isoformat()} with rm-tui. It holds no meeting notes: "
              "what was said in our sessions stays between us.*"]
    return _join(lines)


def _join(lines: list[str]) -> str:
    """The lines as one text ending in one newline; `lines` is used up.

    No two blank lines come in a row, and nothing here looks for them: each section adds
    one blank line after its own lines, the fields are one line each (`inline`), and a
    note leaves no blank line inside its quote (`quoted` writes ">" for one). The tests
    hold every export to it, whatever the text typed. An export of everything is 19 MB,
    and each pass over it (a search, a copy) took longer than a query.
    """
    last = len(lines) - 1
    while last >= 0 and not lines[last].rstrip():
        last -= 1
    if last < 0:
        return "\n"
    del lines[last + 1:]
    lines[last] = lines[last].rstrip()
    lines.append("")
    return "\n".join(lines)
