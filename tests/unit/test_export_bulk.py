"""An export writes a session's notes, and its titles, in one go when they need no care.

What it writes so must be what the one-at-a-time writers give (`quoted` for a note,
`inline` for a title), whatever sits beside the plain ones: a note with blanks at its
end, a blank note, a lone `---`; a title with a list marker, a doubled or end blank,
a special character, a tab or a letter beyond ASCII.
"""

from __future__ import annotations

import pytest

from rm_tui import export
from rm_tui.exporting import ExportRequest, render
from rm_tui.models import NoteText
from rm_tui.store import Store
from tests.conftest import draft

PLAIN = "A plain title with nothing to escape"

AWKWARD_TITLES = [
    "1. Numbered", "a) Lettered", "iv. Roman", "@ex. Example", "- Dash", "+ Plus", "= Equals", ": Colon",
    "(Paren", "Ends with a blank ", " Starts with a blank", "Two  blanks", "Star *bold*", "Back\\slash",
    "Tab\there", "Café, naïve", "[link](x)", "<b>tag</b>", "Ends with a dot.", "1.5 is not a marker",
]

PLAIN_NOTES = ["Plain note, nothing to escape.", "Plain again."]

AWKWARD_NOTES = [
    "Blanks at its end   ", "   ", "---", "--- ", "Ends with ---", "x---y", "Second line\nof a note", "Tab\there",
    "Café, naïve", "[link](x)", "<b>", "{=html}", "",
]


def planned(store: Store) -> tuple[int, int]:
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz", leader="Dana Whitfield"))
    return mentorship, store.plan_session(mentorship)


def test_plain_notes_beside_one_needing_care_read_as_each_alone_would(store: Store) -> None:
    mentorship, _ = planned(store)
    for awkward in AWKWARD_NOTES:  # a session each: its notes are written together
        session = store.plan_session(mentorship)
        for number, body in enumerate([PLAIN_NOTES[0], awkward, PLAIN_NOTES[1]]):
            store.save_note(NoteText(None, session, None, "mentor" if number % 2 else "leader", "shared", body))

    text = render(store, ExportRequest(mentorship_id=mentorship))

    for awkward in AWKWARD_NOTES:
        blocks = [
            f"Note by **{'mentor' if number % 2 else 'leader'}**:\n\n" + "\n".join(export.quoted(body)) + "\n\n"
            for number, body in enumerate([PLAIN_NOTES[0], awkward, PLAIN_NOTES[1]])
            if body
        ]
        assert "".join(blocks) in text + "\n", awkward


# Printable ASCII: the titles are then looked at by their first two characters only, so
# each way a start can open a block or a list is here, and special characters are found
# where they stand, so some titles hold several.
ASCII_STARTS = [
    "1. Numbered", "12) Numbered", "a) Lettered", "Z. Lettered", "iv. Roman", "MCM) Roman", "@ex. Example",
    "@. Example", "- Dash", "+ Plus", "= Equals", ": Colon", "(Paren", " Starts with a blank",
    "Ends with a blank ", "Two  blanks", "Ends with a dot.", "1.5 is not a marker", "Mixed in", "Ivy league",
    "x", "7", "-", "I", "Do it.", "Star *bold* and _em_", "Back\\slash", "[link](x) [again]", "<b>tag</b>",
    "Q&A!", "#tag", "a|b~c`d", "{x}", "- [x] Task ", "1. *Both*",
]


@pytest.mark.parametrize("awkward_titles", [AWKWARD_TITLES, ASCII_STARTS], ids=["any", "ascii-starts"])
def test_plain_titles_beside_ones_needing_care_read_as_each_alone_would(
    store: Store, awkward_titles: list[str]
) -> None:
    mentorship, session = planned(store)
    titles = [title for awkward in awkward_titles for title in (PLAIN, awkward)]
    items = [store.add_agenda_item(session, title=title, proposed_by="leader") for title in titles]
    for number, title in enumerate(titles):
        follow_up = store.add_follow_up(
            mentorship, title=title, owner="mentor" if number % 2 else "leader",
            due="2026-12-24" if number % 3 else "", session_id=session,
            agenda_item_id=items[number] if number % 4 == 0 else None,
        )
        if number % 3:
            store.set_follow_up_status(follow_up, "done" if number % 3 == 1 else "dropped")

    data = store.export_session(session)
    text = render(store, ExportRequest(session_id=session))

    item_titles = [entry.item.title for entry in data.items]
    headings = [f"## {number}. {export.inline(title)}" for number, title in enumerate(item_titles, 1)]
    assert [line for line in text.splitlines() if line.startswith("## ") and line[3].isdigit()] == headings
    lines = []
    for number, follow_up in enumerate(data.follow_ups):
        status = ("open", "done", "dropped")[number % 3]
        title = export.inline(follow_up.title)
        if status == "dropped":
            title = f"~~{title}~~ (dropped)"
        due = " · due 2026-12-24" if number % 3 else ""
        source = f" · from {headings[number][3:]}" if number % 4 == 0 else ""
        owner = "mentor" if number % 2 else "leader"
        lines.append(f"- [{'x' if status != 'open' else ' '}] {title} · owner: {owner}{due}{source}")
    assert [line for line in text.splitlines() if line.startswith("- [")] == lines

