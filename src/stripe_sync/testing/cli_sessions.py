"""The Stripe CLI's live channel: ``POST /v1/stripecli/sessions`` and its websocket.

``stripe listen`` receives an account's events without a public URL this way (see the Stripe
CLI's ``pkg/stripeauth`` and ``pkg/websocket``):

1. ``POST /v1/stripecli/sessions`` (authenticated with the API key, form-encoded
   ``device_name`` and ``websocket_features[]=webhooks``) answers ``websocket_url``,
   ``websocket_id``, ``websocket_authorized_feature``, ``secret`` (a ``whsec_`` signing secret)
   and ``reconnect_delay`` (seconds after which the client resets its connection);
2. the client opens ``websocket_url?websocket_feature=<authorized feature>`` with the
   ``Websocket-Id`` header (its only credential) and the ``stripecli-devproxy-v1`` subprotocol;
   an unknown id is refused (``{"error": {"message": "Unknown WebSocket ID."}}``);
3. every new event of the account (and of its connected accounts) is pushed as a text message
   ``{"type": "webhook_event", "webhook_id", "webhook_conversation_id", "event_payload": <the
   event's JSON as a string>, "http_headers": {"Stripe-Signature": ..., ...}, "endpoint":
   {"api_version": null}}``, signed like a webhook with the session's secret;
4. the client answers ``{"type": "event_ack", "event_id": <webhook_id>,
   "webhook_conversation_id"}`` and ``{"type": "webhook_response", "webhook_id",
   "webhook_conversation_id", "status", "body", "http_headers", "forward_url"}``.

Events are pushed only to connections open when they happen: nothing is queued for a
disconnected client (it fills gaps from ``/v1/events``). For tests, :class:`CliSessions` records
every push (:attr:`~CliSessions.pushed`) and every message received
(:attr:`~CliSessions.received`), can drop every open connection (:meth:`~CliSessions.drop`),
refuse new ones for a while (:attr:`~CliSessions.refuse`, answered 503) and sign the next
events with a wrong secret (:attr:`~CliSessions.bad_signatures`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from starlette.responses import JSONResponse
from starlette.websockets import WebSocket, WebSocketDisconnect

from .errors import FakeStripeError
from .webhooks import sign_payload

if TYPE_CHECKING:
    from .ops import Ctx
    from .state import Store

__all__ = ["SESSION_PATH", "SUBPROTOCOL", "WEBSOCKET_PATH", "CliSessions", "Push"]

#: Where sessions are created (the Stripe CLI's ``stripeCLISessionPath``).
SESSION_PATH = "/v1/stripecli/sessions"
#: Where the fake serves the websocket (Stripe's own host differs; clients use the URL given).
WEBSOCKET_PATH = "/_fake/stripecli/websocket"
#: The subprotocol the Stripe CLI asks for.
SUBPROTOCOL = "stripecli-devproxy-v1"
#: The feature a ``webhooks`` session is authorized for.
AUTHORIZED_FEATURE = "webhook-payloads"


@dataclass(slots=True)
class _Session:
    websocket_id: str
    account: str
    secret: str
    feature: str
    device_name: str


@dataclass(frozen=True, slots=True)
class Push:
    """One ``webhook_event`` message sent to a connection."""

    event_id: str
    webhook_id: str
    websocket_id: str
    #: Signed with a wrong secret (:attr:`CliSessions.bad_signatures`).
    bad_signature: bool


@dataclass(slots=True)
class _Connection:
    session: _Session
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[str | None] = field(default_factory=asyncio.Queue)


class CliSessions:
    """Sessions, open connections and what went over them; see the module docstring."""

    def __init__(self, store: Store) -> None:
        self.store = store
        #: Seconds after which clients should reset their connection (the session's field).
        self.reconnect_delay = 60
        #: While true, new connections are refused with HTTP 503 (a blocked network).
        self.refuse = False
        #: Connections refused so far because of :attr:`refuse`.
        self.refused = 0
        #: Sign the next this many pushed events with a wrong secret.
        self.bad_signatures = 0
        #: Every ``webhook_event`` pushed, in order.
        self.pushed: list[Push] = []
        #: Every message a client sent (``event_ack``, ``webhook_response``), parsed.
        self.received: list[dict[str, Any]] = []
        #: Connections accepted so far (reconnects included).
        self.connects = 0
        #: Base URL the websocket URL is built from (set from each session request's host).
        self.public_base = "http://127.0.0.1"
        self._sessions: dict[str, _Session] = {}
        self._open: list[_Connection] = []
        self._lock = threading.Lock()
        store.listeners.append(self.on_event)

    # -- the API ---------------------------------------------------------------------------

    def create(self, ctx: Ctx, params: dict[str, Any], args: dict[str, str]) -> dict[str, Any]:
        """``POST /v1/stripecli/sessions``."""
        device_name = params.get("device_name")
        if not isinstance(device_name, str) or not device_name:
            raise FakeStripeError(400, "Missing required param: device_name.", param="device_name")
        features = params.get("websocket_features") or []
        if isinstance(features, dict):  # websocket_features[0]=... decodes to a dict
            features = list(features.values())
        if not isinstance(features, list) or features != ["webhooks"]:
            raise FakeStripeError(
                400,
                "Invalid websocket_features: this fake serves only ['webhooks'].",
                param="websocket_features",
            )
        ids = self.store.ids
        session = _Session(
            websocket_id="cliws_" + ids.token(24),
            account=ctx.state.id,
            secret="whsec_" + ids.token(32),
            feature=AUTHORIZED_FEATURE,
            device_name=device_name,
        )
        with self._lock:
            self._sessions[session.websocket_id] = session
        base = self.public_base.rstrip("/")
        scheme, _, rest = base.partition("://")
        return {
            "object": "stripecli_session",
            "display_connect_filter_warning": False,
            "reconnect_delay": self.reconnect_delay,
            "secret": session.secret,
            "websocket_authorized_feature": session.feature,
            "websocket_id": session.websocket_id,
            "websocket_url": f"{'wss' if scheme == 'https' else 'ws'}://{rest}{WEBSOCKET_PATH}",
        }

    # -- the websocket ---------------------------------------------------------------------

    async def serve(self, websocket: WebSocket) -> None:
        """The websocket endpoint (a Starlette ``WebSocketRoute``)."""
        if self.refuse:
            with self._lock:
                self.refused += 1
            await websocket.send_denial_response(
                JSONResponse({"error": {"message": "Service unavailable."}}, status_code=503)
            )
            return
        with self._lock:
            session = self._sessions.get(websocket.headers.get("websocket-id", ""))
        feature = websocket.query_params.get("websocket_feature")
        if session is None or feature != session.feature:
            await websocket.send_denial_response(
                JSONResponse({"error": {"message": "Unknown WebSocket ID."}}, status_code=400)
            )
            return
        asked = websocket.scope.get("subprotocols") or []
        await websocket.accept(subprotocol=SUBPROTOCOL if SUBPROTOCOL in asked else None)
        connection = _Connection(session, asyncio.get_running_loop())
        with self._lock:
            self._open.append(connection)
            self.connects += 1
        reader = asyncio.create_task(self._read(websocket))
        try:
            while True:
                getter = asyncio.create_task(connection.queue.get())
                done, _ = await asyncio.wait({getter, reader}, return_when=asyncio.FIRST_COMPLETED)
                if getter not in done:  # the client went away
                    getter.cancel()
                    break
                message = getter.result()
                if message is None:  # dropped by the test
                    with contextlib.suppress(Exception):
                        await websocket.close(code=1011)
                    break
                await websocket.send_text(message)
        except (WebSocketDisconnect, RuntimeError, OSError):
            pass
        finally:
            with self._lock:
                if connection in self._open:
                    self._open.remove(connection)
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader

    async def _read(self, websocket: WebSocket) -> None:
        while True:
            try:
                text = await websocket.receive_text()
            except (WebSocketDisconnect, RuntimeError, KeyError):
                return
            try:
                message = json.loads(text)
            except ValueError:
                continue
            if isinstance(message, dict):
                with self._lock:
                    self.received.append(message)

    # -- events ----------------------------------------------------------------------------

    def on_event(self, event: dict[str, Any]) -> int:
        """Store listener: push ``event`` to every open connection of its account (a connected
        account's events go to its platform's sessions too). Counts no pending webhook."""
        owner = event.get("account") or self.store.platform_id
        with self._lock:
            platform = self.store.platform_id
            targets = [c for c in self._open if c.session.account in (owner, platform)]
            if not targets:
                return 0
            payload = json.dumps(event, indent=2)
            for connection in targets:
                bad = self.bad_signatures > 0
                if bad:
                    self.bad_signatures -= 1
                secret = "whsec_not_the_session_secret" if bad else connection.session.secret
                webhook_id = "wh_" + self.store.ids.token(24)
                message = {
                    "type": "webhook_event",
                    "webhook_id": webhook_id,
                    "webhook_conversation_id": "wc_" + self.store.ids.token(24),
                    "event_payload": payload,
                    "http_headers": {
                        "Accept": "*/*; q=0.5, application/xml",
                        "Cache-Control": "no-cache",
                        "Content-Type": "application/json; charset=utf-8",
                        "Stripe-Signature": sign_payload(payload, secret, int(time.time())),
                        "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                    },
                    "endpoint": {"api_version": None},
                }
                self.pushed.append(
                    Push(str(event["id"]), webhook_id, connection.session.websocket_id, bad)
                )
                text = json.dumps(message)
                connection.loop.call_soon_threadsafe(connection.queue.put_nowait, text)
        return 0

    # -- tests -----------------------------------------------------------------------------

    @property
    def open_connections(self) -> int:
        """Connections open right now."""
        with self._lock:
            return len(self._open)

    def drop(self) -> int:
        """Close every open connection from the server's side (code 1011); answers how many.
        Events already queued for a connection are sent first."""
        with self._lock:
            targets = list(self._open)
            self._open.clear()
        for connection in targets:
            connection.loop.call_soon_threadsafe(connection.queue.put_nowait, None)
        return len(targets)

    def acked_event_ids(self) -> list[str]:
        """Event ids of the ``event_ack`` messages received, in order (repeats kept)."""
        by_webhook = {p.webhook_id: p.event_id for p in self.pushed}
        with self._lock:
            acks = [m for m in self.received if m.get("type") == "event_ack"]
        return [by_webhook.get(str(m.get("event_id")), "?") for m in acks]

    def responses(self) -> list[dict[str, Any]]:
        """The ``webhook_response`` messages received, in order."""
        with self._lock:
            return [m for m in self.received if m.get("type") == "webhook_response"]

    def secret_of(self, websocket_id: str) -> str:
        """A session's signing secret."""
        with self._lock:
            return self._sessions[websocket_id].secret

    @property
    def sessions(self) -> list[str]:
        """Websocket ids of the sessions created, oldest first."""
        with self._lock:
            return list(self._sessions)

    def reset(self) -> None:
        """Forget sessions and records and drop open connections (used by ``fake.reset``)."""
        self.drop()
        with self._lock:
            self._sessions.clear()
            self.pushed.clear()
            self.received.clear()
            self.connects = 0
            self.bad_signatures = 0
            self.refuse = False
