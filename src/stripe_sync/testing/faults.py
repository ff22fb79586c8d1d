"""Latency, injected failures, real rate limits and request counters.

:class:`FaultConfig` says what to inject; :class:`Faults` decides per request, deterministically
for a given ``seed``:

- ``latency_ms`` ± ``latency_jitter_ms`` of delay (the app awaits it, so requests overlap);
- real limits as token buckets: ``global_rps`` for every request and ``list_rps`` per list
  endpoint (Stripe's published defaults are 100/s and 25/s for list endpoints in test mode),
  ``search_rps`` shared by every search endpoint (Stripe's is 20/s);
  a request over a limit gets a 429 whose ``Stripe-Rate-Limited-Reason`` says which
  (``global-rate`` or ``endpoint-rate``), ``max_concurrency`` gives ``global-concurrency``;
- random failures: ``rate_limit_probability`` (429, reason drawn from ``rate_limit_reasons``)
  and ``server_error_probability`` (500/502/503 ``api_error``, with ``Stripe-Should-Retry``);
- ``first_statuses``: the first requests after :meth:`Faults.configure` get these statuses in
  order (429 or 500/502/503, as the random failures above), so that a test of random failures
  is sure to see each kind at least once whatever the seed;
- ``retry_after`` (seconds) adds a ``Retry-After`` header to every injected 429.

Counters per endpoint (requests, 429s, 5xx) feed the benchmarks.
"""

from __future__ import annotations

import dataclasses
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .errors import FakeStripeError

__all__ = ["RATE_LIMIT_REASONS", "SERVER_ERRORS", "FaultConfig", "Faults", "TokenBucket"]

#: The statuses of the injected server errors.
SERVER_ERRORS = (500, 502, 503)

#: Values Stripe sends in ``Stripe-Rate-Limited-Reason``.
RATE_LIMIT_REASONS = (
    "global-rate",
    "endpoint-rate",
    "global-concurrency",
    "endpoint-concurrency",
    "resource-specific",
)


@dataclass(frozen=True)
class FaultConfig:
    """What the fake injects; every default means "behave perfectly"."""

    latency_ms: float = 0.0
    latency_jitter_ms: float = 0.0
    rate_limit_probability: float = 0.0
    rate_limit_reasons: tuple[str, ...] = ("global-rate", "endpoint-rate")
    server_error_probability: float = 0.0
    global_rps: float | None = None
    list_rps: float | None = None
    #: One limit shared by every ``.../search`` endpoint (Stripe: 20 per second, both modes).
    search_rps: float | None = None
    max_concurrency: int | None = None
    retry_after: int | None = None
    first_statuses: tuple[int, ...] = ()
    seed: int | None = None

    def replace(self, **changes: Any) -> FaultConfig:
        """A copy with ``changes`` (unknown names raise ``TypeError``)."""
        for name in ("rate_limit_reasons", "first_statuses"):
            if name in changes:
                changes[name] = tuple(changes[name])
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, Any]:
        out = dataclasses.asdict(self)
        out["rate_limit_reasons"] = list(self.rate_limit_reasons)
        out["first_statuses"] = list(self.first_statuses)
        return out


