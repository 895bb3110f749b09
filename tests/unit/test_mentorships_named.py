"""Finding mentorships by their mentor's name, as a form asks before making a namesake."""

from __future__ import annotations

from rm_tui.store import Store
from tests.conftest import draft


def test_names_match_whatever_the_case_and_spacing_archived_ones_too(store: Store) -> None:
    first = store.create_mentorship(draft(mentor="Zoë Adams"))
    store.set_mentorship_status(first, "ended")
    second = store.create_mentorship(draft(mentor="zoë  adams"))
    store.create_mentorship(draft(mentor="Zoë Adamson"))
    assert [m.id for m in store.mentorships_named("  ZOË ADAMS ")] == [first, second]
    assert store.mentorships_named("Zoë") == []
    assert store.mentorships_named("   ") == []


def test_a_store_kept_to_one_mentorship_finds_no_other(store: Store) -> None:
    store.create_mentorship(draft(mentor="Dana Reyes", leader="Lee"))
    kept = store.create_mentorship(draft(mentor="Dana Reyes"))
    store.keep_to(kept)
    assert [m.id for m in store.mentorships_named("Dana Reyes")] == [kept]
