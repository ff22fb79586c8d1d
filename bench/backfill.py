"""Backfill throughput: ``StripeSync.process_until_done`` against a Stripe-like fake server.

The fake Stripe runs as ``stripe-sync fake-stripe`` in its own process, configured like Stripe:
300 ± 100 ms per request, 100 requests/s in all and 25 requests/s per list endpoint (it answers
429 above them). Each scenario gets a freshly seeded fake and a fresh, migrated database, and
runs the backfill in a child process (this script with ``--child``) so that its peak RSS is its
own; the child's client paces itself like a live key (100 requests/s, 25 per endpoint).

Scenarios (objects/s compared with the ceiling the limits allow, at 100 objects a page):

- ``single``: one object (customers) with ``--rows`` rows: 25 pages/s, 2,500 objects/s;
- ``multi``: ``--rows`` spread over several objects listed together:
  min(100, 25 x objects) pages/s;
- ``heavy``: about ``--rows`` heavy objects listed together: invoices with their lines,
  subscriptions with their items and charges of a realistic account (``/_fake/seed_realistic``),
  and payment intents: 4 list endpoints, 100 pages/s, 10,000 objects/s;
- ``unlimited`` (also ``--no-limits``): no latency, no limits in the fake or the client: what the
  engine and PostgreSQL do end to end on this machine.

Besides objects/s, each run reports the CPU spent per object by the backfill process (Python)
and by PostgreSQL (all of the server's processes, when it runs on this machine).

Usage (from the repository root)::

    .venv/bin/python bench/backfill.py                     # 200000 rows, all scenarios
    .venv/bin/python bench/backfill.py --rows 20000        # a quick run
    .venv/bin/python bench/backfill.py --no-limits --rows 100000
    .venv/bin/python bench/backfill.py --scenario multi --json
    .venv/bin/python bench/backfill.py --database-url postgresql://postgres@localhost/postgres

The exit status is 1 when a run does not end ``complete`` with exactly the seeded objects.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any, TextIO

import httpx
import psutil
import psycopg
from psycopg import sql
from psycopg.conninfo import make_conninfo

# The benches are scripts, not a package: shared helpers live in child_process.py and webhooks.py
# beside this file.
from child_process import run_child
from stripe_sync import StripeSync, StripeSyncConfig
from stripe_sync import run_migrations as migrate
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import DEFAULT_API_KEY
from webhooks import postgres_server, postmaster, server_cpu_s

SCHEMA = "stripe"
PAGE_SIZE = 100
#: Stripe's limits (requests/s), as the fake enforces them.
GLOBAL_RPS = 100.0
LIST_RPS = 25.0
SEARCH_RPS = 20.0
STRIPE_LIKE = {
    "latency_ms": 300.0,
    "latency_jitter_ms": 100.0,
    "global_rps": GLOBAL_RPS,
    "list_rps": LIST_RPS,
    # Every search endpoint together (the estimate counts with search).
    "search_rps": SEARCH_RPS,
}
NO_LIMITS = {
    "latency_ms": 0.0,
    "latency_jitter_ms": 0.0,
    "global_rps": None,
    "list_rps": None,
    "search_rps": None,
}
#: Objects the fake seeds in bulk (``/_fake/seed``), each with its own list endpoint.
MULTI_OBJECTS = ("customer", "product", "price", "charge", "payout")
#: The heavy scenario: objects of a realistic account (with their nested lists) and one seeded in
#: bulk; invoice lines and subscription items are written as child rows too.
HEAVY_REALISTIC = ("invoice", "subscription", "charge")
HEAVY_BULK = "payment_intent"
SCENARIOS = ("single", "multi", "heavy", "unlimited")


@dataclass(frozen=True, slots=True)
class Options:
    rows: int
    objects: int
    workers: int
    scenarios: tuple[str, ...]
    database_url: str | None
    json: bool


@dataclass(frozen=True, slots=True)
class Figures:
    scenario: str
    objects: dict[str, int]
    status: str
    processed: int
    elapsed_s: float
    objects_per_s: float
    ceiling_per_s: float | None
    requests: int
    rate_limited: int
    server_errors: int
    peak_rss_mb: float
    exact: bool
    #: CPU ms per object of the backfill process, and of PostgreSQL (None: not on this machine).
    python_cpu_ms: float
    postgres_cpu_ms: float | None
    #: CPU ms per object of the fake Stripe server (rendering pages), on the same cores.
    fake_cpu_ms: float

    @property
    def share(self) -> float | None:
        return self.objects_per_s / self.ceiling_per_s if self.ceiling_per_s else None


def progress(message: str) -> None:
    print(f"... {message}", file=sys.stderr, flush=True)


# -- the database ----------------------------------------------------------------------------


@contextlib.contextmanager
def fresh_database(admin_url: str, scenario: str) -> Iterator[str]:
    """A new, migrated database on the server of ``admin_url``; dropped afterwards."""
    name = f"stripe_sync_bench_backfill_{os.getpid()}_{scenario}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(drop)
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    url = make_conninfo(admin_url, dbname=name)
    try:
        migrate(url, SCHEMA)
        yield url
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(drop)


# -- the fake Stripe server -------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def fake_server() -> Iterator[httpx.Client]:
    """``stripe-sync fake-stripe`` on a free port; a client of its admin endpoints (whose
    ``fake_pid`` attribute is the server's pid, to read its CPU)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "stripe_sync.cli", "fake-stripe", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    client = httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=300)
    client.fake_pid = process.pid  # type: ignore[attr-defined]
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"the fake Stripe server exited with {process.returncode}")
            with contextlib.suppress(httpx.TransportError):
                if client.get("/_fake/health").status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise RuntimeError("the fake Stripe server did not start in 30 s")
            time.sleep(0.1)
        yield client
    finally:
        client.close()
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def prepare_fake(
    fake: httpx.Client,
    faults: Mapping[str, Any],
    counts: Mapping[str, int],
    realistic_scale: int = 0,
) -> dict[str, int]:
    """Empty the fake, seed a realistic account of ``realistic_scale`` customers (if any) and
    ``counts`` of each object, set ``faults`` and zero the counters; answers what it holds."""
    fake.post("/_fake/reset", json={}).raise_for_status()
    fake.post("/_fake/config", json=dict(faults)).raise_for_status()
    seeded: dict[str, int] = {}
    if realistic_scale:
        answer = fake.post("/_fake/seed_realistic", json={"scale": realistic_scale, "seed": 7})
        answer.raise_for_status()
        seeded.update({str(k): int(v) for k, v in answer.json().items()})
    for name, count in counts.items():
        answer = fake.post(
            "/_fake/seed", json={"object": name, "count": count, "return_ids": False}
        )
        answer.raise_for_status()
        seeded[name] = seeded.get(name, 0) + count
    fake.post("/_fake/reset", json={"counters_only": True}).raise_for_status()
    return seeded


