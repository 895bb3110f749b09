"""Carry-over: what a meeting did not reach, and open follow-ups, move on to the next agenda.

Runs inside the caller's write transaction (planning, ending, calling off a session,
or agreeing a follow-up), so an agenda never shows half a carry-over.
"""

from __future__ import annotations

from .base import NOW_SQL, StoreBase

FOLLOW_UP_MINUTES = 5
FOLLOW_UP_PREFIX = "Follow-up: "  # how a follow-up's item is titled on an agenda

# Which planned session is "the next one" when a mentorship has more than one: the one
# whose agenda has items (carried ones, the mentor's additions), then the soonest. The
# agenda `s` opens and the one carry-over fills are the same, so nothing lands out of sight.
NEXT_PLANNED_ORDER = "EXISTS (SELECT 1 FROM agenda_items a WHERE a.session_id = sessions.id) DESC, scheduled_on, id"


class CarryOverQueries(StoreBase):
    """Bringing what is still open into a planned session, once and in order."""

    def _bring_in_carry_over(
        self,
        session_id: int,
        *,
        only_follow_up: int | None = None,
        moved_from: int | None = None,
        only_item: int | None = None,
    ) -> int:
        """Add to a planned session what is still open; returns how many items came in.

        Runs inside the caller's write transaction, and is idempotent: it is called
        when a session is planned and again whenever another one ends, so it only
        adds what is on no upcoming agenda yet.

        - Items come from the latest *held* session only: a planned one has not
          happened, so nothing in it was "not reached". Those still open and not
          counted as discussed (`carry_over`, written when the meeting ended), not
          follow-up rows (which come from the follow-ups below), not already
          carried into a session that is not cancelled, and not standing items
          (nor items whose carried copy was pinned): those join every planned
          agenda anyway (rm_tui/store/standing.py), so carrying one would show it twice.
        - Open follow-ups come in unless a planned or live session already has them.
          Their count is one more than the most they were carried to a held session.

        `only_follow_up` brings in that one follow-up and nothing else: a follow-up
        agreed between meetings joins the agenda already planned, and nothing removed
        from that agenda comes back with it. `moved_from` (a session just called off)
        brings in only what was carried into that one, for the same reason, and
        `only_item` that one item, which the pair has just said carries over after all.

        Carried copies start not kept: each meeting decides afresh about a stale item.
        Carry-over goes first on the agenda, follow-ups first of all, as the pair
        deals with what is left from last time before new topics.
        """
        (mentorship_id,) = self._one_row(
            "SELECT mentorship_id FROM sessions WHERE id = ?", [session_id], f"session {session_id}"
        )
        follow_ups = [
            (f"{FOLLOW_UP_PREFIX}{title}", "", None, None, FOLLOW_UP_MINUTES, owner, None, carries, follow_up_id)
            for follow_up_id, title, owner, carries in self.db.execute(
                "SELECT f.id, f.title, f.owner, 1 + coalesce((SELECT max(i.carry_count) FROM agenda_items i "
                "JOIN sessions s ON s.id = i.session_id WHERE i.follow_up_id = f.id AND s.status = 'held'), 0) "
                "FROM follow_ups f WHERE f.mentorship_id = ? AND f.status = 'open' AND (? IS NULL OR f.id = ?) "
                "AND (? IS NULL OR EXISTS (SELECT 1 FROM agenda_items c WHERE c.follow_up_id = f.id "
                "  AND c.session_id = ?)) AND ? IS NULL "
                "AND NOT EXISTS (SELECT 1 FROM agenda_items i JOIN sessions s ON s.id = i.session_id "
                "  WHERE i.follow_up_id = f.id AND s.status IN ('planned', 'live')) "
                "ORDER BY f.due_on IS NULL, f.due_on, f.id",
                [mentorship_id, only_follow_up, only_follow_up, moved_from, moved_from, only_item],
            )
        ]
        items = [] if only_follow_up is not None else self.db.execute(
            "SELECT i.title, i.prompt, i.category, i.topic_id, i.minutes, i.proposed_by, i.id, i.carry_count + 1, "
            "NULL FROM agenda_items i WHERE i.session_id = (SELECT id FROM sessions WHERE mentorship_id = ? "
            "  AND status = 'held' ORDER BY scheduled_on DESC, id DESC LIMIT 1) "
            "AND i.status = 'open' AND i.carry_over IS NOT 0 AND i.follow_up_id IS NULL AND i.standing_id IS NULL "
            "AND NOT EXISTS (SELECT 1 FROM agenda_items p WHERE p.carried_from_id = i.id "
            "  AND p.standing_id IS NOT NULL) "
            "AND (? IS NULL OR i.id = ?) AND NOT EXISTS ("
            "  SELECT 1 FROM agenda_items c JOIN sessions s ON s.id = c.session_id "
            "  WHERE c.carried_from_id = i.id AND s.status != 'cancelled') "
            "AND (? IS NULL OR EXISTS (SELECT 1 FROM agenda_items c WHERE c.carried_from_id = i.id "
            "  AND c.session_id = ?)) "
            "ORDER BY i.position, i.id",
            [mentorship_id, only_item, only_item, moved_from, moved_from],
        ).fetchall()
        incoming = follow_ups + items
        if not incoming:
            return 0
        if only_follow_up is not None:
            # Agreed since the agenda was built: it goes last, and the pair's order stays as it is.
            (first,) = self.db.execute(
                "SELECT coalesce(max(position), -1) + 1 FROM agenda_items WHERE session_id = ?", [session_id]
            ).fetchone()
        else:
            first = 0
            self.db.execute(
                f"UPDATE agenda_items SET position = position + ?, version = version + 1, updated_at = {NOW_SQL} "
                "WHERE session_id = ?",
                [len(incoming), session_id],
            )
        self.db.executemany(
            "INSERT INTO agenda_items (session_id, position, title, prompt, category, topic_id, minutes, "
            "proposed_by, carried_from_id, carry_count, follow_up_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(session_id, first + offset, *values) for offset, values in enumerate(incoming)],
        )
        return len(incoming)

    def _carry_into_next_planned(
        self,
        mentorship_id: int,
        *,
        only_follow_up: int | None = None,
        besides: int | None = None,
        moved_from: int | None = None,
        only_item: int | None = None,
    ) -> None:
        """After a session ends or is cancelled, its open items move on to the next planned one.

        `besides` is a session that is not the next one whatever its status: the one
        a follow-up was agreed in.
        """
        upcoming = self.db.execute(
            "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'planned' AND id IS NOT ? "
            f"ORDER BY {NEXT_PLANNED_ORDER} LIMIT 1",
            [mentorship_id, besides],
        ).fetchone()
        if upcoming is not None:
            self._bring_in_carry_over(
                upcoming[0], only_follow_up=only_follow_up, moved_from=moved_from, only_item=only_item
            )

    def _take_back_carried_copy(self, item_id: int) -> None:
        """The pair says an item was discussed after all: its copy leaves the agendas still to come.

        A copy someone has written notes on stays: the pair's typing is never thrown away.
        """
        self.db.execute(
            "DELETE FROM agenda_items WHERE carried_from_id = ? AND status = 'open' "
            "AND session_id IN (SELECT id FROM sessions WHERE status = 'planned') "
            "AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.agenda_item_id = agenda_items.id AND n.body != '')",
            [item_id],
        )
