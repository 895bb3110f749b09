"""Searching the topic library: the topic a person names comes first."""

from __future__ import annotations

from rm_tui.store import Store


def titles(store: Store, search: str, count: int = 3) -> list[str]:
    return [t.title for t in store.list_topics(search=search)][:count]


def test_the_phrase_in_a_title_comes_before_words_found_only_in_prompts(store: Store) -> None:
    assert titles(store, "job ad", count=10) == [
        "Our job ad, read by a candidate",
        # Below: "job" and "ad" only in the prompt or why (or inside other words), in library order.
        "Automating a chore away",
        "Our employer brand on social",
        "Something you made yourself",
    ]


def test_a_whole_title_word_then_the_start_of_one_then_the_prompt(store: Store) -> None:
    assert titles(store, "tool", count=4) == [
        "A real task in [Tool], start to finish",
        "How you get up to speed on a new tool",
        "Tools people bring in from outside",  # "tool" starts a word of the title
        "Getting good answers from an AI assistant",  # the prompt only
    ]
    assert titles(store, "trust", count=2) == ["Creators people genuinely trust", "When AI output can't be trusted"]
    assert titles(store, "dash", count=1) == ["Reading a dashboard like an analyst"]


def test_case_and_spacing_do_not_change_the_order(store: Store) -> None:
    assert titles(store, "  JOB   Ad ", count=10) == titles(store, "job ad", count=10)


def test_without_a_search_the_library_keeps_its_order(store: Store) -> None:
    topics = store.list_topics()
    assert topics[0].category == "Technology Deep Dive" and topics[-1].category == "Show and Tell"
    assert topics == store.list_topics(search="   ")
