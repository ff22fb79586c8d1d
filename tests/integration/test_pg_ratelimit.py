"""PostgresRateLimiter against a real PostgreSQL: the GCRA schedule, the bound across processes,
endpoint and account isolation, no lock across the sleep, and a database that is down.

No assertion here measures elapsed time. Schedules are checked on the slots the database
reserved (its own clock), or on a simulated clock passed as ``clock``.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import random
import subprocess
import sys
import textwrap
from collections import Counter
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
import psycopg_pool
import pytest

from stripe_sync.config import PoolConfig
from stripe_sync.errors import ConfigError, DatabaseError, DatabaseUnavailableError
from stripe_sync.pg_ratelimit import PostgresRateLimiter, Reservation
from stripe_sync.ratelimit import TokenBucketLimiter
from tests.conftest import RestartablePostgres
from tests.support.waiting import until

BASE = datetime(2030, 1, 1, tzinfo=UTC)


class SimClock:
    """A simulated clock for the ``clock`` knob: moves only when told to."""

    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> datetime:
        return BASE + timedelta(seconds=self.t)


class Recording(PostgresRateLimiter):
    """The real limiter, remembering each reservation with the task that made it."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.log: list[tuple[str, Reservation]] = []

    async def reserve(self, key: str, *, level: str = "both") -> Reservation:
        reservation = await super().reserve(key, level=level)
        task = asyncio.current_task()
        self.log.append((task.get_name() if task else "", reservation))
        return reservation


def assert_within_bound(slots: Iterable[datetime], rate: float, burst: float) -> None:
    """Over every window [a, b] of slots, at most rate * (b - a) + burst of them fall in it."""
    ordered = sorted(slots)
    for i, first in enumerate(ordered):
        for j in range(i, len(ordered)):
            span = (ordered[j] - first).total_seconds()
            assert j - i + 1 <= rate * span + burst + 1e-9, (i, j, span)


def bucket_rows(url: str) -> dict[str, tuple[float, float]]:
    with psycopg.connect(url) as conn:
        found = conn.execute('SELECT key, rate, burst FROM stripe."_rate_limits"').fetchall()
    return {k: (r, b) for k, r, b in found}


async def test_schedule_equals_the_in_process_limiter(database_url: str) -> None:
    """Same knobs, same answers: delays equal TokenBucketLimiter's for an irregular sequence
    of requests on simulated time, with the global, endpoint and override buckets binding."""
    knobs: dict[str, Any] = {
        "global_rps": 20.0,
        "endpoint_rps": 4.0,
        "global_burst": 5.0,
        "endpoint_overrides": {"GET /v1/customers/search": 2.0, "GET /v1/events": None},
    }
    sim = SimClock()
    local_sleeps: list[float] = []

    async def record(seconds: float) -> None:
        local_sleeps.append(seconds)

    shared_sleeps: list[float] = []

    async def record_shared(seconds: float) -> None:
        shared_sleeps.append(seconds)

    local = TokenBucketLimiter(clock=lambda: sim.t, sleep=record, **knobs)
    shared = PostgresRateLimiter(
        scope="acct_eq/test", database_url=database_url, clock=sim, sleep=record_shared, **knobs
    )
    rng = random.Random(3)
    keys = [
        "GET /v1/customers",
        "GET /v1/customers/cus_1",
        "GET /v1/customers/search",
        "GET /v1/events",
        "POST /v1/invoices/in_9/pay",
    ]
    async with shared:
        for _ in range(150):
            sim.t += rng.choice([0.0, 0.0, 0.01, 0.05, 0.3, 1.5])
            key = rng.choice(keys)
            await local.acquire(key)
            await shared.acquire(key)
    assert local_sleeps, "the sequence never throttled: it proves nothing"
    assert len(shared_sleeps) == len(local_sleeps)
    for got, expected in zip(shared_sleeps, local_sleeps, strict=True):
        assert got == pytest.approx(expected, abs=2e-6)
    assert shared.throttled == local.throttled


