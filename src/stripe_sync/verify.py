"""Verify: prove that the mirror holds what Stripe holds, and repair the drift.

A run (:meth:`Verifier.run`, recorded in ``_verify_runs``) makes two checks of one account:

- **events** (cheap): every event of Stripe's Events API created in ``[since, until)`` must be
  applied here — recorded in ``_processed_events``, as applied or as skipped for a named reason
  (an object type not mirrored ...) — or superseded: the row of its object holds a state at least
  as new (a later listing, a later event, or exactly that payload; the stale-write guard's rule).
  The others are *missing*; with ``repair`` they are applied oldest first through the engine's
  ``process_event``, the path webhooks and the poller take.
- **deep**: each object listable on its own is listed again, per calendar month of ``created``
  (one window for objects Stripe lists without a created filter), with the backfill's list
  queries through the engine's Stripe client (its retries and rate limits), and compared with the
  table in SQL (``sql/migrations/0001_baseline.sql``): ids listed without a live row are *missing*,
  rows whose payload differs and whose version is from an earlier second than the listing are
  *stale*, rows alive here that the window's listing did not return are *extra* (deleted or gone
  in Stripe). With ``repair`` each is fetched by id and written through the write path
  (``sync_single_entity``): a gone object becomes a tombstone as a delete event makes it.

A window without drift is recorded (``_verified_windows``) with the time its listing began and
its rows counted; a later run lists it again only if a row of it was written since
(``_updated_at``) or deleted (the count), or if it was verified more than 30 days ago (what
changed since then can no longer be proven from events).
A change in Stripe after the listing produces an event: applied, it writes a row (the window is
listed again); missed, the events check finds it. Objects listed only per parent (payment
methods, tax ids, entitlements) and child rows (invoice lines ...) get the events check only.

Events and objects created in the last ``settle`` seconds are left to the next run: their
webhooks may still be on their way.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from .client import StripeClient
from .config import StripeSyncConfig
from .errors import MalformedPayloadError, StripeSyncError
from .events import check_event
from .ingest import Ingestor, Outcome, SyncResult
from .jsoncodec import without_nul
from .listing import list_params
from .poller import EVENT_RETENTION
from .resources import Resource, by_object
from .store import EventRoute, Store

__all__ = [
    "EVENTS_CHECK",
    "CheckReport",
    "Verifier",
    "VerifyResult",
    "month_windows",
]

#: The ``object`` of the events check's report.
EVENTS_CHECK = "events"
#: Windows listed at once, all objects together (each pages on its own; the rate limiter paces
#: the requests, and Stripe answers a page in ~300 ms).
WINDOWS_AT_ONCE = 16
#: Drifted ids kept per kind in the run's stored sample (the result holds them all).
SAMPLE_SIZE = 20
_EVENTS = "/v1/events"
_PAGE_SIZE = 100
_MIN = datetime.min.replace(tzinfo=UTC)
_MAX = datetime.max.replace(tzinfo=UTC)

_default_logger = logging.getLogger(__name__)

ProcessEvent = Callable[[Mapping[str, Any]], Awaitable[SyncResult]]


@dataclass(frozen=True, slots=True)
class CheckReport:
    """What one check found for one object (or, for the events check, for every event)."""

    #: ``events`` or ``deep``.
    check: str
    #: A registry name, or ``events``.
    object: str
    #: Events or objects compared with the database.
    checked: int = 0
    #: Ids (events, or objects) Stripe has and the database lacks.
    missing: tuple[str, ...] = ()
    #: Objects alive here that Stripe no longer lists (deleted or gone).
    extra: tuple[str, ...] = ()
    #: Objects whose stored state is older than Stripe's.
    stale: tuple[str, ...] = ()
    #: Drifted ids written through the write path by this run.
    repaired: tuple[str, ...] = ()
    windows_listed: int = 0
    #: Windows verified earlier and not written since: not listed again.
    windows_skipped: int = 0
    #: Why the object was not (fully) checked.
    note: str | None = None
    #: Why the check failed (Stripe refused a listing ...): nothing is proven for what it
    #: did not list.
    error: str | None = None

    @property
    def drift(self) -> int:
        """Drifted ids found (before any repair)."""
        return len(self.missing) + len(self.extra) + len(self.stale)

    @property
    def remaining(self) -> int:
        """Drifted ids that remain after the run."""
        return self.drift - len(self.repaired)

    def as_json(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "object": self.object,
            "checked": self.checked,
            "missing": list(self.missing),
            "extra": list(self.extra),
            "stale": list(self.stale),
            "repaired": list(self.repaired),
            "remaining": self.remaining,
            "windows_listed": self.windows_listed,
            "windows_skipped": self.windows_skipped,
            "note": self.note,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class VerifyResult:
    """A verify run: its range and one :class:`CheckReport` per check and object."""

    run_id: int
    account_id: str
    #: Events created since then were checked; deep windows ending after it were listed.
    since: datetime
    #: Events and objects created before then (the start less the settle time).
    until: datetime
    repair: bool
    reports: tuple[CheckReport, ...] = field(default=())

    @property
    def remaining(self) -> int:
        """Drift that remains after the run (0: the mirror is proven complete)."""
        return sum(r.remaining for r in self.reports)

    @property
    def errors(self) -> tuple[str, ...]:
        """``object: error`` of each check that failed."""
        return tuple(f"{r.object}: {r.error}" for r in self.reports if r.error)

    @property
    def status(self) -> str:
        """``drift`` (some left), ``error`` (none found, but a check failed) or ``clean``."""
        if self.remaining:
            return "drift"
        return "error" if self.errors else "clean"

    def as_json(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "account_id": self.account_id,
            "since": self.since.isoformat(),
            "until": self.until.isoformat(),
            "repair": self.repair,
            "status": self.status,
            "remaining": self.remaining,
            "reports": [r.as_json() for r in self.reports],
        }


def month_windows(floor: datetime, until: datetime) -> list[tuple[datetime, datetime]]:
    """Calendar months (UTC) from ``floor``'s to ``until``, the last one ending at ``until``.

    Months keep the windows of one object the same from run to run, so that a later run can tell
    which of them it verified before.
    """
    windows: list[tuple[datetime, datetime]] = []
    start = datetime(floor.year, floor.month, 1, tzinfo=UTC)
    while start < until:
        following = datetime(start.year + start.month // 12, start.month % 12 + 1, 1, tzinfo=UTC)
        windows.append((start, min(following, until)))
        start = following
    return windows


class Verifier:
    """Runs the checks of one account with the engine's store, Stripe client and write path."""

    def __init__(
        self,
        config: StripeSyncConfig,
        store: Store,
        client: Callable[[], StripeClient],
        ingestor: Ingestor,
        process_event: ProcessEvent,
    ) -> None:
        self._store = store
        self._client = client
        self._ingestor = ingestor
        self._process_event = process_event
        self._log = config.logger or _default_logger
        # The key's mode: rows of the other mode (both in one database) are never "extra".
        self._livemode = config.livemode
        self._mode = config.mode

    async def run(
        self,
        resources: Sequence[Resource],
        *,
        account_id: str,
        connected: str | None,
        floor: datetime,
        since: datetime | None,
        settle: timedelta,
        repair: bool,
        deep: bool,
        all_objects: bool,
    ) -> VerifyResult:
        """Check ``resources`` of ``account_id`` (``connected``: its ``Stripe-Account``) and
        record the run; see the module docstring. ``floor`` is where the deep check's windows
        start without ``since``; ``all_objects``: events of types not mirrored count too."""
        now = await self._store.now()
        # Stripe's times are whole seconds: the second under way is checked too.
        until = _next_second(now - settle)
        retained = now - EVENT_RETENTION
        events_since = max(since, retained) if since is not None else retained
        run_id = await self._store.verify_start(
            {
                "account_id": account_id,
                "since": events_since,
                "until": until,
                "objects": [r.name for r in resources],
                "repair": repair,
                "mode": self._mode,
            }
        )
        result = VerifyResult(run_id, account_id, events_since, until, repair)
        try:
            report = await self._events(
                resources, connected, events_since, until, repair, all_objects
            )
            await self._save(result, report)
            reports = [report]
            if deep:
                start = max(since, floor) if since is not None else floor
                # Every object's windows share one bound: a dense object and many small ones
                # keep the same number of requests in flight.
                limit = asyncio.Semaphore(WINDOWS_AT_ONCE)
                found = await asyncio.gather(
                    *(
                        self._deep(
                            r, account_id, connected, start, until, now, run_id, repair, limit
                        )
                        for r in resources
                    )
                )
                for report in found:
                    await self._save(result, report)
                reports.extend(found)
        except BaseException as exc:
            # Recorded when the database still answers; the run's own error is what propagates.
            with contextlib.suppress(Exception):
                await asyncio.shield(
                    self._store.verify_finish(run_id, "error", f"{type(exc).__name__}: {exc}")
                )
            raise
        result = VerifyResult(run_id, account_id, events_since, until, repair, tuple(reports))
        await self._store.verify_finish(run_id, result.status, None)
        return result

    # -- the events check ----------------------------------------------------------------------

    async def _events(
        self,
        resources: Sequence[Resource],
        connected: str | None,
        since: datetime,
        until: datetime,
        repair: bool,
        all_objects: bool,
    ) -> CheckReport:
        wanted = {r.name for r in resources}
        params: dict[str, Any] = {
            "limit": _PAGE_SIZE,
            "created": {"gte": int(since.timestamp()), "lt": int(until.timestamp())},
        }
        checked = 0
        missing: list[dict[str, Any]] = []
        error: str | None = None
        while True:
            try:
                page = await self._client().list_page(_EVENTS, params, account=connected)
            except StripeSyncError as exc:
                if exc.transient:
                    raise
                # A restricted key without events access: the deep check still runs.
                error = _describe(exc)
                self._log.warning("verify: could not read the Events API: %s", error)
                break
            items: list[dict[str, Any]] = []
            by_id: dict[str, dict[str, Any]] = {}
            routable: list[dict[str, Any]] = []
            for event in page.data:
                try:
                    routed = check_event(event)
                except MalformedPayloadError:
                    if all_objects:  # an event that cannot be routed is checked by id only
                        items.append({"id": str(event.get("id")), "table": None})
                        by_id[str(event.get("id"))] = event
                    continue
                # Only events that may be about the objects verified go to the router (the
                # registry's type map; a summary's type maps to its rows' resource).
                found = by_object(routed["data"]["object"]["object"])
                if all_objects or (found is not None and found.name in wanted):
                    routable.append(routed)
            # jsonb cannot hold U+0000: the database reads the events without it (a repair
            # applies the event as it is).
            readable = [without_nul(e)[0] for e in routable]
            routes = await self._store.route_events(readable)
            for event, clean, route in zip(routable, readable, routes, strict=True):
                item = _event_item(clean, route, wanted, all_objects)
                if item is not None:
                    items.append(item)
                    by_id[item["id"]] = event
            if items:
                statuses = await self._store.verify_events(items)
                checked += len(items)
                missing.extend(by_id[i] for i, s in statuses.items() if s == "missing")
            if not page.has_more or not page.data:
                break
            params["starting_after"] = page.data[-1]["id"]
        # Stripe lists newest first; apply oldest first, as they happened.
        missing.sort(key=lambda e: int(e.get("created") or 0))
        repaired: list[str] = []
        if repair:
            for event in missing:
                applied = await self._process_event(event)
                if applied.outcome is not Outcome.FAILED:
                    repaired.append(str(event["id"]))
        return CheckReport(
            "events",
            EVENTS_CHECK,
            checked=checked,
            missing=tuple(str(e["id"]) for e in missing),
            repaired=tuple(repaired),
            error=error,
        )

    # -- the deep check ------------------------------------------------------------------------

    async def _deep(
        self,
        resource: Resource,
        account_id: str,
        connected: str | None,
        start: datetime,
        until: datetime,
        now: datetime,
        run_id: int,
        repair: bool,
        limit: asyncio.Semaphore,
    ) -> CheckReport:
        if resource.list_path is None:
            where = resource.parent or (
                resource.list_per_parent.parent if resource.list_per_parent else None
            )
            how = "comes with its" if resource.parent else "is listed per"
            return CheckReport(
                "deep",
                resource.name,
                note=f"not re-listed: it {how} {where}; its events are checked",
            )
        windows = month_windows(start, until) if resource.created_filter else [(_MIN, _MAX)]
        verified = await self._store.verify_unchanged_windows(
            resource.table, account_id, resource.name, now - EVENT_RETENTION, self._mode
        )
        done = dict(verified)
        todo = [(gte, lt) for gte, lt in windows if not (gte in done and done[gte] >= lt)]

        async def one(gte: datetime, lt: datetime) -> _WindowDrift:
            async with limit:
                try:
                    return await self._window(
                        resource, account_id, connected, gte, lt, until, run_id
                    )
                except StripeSyncError as exc:
                    if exc.transient:
                        raise
                    # Stripe refused the listing (a restricted key ...): this window proves
                    # nothing, the other objects go on.
                    return _WindowDrift(error=_describe(exc))

        found = await asyncio.gather(*(one(gte, lt) for gte, lt in todo))
        missing = [i for w in found for i in w.missing]
        extra = [i for w in found for i in w.extra]
        stale = [i for w in found for i in w.stale]
        repaired: list[str] = []
        if repair:
            for object_id in [*missing, *stale, *extra]:
                if await self._repair_object(resource, object_id, connected):
                    repaired.append(object_id)
        return CheckReport(
            "deep",
            resource.name,
            checked=sum(w.listed for w in found),
            missing=tuple(missing),
            extra=tuple(extra),
            stale=tuple(stale),
            repaired=tuple(repaired),
            windows_listed=len(todo),
            windows_skipped=len(windows) - len(todo),
            error=next((w.error for w in found if w.error), None),
        )

    async def _window(
        self,
        resource: Resource,
        account_id: str,
        connected: str | None,
        gte: datetime,
        lt: datetime,
        until: datetime,
        run_id: int,
    ) -> _WindowDrift:
        """List one window to its end, comparing each page with the table, then look for the
        window's rows that the listing did not return."""
        assert resource.list_path is not None
        bounded = gte != _MIN
        drift = _WindowDrift()
        seen: list[str] = []
        cursor: str | None = None
        started: datetime | None = None
        while True:
            version = await self._store.now()
            started = started or version
            params = list_params(
                resource, gte if bounded else None, lt if bounded else None, cursor
            )
            page = await self._client().list_page(resource.list_path, params, account=connected)
            seen.extend(str(o["id"]) for o in page.data)
            # Objects created after ``until`` are the next run's (their webhooks may be on their
            # way); a bounded window lists none.
            compared = [o for o in page.data if bounded or _created_before(o, until)]
            drift.listed += len(compared)
            for object_id, kind in await self._store.verify_page(
                resource.table, account_id, compared, version
            ):
                (drift.missing if kind == "missing" else drift.stale).append(object_id)
            if not page.has_more or not page.data:
                break
            cursor = str(page.data[-1]["id"])
        drift.extra = await self._store.verify_extra(
            resource.table, account_id, gte, lt, seen, self._livemode
        )
        if drift.missing or drift.stale or drift.extra:
            await self._store.verify_forget_window(account_id, resource.name, gte, self._mode)
            self._log.info(
                "verify: %s created in [%s, %s): %d missing, %d stale, %d extra",
                resource.name,
                gte.isoformat() if bounded else "-",
                lt.isoformat() if bounded else "-",
                len(drift.missing),
                len(drift.stale),
                len(drift.extra),
                extra={"object": resource.name},
            )
        else:
            await self._store.verify_record_window(
                {
                    "table": resource.table,
                    "account_id": account_id,
                    "object": resource.name,
                    "gte": gte,
                    "lt": lt,
                    "verified_at": started,
                    "run_id": run_id,
                    "mode": self._mode,
                }
            )
        return drift

    async def _repair_object(
        self, resource: Resource, object_id: str, connected: str | None
    ) -> bool:
        """Fetch the object and write it (a tombstone when Stripe no longer has it)."""
        try:
            result = await self._ingestor.sync_entity(
                object_id, object=resource.name, account=connected
            )
        except StripeSyncError as exc:
            if exc.transient:
                raise
            self._log.warning("verify: could not repair %s %s: %s", resource.name, object_id, exc)
            return False
        return result.applied

    async def _save(self, result: VerifyResult, report: CheckReport) -> None:
        await self._store.verify_result(
            {
                "run_id": result.run_id,
                "account_id": result.account_id,
                "check_type": report.check,
                "object": report.object,
                "checked": report.checked,
                "missing": len(report.missing),
                "extra": len(report.extra),
                "stale": len(report.stale),
                "repaired": len(report.repaired),
                "remaining": report.remaining,
                "windows_listed": report.windows_listed,
                "windows_skipped": report.windows_skipped,
                "sample": {
                    kind: list(ids[:SAMPLE_SIZE])
                    for kind, ids in (
                        ("missing", report.missing),
                        ("extra", report.extra),
                        ("stale", report.stale),
                    )
                    if ids
                },
                "note": report.note,
                "error": report.error,
            }
        )


