"""The ASGI application: Stripe's HTTP surface plus the ``/_fake/`` control endpoints.

Per API request, in order: latency (awaited, so requests overlap), authentication (Bearer or
Basic with the key as user), routing, rate limits and injected failures, parameter decoding
(query string and form body, bracket notation), ``Stripe-Account``, idempotency replay, then the
handler under the store lock. Every response is JSON with ``Request-Id`` and ``Stripe-Version``.

Control endpoints (no auth, JSON in and out) let a fake running as a separate process be driven
by tests and benchmarks: ``GET|POST /_fake/config``, ``POST /_fake/reset``, ``POST /_fake/seed``,
``POST /_fake/seed_realistic``, ``POST /_fake/accounts``, ``GET /_fake/stats``,
``GET /_fake/webhooks``, ``POST /_fake/webhooks/wait``, ``POST /_fake/events/{id}/resend``,
``GET /_fake/health``. The websocket of the Stripe CLI's sessions (``POST /v1/stripecli/sessions``)
is served at ``/_fake/stripecli/websocket`` (see :mod:`stripe_sync.testing.cli_sessions`).
"""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import hashlib
import json
import logging
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route, WebSocketRoute

from .cli_sessions import SESSION_PATH, WEBSOCKET_PATH
from .errors import FakeStripeError, invalid_api_key, permission_denied
from .forms import FormError, decode
from .router import endpoint_key, permission_for

if TYPE_CHECKING:
    from .fake import FakeStripe

__all__ = ["build_app"]

logger = logging.getLogger(__name__)


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


