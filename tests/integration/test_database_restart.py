"""A database that goes away and comes back: a clear transient error, then nothing lost."""

from __future__ import annotations

import pytest

from stripe_sync import DatabaseUnavailableError, Outcome, PoolConfig
from stripe_sync.testing import FakeStripe
from tests.conftest import RestartablePostgres
from tests.integration.helpers import make_sync, rows
from tests.support.waiting import until


async def test_restart_and_outage(fake: FakeStripe, restartable_pg15: RestartablePostgres) -> None:
    server = restartable_pg15
    url = server.url
    first = fake.call("POST", "/v1/customers", {"email": "one@example.com"})
    second = fake.call("POST", "/v1/customers", {"email": "two@example.com"})
    created = {e["data"]["object"]["id"]: e for e in fake.events(type_="customer.created")}
    pool = PoolConfig(min_size=2, max_size=2, connect_timeout_seconds=1)
    async with make_sync(fake, url, pool_config=pool) as sync:
        assert (await sync.process_event(created[first["id"]])).outcome is Outcome.WRITTEN

        # Restart: pooled connections are now broken; the next call gets a fresh one.
        server.stop()
        server.start()
        assert (await sync.process_event(created[second["id"]])).outcome is Outcome.WRITTEN

        # Outage: a transient error that says so, and no secret in it.
        server.stop()
        update = fake.call("POST", f"/v1/customers/{first['id']}", {"name": "Renamed"})
        event = fake.events(type_="customer.updated")[0]
        with pytest.raises(DatabaseUnavailableError) as caught:
            await sync.process_event(event)
        assert caught.value.transient
        assert fake.api_key not in str(caught.value)

        # Back up: the same event, redelivered as Stripe does until it is accepted, applies.
        # The pool reconnects with psycopg_pool's backoff (seconds), so the first redeliveries
        # may still get the transient error.
        server.start()

        async def redeliver() -> Outcome | None:
            try:
                return (await sync.process_event(event)).outcome
            except DatabaseUnavailableError:
                return None

        outcome = await until(redeliver, "the redelivered event to apply", interval=0.2)
        assert outcome == Outcome.WRITTEN
    stored = rows(url, "customers")
    assert stored[first["id"]]["name"] == update["name"] == "Renamed"
    assert stored[second["id"]]["email"] == "two@example.com"
