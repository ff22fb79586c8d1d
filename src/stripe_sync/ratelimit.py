"""Client-side rate limiting: stay under Stripe's limits instead of bouncing off them.

Stripe limits requests per account: by default 100 per second in live mode and 25 per second in
test mode across all endpoints, and 25 per second on some endpoints (the list endpoints a backfill
pages through). Going over earns a 429, which costs a round trip and a backoff. Every request the
:class:`~stripe_sync.client.StripeClient` sends first awaits :meth:`RateLimiter.acquire` with an
endpoint key such as ``GET /v1/customers/{id}``.

:class:`TokenBucketLimiter` is the in-process implementation: a global bucket plus one bucket per
endpoint key. It uses the *virtual scheduling* form of a token bucket (GCRA): each bucket keeps
the time at which its next token is due, and ``acquire`` reserves a slot in every bucket that
applies and then sleeps until it. Reservations are made without awaiting anything, so callers are
served strictly in arrival order (fair) and nobody polls or busy-waits. A waiter that is cancelled
while sleeping gives up its slot unused, which only makes the limiter slightly conservative.

The :class:`RateLimiter` protocol is one method so that a limiter shared by several processes
(buckets in PostgreSQL) can replace this one.
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, Protocol

__all__ = [
    "LIVE_GLOBAL_RPS",
    "PER_ENDPOINT_RPS",
    "SEARCH_KEY",
    "SEARCH_RPS",
    "TEST_GLOBAL_RPS",
    "RateLimiter",
    "TokenBucketLimiter",
    "endpoint_key",
]

#: Stripe's documented default limits, requests per second.
LIVE_GLOBAL_RPS = 100.0
TEST_GLOBAL_RPS = 25.0
PER_ENDPOINT_RPS = 25.0
#: The one limit of all search endpoints together (``GET /v1/customers/search`` ...).
SEARCH_RPS = 20.0
#: The bucket those endpoints share.
SEARCH_KEY = "GET /v1/*/search"

# A path segment is an object id when it carries a digit or a capital letter: Stripe ids are a
# lower-case prefix plus random mixed-case characters (cus_NffrFeUfNV2Hib), while every fixed
# segment of a v1 path is lower case (payment_intents, line_items, search). Free-form ids that
# are all lower-case letters (a coupon named "summer") get their own bucket: harmless.
_ID_SEGMENT = re.compile(r"[0-9A-Z]")


class RateLimiter(Protocol):
    """Something that makes a request wait for its turn."""

    async def acquire(self, key: str) -> None:
        """Return when one request to the endpoint ``key`` (``"GET /v1/customers"``) may go."""
        ...


def endpoint_key(method: str, path: str) -> str:
    """The bucket name for a request: method and path with ids replaced by ``{id}``.

    ``endpoint_key("get", "/v1/customers/cus_1?expand[]=x")`` is ``"GET /v1/customers/{id}"``.
    Keys that are already normalised come back unchanged.
    """
    path = path.split("?", 1)[0]
    segments = [
        "{id}" if _ID_SEGMENT.search(s) and s not in ("v1", "v2") else s for s in path.split("/")
    ]
    return f"{method.upper()} {'/'.join(segments)}"


class _Bucket:
    """One token bucket in virtual-scheduling form: ``rate`` per second, bursts of ``burst``."""

    __slots__ = ("interval", "next_due", "tolerance")

    def __init__(self, rate: float, burst: float) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError(f"rate must be > 0 and burst >= 1, got rate={rate} burst={burst}")
        self.interval = 1.0 / rate
        # How far ahead of the schedule a request may run: a full bucket holds ``burst`` tokens.
        self.tolerance = (burst - 1.0) * self.interval
        self.next_due = float("-inf")

    def earliest(self, now: float) -> float:
        return max(now, self.next_due - self.tolerance)

    def reserve(self, at: float) -> None:
        self.next_due = max(self.next_due, at) + self.interval


class TokenBucketLimiter:
    """In-process limiter with a global bucket and one bucket per endpoint key.

    ``global_rps`` / ``endpoint_rps`` of ``None`` switch that level off. Bursts default to one
    second's worth of requests (at least 1). ``endpoint_overrides`` sets the rate of particular
    endpoint keys (``{"GET /v1/customers/search": 20.0}``, ``None`` for unlimited). ``clock`` and
    ``sleep`` are injectable so tests run on simulated time.
    """

    def __init__(
        self,
        *,
        global_rps: float | None,
        endpoint_rps: float | None = PER_ENDPOINT_RPS,
        global_burst: float | None = None,
        endpoint_burst: float | None = None,
        endpoint_overrides: Mapping[str, float | None] | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.global_rps = global_rps
        self.endpoint_rps = endpoint_rps
        self._endpoint_burst = endpoint_burst
        self._overrides = {
            endpoint_key(*k.partition(" ")[::2]): v for k, v in (endpoint_overrides or {}).items()
        }
        self._clock = clock
        self._sleep = sleep
        self._global = (
            _Bucket(global_rps, global_burst or max(1.0, global_rps)) if global_rps else None
        )
        self._endpoints: dict[str, _Bucket | None] = {}
        #: Seconds spent waiting in total, and requests that had to wait (for /metrics).
        self.waited_seconds = 0.0
        self.throttled = 0

    @classmethod
    def for_key(
        cls,
        secret_key: str,
        *,
        global_rps: float | None = None,
        endpoint_rps: float | None = PER_ENDPOINT_RPS,
        **kwargs: Any,
    ) -> TokenBucketLimiter:
        """Stripe's defaults for the key's mode: 100/s live, 25/s test, 25/s per endpoint.

        ``global_rps`` overrides the mode's global rate (an account with a raised limit).
        """
        live = secret_key.startswith(("sk_live_", "rk_live_"))
        rate = (
            global_rps if global_rps is not None else (LIVE_GLOBAL_RPS if live else TEST_GLOBAL_RPS)
        )
        return cls(global_rps=rate, endpoint_rps=endpoint_rps, **kwargs)

    async def acquire(self, key: str) -> None:
        """Wait for the endpoint bucket's next slot, then for the global bucket's.

        In that order, and each reserved only when the caller reaches it: a request queued
        behind its endpoint's limit never holds a global slot in the future, which would make
        requests to other endpoints wait behind it (head-of-line blocking across endpoints
        keeps a multi-object backfill well under the global limit).
        """
        waited = 0.0
        for bucket in (self._endpoint(key), self._global):
            if bucket is None:
                continue
            now = self._clock()
            at = bucket.earliest(now)
            bucket.reserve(at)
            delay = at - now
            if delay > 0:
                waited += delay
                await self._sleep(delay)
        if waited > 0:
            self.throttled += 1
            self.waited_seconds += waited

    def _endpoint(self, key: str) -> _Bucket | None:
        method, _, path = key.partition(" ")
        key = endpoint_key(method, path)
        if key.endswith("/search") and key not in self._overrides:
            # Stripe limits every search endpoint together, to SEARCH_RPS in either mode.
            key = SEARCH_KEY
        if key not in self._endpoints:
            rate = self._overrides.get(key, SEARCH_RPS if key == SEARCH_KEY else self.endpoint_rps)
            burst = self._endpoint_burst or max(1.0, rate or 1.0)
            self._endpoints[key] = _Bucket(rate, burst) if rate else None
        return self._endpoints[key]
