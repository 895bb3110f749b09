"""Sessions as Markdown: pure functions from export records to text.

Whatever a note holds (headings, an unclosed code fence, raw HTML, a line that
looks like a list or a table) it cannot change the document's outline: every note
is quoted line by line and followed by a blank line, so its blocks live inside the
quote, and titles are flattened to one line with Markdown's special characters
escaped. Off-record notes never reach these functions; private ones are marked.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from .models import GIVING_BACK, AgendaItem, ChampionEntry, FollowUp, Note
from .store_export import MentorshipExport, SessionExport
from .text import clean_text
from .timing import clock_text

_SPECIAL = set("\\`*_[]<>#|~&!")


def inline(text: str) -> str:
    """One line of literal text: whitespace runs collapsed, special characters escaped."""
    flat = " ".join(clean_text(text).split())
    return "".join(f"\\{c}" if c in _SPECIAL else c for c in flat)


def quoted(body: str) -> list[str]:
    """A note's own Markdown, kept inside a block quote."""
    lines = clean_text(body).rstrip().split("\n")
    return [f"> {line}" if line.strip() else ">" for line in lines]


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
    return _join(lines + _session_body(export, level=2))


def export_mentorship(export: MentorshipExport, *, exported_on: date, include_private: bool) -> str:
    """A whole mentorship: one section per session, oldest first."""
    return _join(_mentorship_lines(export, level=1) + ["", _exported_line(exported_on, include_private), ""]
                 + _mentorship_sessions(export, level=2))


def export_everything(exports: list[MentorshipExport], *, exported_on: date, include_private: bool) -> str:
    lines = ["# Reverse mentorship notes", "", _exported_line(exported_on, include_private), ""]
    for export in exports:
        lines += _mentorship_lines(export, level=2) + [""] + _mentorship_sessions(export, level=3)
    return _join(lines)


def _mentorship_lines(export: MentorshipExport, level: int) -> list[str]:
    m = export.mentorship
    lines = [f"{'#' * level} {inline(m.mentor)} mentors {inline(m.leader)}", ""]
    if m.expertise:
        lines.append(f"- Expertise: {inline(m.expertise)}")
    if m.focus:
        lines.append(f"- Learning about: {inline(m.focus)}")
    lines.append(f"- Meeting every {m.cadence_days} days; {len(export.sessions)} sessions here")
    return lines


def _mentorship_sessions(export: MentorshipExport, level: int) -> list[str]:
    lines: list[str] = []
    for session in export.sessions:
        lines += [f"{'#' * level} {session.session.scheduled_on:%a %d %b %Y}", "", f"{_session_facts(session)}.", ""]
        lines += _session_body(session, level=level + 1)
    return lines


def _session_facts(export: SessionExport) -> str:
    s = export.session
    facts = {"planned": "Planned", "live": "In progress", "held": "Held", "cancelled": "Cancelled"}[s.status]
    if s.started_at is not None:
        return f"{facts}, {clock_text(export.seconds)} of {s.minutes} minutes"
    return f"{facts}, {s.minutes} minutes"


def _exported_line(exported_on: date, include_private: bool) -> str:
    kept = "shared and private notes" if include_private else "shared notes only"
    return f"*Exported from rm-tui on {exported_on.isoformat()}: {kept}; off-record notes are never exported.*"


def _session_body(export: SessionExport, level: int) -> list[str]:
    heading = "#" * level
    titles = {item.item.id: f"{number}. {item.item.title}" for number, item in enumerate(export.items, 1)}
    lines: list[str] = []
    for entry in export.items:
        item = entry.item
        lines += [f"{heading} {inline(titles[item.id])}", "", _item_facts(entry.item, entry.seconds), ""]
        if item.prompt:
            lines += [f"*Prompt:* {inline(item.prompt)}", ""]
        lines += _notes(entry.notes)
    if export.session_notes:
        lines += [f"{heading} The session as a whole", ""] + _notes(export.session_notes)
    if export.follow_ups:
        lines += [f"{heading} Follow-ups", ""]
        lines += [_task(f, titles.get(f.agenda_item_id or 0)) for f in export.follow_ups] + [""]
    if export.champion:
        lines += [f"{heading} Championing", ""] + [_champion(e) for e in export.champion] + [""]
    return lines


def _item_facts(item: AgendaItem, seconds: int) -> str:
    facts = [f"Proposed by **{item.proposed_by}**"]
    if seconds:
        facts.append(f"{clock_text(seconds)} spent of {item.minutes} min")
    else:
        facts.append(f"{item.minutes} min planned")
    facts.append({"open": "not reached", "discussed": "discussed", "dropped": "dropped"}[item.status])
    if item.carry_count:
        facts.append(f"carried over {item.carry_count}×")
    return " · ".join(facts)


def _notes(notes: list[Note]) -> list[str]:
    lines: list[str] = []
    for note in notes:
        if note.visibility == "off_record":  # never, even if a caller slipped
            continue
        marker = " (private)" if note.visibility == "private" else ""
        lines += [f"Note by **{note.author}**{marker}:", ""] + quoted(note.body) + [""]
    return lines


def _task(follow_up: FollowUp, item_title: str | None) -> str:
    done = "x" if follow_up.status != "open" else " "
    title = inline(follow_up.title)
    if follow_up.status == "dropped":
        title = f"~~{title}~~ (dropped)"
    facts = [f"owner: {follow_up.owner}"]
    if follow_up.due_on:
        facts.append(f"due {follow_up.due_on.isoformat()}")
    if item_title:
        facts.append(f"from {inline(item_title)}")
    return f"- [{done}] {title} · {' · '.join(facts)}"


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
    discussed = [(s.session.scheduled_on, i.item) for s in held for i in s.items if i.item.status == "discussed"]
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
    text = "\n".join(lines).rstrip() + "\n"
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text
