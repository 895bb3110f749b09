"""Terminal escape sequences and markup-like text in every user-text field, on every screen.

Whatever a user (or a pasted note) puts in a field is stored without control
characters and shown literally: no screen crashes on `[/]`, no markup styles the
text, and no escape sequence reaches the terminal.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from rm_tui.models import MentorshipSetup, NoteText
from rm_tui.store import Store
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text

# Markup Textual or Rich would parse, a closing tag with nothing open (a crash in a
# Label), and an escape sequence that would clear a real terminal.
HOSTILE = "[/] [bold red]x[/bold red] [link=evil]y[/link] $accent \x1b[2J\x1b]0;title\x07 :emoji:"
SHOWN = "[/] [bold red]x[/bold red] [link=evil]y[/link] $accent"


@pytest.fixture
def hostile(store: Store) -> int:
    """A mentorship whose every text field holds the hostile string."""
    sam = store.set_up_mentorship(
        draft(mentor=f"Sam {HOSTILE}", expertise=HOSTILE, focus=HOSTILE),
        MentorshipSetup(impressed_by=HOSTILE, offer=HOSTILE, ask_text=f"Ask {HOSTILE}"),
        [(f"Gap {HOSTILE}", f"Question {HOSTILE}")],
    )
    session = store.plan_session(sam)
    store.mark_rules_shown(session)
    item = store.add_agenda_item(session, title=f"Item {HOSTILE}", prompt=HOSTILE, proposed_by="mentor")
    store.save_note(NoteText(None, session, item, "leader", "shared", f"Note {HOSTILE}"))
    store.add_follow_up(sam, title=f"Follow {HOSTILE}", owner="leader", due="+7d", session_id=session,
                        agenda_item_id=item)
    store.add_champion_entry(sam, kind="credit", note=f"Champion {HOSTILE}")
    return sam


def _no_escapes(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text


# (keys pressed from the home screen, text that must then be on screen)
SCREENS = [
    ([], f"Sam {SHOWN}"),
    (["s"], f"Item {SHOWN}"),
    (["l"], f"Item {SHOWN}"),
    (["f6"], f"Follow {SHOWN}"),
    (["c"], f"Champion {SHOWN}"),
    (["g"], f"Gap {SHOWN}"),
    (["e"], f"Edit mentorship with Sam {SHOWN}"),
    (["f9", *"Follow"], f"Follow {SHOWN}"),
]


@pytest.mark.parametrize(("keys", "expected"), SCREENS, ids=[" ".join(k) or "home" for k, _ in SCREENS])
async def test_hostile_text_is_shown_literally_everywhere(
    db_path: Path, store: Store, hostile: int, keys: list[str], expected: str
) -> None:
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause(0.3)
        text = screen_text(app)
        if expected.startswith("Edit mentorship"):
            text += str(app.screen.query_one("#form-title").render())
        assert expected in text
        _no_escapes(text)


async def test_hostile_text_in_the_ask_and_the_live_note_editor(db_path: Path, store: Store, hostile: int) -> None:
    from textual.widgets import TextArea

    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        ask = app.screen.query_one("#ask-text", TextArea).text
        assert ask.startswith(f"Ask {SHOWN}")
        _no_escapes(ask)
        await pilot.press("escape", "l")
        await pilot.pause(0.3)
        editor = app.screen.query_one("#editor", TextArea).text
        assert editor.startswith(f"Note {SHOWN}")
        _no_escapes(editor)


def test_hostile_text_is_stored_without_control_characters(store: Store, hostile: int) -> None:
    rows = store.db.execute(
        "SELECT mentor || expertise || focus FROM mentorships UNION ALL SELECT title || prompt FROM agenda_items "
        "UNION ALL SELECT body FROM notes UNION ALL SELECT title FROM follow_ups UNION ALL SELECT note FROM "
        "champion_entries UNION ALL SELECT gap || question FROM learning_goals UNION ALL "
        "SELECT impressed_by || offer || ask_text FROM mentorship_setup"
    ).fetchall()
    assert len(rows) == 7
    for (value,) in rows:
        _no_escapes(value)
        assert "[/] [bold red]x[/bold red]" in value
