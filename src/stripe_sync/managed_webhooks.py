"""Managed webhook endpoints: the Stripe endpoints stripe-sync creates, keeps and cleans up.

Each endpoint this schema manages has a row in ``_managed_webhooks`` (one per URL, account and
mode: a live and a test key keep their own)
holding its signing secret, which :meth:`AsyncStripeSync.process_webhook` verifies against. An
endpoint is created with

- ``api_version`` pinned to the configured one, so payloads have the shape the sync expects;
- every event type the registry is fed by (:data:`stripe_sync.events.SUPPORTED_EVENT_TYPES`)
  unless the caller names others;
- metadata ``managed_by=stripe-sync`` and ``installation_id=<this schema's installation>``
  (the ``_installation`` table): orphan clean-up deletes only endpoints carrying both, so another
  deployment on the same Stripe account is never touched.

:meth:`ManagedWebhooks.find_or_create` runs under a transaction-level advisory lock keyed by
schema, account and URL, held from the look-up until the new row is committed, so concurrent
callers (threads, processes, hosts) end up with one endpoint. A tracked endpoint is reused when
Stripe still has it enabled with the configured API version (its event list is brought up to
date); a disabled, vanished or differently versioned one is deleted and replaced.

Stripe returns an endpoint's secret only once, when it is created. Because an endpoint can be
created in Stripe and its row never committed (a crash in between), a later
:meth:`ManagedWebhooks.cleanup_orphans` lists every page of ``/v1/webhook_endpoints`` and deletes
this installation's endpoints that have no row: their secrets are lost, so nothing could verify
their deliveries anyway.

The secret is never returned by this API and never logged: results are the stored rows without
it (read ``_managed_webhooks.secret`` to verify deliveries without ``process_webhook``).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import timedelta
from typing import Any, Final
from urllib.parse import quote

from .client import StripeClient
from .config import StripeSyncConfig
from .errors import ConfigError, StripeNotFoundError
from .events import SUPPORTED_EVENT_TYPES
from .store import Store

__all__ = ["MANAGED_BY", "ManagedWebhooks"]

#: The ``managed_by`` metadata value of every endpoint stripe-sync creates.
MANAGED_BY: Final = "stripe-sync"
_ENDPOINTS: Final = "/v1/webhook_endpoints"

_default_logger = logging.getLogger(__name__)


class ManagedWebhooks:
    """Creates, reuses, updates and deletes managed endpoints. Shares the engine's resources.

    ``page_size`` is the ``limit`` of each ``/v1/webhook_endpoints`` page read by clean-up;
    ``on_secrets_changed`` is called after an endpoint (and so its secret) was created or
    deleted here (the engine's signing-secret cache is dropped then).
    """

    def __init__(
        self,
        config: StripeSyncConfig,
        store: Store,
        client: Callable[[], StripeClient],
        platform_account: Callable[[], Awaitable[str]],
        *,
        page_size: int = 100,
        on_secrets_changed: Callable[[], None] = lambda: None,
    ) -> None:
        self.config = config
        self._secrets_changed = on_secrets_changed
        self._store = store
        self._client = client
        self._platform_account = platform_account
        self._page_size = page_size
        self._log = config.logger or _default_logger

    # -- creating ------------------------------------------------------------------------------

    async def find_or_create(
        self,
        url: str,
        enabled_events: Sequence[str] | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """The endpoint for ``url`` on the key's account and mode: the tracked one if it is
        still usable, else a new one (replacing the tracked one).

        A live and a test key each keep their own endpoint for one URL (Stripe keeps each
        mode's endpoints apart). A row that does not say its mode (tracked before migration
        0038) is adopted by a key that can retrieve its endpoint, and left alone by one that
        cannot: it may be the other mode's.
        """
        events = _event_list(enabled_events)
        account = await self._platform_account()
        installation = await self._store.installation_id()
        mode = self.config.mode
        async with self._store.locked(self._lock_key(account, url)) as tx:
            row = await tx.managed_webhook_for_url(url, account, mode)
            if row is not None:
                endpoint = await self._retrieve(row["id"])
                if endpoint is None and row["mode"] != mode:
                    row = None  # not this key's to replace
            if row is not None:
                if endpoint is not None and self._reusable(endpoint):
                    endpoint = await self._bring_up_to_date(
                        endpoint, events, description, metadata, installation
                    )
                    stored = await tx.update_managed_webhook(_fields(endpoint, mode))
                    assert stored is not None  # the row is locked by this transaction's lock
                    # Another process may have created it after the secrets were read.
                    self._secrets_changed()
                    return _public(stored)
                if endpoint is not None:
                    await self._delete_endpoint(row["id"])
                await tx.delete_managed_webhook(row["id"])
                self._log.info(
                    "replacing managed webhook endpoint %s (%s)",
                    row["id"],
                    "missing in Stripe" if endpoint is None else f"status {endpoint['status']}",
                    extra={"webhook_endpoint": row["id"], "account_id": account},
                )
            created = await self._create(
                tx, url, events, description, metadata, account, installation
            )
        self._secrets_changed()  # verify with the new secret at once
        return created

    async def create(
        self,
        url: str,
        enabled_events: Sequence[str] | None = None,
        *,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """A new endpoint for ``url``; :class:`ConfigError` if one is already tracked for it
        (in the key's mode, or without a mode)."""
        events = _event_list(enabled_events)
        account = await self._platform_account()
        installation = await self._store.installation_id()
        async with self._store.locked(self._lock_key(account, url)) as tx:
            row = await tx.managed_webhook_for_url(url, account, self.config.mode)
            if row is not None:
                raise ConfigError(
                    f"managed webhook endpoint {row['id']} already exists for this URL; use "
                    "find_or_create_managed_webhook, or delete it first"
                )
            created = await self._create(
                tx, url, events, description, metadata, account, installation
            )
        self._secrets_changed()
        return created

    # -- reading -------------------------------------------------------------------------------

    async def tracked(self) -> list[dict[str, Any]]:
        """The tracked endpoints of the key's account, oldest first (no Stripe call)."""
        account = await self._platform_account()
        return [_public(row) for row in await self._store.managed_webhooks(account)]

    async def get(self, webhook_id: str) -> dict[str, Any] | None:
        """The tracked endpoint ``webhook_id``, or None (no Stripe call)."""
        row = await self._store.managed_webhook(webhook_id)
        return _public(row) if row is not None else None

    # -- changing ------------------------------------------------------------------------------

    async def update(
        self,
        webhook_id: str,
        url: str | None = None,
        enabled_events: Sequence[str] | None = None,
        disabled: bool | None = None,
        description: str | None = None,
        metadata: Mapping[str, str] | None = None,
    ) -> dict[str, Any]:
        """Change a tracked endpoint in Stripe and store what Stripe answers.

        ``metadata`` is merged by Stripe into the endpoint's; the identifying keys
        (``managed_by``, ``installation_id``) cannot be changed.
        """
        row = await self._store.managed_webhook(webhook_id)
        if row is None:
            raise ConfigError(f"{webhook_id} is not a managed webhook endpoint of this database")
        self._own_mode(row)
        if url is not None and url != row["url"]:
            # One endpoint per URL, account and mode: refused before Stripe is changed.
            taken = await self._store.managed_webhook_for_url(url, row["account_id"], row["mode"])
            if taken is not None and taken["mode"] == row["mode"]:
                raise ConfigError(
                    f"managed webhook endpoint {taken['id']} already has the URL {url}; "
                    "delete it first, or change that one"
                )
        params: dict[str, Any] = {}
        if url is not None:
            params["url"] = url
        if enabled_events is not None:
            params["enabled_events"] = _event_list(enabled_events)
        if disabled is not None:
            params["disabled"] = disabled
        if description is not None:
            params["description"] = description
        if metadata is not None:
            params["metadata"] = {**metadata, **_identity(row["installation_id"])}
        endpoint = await self._client().request("POST", _path(webhook_id), params)
        # Only find_or_create adopts a row without a mode, under the URL's lock.
        stored = await self._store.update_managed_webhook(
            {**_fields(endpoint, self.config.mode), "mode": "unknown"}
        )
        if stored is None:
            raise ConfigError(f"managed webhook endpoint {webhook_id} was deleted meanwhile")
        return _public(stored)

    async def delete(self, webhook_id: str) -> bool:
        """Delete a tracked endpoint in Stripe (gone already is fine) and its row.

        An id that is not tracked here is left alone (it may be another deployment's): False.
        An endpoint of the other mode is refused (:class:`ConfigError`): this key cannot see it
        in Stripe, so it would drop the row of an endpoint that keeps sending. So is a row that
        does not say its mode (tracked before migration 0038) when this key cannot retrieve its
        endpoint: it may be the other mode's.
        """
        row = await self._store.managed_webhook(webhook_id)
        if row is None:
            return False
        self._own_mode(row)
        if row["mode"] == "unknown" and await self._retrieve(webhook_id) is None:
            raise ConfigError(
                f"{webhook_id} does not say its mode and this key cannot see it in Stripe: it "
                "may be the other mode's endpoint; delete it with a key of the other mode"
            )
        await self._delete_endpoint(webhook_id)
        await self._store.delete_managed_webhook(webhook_id)
        self._secrets_changed()
        self._log.info(
            "deleted managed webhook endpoint %s",
            webhook_id,
            extra={"webhook_endpoint": webhook_id, "account_id": row["account_id"]},
        )
        return True

    async def use(self, webhook_id: str, instance: str) -> None:
        """Record that ``instance`` uses the endpoint (again: a heartbeat)."""
        await self._store.webhook_user_seen(webhook_id, instance)

    async def release(self, webhook_id: str, instance: str, grace: timedelta) -> bool:
        """``instance`` stops using the endpoint; delete it when no other instance seen within
        ``grace`` uses it. True when it was deleted."""
        if await self._store.webhook_user_gone(webhook_id, instance, grace):
            return False
        return await self.delete(webhook_id)

    async def cleanup_orphans(self) -> list[str]:
        """Delete this installation's endpoints that no row tracks; returns their ids.

        Reads every page of ``/v1/webhook_endpoints``. Each candidate is checked again under
        its URL's lock, so an endpoint that a concurrent :meth:`find_or_create` has created but
        not yet committed is never taken for an orphan.
        """
        account = await self._platform_account()
        installation = await self._store.installation_id()
        candidates = [
            endpoint
            async for endpoint in self._client().iter_list(_ENDPOINTS, page_size=self._page_size)
            if _identity(installation).items() <= _metadata(endpoint).items()
        ]
        tracked = await self._store.managed_webhook_ids()
        deleted: list[str] = []
        for endpoint in candidates:
            endpoint_id = str(endpoint["id"])
            if endpoint_id in tracked:
                continue
            async with self._store.locked(self._lock_key(account, str(endpoint["url"]))) as tx:
                if await tx.managed_webhook(endpoint_id) is not None:
                    continue
                await self._delete_endpoint(endpoint_id)
            deleted.append(endpoint_id)
            self._log.info(
                "deleted orphaned webhook endpoint %s",
                endpoint_id,
                extra={"webhook_endpoint": endpoint_id, "account_id": account},
            )
        return deleted

    # -- internals -----------------------------------------------------------------------------

    def _lock_key(self, account: str, url: str) -> int:
        # A stable signed 64-bit key that does not depend on the server's hash function.
        text = f"stripe_sync.managed_webhook:{self.config.schema}:{account}:{url}"
        return int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big", signed=True)

    def _own_mode(self, row: Mapping[str, Any]) -> None:
        """Refuse a row of the other mode than the key's."""
        mode = row.get("mode", "unknown")
        if mode not in ("unknown", self.config.mode):
            raise ConfigError(
                f"{row['id']} is a {mode} endpoint: change or delete it with a {mode} key"
            )

    def _reusable(self, endpoint: Mapping[str, Any]) -> bool:
        return (
            endpoint.get("status") == "enabled"
            and endpoint.get("api_version") == self.config.stripe_api_version
        )

    async def _create(
        self,
        tx: Store,
        url: str,
        events: list[str],
        description: str | None,
        metadata: Mapping[str, str] | None,
        account: str,
        installation: str,
    ) -> dict[str, Any]:
        params: dict[str, Any] = {
            "url": url,
            "enabled_events": events,
            "api_version": self.config.stripe_api_version,
            "metadata": {**(metadata or {}), **_identity(installation)},
        }
        if description is not None:
            params["description"] = description
        endpoint = await self._client().request("POST", _ENDPOINTS, params)
        secret = endpoint.get("secret")
        if not isinstance(secret, str) or not secret:
            # Without it no delivery could be verified; the endpoint is an orphan now.
            await self._delete_endpoint(str(endpoint["id"]))
            raise ConfigError("Stripe created the webhook endpoint without returning its secret")
        stored = await tx.insert_managed_webhook(
            {
                **_fields(endpoint, self.config.mode),
                "account_id": account,
                "secret": secret,
                "api_version": endpoint.get("api_version") or self.config.stripe_api_version,
                "installation_id": installation,
            }
        )
        self._log.info(
            "created managed webhook endpoint %s",
            stored["id"],
            extra={"webhook_endpoint": stored["id"], "account_id": account},
        )
        return _public(stored)

    async def _bring_up_to_date(
        self,
        endpoint: dict[str, Any],
        events: list[str],
        description: str | None,
        metadata: Mapping[str, str] | None,
        installation: str,
    ) -> dict[str, Any]:
        """Update a reused endpoint whose events, description or metadata differ from those
        asked for (a newer stripe-sync supports more event types)."""
        params: dict[str, Any] = {}
        if sorted(endpoint.get("enabled_events") or []) != sorted(events):
            params["enabled_events"] = events
        if description is not None and endpoint.get("description") != description:
            params["description"] = description
        wanted = {**(metadata or {}), **_identity(installation)}
        if not wanted.items() <= _metadata(endpoint).items():
            params["metadata"] = wanted
        if not params:
            return endpoint
        return await self._client().request("POST", _path(str(endpoint["id"])), params)

    async def _retrieve(self, webhook_id: str) -> dict[str, Any] | None:
        try:
            return await self._client().request("GET", _path(webhook_id))
        except StripeNotFoundError:
            return None

    async def _delete_endpoint(self, webhook_id: str) -> None:
        # Deleted already is what we wanted.
        with contextlib.suppress(StripeNotFoundError):
            await self._client().request("DELETE", _path(webhook_id))


def _path(webhook_id: str) -> str:
    return f"{_ENDPOINTS}/{quote(webhook_id, safe='')}"


def _identity(installation: str) -> dict[str, str]:
    return {"managed_by": MANAGED_BY, "installation_id": installation}


def _metadata(endpoint: Mapping[str, Any]) -> dict[str, Any]:
    metadata = endpoint.get("metadata")
    return dict(metadata) if isinstance(metadata, Mapping) else {}


def _event_list(enabled_events: Sequence[str] | None) -> list[str]:
    if isinstance(enabled_events, str):
        raise ConfigError("enabled_events must be a list of event types, not one string")
    events = list(SUPPORTED_EVENT_TYPES if enabled_events is None else enabled_events)
    if not events:
        raise ConfigError("enabled_events must name at least one event type (or '*')")
    return events


def _fields(endpoint: Mapping[str, Any], key_mode: str) -> dict[str, Any]:
    """The row fields Stripe's answer determines (never the secret); the mode is the
    endpoint's ``livemode``, else the key's (``key_mode``)."""
    livemode = endpoint.get("livemode")
    return {
        "mode": key_mode if not isinstance(livemode, bool) else "live" if livemode else "test",
        "id": str(endpoint["id"]),
        "url": str(endpoint["url"]),
        "enabled_events": list(endpoint.get("enabled_events") or []),
        "status": str(endpoint.get("status") or "enabled"),
        "description": endpoint.get("description"),
        "metadata": _metadata(endpoint),
    }


def _public(row: Mapping[str, Any]) -> dict[str, Any]:
    """A stored row as returned to callers: everything but the signing secret."""
    return {k: v for k, v in row.items() if k != "secret"}
