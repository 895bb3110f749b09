"""Starting the app the way the CLI does, on a test database with a fixed date."""

from __future__ import annotations

from pathlib import Path

from rm_tui.app import RmTuiApp, make_app
from tests.conftest import TODAY, FakeClock

SIZE = (120, 36)


def open_app(
    db_path: Path,
    topics_dir: Path | None = None,
    role: str = "leader",
    clock: FakeClock | None = None,
    only: str | None = None,
) -> RmTuiApp:
    return make_app(
        db_path, role=role, today=lambda: TODAY, now=clock or FakeClock(), topics_dir=topics_dir,  # type: ignore[arg-type]
        only=only,
    )


def screen_text(app: RmTuiApp) -> str:
    """What a person would read on screen right now (no styling)."""
    from textual.widgets import DataTable, OptionList, Static

    from widgets.row_list import RowList

    parts: list[str] = []
    for widget in app.screen.query("*"):
        if isinstance(widget, DataTable):
            for row in range(widget.row_count):
                parts.append(" | ".join(str(c) for c in widget.get_row_at(row)))
        elif isinstance(widget, RowList):
            parts += [" | ".join(row) for row in widget.row_texts()]
        elif isinstance(widget, OptionList):
            parts += [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]
        elif isinstance(widget, Static) and widget.display:
            parts.append(str(widget.render()))
    return "\n".join(parts)


async def open_screen(pilot, key: str, screen_type: type):
    """Press `key` once the app is settled, and return the screen it opened (checked to be a `screen_type`)."""
    await pilot.pause()
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(pilot.app.screen, screen_type)
    return pilot.app.screen


def toasts(app: RmTuiApp) -> str:
    """The notifications on screen, as read (the app must run with notifications=True)."""
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


async def type_into(pilot, **values: str) -> None:
    """Clear each named Input and type into it key by key, as a person would."""
    from textual.widgets import Input

    for field, value in values.items():
        widget = pilot.app.screen.query_one(f"#{field}", Input)
        widget.focus()
        widget.value = ""
        if value:
            await pilot.press(*value)
    await pilot.pause()


async def run_from_palette(pilot, words: str) -> None:
    """Open the command palette, type `words` and run the first command it offers."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*words)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause(0.3)


def footer_keys(screen) -> list[tuple[str, str, bool, int, int]]:
    """The footer's keys as shown, left to right: (key, "key word" as read, works now, first column, end column).

    The main screens' footer (widgets.key_footer) says what it shows; the dialogs keep
    Textual's, whose keys are widgets (FooterKey, found by CSS type name: its class is private).
    """
    from widgets.key_footer import KeyFooter

    for footer in screen.query(KeyFooter):
        return [(k.key, f"{k.display} {k.description}".strip(), k.enabled, k.start, k.end) for k in footer.shown]
    keys = sorted(screen.query("FooterKey"), key=lambda key: key.region.x)
    return [(key.key, " ".join(str(key.render()).split()), not key.has_class("-disabled"), key.region.x,
             key.region.right) for key in keys if key.region.width]
