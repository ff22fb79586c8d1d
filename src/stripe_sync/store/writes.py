"""The write path's calls: ``_apply_changes`` (one group of changes, one commit) and the
read-after-write check ``_synced`` (see :mod:`stripe_sync.wait`)."""

from __future__ import annotations

import logging
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .. import jsoncodec
from ..changes import Change
from ..errors import DatabaseBusyError, DatabaseError
from ..queries import query
from .core import StoreCore, jsonb, jsonb_objects

__all__ = ["AppliedChange", "ChildRows", "EventRoute", "WriteQueries", "group_json"]

_log = logging.getLogger("stripe_sync.store")

#: Sends of a write group that PostgreSQL rolled back to break a deadlock or a serialization
#: conflict (SQLSTATE class 40) before the error is passed on.
_ROLLBACK_RETRIES = 3


@dataclass(frozen=True, slots=True)
class ChildRows:
    """The rows of one child table embedded in a page's objects, with each row's parent."""

    table: str
    parent_column: str | None
    objects: Sequence[Mapping[str, Any]]
    parent_ids: Sequence[str | None]


@dataclass(frozen=True, slots=True)
class AppliedChange:
    """What ``_apply_changes`` answered for one change."""

    #: written, unchanged, stale, ambiguous, tombstoned, deleted, replaced, skipped, duplicate.
    outcome: str
    #: ``(table, id)`` of referenced objects that have no row.
    missing_refs: tuple[tuple[str, str], ...]
    #: The database clock after the write: the version of a re-fetch that starts now.
    seen_at: datetime
    #: For a change the database routed (action ``route``): the registry name of its object's
    #: resource (None when not mirrored), the object's id, why it was skipped or is malformed.
    resource: str | None = None
    object_id: str | None = None
    reason: str | None = None
    #: For outcome ``route``: the route, for the engine to call Stripe and send it routed
    #: (``_route_change`` in ``0041_one_router.sql``).
    route: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class EventRoute:
    """How the write path routes an event (``_route_events``), without writing it."""

    #: upsert, delete, replace_children (a summary of a parent's rows) or skip.
    action: str
    #: The registry name of the object's resource; None when it is not mirrored.
    resource: str | None
    table: str | None
    object_id: str | None
    #: The parent's id: of a child row, or of the rows a summary replaces.
    parent_id: str | None
    #: None for a write; ``skipped``, or ``malformed`` (``reason`` says why).
    outcome: str | None
    reason: str | None


