"""The store: every SQL statement rm-tui runs, behind one face.

`from rm_tui.store import Store` is the only import the screens, the CLI and the
app make from here; the modules inside (one per concern, the connection and the
migrations) are the store's own business. Records come back as rm_tui.models.
"""

from .store import Store

__all__ = ["Store"]
