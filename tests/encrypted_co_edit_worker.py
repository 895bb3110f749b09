"""tests.co_edit_worker on an encrypted database: the raw key comes as `rm-tui serve` hands it down.

Run as `python -m tests.encrypted_co_edit_worker DB SESSION TAG CHANGES START_AT` with
RM_TUI_KEY in the environment; the worker's own Store.open gets the key.
"""

from __future__ import annotations

import sys
from typing import Any

import tests.co_edit_worker as worker
from rm_tui.passphrase import take_key_from_environment
from rm_tui.store import Store

KEY = take_key_from_environment()


class KeyedStore(Store):
    @classmethod
    def open(cls, path: Any, **options: Any) -> Store:  # type: ignore[override]
        return Store.open(path, key=KEY, **options)


if __name__ == "__main__":
    worker.Store = KeyedStore  # type: ignore[misc]
    db, session, tag, changes, start_at = sys.argv[1:6]
    worker.main(db, int(session), tag, int(changes), float(start_at))