@dataclass(slots=True)
class _WindowDrift:
    listed: int = 0
    missing: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)
    extra: list[str] = field(default_factory=list)
    error: str | None = None


def _describe(exc: StripeSyncError) -> str:
    return f"{type(exc).__name__}: {exc}"


def _event_item(
    event: Mapping[str, Any], route: EventRoute, wanted: set[str], all_objects: bool
) -> dict[str, Any] | None:
    """An event as ``_verify_events`` takes it, or None when it is about none of the objects
    verified. An event that routes to no row is checked by id only."""
    event_id = str(event["id"])
    if route.resource is None or route.outcome == "malformed":
        return {"id": event_id, "table": None} if all_objects else None
    if route.resource not in wanted:
        return None
    by_row = route.action in ("upsert", "delete")
    return {
        "id": event_id,
        "table": route.table if by_row else None,
        "action": route.action,
        "object_id": route.object_id,
        "created": event["created"],
        "object": event["data"]["object"],
    }


def _created_before(obj: Mapping[str, Any], until: datetime) -> bool:
    """``obj`` was created before ``until`` (by its ``created``, else its ``date``: invoice
    items of older API versions), or says nothing of it."""
    created = obj.get("created", obj.get("date"))
    return not isinstance(created, int) or created < until.timestamp()


def _next_second(moment: datetime) -> datetime:
    """``moment`` rounded up to a whole second."""
    whole = moment.replace(microsecond=0)
    return whole if whole == moment else whole + timedelta(seconds=1)
