"""The public API: :class:`AsyncStripeSync` (asyncio) and :class:`StripeSync` (plain code).

The async class is the source; the sync one runs it on a private event loop thread (an
``anyio`` blocking portal) and has the same methods with the same parameters, each a one-line
call of its async twin (a test checks that they match). Both own their resources — a connection
pool, a Stripe HTTP client, a rate limiter — and release them in ``close()`` or at the end of a
``with`` / ``async with`` block.

Without ``database_url`` the embedded PostgreSQL is used (started if needed, see
:mod:`stripe_sync.embedded`). Nothing is opened until the first call that needs it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import hashlib
import logging
import threading
import time
import weakref
from collections.abc import AsyncGenerator, Callable, Coroutine, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from types import TracebackType
from typing import Any, Literal, ParamSpec, TypeVar

import anyio.from_thread
import anyio.to_thread
import httpx
from anyio.from_thread import BlockingPortal

from . import embedded
from .accounts import DeleteAccountResult
from .backfill import (
    STRIPE_EPOCH,
    Backfiller,
    BackfillResult,
    PageResult,
    ProgressCallback,
    RunPlan,
    parse_created,
    resolve_objects,
)
from .change_feed import Change, ChangeFeed, ChangeFeedState
from .changes import Via
from .client import StripeClient
from .config import DEFAULT_API_BASE, StripeSyncConfig
from .dead_letters import DeadLetters, dead_letterable
from .errors import (
    ConfigError,
    DatabaseError,
    DatabaseUnavailableError,
    SignatureVerificationError,
    StripeAPIError,
    UnknownAccountError,
)
from .estimate import BackfillEstimate, EstimateLimits, WaitMeter, estimate_backfill
from .grouping import WriteGroups
from .ingest import Ingestor, SyncResult
from .managed_webhooks import ManagedWebhooks
from .migrations import MigrationResult, run_migrations
from .pg_ratelimit import PostgresRateLimiter
from .poller import DEFAULT_INTERVAL, EventPoller, PollResult
from .ratelimit import (
    LIVE_GLOBAL_RPS,
    PER_ENDPOINT_RPS,
    TEST_GLOBAL_RPS,
    RateLimiter,
    TokenBucketLimiter,
)
from .resources import resolve
from .sigma.api import SigmaClient
from .sigma.catalog import resolve_tables
from .sigma.sync import SigmaResult, SigmaSync
from .sigma.tables import EnsureResult, ensure_tables
from .signature import DEFAULT_TOLERANCE, verify_webhook
from .status import StatusSnapshot, take_snapshot
from .store import Store
from .verify import Verifier, VerifyResult
from .wait import WriteWatcher, target_of
from .websocket_listener import InFlight, WebsocketListener

__all__ = ["AsyncStripeSync", "StripeSync"]

_log = logging.getLogger(__name__)

#: Told of each event the engine applies: its result and the seconds it took (see
#: :meth:`AsyncStripeSync._add_event_listener`).
EventListener = Callable[[SyncResult, float], None]

P = ParamSpec("P")
R = TypeVar("R")

#: How long the signing secrets of managed webhooks are cached; a signature that fails against
#: the cache re-reads them at most once per :data:`SECRETS_REFRESH_MIN` seconds, so a freshly
#: created endpoint works at once and a flood of bad signatures cannot flood the database.
SECRETS_TTL = 30.0
SECRETS_REFRESH_MIN = 1.0


class AsyncStripeSync:
    """Keep a Stripe account mirrored in PostgreSQL, from asyncio code.

    ``http_transport`` replaces the network for Stripe calls (tests: ``httpx.ASGITransport`` over
    :class:`stripe_sync.testing.FakeStripe`); ``rate_limiter`` replaces the default token buckets
    (Stripe's limits for the key's mode).
    """

    def __init__(
        self,
        config: StripeSyncConfig,
        *,
        http_transport: httpx.AsyncBaseTransport | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self.config = config
        self._transport = http_transport
        self._limiter = rate_limiter
        #: Without a ``rate_limiter``: in-process buckets until a backfill starts, then buckets
        #: in PostgreSQL shared by every process of this account (``shared_rate_limit``).
        self._default_limiter = _EngineLimiter(config)
        self._client: StripeClient | None = None
        self._store: Store | None = None
        self._open_lock = asyncio.Lock()
        self._account_lock = asyncio.Lock()
        self._platform_account_id: str | None = None
        self._secrets: list[str] = []
        self._secrets_loaded_at = float("-inf")
        self._ingestor: Ingestor | None = None
        self._managed: ManagedWebhooks | None = None
        self._backfill: Backfiller | None = None
        self._closed = False
        self._event_listeners: list[EventListener] = []
        self._watcher: WriteWatcher | None = None

    async def __aenter__(self) -> AsyncStripeSync:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connection pool and the HTTP client. Idempotent."""
        self._closed = True
        if self._watcher is not None:
            await self._watcher.close()
            self._watcher = None
        if self._store is not None:
            await self._store.close()
            self._store = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None
        await self._default_limiter.aclose()

    # -- schema --------------------------------------------------------------------------------

    async def run_migrations(self) -> MigrationResult:
        """Create or upgrade the sync schema (see :func:`stripe_sync.migrations.run_migrations`)."""
        self._check_open()
        url = await self._database_url()
        return await anyio.to_thread.run_sync(
            functools.partial(run_migrations, url, config=self.config)
        )

    # -- events ----------------------------------------------------------------------------------

    async def process_webhook(self, payload: bytes | str, signature: str | None) -> SyncResult:
        """Verify a webhook delivery and apply its event.

        ``payload`` is the request body exactly as received (bytes or str) and ``signature`` the
        ``Stripe-Signature`` header. It is checked (300 s tolerance) against
        ``stripe_webhook_secret`` and the secrets of the managed webhooks in the database.
        Raises :class:`SignatureVerificationError` or :class:`MalformedPayloadError` with nothing
        written. A verified event that cannot be applied is handled as by :meth:`process_event`.
        """
        started = time.perf_counter()
        event = await self._verify(payload, signature)
        # Verified: the body is UTF-8 JSON, passed on as received (see Ingestor.process_event).
        text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
        return await self._process_event(event, raw=text, started=started, source="webhook")

    async def process_event(self, event: Mapping[str, Any] | object) -> SyncResult:
        """Apply one event (a dict or a ``stripe.Event``) once, whatever order it arrives in.

        Transient errors (database down, Stripe rate limits or 5xx) propagate so that the event
        is delivered again. Any other failure to apply it (a Stripe 4xx while re-fetching, a
        write the database refuses, a bug) stores the event as a dead letter and returns a
        ``failed`` result: see :meth:`list_failed_events`, :meth:`replay_failed_events`.
        """
        return await self._process_event(event)

    async def _process_event(
        self,
        event: Mapping[str, Any] | object,
        *,
        raw: str | None = None,
        started: float | None = None,
        source: Via | None = None,
    ) -> SyncResult:
        # Every path that applies events comes through here (webhooks, process_event, the
        # Events API poller, the websocket channel, replayed dead letters), so every one of
        # them feeds the listeners; ``source`` names the path (SyncResult.source).
        if started is None:
            started = time.perf_counter()
        ingestor = await self._ready()
        try:
            result = await ingestor.process_event(event, raw=raw, via=source)
        except Exception as exc:
            if not dead_letterable(exc):
                raise
            result = await (await self._dead_letters()).record(event, exc)
        if source is not None:
            result = dataclasses.replace(result, source=source)
        self._tell_listeners(result, time.perf_counter() - started)
        return result

    def _add_event_listener(self, listener: EventListener) -> Callable[[], None]:
        """Call ``listener(result, seconds)`` after each event this engine applies or stores as
        a dead letter, whichever path brought it; ``seconds`` runs from the start of processing
        (signature check included) to the commit. It runs on the engine's loop and must not
        block; what it raises is logged, never passed on. Returns a function that removes it.
        (The webhook app's Prometheus metrics listen this way.)"""
        self._event_listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._event_listeners.remove(listener)

        return remove

    def _tell_listeners(self, result: SyncResult, seconds: float) -> None:
        # A copy: a listener may remove itself (or another) while it is called.
        for listener in tuple(self._event_listeners):
            try:
                listener(result, seconds)
            except Exception:
                _log.exception("an event listener failed")

    async def sync_single_entity(
        self, object_id: str, *, object: str | None = None, account: str | None = None
    ) -> SyncResult:
        """Fetch one object by id and write it; a deleted or missing object becomes a tombstone.

        The type comes from the id prefix (``cus_``, ``sub_sched_`` ...) or from ``object`` (a
        registry name, needed for coupons, whose ids are free-form). ``account`` is a connected
        account's id (``Stripe-Account``). Unknown prefixes raise :class:`UnknownObjectError`.
        """
        ingestor = await self._ready()
        return await ingestor.sync_entity(object_id, object=object, account=account)

    async def wait_until_synced(
        self,
        target: Mapping[str, Any] | str | object,
        *,
        timeout: float = 30.0,  # noqa: ASYNC109 - the API the issue asks for, as in sync code
        at: datetime | float | None = None,
        object: str | None = None,
    ) -> None:
        """Return once the mirror holds ``target`` at least at its version, so that SQL read
        after this sees it; raise :class:`TimeoutError` after ``timeout`` seconds.

        ``target`` is an event (a dict or ``stripe.Event``: applied, or the row is newer), an
        object as Stripe returned it (or its dict: the row has the same values), or an id (with
        ``at``, Stripe's time of the version, e.g. an event's ``created``, as an aware datetime
        or Unix seconds: the row is of that second or later; without: the row exists).
        ``object`` names the type of an id whose prefix does not tell (coupons). A deleted
        object's tombstone satisfies any target. The database notifies the wait of each write
        (``LISTEN``/``NOTIFY``): it does not poll. See :mod:`stripe_sync.wait`.
        """
        self._check_open()
        wanted = target_of(target, at=at, object=object)
        if self._watcher is None:
            self._watcher = WriteWatcher(await self._open_store())
        await self._watcher.wait(wanted, timeout)

    async def ping(self) -> None:
        """Raise :class:`DatabaseUnavailableError` unless the database answers a trivial query."""
        store = await self._open_store()
        await store.ping()

    # -- the change feed ---------------------------------------------------------------------------

    async def changes(
        self,
        since: int | Literal["now"] | None = None,
        *,
        tables: Sequence[str] | None = None,
        follow: bool = False,
        consumer: str | None = None,
    ) -> AsyncGenerator[Change, None]:
        """The rows the write path changed after position ``since``, in order: ``async for
        change in sync.changes(...)``. Each :class:`~stripe_sync.change_feed.Change` names the
        table, id, operation (insert, update, delete: a tombstone) and its ``position``.

        ``since``: a position (the last one processed), ``"now"`` (only changes from now on) or
        None (from the oldest one kept, or the ``consumer``'s stored position). ``tables``: only
        these object tables (or registry names). ``follow``: wait for new changes for ever
        (``LISTEN``/``NOTIFY``) instead of stopping at the end. ``consumer``: a name whose
        position the database keeps: the position of a change is stored when the next one is
        asked for, so a consumer that stops resumes after the last change it processed.
        Raises :class:`ChangeFeedExpiredError` when changes after the position were pruned. See
        :mod:`stripe_sync.change_feed`.
        """
        feed = ChangeFeed(await self._open_store())
        # Closed with this generator (async for alone would leave it to the garbage collector,
        # with its listening connection open).
        changes = feed.changes(since, tables=tables, follow=follow, consumer=consumer)
        async with contextlib.aclosing(changes):
            async for change in changes:
                yield change

    async def change_feed(self, *, enabled: bool | None = None) -> ChangeFeedState:
        """The change feed's state (on or off, the range kept, the named consumers' positions);
        with ``enabled``, turn it on or off first, for every writer of this database (turning
        it on again records the changes missed meanwhile as pruned)."""
        feed = ChangeFeed(await self._open_store())
        if enabled is not None:
            await feed.set_enabled(enabled)
        return await feed.state()

    async def prune_changes(self, *, retention_days: float | None = None) -> int:
        """Delete the changes older than ``retention_days`` (default: the config's
        ``change_feed_retention_days``); return how many. ``stripe-sync start`` calls it
        every 10 minutes."""
        days = self.config.change_feed_retention_days if retention_days is None else retention_days
        feed = ChangeFeed(await self._open_store())
        return await feed.prune(timedelta(days=days))

    # -- accounts ----------------------------------------------------------------------------------

    async def get_current_account(self) -> dict[str, Any]:
        """The key's account (``GET /v1/account``), stored in the ``accounts`` table."""
        store = await self._open_store()
        account = await self._stripe().get_account()
        await store.upsert_account(account, self._key_hash())
        self._platform_account_id = str(account["id"])
        return account

    # -- backfill ----------------------------------------------------------------------------------

    async def process_until_done(
        self,
        object: str | Sequence[str] = "all",
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> BackfillResult:
        """Backfill ``object`` (``"all"``, a registry name or several) until nothing is left.

        A name may also be a table's (``checkout_sessions``) or ``customer_with_entitlements``
        (customers and their active entitlements), as the TypeScript engine names them.

        Without ``created`` the run is incremental: each object is listed from where the last
        run left it (from the account's creation the first time), and unfinished windows of
        earlier runs are retried. ``created`` (``gte``/``gt``/``lte``/``lt``: Unix seconds,
        datetimes or ISO dates) lists that range instead. ``account`` is a connected account.
        A call while a run with the same parameters is open joins it (several processes share
        the work). ``on_progress`` (sync or async) gets a :class:`BackfillProgress` about every
        ``progress_interval`` seconds. A window that fails is recorded and the rest goes on:
        see :attr:`BackfillResult.errors`.
        """
        backfiller = await self._backfiller()
        plan = await self._run_plan(object, created, account)
        events = None
        if created is None:
            # Updates to objects listed by earlier runs come from the Events API. When its
            # cursor is older than Stripe keeps events, they may be lost: list everything again.
            events = await self._catch_up_events(account)
            if events is not None and events.cursor_expired:
                plan = dataclasses.replace(plan, relist=True)
        result = await backfiller.run(
            plan, on_progress=on_progress, progress_interval=progress_interval
        )
        return dataclasses.replace(result, events=events)

    async def start_resumable_sync(
        self,
        object: str | Sequence[str] = "all",
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> BackfillResult:
        """The older name of :meth:`process_until_done` (same behaviour)."""
        return await self.process_until_done(
            object,
            created=created,
            account=account,
            on_progress=on_progress,
            progress_interval=progress_interval,
        )

    async def process_connected_accounts(
        self,
        object: str | Sequence[str] = "all",
        *,
        accounts: str | Sequence[str] = "all",
        created: Mapping[str, Any] | None = None,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> list[BackfillResult]:
        """Backfill connected accounts (Connect): ``"all"`` of the platform's (``GET
        /v1/accounts``) or the given ids, each in its own run under its own ``_account_id``.

        One pool of workers serves the runs in turn, a window each, so small accounts finish
        early instead of waiting behind a huge one; all share the platform's rate limits.
        Each run is incremental as in :meth:`process_until_done` (events of each account).
        """
        backfiller = await self._backfiller()
        store = await self._open_store()
        if isinstance(accounts, str) and accounts == "all":
            ids = []
            async for account in self._stripe().iter_list("/v1/accounts", page_size=100):
                await store.upsert_account(account, None)
                ids.append(str(account["id"]))
        else:
            ids = [accounts] if isinstance(accounts, str) else list(accounts)
        plans = []
        for account_id in dict.fromkeys(ids):
            plan = await self._run_plan(object, created, account_id)
            if created is None:
                events = await self._catch_up_events(account_id)
                if events is not None and events.cursor_expired:
                    plan = dataclasses.replace(plan, relist=True)
            plans.append(plan)
        return await backfiller.run_many(
            plans, on_progress=on_progress, progress_interval=progress_interval
        )

    async def migrate_sigma(self, tables: str | Sequence[str] | None = None) -> EnsureResult:
        """Create (or safely alter) the Sigma tables in ``sigma_schema``: new catalogue columns
        are added, nothing is dropped, an unsafe type change is refused."""
        store = await self._open_store()
        async with store.connection() as conn:
            return await ensure_tables(conn, self.config.sigma_schema, resolve_tables(tables))

    async def sync_sigma(
        self,
        tables: str | Sequence[str] | None = None,
        *,
        account: str | None = None,
    ) -> SigmaResult:
        """Copy Sigma reporting tables into the ``sigma_schema`` schema (default ``sigma``):
        ``None``/``"default"`` (a default set), ``"all"``, or table names. Resumable and
        incremental (see :mod:`stripe_sync.sigma.sync`). Without a Sigma subscription or the
        permission the result's status is ``unavailable`` with the reason; nothing else stops.
        """
        store = await self._open_store()
        selected = resolve_tables(tables)
        account_id = account or await self._platform_account()
        sigma = SigmaSync(
            self.config,
            store,
            SigmaClient(self._stripe()),
            schema=self.config.sigma_schema,
        )
        return await sigma.sync(selected, account_id)

    async def process_next(
        self,
        object: str,
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
    ) -> PageResult:
        """List and store one page of ``object`` in the open run (planning one if needed), for
        callers that drive the backfill from a queue: call again while ``has_more``."""
        backfiller = await self._backfiller()
        plan = await self._run_plan(object, created, account)
        return await backfiller.next_page(plan, [r.name for r in resolve_objects(object)])

    async def estimate_backfill(
        self,
        object: str | Sequence[str] = "all",
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
    ) -> BackfillEstimate:
        """How many objects, requests and seconds :meth:`process_until_done` with the same
        arguments would take, from a few search or list requests per object; nothing is written.

        Each object's range is the run's (its incremental cursor, read from the database, or
        the account's creation, up to now; or ``created``); the run is simulated under the
        limits it would use (the key's mode, ``max_requests_per_second``,
        ``max_requests_per_second_per_endpoint``, ``backfill_workers``) with the round trip
        measured on the sampling requests. See :mod:`stripe_sync.estimate`.
        """
        self._check_open()
        resources = resolve_objects(object)
        gte, lte = parse_created(created)
        meter = WaitMeter(self._limiter or self._default_limiter)
        async with StripeClient(
            self.config, transport=self._transport, rate_limiter=meter
        ) as client:
            own = await client.get_account()
            platform = str(own["id"])
            connected = account if account and account != platform else None
            account_id = account or platform
            # As a run plans it (``_run_plan``): a connected account's objects may predate it.
            created_at = own.get("created") if connected is None else None
            floor = (
                datetime.fromtimestamp(created_at, UTC)
                if isinstance(created_at, int)
                else STRIPE_EPOCH
            )
            now = datetime.now(UTC).replace(microsecond=0) + timedelta(seconds=1)
            whole: frozenset[str] = frozenset()
            if created is None:
                cursors = await self._backfill_cursors(account_id, [r.name for r in resources])
                ranges = {r.name: (cursors.get(r.name) or floor, now) for r in resources}
                whole = frozenset(r.name for r in resources if not cursors.get(r.name))
            else:
                lo = max(gte, floor) if gte is not None else floor
                hi = lte + timedelta(seconds=1) if lte is not None else now
                ranges = {r.name: (lo, hi) for r in resources}
            livemode = bool(self.config.livemode)
            limits = EstimateLimits(
                global_rps=self.config.max_requests_per_second
                or (LIVE_GLOBAL_RPS if livemode else TEST_GLOBAL_RPS),
                endpoint_rps=_endpoint_rps(self.config),
                workers=self.config.backfill_workers,
                latency=0.0,
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
            )

    async def list_sync_runs(
        self, *, limit: int = 20, account: str | None = None
    ) -> list[dict[str, Any]]:
        """The newest backfill runs (``sync_runs`` view), each with its objects' progress."""
        store = await self._open_store()
        runs = await store.recent_runs(account, limit)
        for run in runs:
            run["object_progress"] = await store.run_objects(int(run["run_id"]))
        return runs

    async def sync_lag(self, *, account: str | None = None) -> list[dict[str, Any]]:
        """Per account and object (the ``sync_lag`` view): newest event applied and how many
        seconds ago Stripe created it, last complete backfill, failing backfill windows."""
        store = await self._open_store()
        return await store.sync_lag(account)

    async def backfill_progress(self) -> list[dict[str, Any]]:
        """Per object, its newest backfill run: status, objects listed, windows by status."""
        store = await self._open_store()
        return await store.latest_object_progress()

    # -- verify ------------------------------------------------------------------------------------

    async def verify(
        self,
        object: str | Sequence[str] = "all",
        *,
        since: datetime | str | int | None = None,
        repair: bool = False,
        deep: bool = True,
        account: str | None = None,
        settle_seconds: float = 60.0,
    ) -> VerifyResult:
        """Prove that the mirror holds what Stripe holds, and (``repair``) fix what it lacks.

        The events check: every event of Stripe's Events API of the last 30 days (or since
        ``since``: a datetime, ISO date or Unix seconds) about ``object`` (``"all"``, registry or
        table names) was applied here, skipped for a named reason, or superseded by a newer
        state; with ``repair`` the missing ones are applied, oldest first, through
        :meth:`process_event`. The deep check (``deep``): each object is listed again per month
        of ``created`` (from ``since``, else from the account's creation) and compared with its
        table: rows missing, rows alive here but gone in Stripe (extra), rows older than
        Stripe's (stale); with ``repair`` each is fetched and written as by
        :meth:`sync_single_entity` (a gone one becomes a tombstone). Months verified before and
        not written since are not listed again. Events and objects created in the last
        ``settle_seconds`` are left to the next run (webhooks on their way).

        Returns a :class:`VerifyResult` (one :class:`CheckReport` per check and object;
        ``remaining`` is the drift that is left), also stored in the ``verify_runs`` view. See
        :mod:`stripe_sync.verify`.
        """
        if settle_seconds < 0:
            raise ConfigError("settle_seconds must be 0 or more")
        resources = resolve(object)
        everything = object == "all" or (not isinstance(object, str) and "all" in object)
        floor_since = parse_created({"gte": since})[0] if since is not None else None
        if floor_since is not None and floor_since > datetime.now(UTC):
            raise ConfigError(f"since is in the future: {floor_since:%Y-%m-%d %H:%M:%S} UTC")
        platform = await self._platform_account()
        account_id = account or platform
        connected = account if account and account != platform else None
        floor = await self._floor(account_id, connected)
        store = await self._open_store()
        await self._share_limiter()
        verifier = Verifier(
            self.config, store, self._stripe, await self._ready(), self._process_event
        )
        return await verifier.run(
            resources,
            account_id=account_id,
            connected=connected,
            floor=floor,
            since=floor_since,
            settle=timedelta(seconds=settle_seconds),
            repair=repair,
            deep=deep,
            all_objects=everything,
        )

    async def verify_runs(
        self, *, limit: int = 1, account: str | None = None, latest: bool = False
    ) -> list[dict[str, Any]]:
        """Rows of the ``verify_runs`` view (one per check and object) of the newest ``limit``
        finished verify runs; ``latest``: only each account's newest run."""
        store = await self._open_store()
        return await store.verify_runs(account, limit=limit, latest=latest)

    async def status_snapshot(self) -> StatusSnapshot:
        """What the status page shows: per account and object the lag, the newest backfill and
        its progress, failing windows; managed webhook endpoints; dead letters. Reads the
        database only and holds no secret (see :mod:`stripe_sync.status`)."""
        return await take_snapshot(self)

    @property
    def stripe_stats(self) -> dict[str, int]:
        """This engine's calls to Stripe so far: requests, retries, 429s, 5xx, network errors."""
        return dataclasses.asdict(self._client.stats) if self._client is not None else {}

    # -- managed webhooks --------------------------------------------------------------------------

    async def find_or_create_managed_webhook(
        self,
        url: str,
        enabled_events: Sequence[str] | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """The managed webhook endpoint for ``url``: the tracked one while Stripe still has it
        enabled with the configured API version, else a new one that replaces it.

        Safe to call from several processes at once (one endpoint results). ``enabled_events``
        defaults to every supported event type. Returns the stored row without its secret; see
        :mod:`stripe_sync.managed_webhooks`.
        """
        managed = await self._managed_webhooks()
        result = await managed.find_or_create(
            url, enabled_events, description=description, metadata=metadata
        )
        self._secrets_loaded_at = float("-inf")  # verify with the new secret at once
        return result

    async def create_managed_webhook(
        self,
        url: str,
        enabled_events: Sequence[str] | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Create a managed webhook endpoint for ``url`` (:class:`ConfigError` if one is
        already tracked for it). Returns the stored row without its secret."""
        managed = await self._managed_webhooks()
        result = await managed.create(
            url, enabled_events, description=description, metadata=metadata
        )
        self._secrets_loaded_at = float("-inf")
        return result

    async def list_managed_webhooks(self) -> list[dict[str, Any]]:
        """The managed webhook endpoints of the key's account, as stored (no secrets)."""
        managed = await self._managed_webhooks()
        return await managed.tracked()

    async def get_managed_webhook(self, webhook_id: str) -> dict[str, Any] | None:
        """One managed webhook endpoint as stored (no secret), or None if not tracked."""
        managed = await self._managed_webhooks()
        return await managed.get(webhook_id)

    async def update_managed_webhook(
        self,
        webhook_id: str,
        *,
        url: str | None = None,
        enabled_events: Sequence[str] | None = None,
        disabled: bool | None = None,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Change a managed webhook endpoint in Stripe and store the result (no secret)."""
        managed = await self._managed_webhooks()
        return await managed.update(
            webhook_id,
            url=url,
            enabled_events=enabled_events,
            disabled=disabled,
            description=description,
            metadata=metadata,
        )

    async def delete_managed_webhook(self, webhook_id: str) -> bool:
        """Delete a managed webhook endpoint in Stripe and here; False if it is not tracked
        (then nothing is deleted: it may belong to another deployment)."""
        managed = await self._managed_webhooks()
        deleted = await managed.delete(webhook_id)
        self._secrets_loaded_at = float("-inf")
        return deleted

    async def use_managed_webhook(self, webhook_id: str, instance: str) -> None:
        """Record that ``instance`` (a running service) uses the endpoint; call it again as a
        heartbeat (see :meth:`release_managed_webhook`)."""
        store = await self._open_store()
        await store.webhook_user_seen(webhook_id, instance)

    async def release_managed_webhook(
        self, webhook_id: str, instance: str, *, grace_seconds: float = 90.0
    ) -> bool:
        """``instance`` stops using the endpoint; delete it when no other instance with a
        heartbeat newer than ``grace_seconds`` uses it. True when it was deleted."""
        store = await self._open_store()
        others = await store.webhook_user_gone(
            webhook_id, instance, timedelta(seconds=grace_seconds)
        )
        if others:
            return False
        return await self.delete_managed_webhook(webhook_id)

    async def cleanup_orphaned_managed_webhooks(self) -> list[str]:
        """Delete the endpoints this installation created in Stripe but no longer tracks
        (never another installation's); returns their ids."""
        managed = await self._managed_webhooks()
        return await managed.cleanup_orphans()

    # -- internals ---------------------------------------------------------------------------------

    async def _backfiller(self) -> Backfiller:
        if self._backfill is None:
            store = await self._open_store()
            await self._share_limiter()
            self._backfill = Backfiller(
                self.config,
                store,
                self._stripe,
                await self._ready(),
                workers=self.config.backfill_workers,
                lease_seconds=self.config.backfill_lease_seconds,
            )
        return self._backfill

    async def _share_limiter(self) -> None:
        """Switch the default rate limiter to the buckets in PostgreSQL that every process of
        the account shares (long runs: backfill, verify)."""
        if self._limiter is None and self.config.shared_rate_limit:
            await self._default_limiter.share(
                await self._platform_account(), await self._database_url()
            )

    async def _catch_up_events(self, account: str | None) -> PollResult | None:
        """Apply the events since the last run (the first run only records where they start)."""
        try:
            result = await self.poll_events(account=account)
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

    async def _run_plan(
        self, objects: str | Sequence[str], created: Mapping[str, Any] | None, account: str | None
    ) -> RunPlan:
        resources = resolve_objects(objects)
        gte, lte = parse_created(created)
        platform = await self._platform_account()
        account_id = account or platform
        connected = account if account and account != platform else None
        return RunPlan(
            resources=tuple(resources),
            account_id=account_id,
            account=connected,
            floor=await self._floor(account_id, connected),
            created_gte=gte,
            created_lte=lte,
        )

    async def _floor(self, account_id: str, connected: str | None) -> datetime:
        """Nothing of the account was created before this: its creation (fetched and stored
        the first time)."""
        store = await self._open_store()
        known, floor = await store.account_created(account_id)
        if not known:
            fetched = await self._stripe().get_account(connected)
            await store.upsert_account(fetched, None)
            _, floor = await store.account_created(account_id)
        # A connected account's created is when it was connected: a Standard account's
        # objects can be older.
        return (floor if connected is None else None) or STRIPE_EPOCH

    async def _backfill_cursors(self, account_id: str, names: Sequence[str]) -> dict[str, datetime]:
        """Where incremental runs left each object (read only): none in a database not
        migrated yet, whose first run lists everything."""
        store = await self._open_store()
        try:
            return await store.backfill_cursors(account_id, names)
        except DatabaseUnavailableError:
            raise
        except DatabaseError as exc:
            _log.info("no backfill cursors to read (%s): estimating a first run", exc)
            return {}

    async def _managed_webhooks(self) -> ManagedWebhooks:
        if self._managed is None:
            store = await self._open_store()
            self._managed = ManagedWebhooks(
                self.config, store, self._stripe, self._platform_account
            )
        return self._managed

    async def _ready(self) -> Ingestor:
        if self._ingestor is None:
            store = await self._open_store()
            writes = WriteGroups(
                store,
                max_size=self.config.write_group_size,
                max_in_flight=self.config.write_groups_in_flight,
            )
            self._ingestor = Ingestor(self.config, writes, self._stripe, self._platform_account)
        return self._ingestor

    def _check_open(self) -> None:
        if self._closed:
            raise ConfigError("this StripeSync was closed")

    async def _open_store(self) -> Store:
        self._check_open()
        async with self._open_lock:
            if self._store is None:
                store = Store(self.config, await self._database_url())
                await store.open()
                self._store = store
        return self._store

    async def _database_url(self) -> str:
        if self.config.database_url:
            return self.config.database_url
        return await anyio.to_thread.run_sync(embedded.ensure_running)

    def _stripe(self) -> StripeClient:
        if self._client is None:
            key = self.config.stripe_secret_key
            if not key:
                raise ConfigError("stripe_secret_key is required to call the Stripe API")
            self._client = StripeClient(
                self.config,
                transport=self._transport,
                rate_limiter=self._limiter or self._default_limiter,
            )
        return self._client

    def _key_hash(self) -> str | None:
        """What ``accounts.api_key_hashes`` holds for the key (the edge functions compute the
        same): the SHA-256 of the key for Stripe itself, of the API base and the key for any
        other server, so that one test key served by two fake servers (the demo's, then
        ``fake-stripe``) never finds the other's account."""
        key = self.config.stripe_secret_key
        if not key:
            return None
        base = self.config.stripe_api_base.rstrip("/")
        text = key if base == DEFAULT_API_BASE else f"{base}\n{key}"
        return hashlib.sha256(text.encode()).hexdigest()

    async def _platform_account(self) -> str:
        """The key's own account id: remembered, else looked up by key hash, else fetched."""
        if self._platform_account_id is not None:
            return self._platform_account_id
        async with self._account_lock:
            if self._platform_account_id is None:
                key_hash = self._key_hash()
                if key_hash is None:
                    raise ConfigError(
                        "stripe_secret_key is required: events are stored under the key's "
                        "account id"
                    )
                store = await self._open_store()
                found = await store.account_for_key(key_hash)
                if found is None:
                    found = str((await self.get_current_account())["id"])
                self._platform_account_id = found
        return self._platform_account_id

    async def _verify(self, payload: bytes | str, signature: str | None) -> dict[str, Any]:
        now = time.monotonic()
        if now - self._secrets_loaded_at > SECRETS_TTL:
            await self._load_secrets(now)
        try:
            return verify_webhook(payload, signature, self._secrets, tolerance=DEFAULT_TOLERANCE)
        except SignatureVerificationError:
            if now - self._secrets_loaded_at < SECRETS_REFRESH_MIN:
                raise
            await self._load_secrets(now)
            return verify_webhook(payload, signature, self._secrets, tolerance=DEFAULT_TOLERANCE)

    async def _load_secrets(self, now: float) -> None:
        store = await self._open_store()
        managed = await store.managed_webhook_secrets()
        own = self.config.stripe_webhook_secret
        configured = [own] if own else []
        self._secrets = list(dict.fromkeys([*configured, *managed]))
        self._secrets_loaded_at = now

    # -- dead letters ------------------------------------------------------------------------------

    async def list_failed_events(
        self, *, limit: int = 100, include_resolved: bool = False
    ) -> list[dict[str, Any]]:
        """Events stored as dead letters, newest failure first: ``event_id``, ``account_id``,
        ``type``, ``created``, ``payload`` (the whole event), ``error_class``,
        ``error_message``, ``attempts``, ``first_failed_at``, ``last_failed_at`` and
        ``resolved_at`` (set once the event was applied; listed only with
        ``include_resolved``)."""
        dead = await self._dead_letters()
        return await dead.failed(limit=limit, include_resolved=include_resolved)

    async def replay_failed_events(
        self, event_ids: Sequence[str] | None = None
    ) -> list[SyncResult]:
        """Apply dead-lettered events again through :meth:`process_event`, oldest first: every
        unresolved one (``None``) or those ids (:class:`ConfigError`, nothing replayed, if one
        is unknown). An event applied now is resolved; one that fails again stays, with one
        more attempt and its new error. A transient error stops the replay and propagates."""
        dead = await self._dead_letters()
        return await dead.replay(event_ids, self.process_event)

    async def _dead_letters(self) -> DeadLetters:
        store = await self._open_store()
        return DeadLetters(self.config, store, lambda: self._platform_account_id)

    # -- events api --------------------------------------------------------------------------------

    async def poll_events(
        self, *, account: str | None = None, since: datetime | None = None
    ) -> PollResult:
        """Apply the new events of ``GET /v1/events`` (no webhook endpoint needed), oldest first.

        ``account`` is a connected account's id (``None``: the key's own account). The first
        call only records the newest event as the starting point, unless ``since`` (an aware
        datetime) asks for the events created since then. A cursor older than Stripe's 30-day
        event retention sets ``cursor_expired`` (updates may be missing: run a backfill). See
        :mod:`stripe_sync.poller`.
        """
        poller = await self._poller()
        platform = await self._platform_account()
        account_id = account or platform
        return await poller.catch_up(account_id, connected=account_id != platform, since=since)

    async def listen_events(
        self,
        stop: asyncio.Event | threading.Event,
        *,
        interval: float = DEFAULT_INTERVAL,
        accounts: Sequence[str] | None = None,
    ) -> None:
        """Call :meth:`poll_events` every ``interval`` seconds until ``stop`` is set, for the
        key's own account or for ``accounts`` (ids; the key's own among them or not).

        Transient errors are logged and retried with a growing pause; terminal ones are raised.
        ``stop``: an :class:`asyncio.Event` set on this loop, or (from :class:`StripeSync` or
        another thread) a :class:`threading.Event`.
        """
        poller = await self._poller()
        platform = await self._platform_account()
        ids = list(dict.fromkeys(accounts)) if accounts else [platform]
        await poller.run(stop, {a: a != platform for a in ids}, interval=interval)

    async def _poller(self) -> EventPoller:
        # Stateless between passes (the cursor is in the database): one per call is fine.
        store = await self._open_store()
        return EventPoller(
            store,
            self._stripe,
            self.config,
            functools.partial(self._process_event, source="events"),
        )

    # -- the websocket channel ---------------------------------------------------------------------

    async def listen_websocket(
        self, stop: asyncio.Event | threading.Event, *, device_name: str | None = None
    ) -> None:
        """Receive the key's account's events over the Stripe CLI's websocket channel (what
        ``stripe listen`` uses) until ``stop`` is set: no public URL, no endpoint in Stripe.

        A CLI session is created with the key (``device_name`` names it in Stripe); each event
        is verified with the session's secret, applied like a webhook and acknowledged once
        committed. After every (re)connection the Events API is read from the stored cursor
        (as by :meth:`poll_events`), so events that happened while disconnected are applied
        too. Connection failures are retried with backoff; terminal errors (revoked key) are
        raised. See :mod:`stripe_sync.websocket_listener` and README.md for what Stripe does
        and does not guarantee about this channel.
        """
        self._check_open()
        platform = await self._platform_account()
        store = await self._open_store()
        inflight = InFlight()

        async def polled(event: dict[str, Any]) -> SyncResult:
            return await inflight.apply(
                str(event["id"]), lambda: self._process_event(event, source="events")
            )

        async def delivered(payload: str, signature: str | None, secret: str) -> SyncResult:
            started = time.perf_counter()
            event = verify_webhook(payload, signature, [secret], tolerance=DEFAULT_TOLERANCE)
            return await inflight.apply(
                str(event["id"]),
                lambda: self._process_event(
                    event, raw=payload, started=started, source="websocket"
                ),
            )

        poller = EventPoller(store, self._stripe, self.config, polled)
        listener = WebsocketListener(
            self._stripe,
            self.config,
            delivered,
            functools.partial(poller.catch_up, platform),
            device_name=device_name,
        )
        if isinstance(stop, asyncio.Event):
            await listener.run(stop)
            return
        # A threading.Event (StripeSync, another thread): mirror it onto this loop.
        mirrored = asyncio.Event()
        watcher = asyncio.create_task(anyio.to_thread.run_sync(stop.wait, abandon_on_cancel=True))
        watcher.add_done_callback(lambda _: mirrored.set())
        try:
            await listener.run(mirrored)
        finally:
            watcher.cancel()

    # -- accounts management -----------------------------------------------------------------------

    async def get_all_synced_accounts(self) -> list[dict[str, Any]]:
        """Every account with data in the database, the key's own first: those in the
        ``accounts`` table and any other found in a table that holds account data.

        Each is a dict: ``id``; ``business_name``, ``email``, ``type``, ``country``,
        ``created`` (None when the account was never fetched); ``has_api_key`` (the key's own
        account of an engine that used this database, not a connected account);
        ``last_event_created`` (the newest event applied), ``last_backfill_at``,
        ``last_synced_at`` (the later of the newest event applied and backfill activity);
        ``managed_webhooks`` (ids of its endpoints in Stripe) and ``tables`` (those holding
        its rows). Reads one index probe per table and account, not whole tables.
        """
        store = await self._open_store()
        return await store.synced_accounts()

    async def dangerously_delete_synced_account_data(
        self, account_id: str, *, dry_run: bool = False
    ) -> DeleteAccountResult:
        """Delete every row of ``account_id`` from the database, in one transaction: its
        objects in every object table, its ``accounts`` row, backfill runs, windows and
        cursors, processed events, dead letters, event cursor, child sets, managed webhook
        rows and rate-limit buckets (the SQL function ``_delete_account_data``). Returns a
        :class:`DeleteAccountResult` whose ``deleted_record_counts`` are the rows per table
        (every table, 0 included); ``dry_run`` only counts them.

        Raises :class:`UnknownAccountError` when no table holds a row of the account.

        Nothing is changed in Stripe: the account's managed webhook endpoints
        (``get_all_synced_accounts()[...]["managed_webhooks"]``) keep sending events, and once
        their rows are gone stripe-sync can no longer delete them: run ``stripe-sync webhooks
        delete`` (:meth:`delete_managed_webhook`) first. Stop the account's webhooks, pollers
        and backfills too, or they write new rows after the deletion (a backfill still running
        loses its windows and stops writing).
        """
        store = await self._open_store()
        counts = await store.delete_account_data(account_id, dry_run)
        if not any(counts.values()):
            raise UnknownAccountError(account_id)
        if not dry_run:
            if account_id == self._platform_account_id:
                self._platform_account_id = None
            self._secrets_loaded_at = float("-inf")  # its endpoints' secrets are gone
        return DeleteAccountResult(account_id, counts, dry_run)


class StripeSync:
    """The same API as :class:`AsyncStripeSync` for code without an event loop.

    It runs an :class:`AsyncStripeSync` on a private event-loop thread; call :meth:`close` (or
    use ``with``) to stop it.
    """

    def __init__(
        self,
        config: StripeSyncConfig,
        *,
        http_transport: httpx.AsyncBaseTransport | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self.config = config
        self._portal_cm: contextlib.AbstractContextManager[BlockingPortal] | None = (
            anyio.from_thread.start_blocking_portal()
        )
        self._portal = self._portal_cm.__enter__()
        self._core = AsyncStripeSync(
            config, http_transport=http_transport, rate_limiter=rate_limiter
        )
        # An engine never closed (a module global) is closed at interpreter exit, while its
        # event-loop thread still runs: stopping the portal later would wait for ever.
        self._finalizer = weakref.finalize(
            self, _shutdown, self._portal, self._portal_cm, self._core
        )

    def __enter__(self) -> StripeSync:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _call(
        self, fn: Callable[P, Coroutine[Any, Any, R]], *args: P.args, **kwargs: P.kwargs
    ) -> R:
        if self._portal_cm is None:
            raise ConfigError("this StripeSync was closed")
        finished = threading.Event()

        async def run() -> R:
            try:
                return await fn(*args, **kwargs)
            finally:
                finished.set()

        future = self._portal.start_task_soon(run)
        try:
            return future.result()
        except KeyboardInterrupt:
            # Ctrl-C reaches this thread, not the loop's: cancel the call there and let it
            # unwind (a backfill releases its windows) before the caller closes the engine,
            # which would otherwise pull the HTTP client and the pool from under it. A second
            # Ctrl-C stops the wait.
            future.cancel()
            finished.wait(_INTERRUPT_GRACE_SECONDS)
            raise

    def close(self) -> None:
        """Close the pool and the HTTP client and stop the event-loop thread. Idempotent."""
        if self._portal_cm is None:
            return
        self._portal_cm = None
        self._finalizer()

    def run_migrations(self) -> MigrationResult:
        """See :meth:`AsyncStripeSync.run_migrations`."""
        return self._call(self._core.run_migrations)

    def process_webhook(self, payload: bytes | str, signature: str | None) -> SyncResult:
        """See :meth:`AsyncStripeSync.process_webhook`."""
        return self._call(self._core.process_webhook, payload, signature)

    def process_event(self, event: Mapping[str, Any] | object) -> SyncResult:
        """See :meth:`AsyncStripeSync.process_event`."""
        return self._call(self._core.process_event, event)

    def sync_single_entity(
        self, object_id: str, *, object: str | None = None, account: str | None = None
    ) -> SyncResult:
        """See :meth:`AsyncStripeSync.sync_single_entity`."""
        return self._call(self._core.sync_single_entity, object_id, object=object, account=account)

    def wait_until_synced(
        self,
        target: Mapping[str, Any] | str | object,
        *,
        timeout: float = 30.0,
        at: datetime | float | None = None,
        object: str | None = None,
    ) -> None:
        """See :meth:`AsyncStripeSync.wait_until_synced`."""
        return self._call(
            self._core.wait_until_synced, target, timeout=timeout, at=at, object=object
        )

    def changes(
        self,
        since: int | Literal["now"] | None = None,
        *,
        tables: Sequence[str] | None = None,
        follow: bool = False,
        consumer: str | None = None,
    ) -> Iterator[Change]:
        """See :meth:`AsyncStripeSync.changes`: the same changes, as a plain iterator."""
        changes = self._core.changes(since, tables=tables, follow=follow, consumer=consumer)

        async def step() -> Change:
            return await anext(changes)

        try:
            while True:
                try:
                    yield self._call(step)
                except StopAsyncIteration:
                    return
        finally:
            if self._portal_cm is not None:
                self._call(changes.aclose)

    def change_feed(self, *, enabled: bool | None = None) -> ChangeFeedState:
        """See :meth:`AsyncStripeSync.change_feed`."""
        return self._call(self._core.change_feed, enabled=enabled)

    def prune_changes(self, *, retention_days: float | None = None) -> int:
        """See :meth:`AsyncStripeSync.prune_changes`."""
        return self._call(self._core.prune_changes, retention_days=retention_days)

    def ping(self) -> None:
        """See :meth:`AsyncStripeSync.ping`."""
        return self._call(self._core.ping)

    def get_current_account(self) -> dict[str, Any]:
        """See :meth:`AsyncStripeSync.get_current_account`."""
        return self._call(self._core.get_current_account)

    def process_until_done(
        self,
        object: str | Sequence[str] = "all",
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> BackfillResult:
        """See :meth:`AsyncStripeSync.process_until_done` (``on_progress`` runs on the
        library's event-loop thread)."""
        return self._call(
            self._core.process_until_done,
            object,
            created=created,
            account=account,
            on_progress=on_progress,
            progress_interval=progress_interval,
        )

    def start_resumable_sync(
        self,
        object: str | Sequence[str] = "all",
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> BackfillResult:
        """See :meth:`AsyncStripeSync.start_resumable_sync`."""
        return self._call(
            self._core.start_resumable_sync,
            object,
            created=created,
            account=account,
            on_progress=on_progress,
            progress_interval=progress_interval,
        )

    def process_connected_accounts(
        self,
        object: str | Sequence[str] = "all",
        *,
        accounts: str | Sequence[str] = "all",
        created: Mapping[str, Any] | None = None,
        on_progress: ProgressCallback | None = None,
        progress_interval: float = 1.0,
    ) -> list[BackfillResult]:
        """See :meth:`AsyncStripeSync.process_connected_accounts`."""
        return self._call(
            self._core.process_connected_accounts,
            object,
            accounts=accounts,
            created=created,
            on_progress=on_progress,
            progress_interval=progress_interval,
        )

    def migrate_sigma(self, tables: str | Sequence[str] | None = None) -> EnsureResult:
        """See :meth:`AsyncStripeSync.migrate_sigma`."""
        return self._call(self._core.migrate_sigma, tables)

    def sync_sigma(
        self,
        tables: str | Sequence[str] | None = None,
        *,
        account: str | None = None,
    ) -> SigmaResult:
        """See :meth:`AsyncStripeSync.sync_sigma`."""
        return self._call(self._core.sync_sigma, tables, account=account)

    def process_next(
        self,
        object: str,
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
    ) -> PageResult:
        """See :meth:`AsyncStripeSync.process_next`."""
        return self._call(self._core.process_next, object, created=created, account=account)

    def estimate_backfill(
        self,
        object: str | Sequence[str] = "all",
        *,
        created: Mapping[str, Any] | None = None,
        account: str | None = None,
    ) -> BackfillEstimate:
        """See :meth:`AsyncStripeSync.estimate_backfill`."""
        return self._call(self._core.estimate_backfill, object, created=created, account=account)

    def sync_lag(self, *, account: str | None = None) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.sync_lag`."""
        return self._call(self._core.sync_lag, account=account)

    def backfill_progress(self) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.backfill_progress`."""
        return self._call(self._core.backfill_progress)

    def verify(
        self,
        object: str | Sequence[str] = "all",
        *,
        since: datetime | str | int | None = None,
        repair: bool = False,
        deep: bool = True,
        account: str | None = None,
        settle_seconds: float = 60.0,
    ) -> VerifyResult:
        """See :meth:`AsyncStripeSync.verify`."""
        return self._call(
            self._core.verify,
            object,
            since=since,
            repair=repair,
            deep=deep,
            account=account,
            settle_seconds=settle_seconds,
        )

    def verify_runs(
        self, *, limit: int = 1, account: str | None = None, latest: bool = False
    ) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.verify_runs`."""
        return self._call(self._core.verify_runs, limit=limit, account=account, latest=latest)

    def status_snapshot(self) -> StatusSnapshot:
        """See :meth:`AsyncStripeSync.status_snapshot`."""
        return self._call(self._core.status_snapshot)

    @property
    def stripe_stats(self) -> dict[str, int]:
        """See :attr:`AsyncStripeSync.stripe_stats`."""
        return self._core.stripe_stats

    def list_sync_runs(
        self, *, limit: int = 20, account: str | None = None
    ) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.list_sync_runs`."""
        return self._call(self._core.list_sync_runs, limit=limit, account=account)

    def find_or_create_managed_webhook(
        self,
        url: str,
        enabled_events: Sequence[str] | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """See :meth:`AsyncStripeSync.find_or_create_managed_webhook`."""
        return self._call(
            self._core.find_or_create_managed_webhook,
            url,
            enabled_events,
            description=description,
            metadata=metadata,
        )

    def create_managed_webhook(
        self,
        url: str,
        enabled_events: Sequence[str] | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """See :meth:`AsyncStripeSync.create_managed_webhook`."""
        return self._call(
            self._core.create_managed_webhook,
            url,
            enabled_events,
            description=description,
            metadata=metadata,
        )

    def list_managed_webhooks(self) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.list_managed_webhooks`."""
        return self._call(self._core.list_managed_webhooks)

    def get_managed_webhook(self, webhook_id: str) -> dict[str, Any] | None:
        """See :meth:`AsyncStripeSync.get_managed_webhook`."""
        return self._call(self._core.get_managed_webhook, webhook_id)

    def update_managed_webhook(
        self,
        webhook_id: str,
        *,
        url: str | None = None,
        enabled_events: Sequence[str] | None = None,
        disabled: bool | None = None,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """See :meth:`AsyncStripeSync.update_managed_webhook`."""
        return self._call(
            self._core.update_managed_webhook,
            webhook_id,
            url=url,
            enabled_events=enabled_events,
            disabled=disabled,
            description=description,
            metadata=metadata,
        )

    def delete_managed_webhook(self, webhook_id: str) -> bool:
        """See :meth:`AsyncStripeSync.delete_managed_webhook`."""
        return self._call(self._core.delete_managed_webhook, webhook_id)

    def use_managed_webhook(self, webhook_id: str, instance: str) -> None:
        """See :meth:`AsyncStripeSync.use_managed_webhook`."""
        return self._call(self._core.use_managed_webhook, webhook_id, instance)

    def release_managed_webhook(
        self, webhook_id: str, instance: str, *, grace_seconds: float = 90.0
    ) -> bool:
        """See :meth:`AsyncStripeSync.release_managed_webhook`."""
        return self._call(
            self._core.release_managed_webhook, webhook_id, instance, grace_seconds=grace_seconds
        )

    def cleanup_orphaned_managed_webhooks(self) -> list[str]:
        """See :meth:`AsyncStripeSync.cleanup_orphaned_managed_webhooks`."""
        return self._call(self._core.cleanup_orphaned_managed_webhooks)

    # -- dead letters ------------------------------------------------------------------------------

    def list_failed_events(
        self, *, limit: int = 100, include_resolved: bool = False
    ) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.list_failed_events`."""
        return self._call(
            self._core.list_failed_events, limit=limit, include_resolved=include_resolved
        )

    def replay_failed_events(self, event_ids: Sequence[str] | None = None) -> list[SyncResult]:
        """See :meth:`AsyncStripeSync.replay_failed_events`."""
        return self._call(self._core.replay_failed_events, event_ids)

    # -- events api --------------------------------------------------------------------------------

    def poll_events(
        self, *, account: str | None = None, since: datetime | None = None
    ) -> PollResult:
        """See :meth:`AsyncStripeSync.poll_events`."""
        return self._call(self._core.poll_events, account=account, since=since)

    def listen_events(
        self,
        stop: asyncio.Event | threading.Event,
        *,
        interval: float = DEFAULT_INTERVAL,
        accounts: Sequence[str] | None = None,
    ) -> None:
        """See :meth:`AsyncStripeSync.listen_events`; pass a :class:`threading.Event` and set it
        from another thread (this call blocks until then)."""
        return self._call(self._core.listen_events, stop, interval=interval, accounts=accounts)

    def listen_websocket(
        self, stop: asyncio.Event | threading.Event, *, device_name: str | None = None
    ) -> None:
        """See :meth:`AsyncStripeSync.listen_websocket`; pass a :class:`threading.Event` and
        set it from another thread (this call blocks until then)."""
        return self._call(self._core.listen_websocket, stop, device_name=device_name)

    # -- accounts management -----------------------------------------------------------------------

    def get_all_synced_accounts(self) -> list[dict[str, Any]]:
        """See :meth:`AsyncStripeSync.get_all_synced_accounts`."""
        return self._call(self._core.get_all_synced_accounts)

    def dangerously_delete_synced_account_data(
        self, account_id: str, *, dry_run: bool = False
    ) -> DeleteAccountResult:
        """See :meth:`AsyncStripeSync.dangerously_delete_synced_account_data`."""
        return self._call(
            self._core.dangerously_delete_synced_account_data, account_id, dry_run=dry_run
        )


#: How long an interrupted call of :class:`StripeSync` may take to unwind.
_INTERRUPT_GRACE_SECONDS = 30.0


def _shutdown(
    portal: BlockingPortal,
    portal_cm: contextlib.AbstractContextManager[BlockingPortal],
    core: AsyncStripeSync,
) -> None:
    """Close ``core`` on its portal, then stop the portal (holds no reference to the facade)."""
    try:
        portal.call(core.close)
    finally:
        portal_cm.__exit__(None, None, None)


class _EngineLimiter:
    """The engine's default limiter: Stripe's limits for the key's mode, in process, switched
    to buckets in PostgreSQL (:class:`~stripe_sync.pg_ratelimit.PostgresRateLimiter`) once the
    account is known, so that every process on the database together stays under them."""

    def __init__(self, config: StripeSyncConfig) -> None:
        self._config = config
        key = config.stripe_secret_key or ""
        self._local = TokenBucketLimiter.for_key(
            key,
            global_rps=config.max_requests_per_second,
            endpoint_rps=_endpoint_rps(config),
        )
        self._shared: PostgresRateLimiter | None = None

    async def share(self, account_id: str, database_url: str) -> None:
        if self._shared is None and self._config.stripe_secret_key:
            self._shared = PostgresRateLimiter.for_key(
                self._config.stripe_secret_key,
                account=account_id,
                global_rps=self._config.max_requests_per_second,
                endpoint_rps=_endpoint_rps(self._config),
                database_url=database_url,
                schema=self._config.schema,
                pool_config=self._config.pool_config,
            )

    async def acquire(self, key: str) -> None:
        await (self._shared or self._local).acquire(key)

    async def aclose(self) -> None:
        if self._shared is not None:
            await self._shared.aclose()
            self._shared = None


def _endpoint_rps(config: StripeSyncConfig) -> float:
    """The per-endpoint rate: the configured one, else Stripe's default."""
    per_endpoint = config.max_requests_per_second_per_endpoint
    return PER_ENDPOINT_RPS if per_endpoint is None else per_endpoint