async def test_two_limiters_share_the_limit(database_url: str) -> None:
    """Two limiters with their own pools (as two processes have: here borrowed pools, opened
    first so both start together) acquiring at once for about two seconds: the union of their
    slots stays within rate * T + burst, each gets a share, and nobody's acquire returned
    before its slot (checked on the database's clock)."""
    rate, burst, total = 20.0, 5.0, 40
    pools = [
        psycopg_pool.AsyncConnectionPool(
            database_url, kwargs={"autocommit": True}, min_size=2, max_size=2, open=False
        )
        for _ in range(2)
    ]
    limiters = [
        Recording(
            scope="acct_two/test",
            global_rps=rate,
            global_burst=burst,
            endpoint_rps=None,
            pool=pool,
        )
        for pool in pools
    ]
    started = 0
    went: dict[str, list[datetime]] = {}
    ready = asyncio.Barrier(6)

    async def worker(limiter: Recording, name: str) -> None:
        nonlocal started
        async with await psycopg.AsyncConnection.connect(database_url, autocommit=True) as conn:
            await ready.wait()
            while started < total:
                started += 1
                await limiter.acquire("GET /v1/customers")
                row = await (await conn.execute("SELECT clock_timestamp()")).fetchone()
                assert row is not None
                went.setdefault(name, []).append(row[0])

    try:
        for pool in pools:
            await pool.open(wait=True)
        async with asyncio.TaskGroup() as group:
            for n, limiter in enumerate(limiters):
                for w in range(3):
                    group.create_task(worker(limiter, f"l{n}w{w}"), name=f"l{n}w{w}")
    finally:
        for limiter in limiters:
            await limiter.aclose()  # a borrowed pool stays open ...
        for pool in pools:
            assert not pool.closed
            await pool.close()  # ... for its owner to close

    slots = [r.slot for limiter in limiters for _, r in limiter.log]
    assert len(slots) == total
    assert_within_bound(slots, rate, burst)
    for limiter in limiters:
        assert len(limiter.log) >= total // 4, [len(x.log) for x in limiters]
        assert limiter.throttled > 0
    # Each worker's acquires, in order, returned at or after their slots.
    for limiter in limiters:
        for name in {n for n, _ in limiter.log}:
            mine = [r.slot for n, r in limiter.log if n == name]
            assert all(g >= s for g, s in zip(went[name], mine, strict=True))


async def test_endpoint_bucket_holds_one_endpoint_while_another_proceeds(
    database_url: str,
) -> None:
    async with PostgresRateLimiter(
        scope="acct_ep/test",
        global_rps=100.0,
        global_burst=200.0,
        endpoint_rps=2.0,
        endpoint_burst=1.0,
        database_url=database_url,
    ) as limiter:
        listed = [await limiter.reserve("GET /v1/customers") for _ in range(4)]
        other = await limiter.reserve("GET /v1/invoices")
        same_endpoint_other_id = await limiter.reserve("GET /v1/customers/cus_A")
    # The endpoint bucket spaces /v1/customers 0.5 s apart (one slot after the other) ...
    assert listed[0].delay == 0
    assert all(r.delay > 0 for r in listed[1:])
    steps = [(b.slot - a.slot).total_seconds() for a, b in itertools.pairwise(listed)]
    assert steps == [0.5, 0.5, 0.5]
    # ... while another endpoint goes at once. (As in TokenBucketLimiter, the waiting requests
    # also hold their global slots: a backlog on one endpoint longer than the global burst
    # covers, here 2 s, would hold the others back too.)
    assert other.delay == 0
    assert other.slot == other.now
    assert same_endpoint_other_id.delay == 0  # "GET /v1/customers/{id}" is its own endpoint
    assert set(bucket_rows(database_url)) == {
        "acct_ep/test/*",
        "acct_ep/test/GET /v1/customers",
        "acct_ep/test/GET /v1/invoices",
        "acct_ep/test/GET /v1/customers/{id}",
    }


async def test_accounts_and_modes_do_not_share_buckets(database_url: str) -> None:
    def limiter(key: str, account: str) -> PostgresRateLimiter:
        return PostgresRateLimiter.for_key(
            key, account=account, global_rps=1.0, endpoint_rps=None, database_url=database_url
        )

    a_test = limiter("sk_test_A", "acct_A")
    b_test = limiter("sk_test_B", "acct_B")
    a_live = limiter("sk_live_A", "acct_A")
    a_test_again = limiter("rk_test_A2", "acct_A")  # another key of the same account and mode
    try:
        first = await a_test.reserve("GET /v1/customers")
        second = await a_test.reserve("GET /v1/customers")
        assert first.delay == 0
        assert second.delay > 0
        assert (await b_test.reserve("GET /v1/customers")).delay == 0
        assert (await a_live.reserve("GET /v1/customers")).delay == 0
        third = await a_test_again.reserve("GET /v1/customers")
        assert (third.slot - second.slot).total_seconds() == 1.0
    finally:
        for each in (a_test, b_test, a_live, a_test_again):
            await each.aclose()
    assert set(bucket_rows(database_url)) == {"acct_A/test/*", "acct_B/test/*", "acct_A/live/*"}


