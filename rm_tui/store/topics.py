"""The topic library in the database: kept in step with the topic files, read by the builder."""

from __future__ import annotations

import re
from pathlib import Path

from topic_library import CORE_CATEGORIES, LibraryLoad, load_library, topic_files
from topic_library.loader import fingerprint

from ..models import CategoryCount, Topic
from .connection import immediate
from .settings import SettingsQueries

TOPIC_COLUMNS = "id, key, category, title, prompt, minutes, why, source, source_file"
TOPICS_FINGERPRINT = "topics.fingerprint"


class TopicQueries(SettingsQueries):
    """Syncing the topic files in, and listing or finding topics."""

    _topics_due: tuple[Path | None] | None = None
    """The folder of the user's topic files, while a sync waits for the topics' first read."""
    _topics_load: LibraryLoad | None = None
    """What the waiting sync read, until `sync_waiting_topics` hands it over."""

    def sync_topics_before_use(self, user_dir: Path | None) -> None:
        """Sync the topic files when the topics are first read, or `sync_waiting_topics` runs.

        A first start parses every topic file and writes the library: about a tenth of
        the time to the first screen, which shows no topic. The app asks for the sync
        once that screen is drawn; any read of the topics before then syncs first.
        """
        self._topics_due = (user_dir,)

    def sync_waiting_topics(self) -> LibraryLoad | None:
        """Run the sync `sync_topics_before_use` asked for, unless a read ran it; either
        way, what it read (problems included), once; None when the files had not changed."""
        self._topics_current()
        load, self._topics_load = self._topics_load, None
        return load

    def _topics_current(self) -> None:
        if self._topics_due is not None:
            (user_dir,), self._topics_due = self._topics_due, None
            self._topics_load = self.sync_topics(user_dir)

    def sync_topics(self, user_dir: Path | None) -> LibraryLoad | None:
        """Bring the topics table in line with the topic files.

        Costs a few stat calls when nothing changed (a fingerprint in `meta`);
        otherwise parses the files and upserts by stable key in one transaction, so
        topic ids survive and running it twice changes nothing. Returns the load
        (with any problems) when the files were read, None when they were unchanged.
        This is rm-tui's bookkeeping, not a person's edit: any window may do it.
        """
        files = topic_files(user_dir)
        stamp = fingerprint(files)
        if self._meta(TOPICS_FINGERPRINT) == stamp:
            return None
        import json  # only when the files changed

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
                    (s.key, s.category, s.title, s.prompt, s.minutes, s.why, s.source, s.source_file, s.position)
                    for s in load.topics
                ],
            )
            self.db.execute("DELETE FROM topics WHERE key NOT IN (SELECT value FROM json_each(?))", [json.dumps(keys)])
            # A file with problems is read again next time, so its message is shown
            # again until it is fixed.
            self.db.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                [TOPICS_FINGERPRINT, "" if load.problems else stamp],
            )
        self._wrote("topics")
        return load

    def topic_categories(self) -> list[CategoryCount]:
        """Categories with their topic counts: the four core ones first, then the user's."""
        self._topics_current()
        counts = dict(self.db.execute("SELECT category, count(*) FROM topics GROUP BY category").fetchall())
        core = [CategoryCount(name, counts.pop(name, 0)) for name in CORE_CATEGORIES]
        return core + [CategoryCount(name, n) for name, n in sorted(counts.items())]

    def list_topics(self, category: str | None = None, search: str = "") -> list[Topic]:
        """Topics of one category (or all): built-in first, the four core categories in the
        guide's order, then the user's, each in the order its file gives.

        `search` keeps the topics whose title, prompt, why or category hold every
        word typed, in any case, and puts the best matches first (`relevance`); the
        library is small, so this needs no index.
        """
        self._topics_current()
        topics = self._all(
            Topic,
            f"SELECT {TOPIC_COLUMNS} FROM topics WHERE ? IS NULL OR category = ? ORDER BY source, category, position",
            [category, category],
        )
        rank = {name: index for index, name in enumerate(CORE_CATEGORIES)}
        topics.sort(key=lambda t: (t.source != "builtin", rank.get(t.category, len(rank))))
        words = search.lower().split()
        if not words:
            return topics
        found = [t for t in topics if all(w in f"{t.title} {t.prompt} {t.why} {t.category}".lower() for w in words)]
        # A stable sort: equally good matches keep the library's order.
        return sorted(found, key=lambda t: relevance(t, words), reverse=True)

    def get_topic(self, topic_id: int) -> Topic:
        self._topics_current()
        return self._one(Topic, f"SELECT {TOPIC_COLUMNS} FROM topics WHERE id = ?", [topic_id], f"topic {topic_id}")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def relevance(topic: Topic, words: list[str]) -> tuple[int, int, int, int]:
    """How well `topic` answers a search for `words` (lower case): higher is better.

    What a person looks for is named in the title, so the title decides first: the
    words as typed, side by side (the phrase "job ad" in "Our job ad, read by a
    candidate"); then how many words are whole title words, or start one ("vid" for
    "video"); only then the words the prompt and why hold whole (so "ad" finds
    "an ad" before "read").
    """
    title = _words(topic.title)
    phrase = " ".join(title)
    typed = " ".join(w for word in words for w in _words(word))
    phrase_in_title = bool(typed) and f" {typed} " in f" {phrase} "
    whole = sum(word in title for word in words)
    starts = sum(any(t.startswith(word) for t in title) for word in words)
    body = set(_words(f"{topic.prompt} {topic.why}"))
    return int(phrase_in_title), whole, starts, sum(word in body for word in words)
