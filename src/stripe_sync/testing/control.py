"""The fake's ``/_fake/`` control endpoints.

No auth, JSON in and out: they let a fake running as a separate process be driven by tests and
benchmarks: ``GET|POST /_fake/config``, ``POST /_fake/reset``, ``POST /_fake/seed``,
``POST /_fake/seed_realistic``, ``POST /_fake/accounts``, ``GET /_fake/stats``,
``GET /_fake/webhooks``, ``POST /_fake/webhooks/wait``, ``POST /_fake/events/{id}/resend``,
``GET /_fake/health``, and ``GET /_fake/sigma/files/{id}`` (a Sigma result file's signed URL).
"""

from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from .errors import FakeStripeError

if TYPE_CHECKING:
    from .fake import FakeStripe

__all__ = ["control_routes"]


def control_routes(fake: FakeStripe) -> list[Route]:
    """The ``/_fake/`` routes of ``fake``."""
    c = _Control(fake)
    return [
        Route("/_fake/health", c.health, methods=["GET"]),
        Route("/_fake/config", c.config, methods=["GET", "POST"]),
        Route("/_fake/reset", c.reset, methods=["POST"]),
        Route("/_fake/seed", c.seed, methods=["POST"]),
        Route("/_fake/seed_realistic", c.seed_realistic, methods=["POST"]),
        Route("/_fake/accounts", c.accounts, methods=["POST"]),
        Route("/_fake/stats", c.stats, methods=["GET"]),
        Route("/_fake/webhooks", c.webhooks, methods=["GET"]),
        Route("/_fake/webhooks/wait", c.wait, methods=["POST"]),
        Route("/_fake/events/{event_id}/resend", c.resend, methods=["POST"]),
        Route("/_fake/sigma/files/{file_id}", c.sigma_file, methods=["GET"]),
    ]


def _json(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body).encode(), status_code=status, media_type="application/json")


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    data = json.loads(raw) if raw else {}
    if not isinstance(data, dict):
        raise ValueError("expected a JSON object")
    return data


class _Control:
    def __init__(self, fake: FakeStripe) -> None:
        self.fake = fake

    async def health(self, request: Request) -> Response:
        return _json({"ok": True, "account": self.fake.account_id})

    async def config(self, request: Request) -> Response:
        if request.method == "POST":
            try:
                self.fake.configure(**await _body(request))
            except (TypeError, ValueError) as exc:
                return _json({"error": str(exc)}, 400)
        return _json(self.fake.faults.config.as_dict())

    async def reset(self, request: Request) -> Response:
        body = await _body(request)
        if body.get("counters_only"):
            self.fake.faults.reset_counters()
        else:
            self.fake.reset()
        return _json({"ok": True})

    async def seed(self, request: Request) -> Response:
        body = await _body(request)
        try:
            created = body.get("created_range")
            result = await run_in_threadpool(
                self.fake.seed,
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

    async def seed_realistic(self, request: Request) -> Response:
        body = await _body(request)
        counts = await run_in_threadpool(
            self.fake.seed_realistic,
            int(body.get("scale", 1000)),
            account=body.get("account"),
            seed=int(body.get("seed", 0)),
        )
        return _json(counts)

    async def accounts(self, request: Request) -> Response:
        body = await _body(request)
        return _json({"id": self.fake.add_account(body.get("id"))})

    async def stats(self, request: Request) -> Response:
        return _json(self.fake.stats())

    async def webhooks(self, request: Request) -> Response:
        deliveries = self.fake.deliveries
        return _json([dataclasses.asdict(a) | {"succeeded": a.succeeded} for a in deliveries])

    async def wait(self, request: Request) -> Response:
        body = await _body(request)
        timeout = float(body.get("timeout", 10))
        idle = await run_in_threadpool(self.fake.wait_for_webhooks, timeout)
        return _json({"idle": idle})

    async def resend(self, request: Request) -> Response:
        body = await _body(request)
        try:
            queued = self.fake.resend_event(
                request.path_params["event_id"], body.get("endpoint"), account=body.get("account")
            )
        except KeyError:
            return _json({"error": "no such event"}, 404)
        return _json({"queued": queued})

    async def sigma_file(self, request: Request) -> Response:
        # A pre-signed result file of a Sigma query run (no API key: the URL is signed).
        try:
            chunks = self.fake.sigma.open_file(
                request.path_params["file_id"],
                request.query_params.get("token"),
                request.query_params.get("expires"),
                "authorization" in request.headers,
            )
        except FakeStripeError as exc:
            return _json(exc.body("req_" + self.fake.store.ids.token(14)), exc.status)
        return StreamingResponse(chunks, media_type="text/csv")
