"""History mode's storage cost: rows and bytes per version (docs/concepts/history.md).

One subscription with three items is created in the fake Stripe and updated ``N`` times (a
metadata change each second); with history on for subscriptions, its events are applied
through ``process_event``, then the unchanged subscription is synced by id ``N`` times (a
re-fetch of the same content). Prints the rows and ``pg_total_relation_size`` of
``_history`` and ``_history_payloads`` as one JSON line.

Usage (from the repository root; DATABASE_URL: an empty database, migrated here)::

    .venv/bin/python bench/history_cost.py DATABASE_URL 1000
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import httpx
import psycopg

from stripe_sync import AsyncStripeSync, StripeSyncConfig, run_migrations
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe

#: 2025-01-01T00:00:00Z: the fake's clock starts here.
T0 = 1_735_689_600


class Clock:
    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


async def measure(url: str, n: int) -> dict[str, Any]:
    run_migrations(url)
    with psycopg.connect(url) as conn:
        conn.execute("SELECT stripe.history_enable(ARRAY['subscriptions'])")
    clock = Clock(T0)
    with FakeStripe(seed=7, clock=clock) as fake:
        product = fake.call("POST", "/v1/products", {"name": "Plan"})
        prices = [
            fake.call(
                "POST",
                "/v1/prices",
                {
                    "product": product["id"],
                    "currency": "usd",
                    "unit_amount": str(500 * (i + 1)),
                    "recurring": {"interval": "month"},
                },
            )["id"]
            for i in range(3)
        ]
        customer = fake.call("POST", "/v1/customers", {"email": "a@example.com"})
        items = [{"price": p, "quantity": "2"} for p in prices]
        sub = fake.call("POST", "/v1/subscriptions", {"customer": customer["id"], "items": items})
        for step in range(n):
            clock.now += 1
            fake.call("POST", f"/v1/subscriptions/{sub['id']}", {"metadata": {"step": str(step)}})
        events = [
            e for e in reversed(fake.events()) if e["data"]["object"]["object"] == "subscription"
        ]
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key, stripe_api_base="http://fake-stripe", database_url=url
        )
        async with AsyncStripeSync(
            config,
            http_transport=httpx.ASGITransport(app=fake.app),
            rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
        ) as engine:
            for event in events:
                await engine.process_event(event)
            for _ in range(n):
                await engine.sync_single_entity(str(sub["id"]))
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT (SELECT count(*) FROM stripe._history),"
            " (SELECT count(*) FROM stripe._history_payloads),"
            " pg_total_relation_size('stripe._history'),"
            " pg_total_relation_size('stripe._history_payloads'),"
            " (SELECT avg(length(payload::text))::int FROM stripe._history_payloads)"
        ).fetchone()
    assert row is not None
    versions, payloads, history_bytes, payload_bytes, json_bytes = row
    return {
        "updates": n,
        "history_rows": versions,
        "payload_rows": payloads,
        "history_bytes": history_bytes,
        "payload_bytes": payload_bytes,
        "bytes_per_history_row": round(history_bytes / versions),
        "bytes_per_payload": round(payload_bytes / payloads),
        "payload_json_bytes": json_bytes,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(asyncio.run(measure(argv[0], int(argv[1])))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
