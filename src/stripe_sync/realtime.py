"""Real-time use cases of the facade: webhooks, the Events API and the Stripe CLI's websocket
channel. Each verifies or fetches events and applies them through :meth:`Engine.apply
<stripe_sync.engine.Engine.apply>`, the one funnel of every event.
"""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import anyio.to_thread

from .engine import Engine
from .ingest import SyncResult
from .poller import EventPoller, PollResult
from .signature import DEFAULT_TOLERANCE, verify_webhook
from .websocket_listener import InFlight, WebsocketListener

__all__ = ["listen_events", "listen_websocket", "poll_events", "process_webhook"]


async def process_webhook(
    engine: Engine, payload: bytes | str, signature: str | None
) -> SyncResult:
    """See :meth:`AsyncStripeSync.process_webhook`."""
    started = time.perf_counter()
    event = await engine.secrets.verify(payload, signature)
    # Verified: the body is UTF-8 JSON, passed on as received (see Ingestor.process_event).
    text = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    return await engine.apply(event, raw=text, started=started, source="webhook")


async def poll_events(engine: Engine, account: str | None, since: datetime | None) -> PollResult:
    """See :meth:`AsyncStripeSync.poll_events`."""
    poller = await engine.poller()
    platform = await engine.platform_account()
    account_id = account or platform
    return await poller.catch_up(account_id, connected=account_id != platform, since=since)


async def listen_events(
    engine: Engine,
    stop: asyncio.Event | threading.Event,
    interval: float,
    accounts: Sequence[str] | None,
) -> None:
    """See :meth:`AsyncStripeSync.listen_events`."""
    poller = await engine.poller()
    platform = await engine.platform_account()
    ids = list(dict.fromkeys(accounts)) if accounts else [platform]
    await poller.run(stop, {a: a != platform for a in ids}, interval=interval)


async def listen_websocket(
    engine: Engine, stop: asyncio.Event | threading.Event, device_name: str | None
) -> None:
    """See :meth:`AsyncStripeSync.listen_websocket`."""
    engine.check_open()
    platform = await engine.platform_account()
    store = await engine.store()
    inflight = InFlight()

    async def polled(event: dict[str, Any]) -> SyncResult:
        return await inflight.apply(str(event["id"]), lambda: engine.apply(event, source="events"))

    async def delivered(payload: str, signature: str | None, secret: str) -> SyncResult:
        started = time.perf_counter()
        event = verify_webhook(payload, signature, [secret], tolerance=DEFAULT_TOLERANCE)
        return await inflight.apply(
            str(event["id"]),
            lambda: engine.apply(event, raw=payload, started=started, source="websocket"),
        )

    # Its own poller: events it applies are shared with the channel's (``inflight``).
    poller = EventPoller(store, engine.stripe, engine.config, polled)
    listener = WebsocketListener(
        engine.stripe,
        engine.config,
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