def fake_cpu_s(fake: httpx.Client) -> float:
    """User + system CPU of the fake Stripe server so far."""
    times = psutil.Process(fake.fake_pid).cpu_times()  # type: ignore[attr-defined]
    return float(times.user + times.system)


# -- the backfill, in a child process ------------------------------------------------------------


def child(spec: Mapping[str, Any]) -> int:
    """Run one backfill as ``spec`` says; print its figures (and this process's peak RSS)."""
    config = StripeSyncConfig(
        stripe_secret_key=DEFAULT_API_KEY,
        stripe_api_base=spec["api_base"],
        database_url=spec["database_url"],
        schema=SCHEMA,
        backfill_workers=spec["workers"],
        max_requests_per_second=spec["max_rps"],
    )
    # Unlimited: no client-side pacing at all (the config can lift the global rate only).
    limiter = TokenBucketLimiter(global_rps=None, endpoint_rps=None) if spec["unlimited"] else None
    with StripeSync(config, rate_limiter=limiter) as sync:
        result = sync.process_until_done(list(spec["objects"]))
    usage = resource.getrusage(resource.RUSAGE_SELF)
    figures = {
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "status": result.status,
        "elapsed_s": result.elapsed,
        "processed": {name: o.processed for name, o in result.objects.items()},
        "errors": {name: list(errors) for name, errors in result.errors.items()},
        # Linux reports kilobytes.
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }
    print(json.dumps(figures), flush=True)
    return 0


