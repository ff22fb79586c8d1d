"""What ``verify`` costs: Stripe requests and seconds of a first run, of a second run (only the
windows written since are listed again) and of a repair, on a seeded fake account.

The engine talks to an in-process fake Stripe (``httpx.ASGITransport``, no latency, no rate
limit), so the seconds are this machine's work (Python and PostgreSQL), not Stripe's; the
requests are what a real account of that shape would be sent. The tables live in a schema of
their own, dropped at the end.

    .venv/bin/python bench/verify.py --database-url postgresql:///postgres --scale 2000
    .venv/bin/python bench/verify.py --database-url ... --scale 200 --json

Exit 1 when a check fails: drift found in a freshly backfilled mirror, a second run that lists
as much as the first, or drift left after the repair.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

import httpx
import psycopg
from psycopg import sql

from stripe_sync import AsyncStripeSync, StripeSyncConfig, VerifyResult
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe

#: Rows deleted before the repair run, per table.
DRIFT_ROWS = 5


async def bench(database_url: str, scale: int) -> dict[str, Any]:
    schema = f"bench_verify_{os.getpid()}"
    fake = FakeStripe(seed=1)
    config = StripeSyncConfig(
        stripe_secret_key=fake.api_key,
        stripe_api_base="http://fake-stripe",
        database_url=database_url,
        schema=schema,
    )
    figures: dict[str, Any] = {"scale": scale}
    try:
        seeded = fake.seed_realistic(scale)
        figures["objects"] = sum(seeded.values())
        async with AsyncStripeSync(
            config,
            http_transport=httpx.ASGITransport(app=fake.app),
            rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
        ) as sync:
            await sync.run_migrations()
            started = time.perf_counter()
            backfill = await sync.process_until_done("all")
            figures["backfill"] = {
                "seconds": round(time.perf_counter() - started, 2),
                "requests": requests(fake),
                "status": backfill.status,
            }
            await asyncio.sleep(1.0)  # the listings' second comes after the backfill's
            figures["first"] = await timed(sync, fake, repair=False)
            await asyncio.sleep(1.0)
            figures["second"] = await timed(sync, fake, repair=False)
            with psycopg.connect(database_url, autocommit=True) as conn:
                for table in ("_raw_customers", "_raw_invoices", "_raw_charges"):
                    conn.execute(
                        sql.SQL(
                            "DELETE FROM {}.{} WHERE id IN (SELECT id FROM {}.{} "
                            "ORDER BY id LIMIT %s)"
                        ).format(
                            sql.Identifier(schema),
                            sql.Identifier(table),
                            sql.Identifier(schema),
                            sql.Identifier(table),
                        ),
                        (DRIFT_ROWS,),
                    )
            figures["repair"] = await timed(sync, fake, repair=True)
            figures["after"] = await timed(sync, fake, repair=False)
    finally:
        fake.close()
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute(sql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(sql.Identifier(schema)))
    figures["ok"] = (
        figures["first"]["remaining"] == 0
        and figures["second"]["windows_listed"] < figures["first"]["windows_listed"]
        and figures["repair"]["found"] == 3 * DRIFT_ROWS
        and figures["after"]["remaining"] == 0
    )
    return figures


async def timed(sync: AsyncStripeSync, fake: FakeStripe, *, repair: bool) -> dict[str, Any]:
    before = requests(fake)
    started = time.perf_counter()
    result: VerifyResult = await sync.verify("all", repair=repair, settle_seconds=0)
    seconds = time.perf_counter() - started
    deep = [r for r in result.reports if r.check == "deep"]
    checked = sum(r.checked for r in result.reports)
    return {
        "seconds": round(seconds, 2),
        "requests": requests(fake) - before,
        "checked": checked,
        "objects_per_second": round(checked / seconds) if seconds else None,
        "windows_listed": sum(r.windows_listed for r in deep),
        "windows_skipped": sum(r.windows_skipped for r in deep),
        "found": sum(r.drift for r in result.reports),
        "repaired": sum(len(r.repaired) for r in result.reports),
        "remaining": result.remaining,
    }


def requests(fake: FakeStripe) -> int:
    return int(fake.stats()["totals"]["requests"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", required=True, help="a database to work in")
    parser.add_argument("--scale", type=int, default=2000, help="customers (2000)")
    parser.add_argument("--json", action="store_true", help="print one JSON line of figures")
    options = parser.parse_args(argv)
    figures = asyncio.run(bench(options.database_url, options.scale))
    if options.json:
        print(json.dumps(figures))
    else:
        print(f"{figures['objects']:,} objects (scale {options.scale}); backfill:", end=" ")
        print(f"{figures['backfill']['requests']:,} requests, {figures['backfill']['seconds']} s")
        for run in ("first", "second", "repair", "after"):
            f = figures[run]
            print(
                f"{run:>6}: {f['requests']:>6,} requests {f['seconds']:>7} s  "
                f"checked {f['checked']:>7,} ({f['objects_per_second'] or 0:,}/s)  "
                f"windows {f['windows_listed']:,} listed, {f['windows_skipped']:,} skipped  "
                f"drift {f['found']}, repaired {f['repaired']}, remaining {f['remaining']}"
            )
        print("ok" if figures["ok"] else "FAILED", file=sys.stderr)
    return 0 if figures["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
