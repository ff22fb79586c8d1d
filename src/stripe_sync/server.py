"""The webhook server: an ASGI app (Starlette) around :meth:`AsyncStripeSync.process_webhook`.

Routes:

- ``POST /webhooks``: the raw body and the ``Stripe-Signature`` header go to
  ``process_webhook``; the answer is 200 only after it returned, i.e. after the event was
  committed. A bad signature or body is 400 (nothing was written), a body over
  ``max_body_bytes`` 413, a transient failure (database down, Stripe rate limits) 503 with
  ``Retry-After`` so that Stripe delivers the event again, anything else 500 (Stripe retries
  5xx too).
- ``GET /health``: 200 when the database answers, 503 when it does not.
- ``GET /metrics``: Prometheus text (see :mod:`stripe_sync.metrics`).
- ``GET /``: the status page (see :mod:`stripe_sync.status_page`), unless
  ``status_page=False``: with ``status_token`` for those who present it, without one for
  clients on this machine only.

Like the CLI this module parses input, calls the library and maps its errors; it has no sync
logic of its own. Mount it in your own Starlette or FastAPI app with
``app.mount("/stripe", create_app(sync=engine))``: Starlette does not run the lifespan of a
mounted app, so pass an engine that you close yourself rather than a config.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from .config import StripeSyncConfig
from .errors import (
    ConfigError,
    SignatureVerificationError,
    StripeSyncError,
    WebhookError,
)
from .facade import AsyncStripeSync
from .jsoncodec import dumps
from .metrics import Metrics
from .status_page import DEFAULT_REFRESH_SECONDS, StatusPage

__all__ = ["DEFAULT_MAX_BODY_BYTES", "RETRY_AFTER_SECONDS", "create_app"]

_log = logging.getLogger(__name__)

#: Stripe's event payloads are a few kilobytes; a megabyte leaves room for the largest objects.
DEFAULT_MAX_BODY_BYTES = 1_000_000
#: ``Retry-After`` of a 503. Stripe follows its own retry schedule; other senders may honour it.
RETRY_AFTER_SECONDS = 5


def create_app(
    config: StripeSyncConfig | None = None,
    *,
    sync: AsyncStripeSync | None = None,
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES,
    registry: CollectorRegistry | None = None,
    status_page: bool = True,
    status_token: str | None = None,
    status_refresh_seconds: float = DEFAULT_REFRESH_SECONDS,
) -> Starlette:
    """The webhook app, for either a ``config`` or an existing ``sync`` engine.

    With ``config`` the app makes its own :class:`AsyncStripeSync` and closes it when the app's
    lifespan ends (uvicorn runs it); a later lifespan of the same app makes a new one. With
    ``sync`` the caller owns the engine and closes it. Metrics go to ``registry``, a new
    ``CollectorRegistry`` by default. The app's state holds ``stripe_sync`` (the engine) and
    ``metrics``.

    ``GET /`` is the status page, reloading every ``status_refresh_seconds``: for requests
    with ``status_token`` (at least 16 characters) or, without a token, for clients on this
    machine only; ``status_page=False`` removes it (404).
    """
    if (config is None) == (sync is None):
        raise ConfigError("create_app needs either a config or a sync engine, not both")
    if max_body_bytes < 1:
        raise ConfigError(f"max_body_bytes must be >= 1, got {max_body_bytes}")
    # The engine opens nothing until its first call, so it is made here rather than in the
    # lifespan: the app then also works where no lifespan runs (tests, mounted apps).
    owned = sync is None
    engine = sync if sync is not None else AsyncStripeSync(_required(config))
    metrics = Metrics(registry)
    handlers = _Handlers(engine, metrics, max_body_bytes)
    routes = [
        _WebhookRoute("/webhooks", handlers),
        Route("/health", handlers.get_health, methods=["GET"]),
        Route("/metrics", handlers.get_metrics, methods=["GET"]),
    ]
    page = None
    if status_page:
        page = StatusPage(engine, token=status_token, refresh_seconds=status_refresh_seconds)
        routes.append(Route("/", page.get, methods=["GET"]))
    # Events counted from the engine, not the route: those the Events API poller applies (events
    # mode) move the same counters as webhooks. Listening from here, not only from the
    # lifespan, so that an app whose lifespan never runs counts too.
    stop_listening: list[Callable[[], None]] = [
        handlers.sync._add_event_listener(metrics.observe_event)
    ]

    closed_owned = False

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        nonlocal closed_owned
        # An app can be started again after a lifespan ended (a test's second client, a server
        # restarted in one process): listen again, and replace an owned engine that was closed.
        if closed_owned:
            handlers.sync = AsyncStripeSync(_required(config))
            app.state.stripe_sync = handlers.sync
            if page is not None:
                page.sync = handlers.sync
            closed_owned = False
        if not stop_listening:
            stop_listening.append(handlers.sync._add_event_listener(metrics.observe_event))
        try:
            yield
        finally:
            while stop_listening:
                stop_listening.pop()()
            if owned:
                await handlers.sync.close()
                closed_owned = True

    app = Starlette(routes=routes, lifespan=lifespan)
    app.state.stripe_sync = engine
    app.state.metrics = metrics
    return app


def _required(config: StripeSyncConfig | None) -> StripeSyncConfig:
    assert config is not None  # checked by create_app
    return config


class _BodyTooLarge(Exception):
    pass


#: Newest verify runs (one per account and mode) /metrics reports.
_VERIFY_ACCOUNTS = 100


class _Handlers:
    def __init__(self, sync: AsyncStripeSync, metrics: Metrics, max_body_bytes: int) -> None:
        self.sync = sync
        self.metrics = metrics
        self.max_body_bytes = max_body_bytes

    async def post_webhook(self, request: Request) -> Response:
        """The route's endpoint for Starlette (which answers other methods 405 before calling
        it); POSTs are served by :meth:`webhook` directly."""
        raise AssertionError("POST /webhooks is served by _Handlers.webhook")  # pragma: no cover

    async def webhook(self, scope: Scope, receive: Receive, send: Send) -> None:
        """``POST /webhooks`` as a bare ASGI app: one delivery is a few hundred microseconds of
        CPU, of which Starlette's request and response objects were an eighth. It answers
        exactly what a ``JSONResponse`` would (same headers, same body)."""
        length = signature = None
        for name, value in scope["headers"]:
            if name == b"content-length" and length is None:
                length = value.decode("latin-1")
            elif name == b"stripe-signature" and signature is None:
                signature = value.decode("latin-1")
        response = await self._answer(length, signature, receive)
        if isinstance(response, Response):
            await response(scope, receive, send)
            return
        await send({"type": "http.response.start", "status": 200, "headers": response[0]})
        await send({"type": "http.response.body", "body": response[1]})

    async def _answer(
        self, length: str | None, signature: str | None, receive: Receive
    ) -> Response | tuple[list[tuple[bytes, bytes]], bytes]:
        """The answer to one delivery: an error response, or the headers and body of its 200."""
        try:
            body = await self._read_body(length, receive)
        except _BodyTooLarge:
            self.metrics.observe_error("too_large")
            _log.warning(
                "webhook rejected: body larger than %s bytes",
                self.max_body_bytes,
                extra={"reason": "too_large"},
            )
            return _error(413, f"request body is larger than {self.max_body_bytes} bytes")
        except ValueError:
            self.metrics.observe_error("malformed")
            return _error(400, "invalid Content-Length header")

        try:
            result = await self.sync.process_webhook(body, signature)
        except SignatureVerificationError as exc:
            return self._failed(400, "bad_signature", exc)
        except WebhookError as exc:  # MalformedPayloadError, or any other rejected body
            return self._failed(400, "malformed", exc)
        except StripeSyncError as exc:
            if exc.transient:
                response = self._failed(503, "transient", exc)
                response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
                return response
            return self._failed(500, "error", exc)
        except Exception:
            # A bug, not a rejected event: answer 500 so that Stripe delivers it again later.
            self.metrics.observe_error("error")
            _log.exception("webhook processing failed", extra={"reason": "error"})
            return _error(500, "internal error")
        # The bytes JSONResponse renders (compact, UTF-8), without building one.
        content = dumps(
            {"received": True, "outcome": result.outcome.value, "event_id": result.event_id}
        ).encode()
        return [
            (b"content-length", str(len(content)).encode("latin-1")),
            (b"content-type", b"application/json"),
        ], content

    async def get_health(self, request: Request) -> Response:
        try:
            await self.sync.ping()
        except StripeSyncError as exc:
            # The message may name the database host: it is logged, not answered.
            _log.warning(
                "health check failed: %s",
                exc,
                extra={"error": type(exc).__name__},
            )
            return JSONResponse(
                {"status": "unavailable", "database": "unreachable"},
                status_code=503,
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
        return JSONResponse({"status": "ok", "database": "ok"})

    async def get_metrics(self, request: Request) -> Response:
        backfill: list[dict[str, Any]] | None
        lag: list[dict[str, Any]] | None
        verify: list[dict[str, Any]] | None
        try:
            backfill = await self.sync.backfill_progress()
            lag = await self.sync.sync_lag()
            verify = await self.sync.verify_runs(limit=_VERIFY_ACCOUNTS, latest=True)
        except StripeSyncError as exc:
            # /metrics answers while the database is down (/health says so); keep the last values.
            _log.warning("metrics: backfill progress unavailable: %s", exc)
            backfill = lag = verify = None
        self.metrics.update(
            stripe=self.sync.stripe_stats, backfill=backfill, lag=lag, verify=verify
        )
        return Response(generate_latest(self.metrics.registry), media_type=CONTENT_TYPE_LATEST)

    async def _read_body(self, declared: str | None, receive: Receive) -> bytes:
        """The body, refused as soon as it is known to exceed the limit (never read in full)."""
        if declared is not None and int(declared) > self.max_body_bytes:
            raise _BodyTooLarge
        # Content-Length may be absent (chunked) or wrong: count what actually arrives.
        buffer = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                raise ClientDisconnect  # as Starlette's Request.stream() does
            chunk: bytes = message.get("body", b"")
            more = message.get("more_body", False)
            if not more and not buffer:
                # Most deliveries arrive in one message: no copy.
                if len(chunk) > self.max_body_bytes:
                    raise _BodyTooLarge
                return chunk
            buffer += chunk
            if len(buffer) > self.max_body_bytes:
                raise _BodyTooLarge
            if not more:
                return bytes(buffer)

    def _failed(self, status: int, reason: str, exc: StripeSyncError) -> JSONResponse:
        """Count, log and answer a failed delivery. Error messages never hold a secret or a
        signature (see :mod:`stripe_sync.errors`); terminal failures are answered generically."""
        self.metrics.observe_error(reason)
        extra = {"reason": reason, "status": status, "error": type(exc).__name__}
        if status == 500:
            _log.error("webhook processing failed: %s", exc, exc_info=exc, extra=extra)
            return _error(status, "internal error")
        _log.warning("webhook rejected (%s): %s", reason, exc, extra=extra)
        if status == 503:
            return _error(status, "temporarily unavailable, retry later")
        return _error(status, str(exc))


class _WebhookRoute(Route):
    """The webhook route: Starlette matches it (so a mounted app, the middleware and the 405
    of another method are unchanged); a POST goes to :meth:`_Handlers.webhook`."""

    def __init__(self, path: str, handlers: _Handlers) -> None:
        super().__init__(path, handlers.post_webhook, methods=["POST"])
        self.handlers = handlers

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] == "POST":
            await self.handlers.webhook(scope, receive, send)
        else:
            await super().handle(scope, receive, send)


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"received": False, "error": message}, status_code=status)
