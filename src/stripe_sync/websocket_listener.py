"""Live events over the Stripe CLI's websocket channel: real time without a public URL.

This is how ``stripe listen`` receives an account's events (the Stripe CLI's ``pkg/stripeauth``
and ``pkg/websocket``), followed here step by step:

1. **a session**: ``POST /v1/stripecli/sessions`` with the secret key (through the engine's
   :class:`~stripe_sync.client.StripeClient`: its retries and rate limiter), ``device_name`` and
   ``websocket_features[]=webhooks``. Stripe answers ``websocket_url``, ``websocket_id``,
   ``websocket_authorized_feature``, ``secret`` (the session's signing secret) and
   ``reconnect_delay``.
2. **the connection**: ``websocket_url?websocket_feature=<authorized feature>`` with the
   ``Websocket-Id`` header (the connection's only credential), the ``stripecli-devproxy-v1``
   subprotocol and no compression; a ping every :data:`PING_INTERVAL` seconds, and the
   connection counts as dead without an answer within :data:`PING_TIMEOUT` (the CLI's values).
   Like the CLI, the connection is renewed every ``reconnect_delay`` seconds (60 when the
   session names none).
3. **each event**: a ``webhook_event`` message carries the event as Stripe would post it to an
   endpoint (``event_payload``, a JSON string) and its HTTP headers, ``Stripe-Signature``
   among them, signed with the session's secret. The signature is verified (as a webhook's,
   300 s tolerance) and the event applied through the same path as webhooks (write groups,
   version checks, dead letters); **only once it is committed** are ``event_ack`` and
   ``webhook_response`` (status 200) sent back. A message that fails verification is logged
   and neither applied nor acknowledged. Messages whose ``endpoint.api_version`` is set carry
   the event in Stripe's latest API version instead of the account's; like ``stripe listen``
   without ``--latest``, they are acknowledged and not applied.
4. **gaps**: Stripe pushes an event only to a connection open when it happens. After every
   (re)connection, once the socket is open, the Events API is read from the poller's stored
   cursor (:meth:`~stripe_sync.poller.EventPoller.catch_up`), so whatever happened while no
   connection was open is applied. An event seen both ways is written once: the processed
   event ids skip one already committed, :class:`InFlight` one being applied right now.
   An event that could not be applied (database down) triggers the same catch-up, retried
   with backoff.
5. **failures**: a refused or dropped connection, or a failed session request, is retried with
   exponential backoff and equal jitter (``initial_retry_delay_ms`` doubling up to
   ``max_retry_delay_ms``); a handshake refused with a 4xx (an expired session: "Unknown
   WebSocket ID.") first creates a new session. A terminal API error (revoked key, no
   permission) is raised.

Neither the key, the session's secret nor the websocket id is ever logged: the websockets
library's own debug log (which prints the handshake headers) is kept quiet.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import logging
import random as _random
import socket
import time
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidStatus, WebSocketException
from websockets.typing import Subprotocol

from .client import USER_AGENT, StripeClient
from .config import StripeSyncConfig
from .errors import StripeServerError, StripeSyncError, WebhookError
from .ingest import Outcome, SyncResult
from .run_results import PollResult

__all__ = [
    "FEATURE",
    "PING_INTERVAL",
    "PING_TIMEOUT",
    "SESSION_PATH",
    "SUBPROTOCOL",
    "CliSession",
    "InFlight",
    "WebsocketListener",
    "create_session",
]

#: Where CLI sessions are created.
SESSION_PATH = "/v1/stripecli/sessions"
#: The websocket feature asked for: event deliveries.
FEATURE = "webhooks"
#: The subprotocol the Stripe CLI's dialer asks for.
SUBPROTOCOL = "stripecli-devproxy-v1"
#: Seconds between pings (the CLI's ping period: a fifth of its pong wait, times two).
PING_INTERVAL = 2.0
#: Seconds without a pong after which the connection counts as dead (the CLI's pong wait).
PING_TIMEOUT = 10.0
#: Seconds the opening handshake may take (the CLI's dialer's handshake timeout).
OPEN_TIMEOUT = 10.0
#: Seconds between connection renewals when the session names none (the CLI's default). Each
#: renewal also reads the Events API from the cursor, so a gap is found within this time and
#: each read covers only the events since the previous one.
DEFAULT_RECONNECT_DELAY = 60.0

_default_logger = logging.getLogger(__name__)

#: ``apply(payload, signature, secret)``: verify and apply one delivery (the facade's).
ApplyDelivery = Callable[[str, str | None, str], Awaitable[SyncResult]]
#: Read the Events API from the stored cursor (the poller's ``catch_up`` for the key's account).
CatchUp = Callable[[], Awaitable[PollResult]]


@dataclass(frozen=True, slots=True)
class CliSession:
    """A Stripe CLI session: where to connect and the secret its events are signed with."""

    websocket_url: str
    authorized_feature: str
    reconnect_delay: float
    #: The ``Websocket-Id`` header: whoever has it receives the account's events.
    websocket_id: str = field(repr=False)
    secret: str = field(repr=False)

    @classmethod
    def from_response(cls, body: Mapping[str, Any]) -> CliSession:
        """The session in Stripe's answer; :class:`StripeServerError` if a field is missing."""
        fields = ("websocket_url", "websocket_id", "websocket_authorized_feature", "secret")
        missing = [f for f in fields if not isinstance(body.get(f), str) or not body.get(f)]
        if missing:
            raise StripeServerError(
                f"Stripe's CLI session answer lacks {', '.join(missing)}", status=200
            )
        delay = body.get("reconnect_delay")
        return cls(
            websocket_url=str(body["websocket_url"]),
            authorized_feature=str(body["websocket_authorized_feature"]),
            reconnect_delay=(
                float(delay)
                if isinstance(delay, int | float) and delay > 0
                else DEFAULT_RECONNECT_DELAY
            ),
            websocket_id=str(body["websocket_id"]),
            secret=str(body["secret"]),
        )

    @property
    def url(self) -> str:
        """The URL to open: ``websocket_url`` with the authorized feature."""
        joiner = "&" if "?" in self.websocket_url else "?"
        query = urlencode({"websocket_feature": self.authorized_feature})
        return f"{self.websocket_url}{joiner}{query}"


