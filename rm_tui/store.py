"""Every SQL statement rm-tui runs lives here.

Screens call these methods and get plain records back; they never see SQL. Writes
bump `local_writes`, and `change_token()` also folds in SQLite's data_version, so
an app can tell cheaply whether anything, in this process or another, changed.
"""

from __future__ import annotations

import sqlite3
import json
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path


from topic_library import CORE_CATEGORIES, LibraryLoad, load_library, topic_files
from topic_library.loader import fingerprint

from .db import connect, immediate, open_database
from .errors import NotFound, ValidationError
from .store_champion import ChampionQueries
from .store_export import ExportQueries
from .store_follow_ups import FollowUpQueries
from .store_live import LiveQueries
from .store_notes import NotesQueries
from .store_progress import ProgressQueries
from .store_search import SearchQueries
from .store_setup import SetupQueries
from .timing import Clock, utc_now
from .models import CategoryCount, Mentorship, MentorshipDraft, MentorshipOverview, Topic
from .scope import LEADER, Action, Scope, requires

Today = Callable[[], date]

_MENTORSHIP_COLUMNS = (
    "id, leader, mentor, expertise, focus, manager_informed, cadence_days, status, "
    "created_at, updated_at"
)
_TOPIC_COLUMNS = "id, key, category, title, prompt, minutes, why, source, source_file"
_TOPICS_FINGERPRINT = "topics.fingerprint"
_DATABASE_ID = "database.id"


