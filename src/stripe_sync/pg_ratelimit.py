"""A rate limiter shared by every stripe-sync process on one database, its buckets in PostgreSQL.

Several backfill processes on one Stripe account each running an in-process
:class:`~stripe_sync.ratelimit.TokenBucketLimiter` would together send several times Stripe's
limit. :class:`PostgresRateLimiter` keeps the same buckets (a global one per account and mode,
one per endpoint key) with the same rule (GCRA, virtual scheduling) and the same knobs, but in
rows of the ``_rate_limits`` table, so every process that shares the database shares them.

One :meth:`~PostgresRateLimiter.acquire` is one round trip: the SQL function
``_rate_limit_acquire`` (migration ``0001_baseline.sql``) locks the request's buckets in key
order, reserves the earliest slot they all allow, moves their schedules on and answers how many
seconds the caller must wait; the locks end with that statement, so nobody holds one while they
sleep. The database's clock decides, so processes on machines whose clocks disagree still share
one schedule. A slot is never handed out twice: over any window of T seconds at most
``rate * T + burst`` slots of a bucket fall in it, across all processes. (A caller starts its
request a little after its slot, never before; late starts can bunch by that latency, as with any
client-side limiter.)

When the database cannot be reached, ``acquire`` raises
:class:`~stripe_sync.errors.DatabaseUnavailableError` (transient): it never lets a request through
unlimited.

Connections: the limiter either borrows an ``AsyncConnectionPool`` (``pool=``, not closed here) or
owns a pool of one or two connections to ``database_url`` (opened on first use, closed by
:meth:`~PostgresRateLimiter.aclose`). Its own pool keeps the limiter's short statements from
queuing behind the write path's when the store's pool is busy, and needs nothing from the store.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
import psycopg_pool
from psycopg.rows import TupleRow

from .config import DEFAULT_SCHEMA, PoolConfig
from .errors import ConfigError, DatabaseError
from .queries import query
from .ratelimit import LIVE_GLOBAL_RPS, PER_ENDPOINT_RPS, TEST_GLOBAL_RPS, endpoint_key
from .store.translate import connection_lost, first_line, translate

__all__ = ["PostgresRateLimiter", "Reservation", "key_mode"]

_log = logging.getLogger(__name__)

_Pool = psycopg_pool.AsyncConnectionPool[psycopg.AsyncConnection[TupleRow]]


@dataclass(frozen=True, slots=True)
class Reservation:
    """A slot reserved by ``_rate_limit_acquire``."""

    #: Seconds from ``now`` to ``slot``: how long the caller waits (0: go at once).
    delay: float
    #: The reserved time, on the database's clock (or the injected ``clock``).
    slot: datetime
    #: The time the slot was reserved at, on the same clock.
    now: datetime


@dataclass(frozen=True, slots=True)
class _Buckets:
    """The buckets one endpoint key is counted in, as the SQL function takes them."""

    keys: list[str]
    rates: list[float]
    bursts: list[float]


def key_mode(secret_key: str) -> str:
    """``"live"`` or ``"test"``: the mode whose limits a key's requests count against."""
    return "live" if secret_key.startswith(("sk_live_", "rk_live_")) else "test"


def _check_rate(name: str, rate: float | None) -> None:
    if rate is not None and not (rate > 0 and math.isfinite(rate)):
        raise ConfigError(f"{name} must be a positive number or None, got {rate!r}")


