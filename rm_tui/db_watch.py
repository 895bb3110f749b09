"""Noticing another process's commit as it lands, by watching the database's files.

In WAL mode SQLite appends every commit to the -wal file beside the database (and
copies it into the database itself at a checkpoint); SQLCipher does the same with
its pages encrypted. So a change to either file is the moment another window wrote.
`DbWatch` runs watchfiles on the database's folder (not its subfolders) on a thread
of its own and calls `on_change` from that thread. What the change means is for the
caller to check (the app compares SQLite's data_version, which costs microseconds),
so a spurious call, e.g. for this process's own write, does no harm.

Watching cannot always work: a network drive may never report another machine's
writes, and the watch itself may fail to start (the folder is gone, the system's
limit on watches is reached). The caller keeps polling data_version, slowly, for the
first case; for the second, `on_failure` is called (from the thread) with the error.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

STEP_MS = 20
"""How often watchfiles looks at what the system reported, in ms: a change is seen
within one to two steps. Each look is a wake-up costing a few microseconds."""

STOP_TIMEOUT_SECONDS = 2.0


class DbWatch:
    """Calls `on_change` (from its own thread) soon after the database's file or its -wal changes."""

    def __init__(
        self,
        db_path: Path | str,
        on_change: Callable[[], object],
        on_failure: Callable[[Exception], object] | None = None,
        *,
        step_ms: int = STEP_MS,
    ) -> None:
        path = Path(db_path).resolve()
        self.folder = path.parent
        self.names = frozenset({path.name, f"{path.name}-wal"})
        self.on_change = on_change
        self.on_failure = on_failure
        self.step_ms = step_ms
        self._stop = threading.Event()
        self.watching = threading.Event()
        """Set once the folder is being watched (a commit from then on is reported)."""
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        """Whether the watching thread is alive (it ends on stop() or when watching fails)."""
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._thread is not None:
            return
        self._thread = threading.Thread(target=self._watch, name="rm-tui database watch", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and wait for the thread to end (within a step or two)."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(STOP_TIMEOUT_SECONDS)

    def _watch(self) -> None:
        try:
            # Imported here, on this thread: it loads anyio and more (about 40 ms),
            # which the app's first screen should not wait for.
            from watchfiles import watch

            for _ in watch(
                self.folder,
                watch_filter=lambda _change, path: Path(path).name in self.names,
                debounce=self.step_ms * 5,  # a burst of writes is reported at most this late
                step=self.step_ms,
                stop_event=_StopAsked(self._stop, self.watching, self.on_change),
                recursive=False,
                rust_timeout=0,  # no periodic timeouts: the stop event is checked every step anyway
            ):
                self.on_change()
        except (OSError, RuntimeError) as error:  # the folder is gone, the system's watches ran out, ...
            # A failed watch must not end the app: its caller polls instead.
            if self.on_failure is not None and not self._stop.is_set():
                self.on_failure(error)


class _StopAsked:
    """The stop event watchfiles asks at every step; its first question says the watch is on.

    watchfiles asks only from inside its loop, once the folder is watched. A commit
    made before that moment went unseen, so `on_change` is called then, once: a look
    that finds nothing new costs nothing.
    """

    def __init__(self, stop: threading.Event, watching: threading.Event, on_change: Callable[[], object]) -> None:
        self.stop, self.watching, self.on_change = stop, watching, on_change

    def is_set(self) -> bool:
        if not self.watching.is_set():
            self.watching.set()
            self.on_change()
        return self.stop.is_set()
