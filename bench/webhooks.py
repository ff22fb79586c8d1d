"""Webhook throughput: ``AsyncStripeSync.process_webhook`` into a real PostgreSQL, one process.

Two workloads (``--workload``):

- ``compare`` (the default; see compare.py): 10,000 customers and 10,000 invoices made from
  Stripe's example payloads are loaded through ``process_event``; then, for each in-flight level
  of ``--concurrency`` (1, 16 and 64 by default), a warm-up and N signed deliveries alternating
  ``customer.updated`` and ``invoice.paid`` over those rows, each a real write. Each level runs
  on a fresh engine whose pool is as large as the level, and ends with a check of the database:
  every event recorded, every touched row at the ``bench_seq`` of its last event.
- ``mix``: the objects of a seeded fake Stripe account (``--scale``), loaded through their
  creation events (the engine fetches what they refer to), then N signed deliveries, half
  ``customer.updated`` and half ``invoice.paid``, at one level.

In both, every event is newer than the stored row (``created`` grows one second per event), so
every event is a real update: no duplicate, no stale write, no same-second tie, no Stripe call.
Each ``process_webhook`` call is timed on its own (signature check, JSON parse, routing, the
write, commit); nothing of the set-up is timed: loading the objects, building and signing the
deliveries, and the warm-up (``--warmup``) that opens the pool's connections and lets
PostgreSQL cache the plans of the write path. Each level (``compare``) starts after a
``CHECKPOINT``, as on a server that has been running: it neither writes back the load's pages
nor fills brand-new WAL segments with zeros (a new cluster's cost until its first checkpoints:
the p99 at 64 in flight was 62 ms with it, 25 ms without), and it pays the full-page images that
follow a checkpoint (WAL per event 7.3 kB instead of 4.0).

Usage (from the repository root)::

    .venv/bin/python bench/webhooks.py                        # compare: levels 1, 16, 64
    .venv/bin/python bench/webhooks.py --concurrency 16 --events 20000
    .venv/bin/python bench/webhooks.py --workload mix         # 20000 events, concurrency 16
    .venv/bin/python bench/webhooks.py --profile /tmp/webhooks.prof   # + top functions
    .venv/bin/python bench/webhooks.py --json                 # one JSON line on stdout
    .venv/bin/python bench/webhooks.py --database-url postgresql://postgres@localhost/postgres

Without ``--database-url`` an embedded PostgreSQL is started in a temporary directory and
stopped at the end; with it, a fresh database is created on that server (CREATE DATABASE rights
needed) and dropped at the end. Either way the sync schema is migrated from scratch.

On a small machine PostgreSQL shares the CPU with this process, so besides this process's CPU
the report gives the CPU of the server's processes (when the server runs on this machine) and,
with ``track_functions`` (superuser only), the mean time spent inside the SQL functions of the
write path. The exit status is 1 when an event was not ``written`` or, for ``compare``, when a
level's check failed.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import io
import json
import math
import os
import pstats
import resource
import shutil
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TextIO

import httpx
import psutil
import psycopg
import uvloop
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

# The benches are scripts, not a package: compare.py beside this file holds the workload that
# both webhooks.py and server.py run by default.
from compare import (
    CLOCK_OFFSET,
    DEFAULT_LEVELS_INPROCESS,
    SCHEMA,
    WEBHOOK_SECRET,
    LevelPlan,
    Workload,
    add_workload_arguments,
    apply_events,
    check_database,
    check_workload_arguments,
    describe_check,
    describe_load,
    describe_settings,
    envelope,
    machine_load,
    segment_size,
    segments,
    sign,
    workload_levels,
)
from compare import load as load_workload
from stripe_sync import AsyncStripeSync, PoolConfig, StripeSyncConfig, StripeSyncError, embedded
from stripe_sync import run_migrations as migrate
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe

#: The issue's goal on a 2-core machine.
GOAL_EVENTS_PER_S = 3000.0
GOAL_P99_MS = 50.0

#: Object types loaded before the run (in this order) and the creation event that loads each.
#: An invoice's subscription is fetched by the engine itself (``backfill_related_entities``).
LOAD = (("customer", "customer.created"), ("invoice", "invoice.created"))


@dataclass(frozen=True, slots=True)
class Options:
    #: ``compare`` (the default, see compare.py) or ``mix`` (the seeded account's objects).
    workload: str
    events: int
    #: The in-flight levels, run in turn (``mix`` takes exactly one).
    levels: tuple[int, ...]
    #: None: each level's pool is as large as its concurrency.
    pool_size: int | None
    database_url: str | None
    profile: Path | None
    profile_clock: str
    sql_stats: bool
    json: bool
    scale: int
    warmup: int
    seed: int
    customers: int = 10_000
    invoices: int = 10_000
    load_concurrency: int = 32
    #: The event loop the engine runs on: ``asyncio`` or ``uvloop`` (what uvicorn picks; in
    #: process it made no measurable difference, unlike behind uvicorn's HTTP server).
    loop: str = "asyncio"
    #: Whether the change feed records the writes (its cost: run on and off).
    change_feed: bool = True
    #: History mode on for these object tables (``--history``): every version written is also
    #: kept in _history (migration 0026).
    history: tuple[str, ...] = ()

    @property
    def concurrency(self) -> int:
        return self.levels[0]

    def pool_for(self, concurrency: int) -> int:
        return self.pool_size or concurrency


@dataclass(slots=True)
class Drive:
    """The outcome of sending a list of deliveries."""

    wall_s: float
    latencies_s: list[float]
    outcomes: Counter[str] = field(default_factory=Counter)
    related_fetched: int = 0
    refetches: int = 0


@dataclass(frozen=True, slots=True)
class FunctionStats:
    calls: int
    mean_ms: float
    self_mean_ms: float


# -- the database ----------------------------------------------------------------------------


@contextlib.contextmanager
def postgres_server(database_url: str | None) -> Iterator[str]:
    """An admin URL: ``database_url``, or an embedded server in a temporary directory."""
    if database_url:
        yield database_url
        return
    # A short path: the server's Unix socket lives in the data directory.
    root = Path(tempfile.mkdtemp(prefix="ssb-"))
    data_dir = root / "pg"
    try:
        yield embedded.ensure_running(data_dir)
    finally:
        embedded.stop(data_dir)
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(
    admin_url: str, *, track_functions: bool, change_feed: bool = True
) -> Iterator[str]:
    """A new, migrated database on the server of ``admin_url``; dropped afterwards."""
    name = f"stripe_sync_bench_{os.getpid()}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        if track_functions:
            # Time spent inside PL/pgSQL functions (pg_stat_user_functions); superuser only,
            # so a failure just means no SQL figures.
            with contextlib.suppress(psycopg.Error):
                conn.execute(
                    sql.SQL("ALTER DATABASE {} SET track_functions = 'pl'").format(
                        sql.Identifier(name)
                    )
                )
    url = make_conninfo(admin_url, dbname=name)
    try:
        migrate(url, SCHEMA)
        if not change_feed:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("SELECT {}._change_feed_set_enabled(false)").format(
                        sql.Identifier(SCHEMA)
                    )
                )
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(drop)


def server_settings(url: str) -> dict[str, str]:
    names = ("server_version", "fsync", "synchronous_commit", "shared_buffers", "track_functions")
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT name, current_setting(name) FROM unnest(%s::text[]) AS name", (list(names),)
        ).fetchall()
    return {str(name): str(value) for name, value in rows}


def checkpoint(url: str) -> bool:
    """Start a level from a checkpoint (see the module's docstring). False, with a warning,
    when the server refuses it (CHECKPOINT needs a superuser or pg_checkpoint)."""
    try:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CHECKPOINT")
    except psycopg.Error as exc:
        progress(f"no CHECKPOINT before this level ({exc}): its figures include the write-back")
        return False
    return True


def describe_checkpoints(levels: Sequence[Mapping[str, Any]]) -> str:
    if levels and all(level.get("checkpointed") for level in levels):
        return "each level starts after a CHECKPOINT"
    return "not every level started after a CHECKPOINT (the role may not run one)"


def postmaster(url: str) -> psutil.Process | None:
    """The server's postmaster when it runs on this machine (to read its processes' CPU)."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT pg_backend_pid()").fetchone()
        if row is None:
            return None
        try:
            # While the connection is open: its backend exits with it.
            backend = psutil.Process(int(row[0]))
            parent = backend.parent()
            if backend.name() != "postgres" or parent is None or parent.name() != "postgres":
                return None
            return parent
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            return None


