"""Helpers of the integration tests: an engine wired to the fake Stripe, and row readers."""

from __future__ import annotations

from typing import Any

import httpx
import psycopg
from psycopg import sql

from stripe_sync import AsyncStripeSync, StripeSyncConfig
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe

WEBHOOK_SECRET = "whsec_test_integration_0000000000"


def make_config(fake: FakeStripe, database_url: str, **overrides: Any) -> StripeSyncConfig:
    options: dict[str, Any] = {
        "stripe_secret_key": fake.api_key,
        "stripe_webhook_secret": WEBHOOK_SECRET,
        "stripe_api_base": "http://fake-stripe",
        "database_url": database_url,
        "initial_retry_delay_ms": 1,
        "max_retry_delay_ms": 4,
        **overrides,
    }
    return StripeSyncConfig(**options)


def make_sync(fake: FakeStripe, database_url: str, **overrides: Any) -> AsyncStripeSync:
    """An engine wired to ``fake`` over ASGI, without client-side rate limits."""
    return AsyncStripeSync(
        make_config(fake, database_url, **overrides),
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    )


def rows(url: str, table: str, where: str = "true") -> dict[str, dict[str, Any]]:
    """Every row of ``stripe.<table>`` by id, as dicts (``where`` is a fixed test predicate)."""
    statement = sql.SQL("SELECT * FROM stripe.{} WHERE {} ORDER BY id").format(
        sql.Identifier(table), sql.SQL(where)
    )
    with psycopg.connect(url) as conn:
        cur = conn.execute(statement)
        assert cur.description is not None
        names = [c.name for c in cur.description]
        return {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}


def count(url: str, table: str, where: str = "true") -> int:
    return len(rows(url, table, where))
