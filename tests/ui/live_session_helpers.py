"""Opening the live session and reading it as a person would, for the live-session tests."""

from __future__ import annotations

from textual.widgets import Tab, TextArea

from rm_tui.store import Store
from screens.live_session import SAVE_DELAY, LiveSessionScreen
from tests.conftest import draft


def plan_meeting(store: Store) -> tuple[int, int, list[int]]:
    """A planned session of three items, its ground rules already seen: (mentorship, session, items)."""
    mentorship = store.create_mentorship(draft(mentor="Sam Ortiz", cadence_days=14))
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    items = [
        store.add_agenda_item(session, title=title, proposed_by=who, minutes=minutes, prompt=prompt)
        for title, who, minutes, prompt in (
            ("A real task in Notion", "leader", 15, "Plan a week with me"),
            ("A creator I [really] rate", "mentor", 10, ""),
            ("Our all-hands", "leader", 15, ""),
        )
    ]
    return mentorship, session, items


async def open_live(pilot) -> LiveSessionScreen:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    assert isinstance(pilot.app.screen, LiveSessionScreen)
    return pilot.app.screen


async def wait_for_autosave(pilot) -> None:
    """Past the snapshot delay, then until the writer thread is done."""
    await pilot.pause(SAVE_DELAY + 0.15)
    assert pilot.app.autosaver.flush()
    await pilot.pause()


def bodies(store: Store, session_id: int, item_id: int | None) -> list[tuple[str, str, str]]:
    return [(n.author, n.visibility, n.body) for n in store.notes(session_id, item_id, "leader")]


def editor(app) -> TextArea:
    """The note editor on screen."""
    return app.screen.query_one("#editor", TextArea)


def tab_labels(app, *, shown_only: bool = False) -> list[str]:
    """The note tabs' labels, left to right; `shown_only`: those on screen (a lone note has no tabs)."""
    return [str(tab.label) for tab in app.screen.query(Tab) if tab.region.area or not shown_only]


def drawn_row(container) -> str:
    """The first line `container` draws on screen, as a person reads it: each widget in
    it that shows, at its place, with nothing cut or added beyond what is drawn."""
    from textual.geometry import Region

    row = [" "] * container.region.width
    for widget in [container, *container.query("*")]:
        region = widget.region
        if not widget.display or not region.area or widget.children:
            continue
        strip = widget.render_lines(Region(0, 0, region.width, 1))[0]
        start = region.x - container.region.x
        row[start:start + len(strip.text)] = list(strip.text)
    return "".join(row).rstrip()