def wal_position(url: str) -> str:
    """The server's current WAL insert position (an LSN)."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT pg_current_wal_insert_lsn()::text").fetchone()
    assert row is not None
    return str(row[0])


def wal_bytes_since(url: str, start: str) -> int:
    """WAL written by the whole server since ``start``."""
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT pg_wal_lsn_diff(pg_current_wal_insert_lsn(), %s::pg_lsn)::bigint", (start,)
        ).fetchone()
    assert row is not None
    return int(row[0])


def server_cpu_s(server: psutil.Process | None) -> float | None:
    """User + system CPU of the postmaster and its children (backends, WAL writer ...): the live
    ones, and those that exited, which the postmaster reaped (a closed pool's backends)."""
    if server is None:
        return None
    total = 0.0
    with contextlib.suppress(psutil.NoSuchProcess):
        times = server.cpu_times()
        total += times.user + times.system + times.children_user + times.children_system
        for proc in server.children(recursive=True):
            with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
                times = proc.cpu_times()
                total += times.user + times.system
    return total


def function_stats(url: str) -> dict[str, FunctionStats]:
    """Mean time per call of the sync schema's PL/pgSQL functions (needs track_functions)."""
    query = (
        "SELECT funcname, calls, total_time, self_time FROM pg_stat_user_functions "
        "WHERE schemaname = %s AND calls > 0 ORDER BY total_time DESC"
    )
    found: dict[str, FunctionStats] = {}
    # The backends flush their counters when they exit (the pool was just closed); give them a
    # moment.
    for _ in range(10):
        with psycopg.connect(url) as conn:
            rows = conn.execute(query, (SCHEMA,)).fetchall()
        current = {
            str(name): FunctionStats(
                int(calls), round(float(total) / calls, 3), round(float(own) / calls, 3)
            )
            for name, calls, total, own in rows
        }
        if current and current == found:
            break
        found = current
        time.sleep(0.3)
    return found


# -- the fake Stripe and the deliveries ----------------------------------------------------------


def event(
    fake: FakeStripe,
    type_: str,
    obj: Mapping[str, Any],
    created: int,
    previous: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A Stripe event envelope as the fake records them (``stripe_sync.testing.events``)."""
    return envelope(fake.store.ids.new("evt_"), fake.api_version, type_, obj, created, previous)


def objects(fake: FakeStripe, table: str) -> list[dict[str, Any]]:
    """Every object of one type as the API serves it, oldest first."""
    records = sorted(fake.store.all_records(None, table), key=lambda r: (r["created"], r["id"]))
    return [fake.get(table, str(r["id"])) for r in records]


def build_deliveries(
    fake: FakeStripe,
    customers: Sequence[Mapping[str, Any]],
    invoices: Sequence[Mapping[str, Any]],
    count: int,
    first_created: int,
    first_seq: int,
) -> list[tuple[bytes, str]]:
    """``count`` signed deliveries alternating ``customer.updated`` and ``invoice.paid``.

    Event ``k`` is created at ``first_created + k`` and changes its object's metadata, so each is
    newer than anything stored for the object (the same object comes back only every
    ``2 * len(objects)`` events, long after its previous event was applied).
    """
    deliveries: list[tuple[bytes, str]] = []
    for k in range(count):
        seq = first_seq + k
        metadata = {"bench_seq": str(seq)}
        if k % 2 == 0:
            customer = customers[(seq // 2) % len(customers)]
            body = event(
                fake,
                "customer.updated",
                {**customer, "metadata": metadata},
                first_created + k,
                previous={"metadata": dict(customer.get("metadata") or {})},
            )
        else:
            invoice = invoices[(seq // 2) % len(invoices)]
            body = event(fake, "invoice.paid", {**invoice, "metadata": metadata}, first_created + k)
        deliveries.append(fake.signed_event(body, WEBHOOK_SECRET))
    return deliveries


# -- driving the engine --------------------------------------------------------------------------


async def drive_webhooks(
    engine: AsyncStripeSync, deliveries: Sequence[tuple[bytes, str]], concurrency: int
) -> Drive:
    """Send every delivery through ``process_webhook`` from ``concurrency`` workers."""
    latencies = [0.0] * len(deliveries)
    result = Drive(wall_s=0.0, latencies_s=latencies)
    pending = iter(range(len(deliveries)))

    async def worker() -> None:
        # The workers share one iterator: each takes the next delivery when it is free.
        for index in pending:
            payload, header = deliveries[index]
            start = time.perf_counter()
            try:
                synced = await engine.process_webhook(payload, header)
            except StripeSyncError as exc:
                latencies[index] = time.perf_counter() - start
                result.outcomes[f"error:{type(exc).__name__}"] += 1
                continue
            latencies[index] = time.perf_counter() - start
            result.outcomes[synced.outcome.value] += 1
            result.related_fetched += synced.related_fetched
            result.refetches += synced.refetches

    start = time.perf_counter()
    async with asyncio.TaskGroup() as group:
        for _ in range(max(1, concurrency)):
            group.create_task(worker())
    result.wall_s = time.perf_counter() - start
    return result


def percentile(ordered: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile of an ascending sequence."""
    if not ordered:
        return 0.0
    rank = min(len(ordered), max(1, math.ceil(fraction * len(ordered))))
    return ordered[rank - 1]


def rusage_self() -> tuple[float, float, int]:
    """User CPU, system CPU and involuntary context switches of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime, usage.ru_stime, usage.ru_nivcsw


def progress(message: str) -> None:
    print(f"[bench] {message}", file=sys.stderr, flush=True)


async def run_mix(options: Options, url: str) -> dict[str, Any]:
    """The ``mix`` workload: seed, load, warm up, measure; returns the figures."""
    real_now = int(time.time())
    with FakeStripe(seed=options.seed, clock=lambda: time.time() - CLOCK_OFFSET) as fake:
        started = time.perf_counter()
        seeded = fake.seed_realistic(scale=options.scale, seed=options.seed)
        loaded = {table: objects(fake, table) for table, _ in LOAD}
        customers, invoices = loaded["customer"], loaded["invoice"]
        progress(
            f"seeded the fake Stripe: {sum(seeded.values())} objects "
            f"({len(customers)} customers, {len(invoices)} invoices)"
        )
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key,
            stripe_webhook_secret=WEBHOOK_SECRET,
            stripe_api_base="http://fake-stripe",
            database_url=url,
            pool_config=PoolConfig(
                min_size=options.pool_for(options.concurrency),
                max_size=options.pool_for(options.concurrency),
            ),
        )
        engine = AsyncStripeSync(
            config,
            http_transport=httpx.ASGITransport(app=fake.app),
            rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
        )
        async with engine:
            # Customers first: an invoice refers to its customer, which must not be fetched.
            for table, type_ in LOAD:
                creations = [event(fake, type_, obj, int(obj["created"])) for obj in loaded[table]]
                load_outcomes = await apply_events(engine, creations, options.concurrency)
                progress(f"loaded {table}s: {dict(load_outcomes)}")

            newest = max(int(r["created"]) for t in seeded for r in fake.store.all_records(None, t))
            first_created = newest + 1
            if first_created + options.warmup + options.events > real_now:
                raise SystemExit("too many events for CLOCK_OFFSET: lower --events")
            warmup = build_deliveries(fake, customers, invoices, options.warmup, first_created, 0)
            deliveries = build_deliveries(
                fake,
                customers,
                invoices,
                options.events,
                first_created + options.warmup,
                options.warmup,
            )
            setup_s = time.perf_counter() - started
            progress(f"built and signed {len(deliveries)} deliveries; set-up took {setup_s:.1f} s")

            warm = await drive_webhooks(engine, warmup, options.concurrency)
            progress(f"warm-up: {len(warmup)} events, {dict(warm.outcomes)}")

            server = postmaster(url)
            profiler = None
            if options.profile is not None:
                # CPU time by default: on a busy 2-core machine wall time charges whatever
                # function was running when the scheduler handed the CPU to PostgreSQL.
                clock = time.process_time if options.profile_clock == "cpu" else time.perf_counter
                profiler = cProfile.Profile(clock)
            wal_start = wal_position(url)
            self_before, server_before = rusage_self(), server_cpu_s(server)
            if profiler is not None:
                profiler.enable()
            measured = await drive_webhooks(engine, deliveries, options.concurrency)
            if profiler is not None:
                profiler.disable()
            user_s, sys_s, preempted = (
                after - before for after, before in zip(rusage_self(), self_before, strict=True)
            )
            cpu_s = user_s + sys_s
            server_after = server_cpu_s(server)
            wal_bytes = wal_bytes_since(url, wal_start)
        # The engine is closed: its backends exit and flush their function counters.
    functions = function_stats(url) if options.sql_stats else {}
    if profiler is not None and options.profile is not None:
        profiler.dump_stats(str(options.profile))

    ordered = sorted(measured.latencies_s)
    # Deliveries alternate: customer.updated at even positions, invoice.paid at odd ones.
    by_type = {
        name: sorted(measured.latencies_s[parity::2])
        for parity, name in enumerate(("customer.updated", "invoice.paid"))
    }
    n = len(ordered)
    rate = n / measured.wall_s if measured.wall_s else 0.0
    p99_ms = percentile(ordered, 0.99) * 1000
    server_cpu = (
        server_after - server_before
        if server_after is not None and server_before is not None
        else None
    )
    figures: dict[str, Any] = {
        "events": n,
        "concurrency": options.concurrency,
        "pool_size": options.pool_for(options.concurrency),
        "scale": options.scale,
        "profiled": profiler is not None,
        "profile_clock": options.profile_clock if profiler is not None else None,
        "wall_s": round(measured.wall_s, 3),
        "events_per_s": round(rate, 1),
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 2),
        "p95_ms": round(percentile(ordered, 0.95) * 1000, 2),
        "p99_ms": round(p99_ms, 2),
        "max_ms": round(ordered[-1] * 1000 if ordered else 0.0, 2),
        "mean_ms": round(sum(ordered) / n * 1000 if n else 0.0, 2),
        "by_type": {
            name: {
                "p50_ms": round(percentile(values, 0.50) * 1000, 2),
                "p99_ms": round(percentile(values, 0.99) * 1000, 2),
                "mean_ms": round(sum(values) / len(values) * 1000 if values else 0.0, 2),
            }
            for name, values in by_type.items()
        },
        "outcomes": dict(measured.outcomes),
        "related_fetched": measured.related_fetched,
        "refetches": measured.refetches,
        "cpu_s": round(cpu_s, 3),
        "cpu_user_s": round(user_s, 3),
        "cpu_sys_s": round(sys_s, 3),
        "cpu_ms_per_event": round(cpu_s / n * 1000 if n else 0.0, 3),
        # The scheduler took the CPU away from this process (PostgreSQL wanted it).
        "preemptions_per_event": round(preempted / n if n else 0.0, 2),
        "cpu_share_of_wall": round(cpu_s / measured.wall_s if measured.wall_s else 0.0, 3),
        "server_cpu_s": None if server_cpu is None else round(server_cpu, 3),
        "server_cpu_ms_per_event": (
            None if server_cpu is None or not n else round(server_cpu / n * 1000, 3)
        ),
        "wal_kb_per_event": round(wal_bytes / n / 1024 if n else 0.0, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "goal_events_per_s": GOAL_EVENTS_PER_S,
        "goal_ratio": round(rate / GOAL_EVENTS_PER_S, 3),
        "goal_p99_ms": GOAL_P99_MS,
        "p99_within_goal": p99_ms < GOAL_P99_MS,
        "sql_functions": {name: asdict(stats) for name, stats in functions.items()},
        "cpus": os.cpu_count(),
    }
    return figures


# -- the compare workload -----------------------------------------------------------------------


def engine_for(
    fake: FakeStripe, url: str, pool_size: int, *, backfill_related: bool = True
) -> AsyncStripeSync:
    """An engine on the in-process fake Stripe (its key and its ``/v1/account``)."""
    config = StripeSyncConfig(
        stripe_secret_key=fake.api_key,
        stripe_webhook_secret=WEBHOOK_SECRET,
        stripe_api_base="http://fake-stripe",
        database_url=url,
        schema=SCHEMA,
        pool_config=PoolConfig(min_size=pool_size, max_size=pool_size),
        backfill_related_entities=backfill_related,
    )
    return AsyncStripeSync(
        config,
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    )


def stripe_requests(fake: FakeStripe) -> int:
    return int(fake.stats()["totals"]["requests"])


async def load_compare(
    options: Options, fake: FakeStripe, url: str, workload: Workload
) -> dict[str, Any]:
    """Write the workload's objects through ``process_event``; the figures of the load."""
    total = workload.customers + workload.invoices
    progress(
        f"loading {workload.customers} customers and {workload.invoices} invoices through "
        f"process_event ({options.load_concurrency} in flight)"
    )
    before = stripe_requests(fake)
    started = time.perf_counter()
    # No related fetches while loading: an invoice's only reference is its customer, loaded
    # first, and the option makes sure that nothing else would ever call Stripe.
    async with engine_for(fake, url, options.load_concurrency, backfill_related=False) as loader:
        outcomes = await load_workload(loader, workload, options.load_concurrency, progress)
    seconds = time.perf_counter() - started
    figures = {
        "objects": total,
        "seconds": round(seconds, 1),
        "per_s": round(total / seconds if seconds else 0.0, 1),
        "concurrency": options.load_concurrency,
        "outcomes": dict(outcomes),
        # The loader's account lookup is the one call expected.
        "stripe_calls": stripe_requests(fake) - before,
    }
    progress(
        f"loaded {total} objects in {seconds:.1f} s ({figures['per_s']:.0f}/s): {dict(outcomes)}"
    )
    return figures


async def measure_level(
    options: Options,
    fake: FakeStripe,
    url: str,
    plan: LevelPlan,
    concurrency: int,
    profiler: cProfile.Profile | None,
) -> dict[str, Any]:
    """One level: a fresh engine, the warm-up, then the measured events in signed segments."""
    pool_size = options.pool_for(concurrency)
    checkpointed = checkpoint(url)
    async with engine_for(fake, url, pool_size) as engine:
        warm = await drive_webhooks(engine, sign(plan.warmup), concurrency)
        warm_rate = len(plan.warmup) / warm.wall_s if warm.wall_s else None
        size = segment_size(warm_rate, concurrency, len(plan.measured))
        server = postmaster(url)
        measured = Drive(wall_s=0.0, latencies_s=[])
        user_s = sys_s = 0.0
        preempted = 0
        pg_cpu: float | None = 0.0
        stripe_before = stripe_requests(fake)
        wal_start = wal_position(url)
        for part in segments(len(plan.measured), size):
            # Signed just before it is sent (Stripe's 300 s tolerance), and outside the timing:
            # signing is Stripe's work, not the engine's.
            signed = sign(plan.measured[part.start : part.stop])
            self_before, pg_before = rusage_self(), server_cpu_s(server)
            if profiler is not None:
                profiler.enable()
            drive = await drive_webhooks(engine, signed, concurrency)
            if profiler is not None:
                profiler.disable()
            self_after, pg_after = rusage_self(), server_cpu_s(server)
            user_s += self_after[0] - self_before[0]
            sys_s += self_after[1] - self_before[1]
            preempted += self_after[2] - self_before[2]
            if pg_cpu is not None and pg_after is not None and pg_before is not None:
                pg_cpu += pg_after - pg_before
            else:
                pg_cpu = None
            measured.wall_s += drive.wall_s
            measured.latencies_s.extend(drive.latencies_s)
            measured.outcomes.update(drive.outcomes)
            measured.related_fetched += drive.related_fetched
            measured.refetches += drive.refetches
        wal_bytes = wal_bytes_since(url, wal_start)
        stripe_calls = stripe_requests(fake) - stripe_before
        rss_mb = psutil.Process().memory_info().rss / 2**20
    check = check_database(
        url,
        plan.event_ids,
        plan.last_seq,
        {"customers": options.customers, "invoices": options.invoices},
    )
    n = len(measured.latencies_s)
    ordered = sorted(measured.latencies_s)
    by_type: dict[str, list[float]] = {}
    for latency, type_ in zip(measured.latencies_s, plan.types, strict=True):
        by_type.setdefault(type_, []).append(latency)
    cpu_s = user_s + sys_s
    written = measured.outcomes == Counter({"written": n}) and warm.outcomes == Counter(
        {"written": len(plan.warmup)}
    )
    return {
        "concurrency": concurrency,
        "pool_size": pool_size,
        "checkpointed": checkpointed,
        "events": n,
        "warmup": len(plan.warmup),
        "warmup_outcomes": dict(warm.outcomes),
        "signed_segments": math.ceil(n / size) if n else 0,
        "wall_s": round(measured.wall_s, 3),
        "events_per_s": round(n / measured.wall_s if measured.wall_s else 0.0, 1),
        "p50_ms": round(percentile(ordered, 0.50) * 1000, 2),
        "p95_ms": round(percentile(ordered, 0.95) * 1000, 2),
        "p99_ms": round(percentile(ordered, 0.99) * 1000, 2),
        "max_ms": round(ordered[-1] * 1000 if ordered else 0.0, 2),
        "mean_ms": round(sum(ordered) / n * 1000 if n else 0.0, 2),
        "by_type": {
            name: {
                "p50_ms": round(percentile(sorted(values), 0.50) * 1000, 2),
                "p99_ms": round(percentile(sorted(values), 0.99) * 1000, 2),
            }
            for name, values in sorted(by_type.items())
        },
        "outcomes": dict(measured.outcomes),
        "related_fetched": measured.related_fetched,
        "refetches": measured.refetches,
        "stripe_calls": stripe_calls,
        "python_cpu_ms_per_event": round(cpu_s / n * 1000 if n else 0.0, 3),
        "python_cpu_user_s": round(user_s, 3),
        "python_cpu_sys_s": round(sys_s, 3),
        "preemptions_per_event": round(preempted / n if n else 0.0, 2),
        "postgres_cpu_ms_per_event": (
            None if pg_cpu is None or not n else round(pg_cpu / n * 1000, 3)
        ),
        "wal_kb_per_event": round(wal_bytes / n / 1024 if n else 0.0, 2),
        "rss_mb_after": round(rss_mb, 1),
        "bodies_mb": round(plan.body_bytes / 2**20, 1),
        "check": check,
        "ok": bool(check["ok"]) and written and stripe_calls == 0,
    }


async def run_compare(options: Options, url: str) -> dict[str, Any]:
    """The ``compare`` workload: load the rows, then each level in turn; returns the figures."""
    workload = Workload(options.customers, options.invoices)
    profiler = None
    if options.profile is not None:
        clock = time.process_time if options.profile_clock == "cpu" else time.perf_counter
        profiler = cProfile.Profile(clock)
    with FakeStripe(seed=options.seed) as fake:
        loaded = await load_compare(options, fake, url, workload)
        levels: list[dict[str, Any]] = []
        for concurrency in options.levels:
            plan = workload.plan(options.warmup, options.events)
            progress(
                f"level {concurrency}: {len(plan.warmup)} warm-up + {len(plan.measured)} "
                f"events ({plan.body_bytes / 2**20:.0f} MB of bodies)"
            )
            level = await measure_level(options, fake, url, plan, concurrency, profiler)
            progress(
                f"level {concurrency}: {level['events_per_s']:.0f} events/s, "
                f"p99 {level['p99_ms']:.1f} ms, check {describe_check(level['check'])}"
            )
            levels.append(level)
            # The bodies of one level go before the next is built (they dominate the RSS).
            del plan
    functions = function_stats(url) if options.sql_stats else {}
    if profiler is not None and options.profile is not None:
        profiler.dump_stats(str(options.profile))
    load_ok = loaded["outcomes"] == {"written": loaded["objects"]}
    return {
        "workload": "compare",
        "customers": options.customers,
        "invoices": options.invoices,
        "events_per_level": options.events,
        "warmup_per_level": options.warmup,
        "load": loaded,
        "levels": levels,
        "profiled": profiler is not None,
        "profile_clock": options.profile_clock if profiler is not None else None,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "sql_functions": {name: asdict(stats) for name, stats in functions.items()},
        "cpus": os.cpu_count(),
        "ok": load_ok and all(level["ok"] for level in levels),
    }


# -- reporting ----------------------------------------------------------------------------------


def report_mix(figures: Mapping[str, Any], settings: Mapping[str, str], out: TextIO) -> None:
    n = figures["events"]
    profiled = " (under cProfile: slower than unprofiled)" if figures["profiled"] else ""
    lines = [
        f"process_webhook benchmark, workload mix: {n} events (customer.updated / invoice.paid)"
        f", concurrency {figures['concurrency']}, pool {figures['pool_size']}, "
        f"{figures['cpus']} CPUs{profiled}",
        f"machine       {describe_load(figures['loadavg_before'])}; {figures['loop']} event loop",
        f"PostgreSQL {describe_settings(settings)}",
        f"throughput    {figures['events_per_s']:>9.1f} events/s in {figures['wall_s']:.2f} s  "
        f"= {figures['goal_ratio']:.2f}x the goal of {GOAL_EVENTS_PER_S:.0f}/s",
        f"latency ms    p50 {figures['p50_ms']:.2f}  p95 {figures['p95_ms']:.2f}  "
        f"p99 {figures['p99_ms']:.2f}  max {figures['max_ms']:.2f}  mean {figures['mean_ms']:.2f}"
        f"  (p99 goal < {GOAL_P99_MS:.0f}: {'met' if figures['p99_within_goal'] else 'missed'})",
        "by type ms    "
        + "; ".join(
            f"{name} p50 {v['p50_ms']:.2f} p99 {v['p99_ms']:.2f} mean {v['mean_ms']:.2f}"
            for name, v in figures["by_type"].items()
        ),
        "outcomes      "
        + ", ".join(f"{k}={v}" for k, v in sorted(figures["outcomes"].items()))
        + f"  (related fetched {figures['related_fetched']}, refetches {figures['refetches']})",
        f"python CPU    {figures['cpu_s']:.2f} s = {figures['cpu_ms_per_event']:.3f} ms/event, "
        f"{figures['cpu_share_of_wall'] * 100:.0f}% of one core "
        f"(user {figures['cpu_user_s']:.2f} s, sys {figures['cpu_sys_s']:.2f} s; "
        f"{figures['preemptions_per_event']:.2f} "
        "involuntary context switches/event)",
    ]
    if figures["server_cpu_s"] is not None:
        lines.append(
            f"server CPU    {figures['server_cpu_s']:.2f} s = "
            f"{figures['server_cpu_ms_per_event']:.3f} ms/event (all PostgreSQL processes)"
        )
    for name, stats in figures["sql_functions"].items():
        lines.append(
            f"sql {name:<14} {stats['mean_ms']:.3f} ms/call, self {stats['self_mean_ms']:.3f} ms "
            f"({stats['calls']} calls since the database was created)"
        )
    lines.append(f"WAL           {figures['wal_kb_per_event']:.2f} kB/event")
    lines.append(f"peak RSS      {figures['peak_rss_mb']:.1f} MB")
    print("\n".join(lines), file=out)


def report_compare(figures: Mapping[str, Any], settings: Mapping[str, str], out: TextIO) -> None:
    loaded = figures["load"]
    profiled = (
        " (under cProfile, accumulated over the levels: slower than unprofiled)"
        if figures["profiled"]
        else ""
    )
    lines = [
        f"process_webhook benchmark, workload compare: {figures['customers']} customers + "
        f"{figures['invoices']} invoices (Stripe's example payloads); per level "
        f"{figures['events_per_level']} events after {figures['warmup_per_level']} warm-up, "
        f"customer.updated / invoice.paid alternating{profiled}",
        f"machine       {describe_load(figures['loadavg_before'])}; {figures['loop']} event loop",
        f"PostgreSQL    {describe_settings(settings)}; {describe_checkpoints(figures['levels'])}",
        f"load          {loaded['objects']} objects in {loaded['seconds']:.1f} s = "
        f"{loaded['per_s']:.0f}/s through process_event ({loaded['concurrency']} in flight): "
        + ", ".join(f"{k}={v}" for k, v in sorted(loaded["outcomes"].items())),
        "",
        f"{'level':>5} {'pool':>4} {'events/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
        f"{'python CPU':>11} {'PG CPU':>8} {'WAL':>6}  check",
        f"{'':>5} {'':>4} {'':>9} {'':>8} {'':>8} {'':>8} {'ms/event':>11} {'ms/event':>8} "
        f"{'kB/ev':>6}",
    ]
    for level in figures["levels"]:
        pg = level["postgres_cpu_ms_per_event"]
        lines.append(
            f"{level['concurrency']:>5} {level['pool_size']:>4} {level['events_per_s']:>9.1f} "
            f"{level['p50_ms']:>8.2f} {level['p99_ms']:>8.2f} {level['max_ms']:>8.2f} "
            f"{level['python_cpu_ms_per_event']:>11.3f} "
            + (f"{'n/a':>8}" if pg is None else f"{pg:>8.3f}")
            + f" {level['wal_kb_per_event']:>6.2f}  {'passed' if level['ok'] else 'FAILED'}"
        )
    lines.append("")
    for level in figures["levels"]:
        lines.append(
            f"level {level['concurrency']:<7} outcomes "
            + ", ".join(f"{k}={v}" for k, v in sorted(level["outcomes"].items()))
            + f"; related fetched {level['related_fetched']}, refetches {level['refetches']}, "
            f"Stripe calls {level['stripe_calls']}; "
            + "; ".join(
                f"{name} p50 {v['p50_ms']:.2f} p99 {v['p99_ms']:.2f}"
                for name, v in level["by_type"].items()
            )
        )
        lines.append(f"{'':<14}check {describe_check(level['check'])}")
    largest = max((level["bodies_mb"] for level in figures["levels"]), default=0.0)
    lines.append(
        f"peak RSS      {figures['peak_rss_mb']:.1f} MB (this process: the engine, the idle "
        f"fake Stripe, and one level's prebuilt bodies, up to {largest:.0f} MB)"
    )
    for name, stats in figures["sql_functions"].items():
        lines.append(
            f"sql {name:<14} {stats['mean_ms']:.3f} ms/call, self {stats['self_mean_ms']:.3f} ms "
            f"({stats['calls']} calls since the database was created, load included)"
        )
    print("\n".join(lines), file=out)


def print_profile(path: Path, clock: str, out: TextIO) -> None:
    for order, limit in (("cumulative", 25), ("tottime", 15)):
        buffer = io.StringIO()
        stats = pstats.Stats(str(path), stream=buffer)
        stats.strip_dirs().sort_stats(order).print_stats(limit)
        print(f"\n--- profile ({clock} time): top {limit} by {order} ({path}) ---", file=out)
        # Skip pstats' header lines up to the table.
        text = buffer.getvalue()
        print(text[text.find("   ncalls") :].rstrip(), file=out)


def parse_args(argv: Sequence[str] | None) -> Options:
    parser = argparse.ArgumentParser(
        description="process_webhook throughput and latency into a real PostgreSQL."
    )
    parser.add_argument(
        "--workload",
        choices=("compare", "mix"),
        default="compare",
        help="compare (default): updates of pre-loaded customers and invoices at several "
        "levels; mix: the seeded fake account's objects at one level",
    )
    parser.add_argument(
        "--events",
        type=int,
        default=None,
        help="measured events per level (compare: 10000; mix: 20000)",
    )
    parser.add_argument(
        "--concurrency",
        default=None,
        help="asyncio workers calling process_webhook: a number, or levels run in turn such as "
        "1,16,64 (compare: 1,16,64; mix: 16, one level only)",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=None,
        help="connection pool size (default: each level's concurrency)",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="a server to create a fresh database on (default: an embedded PostgreSQL in a "
        "temporary directory)",
    )
    parser.add_argument(
        "--profile", type=Path, default=None, help="run under cProfile, write stats here"
    )
    parser.add_argument(
        "--profile-clock",
        choices=("cpu", "wall"),
        default="cpu",
        help="what the profile counts: this process's CPU time (default) or wall time",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    parser.add_argument(
        "--sql-stats",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="time the SQL functions with track_functions = 'pl' (default: on; superuser only)",
    )
    add_workload_arguments(parser)
    parser.add_argument(
        "--scale", type=int, default=1000, help="mix: customers in the fake Stripe account (1000)"
    )
    parser.add_argument(
        "--warmup", type=int, default=1000, help="unmeasured events first, per level (1000)"
    )
    parser.add_argument("--seed", type=int, default=7, help="seed of the fake's data (7)")
    parser.add_argument(
        "--change-feed",
        choices=("on", "off"),
        default="on",
        help="whether the change feed records the writes (default on; compare with off)",
    )
    parser.add_argument(
        "--loop",
        choices=("asyncio", "uvloop"),
        default="asyncio",
        help="the event loop the engine runs on (asyncio, default; or uvloop, as under uvicorn)",
    )
    parser.add_argument(
        "--history",
        action="store_true",
        help="history mode on for customers and invoices, the objects the events write",
    )
    args = parser.parse_args(argv)
    compare = args.workload == "compare"
    events = args.events if args.events is not None else (10_000 if compare else 20_000)
    levels = workload_levels(parser, args, DEFAULT_LEVELS_INPROCESS, 16)
    if events < 1 or args.scale < 10 or args.warmup < 0:
        parser.error("--events must be >= 1, --scale >= 10, --warmup >= 0")
    if args.pool_size is not None and args.pool_size < 1:
        parser.error("--pool-size must be >= 1")
    check_workload_arguments(parser, args, levels)
    return Options(
        workload=args.workload,
        events=events,
        levels=levels,
        pool_size=args.pool_size,
        database_url=args.database_url,
        profile=args.profile,
        profile_clock=args.profile_clock,
        sql_stats=args.sql_stats,
        json=args.json,
        scale=args.scale,
        warmup=args.warmup,
        seed=args.seed,
        customers=args.customers,
        invoices=args.invoices,
        load_concurrency=args.load_concurrency,
        loop=args.loop,
        change_feed=args.change_feed == "on",
        history=("customers", "invoices") if args.history else (),
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    # Before anything of the bench starts: how busy the machine already was.
    loadavg = machine_load()
    progress(describe_load(loadavg))
    with (
        postgres_server(options.database_url) as admin_url,
        fresh_database(
            admin_url, track_functions=options.sql_stats, change_feed=options.change_feed
        ) as url,
    ):
        dbname = conninfo_to_dict(url).get("dbname")
        progress(f"database {dbname} migrated")
        if options.history:
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(
                    sql.SQL("SELECT {}.history_enable(%s)").format(sql.Identifier(SCHEMA)),
                    (list(options.history),),
                )
            progress(f"history mode on for {', '.join(options.history)}")
        settings = server_settings(url)
        run = run_compare if options.workload == "compare" else run_mix
        factory = uvloop.new_event_loop if options.loop == "uvloop" else asyncio.new_event_loop
        with asyncio.Runner(loop_factory=factory) as runner:
            figures = {
                **runner.run(run(options, url)),
                "loadavg_before": loadavg,
                "loop": options.loop,
                "history": list(options.history),
            }
    out = sys.stderr if options.json else sys.stdout
    if options.workload == "compare":
        report_compare(figures, settings, out)
        ok = bool(figures["ok"])
    else:
        report_mix(figures, settings, out)
        ok = set(figures["outcomes"]) == {"written"}
    if options.profile is not None:
        print_profile(options.profile, options.profile_clock, out)
    if options.json:
        print(json.dumps({**figures, "postgres": settings}, sort_keys=True), flush=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