class Store(
    LiveQueries, NotesQueries, FollowUpQueries, ChampionQueries, ExportQueries, SetupQueries, ProgressQueries,
    SearchQueries,
):
    """The rm-tui database, as the operations the app needs."""

    def __init__(
        self, db: sqlite3.Connection, *, scope: Scope = LEADER, today: Today = date.today, now: Clock = utc_now
    ) -> None:
        self.db = db
        self.scope = scope
        """Who is looking: every read and write below honours it (see rm_tui.scope)."""
        self.today = today
        self.now = now
        self.local_writes = 0
        self.on_change: Callable[[], object] | None = None

    @classmethod
    def open(
        cls, path: Path | str, *, scope: Scope = LEADER, today: Today = date.today, now: Clock = utc_now
    ) -> Store:
        """Open or create the database file; raises RmTuiError with a one-line reason."""
        return cls(open_database(path), scope=scope, today=today, now=now)

    @property
    def only_mentorship(self) -> int | None:
        """The one mentorship this store shows, when it is kept to one (a served mentor's)."""
        return self.scope.mentorship_id

    def keep_to(self, wanted: int | str) -> int:
        """Narrow the scope to one mentorship, by id or mentor's name; returns its id.

        A scope is only ever narrowed: a store kept to one mentorship finds no other.
        """
        mentorship_id = self.find_mentorship(str(wanted))
        self.scope = self.scope.narrowed_to(mentorship_id)
        return mentorship_id

    def opener_for_thread(self) -> Callable[[], Store]:
        """Opens another connection to this file, to be called on the thread that will use it.

        SQLite objects belong to the thread that made them, so a worker thread needs
        a connection of its own.
        """
        path, scope, today, now = Path(self.path), self.scope, self.today, self.now
        return lambda: Store(connect(path), scope=scope, today=today, now=now)

    @property
    def path(self) -> str:
        return self.db.execute("PRAGMA database_list").fetchone()[2]

    def close(self) -> None:
        self.db.close()

    def change_token(self) -> tuple[int, int]:
        """Differs from the last call's whenever any process committed a change."""
        (data_version,) = self.db.execute("PRAGMA data_version").fetchone()
        return data_version, self.local_writes

    def _wrote(self) -> None:
        self.local_writes += 1
        if self.on_change is not None:
            self.on_change()

    # -- mentorships -------------------------------------------------------------

    @requires(Action.MANAGE_MENTORSHIPS)
    def create_mentorship(self, draft: MentorshipDraft) -> int:
        """Validate and insert; raises ValidationError and saves nothing on bad input."""
        clean = draft.validated()
        cursor = self.db.execute(
            "INSERT INTO mentorships (leader, mentor, expertise, focus, manager_informed, "
            "cadence_days, status) VALUES (?, ?, ?, ?, ?, ?, ?)",
            _mentorship_values(clean),
        )
        self._wrote()
        return int(cursor.lastrowid)

    @requires(Action.MANAGE_MENTORSHIPS)
    def update_mentorship(self, mentorship_id: int, draft: MentorshipDraft) -> None:
        """Validate and update every editable field; raises ValidationError on bad input."""
        clean = draft.validated()
        self.scope.require_mentorship(mentorship_id)
        cursor = self.db.execute(
            "UPDATE mentorships SET leader = ?, mentor = ?, expertise = ?, focus = ?, "
            "manager_informed = ?, cadence_days = ?, status = ?, "
            "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?",
            [*_mentorship_values(clean), mentorship_id],
        )
        if cursor.rowcount == 0:
            raise NotFound(f"mentorship {mentorship_id} no longer exists")
        self._wrote()

    @requires(Action.MANAGE_MENTORSHIPS)
    def set_mentorship_status(self, mentorship_id: int, status: str) -> None:
        """Archive ('ended'), pause or reactivate without touching other fields."""
        draft = self.get_mentorship(mentorship_id).as_draft()
        self.update_mentorship(mentorship_id, replace(draft, status=status))

    def get_mentorship(self, mentorship_id: int) -> Mentorship:
        self.scope.require_mentorship(mentorship_id)
        row = self.db.execute(
            f"SELECT {_MENTORSHIP_COLUMNS} FROM mentorships WHERE id = ?", [mentorship_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"mentorship {mentorship_id} no longer exists")
        return _mentorship(row)

    def list_mentorships(self, *, include_ended: bool = False) -> list[MentorshipOverview]:
        """Mentorships with the home screen's figures, in one indexed query."""
        today = self.today().isoformat()
        rows = self.db.execute(
            f"""
            SELECT {", ".join("m." + c.strip() for c in _MENTORSHIP_COLUMNS.split(","))},
                (SELECT count(*) FROM sessions s
                    WHERE s.mentorship_id = m.id AND s.status = 'held'),
                (SELECT max(s.scheduled_on) FROM sessions s
                    WHERE s.mentorship_id = m.id AND s.status = 'held'),
                (SELECT min(s.scheduled_on) FROM sessions s
                    WHERE s.mentorship_id = m.id AND s.status IN ('planned', 'live')),
                (SELECT count(*) FROM follow_ups f
                    WHERE f.mentorship_id = m.id AND f.status = 'open'),
                (SELECT count(*) FROM follow_ups f
                    WHERE f.mentorship_id = m.id AND f.status = 'open' AND f.due_on < ?)
            FROM mentorships m
            WHERE (? OR m.status != 'ended') AND (? IS NULL OR m.id = ?)
            ORDER BY m.status = 'ended', m.status = 'paused', m.updated_at DESC, m.id DESC
            """,
            [today, int(include_ended), self.only_mentorship, self.only_mentorship],
        ).fetchall()
        return [
            MentorshipOverview(
                mentorship=_mentorship(row[:10]),
                sessions_held=row[10],
                last_held_on=_date(row[11]),
                next_planned_on=_date(row[12]),
                open_follow_ups=row[13],
                overdue_follow_ups=row[14],
            )
            for row in rows
        ]

    def find_mentorship(self, wanted: str) -> int:
        """A mentorship by id, or by a piece of the mentor's name that matches only one."""
        if wanted.strip().isdigit():
            return self.get_mentorship(int(wanted)).id
        needle = wanted.strip().lower()
        matches = [o.mentorship for o in self.list_mentorships(include_ended=True) if needle in o.mentorship.mentor.lower()]
        if len(matches) == 1:
            return matches[0].id
        if not matches:
            raise NotFound(f"no mentorship with a mentor called {wanted!r}")
        names = ", ".join(f"{m.mentor} (id {m.id})" for m in sorted(matches, key=lambda m: m.id))
        raise ValidationError("mentorship", f"{wanted!r} matches several mentorships: {names}; use the id")

    def last_leader_name(self) -> str:
        """The leader's name as last typed, to pre-fill the next mentorship form."""
        self.scope.require(Action.MANAGE_MENTORSHIPS)
        row = self.db.execute(
            "SELECT leader FROM mentorships ORDER BY created_at DESC, id DESC LIMIT 1"
        ).fetchone()
        return row[0] if row else ""

    # -- topic library -----------------------------------------------------------

    def sync_topics(self, user_dir: Path | None) -> LibraryLoad | None:
        """Bring the topics table in line with the topic files.

        Costs a few stat calls when nothing changed (a fingerprint in `meta`);
        otherwise parses the files and upserts by stable key in one transaction, so
        topic ids survive and running it twice changes nothing. Returns the load
        (with any problems) when the files were read, None when they were unchanged.
        """
        files = topic_files(user_dir)
        stamp = fingerprint(files)
        if self._meta(_TOPICS_FINGERPRINT) == stamp:
            return None
        load = load_library(files)
        with immediate(self.db):
            keys = [spec.key for spec in load.topics]
            self.db.executemany(
                "INSERT INTO topics (key, category, title, prompt, minutes, why, source, "
                "source_file, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(key) DO UPDATE SET category = excluded.category, "
                "title = excluded.title, prompt = excluded.prompt, minutes = excluded.minutes, "
                "why = excluded.why, source = excluded.source, "
                "source_file = excluded.source_file, position = excluded.position",
                [
                    (s.key, s.category, s.title, s.prompt, s.minutes, s.why, s.source,
                     s.source_file, s.position)
                    for s in load.topics
                ],
            )
            self.db.execute(
                "DELETE FROM topics WHERE key NOT IN (SELECT value FROM json_each(?))",
                [json.dumps(keys)],
            )
            # A file with problems is read again next time, so its message is shown
            # again until it is fixed.
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [_TOPICS_FINGERPRINT, "" if load.problems else stamp],
            )
        self._wrote()
        return load

    def topic_categories(self) -> list[CategoryCount]:
        """Categories with their topic counts: the four core ones first, then the user's."""
        counts = dict(
            self.db.execute("SELECT category, count(*) FROM topics GROUP BY category").fetchall()
        )
        core = [CategoryCount(name, counts.pop(name, 0)) for name in CORE_CATEGORIES]
        return core + [CategoryCount(name, n) for name, n in sorted(counts.items())]

    def list_topics(self, category: str | None = None, search: str = "") -> list[Topic]:
        """Topics of one category (or all), in the order their files give.

        `search` keeps the topics whose title, prompt, why or category hold every
        word typed, in any case; the library is small, so this needs no index.
        """
        rows = self.db.execute(
            f"SELECT {_TOPIC_COLUMNS} FROM topics WHERE ? IS NULL OR category = ? "
            "ORDER BY source, category, position",
            [category, category],
        ).fetchall()
        topics = [Topic(*row) for row in rows]
        words = search.lower().split()
        if words:
            topics = [
                t for t in topics if all(w in f"{t.title} {t.prompt} {t.why} {t.category}".lower() for w in words)
            ]
        # Built-in first, the four core categories in the guide's order, then the user's.
        rank = {name: index for index, name in enumerate(CORE_CATEGORIES)}
        return sorted(topics, key=lambda t: (t.source != "builtin", rank.get(t.category, len(rank))))

    def get_topic(self, topic_id: int) -> Topic:
        row = self.db.execute(f"SELECT {_TOPIC_COLUMNS} FROM topics WHERE id = ?", [topic_id]).fetchone()
        if row is None:
            raise NotFound(f"topic {topic_id} no longer exists")
        return Topic(*row)

    # -- settings and bookkeeping ------------------------------------------------

    def setting(self, key: str, default: str = "") -> str:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    @requires(Action.CHANGE_SETTINGS)
    def set_setting(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])
        self._wrote()

    def database_id(self) -> str:
        """A random id made once per database file: stable names (calendar UIDs) hang off it."""
        with immediate(self.db):
            known = self._meta(_DATABASE_ID)
            if known is None:
                known = uuid.uuid4().hex
                self.db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [_DATABASE_ID, known])
        return known

    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None


def _mentorship_values(clean: MentorshipDraft) -> list[object]:
    """The editable columns, in the order the INSERT and UPDATE name them."""
    return [
        clean.leader,
        clean.mentor,
        clean.expertise,
        clean.focus,
        int(clean.manager_informed),
        clean.cadence_days,
        clean.status,
    ]


def _mentorship(row: tuple) -> Mentorship:
    values = list(row)
    values[5] = bool(values[5])
    return Mentorship(*values)


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
