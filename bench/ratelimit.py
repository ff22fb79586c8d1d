"""Cost of one ``PostgresRateLimiter.acquire``: the round trip to ``_rate_limit_acquire``.

What is measured: N reservations of the same endpoint key, so every call locks and updates the
same two rows (the account's global bucket and the endpoint's), the worst case for contention.
The rates are set so high (10^6/s) that nobody ever waits: only the database round trip is
timed. Three phases, each on its own buckets: one caller (latency), C asyncio callers sharing one
limiter's pool of two connections (throughput of one process), and P processes with C callers
each (many processes on the same rows).

Usage (from the repository root)::

    /work/venv/bin/python bench/ratelimit.py                       # 5000 per phase, C=8, P=2
    /work/venv/bin/python bench/ratelimit.py --acquires 2000 --concurrency 4 --processes 4
    /work/venv/bin/python bench/ratelimit.py --json                # one JSON line on stdout
    /work/venv/bin/python bench/ratelimit.py --database-url postgresql://postgres@localhost/postgres

Without ``--database-url`` an embedded PostgreSQL is started in a temporary directory; either
way a fresh database is created, migrated, and dropped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

from stripe_sync import embedded
from stripe_sync import run_migrations as migrate
from stripe_sync.pg_ratelimit import PostgresRateLimiter

KEY = "GET /v1/customers"
FAST = 1e6  # requests per second: high enough that no reservation ever waits


@contextlib.contextmanager
def postgres_server(database_url: str | None) -> Iterator[str]:
    """An admin URL: ``database_url``, or an embedded server in a temporary directory."""
    if database_url:
        yield database_url
        return
    root = Path(tempfile.mkdtemp(prefix="ssr-"))
    try:
        yield embedded.ensure_running(root / "pg")
    finally:
        embedded.stop(root / "pg")
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    name = f"stripe_sync_bench_rl_{os.getpid()}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_conninfo(admin_url, dbname=name)
    try:
        migrate(url)
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(drop)


async def drive(url: str, scope: str, acquires: int, concurrency: int) -> list[float]:
    """Seconds per acquire, as each caller saw it."""
    timings: list[float] = []
    limiter = PostgresRateLimiter(scope=scope, global_rps=FAST, endpoint_rps=FAST, database_url=url)
    async with limiter:
        for _ in range(20):  # warm-up: connections open, the statement prepared
            await limiter.acquire(KEY)
        left = acquires

        async def worker() -> None:
            nonlocal left
            while left > 0:
                left -= 1
                start = time.perf_counter()
                await limiter.acquire(KEY)
                timings.append(time.perf_counter() - start)

        async with asyncio.TaskGroup() as group:
            for _ in range(concurrency):
                group.create_task(worker())
    return timings


def summary(timings: Sequence[float], wall: float) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "acquires": len(ordered),
        "per_s": round(len(ordered) / wall, 1),
        "mean_ms": round(1000 * sum(ordered) / len(ordered), 3),
        "p50_ms": round(1000 * ordered[len(ordered) // 2], 3),
        "p99_ms": round(1000 * ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))], 3),
    }


def phase(url: str, scope: str, acquires: int, concurrency: int) -> dict[str, float]:
    start = time.perf_counter()
    timings = asyncio.run(drive(url, scope, acquires, concurrency))
    return summary(timings, time.perf_counter() - start)


def processes(url: str, acquires: int, concurrency: int, count: int) -> dict[str, Any]:
    """``count`` copies of this script in ``--worker`` mode on the same buckets."""
    argv = [sys.executable, __file__, "--worker", url, str(acquires), str(concurrency)]
    start = time.perf_counter()
    procs = [subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) for _ in range(count)]
    results = []
    for proc in procs:
        out, _ = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"worker failed with status {proc.returncode}")
        results.append(json.loads(out))
    wall = time.perf_counter() - start  # includes interpreter start-up: per_s is a floor
    timings = [t for r in results for t in r]
    return {**summary(timings, wall), "processes": count}


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["--worker"]:
        url, acquires, concurrency = args[1], int(args[2]), int(args[3])
        print(json.dumps(asyncio.run(drive(url, "bench/processes", acquires, concurrency))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--acquires", type=int, default=5000, help="per phase (per process)")
    parser.add_argument("--concurrency", type=int, default=8, help="asyncio callers")
    parser.add_argument("--processes", type=int, default=2, help="processes in the last phase")
    parser.add_argument("--database-url", default=None, help="server to create the database on")
    parser.add_argument("--json", action="store_true", help="figures as one JSON line")
    options = parser.parse_args(args)
    with postgres_server(options.database_url) as admin, fresh_database(admin) as url:
        figures = {
            "one_caller": phase(url, "bench/one", options.acquires, 1),
            "concurrent": {
                **phase(url, "bench/many", options.acquires, options.concurrency),
                "concurrency": options.concurrency,
            },
            "processes": processes(url, options.acquires, options.concurrency, options.processes),
        }
    if options.json:
        print(json.dumps(figures))
    else:
        for name, values in figures.items():
            print(f"{name:12} " + "  ".join(f"{k}={v}" for k, v in values.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
