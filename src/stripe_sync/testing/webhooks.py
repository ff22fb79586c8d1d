"""Webhook endpoints and signed delivery.

Endpoints are created over ``/v1/webhook_endpoints`` (or :meth:`WebhookDispatcher.add_endpoint`)
and kept on the platform account. Each new event is matched against the enabled endpoints
(``enabled_events`` with ``*`` wildcards; ``connect`` endpoints get connected accounts' events,
the others the platform's) and queued; worker threads POST it as JSON with Stripe's v1 signature
``Stripe-Signature: t=<unix>,v1=<hex hmac_sha256(secret, "t.body")>`` and retry non-2xx answers and
connection errors on a configurable backoff schedule. Every attempt is kept in
:attr:`WebhookDispatcher.attempts` for tests; :meth:`WebhookDispatcher.wait_idle` blocks until the
queue is drained.
"""

from __future__ import annotations

import fnmatch
import hashlib
import heapq
import hmac
import itertools
import json
import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import httpx

from .state import Store

__all__ = [
    "DeliveryAttempt",
    "WebhookDispatcher",
    "sign_payload",
    "signed_event",
]

logger = logging.getLogger(__name__)


def sign_payload(payload: str | bytes, secret: str, timestamp: int | None = None) -> str:
    """The ``Stripe-Signature`` header Stripe would send for ``payload`` signed with ``secret``."""
    body = payload.decode("utf-8") if isinstance(payload, bytes) else payload
    t = int(time.time()) if timestamp is None else timestamp
    digest = hmac.new(secret.encode(), f"{t}.{body}".encode(), hashlib.sha256).hexdigest()
    return f"t={t},v1={digest}"


def signed_event(
    event: dict[str, Any], secret: str, timestamp: int | None = None
) -> tuple[bytes, str]:
    """``(body, Stripe-Signature header)`` for delivering ``event`` to an endpoint."""
    body = json.dumps(event, indent=2).encode()
    return body, sign_payload(body, secret, timestamp)


@dataclass(frozen=True, slots=True)
class DeliveryAttempt:
    """One POST of an event to an endpoint."""

    event_id: str
    event_type: str
    endpoint_id: str
    url: str
    attempt: int
    status_code: int | None
    error: str | None
    at: float

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


@dataclass(order=True)
class _Job:
    due: float
    order: int
    event: dict[str, Any]
    endpoint_id: str
    attempt: int


def endpoint_matches(endpoint: dict[str, Any], event: dict[str, Any]) -> bool:
    """Whether an endpoint should receive ``event``."""
    if endpoint.get("status") != "enabled":
        return False
    if bool(endpoint.get("_connect")) != ("account" in event):
        return False
    return any(fnmatch.fnmatchcase(event["type"], p) for p in endpoint["enabled_events"])


