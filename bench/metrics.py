"""The billing metric views' cost (docs/concepts/metrics.md): time per view on a seeded account.

A fake Stripe account of ``--customers`` customers is seeded (``seed_realistic``: subscriptions
with their items over two years, invoices, charges, refunds), backfilled into the database
through the library (``process_until_done``), then each metric view is read in full
(``SELECT * FROM stripe.<view>``, every row fetched) ``--repeat`` times; the median and the
rows are reported per view. ``--history`` turns history mode on for subscriptions before the
backfill, so the MRR views read their intervals from the recorded versions.

Usage (from the repository root; DATABASE_URL: an empty database, migrated here)::

    .venv/bin/python bench/metrics.py DATABASE_URL --customers 3000
    .venv/bin/python bench/metrics.py DATABASE_URL --customers 1000 --repeat 5 --json
    .venv/bin/python bench/metrics.py DATABASE_URL --reuse      # time again, seed nothing
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import time
from typing import Any

import httpx
import psycopg
from psycopg import sql

from stripe_sync import AsyncStripeSync, StripeSyncConfig, run_migrations
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe

#: What the metric views read.
OBJECTS = ["product", "price", "coupon", "customer", "subscription", "invoice", "charge", "refund"]

#: The views, cheapest layers first.
VIEWS = [
    "subscription_item_intervals",
    "subscription_discount_intervals",
    "mrr_subscription_segments",
    "mrr_daily",
    "mrr_monthly",
    "mrr_movements",
    "active_subscribers",
    "revenue_monthly",
    "payment_failures_monthly",
    "dunning",
]


async def seed(url: str, customers: int, history: bool) -> dict[str, int]:
    run_migrations(url)
    if history:
        with psycopg.connect(url) as conn:
            conn.execute("SELECT stripe.history_enable(ARRAY['subscriptions'])")
    with FakeStripe(seed=11) as fake:
        fake.seed_realistic(customers, seed=11)
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key, stripe_api_base="http://fake-stripe", database_url=url
        )
        async with AsyncStripeSync(
            config,
            http_transport=httpx.ASGITransport(app=fake.app),
            rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
        ) as engine:
            result = await engine.process_until_done(OBJECTS)
        if result.status != "complete":
            raise SystemExit(f"the backfill ended {result.status}")
    counts: dict[str, int] = {}
    with psycopg.connect(url) as conn:
        conn.execute("ANALYZE")
        for table in ("customers", "subscriptions", "subscription_items", "charges", "invoices"):
            row = conn.execute(
                sql.SQL("SELECT count(*) FROM stripe.{}").format(sql.Identifier(table))
            ).fetchone()
            counts[table] = int(row[0]) if row else 0
    return counts


def time_views(url: str, repeat: int) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    with psycopg.connect(url) as conn:
        for view in VIEWS:
            statement = sql.SQL("SELECT * FROM stripe.{}").format(sql.Identifier(view))
            times = []
            found = 0
            for _ in range(repeat):
                started = time.perf_counter()
                found = len(conn.execute(statement).fetchall())
                times.append(time.perf_counter() - started)
            out[view] = {"ms": round(statistics.median(times) * 1000, 1), "rows": found}
    return out


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("database_url", help="an empty database (migrated here)")
    parser.add_argument("--customers", type=int, default=3000, help="customers to seed")
    parser.add_argument("--repeat", type=int, default=3, help="reads per view (median)")
    parser.add_argument("--history", action="store_true", help="history mode on for subscriptions")
    parser.add_argument("--reuse", action="store_true", help="time the views only, seed nothing")
    parser.add_argument("--json", action="store_true", help="one JSON line on stdout")
    args = parser.parse_args(argv)
    counts = (
        {} if args.reuse else asyncio.run(seed(args.database_url, args.customers, args.history))
    )
    views = time_views(args.database_url, args.repeat)
    if args.json:
        print(json.dumps({"counts": counts, "views": views}))
    else:
        if counts:
            print(", ".join(f"{n} {t}" for t, n in counts.items()))
        for view, found in views.items():
            print(f"{view:34} {found['ms']:>10.1f} ms {found['rows']:>8} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
