"""Search speed on five years of meetings: rare, common and very common words.

    python bench/search.py [--db PATH] [--repeat N]

Builds the large database (bench/large_db.py) in a temporary folder unless --db
names one, then times `Store.search` for the top 20 results, in the leader's and
the mentor's view. Beside each figure, in the same run, the baseline is the same
search ordered by relevance (bm25) instead of newest first: what ranking every
match would cost, and why rm-tui does not.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import large_db

from rm_tui.store import Store
from rm_tui.store.search import fts_query

CLASSES = {"rare": large_db.RARE, "common": large_db.COMMON[:5], "very common": large_db.VERY_COMMON}
BY_RELEVANCE = (
    "SELECT n.id FROM notes_fts JOIN notes n ON n.rowid = notes_fts.rowid "
    "WHERE notes_fts MATCH ? ORDER BY rank LIMIT 20"
)


def timed(run: Callable[[str], object], words: list[str], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        for word in words:
            started = time.perf_counter()
            run(word)
            times.append((time.perf_counter() - started) * 1000)
    return times


def summary(times: list[float]) -> str:
    return f"{statistics.median(times):6.1f} {statistics.quantiles(times, n=20, method='inclusive')[-1]:6.1f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="an existing large database (default: build one)")
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = args.db or Path(folder) / "large.db"
        if args.db is None:
            large_db.generate(db)
        store = Store.open(db)
        notes = store.db.execute("SELECT count(*) FROM notes").fetchone()[0]
        print(f"search, top 20, {notes:,} notes, {args.repeat} runs of each word (ms)")
        print(f"{'words':<14}{'view':<8}{'median':>7}{'p95':>7}   {'by relevance: median':>21}{'p95':>7}")
        for label, words in CLASSES.items():
            baseline = summary(timed(lambda w: store.db.execute(BY_RELEVANCE, [fts_query(w)]).fetchall(),
                                     words, args.repeat))
            for viewer in ("leader", "mentor"):
                figure = summary(timed(lambda w, v=viewer: store.search(w, v), words, args.repeat))
                print(f"{label:<14}{viewer:<8}{figure}   {baseline:>28}")
        store.close()
    print("target: p95 <= 50 ms for any word")


if __name__ == "__main__":
    main()
