"""The ASGI application: Stripe's HTTP surface plus the ``/_fake/`` control endpoints.

Per API request, in order: latency (awaited, so requests overlap), authentication (Bearer or
Basic with the key as user), routing, rate limits and injected failures, parameter decoding
(query string and form body, bracket notation), ``Stripe-Account``, idempotency replay, then the
handler under the store lock. Every response is JSON with ``Request-Id`` and ``Stripe-Version``,
indented by two spaces as Stripe sends it (encoded by msgspec: with the standard library, encoding
a page of 100 invoices took four times the CPU, most of the fake's time in a backfill bench).

The ``/_fake/`` control endpoints are in :mod:`stripe_sync.testing.control`. The websocket of
the Stripe CLI's sessions (``POST /v1/stripecli/sessions``) is served at
``/_fake/stripecli/websocket`` (see :mod:`stripe_sync.testing.cli_sessions`).
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import msgspec
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route, WebSocketRoute

from .cli_sessions import SESSION_PATH, WEBSOCKET_PATH
from .control import control_routes
from .errors import FakeStripeError, invalid_api_key, permission_denied
from .forms import FormError, decode
from .router import endpoint_key, permission_for

if TYPE_CHECKING:
    from .fake import FakeStripe

__all__ = ["build_app"]

logger = logging.getLogger(__name__)


def _body(obj: Any) -> bytes:
    """``obj`` as Stripe's JSON: two-space indents, UTF-8."""
    return msgspec.json.format(msgspec.json.encode(obj), indent=2)


def _api_key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer":
        return value.strip() or None
    if scheme.lower() == "basic":
        try:
            user = base64.b64decode(value.strip()).decode()
        except (ValueError, UnicodeDecodeError):
            return None
        return user.partition(":")[0] or None
    return None


def build_app(fake: FakeStripe) -> Starlette:
    """The Starlette app serving ``fake``: the control endpoints, the Stripe CLI's websocket,
    and every other path to :class:`_Api`."""
    methods = ["GET", "POST", "DELETE", "PUT", "PATCH"]
    routes = [
        *control_routes(fake),
        WebSocketRoute(WEBSOCKET_PATH, fake.cli_sessions.serve),
        Route("/{path:path}", _Api(fake).respond, methods=methods),
    ]
    return Starlette(routes=routes)


class _Api:
    """Stripe's HTTP surface, one request at a time (the steps of the module docstring)."""

    def __init__(self, fake: FakeStripe) -> None:
        self.fake = fake

    async def respond(self, request: Request) -> Response:
        fake = self.fake
        request_id = "req_" + fake.store.ids.token(14)
        headers = {
            "Request-Id": request_id,
            "Stripe-Version": request.headers.get("stripe-version") or fake.api_version,
        }
        idempotency_key = request.headers.get("idempotency-key")
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        faults = fake.faults
        faults.in_flight += 1
        try:
            delay = faults.latency()
            if delay:
                await asyncio.sleep(delay)
            status, body = await self._handle(request, request_id, idempotency_key, headers)
        except FakeStripeError as exc:
            status, body = exc.status, _body(exc.body(request_id))
            headers.update(exc.headers)
        finally:
            faults.in_flight -= 1
        return Response(body, status_code=status, headers=headers, media_type="application/json")

    async def _handle(
        self,
        request: Request,
        request_id: str,
        idempotency_key: str | None,
        headers: dict[str, str],
    ) -> tuple[int, bytes]:
        fake = self.fake
        self._admit(request)
        method, path = request.method, request.url.path
        if path.startswith("/v2/"):
            fake.sigma.public_base = str(request.base_url)
        elif path == SESSION_PATH:
            fake.cli_sessions.public_base = str(request.base_url)
        pairs, params = await _params(request)
        account = request.headers.get("stripe-account") or None
        cache_key = fingerprint = None
        if method == "POST" and idempotency_key:
            cache_key = (account or fake.account_id, idempotency_key)
            fingerprint = hashlib.sha256(f"{path}?{sorted(pairs)}".encode()).hexdigest()
            cached = fake.idempotency.get(cache_key)
            if cached is not None:
                if cached[0] != fingerprint:
                    raise _idempotency_mismatch(idempotency_key)
                headers["Idempotent-Replayed"] = "true"
                return cached[1], cached[2]
        try:
            result = fake.dispatch(
                method,
                path,
                params,
                account=account,
                request_id=request_id,
                idempotency_key=idempotency_key,
            )
            status, body = 200, _body(result)
        except FakeStripeError as exc:
            if cache_key is None or exc.status >= 500:
                raise
            status, body = exc.status, _body(exc.body(request_id))
            headers.update(exc.headers)
        if cache_key is not None and fingerprint is not None:
            fake.idempotency[cache_key] = (fingerprint, status, body)
        return status, body

    def _admit(self, request: Request) -> None:
        """Authentication, the key's permissions, then rate limits and injected failures."""
        fake = self.fake
        key = _api_key(request)
        if key not in fake.api_keys:
            raise invalid_api_key(key)
        method, path = request.method, request.url.path
        match = fake.router.match(method, path)
        endpoint = f"{method} {match.route.path if match else path}"
        if endpoint_key(endpoint) in fake.denied.get(key, ()):
            fake.refused[endpoint_key(endpoint)] += 1
            raise permission_denied(
                key,
                request.headers.get("stripe-account") or fake.account_id,
                permission_for(method, match.route.path) if match else None,
            )
        fake.faults.admit(endpoint, bool(match and match.is_list))


async def _params(request: Request) -> tuple[list[tuple[str, str]], dict[str, Any]]:
    """The request's raw (name, value) pairs (for the idempotency fingerprint) and its decoded
    parameters: query string, then a form body (bracket notation) or a JSON body (/v2)."""
    pairs = parse_qsl(request.url.query, keep_blank_values=True)
    body_json: dict[str, Any] | None = None
    if request.method == "POST":
        raw = (await request.body()).decode("utf-8", errors="replace")
        if request.headers.get("content-type", "").startswith("application/json"):
            # Stripe's /v2 API takes JSON bodies.
            try:
                body_json = json.loads(raw) if raw else {}
            except ValueError:
                raise FakeStripeError(400, "Invalid JSON body") from None
            if not isinstance(body_json, dict):
                raise FakeStripeError(400, "The JSON body must be an object")
            pairs.append(("_json", raw))
        else:
            pairs += parse_qsl(raw, keep_blank_values=True)
    try:
        params = decode([p for p in pairs if p[0] != "_json"])
    except FormError as exc:
        raise FakeStripeError(400, str(exc), param=exc.param) from None
    if body_json is not None:
        params.update(body_json)
    return pairs, params


def _idempotency_mismatch(idempotency_key: str) -> FakeStripeError:
    return FakeStripeError(
        400,
        "Keys for idempotent requests can only be used with the same "
        "parameters they were first used with. Try using a key other than "
        f"'{idempotency_key}' if you meant to execute a different request.",
        type="idempotency_error",
    )
