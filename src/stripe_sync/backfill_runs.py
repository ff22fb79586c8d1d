"""Backfill use cases of the facade: planning a run for an account, catching up its events
first, running it (:class:`~stripe_sync.backfill.Backfiller`), estimating it, listing runs.

Each function takes the :class:`~stripe_sync.engine.Engine` that holds the resources.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import logging
import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict

from .backfill import (
    STRIPE_EPOCH,
    BackfillResult,
    PageResult,
    ProgressCallback,
    RunPlan,
    parse_created,
    resolve_objects,
)
from .client import StripeClient
from .engine import Engine, endpoint_rps
from .errors import DatabaseBusyError, DatabaseError, DatabaseUnavailableError, StripeAPIError
from .estimate import BackfillEstimate, EstimateLimits, WaitMeter, estimate_backfill
from .page_cost import embedded_rows
from .poller import PollResult
from .ratelimit import LIVE_GLOBAL_RPS, TEST_GLOBAL_RPS
from .realtime import poll_events
from .resources import Resource
from .simulation import database_slots

__all__ = [
    "catch_up_events",
    "connected_account_ids",
    "estimate",
    "floor",
    "list_sync_runs",
    "process_connected_accounts",
    "process_next",
    "process_until_done",
    "run_plan",
    "scope",
]

_log = logging.getLogger(__name__)


async def process_until_done(
    engine: Engine,
    objects: str | Sequence[str],
    created: Mapping[str, Any] | None,
    account: str | None,
    on_progress: ProgressCallback | None,
    progress_interval: float,
) -> BackfillResult:
    """See :meth:`AsyncStripeSync.process_until_done`."""
    backfiller = await engine.backfiller()
    plan = await run_plan(engine, objects, created, account)
    events = None
    if created is None:
        # Updates to objects listed by earlier runs come from the Events API. When its
        # cursor is older than Stripe keeps events, they may be lost: list everything again.
        events = await catch_up_events(engine, account)
        if events is not None and events.cursor_expired:
            plan = dataclasses.replace(plan, relist=True)
    result = await backfiller.run(
        plan, on_progress=on_progress, progress_interval=progress_interval
    )
    return dataclasses.replace(result, events=events)


async def process_connected_accounts(
    engine: Engine,
    objects: str | Sequence[str],
    accounts: str | Sequence[str],
    created: Mapping[str, Any] | None,
    on_progress: ProgressCallback | None,
    progress_interval: float,
) -> list[BackfillResult]:
    """See :meth:`AsyncStripeSync.process_connected_accounts`."""
    backfiller = await engine.backfiller()
    plans = []
    for account_id in await connected_account_ids(engine, accounts):
        plan = await run_plan(engine, objects, created, account_id)
        if created is None:
            events = await catch_up_events(engine, account_id)
            if events is not None and events.cursor_expired:
                plan = dataclasses.replace(plan, relist=True)
        plans.append(plan)
    return await backfiller.run_many(
        plans, on_progress=on_progress, progress_interval=progress_interval
    )


async def connected_account_ids(engine: Engine, accounts: str | Sequence[str]) -> list[str]:
    """The ids given, once each, or for ``"all"`` every connected account of the platform
    (``GET /v1/accounts``, each stored in ``accounts``)."""
    if isinstance(accounts, str) and accounts == "all":
        store = await engine.store()
        ids = []
        async for account in engine.stripe().iter_list("/v1/accounts", page_size=100):
            await store.upsert_account(account, None)
            ids.append(str(account["id"]))
    else:
        ids = [accounts] if isinstance(accounts, str) else list(accounts)
    return list(dict.fromkeys(ids))


async def process_next(
    engine: Engine, objects: str, created: Mapping[str, Any] | None, account: str | None
) -> PageResult:
    """See :meth:`AsyncStripeSync.process_next`."""
    backfiller = await engine.backfiller()
    plan = await run_plan(engine, objects, created, account)
    return await backfiller.next_page(plan, [r.name for r in resolve_objects(objects)])


async def catch_up_events(engine: Engine, account: str | None) -> PollResult | None:
    """Apply the events since the last run (the first run only records where they start)."""
    try:
        result = await poll_events(engine, account, None)
    except StripeAPIError as exc:
        # A restricted key without events access can still list: go on without them.
        _log.warning(
            "could not read the Events API (%s); updates to objects listed by earlier "
            "runs are not caught up: use webhooks, or give the key events read access",
            exc,
        )
        return None
    if result.cursor_expired:
        _log.warning(
            "the events cursor of %s is older than Stripe keeps events (30 days): "
            "listing every object again so that no update is missed",
            result.account_id,
        )
    return result


async def scope(engine: Engine, account: str | None) -> tuple[str, str | None, datetime]:
    """``(account_id, connected, floor)``: the account a call is about (the key's own without
    ``account``), ``Stripe-Account`` for it (None for the key's own), and its floor."""
    platform = await engine.platform_account()
    account_id = account or platform
    connected = account if account and account != platform else None
    return account_id, connected, await floor(engine, account_id, connected)


async def run_plan(
    engine: Engine,
    objects: str | Sequence[str],
    created: Mapping[str, Any] | None,
    account: str | None,
) -> RunPlan:
    resources = resolve_objects(objects)
    gte, lte = parse_created(created)
    account_id, connected, low = await scope(engine, account)
    return RunPlan(
        resources=tuple(resources),
        account_id=account_id,
        account=connected,
        floor=low,
        created_gte=gte,
        created_lte=lte,
    )


async def floor(engine: Engine, account_id: str, connected: str | None) -> datetime:
    """Nothing of the account was created before this: its creation (fetched and stored the
    first time)."""
    store = await engine.store()
    known, created = await store.account_created(account_id)
    if not known:
        fetched = await engine.stripe().get_account(connected)
        await store.upsert_account(fetched, None)
        _, created = await store.account_created(account_id)
    # A connected account's created is when it was connected: a Standard account's objects
    # can be older.
    return (created if connected is None else None) or STRIPE_EPOCH


async def estimate(
    engine: Engine,
    objects: str | Sequence[str],
    created: Mapping[str, Any] | None,
    account: str | None,
) -> BackfillEstimate:
    """See :meth:`AsyncStripeSync.estimate_backfill`."""
    engine.check_open()
    config = engine.config
    resources = resolve_objects(objects)
    gte, lte = parse_created(created)
    meter = WaitMeter(engine.limiter)
    async with StripeClient(config, transport=engine.transport, rate_limiter=meter) as client:
        own = await client.get_account()
        platform = str(own["id"])
        connected = account if account and account != platform else None
        account_id = account or platform
        # As a run plans it (``run_plan``): a connected account's objects may predate it.
        created_at = own.get("created") if connected is None else None
        low = (
            datetime.fromtimestamp(created_at, UTC) if isinstance(created_at, int) else STRIPE_EPOCH
        )
        now = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
        whole: frozenset[str] = frozenset()
        if created is None:
            cursors = await _backfill_cursors(
                engine, account_id, [r.name for r in resources], config.mode
            )
            ranges = {r.name: (cursors.get(r.name) or low, now) for r in resources}
            whole = frozenset(r.name for r in resources if not cursors.get(r.name))
        else:
            lo = max(gte, low) if gte is not None else low
            hi = lte + timedelta(seconds=1) if lte is not None else now
            ranges = {r.name: (lo, hi) for r in resources}
        livemode = bool(config.livemode)
        limits = EstimateLimits(
            global_rps=config.max_requests_per_second
            or (LIVE_GLOBAL_RPS if livemode else TEST_GLOBAL_RPS),
            endpoint_rps=endpoint_rps(config),
            workers=config.backfill_workers,
            latency=0.0,
            database_slots=database_slots(
                config.pool_config.max_size, _local_cpus(config.database_url)
            ),
        )

        return await estimate_backfill(
            client,
            resources,
            ranges,
            account=connected,
            account_id=account_id,
            livemode=livemode,
            limits=limits,
            created=(gte, lte + timedelta(seconds=1) if lte is not None else None),
            sliced=created is None or lte is not None,
            whole=whole,
            # With ``created`` the estimate needs nothing of the database: it measures page
            # writes only on a database_url it was given (never starting the embedded one).
            measure_write=_WriteMeter(engine, account_id)
            if created is None or config.database_url
            else None,
            expand_lists=config.auto_expand_lists,
        )


class _WriteMeter:
    """Times a sampling page's write for the estimate (:mod:`~stripe_sync.page_cost`); a
    database that cannot take it (not migrated, busy, unreachable) leaves the page at the
    default cost, and after an unreachable one nothing more is tried."""

    def __init__(self, engine: Engine, account_id: str) -> None:
        self._engine = engine
        self._account_id = account_id
        self._unreachable = False

    async def __call__(self, resource: Resource, page: Sequence[Mapping[str, Any]]) -> float | None:
        if self._unreachable:
            return None
        try:
            store = await self._engine.store()
            children = embedded_rows(resource, page)
            return await store.write_seconds(resource.table, self._account_id, page, children)
        except DatabaseError as exc:
            if isinstance(exc, DatabaseUnavailableError) and not isinstance(exc, DatabaseBusyError):
                self._unreachable = True
            _log.info("page write not measured (%s)", exc, extra={"object": resource.name})
            return None


def _local_cpus(database_url: str | None) -> int | None:
    """This machine's CPUs when the database runs on it (the embedded one, a Unix socket or a
    loopback address; its writes then share them with the engine), else None. A URL without a
    host counts as local (libpq's ``PGHOST`` is not read), and so does a tunnel to localhost."""
    if database_url:
        try:
            info = conninfo_to_dict(database_url)
        except psycopg.ProgrammingError:
            return None
        named = f"{info.get('host') or ''},{info.get('hostaddr') or ''}"
        if not all(_loopback(h) for h in named.split(",") if h):
            return None
    affinity = getattr(os, "sched_getaffinity", None)
    return len(affinity(0)) if affinity else os.cpu_count()


def _loopback(host: str) -> bool:
    if host.startswith(("/", "@")) or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


async def _backfill_cursors(
    engine: Engine, account_id: str, names: Sequence[str], mode: str
) -> dict[str, datetime]:
    """Where incremental runs left each object (read only): none in a database not migrated
    yet, whose first run lists everything."""
    store = await engine.store()
    try:
        return await store.backfill_cursors(account_id, names, mode)
    except DatabaseUnavailableError:
        raise
    except DatabaseError as exc:
        _log.info("no backfill cursors to read (%s): estimating a first run", exc)
        return {}


async def list_sync_runs(engine: Engine, limit: int, account: str | None) -> list[dict[str, Any]]:
    """See :meth:`AsyncStripeSync.list_sync_runs`."""
    store = await engine.store()
    runs = await store.recent_runs(account, limit)
    for run in runs:
        run["object_progress"] = await store.run_objects(int(run["run_id"]))
    return runs
