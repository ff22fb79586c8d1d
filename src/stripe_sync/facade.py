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
import functools
import hashlib
import time
from collections.abc import Callable, Coroutine, Mapping, Sequence
from types import TracebackType
from typing import Any, ParamSpec, TypeVar

import anyio.from_thread
import anyio.to_thread
import httpx
from anyio.from_thread import BlockingPortal

from . import embedded
from .client import StripeClient
from .config import StripeSyncConfig
from .errors import ConfigError, SignatureVerificationError
from .ingest import Ingestor, SyncResult
from .managed_webhooks import ManagedWebhooks
from .migrations import MigrationResult, run_migrations
from .ratelimit import RateLimiter, TokenBucketLimiter
from .signature import DEFAULT_TOLERANCE, verify_webhook
from .store import Store

__all__ = ["AsyncStripeSync", "StripeSync"]

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
        self._client: StripeClient | None = None
        self._store: Store | None = None
        self._open_lock = asyncio.Lock()
        self._account_lock = asyncio.Lock()
        self._platform_account_id: str | None = None
        self._secrets: list[str] = []
        self._secrets_loaded_at = float("-inf")
        self._ingestor: Ingestor | None = None
        self._managed: ManagedWebhooks | None = None
        self._closed = False

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
        if self._store is not None:
            await self._store.close()
            self._store = None
        if self._client is not None:
            await self._client.aclose()
            self._client = None

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
        written.
        """
        event = await self._verify(payload, signature)
        return await self.process_event(event)

    async def process_event(self, event: Mapping[str, Any] | object) -> SyncResult:
        """Apply one event (a dict or a ``stripe.Event``) once, whatever order it arrives in."""
        ingestor = await self._ready()
        return await ingestor.process_event(event)

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

    async def ping(self) -> None:
        """Raise :class:`DatabaseUnavailableError` unless the database answers a trivial query."""
        store = await self._open_store()
        await store.ping()

    # -- accounts ----------------------------------------------------------------------------------

    async def get_current_account(self) -> dict[str, Any]:
        """The key's account (``GET /v1/account``), stored in the ``accounts`` table."""
        store = await self._open_store()
        account = await self._stripe().get_account()
        await store.upsert_account(account, self._key_hash())
        self._platform_account_id = str(account["id"])
        return account

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

    async def cleanup_orphaned_managed_webhooks(self) -> list[str]:
        """Delete the endpoints this installation created in Stripe but no longer tracks
        (never another installation's); returns their ids."""
        managed = await self._managed_webhooks()
        return await managed.cleanup_orphans()

    # -- internals ---------------------------------------------------------------------------------

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
            self._ingestor = Ingestor(self.config, store, self._stripe, self._platform_account)
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
                rate_limiter=self._limiter or TokenBucketLimiter.for_key(key),
            )
        return self._client

    def _key_hash(self) -> str | None:
        key = self.config.stripe_secret_key
        return hashlib.sha256(key.encode()).hexdigest() if key else None

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
        result: R = self._portal.call(functools.partial(fn, *args, **kwargs))
        return result

    def close(self) -> None:
        """Close the pool and the HTTP client and stop the event-loop thread. Idempotent."""
        if self._portal_cm is None:
            return
        try:
            self._portal.call(self._core.close)
        finally:
            cm, self._portal_cm = self._portal_cm, None
            cm.__exit__(None, None, None)

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

    def ping(self) -> None:
        """See :meth:`AsyncStripeSync.ping`."""
        return self._call(self._core.ping)

    def get_current_account(self) -> dict[str, Any]:
        """See :meth:`AsyncStripeSync.get_current_account`."""
        return self._call(self._core.get_current_account)

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

    def cleanup_orphaned_managed_webhooks(self) -> list[str]:
        """See :meth:`AsyncStripeSync.cleanup_orphaned_managed_webhooks`."""
        return self._call(self._core.cleanup_orphaned_managed_webhooks)
