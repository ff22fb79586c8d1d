"""What one call of the write path costs per object as the call grows (migration 0033).

A backfill page's child rows (an invoice page's lines) reach the per-table writer
``_write_<table>`` as one call of hundreds of objects. For each size N, N invoice line items of
one invoice are written with ``_write_objects``, then every one of them is changed and written
again ``--calls`` times; each of those calls is timed and must answer ``written`` for all N.
Prints the median microseconds per object for each N (one connection: the time of a call is
the backend's CPU plus a local round trip). A cost that grows with N is a plan that is
quadratic in the rows of a call.

Usage (from the repository root)::

    .venv/bin/python bench/writer_batch.py
    .venv/bin/python bench/writer_batch.py --sizes 100,1000,5000 --calls 7
    .venv/bin/python bench/writer_batch.py --database-url postgresql://postgres@localhost/db

Without ``--database-url`` an embedded PostgreSQL is started in a temporary directory; either
way the database is migrated first. Exit status 1 when a call did not write every object.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from stripe_sync import embedded
from stripe_sync.migrations import run_migrations

T0 = datetime(2026, 1, 1, tzinfo=UTC)
WRITE = (
    "SELECT outcome, count(*) FROM stripe._write_objects("
    "'invoice_line_items', 'acct_bench', %s, %s, 'event', false, 'invoice', %s) GROUP BY 1"
)


def per_object_us(conn: psycopg.Connection[Any], n: int, calls: int) -> float:
    """Median microseconds per object of ``calls`` writes of ``n`` changed line items."""
    invoice = f"in_bench_{n}"
    items: list[dict[str, Any]] = [
        {"id": f"il_{n}_{i}", "object": "line_item", "amount": i, "invoice": invoice}
        for i in range(n)
    ]
    conn.execute(WRITE, (Jsonb(items), T0, invoice)).fetchall()
    times: list[float] = []
    for call in range(1, calls + 1):
        changed = [dict(item, amount=item["amount"] + call) for item in items]
        started = time.perf_counter()
        outcomes = conn.execute(
            WRITE, (Jsonb(changed), T0 + timedelta(seconds=call), invoice)
        ).fetchall()
        times.append(time.perf_counter() - started)
        if outcomes != [("written", n)]:
            raise SystemExit(f"a call of {n} objects answered {outcomes}, not {n} written")
    return 1e6 * statistics.median(times) / n


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,500,1000,2000", help="objects per call (list)")
    parser.add_argument("--calls", type=int, default=5, help="timed calls per size (5)")
    parser.add_argument("--database-url", help="an empty database (default: embedded)")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    data_dir = None
    url = args.database_url
    if url is None:
        data_dir = Path(tempfile.mkdtemp(prefix="writer-batch-"))
        url = embedded.ensure_running(data_dir)
    try:
        run_migrations(url)
        with psycopg.connect(url, autocommit=True) as conn:
            figures = {n: round(per_object_us(conn, n, args.calls), 1) for n in sizes}
    finally:
        if data_dir is not None:
            embedded.stop(data_dir)
    for n, us in figures.items():
        print(f"{n:>6} objects a call: {us:7.1f} us per object")
    print(json.dumps({"calls": args.calls, "us_per_object": figures}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
