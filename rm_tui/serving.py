"""`rm-tui serve`: where the mentor's page listens, what it shares, and who may see it.

The server itself (textual-serve, which runs Textual) is rm_tui.web; this module
holds the rules, so they are tested without a server. Every browser tab that opens
the page gets its own `rm-tui --as mentor` process on
the same database file, so it stays in step with the leader's window like a second
terminal would. The page is for the mentor alone: every request must carry the
secret printed with the address (the first one in the URL, later ones in a cookie
the first sets), on loopback too, since other local users and any web page open
in the browser can reach loopback addresses.
"""

from __future__ import annotations

import errno
import ipaddress
import secrets
import shlex
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from .errors import RmTuiError, ValidationError
from .store import Store

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
TOKEN_PARAM = "token"
TOKEN_COOKIE = "rm_tui_token"


class ServeRefused(RmTuiError):
    """The page cannot be served at that address."""


@dataclass(frozen=True)
class ServeAddress:
    """Where the page listens, and the address to share (with its secret)."""

    host: str
    port: int
    token: str

    @property
    def base_url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def share_url(self) -> str:
        return f"{self.base_url}/?{TOKEN_PARAM}={self.token}"

    @property
    def is_loopback(self) -> bool:
        return self.host == "localhost" or _ip(self.host).is_loopback


def serve_address(host: str, port: int, token: str | None = None) -> ServeAddress:
    """Check the address to listen on; raises ValidationError with a one-line reason.

    A wildcard such as 0.0.0.0 is refused: the page's own links are built from the
    host, so it must be the address the mentor's browser will use.
    """
    host = host.strip().strip("[]")
    if not 1 <= port <= 65535:
        raise ValidationError("port", f"--port must be between 1 and 65535, not {port}")
    if host != "localhost":
        try:
            address = _ip(host)
        except ValueError:
            raise ValidationError("host", f"--host must be an IP address of this computer, not {host!r}") from None
        if address.is_unspecified:
            found = network_address()
            raise ValidationError(
                "host", f"--host {host} listens everywhere; give the address the mentor's browser will use: "
                "this computer's address on your network" + (f", {found}" if found else "")
            )
    return ServeAddress(host, port, token or secrets.token_urlsafe(18))


def network_address() -> str | None:
    """This computer's IPv4 address on its network, for the hint; None when it has none.

    Connecting a UDP socket sends nothing: it only asks the system which address
    it would send from on its default route (192.0.2.1 is an address for examples).
    """
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("192.0.2.1", 9))
            found = _ip(probe.getsockname()[0])
    except (OSError, ValueError):
        return None
    return None if found.is_loopback or found.is_unspecified else str(found)


def serve_command(db_path: Path | None, mentorship: str | None, port: int) -> list[str]:
    """The words of an `rm-tui serve` run with these choices, for the hint to show with --host."""
    command = ["rm-tui", *(["--db", str(db_path)] if db_path is not None else []), "serve"]
    command += ["--mentorship", mentorship] if mentorship else []
    return command + (["--port", str(port)] if port != DEFAULT_PORT else [])


def how_to_reach(address: ServeAddress, network_host: str | None, command: list[str]) -> list[str]:
    """What to print beside the address: who can open it, and how the mentor's computer can.

    On loopback only a browser on this computer gets in, which surprises whoever
    sends the link to a mentor at their own desk: say so, and the command that lets
    them in (`command`: the one that was run, without its --host).
    """
    if not address.is_loopback:
        return ["Anyone with this link can open the mentor's view: send it to the mentor alone."]
    again = shlex.join([*command, "--host", network_host or "ADDRESS"])
    lines = [
        "Only a browser on this computer can open it. For the mentor's own computer,",
        "stop and serve on your network address (that link holds a secret too):",
        f"  {again}",
    ]
    if network_host is None:
        lines.append("  (ADDRESS: this computer's address on your network, in its network settings)")
    return lines


def check_can_listen(address: ServeAddress) -> None:
    """Bind the address for a moment, so a port in use is one clear line before anything starts."""
    family = socket.AF_INET6 if ":" in address.host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
        try:
            probe.bind((address.host, address.port))
        except OSError as error:
            hint = "; choose another with --port" if error.errno == errno.EADDRINUSE else ""
            raise ServeRefused(f"cannot listen on {address.base_url}: {error.strerror}{hint}") from None


@dataclass(frozen=True)
class SharedMentorship:
    id: int
    mentor: str


def choose_shared_mentorship(store: Store, wanted: str | None) -> SharedMentorship:
    """The mentorship a page shows: the one named, else the only active one."""
    if wanted:
        chosen = store.get_mentorship(store.find_mentorship(wanted))
        return SharedMentorship(chosen.id, chosen.mentor)
    active = [o.mentorship for o in store.list_mentorships()]
    if len(active) == 1:
        return SharedMentorship(active[0].id, active[0].mentor)
    if not active:
        raise ServeRefused("there is no mentorship to share yet: set one up in rm-tui first")
    names = ", ".join(f"{m.mentor} (id {m.id})" for m in active)
    raise ServeRefused(f"you have several mentorships; say which to share with --mentorship: {names}")


def mentor_command(db_path: Path, mentorship_id: int) -> str:
    """The command each browser tab runs: this rm-tui, the mentor's view of one mentorship."""
    return shlex.join([sys.executable, "-m", "rm_tui", "--db", str(db_path), "--as", "mentor",
                       "--only", str(mentorship_id)])


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    return ipaddress.ip_address(host)
