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
from tests.ui.helpers import SIZE, open_app, run_from_palette, screen_text, toasts, type_into


async def open_builder(pilot) -> AgendaBuilderScreen:
    await pilot.pause()
    await pilot.press("s")
    await pilot.pause()
    if isinstance(pilot.app.screen, GroundRulesScreen):
        await pilot.press("escape")
        await pilot.pause()
    assert isinstance(pilot.app.screen, AgendaBuilderScreen)
    return pilot.app.screen


async def search_library(pilot, builder: AgendaBuilderScreen, words: str) -> None:
    """Narrow the topic library to `words`, the list keeping the keyboard."""
    builder.query_one("#search", Input).value = words
    await pilot.pause()
    builder.query_one("#library").focus()


def agenda_lines(builder: AgendaBuilderScreen) -> list[str]:
    """Each agenda item as one line of text, however the pane wraps it."""
    agenda = builder.query_one("#agenda", OptionList)
    return [str(agenda.get_option_at_index(i).prompt).replace("\n", "") for i in range(agenda.option_count)]


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
        await search_library(pilot, builder, "real task")
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
        text = "\n".join(agenda_lines(builder))
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


def stale_agenda(store: Store) -> tuple[int, int]:
    """Four held meetings that never reached an item or a follow-up; the fifth is planned."""
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="Try the AI note-taker", proposed_by="mentor")
    follow_up = store.add_follow_up(mentorship, title="Send the deck", owner="mentor", due=None, session_id=session)
    for _ in range(4):
        store.set_session_status(session, "held")
        session = store.plan_session(mentorship)
    return mentorship, follow_up


