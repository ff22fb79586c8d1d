"""Applying events and fetched objects: the I/O around the SQL write path.

:class:`Ingestor` turns an event (routed by :func:`stripe_sync.events.route_event`) or an
object fetched by id into a :class:`~stripe_sync.changes.Change` and applies it through the
:class:`~stripe_sync.store.Store`, doing before and after the call only what needs the Stripe
API:

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

from .changes import (
    Change,
    ChildList,
    Via,
    deletion_children,
    embedded_lists,
    references,
    stub,
)
from .client import StripeClient
from .config import StripeSyncConfig
from .errors import StripeNotFoundError, UnknownObjectError
from .events import Action, Route, route_event
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
        self._revalidate = frozenset(config.revalidate_objects_via_stripe_api)
        unknown = self._revalidate - set(REGISTRY)
        if unknown:
            raise UnknownObjectError(
                f"revalidate_objects_via_stripe_api names unknown objects: {sorted(unknown)}"
            )

    # -- events ----------------------------------------------------------------------------

    async def process_event(
        self,
        event: Mapping[str, Any] | object,
        *,
        raw: str | None = None,
        via: Via | None = None,
    ) -> SyncResult:
        """Apply one event (a dict or a ``stripe.Event``); see the module docstring.

        ``raw`` is the event's JSON text exactly as received (a verified webhook body): when the
        object to write is the event's own ``data.object``, the text goes to the database as it
        is, and the parsed event is not encoded again. ``via``: how the event came, recorded
        with it.
        """
        route = route_event(event)  # type: ignore[arg-type]
        platform = await self._platform_account()
        # Stripe-Account is only sent for another account than the key's own.
        connected = route.account_id if route.account_id != platform else None
        account_id = connected or platform
        created = datetime.fromtimestamp(route.event_created, UTC)
        resource, obj = route.resource, route.object
        common: dict[str, Any] = {
            "account_id": account_id,
            "version": created,
            "source": "event",
            "event_id": route.event_id,
            "event_type": route.event_type,
            "event_created": created,
            "parent_id": route.parent_id,
            "via": via,
            "livemode": route.livemode,
        }
        if (
            route.action is Action.UPSERT
            and resource is not None
            and obj is not None
            and resource.name not in self._revalidate
        ):
            # The common case, built in one go (no intermediate copies).
            change = Change(
                action="upsert",
                resource=resource,
                objects=(obj,),
                children=await self._children(resource, obj, connected),
                refs=self._refs(resource, obj),
                raw_event=raw,
                **common,
            )
            return await self._apply(change, resource, connected, route=route)
        base = Change(
            action="skip", resource=resource, objects=[obj] if obj is not None else [], **common
        )
        if route.action is Action.SKIP or resource is None or obj is None:
            applied = await self._writes.apply(base)
            if applied.outcome != Outcome.DUPLICATE:
                self._log.info(
                    "skipped event %s (%s): %s",
                    route.event_id,
                    route.event_type,
                    route.reason,
                    extra={"event_id": route.event_id, "event_type": route.event_type},
                )
            return self._result(
                base, applied.outcome, route=route, reason=route.reason, committed=applied.seen_at
            )

        if route.action is Action.REPLACE_CHILDREN:
            return await self._replace_children(base, resource, obj, route, connected)

        if route.action is Action.DELETE:
            change = replace(
                base, action="delete", children=deletion_children(resource), raw_event=raw
            )
        elif resource.name in self._revalidate and not self._final(route):
            fetched_at = _now()
            fresh = await self._fetch(resource, str(obj["id"]), connected)
            change = await self._with_object(base, resource, fresh, connected)
            change = replace(change, source="fetch", version=fetched_at)
        else:
            change = replace(
                base,
                action="upsert",
                children=await self._children(resource, obj, connected),
                refs=self._refs(resource, obj),
                raw_event=raw,
            )
        return await self._apply(change, resource, connected, route=route)

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
            action="upsert",
            resource=resource,
            objects=[],
            account_id=account_id,
            version=fetched_at,
            source="fetch",
            livemode=self.config.livemode,
        )
        fresh = fresh or stub(resource, object_id)
        change = await self._with_object(base, resource, fresh, account)
        return await self._apply(change, resource, account)

    async def child_lists(
        self, resource: Resource, obj: Mapping[str, Any], account: str | None
    ) -> tuple[ChildList, ...]:
        """``obj``'s nested lists as child rows, paged to completion with ``auto_expand_lists``."""
        return await self._children(resource, obj, account)

    # -- internals -------------------------------------------------------------------------------

    async def _apply(
        self,
        change: Change,
        resource: Resource,
        account: str | None,
        *,
        route: Route | None = None,
    ) -> SyncResult:
        """Apply ``change``; settle same-second ties by re-fetching; fetch missing references."""
        applied = await self._writes.apply(change)
        refetches = 0
        while applied.outcome == "ambiguous":
            object_id = change.object_id
            if resource.retrieve_path is None or object_id is None:
                change = replace(change, tie_wins=True)
            else:
                refetches += 1
                fresh = await self._fetch(resource, object_id, account)
                change = await self._with_object(
                    change, resource, fresh or stub(resource, object_id), account
                )
                # The database clock when the conflict was seen, before this fetch began: the
                # re-fetch wins the tie only if no one wrote the row since (0001_baseline.sql).
                change = replace(
                    change,
                    source="refetch",
                    version=applied.seen_at,
                    tie_wins=refetches >= MAX_REFETCHES,
                )
            applied = await self._writes.apply(change)
        related = await self._fetch_related(applied, account) if change.action == "upsert" else 0
        return self._result(
            change,
            applied.outcome,
            route=route,
            refetches=refetches,
            related=related,
            committed=applied.seen_at,
        )

    async def _with_object(
        self,
        change: Change,
        resource: Resource,
        obj: Mapping[str, Any] | None,
        account: str | None,
    ) -> Change:
        """``change`` carrying ``obj`` (None or a ``deleted`` payload: a tombstone)."""
        if obj is None or obj.get("deleted") is True:
            gone = obj if obj is not None else stub(resource, str(change.object_id))
            return replace(
                change,
                action="delete",
                objects=[gone],
                children=deletion_children(resource),
                raw_event=None,
            )
        return replace(
            change,
            action="upsert",
            objects=[obj],
            children=await self._children(resource, obj, account),
            refs=self._refs(resource, obj),
            raw_event=None,
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
        base: Change,
        resource: Resource,
        summary: Mapping[str, Any],
        route: Route,
        account: str | None,
    ) -> SyncResult:
        """Apply a summary of a parent's complete set of rows (a customer's entitlements).

        The rows replace the parent's, so the set must be complete: a truncated summary is
        listed whatever ``auto_expand_lists`` says, and so is a same-second tie (re-listed).
        """
        assert route.parent_id is not None
        (listed,) = [
            v for v in summary.values() if isinstance(v, Mapping) and v.get("object") == "list"
        ]
        items: list[Mapping[str, Any]] = list(listed["data"])
        if listed.get("has_more"):
            items = await self._list_parent_rows(resource, route.parent_id, account)
        change = replace(base, action="replace_children", objects=items)
        applied = await self._writes.apply(change)
        refetches = 0
        while applied.outcome == "ambiguous":
            refetches += 1
            items = await self._list_parent_rows(resource, route.parent_id, account)
            change = replace(
                change,
                objects=items,
                source="refetch",
                version=applied.seen_at,
                tie_wins=refetches >= MAX_REFETCHES,
            )
            applied = await self._writes.apply(change)
        return self._result(
            change, applied.outcome, route=route, refetches=refetches, committed=applied.seen_at
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

    def _refs(self, resource: Resource, obj: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
        return references(resource, obj) if self.config.backfill_related_entities else ()

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
                action="upsert",
                resource=resource,
                objects=[],
                account_id=account or await self._platform_account(),
                version=fetched_at,
                source="fetch",
                livemode=self.config.livemode,
            )
            change = await self._with_object(base, resource, fresh, account)
            # One level deep: the related object's own references are not followed.
            await self._writes.apply(replace(change, refs=()))
            return True

        done = await asyncio.gather(*(one(t, i) for t, i in applied.missing_refs))
        return sum(done)

    @staticmethod
    def _final(route: Route) -> bool:
        """The event announces a final state, which a re-fetch cannot improve on."""
        return route.event_type.endswith(".deleted")

    @staticmethod
    def _result(
        change: Change,
        outcome: str,
        *,
        route: Route | None = None,
        reason: str | None = None,
        refetches: int = 0,
        related: int = 0,
        committed: datetime | None = None,
    ) -> SyncResult:
        object_id = change.object_id
        if route is not None and route.action is Action.REPLACE_CHILDREN:
            object_id = route.parent_id
        return SyncResult(
            outcome=Outcome(outcome),
            object=change.resource.name if change.resource is not None else None,
            object_id=object_id,
            account_id=change.account_id,
            event_id=change.event_id,
            event_type=change.event_type,
            event_created=route.event_created if route is not None else None,
            reason=reason,
            refetches=refetches,
            related_fetched=related,
            source=change.via,
            committed_at=committed,
        )


def _now() -> datetime:
    return datetime.now(UTC)
