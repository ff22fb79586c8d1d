"""The long-running sync service behind ``stripe-sync start``: real time plus backfill.

:func:`run_service` keeps one database current until it is told to stop:

1. migrations;
2. real time, one of three ways:
   - ``webhook``: the webhook app (``/webhooks``, ``/health``, ``/metrics``, the status page
     at ``/``) served by uvicorn, and a managed webhook endpoint pointing at ``public_url``
     (reused or created, see :mod:`stripe_sync.managed_webhooks`), deleted again at shutdown
     unless ``keep_webhook``;
   - ``events``: the same app (for ``/health``, ``/metrics`` and ``/``) and the Events API
     polled every ``poll_interval`` seconds from the stored cursor: no public URL, no endpoint
     in Stripe;
   - ``websocket``: the same app, and the events pushed over the Stripe CLI's websocket channel
     (:meth:`AsyncStripeSync.listen_websocket`), gaps filled from the Events API on every
     reconnection: no public URL, no endpoint in Stripe, events pushed as they happen;
3. a backfill of every object in the background (unless ``backfill`` is False): incremental,
   so a restart lists only what is new; and the change feed pruned of changes older than its
   retention (``change_feed_retention_days``), at start and every 10 minutes;
4. on ``stop`` (the CLI sets it on SIGINT/SIGTERM): the server drains its requests, the backfill
   gives its windows back (the next start continues them), the endpoint is deleted, the engine
   closed.

An entry point, beside ``cli/`` and ``server.py``: it composes the facade and the webhook app
and holds no sync logic of its own; nothing below the entry points imports it
(``tests/unit/test_layers.py``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Literal
from urllib.parse import urlsplit, urlunsplit

import uvicorn

from .change_feed import PRUNE_INTERVAL
from .errors import ConfigError, StripeSyncError
from .facade import AsyncStripeSync
from .server import create_app
from .status_page import DEFAULT_REFRESH_SECONDS

__all__ = ["ServiceOptions", "run_service"]

_log = logging.getLogger(__name__)


#: Seconds the server keeps an idle keep-alive connection open: more than the idle timeout of
#: what usually stands in front of it (AWS's load balancers and nginx 60 s, Heroku's router
#: 90 s), so that the client end closes first. uvicorn's default, 5 s, is the same as httpx's:
#: a delivery sent on a connection just as the server closed it was lost in flight (a
#: ``ReadError`` in the chaos suite; a 502 behind a balancer), and Stripe sent it again only
#: later. Google Cloud's balancers keep connections 600 s: raise it there (``--keep-alive``).
KEEP_ALIVE_SECONDS = 120


@dataclass(frozen=True, slots=True)
class ServiceOptions:
    """How :func:`run_service` runs."""

    listen_mode: Literal["webhook", "events", "websocket"] = "webhook"
    #: Where Stripe reaches the webhook app (``https://host/webhooks``); webhook mode only.
    public_url: str | None = None
    host: str = "127.0.0.1"
    port: int = 8080
    backfill: bool = True
    keep_webhook: bool = False
    poll_interval: float = 5.0
    #: Serve the status page at ``/`` (see :mod:`stripe_sync.status_page`).
    status_page: bool = True
    #: Who may read it: those with this token; None: clients on this machine only.
    status_token: str | None = None
    #: Seconds between the status page's reloads.
    status_refresh: float = DEFAULT_REFRESH_SECONDS
    #: Seconds an idle keep-alive connection stays open (see :data:`KEEP_ALIVE_SECONDS`).
    keep_alive: int = KEEP_ALIVE_SECONDS
    #: Called with the server's URL once it listens (the CLI prints it).
    on_listening: Callable[[str], None] | None = None


#: The route of the webhook app that receives Stripe's deliveries.
WEBHOOK_PATH = "/webhooks"


def webhook_url(public_url: str) -> str:
    """The endpoint URL to register for ``public_url``: ``/webhooks`` is appended to a bare
    origin (``https://host``), where every delivery would otherwise get 404. Another path is
    kept as given (a proxy may map it onto ``/webhooks``), with a warning unless it ends with
    ``/webhooks``. Raises :class:`ConfigError` for what is not an http(s) URL with a host."""
    parts = urlsplit(public_url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ConfigError(
            "the public URL must be an http(s) URL with a host, e.g. https://sync.example.com"
        )
    if parts.path in ("", "/"):
        return urlunsplit(parts._replace(path=WEBHOOK_PATH))
    if not parts.path.rstrip("/").endswith(WEBHOOK_PATH):
        _log.warning(
            "the public URL's path %s is not %s: Stripe will post there, so make sure it "
            "reaches this server's %s",
            parts.path,
            WEBHOOK_PATH,
            WEBHOOK_PATH,
        )
    return urlunsplit(parts)


async def run_service(sync: AsyncStripeSync, options: ServiceOptions, stop: asyncio.Event) -> None:
    """Run until ``stop`` is set; see the module docstring. The caller closes ``sync``."""
    if options.listen_mode == "webhook" and not options.public_url:
        raise ConfigError(
            "webhook mode needs a public URL (--public-url or --ngrok-token); "
            "without one use --listen-mode websocket or --listen-mode events"
        )
    endpoint_url = webhook_url(options.public_url) if options.public_url else None
    # Bound before anything else: a port in use is a configuration error, said at once.
    listener = _bind(options.host, options.port)
    try:
        await _serve(sync, options, stop, listener, endpoint_url)
    finally:
        listener.close()


async def _serve(
    sync: AsyncStripeSync,
    options: ServiceOptions,
    stop: asyncio.Event,
    listener: socket.socket,
    endpoint_url: str | None,
) -> None:
    await sync.run_migrations()
    server = _Server(
        uvicorn.Config(
            create_app(
                sync=sync,
                status_page=options.status_page,
                status_token=options.status_token,
                status_refresh_seconds=options.status_refresh,
            ),
            host=options.host,
            port=options.port,
            log_level="warning",
            lifespan="on",
            timeout_keep_alive=options.keep_alive,
        )
    )
    webhook_id: str | None = None
    instance = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    tasks: list[asyncio.Task[None]] = []
    serving = asyncio.create_task(server.serve(sockets=[listener]))
    try:
        listening = asyncio.create_task(server.listening.wait())
        await asyncio.wait({listening, serving}, return_when=asyncio.FIRST_COMPLETED)
        listening.cancel()
        if server.listening.is_set() and options.on_listening is not None:
            options.on_listening(f"http://{options.host}:{options.port}")
        if options.listen_mode == "webhook":
            assert endpoint_url is not None
            endpoint = await sync.find_or_create_managed_webhook(endpoint_url)
            webhook_id = str(endpoint["id"])
            # Several instances behind one URL share the endpoint: each registers and beats;
            # the last one to stop deletes it.
            await sync.use_managed_webhook(webhook_id, instance)
            tasks.append(asyncio.create_task(_heartbeat(sync, webhook_id, instance)))
            _log.warning("webhook endpoint %s -> %s", webhook_id, endpoint_url)
        elif options.listen_mode == "websocket":
            tasks.append(asyncio.create_task(sync.listen_websocket(stop)))
        else:
            tasks.append(
                asyncio.create_task(sync.listen_events(stop, interval=options.poll_interval))
            )
        if options.backfill:
            tasks.append(asyncio.create_task(_backfill(sync)))
        tasks.append(asyncio.create_task(_prune_changes(sync)))
        waiter = asyncio.create_task(stop.wait())
        pending: set[asyncio.Task[Any]] = {serving, waiter, *tasks}
        while waiter in pending:
            done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
            for task in done - {waiter}:
                error = task.exception()
                if error is not None:
                    raise error
                if task is serving:
                    raise StripeSyncError("the webhook server stopped unexpectedly")
            # A finished backfill is not a reason to stop: real time goes on.
    finally:
        stop.set()
        # Stop Stripe's deliveries first, then drain what is in flight: the other way round,
        # deliveries failing in between would be retried to an endpoint that no longer exists.
        if webhook_id is not None and not options.keep_webhook:
            try:
                if await sync.release_managed_webhook(webhook_id, instance):
                    _log.warning("deleted webhook endpoint %s", webhook_id)
                else:
                    _log.warning("webhook endpoint %s kept: other instances use it", webhook_id)
            except StripeSyncError as exc:
                _log.warning("could not release webhook endpoint %s: %s", webhook_id, exc)
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        server.should_exit = True
        with contextlib.suppress(Exception):
            await serving


def _bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port`` for the webhook server; :class:`ConfigError` when the
    address cannot be used (in use, not this machine's, no permission)."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
        listener = socket.socket(family, kind, proto)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError as exc:
        listener.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    return listener


#: Seconds between an instance's heartbeats on the endpoint it uses (3 missed: it stops counting).
HEARTBEAT_SECONDS = 30.0


async def _heartbeat(sync: AsyncStripeSync, webhook_id: str, instance: str) -> None:
    while True:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        try:
            await sync.use_managed_webhook(webhook_id, instance)
        except StripeSyncError as exc:
            _log.warning("webhook heartbeat failed: %s", exc)


class _Server(uvicorn.Server):
    """uvicorn without its signal handlers: the caller's set ``stop``, which stops everything
    in order (the server last but one, the engine last). ``listening`` is set once it
    accepts connections."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.listening = asyncio.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            self.listening.set()

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


async def _prune_changes(sync: AsyncStripeSync) -> None:
    """Delete the change feed's changes older than its retention, at start and every
    :data:`~stripe_sync.change_feed.PRUNE_INTERVAL` seconds; failures are logged, never fatal."""
    while True:
        try:
            await sync.prune_changes()
        except StripeSyncError as exc:
            _log.warning("pruning the change feed failed: %s (tried again later)", exc)
        await asyncio.sleep(PRUNE_INTERVAL)


async def _backfill(sync: AsyncStripeSync) -> None:
    """One incremental backfill of everything (and of Sigma with ``enable_sigma``); failures
    are logged, never fatal."""
    try:
        result = await sync.process_until_done("all")
        # The CLI shows warnings by default: only a run that left failures behind is one.
        _log.log(
            logging.INFO if result.status == "complete" else logging.WARNING,
            "background backfill run %s %s: %s objects in %.0f s",
            result.run_id,
            result.status,
            f"{result.processed:,}",
            result.elapsed,
        )
        if sync.config.enable_sigma:
            sigma = await sync.sync_sigma()
            _log.log(
                logging.INFO if sigma.status == "complete" else logging.WARNING,
                "Sigma sync %s: %s",
                sigma.status,
                sigma.error or "",
            )
    except Exception as exc:  # never fatal: real time goes on
        _log.warning("background backfill stopped: %s (the next start continues it)", exc)