async def test_for_key_defaults_and_overrides(database_url: str) -> None:
    """The rows show the rates and bursts applied: Stripe's defaults per mode, overrides by
    endpoint key, None for an unlimited endpoint."""
    live = PostgresRateLimiter.for_key(
        "sk_live_x",
        account="acct_1",
        database_url=database_url,
        endpoint_overrides={"get /v1/customers/cus_Zz9": 10.0, "GET /v1/events": None},
    )
    test = PostgresRateLimiter.for_key("sk_test_x", account="acct_1", database_url=database_url)
    async with live, test:
        await live.acquire("GET /v1/customers/cus_1")
        await live.acquire("GET /v1/events")
        await live.acquire("GET /v1/invoices")
        await test.acquire("GET /v1/invoices")
    assert bucket_rows(database_url) == {
        "acct_1/live/*": (100.0, 100.0),
        "acct_1/live/GET /v1/customers/{id}": (10.0, 10.0),
        "acct_1/live/GET /v1/invoices": (25.0, 25.0),
        "acct_1/test/*": (25.0, 25.0),
        "acct_1/test/GET /v1/invoices": (25.0, 25.0),
    }


async def test_nothing_limited_asks_no_database() -> None:
    limiter = PostgresRateLimiter(
        scope="s",
        global_rps=None,
        endpoint_rps=None,
        database_url="postgresql://nobody@127.0.0.1:1/none",
    )
    assert (await limiter.reserve("GET /v1/customers")).delay == 0
    await limiter.acquire("GET /v1/customers")
    await limiter.aclose()


def test_bad_knobs_are_config_errors() -> None:
    url = "postgresql://x@127.0.0.1:1/x"
    with pytest.raises(ConfigError):
        PostgresRateLimiter(scope="s", global_rps=0.0, database_url=url)
    with pytest.raises(ConfigError):
        PostgresRateLimiter(scope="s", global_rps=5.0, global_burst=0.5, database_url=url)
    with pytest.raises(ConfigError):
        PostgresRateLimiter(scope="", global_rps=5.0, database_url=url)
    with pytest.raises(ConfigError):
        PostgresRateLimiter(scope="s", global_rps=5.0)  # neither pool nor database_url
    with pytest.raises(ConfigError):
        PostgresRateLimiter.for_key("sk_test_x", account="", database_url=url)


async def test_no_lock_is_held_while_waiting(database_url: str) -> None:
    """While one acquire sleeps until its slot, the bucket rows are free: another session
    locks them at once (NOWAIT would fail if the reservation's lock were still held)."""
    asleep = asyncio.Event()
    wake = asyncio.Event()

    async def sleep(seconds: float) -> None:
        asleep.set()
        await wake.wait()

    async with PostgresRateLimiter(
        scope="acct_lock/test",
        global_rps=1.0,
        endpoint_rps=1.0,
        database_url=database_url,
        sleep=sleep,
    ) as limiter:
        await limiter.acquire("GET /v1/customers")
        waiting = asyncio.create_task(limiter.acquire("GET /v1/customers"))
        await asleep.wait()
        async with await psycopg.AsyncConnection.connect(database_url) as conn:
            cur = await conn.execute('SELECT key FROM stripe."_rate_limits" FOR UPDATE NOWAIT')
            assert len(await cur.fetchall()) == 2
        wake.set()
        await waiting
        assert limiter.throttled == 1


async def test_many_callers_on_new_buckets_never_deadlock(database_url: str) -> None:
    """Two pools, sixteen tasks, buckets created on the fly: no deadlock or error, and every
    bucket's slots stay within its bound."""
    limiters = [
        Recording(
            scope="acct_h/test",
            global_rps=200.0,
            endpoint_rps=50.0,
            database_url=database_url,
            pool_config=PoolConfig(connect_timeout_seconds=5),
        )
        for _ in range(2)
    ]
    keys = [f"GET /v1/thing_{c}" for c in "abcde"]
    rng = random.Random(11)
    plan = [rng.choice(keys) for _ in range(400)]
    slots_by_key: dict[str, list[datetime]] = {k: [] for k in keys}

    async def worker(limiter: Recording, mine: list[str]) -> None:
        for key in mine:
            slots_by_key[key].append((await limiter.reserve(key)).slot)

    try:
        async with asyncio.TaskGroup() as group:
            for n in range(16):
                group.create_task(worker(limiters[n % 2], plan[n::16]))
    finally:
        for limiter in limiters:
            await limiter.aclose()
    assert sum(map(len, slots_by_key.values())) == 400
    for slots in slots_by_key.values():
        assert_within_bound(slots, 50.0, 50.0)
    assert_within_bound([s for v in slots_by_key.values() for s in v], 200.0, 200.0)


