"""`rm-tui --demo`: a throwaway database with a mentorship already under way.

A new user can walk through every screen (past meetings, notes of each visibility,
follow-ups on time and late, the champion log, an agenda carried into the next
meeting) before their first real one. The history is played through the store as
it would happen, meeting by meeting, with the clock set back, so it is shaped
exactly like real data.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from .models import MentorshipDraft, MentorshipSetup, NoteText, Role, Visibility
from .store import Store

MEETING_TIME = time(16, 0, tzinfo=UTC)

# Each past meeting: (days before today, [(title, category, minutes, proposer, discussed, notes)]).
# A note is (author, visibility, text).
Note = tuple[Role, Visibility, str]
Item = tuple[str, str | None, int, Role, bool, list[Note]]
PAST_MEETINGS: list[tuple[int, list[Item]]] = [
    (33, [
        ("Walk me through how you plan a week in Notion", "Technology Deep Dive", 15, "leader", True, [
            ("leader", "shared", "Boards, not documents: one card per piece of work, moved by whoever owns it."),
            ("leader", "private", "I have been treating our wiki as the plan. It is an archive."),
        ]),
        ("Which creators do you actually watch, and why?", "Social Media Lab", 15, "mentor", True, [
            ("mentor", "shared", "Three channels, all under ten minutes. They show the work, not the slides."),
        ]),
        ("Rewrite my all-hands opener together", "Communication Clinic", 15, "leader", False, []),
    ]),
    (19, [
        ("Show me the short-video launch from the inside", "Show and Tell", 20, "mentor", True, [
            ("mentor", "shared", "We posted daily for two weeks and kept only what people finished watching."),
            ("leader", "off_record", "The launch team felt unheard by the steering group. Keep this between us."),
        ]),
        ("Try an AI assistant on a real email of mine", "Technology Deep Dive", 15, "leader", True, [
            ("leader", "shared", "It drafts well if I give it the audience and the one thing I want them to do."),
        ]),
    ]),
    (5, [
        ("What would make our team page worth following?", "Social Media Lab", 15, "mentor", True, [
            ("mentor", "shared", "Faces, not logos. Post what the team learned this week, not what it shipped."),
            ("leader", "private", "Ask Sam to draft the first three posts? Check with their manager first."),
        ]),
        ("Practise saying no to a meeting, in two sentences", "Communication Clinic", 10, "leader", False, []),
    ]),
]

# (title, owner, due: days from today, done)
FOLLOW_UPS: list[tuple[str, Role, int, bool]] = [
    ("Move my weekly plan onto a board", "leader", -20, True),
    ("Send Dana three creators worth following", "mentor", -18, True),
    ("Draft the all-hands opener in five sentences", "leader", -3, False),
    ("Share the launch retrospective deck", "mentor", 9, False),
    ("Try the AI assistant on next week's update", "leader", 9, False),
]

# (kind, note, days before today)
CHAMPION: list[tuple[str, str, int]] = [
    ("credit", "Named Sam as the source of the board idea in the leadership meeting", 30),
    ("introduction", "Introduced Sam to the head of brand", 16),
    ("advice", "Talked through how promotions are decided", 5),
]


def seed_demo(path: Path, today: date) -> None:
    """Fill a new database at `path` with Dana and Sam's mentorship, as of `today`."""
    moment = [datetime.combine(today, MEETING_TIME)]

    def set_day(day: date, minutes: int = 0) -> None:
        moment[0] = datetime.combine(day, MEETING_TIME) + timedelta(minutes=minutes)

    store = Store.open(path, today=lambda: moment[0].date(), now=lambda: moment[0])
    try:
        store.sync_topics(None)
        first_day = today - timedelta(days=PAST_MEETINGS[0][0] + 7)
        set_day(first_day)
        # A second mentorship, just set up: the home screen shows both kinds.
        store.create_mentorship(MentorshipDraft(
            leader="Dana Whitfield", mentor="Priya Nair", expertise="built our internal prompt library",
            focus="writing prompts that hold up", cadence_days=21,
        ))
        sam = store.set_up_mentorship(
            MentorshipDraft(
                leader="Dana Whitfield", mentor="Sam Ortiz", expertise="ran the short-video launch",
                focus="short-form video, and how customers use AI assistants", manager_informed=True,
                cadence_days=14,
            ),
            MentorshipSetup(
                impressed_by="the way your launch videos were planned around what people finished watching",
                offer="put your work in front of the leadership team and help you think through your next role",
                manager_talked_on=first_day - timedelta(days=3),
            ),
            [
                ("I plan work in documents nobody reads", "How does your team keep a plan alive week to week?"),
                ("I don't understand why some videos spread", "What makes someone watch to the end?"),
                ("I avoid AI tools because I don't trust them", "Where do you trust an AI assistant, and where not?"),
            ],
        )
        store.set_goal_learned(store.goals(sam)[0].id, learned=True)
        for days_ago, items in PAST_MEETINGS:
            _play_meeting(store, sam, today - timedelta(days=days_ago), items, set_day)
        for title, owner, due_in, done in FOLLOW_UPS:
            set_day(today - timedelta(days=PAST_MEETINGS[0][0]))
            follow_up = store.add_follow_up(sam, title=title, owner=owner, due=today + timedelta(days=due_in))
            if done:
                set_day(today + timedelta(days=due_in - 1))
                store.set_follow_up_status(follow_up, "done")
        set_day(today)
        for kind, note, days_ago in CHAMPION:
            store.add_champion_entry(sam, kind=kind, note=note, happened_on=today - timedelta(days=days_ago))
        next_session = store.plan_session(sam)  # carries over what is still open
        store.add_agenda_item(next_session, title="Show me your favourite analytics view",
                              category="Show and Tell", minutes=15, proposed_by="mentor")
    finally:
        store.close()


def _play_meeting(
    store: Store, mentorship: int, day: date, items: list[Item], set_day: Callable[[date, int], None]
) -> None:
    set_day(day, 0)
    session = store.plan_session(mentorship, scheduled_on=day)
    store.mark_rules_shown(session)
    carried = [i.id for i in store.agenda(session)]
    ids = [
        store.add_agenda_item(session, title=title, category=category, minutes=minutes, proposed_by=who)
        for title, category, minutes, who, _, _ in items
    ]
    store.start_session(session)
    elapsed = 0
    for item_id, (_, _, minutes, _, discussed, notes) in zip(ids, items, strict=True):
        if not discussed and not notes:
            continue  # not reached: no time on its timer, so it carries over
        store.go_to_item(session, item_id)
        for author, visibility, text in notes:
            store.save_note(NoteText(None, session, item_id, author, visibility, text))
        elapsed += minutes + (2 if minutes >= 15 else -3)  # some run over, some finish early
        set_day(day, elapsed)
        if discussed:
            store.set_item_status(item_id, "discussed")
    for item_id in carried:  # what came in from last time was dealt with first
        store.set_item_status(item_id, "discussed")
    store.end_session(session)


@contextlib.contextmanager
def demo_database(today: date) -> Iterator[Path]:
    """A seeded demo database in a new private folder, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="rm-tui-demo-"))
    try:
        path = folder / "demo.db"
        seed_demo(path, today)
        yield path
    finally:
        shutil.rmtree(folder, ignore_errors=True)