async def create_session(client: StripeClient, device_name: str) -> CliSession:
    """Create a CLI session for the client's key (``POST /v1/stripecli/sessions``)."""
    body = await client.request(
        "POST", SESSION_PATH, {"device_name": device_name, "websocket_features": [FEATURE]}
    )
    return CliSession.from_response(body)


def default_device_name() -> str:
    """What the session is called in Stripe (the CLI sends the machine's name)."""
    return f"stripe-sync on {socket.gethostname()}"


@dataclass(slots=True)
class _Flight:
    done: asyncio.Event
    result: SyncResult | None = None


class InFlight:
    """Events being applied right now, by id. The websocket and the gap fill can bring the
    same event at the same moment, before either has committed it (so neither sees it as
    processed): the second waits for the first and answers its result as a ``duplicate``
    instead of writing it again. If the first fails, the second applies it."""

    def __init__(self) -> None:
        self._running: dict[str, _Flight] = {}

    async def apply(self, event_id: str, apply: Callable[[], Awaitable[SyncResult]]) -> SyncResult:
        """``apply()`` unless the event is being applied already; see the class docstring."""
        while (flight := self._running.get(event_id)) is not None:
            await flight.done.wait()
            if flight.result is not None:
                return dataclasses.replace(flight.result, outcome=Outcome.DUPLICATE)
        flight = _Flight(asyncio.Event())
        self._running[event_id] = flight
        try:
            flight.result = await apply()
            return flight.result
        finally:
            del self._running[event_id]
            flight.done.set()


class _QuietLogger(logging.LoggerAdapter[logging.Logger]):
    """The websockets library's logger without its DEBUG lines, which print the handshake's
    headers (``Websocket-Id``); its warnings and errors still go through."""

    def isEnabledFor(self, level: int) -> bool:
        return level > logging.DEBUG and self.logger.isEnabledFor(level)


