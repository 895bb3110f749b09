"""Saving note text off the keystroke path.

The editor hands the autosaver a snapshot of a note now and then; a thread of its
own, with its own connection, writes the newest snapshot of each note. Typing never
waits for the disk, and a burst of snapshots of one note costs one write.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from .errors import RmTuiError
from .models import NoteText, SavedNote, replace
from .store import Store


@dataclass(frozen=True)
class Saved:
    """A note's text reached the database: which editor buffer, and where it went."""

    buffer: str
    note: SavedNote
    body: str


class NoteAutosaver:
    """Writes note snapshots on a background thread, newest per buffer, in order.

    `buffer` names an editor's note before it has a row; once the first save has
    created the row, later snapshots of that buffer update it. The writer remembers
    the version each buffer last wrote, so a save that finds another window's newer
    text keeps both (see Store.save_note) and the buffer follows its own copy from
    then on. `on_saved` and `on_error` are called on the writer thread: keep them
    thread-safe.
    """

    def __init__(
        self,
        open_store: Callable[[], Store],
        on_saved: Callable[[Saved], object] = lambda saved: None,
        on_error: Callable[[str, str], object] = lambda buffer, message: None,
    ) -> None:
        self._open_store = open_store
        self._on_saved = on_saved
        self._on_error = on_error
        self._pending: dict[str, NoteText] = {}
        self._note_ids: dict[str, int] = {}
        self._versions: dict[str, int] = {}
        self._busy = False
        self._closing = False
        self._wake = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="rm-tui-autosave", daemon=True)
        self._thread.start()

    def put(self, buffer: str, text: NoteText) -> None:
        """Queue the newest text of a buffer; returns at once."""
        with self._wake:
            self._pending[buffer] = text
            self._wake.notify_all()

    def note_id(self, buffer: str) -> int | None:
        """The row a buffer was saved as, once its first save is done."""
        with self._wake:
            return self._note_ids.get(buffer)

    def is_saving(self, buffer: str) -> bool:
        """True while a snapshot of `buffer` is queued or being written."""
        with self._wake:
            return buffer in self._pending or self._busy

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until everything queued is written; False if that took too long."""
        with self._wake:
            return self._wake.wait_for(lambda: not self._pending and not self._busy, timeout)

    def close(self, timeout: float = 5.0) -> None:
        """Write what is queued, then stop the thread."""
        with self._wake:
            self._closing = True
            self._wake.notify_all()
        self._thread.join(timeout)

    def _run(self) -> None:
        try:
            store = self._open_store()
        except Exception as error:  # noqa: BLE001 - said on screen; the app keeps running
            self._on_error("", f"the note writer could not open the database ({error})")
            with self._wake:
                self._closing = True
                self._pending.clear()
                self._wake.notify_all()
            return
        try:
            while True:
                with self._wake:
                    self._wake.wait_for(lambda: self._pending or self._closing)
                    if not self._pending:
                        return
                    batch, self._pending = self._pending, {}
                    self._busy = True
                try:
                    for buffer, text in batch.items():
                        self._write(store, buffer, text)
                finally:
                    with self._wake:
                        self._busy = False
                        self._wake.notify_all()
        finally:
            store.close()

    def _write(self, store: Store, buffer: str, text: NoteText) -> None:
        with self._wake:
            known, written = self._note_ids.get(buffer), self._versions.get(buffer)
        if known is not None:
            # The text grew from whichever is newer: the version the editor loaded,
            # or the one this writer last wrote for it.
            versions = [v for v in (text.base_version, written) if v is not None]
            text = replace(text, note_id=known, base_version=max(versions, default=None))
        try:
            saved = store.save_note(text)
        except RmTuiError as error:
            self._on_error(buffer, str(error))
            return
        except Exception as error:  # noqa: BLE001 - a failed save must be reported, never kill the writer
            self._on_error(buffer, f"could not save the note ({error})")
            return
        if saved is None:
            return
        with self._wake:
            self._note_ids[buffer] = saved.note_id
            self._versions[buffer] = saved.version
        self._on_saved(Saved(buffer, saved, text.body))