# -- scenarios --------------------------------------------------------------------------------


def scenario_counts(scenario: str, options: Options) -> dict[str, int]:
    """Objects seeded in bulk (``/_fake/seed``) for ``scenario``."""
    if scenario == "heavy":
        return {HEAVY_BULK: options.rows // 4}
    if scenario == "multi":
        names = MULTI_OBJECTS[: options.objects]
        return {name: options.rows // len(names) for name in names}
    return {"customer": options.rows}


def ceiling(scenario: str, objects: int) -> float | None:
    # objects: the list endpoints listed together (heavy: invoices, subscriptions, charges,
    # payment intents).
    """Objects/s the fake's limits allow (pages/s times the page size)."""
    if scenario == "unlimited":
        return None
    return min(GLOBAL_RPS, LIST_RPS * objects) * PAGE_SIZE


def run_scenario(scenario: str, options: Options, fake: httpx.Client, admin_url: str) -> Figures:
    counts = scenario_counts(scenario, options)
    unlimited = scenario == "unlimited"
    # A realistic account has about 1.3 invoices, 1 subscription and 1.3 charges per customer.
    scale = max(10, options.rows * 3 // 4 // 36 * 10) if scenario == "heavy" else 0
    progress(f"{scenario}: seeding ({', '.join(counts)}{', a realistic account' if scale else ''})")
    seeded = prepare_fake(fake, NO_LIMITS if unlimited else STRIPE_LIKE, counts, scale)
    if scenario == "heavy":
        counts = {name: seeded.get(name, 0) for name in (*HEAVY_REALISTIC, HEAVY_BULK)}
    progress(f"{scenario}: {sum(counts.values()):,} objects to list: {counts}")
    with fresh_database(admin_url, scenario) as url:
        progress(f"{scenario}: backfilling")
        server = postmaster(url)
        pg_before = server_cpu_s(server)
        fake_before = fake_cpu_s(fake)
        result = run_child(
            __file__,
            {
                "api_base": str(fake.base_url).rstrip("/"),
                "database_url": url,
                "workers": options.workers,
                # A live key's global rate; the per-endpoint 25/s is the client's default.
                "max_rps": None if unlimited else GLOBAL_RPS,
                "unlimited": unlimited,
                "objects": list(counts),
            },
            "backfill",
        )
        pg_after = server_cpu_s(server)
        fake_used = fake_cpu_s(fake) - fake_before
    stats = fake.get("/_fake/stats").json()["totals"]
    processed = sum(int(n) for n in result["processed"].values())
    pg_cpu = None if pg_before is None or pg_after is None else pg_after - pg_before
    for name, errors in result["errors"].items():
        progress(f"{scenario}: {name} failed: {errors[:2]}")
    return Figures(
        scenario=scenario,
        objects=counts,
        status=str(result["status"]),
        processed=processed,
        elapsed_s=float(result["elapsed_s"]),
        objects_per_s=processed / float(result["elapsed_s"]),
        ceiling_per_s=ceiling(scenario, len(counts)),
        requests=int(stats["requests"]),
        rate_limited=int(stats["rate_limited"]),
        server_errors=int(stats["server_errors"]),
        peak_rss_mb=float(result["peak_rss_mb"]),
        exact=result["status"] == "complete"
        and {k: v for k, v in result["processed"].items() if k in counts} == counts,
        python_cpu_ms=float(result["cpu_s"]) / max(processed, 1) * 1000,
        fake_cpu_ms=fake_used / max(processed, 1) * 1000,
        postgres_cpu_ms=None if pg_cpu is None else pg_cpu / max(processed, 1) * 1000,
    )


def report(results: Sequence[Figures], out: TextIO) -> None:
    header = (
        f"{'scenario':<10} {'objects':>7} {'rows':>9} {'time s':>8} {'obj/s':>8} "
        f"{'ceiling':>8} {'share':>6} {'requests':>8} {'429s':>6} {'5xx':>5} {'RSS MB':>7} "
        f"{'py ms/obj':>9} {'pg ms/obj':>9} {'fake ms/obj':>11} status"
    )
    print(header, file=out)
    print("-" * len(header), file=out)
    for f in results:
        share = f"{f.share:.0%}" if f.share is not None else "-"
        limit = f"{f.ceiling_per_s:,.0f}" if f.ceiling_per_s else "-"
        status = f.status if f.exact else f"{f.status} (NOT EXACT)"
        print(
            f"{f.scenario:<10} {len(f.objects):>7} {f.processed:>9,} {f.elapsed_s:>8.1f} "
            f"{f.objects_per_s:>8,.0f} {limit:>8} {share:>6} {f.requests:>8,} "
            f"{f.rate_limited:>6,} {f.server_errors:>5,} {f.peak_rss_mb:>7.0f} "
            f"{f.python_cpu_ms:>9.3f} "
            f"{'-' if f.postgres_cpu_ms is None else format(f.postgres_cpu_ms, '.3f'):>9} "
            f"{f.fake_cpu_ms:>11.3f} {status}",
            file=out,
        )


def parse_args(argv: Sequence[str] | None) -> Options | dict[str, Any]:
    parser = argparse.ArgumentParser(description="Backfill throughput against a Stripe-like fake.")
    parser.add_argument("--rows", type=int, default=200_000, help="rows per scenario (200000)")
    parser.add_argument(
        "--objects",
        type=int,
        default=len(MULTI_OBJECTS),
        help=f"objects of the multi scenario, 4..{len(MULTI_OBJECTS)} ({len(MULTI_OBJECTS)})",
    )
    parser.add_argument(
        "--workers", type=int, default=64, help="backfill workers (64, the default)"
    )
    parser.add_argument(
        "--scenario",
        action="append",
        choices=SCENARIOS,
        help="run only this scenario (repeatable; default: all)",
    )
    parser.add_argument(
        "--no-limits",
        action="store_true",
        help="only the unlimited scenario (--scenario unlimited)",
    )
    parser.add_argument(
        "--database-url",
        default=None,
        help="a server to create fresh databases on (default: an embedded PostgreSQL in a "
        "temporary directory)",
    )
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        spec: dict[str, Any] = json.loads(args.child)
        return spec
    if args.rows < 100 or args.workers < 1 or not 4 <= args.objects <= len(MULTI_OBJECTS):
        parser.error(f"--rows >= 100, --workers >= 1, --objects in 4..{len(MULTI_OBJECTS)}")
    scenarios = tuple(args.scenario or (("unlimited",) if args.no_limits else SCENARIOS))
    if args.no_limits and "unlimited" not in scenarios:
        scenarios = (*scenarios, "unlimited")
    return Options(
        rows=args.rows,
        objects=args.objects,
        workers=args.workers,
        scenarios=scenarios,
        database_url=args.database_url,
        json=args.json,
    )


def main(argv: Sequence[str] | None = None) -> int:
    options = parse_args(argv)
    if not isinstance(options, Options):
        return child(options)
    with postgres_server(options.database_url) as admin_url, fake_server() as fake:
        results = [run_scenario(s, options, fake, admin_url) for s in options.scenarios]
    out = sys.stderr if options.json else sys.stdout
    report(results, out)
    if options.json:
        print(
            json.dumps([asdict(f) | {"share": f.share} for f in results], sort_keys=True),
            flush=True,
        )
    return 0 if all(f.exact for f in results) else 1


if __name__ == "__main__":
    sys.exit(main())
