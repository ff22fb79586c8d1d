"""The :class:`FakeStripe` facade: state, faults, webhooks and the ASGI app in one object."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from .app import build_app
from .cli_sessions import SESSION_PATH, CliSessions
from .errors import FakeStripeError
from .events import DEFAULT_API_VERSION, record_event
from .every import seed_every_resource
from .faults import FaultConfig, Faults
from .ops import Ctx
from .router import default_router, endpoint_key
from .routes import Route
from .seed import seed_objects, seed_realistic
from .sigma import SigmaFake
from .state import Store
from .webhooks import DeliveryAttempt, WebhookDispatcher, signed_event

__all__ = ["DEFAULT_API_KEY", "FakeStripe"]

#: The key a :class:`FakeStripe` accepts when none is given.
DEFAULT_API_KEY = "sk_test_fake_stripe_sync_0000"


def _key_livemode(api_keys: Sequence[str]) -> bool:
    """Whether ``api_keys`` are live keys (``sk_live_``, ``rk_live_``); a mix is refused."""
    modes = {"_live_" in key[:8] for key in api_keys}
    if len(modes) > 1:
        raise ValueError(
            "FakeStripe serves one mode: give it live keys or test keys, not both "
            "(use two fakes with one account_id for an account's live and test data)"
        )
    return modes.pop()


class FakeStripe:
    """A stateful, in-memory Stripe API.

    ``fake.app`` is the ASGI application (use it with ``httpx.ASGITransport`` or run it with
    :func:`stripe_sync.testing.run_in_thread`); the methods drive the fake directly from Python.
    Close it (or use it as a context manager) to stop the webhook workers.
    """

    def __init__(
        self,
        api_keys: Sequence[str] = (DEFAULT_API_KEY,),
        *,
        account_id: str | None = None,
        api_version: str = DEFAULT_API_VERSION,
        seed: int | None = None,
        faults: FaultConfig | None = None,
        webhook_retry_schedule: Sequence[float] = (0.1, 0.2, 0.4, 0.8),
        webhook_max_attempts: int = 5,
        webhook_timeout: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        if not api_keys:
            raise ValueError("FakeStripe needs at least one valid API key")
        self.api_keys = tuple(api_keys)
        self.api_version = api_version
        #: Live or test, from the keys: like Stripe, one key reaches one mode's data, so a fake
        #: serves one mode (two fakes with one account id stand for an account's two modes).
        self.livemode = _key_livemode(self.api_keys)
        self.store = Store(
            account_id=account_id,
            seed=seed,
            clock=clock,
            api_version=api_version,
            livemode=self.livemode,
        )
        self.faults = Faults(faults)
        self.webhooks = WebhookDispatcher(
            self.store,
            retry_schedule=webhook_retry_schedule,
            max_attempts=webhook_max_attempts,
            timeout=webhook_timeout,
        )
        #: ``stripe listen``'s channel: CLI sessions and their websocket (see :mod:`.cli_sessions`).
        self.cli_sessions = CliSessions(self.store)
        self.router = default_router([Route("POST", SESSION_PATH, self.cli_sessions.create)])
        #: The Sigma query-run API: data, runs and knobs (see :mod:`.sigma`).
        self.sigma = SigmaFake(self.store)
        #: ``(account, Idempotency-Key)`` -> (request fingerprint, status, body).
        self.idempotency: dict[tuple[str, str], tuple[str, int, bytes]] = {}
        #: API key -> endpoints (``"GET /v1/payouts"``, route paths) it may not call: 403.
        self.denied: dict[str, set[str]] = {}
        #: Requests refused with 403 for a missing permission, per endpoint.
        self.refused: Counter[str] = Counter()
        self.app = build_app(self)

    # -- identity --------------------------------------------------------------------------

    @property
    def api_key(self) -> str:
        """The first valid key (what tests usually hand to their client)."""
        return self.api_keys[0]

    @property
    def account_id(self) -> str:
        """The platform account's id (``GET /v1/account``)."""
        return self.store.platform_id

    def add_account(self, account_id: str | None = None) -> str:
        """Create a connected account (its own data set); returns its id."""
        return self.store.add_account(account_id).id

    # -- calling the API without HTTP --------------------------------------------------------

    def dispatch(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        *,
        account: str | None = None,
        request_id: str | None = None,
        idempotency_key: str | None = None,
    ) -> dict[str, Any]:
        """Run one API call in-process; raises :class:`FakeStripeError` like the HTTP API."""
        match = self.router.match(method, path)
        if match is None:
            raise FakeStripeError(
                404,
                f"Unrecognized request URL ({method}: {path}). Please see https://stripe.com/docs "
                "or we can help at https://support.stripe.com/.",
            )
        with self.store.lock:
            state = self.store.account(account)
            if state is None:
                raise FakeStripeError(
                    403,
                    f"The provided key does not have access to account '{account}' (or that "
                    "account does not exist). Application access may have been revoked.",
                    type="invalid_request_error",
                    code="account_invalid",
                )
            ctx = Ctx(self.store, state, request_id, idempotency_key)
            args = {**match.args, "_path": path}
            return match.route.handler(ctx, dict(params or {}), args)

    def call(
        self,
        method: str,
        path: str,
        params: dict[str, Any] | None = None,
        account: str | None = None,
    ) -> dict[str, Any]:
        """Shorthand for :meth:`dispatch` (``fake.call("POST", "/v1/customers", {...})``)."""
        return self.dispatch(method, path, params, account=account)

    def deny(self, *endpoints: str, key: str | None = None) -> None:
        """Make ``key`` (default: the first key) a restricted key without the permission for
        ``endpoints`` (``"GET /v1/payouts"``, ``"GET /v1/customers/{id}"``): they answer 403.
        ``deny()`` with no endpoints lifts every restriction of the key."""
        key = key or self.api_key
        if endpoints:
            self.denied.setdefault(key, set()).update(endpoint_key(e) for e in endpoints)
        else:
            self.denied.pop(key, None)

    # -- data --------------------------------------------------------------------------------

    def seed(
        self,
        object_name: str,
        count: int,
        *,
        account: str | None = None,
        created_range: tuple[int, int] | None = None,
        fields: dict[str, Any] | None = None,
        emit_events: bool = False,
    ) -> list[str]:
        """Add ``count`` objects of a registry type (``"customer"``); returns their ids."""
        return seed_objects(
            self.store,
            object_name,
            count,
            account=account,
            created_range=created_range,
            fields=fields,
            emit_events=emit_events,
        )

    def seed_every_resource(
        self, count: int = 2, *, account: str | None = None, seed: int = 0
    ) -> dict[str, int]:
        """``count`` objects of every registry resource the account has none of yet (per
        parent, for lists under a parent), built from Stripe's examples; returns objects added
        per resource (see :mod:`stripe_sync.testing.every`)."""
        return seed_every_resource(self.store, count, account=account, seed=seed)

    def seed_realistic(
        self, scale: int = 1000, *, account: str | None = None, seed: int = 0
    ) -> dict[str, int]:
        """A coherent account with ``scale`` customers; returns objects added per type."""
        return seed_realistic(self.store, scale, account=account, seed=seed)

    def get(self, object_name: str, object_id: str, account: str | None = None) -> dict[str, Any]:
        """An object as the API would serve it (404 -> :class:`FakeStripeError`)."""
        from .ops import retrieve_object

        with self.store.lock:
            state = self.store.account(account)
            if state is None:
                raise KeyError(account)
            return retrieve_object(state, object_name, object_id)

    def events(self, account: str | None = None, type_: str | None = None) -> list[dict[str, Any]]:
        """Every recorded event of an account, newest first (optionally one type)."""
        with self.store.lock:
            state = self.store.account(account)
            if state is None or "event" not in state.tables:
                return []
            table = state.tables["event"]
            return [
                table.records[i]
                for i in table.newest_first()
                if type_ is None or table.records[i]["type"] == type_
            ]

    def emit_event(
        self,
        type_: str,
        obj: dict[str, Any],
        *,
        account: str | None = None,
        previous_attributes: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Record (and deliver) an arbitrary event, e.g. one the fake never emits itself."""
        state = self.store.account(account)
        if state is None:
            raise KeyError(account)
        return record_event(self.store, state, type_, obj, previous=previous_attributes)

    # -- webhooks ----------------------------------------------------------------------------

    def add_webhook_endpoint(
        self,
        url: str,
        enabled_events: Sequence[str] = ("*",),
        *,
        connect: bool = False,
        api_version: str | None = None,
    ) -> dict[str, Any]:
        """Register an endpoint like ``POST /v1/webhook_endpoints``; the result has ``secret``."""
        params: dict[str, Any] = {
            "url": url,
            "enabled_events": list(enabled_events),
            "connect": "true" if connect else "false",
        }
        if api_version:
            params["api_version"] = api_version
        return self.dispatch("POST", "/v1/webhook_endpoints", params)

    @property
    def deliveries(self) -> list[DeliveryAttempt]:
        """Every webhook delivery attempt so far, in order."""
        return list(self.webhooks.attempts)

    def wait_for_webhooks(self, timeout: float = 10.0) -> bool:
        """Block until every queued delivery (and retry) is done; False on timeout."""
        return self.webhooks.wait_idle(timeout)

    def resend_event(
        self, event_id: str, endpoint_id: str | None = None, *, account: str | None = None
    ) -> int:
        """Deliver a recorded event again; returns how many endpoints it was queued for."""
        for event in self.events(account):
            if event["id"] == event_id:
                return self.webhooks.resend(event, endpoint_id)
        raise KeyError(event_id)

    @staticmethod
    def signed_event(
        event: dict[str, Any], secret: str, timestamp: int | None = None
    ) -> tuple[bytes, str]:
        """``(payload, Stripe-Signature)`` for ``event`` signed with ``secret``."""
        return signed_event(event, secret, timestamp)

    # -- control -----------------------------------------------------------------------------

    def configure(self, config: FaultConfig | None = None, **changes: Any) -> FaultConfig:
        """Replace the fault configuration, or change some of its fields."""
        new = config if config is not None else self.faults.config.replace(**changes)
        self.faults.configure(new)
        return new

    def reset(self) -> None:
        """Drop all data, events, webhook endpoints, deliveries and counters."""
        with self.store.lock:
            self.store.reset()
            self.idempotency.clear()
        self.webhooks.clear()
        self.cli_sessions.reset()
        self.faults.reset_counters()

    def stats(self) -> dict[str, Any]:
        """Request counters (per endpoint), object counts per account, webhook outcomes."""
        with self.store.lock:
            objects = {acct: self.store.count(acct) for acct in self.store.accounts}
        attempts = self.deliveries
        return {
            **self.faults.stats(),
            "objects": objects,
            "webhooks": {
                "attempts": len(attempts),
                "succeeded": sum(a.succeeded for a in attempts),
                "failed": sum(not a.succeeded for a in attempts),
            },
        }

    def close(self) -> None:
        """Stop the webhook workers and drop the CLI websockets."""
        self.webhooks.close()
        self.cli_sessions.drop()

    def __enter__(self) -> FakeStripe:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
