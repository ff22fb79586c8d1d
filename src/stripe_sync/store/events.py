"""Events that arrive outside a webhook: the Events API poller's cursor, the ids already
handled, and the dead letters (rows in the order of ``dead_letters.DEAD_LETTER_COLUMNS``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from ..errors import DatabaseError
from ..queries import query
from .core import StoreCore, jsonb

__all__ = ["EventQueries"]


class EventQueries(StoreCore):
    """Event cursors and dead letters (a part of :class:`~stripe_sync.store.Store`)."""

    async def event_cursor(
        self, account_id: str, mode: str = "unknown"
    ) -> tuple[str | None, datetime] | None:
        """``(last_event_id, last_event_created)`` of the Events API poller of ``mode``'s key,
        None before its first pass (see :mod:`stripe_sync.poller`)."""
        row = await self._fetchone(query("event_cursor", self.schema), (account_id, mode))
        return (row[0], row[1]) if row else None

    async def save_event_cursor(
        self, account_id: str, event_id: str | None, created: datetime, mode: str = "unknown"
    ) -> None:
        """Store the poller's position; a position older than the stored one is ignored."""
        params = {"account_id": account_id, "event_id": event_id, "created": created, "mode": mode}
        await self._fetchone(query("save_event_cursor", self.schema), params, returns=False)

    async def handled_event_ids(self, event_ids: Sequence[str]) -> set[str]:
        """The ids among ``event_ids`` applied before (``_processed_events``) or stored as dead
        letters."""
        if not event_ids:
            return set()
        rows = await self._fetchall(
            query("handled_event_ids", self.schema), {"ids": list(event_ids)}
        )
        return {str(r[0]) for r in rows}

    async def record_dead_letter(self, row: Mapping[str, Any]) -> int:
        """Store (or count one more failure of) a dead letter; returns its attempts."""
        params = {**row, "payload": jsonb(row["payload"])}
        stored = await self._fetchone(query("record_dead_letter", self.schema), params)
        if stored is None:  # pragma: no cover - INSERT ... RETURNING always returns the row
            raise DatabaseError("record_dead_letter returned no row")
        return int(stored[0])

    async def dead_letters(self, *, limit: int, include_resolved: bool) -> list[tuple[Any, ...]]:
        params = {"limit": limit, "include_resolved": include_resolved}
        return await self._fetchall(query("list_dead_letters", self.schema), params)

    async def unresolved_dead_letters(self) -> list[tuple[Any, ...]]:
        return await self._fetchall(query("unresolved_dead_letters", self.schema), ())

    async def dead_letters_by_id(self, event_ids: Sequence[str]) -> list[tuple[Any, ...]]:
        params = {"event_ids": list(event_ids)}
        return await self._fetchall(query("dead_letters_by_id", self.schema), params)

    async def resolve_dead_letter(self, event_id: str) -> None:
        params = {"event_id": event_id}
        await self._fetchone(query("resolve_dead_letter", self.schema), params, returns=False)
