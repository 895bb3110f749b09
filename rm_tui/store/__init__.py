"""The store: every SQL statement rm-tui runs, behind one face.

`from rm_tui.store import Store` is the only import the screens, the CLI and the
app make from here; the modules inside (one per concern, the connection and the
migrations) are the store's own business. Records come back as rm_tui.models.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .store import Store

__all__ = ["Store"]


def __getattr__(name: str) -> Any:
    # Store, with every concern's queries, loads on first use: a module that needs only the
    # driver (rm_tui.passphrase, which every command loads, asks whether a file is encrypted)
    # does not load the rest with it.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
