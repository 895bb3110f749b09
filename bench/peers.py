"""Other Textual apps, timed to their first screen beside the bare app, where they are installed.

    python bench/peers.py

Says which peers the bench would time and where it found them, or why not.
A peer depends on its own Textual, so it never goes into rm-tui's venv: install it
in a venv of its own and name its executable, for example

    python3 -m venv ~/peers/dooit && ~/peers/dooit/bin/pip install dooit
    export RM_TUI_BENCH_DOOIT=~/peers/dooit/bin/dooit

(or have `dooit` on PATH). A peer that is not found is skipped, with that advice.
Each start gets a new, empty home, data, config and cache folder, so a peer starts
as on its first day and never sees the user's own data.
"""

from __future__ import annotations

import os
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Peer:
    name: str  # its command and its package on PyPI
    variable: str  # the environment variable naming its executable
    marker: str  # text on its first screen: the clock stops when it shows


PEERS = (
    Peer("dooit", "RM_TUI_BENCH_DOOIT", "Welcome to Dooit!"),
)


def find(peer: Peer) -> tuple[Path | None, str]:
    """The peer's executable, or None and why it is skipped."""
    named = os.environ.get(peer.variable)
    if named:
        path = Path(named).expanduser()
        if path.is_file() and os.access(path, os.X_OK):
            return path, ""
        return None, f"skipped: {peer.variable}={named} is not an executable"
    found = shutil.which(peer.name)
    if found:
        return Path(found), ""
    return None, (f"skipped: {peer.name} not installed (pip install {peer.name} in a venv of its own, "
                  f"then {peer.variable}=/path/to/venv/bin/{peer.name})")


def installed() -> dict[Peer, Path]:
    """The peers found, each with its executable."""
    found = {peer: find(peer)[0] for peer in PEERS}
    return {peer: path for peer, path in found.items() if path is not None}


def command(executable: Path, home: Path) -> str:
    """A shell command starting the peer in `home`, made new and empty, its folders all inside it."""
    folders = {"XDG_DATA_HOME": home / "data", "XDG_CONFIG_HOME": home / "config", "XDG_CACHE_HOME": home / "cache"}
    for folder in folders.values():
        folder.mkdir(parents=True)
    env = " ".join(f"{name}={shlex.quote(str(folder))}" for name, folder in folders.items())
    return f"HOME={shlex.quote(str(home))} {env} {shlex.quote(str(executable))}"


def main() -> None:
    for peer in PEERS:
        path, why = find(peer)
        print(f"{peer.name:10}{path if path else why}")


if __name__ == "__main__":
    main()
