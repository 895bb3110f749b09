"""Keeping control characters out of what rm-tui stores and shows.

A paste can carry terminal escape sequences; printed raw they would clear or
recolour the screen. No field has a use for them, so they are dropped on the way
in (pastes, form fields, saved notes) and again before text is shown.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 controls: none of them has a
# meaning in a note, and ESC starts the sequences that would drive the terminal.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(text: str) -> str:
    """`text` with Windows and old-Mac line ends made newlines and control characters dropped."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    """`text` cleaned and on a single line: line breaks and tabs become spaces.

    For names, titles and headings, which are shown (and printed) one per line.
    """
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def counted(count: int, singular: str, plural: str | None = None) -> str:
    """`count` and the noun that agrees with it: "1 match", "3 matches", "0 sessions".

    `plural` defaults to `singular` + "s"; give it for the nouns that don't take an s
    ("entry", "entries").
    """
    noun = singular if count == 1 else (plural if plural is not None else singular + "s")
    return f"{count:,} {noun}"
