"""How close ``stripe-sync backfill --estimate`` comes to the run it estimates.

Seeds the fake Stripe server (a separate process, with Stripe's latency and limits: 300 ± 100 ms,
100 requests/s overall, 25/s per list endpoint) with skewed creation dates, asks the engine for
an estimate (a live key's limits), then runs the backfill into a fresh database and prints, per
object, estimated and real objects, requests (the fake's counters, 429s included) and seconds
(until the object's last window completed).

    .venv/bin/python bench/estimate.py               # ~65,000 objects, about half a minute
    .venv/bin/python bench/estimate.py --scale 0.2 --json
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from typing import Any

import httpx
import psycopg

# The benches are scripts, not a package: shared helpers live beside this file.
from backfill import GLOBAL_RPS, SCHEMA, STRIPE_LIKE, fake_cpu_s, fake_server, fresh_database
from stripe_sync import StripeSync, StripeSyncConfig
from stripe_sync.resources import get
from stripe_sync.simulation import COMMIT_SECONDS
from stripe_sync.testing import DEFAULT_API_KEY
from webhooks import postgres_server, postmaster, server_cpu_s

DAY = 86_400


def skewed(now: int, scale: float, tail: float) -> dict[str, list[tuple[int, int, int]]]:
    """Per object, ``(count, created from, created to)`` parts: a burst of sign-ups over a long
    sparse tail, an old bulk import (one day) and a trickle, steady charges busier in the last week.
    ``tail`` scales the customers' tail and the products' trickle: the denser they are, the
    shorter the span of one page of them, and the likelier the sampling misses the burst."""
    parts = {
        "customer": [(24_000, now - 100 * DAY, now - 99 * DAY), (6_000, now - 730 * DAY, now)],
        "product": [(10_000, now - 500 * DAY, now - 499 * DAY), (2_000, now - 490 * DAY, now)],
        "charge": [(12_000, now - 730 * DAY, now), (11_000, now - 7 * DAY, now)],
    }  # fmt: skip
    for name in ("customer", "product"):
        count, lo, hi = parts[name][1]
        parts[name][1] = (int(count * tail), lo, hi)
    return {n: [(max(1, int(c * scale)), lo, hi) for c, lo, hi in p] for n, p in parts.items()}


def seed(
    fake: httpx.Client, plan: dict[str, list[tuple[int, int, int]]], list_rps: float | None
) -> dict[str, int]:
    fake.post("/_fake/reset", json={}).raise_for_status()
    for name, parts in plan.items():
        for count, lo, hi in parts:
            body = {"object": name, "count": count, "created_range": [lo, hi], "return_ids": False}
            fake.post("/_fake/seed", json=body).raise_for_status()
    limits = {**STRIPE_LIKE, **({"list_rps": list_rps} if list_rps else {})}
    fake.post("/_fake/config", json=limits).raise_for_status()
    return {name: sum(c for c, _, _ in parts) for name, parts in plan.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply the seeded counts")
    parser.add_argument("--database-url", default=None, help="a server to create databases on")
    parser.add_argument("--tail", type=float, default=1.0, help="scale the sparse tails")
    parser.add_argument("--objects", nargs="*", default=None, help="only these of the three")
    parser.add_argument(
        "--list-rps",
        type=float,
        default=None,
        help="requests/s per list endpoint, the fake's and the engine's (default Stripe's 25): "
        "lower, the limits rather than this machine's CPU set the pace of the run",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    now = int(time.time())
    with postgres_server(args.database_url) as admin_url, fake_server() as fake:
        plan = skewed(now, args.scale, args.tail)
        seeded = seed(
            fake, {n: p for n, p in plan.items() if n in (args.objects or plan)}, args.list_rps
        )
        with fresh_database(admin_url, "estimate") as url:
            config = StripeSyncConfig(
                stripe_secret_key=DEFAULT_API_KEY,
                stripe_api_base=str(fake.base_url).rstrip("/"),
                database_url=url,
                schema=SCHEMA,
                # A live key's global rate (the fake's key is a test key).
                max_requests_per_second=GLOBAL_RPS,
                max_requests_per_second_per_endpoint=args.list_rps,
            )
            names = list(seeded)
            with StripeSync(config) as sync:
                estimate = sync.estimate_backfill(names)
            fake.post("/_fake/reset", json={"counters_only": True}).raise_for_status()
            # Where the run's CPU went: this machine runs the fake too, which Stripe does not.
            pg = postmaster(url)
            cpu_before = (time.process_time(), fake_cpu_s(fake), server_cpu_s(pg))
            with StripeSync(config) as sync:
                result = sync.process_until_done(names)
            engine_s, fake_s = time.process_time() - cpu_before[0], fake_cpu_s(fake) - cpu_before[1]
            pg_after = server_cpu_s(pg)
            pg_s = pg_after - cpu_before[2] if pg_after is not None and cpu_before[2] else None
            stats = fake.get("/_fake/stats").json()
            with psycopg.connect(url) as conn:
                finished: dict[str, Any] = dict(
                    conn.execute(
                        "SELECT w.object, extract(epoch FROM max(w.completed_at) - r.started_at)"
                        " FROM stripe._sync_obj_runs w JOIN stripe._sync_runs r"
                        " ON r.id = w.run_id WHERE w.run_id = %s GROUP BY 1, r.started_at",
                        (result.run_id,),
                    ).fetchall()
                )
    rows: dict[str, Any] = {}
    for name in names:
        est = estimate.objects[name]
        rows[name] = {
            "objects": [est.objects, result.objects[name].processed],
            "requests": [est.requests, int(stats["requests"].get(f"GET {get(name).list_path}", 0))],
            "seconds": [round(est.seconds, 1), round(float(finished[name]), 1)],
            "sample_requests": est.sample_requests,
            # The page round trip the simulation used, measured on this object's sampling.
            "page_seconds": round(estimate.latencies.get(name, estimate.limits.latency), 3),
            # One page's write the simulation counted, measured on a sampling page.
            "page_write_seconds": round(estimate.page_seconds.get(name, COMMIT_SECONDS), 4),
        }
    rows["total"] = {
        "objects": [estimate.total_objects, result.processed],
        "requests": [estimate.requests, sum(r["requests"][1] for r in rows.values())],
        "seconds": [round(estimate.seconds, 1), round(result.elapsed, 1)],
        "sample_requests": estimate.sample_requests,
        "cpu_seconds": {
            "engine": round(engine_s, 2),
            "fake": round(fake_s, 2),
            "postgres": round(pg_s, 2) if pg_s is not None else None,
        },
    }
    if args.json:
        print(json.dumps(rows))
        return 0
    heads = ("objects est/real", "requests est/real", "seconds est/real")
    print(f"{'object':<10} " + " ".join(f"{h:>18}" for h in heads))
    for name, r in rows.items():
        cells = [f"{a:,} / {b:,}" for a, b in (r["objects"], r["requests"])]
        cells.append(f"{r['seconds'][0]} / {r['seconds'][1]}")
        print(f"{name:<10} {cells[0]:>18} {cells[1]:>18} {cells[2]:>18}")
    trips = ", ".join(f"{n} {rows[n]['page_seconds'] * 1000:.0f}" for n in names)
    cpu = rows["total"]["cpu_seconds"]
    print(f"the run's CPU seconds: engine {cpu['engine']}, fake Stripe {cpu['fake']}, "
          f"PostgreSQL {cpu['postgres']}")  # fmt: skip
    writes = ", ".join(f"{n} {rows[n]['page_write_seconds'] * 1000:.1f}" for n in names)
    print(f"page round trips (ms, measured per object): {trips}; "
          f"sampling took {estimate.sample_requests} requests")  # fmt: skip
    print(f"page writes (ms, measured per object): {writes}; "
          f"{estimate.limits.database_slots} written at once")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