def _json(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    return Response(
        json.dumps(body).encode(),
        status_code=status,
        headers=headers,
        media_type="application/json",
    )


def build_app(fake: FakeStripe) -> Starlette:
    """The Starlette app serving ``fake``."""
    ids = fake.store.ids

    async def api(request: Request) -> Response:
        request_id = "req_" + ids.token(14)
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
            status, body = await _handle(request, request_id, idempotency_key, headers)
        except FakeStripeError as exc:
            status, body = exc.status, json.dumps(exc.body(request_id)).encode()
            headers.update(exc.headers)
        finally:
            faults.in_flight -= 1
        return Response(body, status_code=status, headers=headers, media_type="application/json")

    async def _handle(
        request: Request, request_id: str, idempotency_key: str | None, headers: dict[str, str]
    ) -> tuple[int, bytes]:
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
        pairs = parse_qsl(request.url.query, keep_blank_values=True)
        body_json: dict[str, Any] | None = None
        if path.startswith("/v2/"):
            fake.sigma.public_base = str(request.base_url)
        elif path == SESSION_PATH:
            fake.cli_sessions.public_base = str(request.base_url)
        if method == "POST":
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
        account = request.headers.get("stripe-account") or None
        cache_key = None
        if method == "POST" and idempotency_key:
            cache_key = (account or fake.account_id, idempotency_key)
            fingerprint = hashlib.sha256(f"{path}?{sorted(pairs)}".encode()).hexdigest()
            cached = fake.idempotency.get(cache_key)
            if cached is not None:
                if cached[0] != fingerprint:
                    raise FakeStripeError(
                        400,
                        "Keys for idempotent requests can only be used with the same "
                        "parameters they were first used with. Try using a key other than "
                        f"'{idempotency_key}' if you meant to execute a different request.",
                        type="idempotency_error",
                    )
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
            status, body = 200, json.dumps(result).encode()
        except FakeStripeError as exc:
            if cache_key is None or exc.status >= 500:
                raise
            status, body = exc.status, json.dumps(exc.body(request_id)).encode()
            headers.update(exc.headers)
        if cache_key is not None:
            fake.idempotency[cache_key] = (fingerprint, status, body)
        return status, body

    # -- control endpoints -----------------------------------------------------------------

    async def _body(request: Request) -> dict[str, Any]:
        raw = await request.body()
        data = json.loads(raw) if raw else {}
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        return data

    async def health(request: Request) -> Response:
        return _json({"ok": True, "account": fake.account_id})

    async def config(request: Request) -> Response:
        if request.method == "POST":
            try:
                fake.configure(**await _body(request))
            except (TypeError, ValueError) as exc:
                return _json({"error": str(exc)}, 400)
        return _json(fake.faults.config.as_dict())

    async def reset(request: Request) -> Response:
        body = await _body(request)
        if body.get("counters_only"):
            fake.faults.reset_counters()
        else:
            fake.reset()
        return _json({"ok": True})

    async def seed(request: Request) -> Response:
        body = await _body(request)
        try:
            created = body.get("created_range")
            result = await run_in_threadpool(
                fake.seed,
                body["object"],
                int(body["count"]),
                account=body.get("account"),
                created_range=(int(created[0]), int(created[1])) if created else None,
                fields=body.get("fields"),
                emit_events=bool(body.get("emit_events", False)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            return _json({"error": f"bad seed request: {exc}"}, 400)
        answer: dict[str, Any] = {"count": len(result)}
        if body.get("return_ids", len(result) <= 10_000):
            answer["ids"] = result
        return _json(answer)

    async def seed_realistic(request: Request) -> Response:
        body = await _body(request)
        counts = await run_in_threadpool(
            fake.seed_realistic,
            int(body.get("scale", 1000)),
            account=body.get("account"),
            seed=int(body.get("seed", 0)),
        )
        return _json(counts)

    async def accounts(request: Request) -> Response:
        body = await _body(request)
        return _json({"id": fake.add_account(body.get("id"))})

    async def stats(request: Request) -> Response:
        return _json(fake.stats())

    async def webhooks(request: Request) -> Response:
        return _json([dataclasses.asdict(a) | {"succeeded": a.succeeded} for a in fake.deliveries])

    async def wait(request: Request) -> Response:
        body = await _body(request)
        idle = await run_in_threadpool(fake.wait_for_webhooks, float(body.get("timeout", 10)))
        return _json({"idle": idle})

    async def resend(request: Request) -> Response:
        body = await _body(request)
        try:
            queued = fake.resend_event(
                request.path_params["event_id"], body.get("endpoint"), account=body.get("account")
            )
        except KeyError:
            return _json({"error": "no such event"}, 404)
        return _json({"queued": queued})

    async def sigma_file(request: Request) -> Response:
        # A pre-signed result file of a Sigma query run (no API key: the URL is signed).
        try:
            chunks = fake.sigma.open_file(
                request.path_params["file_id"],
                request.query_params.get("token"),
                request.query_params.get("expires"),
                "authorization" in request.headers,
            )
        except FakeStripeError as exc:
            return _json(exc.body("req_" + ids.token(14)), exc.status)
        return StreamingResponse(chunks, media_type="text/csv")

    methods = ["GET", "POST", "DELETE", "PUT", "PATCH"]
    routes = [
        Route("/_fake/health", health, methods=["GET"]),
        Route("/_fake/config", config, methods=["GET", "POST"]),
        Route("/_fake/reset", reset, methods=["POST"]),
        Route("/_fake/seed", seed, methods=["POST"]),
        Route("/_fake/seed_realistic", seed_realistic, methods=["POST"]),
        Route("/_fake/accounts", accounts, methods=["POST"]),
        Route("/_fake/stats", stats, methods=["GET"]),
        Route("/_fake/webhooks", webhooks, methods=["GET"]),
        Route("/_fake/webhooks/wait", wait, methods=["POST"]),
        Route("/_fake/events/{event_id}/resend", resend, methods=["POST"]),
        Route("/_fake/sigma/files/{file_id}", sigma_file, methods=["GET"]),
        WebSocketRoute(WEBSOCKET_PATH, fake.cli_sessions.serve),
        Route("/{path:path}", api, methods=methods),
    ]
    return Starlette(routes=routes)
