"""The engine behind :class:`~stripe_sync.facade.AsyncStripeSync`: what it holds between calls.

:class:`Engine` owns every resource and cache of one ``AsyncStripeSync``; the use cases
(:mod:`~stripe_sync.backfill_runs`, :mod:`~stripe_sync.realtime`,
:mod:`~stripe_sync.verify_runs`, :mod:`~stripe_sync.accounts`, the facade's one-liners) take it as
their first argument and ask it for what they need. Nothing is opened until a call needs it, and
after :meth:`Engine.close` every request for a resource raises :class:`ConfigError` (closed).

What it holds, and for how long (each has this one owner):

- **the connection pool** (:class:`~stripe_sync.store.Store`): opened by the first call that
  needs the database (the embedded PostgreSQL is started then, without ``database_url``);
  closed by :meth:`~Engine.close`.
- **the Stripe HTTP client**: made by the first call that calls Stripe; closed by ``close``.
- **the rate limiter**: the caller's ``rate_limiter``, else :class:`DefaultLimiter` (Stripe's
  limits for the key's mode, in process), which :meth:`~Engine.share_limiter` switches to
  buckets in PostgreSQL that every process of the account shares (long runs: backfill,
  verify); closed by ``close``.
- **the key's account id** (:meth:`~Engine.platform_account`): remembered once known; looked
  up by key hash in ``accounts``, else fetched (``GET /v1/account``). Forgotten when that
  account's data is deleted (:meth:`~Engine.forget_account`).
- **the webhook signing secrets** (:class:`SigningSecrets`): read on the first webhook, again
  after :data:`SECRETS_TTL`, after a failed signature (at most once per
  :data:`SECRETS_REFRESH_MIN`), and after :meth:`SigningSecrets.forget`, which the writers of
  ``_managed_webhooks`` call (:class:`~stripe_sync.managed_webhooks.ManagedWebhooks` when it
  creates or deletes an endpoint, :meth:`~Engine.forget_account`).
- **the collaborators** (:class:`~stripe_sync.ingest.Ingestor` with its write groups,
  :class:`~stripe_sync.backfill.Backfiller`, :class:`ManagedWebhooks`,
  :class:`~stripe_sync.dead_letters.DeadLetters`, the events poller,
  :class:`~stripe_sync.wait.WriteWatcher`): each made on first use and kept for the engine's
  life. They hold nothing but the resources above (their state is in the database), except the
  write groups' queue and the watcher's ``LISTEN`` connection (closed by ``close``).

Made per call, because they hold that call's state: a verify run's ``Verifier``, a Sigma sync,
the estimate's metered client, the websocket channel's listener and its poller.

Every event any path applies goes through :meth:`Engine.apply`, which stores what cannot be
applied as a dead letter and tells the listeners (the webhook app's metrics).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import hashlib
import logging
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

import anyio.to_thread
import httpx

from . import embedded
from .backfill import Backfiller
from .changes import Via
from .client import StripeClient
from .config import DEFAULT_API_BASE, StripeSyncConfig
from .dead_letters import DeadLetters, dead_letterable
from .errors import ConfigError, SignatureVerificationError
from .grouping import WriteGroups
from .ingest import Ingestor, SyncResult
from .managed_webhooks import ManagedWebhooks
from .migrations import MigrationResult, run_migrations
from .pg_ratelimit import PostgresRateLimiter
from .poller import EventPoller
from .ratelimit import PER_ENDPOINT_RPS, RateLimiter, TokenBucketLimiter
from .signature import DEFAULT_TOLERANCE, verify_webhook
from .store import Store
from .wait import WriteWatcher

__all__ = [
    "SECRETS_REFRESH_MIN",
    "SECRETS_TTL",
    "DefaultLimiter",
    "Engine",
    "EventListener",
    "SigningSecrets",
    "endpoint_rps",
]

_log = logging.getLogger(__name__)

#: Told of each event the engine applies: its result and the seconds it took (see
#: :meth:`Engine.add_listener`).
EventListener = Callable[[SyncResult, float], None]

#: How long the signing secrets of managed webhooks are cached; a signature that fails against
#: the cache re-reads them at most once per :data:`SECRETS_REFRESH_MIN` seconds, so a freshly
#: created endpoint works at once and a flood of bad signatures cannot flood the database.
SECRETS_TTL = 30.0
SECRETS_REFRESH_MIN = 1.0


class Engine:
    """The resources, caches and collaborators of one engine; see the module docstring."""

    def __init__(
        self,
        config: StripeSyncConfig,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rate_limiter: RateLimiter | None = None,
    ) -> None:
        self.config = config
        self.transport = transport
        self._own_limiter = rate_limiter
        self._default_limiter = DefaultLimiter(config)
        self._closed = False
        self._open_lock = asyncio.Lock()
        self._account_lock = asyncio.Lock()
        self._store: Store | None = None
        self._client: StripeClient | None = None
        self._platform_account_id: str | None = None
        self.secrets = SigningSecrets(config.stripe_webhook_secret, self._managed_secrets)
        self._listeners: list[EventListener] = []
        self._ingestor: Ingestor | None = None
        self._backfiller: Backfiller | None = None
        self._managed: ManagedWebhooks | None = None
        self._dead_letters: DeadLetters | None = None
        self._poller: EventPoller | None = None
        self._watcher: WriteWatcher | None = None

    # -- lifetime ------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed

    def check_open(self) -> None:
        if self._closed:
            raise ConfigError("this StripeSync was closed")

    async def close(self) -> None:
        """Close the watcher's connection, the pool, the HTTP client and the shared limiter."""
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

    # -- resources -----------------------------------------------------------------------------

    async def database_url(self) -> str:
        """``database_url``, else the embedded PostgreSQL's (started if needed)."""
        if self.config.database_url:
            return self.config.database_url
        return await anyio.to_thread.run_sync(embedded.ensure_running)

    async def migrate(self) -> MigrationResult:
        """Create or upgrade the schema (:func:`~stripe_sync.migrations.run_migrations`)."""
        self.check_open()
        url = await self.database_url()
        return await anyio.to_thread.run_sync(
            functools.partial(run_migrations, url, config=self.config)
        )

    async def store(self) -> Store:
        """The connection pool, opened on first use."""
        self.check_open()
        async with self._open_lock:
            if self._store is None:
                store = Store(self.config, await self.database_url())
                await store.open()
                self._store = store
        return self._store

    def stripe(self) -> StripeClient:
        """The Stripe client, made on first use (:class:`ConfigError` without a key)."""
        self.check_open()
        if self._client is None:
            if not self.config.stripe_secret_key:
                raise ConfigError("stripe_secret_key is required to call the Stripe API")
            self._client = StripeClient(
                self.config, transport=self.transport, rate_limiter=self.limiter
            )
        return self._client

    @property
    def client(self) -> StripeClient | None:
        """The Stripe client if one was made (no new one)."""
        return self._client

    def stripe_stats(self) -> dict[str, int]:
        """The Stripe client's counters so far (none before its first call)."""
        return dataclasses.asdict(self._client.stats) if self._client is not None else {}

    @property
    def limiter(self) -> RateLimiter:
        """The limiter every Stripe call of this engine waits on."""
        return self._own_limiter or self._default_limiter

    async def share_limiter(self) -> None:
        """Switch the default limiter to the buckets in PostgreSQL that every process of the
        account shares (long runs: backfill, verify)."""
        if self._own_limiter is None and self.config.shared_rate_limit:
            await self._default_limiter.share(
                await self.platform_account(), await self.database_url()
            )

    # -- the key's account ---------------------------------------------------------------------

    def key_hash(self) -> str | None:
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

    async def fetch_account(self) -> dict[str, Any]:
        """The key's account from Stripe (``GET /v1/account``), stored and remembered."""
        store = await self.store()
        account = await self.stripe().get_account()
        await store.upsert_account(account, self.key_hash())
        self._platform_account_id = str(account["id"])
        return account

    async def platform_account(self) -> str:
        """The key's own account id: remembered, else looked up by key hash, else fetched."""
        if self._platform_account_id is not None:
            return self._platform_account_id
        async with self._account_lock:
            if self._platform_account_id is None:
                key_hash = self.key_hash()
                if key_hash is None:
                    raise ConfigError(
                        "stripe_secret_key is required: events are stored under the key's "
                        "account id"
                    )
                store = await self.store()
                found = await store.account_for_key(key_hash)
                if found is None:
                    found = str((await self.fetch_account())["id"])
                self._platform_account_id = found
        return self._platform_account_id

    def known_platform_account(self) -> str | None:
        """The key's account id if known already (no I/O)."""
        return self._platform_account_id

    def forget_account(self, account_id: str) -> None:
        """The account's data was deleted: forget its id if it is the key's, and its
        endpoints' secrets."""
        if account_id == self._platform_account_id:
            self._platform_account_id = None
        self.secrets.forget()

    async def _managed_secrets(self) -> list[str]:
        return await (await self.store()).managed_webhook_secrets()

    # -- collaborators ---------------------------------------------------------------------------

    async def ingestor(self) -> Ingestor:
        self.check_open()
        if self._ingestor is None:
            writes = WriteGroups(
                await self.store(),
                max_size=self.config.write_group_size,
                max_in_flight=self.config.write_groups_in_flight,
            )
            self._ingestor = Ingestor(self.config, writes, self.stripe, self.platform_account)
        return self._ingestor

    async def backfiller(self) -> Backfiller:
        self.check_open()
        if self._backfiller is None:
            store = await self.store()
            await self.share_limiter()
            self._backfiller = Backfiller(
                self.config,
                store,
                self.stripe,
                await self.ingestor(),
                workers=self.config.backfill_workers,
                lease_seconds=self.config.backfill_lease_seconds,
            )
        return self._backfiller

    async def managed_webhooks(self) -> ManagedWebhooks:
        self.check_open()
        if self._managed is None:
            self._managed = ManagedWebhooks(
                self.config,
                await self.store(),
                self.stripe,
                self.platform_account,
                on_secrets_changed=self.secrets.forget,
            )
        return self._managed

    async def dead_letters(self) -> DeadLetters:
        self.check_open()
        if self._dead_letters is None:
            self._dead_letters = DeadLetters(
                self.config, await self.store(), self.known_platform_account
            )
        return self._dead_letters

    async def poller(self) -> EventPoller:
        """The Events API poller that applies events as ``events`` (the cursor is in the
        database: one serves every call)."""
        self.check_open()
        if self._poller is None:
            apply = functools.partial(self.apply, source="events")
            self._poller = EventPoller(await self.store(), self.stripe, self.config, apply)
        return self._poller

    async def watcher(self) -> WriteWatcher:
        self.check_open()
        if self._watcher is None:
            self._watcher = WriteWatcher(await self.store())
        return self._watcher

    # -- applying events -----------------------------------------------------------------------

    async def apply(
        self,
        event: Mapping[str, Any] | object,
        *,
        raw: str | None = None,
        started: float | None = None,
        source: Via | None = None,
    ) -> SyncResult:
        """Apply one event; store it as a dead letter if that fails for good; tell listeners.

        Every path that applies events comes through here (webhooks, ``process_event``, the
        Events API poller, the websocket channel, replayed dead letters, verify's repairs), so
        every one of them feeds the listeners; ``source`` names the path (``SyncResult.source``)
        and ``raw`` is a verified webhook body as received.
        """
        if started is None:
            started = time.perf_counter()
        ingestor = await self.ingestor()
        try:
            result = await ingestor.process_event(event, raw=raw, via=source)
        except Exception as exc:
            if not dead_letterable(exc):
                raise
            result = await (await self.dead_letters()).record(event, exc)
        if source is not None and result.source != source:
            # A dead letter's result (an applied event's already names its path).
            result = dataclasses.replace(result, source=source)
        seconds = time.perf_counter() - started
        # A copy: a listener may remove itself (or another) while it is called.
        for listener in tuple(self._listeners):
            try:
                listener(result, seconds)
            except Exception:
                _log.exception("an event listener failed")
        return result

    def add_listener(self, listener: EventListener) -> Callable[[], None]:
        """Call ``listener(result, seconds)`` after each event :meth:`apply` applies or stores
        as a dead letter; ``seconds`` runs from the start of processing (signature check
        included) to the commit. It runs on the engine's loop and must not block; what it raises
        is logged, never passed on. Returns a function that removes it."""
        self._listeners.append(listener)

        def remove() -> None:
            with contextlib.suppress(ValueError):
                self._listeners.remove(listener)

        return remove


