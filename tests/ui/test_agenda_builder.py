"""The agenda builder, driven as a leader and mentor would: keys and mouse."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList

from rm_tui.store import Store
from screens.agenda_builder import AgendaBuilderScreen
from screens.ground_rules import GroundRulesScreen
from screens.item_form import ItemFormScreen
from screens.placeholder_form import PlaceholderFormScreen
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text, type_into


async def open_builder(pilot) -> AgendaBuilderScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    if isinstance(pilot.app.screen, GroundRulesScreen):
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(pilot.app.screen, AgendaBuilderScreen)
    return pilot.app.screen


def agenda_titles(store: Store, mentorship_id: int) -> list[tuple[str, str]]:
    session = store.upcoming_session(mentorship_id)
    assert session is not None
    return [(i.title, i.proposed_by) for i in store.agenda(session.id)]


async def add_free_item(pilot, title: str, minutes: str = "10") -> None:
    await pilot.press("ctrl+n")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ItemFormScreen)
    await type_into(pilot, title=title, minutes=minutes)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_rules_show_once_per_session_and_on_a_key(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, GroundRulesScreen)
        assert "You carry the admin." in screen_text(app)
        await pilot.press("escape", "escape")  # close the rules, leave the builder
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)  # not shown a second time
        await pilot.press("ctrl+g")
        await pilot.pause()
        assert isinstance(app.screen, GroundRulesScreen)


async def test_fill_placeholders_see_the_prompt_and_credit_the_speaker(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        builder.query_one("#search", Input).value = "real task"
        await pilot.pause()
        builder.query_one("#library").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlaceholderFormScreen)
        await pilot.press(*"Figma")
        await pilot.pause()
        preview = str(app.screen.query_one("#fill-preview").render())
        assert "A real task in Figma" in preview and "[Tool]" not in preview
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("f4")  # now the mentor proposes
        await add_free_item(pilot, "A creator I [really] rate")
        text = screen_text(app)
        assert "A real task in Figma, start to finish  · leader" in text
        assert "A creator I [really] rate  · mentor" in text
    assert agenda_titles(store, mentorship) == [
        ("A real task in Figma, start to finish", "leader"),
        ("A creator I [really] rate", "mentor"),
    ]


async def test_an_empty_item_title_is_refused(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        await add_free_item(pilot, "   ")
        assert isinstance(app.screen, ItemFormScreen)
        assert "cannot be empty" in str(app.screen.query_one("#error").render())
    assert agenda_titles(store, mentorship) == []


async def test_reorder_by_keys_and_mouse_remove_and_undo(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        for title in ("First", "Second", "Third"):
            await add_free_item(pilot, title, "20")
        assert "60 of 45 min" in screen_text(app) and "15 min over" in screen_text(app)
        agenda = builder.query_one("#agenda", OptionList)
        agenda.focus()
        agenda.highlighted = 2
        await pilot.press("ctrl+up")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["First", "Third", "Second"]
        await pilot.click("#up")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["Third", "First", "Second"]
        await pilot.click("#down")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["First", "Third", "Second"]
        agenda.focus()
        await pilot.press("delete")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["First", "Second"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["First", "Third", "Second"]


async def test_carried_and_stale_items_are_marked(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    for _ in range(4):
        session = store.plan_session(mentorship)
        if not store.agenda(session):
            store.add_agenda_item(session, title="Try the AI note-taker", proposed_by="mentor")
        store.set_session_status(session, "held")
    store.plan_session(mentorship)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        text = screen_text(app)
        assert "Try the AI note-taker  · mentor  ↻4  STALE: do it or drop it" in text


async def test_rules_at_session_start_can_be_turned_off_in_settings(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        (command,) = [c for c in app.get_system_commands(app.screen) if c.title.startswith("Settings: ground rules")]
        assert command.title.endswith("(on)")
        command.callback()
        await pilot.pause()
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)  # no rules dialog this time
    assert store.setting("rules.show_at_session_start") == "no"


async def test_edit_an_item_and_a_bad_minutes_value_changes_nothing(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        await add_free_item(pilot, "Draft title", "10")
        builder.query_one("#agenda").focus()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert isinstance(app.screen, ItemFormScreen)
        assert app.screen.query_one("#title", Input).value == "Draft title"
        app.screen.query_one("#minutes", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "between 1 and 240" in str(app.screen.query_one("#error").render())
        assert store.agenda(store.upcoming_session(mentorship).id)[0].minutes == 10
        app.screen.query_one("#minutes", Input).value = "25"
        app.screen.query_one("#title", Input).value = "Final title"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Final title" in screen_text(app) and "25 of 45 min" in screen_text(app)


async def test_the_palette_adds_the_highlighted_topic_after_showing_it(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        builder.query_one("#search", Input).value = "real task"
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Add topic")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        assert isinstance(app.screen, PlaceholderFormScreen)  # shown before it goes in, never added blind
        assert agenda_titles(store, mentorship) == []
        await pilot.press(*"Excel", "enter")
        await pilot.pause()
    assert agenda_titles(store, mentorship) == [("A real task in Excel, start to finish", "leader")]
