"""Webhook throughput: ``AsyncStripeSync.process_webhook`` into a real PostgreSQL, one process.

What is measured: N signed deliveries, half ``customer.updated`` and half ``invoice.paid``, each
about an object already in the database and newer than the stored row (``created`` grows one
second per event, so every event is a real update: no duplicate, no stale write, no same-second
tie), sent to ``process_webhook`` by C asyncio workers. Each call is timed on its own
(signature check, JSON parse, routing, one ``_apply_event`` round trip, commit); nothing of the
set-up is timed: seeding the fake Stripe, loading the objects (their creation events), building
and signing the deliveries, and a short warm-up (``--warmup``) that opens the pool's connections
and lets PostgreSQL cache the plans of the write path.

Usage (from the repository root)::

    /work/venv/bin/python bench/webhooks.py                       # 20000 events, concurrency 16
    /work/venv/bin/python bench/webhooks.py --events 5000 --concurrency 1
    /work/venv/bin/python bench/webhooks.py --profile /tmp/webhooks.prof   # + top functions
    /work/venv/bin/python bench/webhooks.py --json                # one JSON line on stdout
    /work/venv/bin/python bench/webhooks.py --database-url postgresql://postgres@localhost/postgres

Without ``--database-url`` an embedded PostgreSQL is started in a temporary directory and
stopped at the end; with it, a fresh database is created on that server (CREATE DATABASE rights
needed) and dropped at the end. Either way the sync schema is migrated from scratch.

On a small machine PostgreSQL shares the CPU with this process, so besides this process's CPU
the report gives the CPU of the server's processes (when the server runs on this machine) and,
with ``track_functions`` (superuser only), the mean time spent inside the SQL write path
(``_apply_event`` and ``_write_objects``, 0004_events.sql). The exit status is 1 when an event
was not ``written``.
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
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from stripe_sync import AsyncStripeSync, PoolConfig, StripeSyncConfig, StripeSyncError, embedded
from stripe_sync import run_migrations as migrate
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe

#: The issue's goal on a 2-core machine.
GOAL_EVENTS_PER_S = 3000.0
GOAL_P99_MS = 50.0

WEBHOOK_SECRET = "whsec_bench_0000000000000000000000"
SCHEMA = "stripe"
#: The fake's clock runs this far behind the real one, so that the seeded objects and every
#: benchmark event (one second apart) lie in the past while signatures use the real clock.
CLOCK_OFFSET = 60 * 86_400
#: Object types loaded before the run (in this order) and the creation event that loads each.
#: An invoice's subscription is fetched by the engine itself (``backfill_related_entities``).
LOAD = (("customer", "customer.created"), ("invoice", "invoice.created"))


@dataclass(frozen=True, slots=True)
class Options:
    events: int
    concurrency: int
    pool_size: int
    database_url: str | None
    profile: Path | None
    profile_clock: str
    sql_stats: bool
    json: bool
    scale: int
    warmup: int
    seed: int


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
def fresh_database(admin_url: str, *, track_functions: bool) -> Iterator[str]:
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
    """User + system CPU of the postmaster and its live children (backends, WAL writer ...)."""
    if server is None:
        return None
    total = 0.0
    with contextlib.suppress(psutil.NoSuchProcess):
        for proc in [server, *server.children(recursive=True)]:
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
    data: dict[str, Any] = {"object": obj}
    if previous is not None:
        data["previous_attributes"] = previous
    return {
        "id": fake.store.ids.new("evt_"),
        "object": "event",
        "api_version": fake.api_version,
        "created": created,
        "data": data,
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": type_,
    }


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


async def load_objects(
    engine: AsyncStripeSync, events: Sequence[dict[str, Any]], concurrency: int
) -> Counter[str]:
    """Apply unsigned creation events (the objects' first sync); answers the outcomes."""
    outcomes: Counter[str] = Counter()
    pending = iter(events)

    async def worker() -> None:
        for item in pending:
            outcomes[(await engine.process_event(item)).outcome.value] += 1

    async with asyncio.TaskGroup() as group:
        for _ in range(max(1, concurrency)):
            group.create_task(worker())
    return outcomes


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


async def run(options: Options, url: str) -> dict[str, Any]:
    """Seed, load, warm up, measure; returns the figures."""
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
            pool_config=PoolConfig(min_size=options.pool_size, max_size=options.pool_size),
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
                load_outcomes = await load_objects(engine, creations, options.concurrency)
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
        "pool_size": options.pool_size,
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


# -- reporting ----------------------------------------------------------------------------------


def report(figures: Mapping[str, Any], settings: Mapping[str, str], out: TextIO) -> None:
    n = figures["events"]
    profiled = " (under cProfile: slower than unprofiled)" if figures["profiled"] else ""
    lines = [
        f"process_webhook benchmark: {n} events (customer.updated / invoice.paid), "
        f"concurrency {figures['concurrency']}, pool {figures['pool_size']}, "
        f"{figures['cpus']} CPUs{profiled}",
        "PostgreSQL "
        + ", ".join(f"{k}={v}" for k, v in settings.items() if k != "server_version")
        + f" (version {settings.get('server_version', '?')})",
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
    parser.add_argument("--events", type=int, default=20_000, help="measured events (20000)")
    parser.add_argument(
        "--concurrency", type=int, default=16, help="asyncio workers calling process_webhook (16)"
    )
    parser.add_argument(
        "--pool-size", type=int, default=None, help="connection pool size (default: concurrency)"
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
    parser.add_argument(
        "--scale", type=int, default=1000, help="customers in the fake Stripe account (1000)"
    )
    parser.add_argument("--warmup", type=int, default=1000, help="unmeasured events first (1000)")
    parser.add_argument("--seed", type=int, default=7, help="seed of the fake's data (7)")
    args = parser.parse_args(argv)
    if args.events < 1 or args.concurrency < 1 or args.scale < 10 or args.warmup < 0:
        parser.error("--events and --concurrency must be >= 1, --scale >= 10, --warmup >= 0")
    pool_size = args.pool_size or args.concurrency
    return Options(
        events=args.events,
        concurrency=args.concurrency,
        pool_size=pool_size,
        database_url=args.database_url,
        profile=args.profile,
        profile_clock=args.profile_clock,
        sql_stats=args.sql_stats,
        json=args.json,
        scale=args.scale,
        warmup=args.warmup,
        seed=args.seed,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    with (
        postgres_server(options.database_url) as admin_url,
        fresh_database(admin_url, track_functions=options.sql_stats) as url,
    ):
        dbname = conninfo_to_dict(url).get("dbname")
        progress(f"database {dbname} migrated")
        settings = server_settings(url)
        figures = asyncio.run(run(options, url))
    out = sys.stderr if options.json else sys.stdout
    report(figures, settings, out)
    if options.profile is not None:
        print_profile(options.profile, options.profile_clock, out)
    if options.json:
        print(json.dumps({**figures, "postgres": settings}, sort_keys=True), flush=True)
    return 0 if set(figures["outcomes"]) == {"written"} else 1


if __name__ == "__main__":
    sys.exit(main())
