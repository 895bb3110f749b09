"""Five years of meetings in one database, for the benchmarks.

    python bench/large_db.py PATH [--seed N]

About 10 mentorships over five years: 1,300 sessions, 100,000 notes (a few sessions
hold 500), 20,000 follow-ups, agendas from the topic library, champion entries.
Rows go in through plain inserts in large transactions, with the app's own schema
and search triggers, so the file has the shape the app would have written.
The words come from a fixed vocabulary with a few rare ones, so searches for rare,
common and very common words have known answers.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rm_tui.store import Store
from rm_tui.store.connection import immediate

MENTORSHIPS = 10
SESSIONS = 1300
NOTES = 100_000
FOLLOW_UPS = 20_000
BIG_SESSIONS = 5  # sessions holding 500 notes each: opening one is a benchmark
BIG_SESSION_NOTES = 500
START = date(2021, 11, 1)

VERY_COMMON = ["the", "team", "and", "we", "to"]  # in nearly every note
COMMON = ["video", "launch", "customer", "board", "prompt", "budget", "hiring", "design", "data", "review"]
RARE = ["zeppelin", "quokka", "marzipan"]  # a few dozen notes each
FILLER = [
    "about", "with", "that", "this", "from", "they", "have", "more", "will", "what", "when", "your", "which",
    "their", "time", "work", "plan", "idea", "week", "meeting", "people", "product", "story", "channel", "audience",
    "feedback", "trust", "slide", "number", "question",
]


def sentence(rng: random.Random) -> str:
    words = [rng.choice(VERY_COMMON), *rng.choices(FILLER, k=rng.randint(6, 14)), rng.choice(COMMON)]
    if rng.random() < 0.0005:
        words.append(rng.choice(RARE))
    rng.shuffle(words)
    return " ".join(words).capitalize() + "."


def generate(path: Path, seed: int = 7) -> dict[str, int]:
    rng = random.Random(seed)
    store = Store.open(path)
    store.sync_topics(None)
    topics = store.db.execute("SELECT id, title, category, minutes FROM topics").fetchall()
    conn = store.db
    with immediate(conn):  # one transaction: autocommit would commit every row
        conn.executemany(
            "INSERT INTO mentorships (id, leader, mentor, expertise, focus, manager_informed, cadence_days, status) "
            "VALUES (?, 'Dana Whitfield', ?, 'a skill the leader lacks', 'what the leader wants to learn', 1, 14, ?)",
            [(m, f"Mentor {m:02d}", "active" if m > 6 else "ended") for m in range(1, MENTORSHIPS + 1)],
        )
        sessions = []
        for n in range(SESSIONS):
            day = START + timedelta(days=n * (5 * 365) // SESSIONS)
            status = "held" if day < date(2026, 11, 1) else "planned"
            sessions.append((n + 1, (n % MENTORSHIPS) + 1, day.isoformat(), status))
        conn.executemany("INSERT INTO sessions (id, mentorship_id, scheduled_on, minutes, status, rules_shown) "
                         "VALUES (?, ?, ?, 45, ?, 1)", sessions)
        items = []
        for session_id, *_ in sessions:
            for position in range(4):
                topic_id, title, category, minutes = rng.choice(topics)
                items.append((session_id, position, title, category, topic_id, minutes,
                              rng.choice(["leader", "mentor"]), "discussed" if rng.random() < 0.8 else "open"))
        conn.executemany("INSERT INTO agenda_items (session_id, position, title, category, topic_id, minutes, "
                         "proposed_by, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", items)
    item_ids = [row[0] for row in conn.execute("SELECT id FROM agenda_items ORDER BY id")]
    big = set(rng.sample(range(1, SESSIONS + 1), BIG_SESSIONS))
    notes = []
    for session_id in big:
        for _ in range(BIG_SESSION_NOTES):
            notes.append(_note(rng, session_id, item_ids))
    while len(notes) < NOTES:
        notes.append(_note(rng, rng.randint(1, SESSIONS), item_ids))
    with immediate(conn):  # one transaction: autocommit would commit every row
        conn.executemany("INSERT INTO notes (session_id, agenda_item_id, author, visibility, body) "
                         "VALUES (?, ?, ?, ?, ?)", notes)
        conn.executemany(
            "INSERT INTO follow_ups (mentorship_id, session_id, title, owner, due_on, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [((s % MENTORSHIPS) + 1, s, sentence(rng)[:80], rng.choice(["leader", "mentor"]),
              (START + timedelta(days=s * 1.4 + 14)).isoformat(), "done" if rng.random() < 0.85 else "open")
             for s in (rng.randint(1, SESSIONS) for _ in range(FOLLOW_UPS))],
        )
        conn.executemany(
            "INSERT INTO champion_entries (mentorship_id, kind, note, happened_on) VALUES (?, 'credit', ?, ?)",
            [((n % MENTORSHIPS) + 1, "named them in the review", (START + timedelta(days=n * 9)).isoformat())
             for n in range(200)],
        )
    store.close()
    return {"big_session": min(big), "sessions": SESSIONS, "notes": NOTES, "follow_ups": FOLLOW_UPS}


def _note(rng: random.Random, session_id: int, item_ids: list[int]) -> tuple:
    # Items are made four per session in order, so a session's items are ids 4s-3 .. 4s.
    item = item_ids[(session_id - 1) * 4 + rng.randrange(4)] if rng.random() < 0.9 else None
    visibility = rng.choices(["shared", "private", "off_record"], weights=[80, 15, 5])[0]
    body = " ".join(sentence(rng) for _ in range(rng.randint(1, 4)))
    return (session_id, item, rng.choice(["leader", "mentor"]), visibility, body)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if args.path.exists():
        sys.exit(f"bench: {args.path} exists; give a new file")
    started = time.perf_counter()
    facts = generate(args.path, args.seed)
    print(f"wrote {args.path} in {time.perf_counter() - started:.1f}s: {facts}")


if __name__ == "__main__":
    main()
