"""The live screen after the terminal changes size: the note reads the same, re-wrapped, at once.

Read from the lines the editor draws (what a person sees), not from its model of
the text: the wrapped model was always right, the drawing lagged behind it.
"""

from __future__ import annotations

from pathlib import Path

from textual.geometry import Region

from rm_tui.store import Store
from tests.ui.helpers import open_app
from tests.ui.live_session_helpers import editor, open_live, plan_meeting

# Two paragraphs that wrap onto two lines both at 120 and at 80 columns: the
# editor keeps its height, so only a redraw after re-wrapping shows the new lines.
NOTE = ("Alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike",
        "november oscar papa quebec romeo sierra tango uniform victor whiskey xray yankee")


def drawn_words(app) -> list[str]:
    """The words the note editor draws on screen, top to bottom, its border left out."""
    note = editor(app)
    lines = note.render_lines(Region(0, 0, note.size.width, note.size.height))
    return [word for line in lines for word in line.text.strip("╭╮╰╯│─ ").split()]


async def test_a_resize_rewraps_the_note_at_once(db_path: Path, store: Store) -> None:
    plan_meeting(store)
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_live(pilot)
        await pilot.press(*NOTE[0], "enter", *NOTE[1])
        await pilot.pause()
        words = " ".join(NOTE).split()
        assert drawn_words(app) == words
        for size in ((80, 24), (120, 40), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            # Every word once, in order, with no key typed since: none repeated, none missing.
            assert drawn_words(app) == words, size