class TokenBucket:
    """``rate`` tokens per second, bursts up to ``rate`` (at least 1)."""

    def __init__(self, rate: float) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate)
        self.tokens = self.capacity
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(self.capacity, self.tokens + (now - self.stamp) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False


class Faults:
    """Applies a :class:`FaultConfig` to requests and counts what happened."""

    def __init__(self, config: FaultConfig | None = None) -> None:
        self._lock = threading.Lock()
        self.requests: Counter[str] = Counter()
        self.rate_limited: Counter[str] = Counter()
        self.server_errors: Counter[str] = Counter()
        self.in_flight = 0
        self.configure(config or FaultConfig())

    def configure(self, config: FaultConfig) -> None:
        """Switch to ``config``; buckets, the random sequence and ``first_statuses`` restart."""
        unknown = set(config.first_statuses) - {429, *SERVER_ERRORS}
        if unknown:
            raise ValueError(f"first_statuses takes 429, 500, 502 or 503, not {sorted(unknown)}")
        with self._lock:
            self.config = config
            self._scripted = list(reversed(config.first_statuses))
            self._rng = random.Random(config.seed)
            self._global = TokenBucket(config.global_rps) if config.global_rps else None
            self._endpoints: dict[str, TokenBucket] = {}
            self._search = TokenBucket(config.search_rps) if config.search_rps else None

    def reset_counters(self) -> None:
        with self._lock:
            self.requests.clear()
            self.rate_limited.clear()
            self.server_errors.clear()

    def latency(self) -> float:
        """Seconds to delay this request."""
        cfg = self.config
        if not cfg.latency_ms and not cfg.latency_jitter_ms:
            return 0.0
        with self._lock:
            jitter = self._rng.uniform(-cfg.latency_jitter_ms, cfg.latency_jitter_ms)
        return max(0.0, cfg.latency_ms + jitter) / 1000.0

    def admit(self, endpoint: str, is_list: bool) -> None:
        """Count the request and raise the 429 or 5xx it should get, if any."""
        cfg = self.config
        with self._lock:
            self.requests[endpoint] += 1
            scripted = self._scripted.pop() if self._scripted else None
            reason = None if scripted in SERVER_ERRORS else self._limited(endpoint, is_list)
            if reason is None and scripted == 429:
                reason = self._rng.choice(cfg.rate_limit_reasons or RATE_LIMIT_REASONS)
            if (
                reason is None
                and scripted is None
                and cfg.rate_limit_probability
                and self._rng.random() < cfg.rate_limit_probability
            ):
                reason = self._rng.choice(cfg.rate_limit_reasons or RATE_LIMIT_REASONS)
            if reason is not None:
                self.rate_limited[endpoint] += 1
                raise self._too_many(reason)
            if scripted in SERVER_ERRORS or (
                scripted is None
                and cfg.server_error_probability
                and self._rng.random() < cfg.server_error_probability
            ):
                self.server_errors[endpoint] += 1
                raise self._server_error(scripted or self._rng.choice(SERVER_ERRORS))

    def _limited(self, endpoint: str, is_list: bool) -> str | None:
        cfg = self.config
        if cfg.max_concurrency is not None and self.in_flight > cfg.max_concurrency:
            return "global-concurrency"
        if self._global is not None and not self._global.take():
            return "global-rate"
        if endpoint.endswith("/search"):
            if self._search is not None and not self._search.take():
                return "endpoint-rate"
            return None
        if is_list and cfg.list_rps:
            bucket = self._endpoints.get(endpoint)
            if bucket is None:
                bucket = self._endpoints[endpoint] = TokenBucket(cfg.list_rps)
            if not bucket.take():
                return "endpoint-rate"
        return None

    @staticmethod
    def _server_error(status: int) -> FakeStripeError:
        return FakeStripeError(
            status,
            "An unknown error occurred"
            if status == 500
            else "The server is temporarily unavailable; please retry.",
            type="api_error",
            headers={"Stripe-Should-Retry": "true"} if status != 500 else {},
        )

    def _too_many(self, reason: str) -> FakeStripeError:
        headers = {"Stripe-Rate-Limited-Reason": reason, "Stripe-Should-Retry": "true"}
        if self.config.retry_after is not None:
            headers["Retry-After"] = str(self.config.retry_after)
        return FakeStripeError(
            429,
            "Request rate limit exceeded. Learn more about rate limits here "
            "https://stripe.com/docs/rate-limits.",
            code="rate_limit",
            type="invalid_request_error",
            headers=headers,
        )

    def stats(self) -> dict[str, Any]:
        """Counters per endpoint and in total."""
        with self._lock:
            return {
                "requests": dict(self.requests),
                "rate_limited": dict(self.rate_limited),
                "server_errors": dict(self.server_errors),
                "totals": {
                    "requests": sum(self.requests.values()),
                    "rate_limited": sum(self.rate_limited.values()),
                    "server_errors": sum(self.server_errors.values()),
                },
            }
