"""Agenda items: adding, editing (merging two windows' edits), moving, removing, and undo.

The mentor co-edits the agenda: they add, edit and move items, and remove or put
back their own; keeping or dropping a carried item is the leader's. Coverage of the
topic categories over the last meetings is read here too.
"""

from __future__ import annotations

from topic_library import CORE_CATEGORIES

from ..errors import ValidationError
from ..models import (
    AgendaItem,
    CategoryCoverage,
    Coverage,
    EditOutcome,
    FollowUpStatus,
    ItemStatus,
    RemovedItem,
    Role,
)
from ..scope import Action, requires
from ..text import clean_text
from ..validation import required_text, whole_number
from .base import NOW_SQL, inserted
from .connection import immediate
from .sessions import SessionQueries

ITEM_COLUMNS = (
    "id, session_id, position, title, prompt, category, topic_id, minutes, proposed_by, status, "
    "carried_from_id, carry_count, follow_up_id, version, elapsed_seconds, conflict_of, kept, carry_over, standing_id"
)


class AgendaQueries(SessionQueries):
    """The items of a session's agenda, in order."""


    def agenda(self, session_id: int) -> list[AgendaItem]:
        return self._all(
            AgendaItem, f"SELECT {ITEM_COLUMNS} FROM agenda_items WHERE session_id = ? ORDER BY position, id",
            [session_id],
        )

    def get_agenda_item(self, item_id: int) -> AgendaItem:
        item = self._one(AgendaItem, f"SELECT {ITEM_COLUMNS} FROM agenda_items WHERE id = ?", [item_id],
                         f"agenda item {item_id}")
        if self.scope.mentorship_id is not None:
            self.get_session(item.session_id)  # NotFound when it belongs to another mentorship
        return item

    @requires(Action.EDIT_AGENDA)
    def add_agenda_item(
        self,
        session_id: int,
        *,
        title: str,
        proposed_by: Role,
        minutes: int | str = 10,
        prompt: str = "",
        category: str | None = None,
        topic_id: int | None = None,
    ) -> int:
        """Append an item (from the library or free-form); refuses an empty title."""
        clean_title = required_text(title, "title", "The item's title", 200)
        length = whole_number(minutes, "minutes", "Minutes", 1, 240)
        if proposed_by not in ("leader", "mentor"):
            raise ValidationError("proposed_by", "an item is proposed by the leader or the mentor")
        self.scope.require_own(proposed_by, "add an item as the leader")
        with immediate(self.db):
            self.get_session(session_id)
            cursor = self.db.execute(
                "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, "
                "minutes, proposed_by) VALUES (?, (SELECT coalesce(max(position), -1) + 1 "
                "FROM agenda_items WHERE session_id = ?), ?, ?, ?, ?, ?, ?)",
                [session_id, session_id, clean_title, clean_text(prompt).strip(), category, topic_id, length,
                 proposed_by],
            )
        self._wrote("agenda_items")
        return inserted(cursor)

    @requires(Action.EDIT_AGENDA)
    def edit_agenda_item(
        self,
        item_id: int,
        *,
        title: str,
        minutes: int | str,
        prompt: str,
        base: AgendaItem | None = None,
        by: Role = "leader",
    ) -> EditOutcome:
        """Change an item's title, minutes and prompt; refuses an empty title.

        `base` is the item as the editor saw it when the edit began. Fields only this
        edit changed are written, fields only another window changed meanwhile are
        kept; when both changed the same field differently, the item keeps the other
        window's text and this edit is added right below it as a conflict copy
        proposed by `by`, so both versions stay on the agenda for the pair to choose.
        """
        clean_title = required_text(title, "title", "The item's title", 200)
        length = whole_number(minutes, "minutes", "Minutes", 1, 240)
        self.scope.require_own(by, "edit an item as the leader")
        ours = {"title": clean_title, "minutes": length, "prompt": clean_text(prompt).strip()}
        with immediate(self.db):
            stored = self.get_agenda_item(item_id)
            theirs = {name: getattr(stored, name) for name in ours}
            before = {name: getattr(base, name) for name in ours} if base else theirs
            clashes = [n for n in ours if ours[n] != before[n] and theirs[n] != before[n] and ours[n] != theirs[n]]
            if clashes:
                copy_id = self._insert_conflict_copy(stored, ours, by)
                outcome = EditOutcome(copy_id=copy_id, clashed=tuple(clashes))
            else:
                merged = {n: ours[n] if ours[n] != before[n] else theirs[n] for n in ours}
                if merged != theirs:
                    self.db.execute(
                        "UPDATE agenda_items SET title = ?, minutes = ?, prompt = ?, version = version + 1, "
                        f"updated_at = {NOW_SQL} WHERE id = ?",
                        [merged["title"], merged["minutes"], merged["prompt"], item_id],
                    )
                outcome = EditOutcome()
        self._wrote("agenda_items")
        return outcome

    def _insert_conflict_copy(self, original: AgendaItem, values: dict[str, object], by: Role) -> int:
        self.db.execute(
            "UPDATE agenda_items SET position = position + 1 WHERE session_id = ? AND position > ?",
            [original.session_id, original.position],
        )
        cursor = self.db.execute(
            "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, minutes, "
            "proposed_by, conflict_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [original.session_id, original.position + 1, values["title"], values["prompt"],
             original.category, original.topic_id, values["minutes"], by, original.id],
        )
        return inserted(cursor)

    @requires(Action.RUN_MEETING)
    def set_item_status(self, item_id: int, status: str) -> None:
        self._update_item(item_id, "status = ?", [status])

    @requires(Action.DECIDE_CARRIED)
    def keep_item(self, item_id: int, kept: bool = True) -> None:
        """Record that the pair will do this (stale) item, so it stops being flagged; False undoes."""
        self._update_item(item_id, "kept = ?", [int(kept)])

    @requires(Action.EDIT_AGENDA)
    def move_agenda_item(self, item_id: int, to_index: int) -> None:
        """Put an item at `to_index` (clamped) and renumber the agenda 0..n-1."""
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            order = [i.id for i in self.agenda(item.session_id) if i.id != item_id]
            order.insert(max(0, min(to_index, len(order))), item_id)
            self.db.executemany(
                f"UPDATE agenda_items SET position = ?, version = version + 1, updated_at = {NOW_SQL} "
                "WHERE id = ? AND position != ?",
                [(index, ident, index) for index, ident in enumerate(order)],
            )
        self._wrote("agenda_items")

    @requires(Action.EDIT_AGENDA)
    def remove_agenda_item(self, item_id: int) -> RemovedItem:
        """Remove an item; the returned record lets `restore_agenda_item` undo it."""
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            self.scope.require_own(item.proposed_by, "remove an item the leader proposed")
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
        self._wrote("agenda_items")
        return RemovedItem(item)

    @requires(Action.DECIDE_CARRIED)
    def drop_item(self, item_id: int) -> RemovedItem:
        """Drop an item for good: off this agenda, and it will not be carried again.

        A follow-up's item marks the follow-up dropped (when still open); a carried
        item marks the item it came from dropped (when still open), since that one
        would otherwise come back at the next plan. `restore_agenda_item` undoes all.
        """
        with immediate(self.db):
            item = self.get_agenda_item(item_id)
            follow_up_was: FollowUpStatus | None = None
            if item.follow_up_id is not None:
                changed = self.db.execute(
                    "UPDATE follow_ups SET status = 'dropped', done_on = ?, version = version + 1, "
                    f"updated_at = {NOW_SQL} WHERE id = ? AND status = 'open'",
                    [self.today().isoformat(), item.follow_up_id],
                ).rowcount
                follow_up_was = "open" if changed else None
            source_was: ItemStatus | None = None
            if item.carried_from_id is not None:
                changed = self.db.execute(
                    f"UPDATE agenda_items SET status = 'dropped', version = version + 1, updated_at = {NOW_SQL} "
                    "WHERE id = ? AND status = 'open'",
                    [item.carried_from_id],
                ).rowcount
                source_was = "open" if changed else None
            self.db.execute("DELETE FROM agenda_items WHERE id = ?", [item_id])
        self._wrote("agenda_items", "follow_ups")
        return RemovedItem(item, follow_up_was, source_was)

    @requires(Action.EDIT_AGENDA)
    def restore_agenda_item(self, removed: RemovedItem) -> int:
        """Undo a removal or a drop: the item comes back with its id, text and place.

        After a drop, the follow-up and the item it was carried from get back the
        status they had, unless something else changed them meanwhile.
        """
        i = removed.item
        self.scope.require_own(i.proposed_by, "put back an item the leader proposed")
        with immediate(self.db):
            self.get_session(i.session_id)
            self.db.execute(
                "UPDATE agenda_items SET position = position + 1 WHERE session_id = ? AND position >= ?",
                [i.session_id, i.position],
            )
            # SQLite may have given the removed item's id to an item added since (the
            # highest id is reused): then the item comes back under a new one.
            taken = self.db.execute("SELECT 1 FROM agenda_items WHERE id = ?", [i.id]).fetchone()
            cursor = self.db.execute(
                f"INSERT INTO agenda_items ({ITEM_COLUMNS}) VALUES ({', '.join('?' * 19)})",
                [None if taken else i.id, i.session_id, i.position, i.title, i.prompt, i.category, i.topic_id,
                 i.minutes, i.proposed_by, i.status, i.carried_from_id, i.carry_count, i.follow_up_id,
                 i.version + 1, i.elapsed_seconds, i.conflict_of, int(i.kept), i.carry_over,
                 self._still_standing(i)],
            )
            restored_id = inserted(cursor)
            if removed.follow_up_was is not None:
                self.db.execute(
                    "UPDATE follow_ups SET status = ?, done_on = NULL, version = version + 1, "
                    f"updated_at = {NOW_SQL} WHERE id = ? AND status = 'dropped'",
                    [removed.follow_up_was, i.follow_up_id],
                )
            if removed.source_was is not None:
                self.db.execute(
                    f"UPDATE agenda_items SET status = ?, version = version + 1, updated_at = {NOW_SQL} "
                    "WHERE id = ? AND status = 'dropped'",
                    [removed.source_was, i.carried_from_id],
                )
        self._wrote("agenda_items", "follow_ups")
        return restored_id

    # -- coverage ----------------------------------------------------------------

    def coverage(self, mentorship_id: int, window: int = 4, session_id: int | None = None) -> Coverage:
        """For each core category: how many held sessions ago it last came up.

        With `session_id` (the session being planned), categories already on its
        agenda count as covered, so the nudge points at one still missing. `held`
        says how many sessions the window really holds.
        """
        held = [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'held' "
                "ORDER BY scheduled_on DESC, id DESC LIMIT ?",
                [mentorship_id, window],
            )
        ]
        seen: dict[str, int] = {}
        for ago, held_id in enumerate(held):
            for (category,) in self.db.execute(
                "SELECT DISTINCT category FROM agenda_items WHERE session_id = ? AND category IS NOT NULL",
                [held_id],
            ):
                seen.setdefault(category, ago)
        planned = {
            row[0]
            for row in self.db.execute(
                "SELECT DISTINCT category FROM agenda_items WHERE session_id = ? AND category IS NOT NULL",
                [session_id],
            )
        }
        return Coverage(
            held=len(held),
            window=window,
            categories=[CategoryCoverage(name, seen.get(name), name in planned) for name in CORE_CATEGORIES],
        )

    def category_coverage(
        self, mentorship_id: int, window: int = 4, session_id: int | None = None
    ) -> list[CategoryCoverage]:
        """The categories of `coverage`, for callers that do not need the held count."""
        return self.coverage(mentorship_id, window, session_id).categories

    # -- helpers -----------------------------------------------------------------

    def _still_standing(self, item: AgendaItem) -> int | None:
        """A removed copy of a standing item comes back as one, unless it was unpinned
        meanwhile or another copy has joined its agenda since."""
        if item.standing_id is None:
            return None
        row = self.db.execute(
            "SELECT 1 FROM standing_items t WHERE t.id = ? AND t.unpinned_at IS NULL AND NOT EXISTS "
            "(SELECT 1 FROM agenda_items c WHERE c.session_id = ? AND c.standing_id = t.id)",
            [item.standing_id, item.session_id],
        ).fetchone()
        return item.standing_id if row else None

    def _update_item(self, item_id: int, assignments: str, values: list[object]) -> None:
        self.get_agenda_item(item_id)  # NotFound when gone, or outside the scope
        self.db.execute(
            f"UPDATE agenda_items SET {assignments}, version = version + 1, updated_at = {NOW_SQL} WHERE id = ?",
            [*values, item_id],
        )
        self._wrote("agenda_items")


