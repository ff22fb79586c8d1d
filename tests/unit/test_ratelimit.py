"""TokenBucketLimiter on simulated time: rates, bursts, both levels binding, fairness."""

from __future__ import annotations

import asyncio

import pytest

from stripe_sync.ratelimit import (
    LIVE_GLOBAL_RPS,
    PER_ENDPOINT_RPS,
    TEST_GLOBAL_RPS,
    RateLimiter,
    TokenBucketLimiter,
    endpoint_key,
)


class FakeClock:
    """A clock that only moves when someone sleeps (``advance=True``) or is told to."""

    def __init__(self, *, advance: bool = True) -> None:
        self.now = 0.0
        self.advance = advance
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        if self.advance:
            self.now += seconds


def _limiter(clock: FakeClock, **kwargs: object) -> TokenBucketLimiter:
    return TokenBucketLimiter(clock=clock, sleep=clock.sleep, **kwargs)  # type: ignore[arg-type]


async def test_global_rate_after_burst() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=10.0, endpoint_rps=None)
    for _ in range(35):
        await limiter.acquire("GET /v1/customers")
    # The first 10 use the burst, the other 25 come every 0.1 s.
    assert clock.now == pytest.approx(2.5)
    assert limiter.throttled == 25
    assert limiter.waited_seconds == pytest.approx(2.5)


async def test_custom_burst() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=10.0, global_burst=1.0, endpoint_rps=None)
    for _ in range(5):
        await limiter.acquire("GET /v1/customers")
    assert clock.now == pytest.approx(0.4)


async def test_idle_time_refills_the_bucket() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=10.0, endpoint_rps=None)
    for _ in range(10):
        await limiter.acquire("GET /v1/customers")
    clock.now += 5.0
    for _ in range(10):
        await limiter.acquire("GET /v1/customers")
    assert clock.sleeps == []


async def test_endpoint_limit_binds_per_endpoint() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=1000.0, endpoint_rps=10.0)
    for _ in range(20):
        await limiter.acquire("GET /v1/customers")
        await limiter.acquire("GET /v1/invoices")
    # Each endpoint: 20 requests at 10/s with a burst of 10 -> the last at 1.0 s. Had they shared
    # a bucket, 40 requests would have needed 3.0 s.
    assert clock.now == pytest.approx(1.0)


async def test_global_limit_binds_across_endpoints() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=10.0, endpoint_rps=25.0)
    for i in range(30):
        await limiter.acquire(f"GET /v1/{['customers', 'invoices', 'charges'][i % 3]}")
    assert clock.now == pytest.approx(2.0)


async def test_ids_in_paths_share_a_bucket() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=None, endpoint_rps=10.0)
    for i in range(20):
        await limiter.acquire(f"GET /v1/customers/cus_{i}")
    assert clock.now == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("method", "path", "key"),
    [
        ("get", "/v1/customers/cus_1", "GET /v1/customers/{id}"),
        ("GET", "/v1/customers/cus_NffrFeUfNV2Hib", "GET /v1/customers/{id}"),
        ("GET", "/v1/customers", "GET /v1/customers"),
        ("GET", "/v1/customers/search", "GET /v1/customers/search"),
        ("GET", "/v1/payment_intents?limit=10", "GET /v1/payment_intents"),
        ("POST", "/v1/invoices/in_1Abc/pay", "POST /v1/invoices/{id}/pay"),
        ("GET", "/v1/invoices/in_1Abc/lines", "GET /v1/invoices/{id}/lines"),
        ("GET", "/v1/coupons/SUMMER25", "GET /v1/coupons/{id}"),
        ("GET", "/v1/customers/{id}", "GET /v1/customers/{id}"),
    ],
)
def test_endpoint_key(method: str, path: str, key: str) -> None:
    assert endpoint_key(method, path) == key


async def test_none_disables_both_levels() -> None:
    clock = FakeClock()
    limiter = _limiter(clock, global_rps=None, endpoint_rps=None)
    for _ in range(1000):
        await limiter.acquire("GET /v1/customers")
    assert clock.sleeps == []


async def test_endpoint_overrides() -> None:
    clock = FakeClock()
    limiter = _limiter(
        clock,
        global_rps=None,
        endpoint_rps=10.0,
        endpoint_overrides={"GET /v1/customers/search": 2.0, "GET /v1/charges": None},
    )
    for _ in range(4):
        await limiter.acquire("GET /v1/customers/search")
    assert clock.now == pytest.approx(1.0)
    for _ in range(100):
        await limiter.acquire("GET /v1/charges")
    assert clock.now == pytest.approx(1.0)


async def test_concurrent_waiters_are_served_in_arrival_order() -> None:
    clock = FakeClock(advance=False)
    limiter = _limiter(clock, global_rps=10.0, endpoint_rps=None)
    await asyncio.gather(*(limiter.acquire("GET /v1/customers") for _ in range(15)))
    # Each waiter reserved its own slot on arrival: no two share one, none polls.
    assert clock.sleeps == pytest.approx([0.1, 0.2, 0.3, 0.4, 0.5])


@pytest.mark.parametrize(
    ("key", "rate"),
    [
        ("sk_live_abc", LIVE_GLOBAL_RPS),
        ("rk_live_abc", LIVE_GLOBAL_RPS),
        ("sk_test_abc", TEST_GLOBAL_RPS),
        ("rk_test_abc", TEST_GLOBAL_RPS),
    ],
)
def test_for_key_uses_the_modes_defaults(key: str, rate: float) -> None:
    limiter = TokenBucketLimiter.for_key(key)
    assert limiter.global_rps == rate
    assert limiter.endpoint_rps == PER_ENDPOINT_RPS


async def test_for_key_overrides() -> None:
    clock = FakeClock()
    limiter = TokenBucketLimiter.for_key(
        "sk_live_abc", global_rps=5.0, endpoint_rps=None, clock=clock, sleep=clock.sleep
    )
    assert limiter.global_rps == 5.0
    assert limiter.endpoint_rps is None
    for _ in range(10):
        await limiter.acquire("GET /v1/customers")
    assert clock.now == pytest.approx(1.0)


def test_is_a_rate_limiter() -> None:
    limiter: RateLimiter = TokenBucketLimiter(global_rps=1.0)
    assert limiter is not None


def test_rejects_a_bad_rate() -> None:
    with pytest.raises(ValueError, match="burst"):
        TokenBucketLimiter(global_rps=10.0, global_burst=0.5)


async def test_a_queued_endpoint_does_not_hold_back_other_endpoints() -> None:
    """Requests queued behind one endpoint's limit take no global slot in the future, so a
    request to another endpoint goes at once (no head-of-line blocking across endpoints)."""
    sleeps: dict[str, list[float]] = {}
    current = ""

    async def record(seconds: float) -> None:
        sleeps.setdefault(current, []).append(seconds)

    limiter = TokenBucketLimiter(global_rps=10.0, endpoint_rps=1.0, clock=lambda: 0.0, sleep=record)
    for n in range(5):
        current = f"a{n}"
        await limiter.acquire("GET /v1/customers")
    assert sum(sleeps["a4"]) >= 4.0, "the endpoint queue is 4 s deep"
    current = "b"
    await limiter.acquire("GET /v1/invoices")
    assert sum(sleeps.get("b", [0.0])) < 1.0
