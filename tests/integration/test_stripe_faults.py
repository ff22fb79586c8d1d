"""429 and 5xx from Stripe: retries absorb a storm; when they run out, a typed transient error
is raised and nothing is written."""

from __future__ import annotations

from typing import Any

import psycopg
import pytest
from psycopg import sql

from stripe_sync import (
    AsyncStripeSync,
    Outcome,
    StripeAPIError,
    StripeRateLimitError,
    StripeServerError,
)
from stripe_sync.resources import REGISTRY
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync, rows


def table_counts(url: str) -> dict[str, int]:
    """Rows per table of the ``stripe`` schema."""
    with psycopg.connect(url) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'stripe' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        out: dict[str, int] = {}
        for table in tables:
            found = conn.execute(
                sql.SQL("SELECT count(*) FROM stripe.{}").format(sql.Identifier(table))
            ).fetchone()
            assert found is not None
            out[table] = int(found[0])
    return out


async def test_storm_of_429_and_5xx_is_absorbed(fake: FakeStripe, database_url: str) -> None:
    customers = [fake.call("POST", "/v1/customers", {"name": f"c{n}"}) for n in range(10)]
    objects: list[tuple[str, str]] = [("customer", c["id"]) for c in customers]
    for name in ("product", "price", "invoice", "charge"):
        objects += [(name, object_id) for object_id in fake.seed(name, 5)]
    assert len(objects) == 30
    # Events whose payload is stale by the time they are processed: with revalidation the
    # engine fetches the customer instead of trusting the payload.
    updates: list[dict[str, Any]] = []
    for customer in customers[:5]:
        fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "from event"})
        updates.append(fake.events(type_="customer.updated")[0])
        fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "current"})
    fake.configure(rate_limit_probability=0.15, server_error_probability=0.15, seed=11)

    # 10 retries: a request fails for good with probability 0.28**11, about 1e-6.
    async with make_sync(
        fake, database_url, max_retries=10, revalidate_objects_via_stripe_api=("customer",)
    ) as engine:
        events = [await engine.process_event(event) for event in updates]
        results = [await engine.sync_single_entity(object_id) for _, object_id in objects]

    assert [r.outcome for r in events] == [Outcome.WRITTEN] * len(updates)
    # The five revalidated customers were fetched already: syncing them again is a no-op.
    expected = [Outcome.UNCHANGED] * 5 + [Outcome.WRITTEN] * (len(objects) - 5)
    assert [r.outcome for r in results] == expected
    for name, object_id in objects:
        stored = rows(database_url, REGISTRY[name].table)[object_id]
        assert stored["_raw_data"] == fake.get(name, object_id)
    names = {k: v["name"] for k, v in rows(database_url, "customers").items()}
    assert names == {c["id"]: ("current" if i < 5 else f"c{i}") for i, c in enumerate(customers)}
    assert set(rows(database_url, "_processed_events")) == {e["id"] for e in updates}
    totals = fake.stats()["totals"]
    assert totals["rate_limited"] > 0
    assert totals["server_errors"] > 0
    # Every object and every revalidated event needed at least one successful GET.
    assert totals["requests"] - totals["rate_limited"] - totals["server_errors"] >= 35


async def _engine_knowing_its_account(fake: FakeStripe, url: str) -> AsyncStripeSync:
    """An engine with ``max_retries=1`` that has looked up its account while Stripe was well."""
    engine = make_sync(fake, url, max_retries=1, revalidate_objects_via_stripe_api=("customer",))
    await engine.get_current_account()
    return engine


@pytest.mark.parametrize(
    ("faults", "expected", "statuses"),
    [
        ({"server_error_probability": 1.0}, StripeServerError, {500, 502, 503}),
        ({"rate_limit_probability": 1.0}, StripeRateLimitError, {429}),
    ],
    ids=["5xx", "429"],
)
async def test_retries_run_out(
    fake: FakeStripe,
    database_url: str,
    faults: dict[str, Any],
    expected: type[StripeAPIError],
    statuses: set[int],
) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    event = fake.events(type_="customer.created")[0]
    engine = await _engine_knowing_its_account(fake, database_url)
    before = table_counts(database_url)
    fake.configure(seed=5, **faults)
    fake.faults.reset_counters()
    try:
        with pytest.raises(expected) as raised:
            await engine.sync_single_entity(customer["id"])
        error = raised.value
        assert type(error) is expected
        assert error.transient is True
        assert error.status in statuses
        assert error.request_id is not None
        assert error.request_id.startswith("req_")
        # One attempt and max_retries=1 retry, no more.
        assert fake.stats()["requests"] == {"GET /v1/customers/{id}": 2}

        # An event whose object must be fetched fails the same way and is not recorded as
        # processed, so a redelivery applies it later.
        with pytest.raises(expected):
            await engine.process_event(event)
        assert table_counts(database_url) == before

        # Once Stripe recovers, the same calls succeed.
        fake.configure(rate_limit_probability=0.0, server_error_probability=0.0)
        assert (await engine.process_event(event)).outcome is Outcome.WRITTEN
        assert rows(database_url, "customers")[customer["id"]]["name"] == "Ada"
        assert set(rows(database_url, "_processed_events")) == {event["id"]}
    finally:
        await engine.close()


async def test_no_retries_means_one_attempt(fake: FakeStripe, database_url: str) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    async with make_sync(fake, database_url, max_retries=0) as engine:
        await engine.get_current_account()
        fake.configure(server_error_probability=1.0, seed=1)
        fake.faults.reset_counters()
        with pytest.raises(StripeServerError):
            await engine.sync_single_entity(customer["id"])
    assert fake.stats()["totals"]["requests"] == 1
    assert rows(database_url, "customers") == {}
