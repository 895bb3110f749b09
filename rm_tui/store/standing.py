"""Standing items: an agenda item pinned to a mentorship joins every planned agenda.

"What's on your mind?" or "One thing I tried since last time" belong in every meeting.
Pinning one makes it a standing item; a copy of it joins each planned session's agenda
once, when the session is planned and when the item is pinned. A copy names the
standing item it is of (`agenda_items.standing_id`), so joining again finds it there,
and carry-over never brings one in: a standing item not reached is there next time
anyway. Pinning shapes every future agenda, so it is the leader's admin.
"""

from __future__ import annotations

from ..errors import ValidationError
from ..models import StandingItem
from ..scope import Action, requires
from .base import NOW_SQL, StoreBase, inserted
from .connection import immediate

STANDING_COLUMNS = "id, mentorship_id, title, prompt, category, minutes, proposed_by, position, created_at"


class StandingQueries(StoreBase):
    """Pinning and unpinning items, and bringing standing items into planned agendas."""

    def standing_items(self, mentorship_id: int) -> list[StandingItem]:
        """The items pinned to a mentorship, in the order they join an agenda."""
        self.scope.require_mentorship(mentorship_id)
        return self._all(
            StandingItem,
            f"SELECT {STANDING_COLUMNS} FROM standing_items WHERE mentorship_id = ? AND unpinned_at IS NULL "
            "ORDER BY position, id",
            [mentorship_id],
        )

    @requires(Action.PIN_ITEMS)
    def pin_agenda_item(self, item_id: int) -> int:
        """Pin an item: from now on it joins every planned agenda. Returns the standing item's id.

        Pinning a pinned item changes nothing. An item titled as one pinned before (or
        unpinned since) is that standing item again, so no title stands twice. A
        follow-up's item is refused: it comes back by itself while the follow-up is open.
        """
        with immediate(self.db):
            session_id, mentorship_id, title, follow_up_id, standing_id = self._one_row(
                "SELECT i.session_id, s.mentorship_id, i.title, i.follow_up_id, i.standing_id "
                "FROM agenda_items i JOIN sessions s ON s.id = i.session_id WHERE i.id = ?",
                [item_id], f"agenda item {item_id}",
            )
            if not self.scope.includes(mentorship_id):  # another mentorship's item is not there
                raise self._not_found(f"agenda item {item_id}")
            if follow_up_id is not None:
                raise ValidationError(
                    "item", "A follow-up's item comes back by itself while the follow-up is open: it can't be pinned"
                )
            if standing_id is None:
                standing_id = self._standing_titled(mentorship_id, title)
                if standing_id is None:
                    standing_id = inserted(self.db.execute(
                        "INSERT INTO standing_items (mentorship_id, title, prompt, category, minutes, proposed_by, "
                        "position) SELECT ?, title, prompt, category, minutes, proposed_by, (SELECT "
                        "coalesce(max(position), -1) + 1 FROM standing_items WHERE mentorship_id = ?) "
                        "FROM agenda_items WHERE id = ?",
                        [mentorship_id, mentorship_id, item_id],
                    ))
                elif self._copy_on(session_id, standing_id) is not None:
                    raise ValidationError("item", f"“{title}” is pinned already, and on this agenda")
                self.db.execute(
                    f"UPDATE standing_items SET unpinned_at = NULL, updated_at = {NOW_SQL} WHERE id = ?",
                    [standing_id],
                )
                self.db.execute(
                    f"UPDATE agenda_items SET standing_id = ?, version = version + 1, updated_at = {NOW_SQL} "
                    "WHERE id = ?",
                    [standing_id, item_id],
                )
            for (planned,) in self.db.execute(
                "SELECT id FROM sessions WHERE mentorship_id = ? AND status = 'planned'", [mentorship_id]
            ).fetchall():
                self._join_standing_items(planned)
        self._wrote("standing_items", "agenda_items")
        return int(standing_id)

    @requires(Action.PIN_ITEMS)
    def unpin_standing_item(self, standing_id: int, *, keeping: int | None = None) -> None:
        """Unpin: the item joins no agenda from now on.

        Its copies on planned agendas become ordinary items; those nobody has touched
        (still open, no notes) leave them, except `keeping`, the copy the unpinning was
        done on. Copies in meetings held or running stay as they were.
        """
        with immediate(self.db):
            (mentorship_id,) = self._one_row(
                "SELECT mentorship_id FROM standing_items WHERE id = ?", [standing_id], f"standing item {standing_id}"
            )
            if not self.scope.includes(mentorship_id):
                raise self._not_found(f"standing item {standing_id}")
            self.db.execute(
                f"UPDATE standing_items SET unpinned_at = {NOW_SQL}, updated_at = {NOW_SQL} "
                "WHERE id = ? AND unpinned_at IS NULL",
                [standing_id],
            )
            planned = "session_id IN (SELECT id FROM sessions WHERE status = 'planned')"
            self.db.execute(
                f"DELETE FROM agenda_items WHERE standing_id = ? AND id IS NOT ? AND {planned} AND status = 'open' "
                "AND NOT EXISTS (SELECT 1 FROM notes n WHERE n.agenda_item_id = agenda_items.id AND n.body != '')",
                [standing_id, keeping],
            )
            self.db.execute(
                f"UPDATE agenda_items SET standing_id = NULL, version = version + 1, updated_at = {NOW_SQL} "
                f"WHERE standing_id = ? AND {planned}",
                [standing_id],
            )
        self._wrote("standing_items", "agenda_items")

    def _join_standing_items(self, session_id: int) -> int:
        """Bring the standing items into a planned session's agenda, each once; returns how many came.

        Runs inside the caller's write transaction, and is idempotent. An item already
        on the agenda under a standing item's title (typed again, or carried) becomes
        its copy rather than standing beside a second one. New copies go last, in the
        order the items were pinned: the pair's own order stays as it is.
        """
        (mentorship_id,) = self._one_row(
            "SELECT mentorship_id FROM sessions WHERE id = ? AND status = 'planned'", [session_id],
            f"session {session_id}",
        )
        on_agenda = self.db.execute(
            "SELECT id, title, standing_id FROM agenda_items WHERE session_id = ? AND follow_up_id IS NULL "
            "ORDER BY position, id",
            [session_id],
        ).fetchall()
        present = {standing for _, _, standing in on_agenda if standing is not None}
        unlinked: dict[str, int] = {}
        for ident, title, standing in on_agenda:
            if standing is None:
                unlinked.setdefault(title.casefold(), ident)
        came = 0
        for standing_id, title in self.db.execute(
            "SELECT id, title FROM standing_items WHERE mentorship_id = ? AND unpinned_at IS NULL "
            "ORDER BY position, id",
            [mentorship_id],
        ).fetchall():
            if standing_id in present:
                continue
            same = unlinked.pop(title.casefold(), None)
            if same is not None:
                self.db.execute(
                    f"UPDATE agenda_items SET standing_id = ?, version = version + 1, updated_at = {NOW_SQL} "
                    "WHERE id = ?",
                    [standing_id, same],
                )
                continue
            self.db.execute(
                "INSERT INTO agenda_items (session_id, position, title, prompt, category, minutes, proposed_by, "
                "standing_id) SELECT ?, (SELECT coalesce(max(position), -1) + 1 FROM agenda_items "
                "WHERE session_id = ?), title, prompt, category, minutes, proposed_by, id "
                "FROM standing_items WHERE id = ?",
                [session_id, session_id, standing_id],
            )
            came += 1
        return came

    def _standing_titled(self, mentorship_id: int, title: str) -> int | None:
        """The standing item (pinned now or before) of this title, whatever its case."""
        for ident, stored in self.db.execute(
            "SELECT id, title FROM standing_items WHERE mentorship_id = ? ORDER BY unpinned_at IS NOT NULL, id",
            [mentorship_id],
        ):
            if stored.casefold() == title.casefold():
                return int(ident)
        return None

    def _copy_on(self, session_id: int, standing_id: int) -> int | None:
        row = self.db.execute(
            "SELECT id FROM agenda_items WHERE session_id = ? AND standing_id = ?", [session_id, standing_id]
        ).fetchone()
        return None if row is None else int(row[0])
