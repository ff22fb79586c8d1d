"""Applying events and fetched objects: the I/O around the SQL write path.

:class:`Ingestor` turns an event or an object fetched by id into a
:class:`~stripe_sync.changes.Change` of action ``route`` and applies it through the write groups
(:mod:`stripe_sync.grouping`). The database routes it (``_route_change`` in
``sql/migrations/0041_one_router.sql``: its table, parent, child lists and references) and
writes it; a change whose route needs Stripe first comes back unwritten with its route, and is
sent again routed once the calls are made. The Ingestor does, before and after the call, only
what needs the Stripe API:

- **truncated nested lists** (a subscription's items, an invoice's lines ...) are paged to
  completion when ``auto_expand_lists`` is on, so the child table gets every row and rows that
  vanished from the list are tombstoned; lists that only appear when expanded (checkout line
  items) are listed. Without the option, the embedded items are written and nothing is
  tombstoned unless the list was complete.
- **same-second ties**: when the write path answers ``ambiguous`` (the stored row has a version
  from the same second and nothing orders the two), the object is fetched again and written as a
  ``refetch``, which wins the tie if no one wrote the row since; this repeats at most
  :data:`MAX_REFETCHES` times, after which the last fetch wins.
- **revalidation**: objects named in ``revalidate_objects_via_stripe_api`` are fetched instead
  of trusting the payload, except when the event announces a final state (``*.deleted``).
- **summaries** of a parent's complete set of rows (a customer's active entitlements) replace
  that set; a truncated one is listed first.
- **related objects** (``backfill_related_entities``): the write call answers which referenced
  objects (a charge's customer, an invoice's subscription ...) have no row; those are fetched
  with bounded concurrency and written, one level deep.

An object that Stripe answers 404 ``resource_missing`` for, or ``deleted: true``, is written as a
tombstone.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from .changes import Change, ChildList, Routing, Via, embedded_lists, stub
from .client import StripeClient
from .config import StripeSyncConfig
from .errors import MalformedPayloadError, StripeNotFoundError, UnknownObjectError
from .events import check_event
from .grouping import WriteGroups
from .resources import REGISTRY, Resource, by_id, get
from .store import AppliedChange

__all__ = ["MAX_REFETCHES", "Ingestor", "Outcome", "SyncResult"]

#: Re-fetches of one object to settle a same-second tie before the last fetch simply wins.
MAX_REFETCHES = 3
#: Referenced objects fetched at once for ``backfill_related_entities``.
RELATED_CONCURRENCY = 4

_default_logger = logging.getLogger(__name__)
_BY_TABLE = {r.table: r for r in REGISTRY.values()}


class Outcome(enum.StrEnum):
    """What happened to an event or object."""

    #: The row was inserted or updated.
    WRITTEN = "written"
    #: The row already held exactly this payload (a replay).
    UNCHANGED = "unchanged"
    #: The row holds a newer version; nothing was written.
    STALE = "stale"
    #: The object was deleted before; the tombstone stays.
    TOMBSTONED = "tombstoned"
    #: The row became a tombstone.
    DELETED = "deleted"
    #: A parent's set of rows was replaced (active entitlements of a customer).
    REPLACED = "replaced"
    #: The event was applied before (same event id); nothing was done.
    DUPLICATE = "duplicate"
    #: The event carries nothing to mirror (see ``SyncResult.reason``).
    SKIPPED = "skipped"
    #: The event could not be applied for a reason retrying will not fix; it was stored as a
    #: dead letter (``SyncResult.reason`` says why; see :mod:`stripe_sync.dead_letters`).
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class SyncResult:
    """The result of ``process_event``, ``process_webhook`` or ``sync_single_entity``."""

    outcome: Outcome
    #: Registry name of the object type (``customer``), None for types not mirrored.
    object: str | None
    object_id: str | None
    account_id: str
    event_id: str | None = None
    event_type: str | None = None
    #: The event's ``created`` (Unix seconds), None for objects synced by id.
    event_created: int | None = None
    #: Why nothing was written, for skipped and failed events.
    reason: str | None = None
    #: Times the object was fetched again to settle a same-second tie.
    refetches: int = 0
    #: Referenced objects that were missing and fetched (``backfill_related_entities``).
    related_fetched: int = 0
    #: Which path brought the event: ``webhook`` (:meth:`process_webhook`), ``events`` (the
    #: Events API poller, gap fills included), ``websocket`` (the Stripe CLI channel); None
    #: for :meth:`process_event` called directly and for objects synced by id.
    source: str | None = None
    #: The database clock when the write was done, just before its commit (None for a failed
    #: event): with ``event_created``, the event's delay from Stripe to the mirror.
    committed_at: datetime | None = None

    @property
    def applied(self) -> bool:
        """The database changed."""
        return self.outcome in (Outcome.WRITTEN, Outcome.DELETED, Outcome.REPLACED)


AccountResolver = Callable[[], Awaitable[str]]


class Ingestor:
    """Applies events and single objects through the facade's write groups, Stripe client and
    account."""

    def __init__(
        self,
        config: StripeSyncConfig,
        writes: WriteGroups,
        client: Callable[[], StripeClient],
        platform_account: AccountResolver,
    ) -> None:
        self.config = config
        self._writes = writes
        self._client = client
        self._platform_account = platform_account
        self._log = config.logger or _default_logger
        revalidate = frozenset(config.revalidate_objects_via_stripe_api)
        unknown = revalidate - set(REGISTRY)
        if unknown:
            raise UnknownObjectError(
                f"revalidate_objects_via_stripe_api names unknown objects: {sorted(unknown)}"
            )
        #: What the database needs to route this engine's changes (``_route_change``).
        self._routing = Routing(
            expand=config.auto_expand_lists,
            refs=config.backfill_related_entities,
            revalidate=tuple(sorted(revalidate)),
        )
        self._related_routing = replace(self._routing, refs=False)

    # -- events ----------------------------------------------------------------------------

    async def process_event(
        self,
        event: Mapping[str, Any] | object,
        *,
        raw: str | None = None,
        via: Via | None = None,
    ) -> SyncResult:
        """Apply one event (a dict or a ``stripe.Event``); see the module docstring.

        ``raw`` is the event's JSON text exactly as received (a verified webhook body): it goes
        to the database as it is, and the parsed event is not encoded again. ``via``: how the
        event came, recorded with it.
        """
        ev = check_event(event)  # type: ignore[arg-type]
        platform = await self._platform_account()
        # Stripe-Account is only sent for another account than the key's own.
        account = ev.get("account")
        connected = account if account != platform else None
        created = datetime.fromtimestamp(ev["created"], UTC)
        livemode = ev.get("livemode")
        change = Change(
            action="route",
            resource=None,
            objects=(),
            account_id=connected or platform,
            version=created,
            source="event",
            event_id=ev["id"],
            event_type=ev["type"],
            event_created=created,
            via=via,
            livemode=livemode if isinstance(livemode, bool) else None,
            raw_event=raw,
            event=None if raw is not None else ev,
            routing=self._routing,
        )
        return await self._apply(change, ev["data"]["object"], connected)

    # -- single objects ----------------------------------------------------------------------

    async def sync_entity(
        self, object_id: str, *, object: str | None = None, account: str | None = None
    ) -> SyncResult:
        """Fetch one object by id (type from its prefix, or ``object``) and write it."""
        resource = get(object) if object else by_id(object_id)
        if resource.retrieve_path is None:
            raise UnknownObjectError(
                f"{resource.name} objects exist only inside their parent "
                f"({resource.parent}); sync the parent instead"
            )
        account_id = account or await self._platform_account()
        fetched_at = _now()
        fresh = await self._fetch(resource, object_id, account)
        base = Change(
            action="route",
            resource=None,
            objects=(),
            account_id=account_id,
            version=fetched_at,
            source="fetch",
            livemode=self.config.livemode,
        )
        change = self._fetched(base, resource, object_id, fresh)
        return await self._apply(change, change.objects[0], account)

    async def child_lists(
        self, resource: Resource, obj: Mapping[str, Any], account: str | None
    ) -> tuple[ChildList, ...]:
        """``obj``'s nested lists as child rows, paged to completion with ``auto_expand_lists``."""
        return await self._children(resource, obj, account)

    # -- internals -------------------------------------------------------------------------------

    async def _apply(
        self, change: Change, obj: Mapping[str, Any], account: str | None
    ) -> SyncResult:
        """Apply ``change`` (of ``obj``); make the Stripe calls its route asks for; settle
        same-second ties by re-fetching; fetch missing references."""
        change, applied = await self._send(change, obj, account)
        routed = applied.route if applied.outcome == "route" else None
        if routed is not None and routed["needs"] == "summary":
            return await self._replace_children(change, routed, obj, account)
        if routed is not None and routed["needs"] == "revalidate":
            resource = get(routed["resource"])
            revalidated = str(routed["object_id"])
            fetched_at = _now()
            fresh = await self._fetch(resource, revalidated, account)
            change = self._fetched(
                change, resource, revalidated, fresh, source="fetch", version=fetched_at
            )
            return await self._apply(change, change.objects[0], account)
        name = _resource_name(change, applied)
        object_id = applied.object_id or change.object_id
        refetches = 0
        while applied.outcome == "ambiguous":
            resource = get(str(name))
            if resource.retrieve_path is None or object_id is None:
                change = replace(change, tie_wins=True)
                change, applied = await self._send(change, obj, account)
                continue
            refetches += 1
            fresh = await self._fetch(resource, object_id, account)
            # The database clock when the conflict was seen, before this fetch began: the
            # re-fetch wins the tie only if no one wrote the row since (0001_baseline.sql).
            change = self._fetched(
                change,
                resource,
                object_id,
                fresh,
                source="refetch",
                version=applied.seen_at,
                tie_wins=refetches >= MAX_REFETCHES,
            )
            obj = change.objects[0]
            change, applied = await self._send(change, obj, account)
        if applied.outcome == Outcome.SKIPPED and change.source == "event":
            self._log.info(
                "skipped event %s (%s): %s",
                change.event_id,
                change.event_type,
                applied.reason,
                extra={"event_id": change.event_id, "event_type": change.event_type},
            )
        related = await self._fetch_related(applied, account)
        return self._result(
            change,
            applied,
            name=name,
            object_id=object_id,
            refetches=refetches,
            related=related,
        )

    async def _send(
        self, change: Change, obj: Mapping[str, Any], account: str | None
    ) -> tuple[Change, AppliedChange]:
        """Apply ``change``; when the database hands it back to list child lists first
        (``auto_expand_lists``), list them and send it routed. Raises
        :class:`MalformedPayloadError` for a change the database found malformed."""
        applied = await self._writes.apply(change)
        if applied.outcome == "malformed":
            raise MalformedPayloadError(applied.reason or "malformed event")
        route = applied.route
        if applied.outcome != "route" or route is None or route["needs"] != "expand":
            return change, applied
        resource = get(route["resource"])
        nested = {n.field: n for n in resource.nested_lists}
        children: list[ChildList] = []
        for found in route["children"]:
            if found["must_list"]:
                listed = nested[found["field"]]
                items = await self._list_all(
                    listed.path, listed.params, str(route["object_id"]), account
                )
                children.append(
                    ChildList(found["table"], found["parent_column"], items, complete=True)
                )
            elif found["present"]:
                children.append(
                    ChildList(
                        found["table"],
                        found["parent_column"],
                        (),
                        complete=found["complete"],
                        field=found["field"],
                    )
                )
        routed = replace(
            change,
            action="upsert",
            resource=resource,
            objects=(obj,),
            parent_id=route["parent_id"],
            children=tuple(children),
            refs=tuple((str(t), str(i)) for t, i in route["refs"] or ()),
            event=None,
            routing=None,
        )
        return routed, await self._writes.apply(routed)

    def _fetched(
        self,
        change: Change,
        resource: Resource,
        object_id: str,
        fresh: Mapping[str, Any] | None,
        **fields: Any,
    ) -> Change:
        """``change`` carrying ``fresh``, the object as fetched (None when Stripe has it no
        more: a tombstone), for the database to route."""
        return replace(
            change,
            action="route",
            resource=None,
            objects=(fresh if fresh is not None else stub(resource, object_id),),
            parent_id=None,
            children=(),
            refs=(),
            raw_event=None,
            event=None,
            routing=self._routing,
            **fields,
        )

    async def _fetch(
        self, resource: Resource, object_id: str, account: str | None
    ) -> dict[str, Any] | None:
        """The object as Stripe holds it now; None when it is gone (404 ``resource_missing``)."""
        try:
            return await self._client().retrieve(resource, object_id, account=account)
        except StripeNotFoundError as exc:
            if exc.code not in (None, "resource_missing"):
                raise
            return None

    async def _children(
        self, resource: Resource, obj: Mapping[str, Any], account: str | None
    ) -> tuple[ChildList, ...]:
        """The parent's nested lists as child rows, paged to completion when configured."""
        children: list[ChildList] = []
        object_id = obj.get("id")
        for found in embedded_lists(resource, obj):
            must_list = found.has_more or (
                not found.present and found.nested.expand and found.child.is_child
            )
            if self.config.auto_expand_lists and must_list and isinstance(object_id, str):
                nested = found.nested
                items = await self._list_all(nested.path, nested.params, object_id, account)
                children.append(found.child_list(items, complete=True))
            elif found.present:
                children.append(found.child_list())
        return tuple(children)

    async def _replace_children(
        self,
        change: Change,
        route: Mapping[str, Any],
        summary: Mapping[str, Any],
        account: str | None,
    ) -> SyncResult:
        """Apply a summary of a parent's complete set of rows (a customer's entitlements).

        The rows replace the parent's, so the set must be complete: a truncated summary is
        listed whatever ``auto_expand_lists`` says, and so is a same-second tie (re-listed).
        """
        resource = get(route["resource"])
        parent_id = str(route["parent_id"])
        items: list[Mapping[str, Any]] = list(summary[route["list_field"]]["data"])
        if route["has_more"]:
            items = await self._list_parent_rows(resource, parent_id, account)
        change = replace(
            change,
            action="replace_children",
            resource=resource,
            objects=items,
            parent_id=parent_id,
            raw_event=None,
            event=None,
            routing=None,
        )
        applied = await self._writes.apply(change)
        refetches = 0
        while applied.outcome == "ambiguous":
            refetches += 1
            items = await self._list_parent_rows(resource, parent_id, account)
            change = replace(
                change,
                objects=items,
                source="refetch",
                version=applied.seen_at,
                tie_wins=refetches >= MAX_REFETCHES,
            )
            applied = await self._writes.apply(change)
        return self._result(
            change, applied, name=resource.name, object_id=parent_id, refetches=refetches
        )

    async def _list_parent_rows(
        self, resource: Resource, parent_id: str, account: str | None
    ) -> list[Mapping[str, Any]]:
        per_parent = resource.list_per_parent
        if per_parent is None:  # pragma: no cover - registry rows with summaries list per parent
            raise UnknownObjectError(f"{resource.name} cannot be listed per {resource.parent}")
        path = per_parent.path.replace("{parent}", parent_id)
        params = tuple((k, v.replace("{parent}", parent_id)) for k, v in per_parent.params)
        return await self._list_all(path, params, None, account)

    async def _list_all(
        self,
        path: str,
        params: Sequence[tuple[str, str]],
        object_id: str | None,
        account: str | None,
    ) -> list[Mapping[str, Any]]:
        if object_id is not None:
            path = path.replace("{id}", object_id)
            params = [(k, v.replace("{id}", object_id)) for k, v in params]
        seen: dict[str, Mapping[str, Any]] = {}
        async for item in self._client().iter_list(path, dict(params), account=account):
            seen[str(item.get("id"))] = item
        return list(seen.values())

    async def _fetch_related(self, applied: AppliedChange, account: str | None) -> int:
        """Fetch and write the referenced objects that have no row; returns how many."""
        if not applied.missing_refs:
            return 0
        limit = asyncio.Semaphore(RELATED_CONCURRENCY)

        async def one(table: str, object_id: str) -> bool:
            resource = _BY_TABLE[table]
            async with limit:
                fetched_at = _now()
                fresh = await self._fetch(resource, object_id, account)
            if fresh is None:
                self._log.info("referenced %s %s is not in Stripe", resource.name, object_id)
                return False
            base = Change(
                action="route",
                resource=None,
                objects=(),
                account_id=account or await self._platform_account(),
                version=fetched_at,
                source="fetch",
                livemode=self.config.livemode,
            )
            # One level deep: the related object's own references are not looked up.
            change = replace(
                self._fetched(base, resource, object_id, fresh), routing=self._related_routing
            )
            await self._send(change, fresh, account)
            return True

        done = await asyncio.gather(*(one(t, i) for t, i in applied.missing_refs))
        return sum(done)

    @staticmethod
    def _result(
        change: Change,
        applied: AppliedChange,
        *,
        name: str | None,
        object_id: str | None,
        refetches: int = 0,
        related: int = 0,
    ) -> SyncResult:
        outcome = Outcome(applied.outcome)
        return SyncResult(
            outcome=outcome,
            object=name,
            object_id=object_id,
            account_id=change.account_id,
            event_id=change.event_id,
            event_type=change.event_type,
            event_created=(
                int(change.event_created.timestamp()) if change.event_created is not None else None
            ),
            reason=applied.reason if outcome is Outcome.SKIPPED else None,
            refetches=refetches,
            related_fetched=related,
            source=change.via,
            committed_at=applied.seen_at,
        )


def _resource_name(change: Change, applied: AppliedChange) -> str | None:
    """The registry name of what ``change`` wrote: the database's route, or the change's own."""
    if applied.resource is not None:
        return applied.resource
    return change.resource.name if change.resource is not None else None


def _now() -> datetime:
    return datetime.now(UTC)