async def test_carried_and_stale_items_are_marked(db_path: Path, store: Store) -> None:
    stale_agenda(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        text = "\n".join(agenda_lines(await open_builder(pilot)))
        assert "Try the AI note-taker  · mentor  ↻4  STALE: do it or drop it" in text
        assert "Follow-up: Send the deck  · mentor  ↻4  STALE" in text


async def test_a_stale_item_is_done_or_dropped_with_one_key_and_undone(db_path: Path, store: Store) -> None:
    mentorship, follow_up = stale_agenda(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        await pilot.press("k", "x")  # the library has the keyboard: neither touches the agenda
        await pilot.pause()
        assert [i.is_stale for i in store.agenda(store.upcoming_session(mentorship).id)] == [True, True]
        agenda = builder.query_one("#agenda", OptionList)
        agenda.focus()
        agenda.highlighted = 1  # the note-taker
        await pilot.press("k")
        await pilot.pause()
        assert agenda_lines(builder)[1].endswith("Try the AI note-taker  · mentor  ↻4")  # no longer stale
        agenda.highlighted = 0  # the follow-up
        await pilot.press("x")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["Try the AI note-taker"]
        assert store.get_follow_up(follow_up).status == "dropped"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [t for t, _ in agenda_titles(store, mentorship)] == ["Follow-up: Send the deck", "Try the AI note-taker"]
        assert store.get_follow_up(follow_up).status == "open"


async def test_delete_never_removes_an_item_while_the_library_has_the_keyboard(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        await add_free_item(pilot, "Keep me")
        builder.query_one("#library").focus()
        await pilot.press("delete")
        await pilot.pause()
        assert agenda_titles(store, mentorship) == [("Keep me", "leader")]
        assert "tab to the agenda first" in toasts(app)


async def test_a_new_item_is_highlighted_where_it_lands(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        for title in ("First", "Second", "Third"):
            await add_free_item(pilot, title, "5")
        await pilot.pause(0.3)
        agenda = builder.query_one("#agenda", OptionList)
        assert agenda.highlighted == 2 and "Third" in str(agenda.get_option_at_index(2).prompt)


async def test_change_the_session_refuse_a_bad_length_then_call_it_off(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        session = store.upcoming_session(mentorship)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await type_into(pilot, scheduled_on="2026-12-03", minutes="0")
        await pilot.press("enter")
        await pilot.pause()
        assert "between 5 and 480" in screen_text(app)
        assert store.get_session(session.id) == session  # nothing changed
        await type_into(pilot, minutes="60")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen) and "Thu 03 Dec 2026 · 60 min" in screen_text(app)
        await pilot.press("ctrl+l")
        await pilot.pause()
        await pilot.click("#call-off")
        await pilot.pause()
        assert store.get_session(session.id).status == "cancelled"
        assert not isinstance(app.screen, AgendaBuilderScreen)  # back to the mentorships


async def test_coverage_counts_this_agenda_and_says_when_nothing_was_held(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        coverage = str(builder.query_one("#coverage").render())
        assert coverage.startswith("No sessions held yet + this agenda: ✗ Tech")
        await search_library(pilot, builder, "real task")
        await pilot.press("enter", "enter")
        await pilot.pause()
        coverage = str(builder.query_one("#coverage").render())
        assert "✓ Tech" in coverage and "Try: Technology" not in coverage


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
        await search_library(pilot, builder, "real task")
        await run_from_palette(pilot, "Add topic")
        assert isinstance(app.screen, PlaceholderFormScreen)  # shown before it goes in, never added blind
        assert agenda_titles(store, mentorship) == []
        await pilot.press(*"Excel", "enter")
        await pilot.pause()
    assert agenda_titles(store, mentorship) == [("A real task in Excel, start to finish", "leader")]


async def test_typing_in_the_library_list_searches_it(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        assert app.focused is builder.query_one("#library")
        await pilot.press(*"video")
        await pilot.pause()
        assert builder.query_one("#search", Input).value == "video"
        library = builder.query_one("#library", OptionList)
        shown = [str(library.get_option_at_index(i).prompt) for i in range(library.option_count)]
        assert 0 < len(shown) < 10 and any("short video" in line for line in shown)  # 48 topics, narrowed


async def test_ctrl_z_undoes_a_do_it_too_and_says_when_nothing_is_left(db_path: Path, store: Store) -> None:
    mentorship, _ = stale_agenda(store)
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        agenda = builder.query_one("#agenda", OptionList)
        agenda.focus()
        agenda.highlighted = 1  # the note-taker
        await pilot.press("k")
        await pilot.pause()
        assert [i.is_stale for i in store.agenda(store.upcoming_session(mentorship).id)] == [True, False]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [i.is_stale for i in store.agenda(store.upcoming_session(mentorship).id)] == [True, True]
        assert "Stale again: Try the AI note-taker" in toasts(app)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in toasts(app)


def burst(app, *keys: str) -> None:
    """Keys sent all at once, as a script (or a fast typist) sends them: none waits for the one before."""
    from textual import events

    names = {"enter": "\r", "space": " ", "backspace": "\x7f", "down": None, "up": None}
    for key in keys:
        app.post_message(events.Key(key, names.get(key, key)))


def prompts(store: Store, mentorship_id: int) -> list[tuple[str, str]]:
    session = store.upcoming_session(mentorship_id)
    assert session is not None
    return [(i.title, i.prompt) for i in store.agenda(session.id)]


async def test_enter_in_the_search_adds_the_top_hit_after_its_placeholders(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        await pilot.press("slash", *"job ad", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlaceholderFormScreen)  # the form comes first, as from the list
        assert "Add to the agenda: Our job ad, read by a candidate" in screen_text(app)
        await pilot.press(*"Designer", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)
    ((title, prompt),) = prompts(store, mentorship)
    assert title == "Our job ad, read by a candidate" and "our posting for Designer as if" in prompt


async def test_enter_in_a_search_that_finds_nothing_says_so_and_adds_nothing(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_builder(pilot)
        await pilot.press("slash", *"zzqx", "enter")
        await pilot.pause()
        assert isinstance(app.screen, AgendaBuilderScreen)
        assert "No topic matches the search" in toasts(app)
    assert prompts(store, mentorship) == []


async def test_down_from_the_search_then_enter_adds_the_top_hit(db_path: Path, store: Store) -> None:
    app = open_app(db_path)
    store.create_mentorship(draft())
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        await pilot.press("slash", *"job ad", "down")
        await pilot.pause()
        assert app.focused is builder.query_one("#library")
        await pilot.press("enter")  # the first enter counts
        await pilot.pause()
        assert isinstance(app.screen, PlaceholderFormScreen)
        assert "Add to the agenda: Our job ad, read by a candidate" in screen_text(app)


async def test_space_backspace_and_up_in_the_list_go_to_the_search(db_path: Path, store: Store) -> None:
    store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        builder = await open_builder(pilot)
        search = builder.query_one("#search", Input)
        library = builder.query_one("#library", OptionList)
        await pilot.press(*"job", "space", "a", "d", "x")
        builder.query_one("#library").focus()
        await pilot.pause()
        await pilot.press("backspace")
        await pilot.pause()
        assert search.value == "job ad" and app.focused is search
        library.focus()
        await pilot.pause()
        await pilot.press("up")  # up on the top hit: back to the search
        await pilot.pause()
        assert app.focused is search


async def test_keys_sent_in_one_burst_land_where_they_were_meant(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)  # the library list has the keyboard
        burst(app, *"job", "space", "a", "d", "enter", *"Designer", "enter")
        await pilot.pause(0.5)
        assert isinstance(app.screen, AgendaBuilderScreen)
        # A topic with two fields: enter in the first moves on before the next letters arrive.
        app.screen.query_one("#search", Input).value = ""
        await pilot.pause()
        burst(app, *"backfired", "enter", *"Threads", "enter", *"Rebrand", "enter")
        await pilot.pause(0.5)
    assert [title for title, _ in prompts(store, mentorship)] == [
        "Our job ad, read by a candidate", "A brand post that backfired",
    ]
    (_, job_ad), (_, backfired) = prompts(store, mentorship)
    assert "our posting for Designer as if" in job_ad
    assert "Find a brand post on Threads that went badly, such as Rebrand." in backfired


async def test_topics_on_the_agenda_are_marked_and_adding_one_again_says_so(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        builder = await open_builder(pilot)
        await pilot.press("slash", *"real task", "enter")
        await pilot.pause()
        assert "Already on the agenda" not in screen_text(app)
        await pilot.press(*"Figma", "enter")
        await pilot.pause()
        library = builder.query_one("#library", OptionList)
        marked = "Tech   A real task in [Tool], start to finish  15m  ✓ on agenda"
        assert str(library.get_option_at_index(0).prompt) == marked
        await pilot.press("enter")  # the search still has the keyboard: the same topic again
        await pilot.pause()
        assert "⚠ Already on the agenda once: this adds it again." in screen_text(app)
        await pilot.press(*"Excel", "enter")
        await pilot.pause()
        assert "Added again: A real task in Excel, start to finish (2 copies on the agenda)" in toasts(app)
    assert [title for title, _ in prompts(store, mentorship)] == [
        "A real task in Figma, start to finish", "A real task in Excel, start to finish",
    ]


async def test_buttons_and_the_agenda_hint_fit_at_80_columns_and_grow_back_at_120(db_path: Path, store: Store) -> None:
    stale_agenda(store)  # carried items: the longest hint
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        builder = await open_builder(pilot)
        agenda, pane = builder.query_one("#agenda"), builder.query_one("#plan-pane")
        add = builder.query_one("#add-free")
        assert add.region.right <= pane.region.right - 2  # the last button whole, with room to spare
        assert agenda.border_subtitle == "↻n carried n times · ^↑↓ moves"
        assert len(agenda.border_subtitle) + 6 <= agenda.outer_size.width  # corners and padding around it
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert [str(b.label) for b in builder.query("#agenda-buttons Button")][:2] == ["▲ Up", "▼ Down"]
        assert agenda.border_subtitle == "↻n carried n times · ctrl+↑↓ moves"


async def test_a_topic_with_nothing_to_fill_is_added_with_enter_on_its_form(
    db_path: Path, store: Store, user_topics: Path
) -> None:
    (user_topics / "mine.toml").write_text(
        '[category]\nname = "Board Prep"\n\n[[topics]]\ntitle = "Rehearse the board update"\n'
        'prompt = "Hear the update as a board member would."\nminutes = 10\n',
        encoding="utf-8",
    )
    mentorship = store.create_mentorship(draft())
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await open_builder(pilot)
        await pilot.press("slash", *"rehearse", "enter")
        await pilot.pause()
        assert isinstance(app.screen, PlaceholderFormScreen) and "enter adds it" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
    assert [title for title, _ in prompts(store, mentorship)] == ["Rehearse the board update"]


def shown_agenda(builder: AgendaBuilderScreen) -> list[str]:
    """The agenda's lines as drawn on screen."""
    agenda = builder.query_one("#agenda", OptionList)
    return [agenda.render_line(y).text.rstrip() for y in range(agenda.size.height)]


def pane_widths(builder: AgendaBuilderScreen) -> tuple[int, int]:
    return builder.query_one("#library-pane").region.width, builder.query_one("#plan-pane").region.width


async def test_the_panes_are_as_wide_each_time_the_builder_opens(db_path: Path, store: Store) -> None:
    stale_agenda(store)
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        builder = await open_builder(pilot)
        first = pane_widths(builder)
        assert first == (40, 40)
        await search_library(pilot, builder, "a search long enough to find nothing in the library at all")
        assert pane_widths(builder) == first
        await pilot.press("escape", "l")  # the live session lays out its own agenda pane
        await pilot.pause()
        if isinstance(app.screen, GroundRulesScreen):
            await pilot.press("escape")
        await pilot.press("escape")
        assert pane_widths(await open_builder(pilot)) == first


async def test_whose_idea_it_was_stays_with_the_title_as_lines_wrap(db_path: Path, store: Store) -> None:
    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    store.mark_rules_shown(session)
    for who in ("leader", "mentor"):
        store.add_agenda_item(session, title="Show me your favourite analytics view", proposed_by=who, minutes=15)
    app = open_app(db_path)
    async with app.run_test(size=(120, 40)) as pilot:
        builder = await open_builder(pilot)
        for size in ((120, 40), (80, 24), (100, 30)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            lines = [line.strip() for line in shown_agenda(builder) if line.strip()]
            assert "view  · leader" in lines[1] and "view  · mentor" in lines[3], (size, lines)
            assert not any(line.endswith("·") or line.startswith(("leader", "mentor", "·")) for line in lines)


async def test_the_agenda_hint_takes_a_shorter_form_when_the_pane_is_narrower(db_path: Path, store: Store) -> None:
    stale_agenda(store)
    app = open_app(db_path)
    async with app.run_test(size=(70, 24)) as pilot:
        builder = await open_builder(pilot)
        agenda = builder.query_one("#agenda")
        assert agenda.border_subtitle == "↻n carried · ^↑↓ moves"
        assert len(agenda.border_subtitle) + 6 <= agenda.outer_size.width


async def test_at_80_columns_the_coverage_and_planned_lines_fit_whole(db_path: Path, store: Store) -> None:
    from widgets.fitted_line import FittedLine

    mentorship = store.create_mentorship(draft())
    session = store.plan_session(mentorship)
    store.add_agenda_item(session, title="A long talk", proposed_by="leader", minutes=90)
    app = open_app(db_path)
    async with app.run_test(size=(80, 24)) as pilot:
        builder = await open_builder(pilot)
        for line_id in ("#coverage", "#total"):
            line = builder.query_one(line_id, FittedLine)
            shown = str(line.render())
            assert "…" not in shown and len(shown) <= line.content_size.width, shown
        assert "Try: Tech" in str(builder.query_one("#coverage", FittedLine).render())  # never parted
        assert "45 min over" in str(builder.query_one("#total", FittedLine).render())
