"""Terminal escape sequences, markup and click actions in every user-text field, on every screen.

Whatever a user, a mentor in the browser or a topic file puts in a field is stored
(or loaded) without control characters and shown literally: no screen crashes on
`[/]`, no markup styles the text, `[@click=app.quit]` is not a link, and no escape
sequence reaches the terminal. Clicking on such text does nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len
from textual.app import App
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from rm_tui.models import MentorshipSetup, NoteText
from rm_tui.store import Store
from tests.conftest import draft
from tests.ui.helpers import SIZE, open_app, screen_text

# Click actions first, so they are in view wherever a long line is cut short; then a
# closing tag with nothing open (a crash in a Label), markup and a link Textual or
# Rich would parse, a theme variable, and escape sequences that would clear a real
# terminal and retitle its window.
HOSTILE = (
    "[@click=app.quit]quit[/] [@click=screen.dismiss]x[/] [/] [b]x[/b] [link=evil]y[/link] $accent "
    "\x1b[2J\x1b]0;pwned\x07"
)
# As typed, minus the control characters.
SHOWN = "[@click=app.quit]quit[/] [@click=screen.dismiss]x[/] [/] [b]x[/b] [link=evil]y[/link] $accent [2J]0;pwned"
SHOWN_START = SHOWN[:50]  # what fits on one line even in a narrow heading
CLICK_ACTIONS = ("[@click=app.quit]", "[@click=screen.dismiss]")
ITEM_NOTES = 10  # more than the live screen has tabs for: the '⋯ N more' tab appears


def _toml_string(text: str) -> str:
    """A TOML basic string holding `text`, control characters and all (JSON escapes are TOML's)."""
    return json.dumps(text)


def write_hostile_topic_file(folder: Path) -> None:
    """A user topic file whose every text field holds the hostile string."""
    (folder / "hostile.toml").write_text(
        f"[category]\nname = {_toml_string(f'Cat {HOSTILE}')}\n\n"
        f"[[topics]]\ntitle = {_toml_string(f'Topic {HOSTILE}')}\n"
        f"prompt = {_toml_string(f'Prompt {HOSTILE}')}\nminutes = 10\n"
        f"why = {_toml_string(f'Why {HOSTILE}')}\n",
        encoding="utf-8",
    )


@pytest.fixture
def hostile(store: Store, user_topics: Path) -> int:
    """A mentorship (and a user topic file) whose every text field holds the hostile string."""
    sam = store.set_up_mentorship(
        draft(leader=f"Dana {HOSTILE}", mentor=f"Sam {HOSTILE}", expertise=HOSTILE, focus=HOSTILE),
        MentorshipSetup(impressed_by=HOSTILE, offer=HOSTILE, ask_text=f"Ask {HOSTILE}"),
        [(f"Gap {HOSTILE}", f"Question {HOSTILE}")],
    )
    session = store.plan_session(sam)
    store.mark_rules_shown(session)
    item = store.add_agenda_item(session, title=f"Item {HOSTILE}", prompt=HOSTILE, proposed_by="mentor")
    for n in range(ITEM_NOTES):
        store.save_note(NoteText(None, session, item, "leader", "shared", f"Note {HOSTILE} {n}"))
    store.save_note(NoteText(None, session, None, "leader", "shared", f"Session note {HOSTILE}"))
    store.add_follow_up(sam, title=f"Follow {HOSTILE}", owner="leader", due="+7d", session_id=session,
                        agenda_item_id=item)
    store.add_champion_entry(sam, kind="credit", note=f"Champion {HOSTILE}")
    write_hostile_topic_file(user_topics)
    store.sync_topics(user_topics)
    return sam


# -- what is on the screen, as the terminal would get it ---------------------------------


@dataclass
class Spot:
    """Where a piece of text is drawn: in which widget, at which cell of which line."""

    widget: Widget
    x: int
    y: int
    strip: Strip


def drawn_lines(app: App) -> Iterator[tuple[Widget, int, Strip]]:
    """Every line every visible widget of the top screen draws, borders and titles included."""
    for widget in app.screen.query("*"):
        if not widget.display or not widget.region.area:
            continue
        width, height = widget.outer_size
        for y, strip in enumerate(widget.render_lines(Region(0, 0, width, height))):
            yield widget, y, strip


def drawn_text(app: App) -> str:
    return "\n".join(strip.text for _, _, strip in drawn_lines(app))


def spots(app: App, text: str, within: str = "*") -> list[Spot]:
    """Where `text` is drawn, in the widgets matching `within`, first line first."""
    wanted = {inner for outer in app.screen.query(within) for inner in (outer, *outer.query("*"))}
    found = []
    for widget, y, strip in drawn_lines(app):
        column = strip.text.find(text)
        if widget in wanted and column >= 0:
            found.append(Spot(widget, cell_len(strip.text[:column]), y, strip))
    return found


def click_actions_at(spot: Spot, length: int) -> list[str]:
    """The click actions (link metadata) on the cells `length` wide from `spot`."""
    actions, x = [], 0
    for segment in spot.strip:
        width = cell_len(segment.text)
        if x < spot.x + length and x + width > spot.x and segment.style is not None:
            actions += [str(value) for key, value in segment.style.meta.items() if key.startswith("@")]
        x += width
    return actions


def assert_shown_literally(app: App, expected: str) -> None:
    text = screen_text(app) + "\n" + drawn_text(app)
    # A long title may wrap at its spaces (the builder wraps agenda lines itself): read
    # each run of spaces and line breaks as one space, as a person reading it would.
    assert " ".join(expected.split()) in " ".join(text.split())
    assert "\x1b" not in text and "\x07" not in text, "an escape sequence would reach the terminal"


async def assert_clicks_do_nothing(pilot, within: str, stays: bool, nth: int = 0) -> None:
    """Click on each click action drawn in `within` (its `nth` place): the app stays up (and, if
    `stays`, on this screen). The first action, at the start of the text, must be in view."""
    app = pilot.app
    screen = app.screen
    drawn = [(action, spots(app, action, within)) for action in CLICK_ACTIONS]
    assert len(drawn[0][1]) > nth, f"{CLICK_ACTIONS[0]} is not drawn in {within}"
    for action, found in drawn:
        if len(found) <= nth:
            continue  # cut short by a narrow field
        spot = found[nth]
        assert click_actions_at(spot, len(action) + 4) == [], "the text became a link"
        await pilot.click(spot.widget, offset=(spot.x + 2, spot.y))
        await pilot.pause(0.2)
        assert app.is_running and app.return_value is None, f"clicking {action} ran it"
        if stays:
            assert app.screen is screen, f"clicking {action} left the screen"
        else:
            return  # the click chose what the text is the label of: nothing left to click here


# -- every screen and dialog -----------------------------------------------------------


@dataclass
class Visit:
    """Keys (and clicks) from the home screen to a screen, what it must show, where to click."""

    name: str
    keys: list[str]
    expected: str
    click_in: str = "*"  # the widgets whose hostile text is clicked
    stays: bool = True  # False where clicking the text chooses what it labels (a result, a command)
    then_click: list[str] = field(default_factory=list)  # selectors clicked after the keys
    nth: int = 0  # which place the text is drawn in `click_in` gets the click, first line first


VISITS = [
    Visit("home", [], f"Sam {SHOWN}", "#details"),
    Visit("home, table", [], f"Sam {SHOWN_START}", "#mentorships", stays=False),
    Visit("new mentorship form", ["n", *["tab"] * 6, "home"], f"Dana {SHOWN[:40]}", "#leader"),
    Visit("edit mentorship form", ["e"], f"Edit mentorship with Sam {SHOWN}", "#form-title"),
    Visit("plan session form", ["p"], f"Plan a session with Sam {SHOWN}", "Static"),
    Visit("export form", ["x"], f"Export every session with Sam {SHOWN}", "Static"),
    Visit("agenda builder", ["s"], f"Item {SHOWN}", "#agenda"),
    Visit("builder heading", ["s"], f"Sam {SHOWN}", "#session-heading"),
    Visit("builder, user topics", ["s", "slash", *"pwned"], f"Topic {SHOWN}", "#library", stays=False),
    Visit("item form", ["s", "ctrl+e", "home"], f"Item {SHOWN_START}", "#title"),
    Visit("placeholder form", ["s", "slash", *"pwned", "enter", "enter"], f"Topic {SHOWN}", "Static"),
    Visit("live session", ["l"], f"Item {SHOWN}", "#item-heading"),
    Visit("live agenda", ["l"], f"Item {SHOWN_START}", "#agenda"),
    Visit("live follow-ups", ["l"], f"Follow {SHOWN}", "#item-follow-ups"),
    Visit("live session notes", ["l", "ctrl+down"], f"Session note {SHOWN_START}", "#editor"),
    Visit("note preview", ["l", "ctrl+r"], "Note [@click=app.quit]quit[/]", "#preview"),
    Visit("note picker", ["l"], f"All {ITEM_NOTES} notes on Item {SHOWN_START}", "#note-picker",
          then_click=["#more-notes"]),
    Visit("note picker notes", ["l"], f"Note {SHOWN_START}", "#note-picker", stays=False,
          then_click=["#more-notes"], nth=1),  # under the border title: a note
    Visit("follow-up form", ["l", "ctrl+f"], f"on Item {SHOWN}", "Static"),
    Visit("session summary", ["l", "f5", "f5"], f"Item {SHOWN}", "#summary-text"),
    Visit("ground rules", ["l", "ctrl+g"], "Rank stays at the door.", ""),
    Visit("follow-ups", ["f6"], f"Follow {SHOWN}", "#follow-ups"),
    Visit("follow-ups mentor filter", ["f6", "m"], f"Sam {SHOWN_START}", "#mentorship"),
    Visit("edit follow-up form", ["f6", "e"], f"the mentorship with Sam {SHOWN}", "Static"),
    Visit("champion log", ["c"], f"Champion {SHOWN}", "#taught"),
    Visit("champion form", ["c", "n"], f"What did you do for Sam {SHOWN}", "Static"),
    Visit("progress", ["g"], f"Gap {SHOWN}", "HeaderTitle"),
    Visit("help", ["g", "f1"], f"Progress with Sam {SHOWN}", "#help-text"),
    Visit("the ask", ["w"], f"The ask for Sam {SHOWN}", "#ask-title"),
    Visit("save the ask form", ["w", "f8"], f"Save the ask for Sam {SHOWN}", "Static"),
    Visit("search", ["f9", *"Follow"], f"Follow {SHOWN}", "#results", stays=False),
    Visit("topic library", ["f3", "slash", *"pwned"], f"Topic {SHOWN}", "TopicCard"),
    Visit("topic library categories", ["f3"], f"Cat {SHOWN}", "#categories"),
    Visit("palette", ["ctrl+p", *"Item"], f"agenda: Item {SHOWN}", "CommandList", stays=False),
]


@pytest.mark.parametrize("visit", VISITS, ids=[visit.name for visit in VISITS])
async def test_hostile_text_is_shown_literally_and_clicking_it_does_nothing(
    db_path: Path, user_topics: Path, store: Store, hostile: int, visit: Visit
) -> None:
    app = open_app(db_path, user_topics)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in visit.keys:
            await pilot.press(key)
        await pilot.pause(0.5)  # the palette searches in the background
        for selector in visit.then_click:
            await pilot.click(selector)
            await pilot.pause(0.3)
        assert app.is_running, "the app crashed or quit on the way to this screen"
        assert_shown_literally(app, visit.expected)
        if visit.click_in:
            await assert_clicks_do_nothing(pilot, visit.click_in, visit.stays, visit.nth)


CLICK_ONLY = "Weekly [@click=app.quit]quit[/] [@click=screen.dismiss]x[/]"


@pytest.mark.parametrize(
    ("keys", "then_click", "within", "lead"),
    [
        # The palette's help line under the hit: the words around the match, the title here.
        (["ctrl+p", *"Weekly"], [], "CommandList", "Weekly "),
        # The border title of the '⋯ N more' tab's picker names the item.
        (["l"], ["#more-notes"], "#note-picker", "notes on Weekly "),
    ],
    ids=["palette", "note picker"],
)
async def test_a_title_of_click_actions_only_is_no_link(
    db_path: Path, store: Store, keys: list[str], then_click: list[str], within: str, lead: str
) -> None:
    """Without a stray `[/]` to crash them first, these once made such a title a link that quit."""
    session = store.plan_session(store.create_mentorship(draft()))
    store.mark_rules_shown(session)
    item = store.add_agenda_item(session, title=CLICK_ONLY, proposed_by="mentor")
    for n in range(ITEM_NOTES):
        store.save_note(NoteText(None, session, item, "leader", "shared", f"note {n}"))
    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        await pilot.pause(0.5)
        for selector in then_click:
            await pilot.click(selector)
            await pilot.pause(0.3)
        # Not the palette's first line, where the title was always shown literally.
        spot = next(spot for spot in spots(app, lead, within) if "agenda:" not in spot.strip.text)
        line = spot.strip.text
        await pilot.click(spot.widget, offset=(spot.x + cell_len(lead) + 1, spot.y))  # on 'quit'
        await pilot.pause(0.3)
        assert app.is_running and app.return_value is None, "clicking the title ran its action"
        assert CLICK_ONLY in line
        assert click_actions_at(spot, cell_len(line)) == []


MENTOR_VISITS = [
    Visit("palette", ["ctrl+p", *"Item"], f"agenda: Item {SHOWN}", "CommandList", stays=False),
    # Addressed to the mentor, the log may name the leader, column headings included.
    Visit("champion log", ["c"], f"Champion {SHOWN}", "#entries"),
    Visit("live session", ["l"], f"Item {SHOWN}", "#item-heading"),
]


@pytest.mark.parametrize("visit", MENTOR_VISITS, ids=[visit.name for visit in MENTOR_VISITS])
async def test_the_mentors_window_shows_hostile_text_literally_too(
    db_path: Path, user_topics: Path, store: Store, hostile: int, visit: Visit
) -> None:
    """The mentor can type such a title from the browser; their own window must cope as well."""
    app = open_app(db_path, user_topics, role="mentor")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(*visit.keys)
        await pilot.pause(0.5)
        assert app.is_running, "the app crashed or quit on the way to this screen"
        assert_shown_literally(app, visit.expected)
        await assert_clicks_do_nothing(pilot, visit.click_in, visit.stays)


async def test_hostile_text_in_the_ask_and_the_live_note_editor(db_path: Path, store: Store, hostile: int) -> None:
    from textual.widgets import TextArea

    app = open_app(db_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        ask = app.screen.query_one("#ask-text", TextArea).text
        assert ask.startswith(f"Ask {SHOWN}")
        _no_escapes(ask)
        await pilot.press("escape", "l")
        await pilot.pause(0.3)
        editor = app.screen.query_one("#editor", TextArea).text
        assert editor.startswith(f"Note {SHOWN}")
        _no_escapes(editor)


def _no_escapes(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text


def test_hostile_text_is_stored_without_control_characters(store: Store, hostile: int) -> None:
    rows = store.db.execute(
        "SELECT mentor || expertise || focus FROM mentorships UNION ALL SELECT title || prompt FROM agenda_items "
        "UNION ALL SELECT body FROM notes UNION ALL SELECT title FROM follow_ups UNION ALL SELECT note FROM "
        "champion_entries UNION ALL SELECT gap || question FROM learning_goals UNION ALL "
        "SELECT impressed_by || offer || ask_text FROM mentorship_setup UNION ALL "
        "SELECT category || title || prompt || why || source_file FROM topics WHERE source = 'user'"
    ).fetchall()
    assert len(rows) == 1 + 1 + ITEM_NOTES + 1 + 1 + 1 + 1 + 1 + 1
    for (value,) in rows:
        _no_escapes(value)
        assert "[/] [b]x[/b]" in value


# -- the safe path itself ----------------------------------------------------------------

markup_like = st.text(alphabet=st.sampled_from(list("[]/\\@=$:#ab click.quit \x1b\x07\n\t")), max_size=40)


@given(markup_like)
def test_escaped_markup_reads_back_as_typed(text: str) -> None:
    from textual.content import Content

    from rm_tui.text import one_line
    from widgets.safe import escaped_markup

    content = Content.from_markup(escaped_markup(text))
    assert content.plain == one_line(text) and content.spans == []


@given(markup_like)
def test_literal_text_is_never_markup_and_never_a_control_code(text: str) -> None:
    from rm_tui.text import clean_text, one_line
    from widgets.safe import literal, literal_line

    assert literal(text).plain == clean_text(text) and literal(text).spans == []
    assert literal_line(text, "bold").plain == one_line(text)
    assert "\n" not in literal_line(text).plain
