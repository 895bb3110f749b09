"""The server of `rm-tui serve`: textual-serve, refusing every request without the secret.

Only `rm-tui serve` imports this module, so opening the app never pays for a web
server (textual-serve and aiohttp load here, nowhere else). The rules it keeps (where
it listens, what it shares, the command each tab runs) live in the core, in
rm_tui.serving, where they are tested without a server.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import secrets
import signal
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

from aiohttp.web import Application, HTTPForbidden, Request, StreamResponse, middleware, run_app
from textual_serve.server import Server

from .passphrase import KEY_ENV
from .serving import (
    TOKEN_COOKIE,
    TOKEN_PARAM,
    ServeAddress,
    SharedMentorship,
    how_to_reach,
    mentor_command,
    network_address,
)
from .store.driver import Key

Handler = Callable[[Request], Awaitable[StreamResponse]]


class MentorServer(Server):
    """textual-serve's server, refusing every request that lacks the secret."""

    def __init__(
        self, db_path: Path, shared: SharedMentorship, address: ServeAddress, *, say: Callable[[str], object],
        command: list[str] | None = None, key: Key | None = None,
    ) -> None:
        super().__init__(
            mentor_command(db_path, shared.id),
            host=address.host,
            port=address.port,
            title="rm-tui · mentor's view",
            public_url=address.base_url,
        )
        self.db_path = db_path
        self.shared = shared
        self.address = address
        self.say = say
        self.key = key
        """An encrypted database's raw key, for the tabs' processes (see serve)."""
        self.serve_command = command or ["rm-tui", "serve"]
        """How this server was started, without --host: the hint shows it with one."""
        self._sessions: set[asyncio.Task[object]] = set()

    def initialize_logging(self) -> None:
        # Request logs would print the secret; problems still show.
        logging.basicConfig(level=logging.WARNING, format="rm-tui serve: %(message)s")

    async def _make_app(self) -> Application:
        app = await super()._make_app()
        app.middlewares.append(self._require_token)
        return app

    @middleware
    async def _require_token(self, request: Request, handler: Handler) -> StreamResponse:
        given = request.query.get(TOKEN_PARAM) or request.cookies.get(TOKEN_COOKIE) or ""
        if not secrets.compare_digest(given.encode(), self.address.token.encode()):
            raise HTTPForbidden(text="rm-tui: this page needs the secret link that `rm-tui serve` printed.\n")
        if request.path == "/ws":
            # A browser tab's whole visit: its own rm-tui runs until this returns.
            task = asyncio.current_task()
            assert task is not None
            self._sessions.add(task)
            try:
                return await handler(request)
            finally:
                self._sessions.discard(task)
        response = await handler(request)
        if request.query.get(TOKEN_PARAM) and not response.prepared:
            # The page's scripts, styles and terminal connection come without the
            # query string: the cookie carries the secret for them.
            response.set_cookie(TOKEN_COOKIE, self.address.token, httponly=True, samesite="Strict", path="/")
        return response

    async def on_shutdown(self, app: Application) -> None:
        """Ctrl+C: end every open tab's visit, which quits its rm-tui, before stopping.

        Without this the server would wait for the browsers to hang up first.
        """
        for task in self._sessions:
            task.cancel()
        await asyncio.gather(*self._sessions, return_exceptions=True)

    def serve(self, debug: bool = False) -> None:
        """Listen until Ctrl+C, and say the address only once the port takes connections.

        textual-serve's own serve() announces from on_startup, which aiohttp runs
        before it binds the port: whoever opened the address at once was refused.
        aiohttp calls run_app's `print` once every site listens, so the address is
        said from there.
        """
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        loop.add_signal_handler(signal.SIGINT, self.request_exit)
        loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        with _key_for_tabs(self.key):
            run_app(self._make_app(), host=self.host, port=self.port, handle_signals=False, loop=loop,
                    print=lambda *_: self.announce())

    async def on_startup(self, app: Application) -> None:
        """Nothing to say yet: aiohttp runs this before the port listens (see serve)."""

    def announce(self) -> None:
        self.say(f"Serving {self.shared.mentor}'s view of your mentorship, from {self.db_path}")
        self.say(f"Share this address with your mentor: {self.address.share_url}")
        network_host = network_address() if self.address.is_loopback else None
        for line in how_to_reach(self.address, network_host, self.serve_command):
            self.say(f"  {line}")
        self.say("Press Ctrl+C to stop.")


@contextlib.contextmanager
def _key_for_tabs(key: Key | None) -> Iterator[None]:
    """While serving, the raw key of an encrypted database is in this process's environment.

    Each tab's rm-tui is a child that textual-serve starts with a shell command and
    this process's environment, and nothing else: no spare file descriptor reaches it.
    A command line is readable by every user of the machine (ps), an environment only
    by the same user, so the key goes there: the raw key, never the passphrase, and
    each child takes it out of its own environment at once (rm_tui.passphrase), so
    nothing the child starts inherits it.
    """
    if key is None:
        yield
        return
    os.environ[KEY_ENV] = key.hex()
    try:
        yield
    finally:
        os.environ.pop(KEY_ENV, None)


def mentor_server(
    db_path: Path, shared: SharedMentorship, address: ServeAddress, say: Callable[[str], object],
    command: list[str] | None = None, key: Key | None = None,
) -> MentorServer:
    """The server for `rm-tui serve`; its `serve()` runs until Ctrl+C. `key` opens an encrypted database."""
    return MentorServer(db_path, shared, address, say=say, command=command, key=key)