async def test_missing_migration_is_a_database_error(empty_database_url: str) -> None:
    async with PostgresRateLimiter(
        scope="s", global_rps=5.0, database_url=empty_database_url, schema="stripe"
    ) as limiter:
        with pytest.raises(DatabaseError, match="run the migrations") as caught:
            await limiter.acquire("GET /v1/customers")
    assert not isinstance(caught.value, DatabaseUnavailableError)


async def test_stopped_database_is_unavailable_never_unlimited(
    restartable_pg15: RestartablePostgres,
) -> None:
    server = restartable_pg15
    async with PostgresRateLimiter(
        scope="acct_down/test",
        global_rps=50.0,
        database_url=server.url,
        pool_config=PoolConfig(connect_timeout_seconds=1),
    ) as limiter:
        await limiter.acquire("GET /v1/customers")

        server.stop()
        with pytest.raises(DatabaseUnavailableError) as caught:
            await limiter.acquire("GET /v1/customers")
        assert caught.value.transient
        with pytest.raises(DatabaseUnavailableError):
            await limiter.reserve("GET /v1/customers")

        # Back up: acquires work again once the pool has reconnected (psycopg_pool backs off
        # for a few seconds, so the first attempts may still fail).
        server.start()

        async def acquired() -> bool:
            try:
                await limiter.acquire("GET /v1/customers")
            except DatabaseUnavailableError:
                return False
            return True

        await until(acquired, "an acquire to work again", interval=0.2)


_PROCESS = textwrap.dedent(
    """
    import asyncio, sys
    from datetime import datetime
    import psycopg
    from stripe_sync.pg_ratelimit import PostgresRateLimiter

    url, start, count = sys.argv[1], datetime.fromisoformat(sys.argv[2]), int(sys.argv[3])

    async def main():
        limiter = PostgresRateLimiter(scope="acct_proc/test", global_rps=20.0, global_burst=2.0,
                                      endpoint_rps=None, database_url=url)
        async with limiter, await psycopg.AsyncConnection.connect(url, autocommit=True) as conn:
            now = (await (await conn.execute("SELECT clock_timestamp()")).fetchone())[0]
            await asyncio.sleep(max(0.0, (start - now).total_seconds()))
            for _ in range(count):
                r = await limiter.reserve("GET /v1/customers")
                await asyncio.sleep(r.delay)
                await conn.execute(
                    "INSERT INTO went VALUES (pg_backend_pid(), %s, clock_timestamp())",
                    (r.slot,),
                )

    asyncio.run(main())
    """
)


def test_two_processes_share_one_schedule(database_url: str) -> None:
    """Two real processes on one database: their slots, merged, keep the bound, and each
    process went only at or after its slot (both on the database's clock)."""
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE went (pid int, slot timestamptz, at timestamptz)")
        row = conn.execute("SELECT clock_timestamp() + interval '2 seconds'").fetchone()
        assert row is not None
        start = row[0].isoformat()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _PROCESS, database_url, start, "15"],
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    with psycopg.connect(database_url) as conn:
        went = conn.execute("SELECT pid, slot, at FROM went").fetchall()
    assert len(went) == 30
    assert sorted(Counter(pid for pid, _, _ in went).values()) == [15, 15]
    assert_within_bound([slot for _, slot, _ in went], 20.0, 2.0)
    assert all(at >= slot for _, slot, at in went)


def test_bench_runs_and_reports(pg_admin_url: str) -> None:
    """bench/ratelimit.py at a tiny size: it measures nothing here, but must not rot."""
    bench = Path(__file__).resolve().parents[2] / "bench" / "ratelimit.py"
    argv = [sys.executable, str(bench), "--acquires", "50", "--concurrency", "2", "--json"]
    result = subprocess.run(
        [*argv, "--database-url", pg_admin_url],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    assert figures["one_caller"]["acquires"] == 50
    assert figures["processes"]["acquires"] == 100