class WriteQueries(StoreCore):
    """The write path's calls (a part of :class:`~stripe_sync.store.Store`)."""

    async def apply_changes(self, changes: Sequence[Change]) -> list[AppliedChange]:
        """Apply ``changes`` in one call of ``_apply_changes`` and one commit; one result each,
        in order. A group that lost a deadlock or serialization race is sent again (it was
        rolled back whole, so nothing of it was written)."""
        payload = group_json(changes)
        for attempt in range(1, _ROLLBACK_RETRIES + 1):
            try:
                rows = await self._fetchall(query("apply_changes", self.schema), (payload,))
                break
            except DatabaseBusyError as exc:
                if attempt == _ROLLBACK_RETRIES or not _rolled_back(exc):
                    raise
                _log.info("write group rolled back (%s); sending it again", exc)
        if len(rows) != len(changes):  # pragma: no cover - the function answers each change
            raise DatabaseError(f"_apply_changes answered {len(rows)} of {len(changes)} changes")
        return [
            AppliedChange(
                outcome=outcome,
                missing_refs=tuple((str(t), str(i)) for t, i in missing or ()),
                seen_at=seen_at,
                resource=resource,
                object_id=object_id,
                reason=reason,
                route=route,
            )
            for _ord, outcome, missing, seen_at, resource, object_id, reason, route in rows
        ]

    async def route_events(self, events: Sequence[Mapping[str, Any]]) -> list[EventRoute]:
        """The route of each of ``events`` (checked with :func:`~stripe_sync.events.check_event`),
        in order, as :meth:`apply_changes` would route them."""
        if not events:
            return []
        rows = await self._fetchall(
            query("route_events", self.schema), (jsonb_objects(list(events)),)
        )
        return [EventRoute(*row[1:]) for row in rows]

    async def synced(
        self,
        table: str | None,
        object_id: str,
        *,
        event_id: str | None = None,
        version: datetime | None = None,
        state: Mapping[str, Any] | None = None,
    ) -> bool:
        """Whether the mirror holds the object at least at that version (``_synced``)."""
        row = await self._fetchone(
            query("synced", self.schema),
            {
                "table": table,
                "id": object_id,
                "event_id": event_id,
                "version": version,
                "state": jsonb(state) if state is not None else None,
            },
        )
        return bool(row and row[0])

    async def write_seconds(
        self,
        table: str,
        account_id: str,
        objects: Sequence[Mapping[str, Any]],
        children: Sequence[ChildRows] = (),
    ) -> float:
        """Seconds the database takes to write ``objects`` into ``table`` and the child rows
        embedded in them as a backfill page does, in transactions that are rolled back (nothing
        is kept): the second of two tries, the first paying for planning the tables' writers,
        which a run's connections do once. Leaves out the page's commit."""
        took = 0.0
        params = {"table": table, "account_id": account_id, "objects": jsonb_objects(objects)}
        rows = [
            {
                "table": c.table,
                "parent_column": c.parent_column,
                "account_id": account_id,
                "objects": jsonb_objects(c.objects),
                "parent_ids": list(c.parent_ids),
            }
            for c in children
            if c.objects
        ]
        async with self.connection() as conn:
            for _ in range(2):
                async with conn.transaction(force_rollback=True):
                    await conn.execute(query("measure_write_limits", self.schema))
                    started = time.perf_counter()
                    await conn.execute(query("measure_write", self.schema), params)
                    for child in rows:
                        await conn.execute(query("measure_child_write", self.schema), child)
                    took = time.perf_counter() - started
        return took


def _rolled_back(exc: BaseException) -> bool:
    """A deadlock or serialization failure: PostgreSQL rolled the whole call back."""
    return isinstance(exc, DatabaseBusyError) and exc.sqlstate.startswith("40")


def _change_json(change: Change) -> dict[str, Any]:
    """``change`` as one element of ``_apply_changes``' argument (without its objects when it
    carries its raw event, see :func:`group_json`). A change of action ``route`` gives its event
    (or fetched object) and the engine's options, and the database routes it."""
    found: dict[str, Any] = {
        "event_id": change.event_id,
        "event_type": change.event_type,
        "event_created": (
            change.event_created.isoformat() if change.event_created is not None else None
        ),
        "account_id": change.account_id,
        "action": change.action,
        "version": change.version.isoformat(),
        "source": change.source,
        "tie_wins": change.tie_wins,
        "via": change.via,
        "livemode": change.livemode,
    }
    if change.action == "route":
        found["route"] = change.routing.as_json() if change.routing is not None else {}
    else:
        resource = change.resource
        found.update(
            table=resource.table if resource is not None else None,
            parent_column=resource.parent if resource is not None else None,
            parent_id=change.parent_id,
            children=[c.as_json(embedded=True) for c in change.children],
            refs=change.refs,
        )
    if change.raw_event is None:
        if change.event is not None:
            found["event"] = change.event
        else:
            found["objects"] = change.objects
    return found


def group_json(changes: Sequence[Change]) -> str:
    """The JSON array of a group. A change that carries its webhook body has it spliced in as
    ``"event"`` as received: a body of kilobytes is not encoded again from the parsed event
    (the database parses it once either way)."""
    parts: list[str] = []
    for change in changes:
        encoded = jsoncodec.dumps(_change_json(change))
        if change.raw_event is not None:
            encoded = f'{encoded[:-1]},"event":{change.raw_event}}}'
        parts.append(encoded)
    return "[" + ",".join(parts) + "]"