class WebhookDispatcher:
    """Queues events for the matching endpoints and delivers them from worker threads."""

    def __init__(
        self,
        store: Store,
        *,
        retry_schedule: Sequence[float] = (0.1, 0.2, 0.4, 0.8),
        max_attempts: int = 5,
        timeout: float = 5.0,
        workers: int = 4,
    ) -> None:
        self.store = store
        self.retry_schedule = tuple(retry_schedule)
        self.max_attempts = max_attempts
        self.timeout = timeout
        self.attempts: list[DeliveryAttempt] = []
        self._queue: list[_Job] = []
        self._order = itertools.count()
        self._cond = threading.Condition()
        self._in_flight = 0
        self._closed = False
        self._workers_wanted = workers
        self._threads: list[threading.Thread] = []
        self._client: httpx.Client | None = None
        store.listeners.append(self.on_event)

    # -- endpoints -------------------------------------------------------------------------

    @property
    def endpoints(self) -> dict[str, dict[str, Any]]:
        """Webhook endpoint records by id (kept on the platform account)."""
        return self.store.platform.table("webhook_endpoint").records

    def secret_of(self, endpoint_id: str) -> str:
        return str(self.endpoints[endpoint_id]["_secret"])

    # -- queueing --------------------------------------------------------------------------

    def on_event(self, event: dict[str, Any]) -> int:
        """Store listener: queue ``event`` for each matching endpoint; answer how many."""
        matched = [eid for eid, ep in self.endpoints.items() if endpoint_matches(ep, event)]
        for endpoint_id in matched:
            self._push(event, endpoint_id, 1, time.monotonic())
        return len(matched)

    def resend(self, event: dict[str, Any], endpoint_id: str | None = None) -> int:
        """Deliver an event again (to one endpoint, or to every matching one)."""
        targets = (
            [endpoint_id]
            if endpoint_id
            else [eid for eid, ep in self.endpoints.items() if endpoint_matches(ep, event)]
        )
        for target in targets:
            self._push(event, target, 1, time.monotonic())
        return len(targets)

    def _push(self, event: dict[str, Any], endpoint_id: str, attempt: int, due: float) -> None:
        with self._cond:
            if self._closed:
                return
            heapq.heappush(self._queue, _Job(due, next(self._order), event, endpoint_id, attempt))
            self._start_workers()
            self._cond.notify()

    def _start_workers(self) -> None:
        if self._threads:
            return
        self._client = httpx.Client(timeout=self.timeout)
        for n in range(self._workers_wanted):
            thread = threading.Thread(
                target=self._run, name=f"fake-stripe-webhooks-{n}", daemon=True
            )
            thread.start()
            self._threads.append(thread)

    # -- workers ---------------------------------------------------------------------------

    def _next_job(self) -> _Job | None:
        with self._cond:
            while True:
                if self._closed:
                    return None
                if self._queue:
                    wait = self._queue[0].due - time.monotonic()
                    if wait <= 0:
                        self._in_flight += 1
                        return heapq.heappop(self._queue)
                    self._cond.wait(wait)
                else:
                    self._cond.wait()

    def _run(self) -> None:
        while (job := self._next_job()) is not None:
            try:
                self._deliver(job)
            except Exception:  # a worker must survive anything a delivery throws
                logger.exception("webhook delivery crashed")
            finally:
                with self._cond:
                    self._in_flight -= 1
                    self._cond.notify_all()

    def _deliver(self, job: _Job) -> None:
        endpoint = self.endpoints.get(job.endpoint_id)
        if endpoint is None or self._client is None:
            return
        body, header = signed_event(job.event, str(endpoint["_secret"]))
        status: int | None = None
        error: str | None = None
        try:
            response = self._client.post(
                endpoint["url"],
                content=body,
                headers={
                    "Content-Type": "application/json; charset=utf-8",
                    "Stripe-Signature": header,
                    "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
                },
            )
            status = response.status_code
        except httpx.HTTPError as exc:
            error = type(exc).__name__
        attempt = DeliveryAttempt(
            job.event["id"],
            job.event["type"],
            job.endpoint_id,
            endpoint["url"],
            job.attempt,
            status,
            error,
            time.time(),
        )
        with self._cond:
            self.attempts.append(attempt)
        if attempt.succeeded:
            with self.store.lock:
                job.event["pending_webhooks"] = max(0, job.event["pending_webhooks"] - 1)
            return
        logger.info(
            "webhook delivery failed",
            extra={"event_id": job.event["id"], "status": status, "attempt": job.attempt},
        )
        if job.attempt < self.max_attempts:
            index = min(job.attempt - 1, len(self.retry_schedule) - 1)
            delay = self.retry_schedule[index] if self.retry_schedule else 0.0
            self._push(job.event, job.endpoint_id, job.attempt + 1, time.monotonic() + delay)

    # -- tests -----------------------------------------------------------------------------

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until nothing is queued or in flight (retries included); False on timeout."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._in_flight:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False
                self._cond.wait(min(remaining, 0.05))
        return True

    def clear(self) -> None:
        """Drop queued deliveries and recorded attempts (used by reset)."""
        with self._cond:
            self._queue.clear()
            self.attempts.clear()

    def close(self) -> None:
        """Stop the workers and close the HTTP client."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        for thread in self._threads:
            thread.join(timeout=self.timeout + 1)
        self._threads.clear()
        if self._client is not None:
            self._client.close()
            self._client = None
        if self.on_event in self.store.listeners:
            self.store.listeners.remove(self.on_event)