class WebsocketListener:
    """Receives an account's events over a Stripe CLI session; see the module docstring.

    ``client`` returns the Stripe client, ``apply`` verifies and applies one delivery (the
    facade's), ``catch_up`` reads the Events API from the stored cursor. ``connector`` and
    ``random`` replace :func:`websockets.asyncio.client.connect` and the jitter in tests.
    """

    def __init__(
        self,
        client: Callable[[], StripeClient],
        config: StripeSyncConfig,
        apply: ApplyDelivery,
        catch_up: CatchUp,
        *,
        device_name: str | None = None,
        random: Callable[[], float] = _random.random,
    ) -> None:
        self._client = client
        self._config = config
        self._apply = apply
        self._catch_up = catch_up
        self._device_name = device_name or default_device_name()
        self._random = random
        self._log = config.logger or _default_logger
        self._ws_log = _QuietLogger(logging.getLogger("websockets.client"), {})
        self._gap = asyncio.Event()
        self._handlers: set[asyncio.Task[None]] = set()
        #: Connections opened so far.
        self.connects = 0
        #: Deliveries applied and acknowledged.
        self.acknowledged = 0
        #: Deliveries refused (bad signature or body): neither applied nor acknowledged.
        self.refused = 0

    async def run(self, stop: asyncio.Event) -> None:
        """Receive and apply events until ``stop`` is set, reconnecting as needed."""
        session: CliSession | None = None
        failures = 0
        while not stop.is_set():
            try:
                if session is None:
                    session = await create_session(self._client(), self._device_name)
                if await self._connection(session, stop):
                    failures = 0
                    continue  # a planned renewal, or stop: no pause
                failures = 1  # it was open, then dropped
                reason = "the connection was closed by the other side"
            except InvalidStatus as exc:
                status = exc.response.status_code
                if 400 <= status < 500:
                    session = None  # expired or unknown: the next try creates a new one
                failures += 1
                reason = f"the handshake was refused with HTTP {status}"
            except StripeSyncError as exc:
                if not exc.transient:
                    raise
                failures += 1
                reason = f"{type(exc).__name__}: {exc}"
            except (OSError, TimeoutError, WebSocketException) as exc:
                failures += 1
                reason = type(exc).__name__
            delay = self._delay(failures)
            self._log.warning(
                "the Stripe websocket channel is down (%s); reconnecting in %.1fs",
                reason,
                delay,
                extra={"failures": failures},
            )
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), delay)

    def _delay(self, failures: int) -> float:
        """Capped exponential backoff with equal jitter, as for API retries."""
        cap = self._config.max_retry_delay_ms / 1000.0
        base = min(cap, self._config.initial_retry_delay_ms / 1000.0 * 2.0 ** (failures - 1))
        return base / 2 + self._random() * base / 2

    async def _connection(self, session: CliSession, stop: asyncio.Event) -> bool:
        """One connection, from handshake to close; True when it ended as planned (stop, or
        the session's reconnect delay), False when the other side closed it. Handshake
        failures are raised."""
        ws = await connect(
            session.url,
            additional_headers={
                "Websocket-Id": session.websocket_id,
                "Accept-Encoding": "identity",
            },
            user_agent_header=USER_AGENT,
            subprotocols=[Subprotocol(SUBPROTOCOL)],
            compression=None,
            open_timeout=OPEN_TIMEOUT,
            ping_interval=PING_INTERVAL,
            ping_timeout=PING_TIMEOUT,
            logger=self._ws_log,
        )
        self.connects += 1
        self._log.info(
            "connected to the Stripe websocket channel", extra={"connects": self.connects}
        )
        # The socket is open, so new events arrive through it: now read what was missed.
        self._gap.set()
        reader = asyncio.create_task(self._read(ws, session))
        filler = asyncio.create_task(self._fill_gaps())
        timer = asyncio.create_task(self._until_renewal(stop, session.reconnect_delay))
        try:
            done, _ = await asyncio.wait(
                {reader, filler, timer}, return_when=asyncio.FIRST_COMPLETED
            )
            if filler in done:
                filler.result()  # a terminal error of the catch-up
            return timer in done
        finally:
            for task in (reader, filler, timer):
                task.cancel()
            # Events being applied finish (their commits stand); their acks go out if the
            # socket is still open.
            if self._handlers:
                await asyncio.gather(*self._handlers, return_exceptions=True)
            await ws.close()
            for task in (reader, filler, timer):
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task

    @staticmethod
    async def _until_renewal(stop: asyncio.Event, delay: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)

    async def _read(self, ws: ClientConnection, session: CliSession) -> None:
        with contextlib.suppress(ConnectionClosed):
            async for text in ws:
                try:
                    message = json.loads(text)
                except ValueError:
                    self._log.warning("a websocket message is not JSON; ignored")
                    continue
                if not isinstance(message, dict) or message.get("type") != "webhook_event":
                    kind = message.get("type") if isinstance(message, dict) else None
                    self._log.debug("websocket message of type %s ignored", kind)
                    continue
                task = asyncio.create_task(self._deliver(ws, session, message))
                self._handlers.add(task)
                task.add_done_callback(self._handlers.discard)

    async def _deliver(
        self, ws: ClientConnection, session: CliSession, message: Mapping[str, Any]
    ) -> None:
        """Verify, apply and, once committed, acknowledge one ``webhook_event``."""
        webhook_id = str(message.get("webhook_id") or "")
        conversation = str(message.get("webhook_conversation_id") or "")
        endpoint = message.get("endpoint")
        if isinstance(endpoint, Mapping) and endpoint.get("api_version"):
            # The latest-API-version copy of an event the account's version also delivers.
            await self._send(ws, _event_ack(webhook_id, conversation))
            return
        payload = message.get("event_payload")
        headers = message.get("http_headers")
        signature = _header(headers, "Stripe-Signature")
        started = time.perf_counter()
        try:
            if not isinstance(payload, str):
                raise WebhookError("the message has no event_payload")
            result = await self._apply(payload, signature, session.secret)
        except WebhookError as exc:
            self.refused += 1
            self._log.warning(
                "websocket delivery %s refused: %s (not applied, not acknowledged)",
                webhook_id,
                exc,
                extra={"webhook_id": webhook_id},
            )
            return
        except Exception as exc:
            # Not applied (database down, Stripe unreachable, a bug): the Events API has it.
            self._gap.set()
            self._log.warning(
                "websocket delivery %s not applied (%s: %s); reading the Events API again",
                webhook_id,
                type(exc).__name__,
                exc,
                extra={"webhook_id": webhook_id},
                exc_info=not isinstance(exc, StripeSyncError),
            )
            return
        body = json.dumps({"received": True, "outcome": str(result.outcome)})
        await self._send(ws, _event_ack(webhook_id, conversation))
        await self._send(
            ws,
            {
                "type": "webhook_response",
                "webhook_id": webhook_id,
                "webhook_conversation_id": conversation,
                "forward_url": "",
                "status": 200,
                "http_headers": {"Content-Type": "application/json"},
                "body": body,
            },
        )
        self.acknowledged += 1
        self._log.debug(
            "websocket event %s %s in %.3fs",
            result.event_id,
            result.outcome,
            time.perf_counter() - started,
            extra={"event_id": result.event_id, "webhook_id": webhook_id},
        )

    async def _send(self, ws: ClientConnection, message: Mapping[str, Any]) -> None:
        # A closed socket loses the ack, not the event: it is committed already.
        with contextlib.suppress(ConnectionClosed):
            await ws.send(json.dumps(message))

    async def _fill_gaps(self) -> None:
        """Read the Events API from the cursor whenever a gap may exist (each connection, a
        delivery that failed); transient failures are retried with backoff."""
        failures = 0
        while True:
            await self._gap.wait()
            self._gap.clear()
            try:
                result = await self._catch_up()
            except StripeSyncError as exc:
                if not exc.transient:
                    raise
                failures += 1
                self._gap.set()
                delay = self._delay(failures)
                self._log.warning(
                    "filling the gap from the Events API failed (%s: %s); next try in %.1fs",
                    type(exc).__name__,
                    exc,
                    delay,
                    extra={"failures": failures},
                )
                await asyncio.sleep(delay)
                continue
            failures = 0
            if result.applied or result.cursor_expired:
                self._log.info(
                    "filled the gap from the Events API: %s event(s) applied, cursor %s",
                    result.applied,
                    result.cursor,
                    extra={"account_id": result.account_id, "applied": result.applied},
                )


def _event_ack(webhook_id: str, conversation: str) -> dict[str, str]:
    return {"type": "event_ack", "event_id": webhook_id, "webhook_conversation_id": conversation}


def _header(headers: object, name: str) -> str | None:
    """A header of the message's ``http_headers``, whatever its case."""
    if not isinstance(headers, Mapping):
        return None
    wanted = name.lower()
    for key, value in headers.items():
        if isinstance(key, str) and key.lower() == wanted and isinstance(value, str):
            return value
    return None
