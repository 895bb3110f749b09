"""The ask's offer reads as typed, whether the leader wrote what they will do or what they will give."""

from __future__ import annotations

import pytest

from rm_tui.ask import draft_ask
from rm_tui.models import MentorshipSetup
from rm_tui.store import Store
from tests.conftest import draft


@pytest.mark.parametrize(
    "offer",
    [
        "introductions to my network",  # a thing given, as the form's example is
        "share what I know about how budgets get decided",  # a thing done
    ],
)
def test_the_offer_is_a_point_of_its_own_whatever_its_grammar(store: Store, offer: str) -> None:
    sam = store.set_up_mentorship(draft(mentor="Sam Ortiz"), MentorshipSetup(offer=offer), [])
    text = draft_ask(store.get_mentorship(sam), store.setup(sam), [])
    assert f"What I can offer you in return:\n- {offer}\n" in text
    assert "would like to" not in text.split("in return")[1]


def test_a_full_stop_typed_at_the_end_of_the_offer_is_not_doubled(store: Store) -> None:
    sam = store.set_up_mentorship(draft(), MentorshipSetup(offer="  a seat at my staff meeting. "), [])
    text = draft_ask(store.get_mentorship(sam), store.setup(sam), [])
    assert "\n- a seat at my staff meeting\n" in text


def test_no_offer_typed_gives_credit_and_a_sounding_board_in_the_same_form(store: Store) -> None:
    sam = store.set_up_mentorship(draft(), MentorshipSetup(), [])
    text = draft_ask(store.get_mentorship(sam), store.setup(sam), [])
    assert "What I can offer you in return:\n- credit for your ideas where decisions are made, and a sounding" in text


@pytest.mark.parametrize(("days", "said"), [(1, "45 minutes every day,"), (10, "45 minutes every 10 days,")])
def test_the_rhythm_agrees_with_the_number_of_days(store: Store, days: int, said: str) -> None:
    sam = store.set_up_mentorship(draft(cadence_days=days), MentorshipSetup(), [])
    assert said in draft_ask(store.get_mentorship(sam), store.setup(sam), [])