class SigningSecrets:
    """The secrets webhooks are verified with: ``stripe_webhook_secret`` and those of the
    managed endpoints (read with ``load``), cached as the module docstring says."""

    def __init__(self, configured: str | None, load: Callable[[], Awaitable[list[str]]]) -> None:
        self._configured = [configured] if configured else []
        self._load = load
        self._secrets: list[str] = []
        self._loaded_at = float("-inf")

    async def verify(self, payload: bytes | str, signature: str | None) -> dict[str, Any]:
        """The verified event (:class:`SignatureVerificationError` if no secret signed it)."""
        now = time.monotonic()
        if now - self._loaded_at > SECRETS_TTL:
            await self._refresh(now)
        try:
            return verify_webhook(payload, signature, self._secrets, tolerance=DEFAULT_TOLERANCE)
        except SignatureVerificationError:
            if now - self._loaded_at < SECRETS_REFRESH_MIN:
                raise
            await self._refresh(now)
            return verify_webhook(payload, signature, self._secrets, tolerance=DEFAULT_TOLERANCE)

    def forget(self) -> None:
        """The managed endpoints changed: read their secrets again before the next check."""
        self._loaded_at = float("-inf")

    async def _refresh(self, now: float) -> None:
        managed = await self._load()
        self._secrets = list(dict.fromkeys([*self._configured, *managed]))
        self._loaded_at = now


class DefaultLimiter:
    """The engine's default limiter: Stripe's limits for the key's mode, in process, switched
    to buckets in PostgreSQL (:class:`~stripe_sync.pg_ratelimit.PostgresRateLimiter`) once the
    account is known, so that every process on the database together stays under them."""

    def __init__(self, config: StripeSyncConfig) -> None:
        self._config = config
        key = config.stripe_secret_key or ""
        self._local = TokenBucketLimiter.for_key(
            key,
            global_rps=config.max_requests_per_second,
            endpoint_rps=endpoint_rps(config),
        )
        self._shared: PostgresRateLimiter | None = None

    async def share(self, account_id: str, database_url: str) -> None:
        if self._shared is None and self._config.stripe_secret_key:
            self._shared = PostgresRateLimiter.for_key(
                self._config.stripe_secret_key,
                account=account_id,
                global_rps=self._config.max_requests_per_second,
                endpoint_rps=endpoint_rps(self._config),
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


def endpoint_rps(config: StripeSyncConfig) -> float:
    """The per-endpoint rate: the configured one, else Stripe's default."""
    per_endpoint = config.max_requests_per_second_per_endpoint
    return PER_ENDPOINT_RPS if per_endpoint is None else per_endpoint
