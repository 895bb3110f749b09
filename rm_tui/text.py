"""Cleaning text that arrives from outside: pastes, imports."""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, and the C1 controls: none of them has a
# meaning in a note, and ESC starts the sequences that would drive the terminal.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_pasted(text: str) -> str:
    """Pasted text with Windows and old-Mac line ends made newlines and control characters dropped."""
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