class PostgresRateLimiter:
    """Token buckets in PostgreSQL, shared by every process that uses the same buckets.

    ``scope`` names the buckets: every process limited together must use the same scope, and
    it must differ between Stripe accounts and between live and test mode (:meth:`for_key`
    makes it ``"<account>/<mode>"``). The global bucket is ``"<scope>/*"`` and an endpoint's
    ``"<scope>/GET /v1/customers"``.

    The other knobs are :class:`~stripe_sync.ratelimit.TokenBucketLimiter`'s: ``global_rps`` /
    ``endpoint_rps`` of ``None`` switch that level off; bursts default to one second's worth of
    requests (at least 1); ``endpoint_overrides`` sets the rate of particular endpoint keys
    (``None``: unlimited). Give exactly one of ``pool`` (borrowed, autocommit or not) and
    ``database_url`` (a pool of 1-2 connections owned here, built with ``pool_config``'s
    timeouts, keepalives and TLS settings). ``schema`` is the sync schema (migrated to 0008).

    ``clock`` is ``None`` for the database's clock (the default, and the only safe choice when
    processes run on different machines); a callable returning an aware ``datetime`` is used
    instead (tests on simulated time). ``sleep`` is injectable for the same tests.
    """

    def __init__(
        self,
        *,
        scope: str,
        global_rps: float | None,
        endpoint_rps: float | None = PER_ENDPOINT_RPS,
        global_burst: float | None = None,
        endpoint_burst: float | None = None,
        endpoint_overrides: Mapping[str, float | None] | None = None,
        pool: _Pool | None = None,
        database_url: str | None = None,
        pool_config: PoolConfig | None = None,
        schema: str = DEFAULT_SCHEMA,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        if not scope:
            raise ConfigError("scope must not be empty")
        if (pool is None) == (database_url is None):
            raise ConfigError("give exactly one of pool and database_url")
        _check_rate("global_rps", global_rps)
        _check_rate("endpoint_rps", endpoint_rps)
        for name, burst in (("global_burst", global_burst), ("endpoint_burst", endpoint_burst)):
            if burst is not None and not (burst >= 1 and math.isfinite(burst)):
                raise ConfigError(f"{name} must be >= 1 or None, got {burst!r}")
        self.scope = scope
        self.global_rps = global_rps
        self.endpoint_rps = endpoint_rps
        self._global_burst = global_burst or max(1.0, global_rps or 1.0)
        self._endpoint_burst = endpoint_burst
        self._overrides = {
            endpoint_key(*k.partition(" ")[::2]): v for k, v in (endpoint_overrides or {}).items()
        }
        for key, rate in self._overrides.items():
            _check_rate(f"endpoint_overrides[{key!r}]", rate)
        self._pool = pool
        self._database_url = database_url
        self._pool_config = pool_config or PoolConfig()
        self._owns_pool = pool is None
        self._open_lock = asyncio.Lock()
        self._statement = query("rate_limit_acquire", schema)
        self._clock = clock
        self._sleep = sleep
        self._buckets: dict[str, _Buckets] = {}
        #: Seconds spent waiting in total, and requests that had to wait (for /metrics).
        self.waited_seconds = 0.0
        self.throttled = 0

    @classmethod
    def for_key(
        cls,
        secret_key: str,
        *,
        account: str,
        global_rps: float | None = None,
        endpoint_rps: float | None = PER_ENDPOINT_RPS,
        **kwargs: Any,
    ) -> PostgresRateLimiter:
        """Stripe's defaults for the key's mode (100/s live, 25/s test, 25/s per endpoint),
        counted per ``account`` (``acct_...``, the key's own account) and mode.

        ``global_rps`` overrides the mode's global rate (an account with a raised limit); the
        other keyword arguments are the constructor's.
        """
        if not account:
            raise ConfigError("account is required: buckets are counted per Stripe account")
        mode = key_mode(secret_key)
        default = LIVE_GLOBAL_RPS if mode == "live" else TEST_GLOBAL_RPS
        return cls(
            scope=f"{account}/{mode}",
            global_rps=global_rps if global_rps is not None else default,
            endpoint_rps=endpoint_rps,
            **kwargs,
        )

    async def __aenter__(self) -> PostgresRateLimiter:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close the pool if this limiter made it (a borrowed pool stays open). Idempotent."""
        if self._owns_pool and self._pool is not None:
            pool, self._pool = self._pool, None
            await pool.close()

    async def acquire(self, key: str) -> None:
        """Wait for the endpoint bucket's next slot, then for the global bucket's (as
        :meth:`TokenBucketLimiter.acquire <stripe_sync.ratelimit.TokenBucketLimiter.acquire>`:
        a request queued behind its endpoint never holds a global slot in the future)."""
        waited = 0.0
        buckets = self._buckets_of(key)
        for level in ("endpoint", "global"):
            if not any(self._is_level(k, level) for k in buckets.keys):
                continue
            reservation = await self.reserve(key, level=level)
            if reservation.delay > 0:
                waited += reservation.delay
                await self._sleep(reservation.delay)
        if waited > 0:
            self.throttled += 1
            self.waited_seconds += waited

    async def reserve(self, key: str, *, level: str = "both") -> Reservation:
        """Reserve the slot :meth:`acquire` would wait for, without waiting: in the global and
        the endpoint bucket at once (``level="both"``), or in one of them (``"global"``,
        ``"endpoint"``).

        The slot is taken whether or not the caller uses it. With every level switched off for
        ``key`` nothing is reserved and the database is not asked.
        """
        buckets = self._buckets_of(key)
        if level != "both":
            picked = [
                (k, r, b)
                for k, r, b in zip(buckets.keys, buckets.rates, buckets.bursts, strict=True)
                if self._is_level(k, level)
            ]
            buckets = _Buckets(
                [p[0] for p in picked], [p[1] for p in picked], [p[2] for p in picked]
            )
        now = self._clock() if self._clock is not None else None
        if not buckets.keys:
            instant = now if now is not None else datetime.now().astimezone()
            return Reservation(0.0, instant, instant)
        row = await self._run((buckets.keys, buckets.rates, buckets.bursts, now))
        delay, slot, db_now = row
        return Reservation(max(0.0, float(delay)), slot, db_now)

    def _is_level(self, bucket_key: str, level: str) -> bool:
        is_global = bucket_key == f"{self.scope}/*"
        return level == "both" or (level == "global") == is_global

    def _buckets_of(self, key: str) -> _Buckets:
        method, _, path = key.partition(" ")
        key = endpoint_key(method, path)
        found = self._buckets.get(key)
        if found is None:
            found = _Buckets([], [], [])
            if self.global_rps:
                found.keys.append(f"{self.scope}/*")
                found.rates.append(self.global_rps)
                found.bursts.append(self._global_burst)
            rate = self._overrides.get(key, self.endpoint_rps)
            if rate:
                found.keys.append(f"{self.scope}/{key}")
                found.rates.append(rate)
                found.bursts.append(self._endpoint_burst or max(1.0, rate))
            self._buckets[key] = found
        return found

    async def _open_pool(self) -> _Pool:
        async with self._open_lock:
            if self._pool is None:
                if self._database_url is None:
                    raise ConfigError("this PostgresRateLimiter was closed")
                config = self._pool_config
                pool: _Pool = psycopg_pool.AsyncConnectionPool(
                    self._database_url,
                    kwargs={**config.connection_kwargs(), "autocommit": True},
                    min_size=1,
                    max_size=2,
                    max_idle=config.max_idle_seconds,
                    timeout=config.connect_timeout_seconds,
                    name="stripe-sync-ratelimit",
                    open=False,
                )
                # In the background: a database that is down fails the acquires (with
                # DatabaseUnavailableError once the pool's timeout passes), not the open.
                await pool.open(wait=False)
                self._pool = pool
            return self._pool

    async def _run(self, params: tuple[Any, ...]) -> tuple[Any, ...]:
        pool = self._pool if self._pool is not None else await self._open_pool()
        for attempt in (1, 2):
            try:
                async with pool.connection() as conn:
                    cur = await conn.execute(self._statement, params)
                    row = await cur.fetchone()
            except psycopg_pool.PoolTimeout as exc:
                # The database is what failed: the message says so first (a user who read
                # "rate limiter" went looking for a Stripe problem).
                raise translate(exc, timeout=pool.timeout) from exc
            except (
                psycopg.errors.UndefinedFunction,
                psycopg.errors.UndefinedTable,
                psycopg.errors.InvalidSchemaName,
            ) as exc:
                raise DatabaseError(
                    f"rate limiter: {first_line(exc)}; run the migrations (0008_rate_limits)"
                ) from exc
            except psycopg.Error as exc:
                # A pooled connection broke while idle (a server restart): one more try on a
                # fresh one. If the first call did reserve a slot, the slot goes unused, which
                # only makes the limit stricter.
                if (
                    attempt == 1
                    and isinstance(exc, psycopg.OperationalError)
                    and connection_lost(exc)
                ):
                    _log.info(
                        "rate limiter: database connection lost (%s); retrying once",
                        first_line(exc),
                    )
                    await pool.check()
                    continue
                raise translate(exc, "rate limiter: database error") from exc
            if row is None:  # pragma: no cover - the function always returns one row
                raise DatabaseError("_rate_limit_acquire returned no row")
            return row
        raise AssertionError("unreachable")  # pragma: no cover
