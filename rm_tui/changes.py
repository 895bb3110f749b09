"""The change feed's vocabulary: which tables a write changed, and who cares.

Every store write names its tables; the app republishes them (a Textual signal) and
each screen reloads only when a table it shows is among them. A change made by
another process comes without names (SQLite only says that something changed), as
EVERYTHING.
"""

from __future__ import annotations

Tables = frozenset[str]

EVERYTHING: Tables = frozenset({"*"})
"""Anything may have changed: another window wrote, or a screen shows it all."""


def touches(watched: Tables, changed: Tables) -> bool:
    """Whether a change to `changed` concerns a view of `watched`."""
    return "*" in watched or "*" in changed or not watched.isdisjoint(changed)
