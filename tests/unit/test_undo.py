"""The one undo mechanism every screen uses, without an app."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from rm_tui.errors import NotFound
from rm_tui.store import Store
from rm_tui.undo import Step, Undoable, UndoStack
from tests.conftest import draft


def test_nothing_to_undo_says_so_and_changes_nothing() -> None:
    stack = UndoStack()
    assert stack.undo() is None
    assert len(stack) == 0


def test_the_newest_step_is_undone_first_and_reports_its_description() -> None:
    done: list[str] = []
    stack = UndoStack()
    stack.add("Put back: first", lambda: done.append("first"))
    stack.add("Put back: second", lambda: done.append("second"))
    assert stack.undo() == "Put back: second"
    assert stack.undo() == "Put back: first"
    assert stack.undo() is None
    assert done == ["second", "first"]


def test_a_refused_step_leaves_the_stack_and_the_one_below_still_undoes() -> None:
    def refuse() -> None:
        raise NotFound("That item was removed in another window.")

    done: list[str] = []
    stack = UndoStack()
    stack.add("Put back: kept", lambda: done.append("kept"))
    stack.add("Put back: gone", refuse)
    with pytest.raises(NotFound):
        stack.undo()
    assert stack.undo() == "Put back: kept" and done == ["kept"]


def test_the_oldest_steps_fall_off_past_the_depth() -> None:
    stack = UndoStack(depth=2)
    for n in range(3):
        stack.add(f"step {n}", lambda: None)
    assert len(stack) == 2
    assert [stack.undo(), stack.undo(), stack.undo()] == ["step 2", "step 1", None]


@dataclass
class Counter:
    """Any object with a description and undo() is a step: the Protocol, not a base class."""

    description: str = "Counted down"
    count: int = 1
    seen: list[int] = field(default_factory=list)

    def undo(self) -> None:
        self.count -= 1
        self.seen.append(self.count)


def test_any_undoable_can_be_pushed() -> None:
    counter = Counter()
    step: Undoable = counter
    stack = UndoStack()
    stack.push(step)
    stack.push(Step("Put back: x", lambda: None))
    assert stack.undo() == "Put back: x"
    assert stack.undo() == "Counted down" and counter.seen == [0]


def test_undoing_a_removal_through_the_store_puts_the_item_back(store: Store) -> None:
    session = store.plan_session(store.create_mentorship(draft()))
    item = store.add_agenda_item(session, title="A real task in Notion", proposed_by="leader")
    stack = UndoStack()
    removed = store.remove_agenda_item(item)
    stack.add(f"Put back: {removed.item.title}", lambda: store.restore_agenda_item(removed))
    assert store.agenda(session) == []
    assert stack.undo() == "Put back: A real task in Notion"
    assert [i.title for i in store.agenda(session)] == ["A real task in Notion"]
