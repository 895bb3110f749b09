"""A real browser for end-to-end tests: Debian's Chromium, headless, driven by Playwright.

The served page draws its terminal on a canvas, so there is no text in the page to
read. What the page shows is what its terminal was sent: every frame the browser
receives over the page's websocket is fed to a terminal emulator (pyte) sized as
the page asked, and its screen is what the test reads.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import WebSocket

CHROMIUM = "/usr/bin/chromium"
# Headless and quiet: no sandbox (CI runs as root), no GPU, and no calls home, which a
# closed network would refuse over and over.
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> None:
    if shutil.which(CHROMIUM) is None:
        if os.environ.get("CI"):
            pytest.fail("CI must provide chromium (.ci/run installs Debian's package)")
        pytest.skip("needs Debian's chromium")


class BrowserPage:
    """One headless Chromium tab on a URL, with the terminal it shows read back as text."""

    def __init__(self, url: str, profile: Path, viewport: tuple[int, int] = (1300, 800)) -> None:
        import pyte
        from playwright.sync_api import sync_playwright

        self._screen = pyte.Screen(80, 24)
        self._stream = pyte.ByteStream(self._screen)
        self._playwright = sync_playwright().start()
        self._context = self._playwright.chromium.launch_persistent_context(
            str(profile),  # a fresh, empty profile every time
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_FLAGS,
            viewport={"width": viewport[0], "height": viewport[1]},
        )
        self.page = self._context.pages[0] if self._context.pages else self._context.new_page()
        self.page.on("websocket", self._watch)
        self.response = self.page.goto(url)

    def _watch(self, websocket: WebSocket) -> None:
        websocket.on("framereceived", self._received)
        websocket.on("framesent", self._sent)

    def _received(self, payload: bytes | str) -> None:
        if isinstance(payload, bytes):
            self._stream.feed(payload)

    def _sent(self, payload: bytes | str) -> None:
        if isinstance(payload, str) and payload.startswith('["resize"'):
            size = json.loads(payload)[1]
            self._screen.resize(size["height"], size["width"])

    def text(self) -> str:
        return "\n".join(line.rstrip() for line in self._screen.display)

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)  # lets Playwright deliver the frames received
            shown = self.text()
            if text in shown:
                return shown
        raise AssertionError(f"{text!r} never appeared in the browser; it showed:\n{self.text()}")

    def wait_for_cursor(self, before: str, timeout: float = 30.0) -> str:
        """Wait until the page's terminal cursor stands at the start of `before`: see Terminal.wait_for_cursor."""
        deadline = time.monotonic() + timeout
        while True:
            self.page.wait_for_timeout(50)
            x, y = self._screen.cursor.x, self._screen.cursor.y
            line = self._screen.display[y] if y < len(self._screen.display) else ""
            if any(line[at:].startswith(before) for at in {x, max(x - 1, 0)}):
                return self.text()
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"the cursor never stood at {before!r} in the browser; it is at column {x} of\n{line!r}\n"
                    f"and the page showed:\n{self.text()}"
                )

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)
            self.page.wait_for_timeout(50)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text, delay=30)

    def close(self) -> None:
        self._context.close()
        self._playwright.stop()
