"""``wait_until_synced``: read-after-write on the database's own notifications.

The fake runs on a manual clock, so each test decides which events share a second. Events are
applied by a second engine or by SQL on a connection of its own, so what wakes a wait is the
database's NOTIFY, never something inside the waiting process.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from datetime import datetime
from typing import Any

import httpx
import psycopg
import pytest
import stripe

from stripe_sync import AsyncStripeSync, StripeSync
from stripe_sync.errors import ConfigError, UnknownObjectError
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_config, make_sync
from tests.integration.test_process_event import T0, Clock

#: Long enough that a wait still pending after it was not woken, short for a test.
SETTLE = 0.3


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def fake(clock: Clock) -> Iterator[FakeStripe]:
    with FakeStripe(seed=7, clock=clock) as fake:
        yield fake


@pytest.fixture
async def writer(fake: FakeStripe, database_url: str) -> AsyncIterator[AsyncStripeSync]:
    """Another engine (its own pool) that applies the events the waits wait for."""
    async with make_sync(fake, database_url) as engine:
        yield engine


def create_customer(fake: FakeStripe, name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The customer as the API answered, and its ``customer.created`` event."""
    customer = fake.call("POST", "/v1/customers", {"name": name})
    return customer, newest_event(fake, customer["id"])


def newest_event(fake: FakeStripe, object_id: str) -> dict[str, Any]:
    return next(e for e in fake.events() if e["data"]["object"]["id"] == object_id)


def listeners(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT count(*) FROM stripe._write_listeners").fetchone()
    assert row is not None
    return int(row[0])


async def still_waiting(task: asyncio.Task[None]) -> bool:
    await asyncio.sleep(SETTLE)
    return not task.done()


async def test_unblocks_on_the_write_it_waited_for_not_before(
    sync: AsyncStripeSync, writer: AsyncStripeSync, fake: FakeStripe, clock: Clock
) -> None:
    _, created = create_customer(fake, "Ada")
    clock.tick()
    _, other = create_customer(fake, "Grace")

    waiting = asyncio.create_task(sync.wait_until_synced(created, timeout=20))
    assert await still_waiting(waiting)
    # A write of the same table (notified) that is not the one waited for.
    await writer.process_event(other)
    assert await still_waiting(waiting)

    # The delayed delivery: the wait returns at its commit, once the row is there.
    delivered = time.monotonic()
    await writer.process_event(created)
    await asyncio.wait_for(waiting, timeout=5)
    assert time.monotonic() - delivered < 2


async def test_returns_at_once_when_already_synced(
    sync: AsyncStripeSync, writer: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer, created = create_customer(fake, "Ada")
    await writer.process_event(created)

    # timeout=0: one look after listening, no wait at all.
    await sync.wait_until_synced(created, timeout=0)
    await sync.wait_until_synced(customer, timeout=0)
    await sync.wait_until_synced(customer["id"], timeout=0)
    await sync.wait_until_synced(customer["id"], at=created["created"], timeout=0)
    # As the Stripe SDK gives them.
    await sync.wait_until_synced(stripe.Event.construct_from(created, "sk_test_x"), timeout=0)
    await sync.wait_until_synced(stripe.Customer.construct_from(customer, "sk_test_x"), timeout=0)
    # A waiter is registered only while someone listens (here: until the engine closes).
    assert listeners(database_url) == 1
    await sync.close()
    assert listeners(database_url) == 0


async def test_an_older_version_in_the_mirror_does_not_satisfy_it(
    sync: AsyncStripeSync, writer: AsyncStripeSync, fake: FakeStripe, clock: Clock
) -> None:
    customer, created = create_customer(fake, "Ada")
    await writer.process_event(created)
    clock.tick()
    renamed = fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "Ada Lovelace"})
    updated = newest_event(fake, customer["id"])
    assert updated["type"] == "customer.updated"

    for target, at in ((updated, None), (renamed, None), (customer["id"], updated["created"])):
        with pytest.raises(TimeoutError):
            await sync.wait_until_synced(target, at=at, timeout=SETTLE)

    waiting = asyncio.gather(
        sync.wait_until_synced(updated, timeout=20),
        sync.wait_until_synced(renamed, timeout=20),
        sync.wait_until_synced(customer["id"], at=updated["created"], timeout=20),
    )
    await writer.process_event(updated)
    await asyncio.wait_for(waiting, timeout=5)
    # The older version is satisfied by the newer row too.
    await sync.wait_until_synced(created, timeout=0)


async def test_a_write_by_sql_wakes_it(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    # Any runtime writes through the same SQL functions (edge functions, a person in psql).
    customer, _ = create_customer(fake, "Ada")
    waiting = asyncio.create_task(sync.wait_until_synced(customer["id"], timeout=20))
    assert await still_waiting(waiting)
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(
            "SELECT * FROM stripe._write_objects('customers', %s, %s::jsonb, now(), 'fetch')",
            (fake.account_id, psycopg.types.json.Jsonb([customer])),
        )
    await asyncio.wait_for(waiting, timeout=5)


async def test_timeout_says_what_was_awaited(sync: AsyncStripeSync, fake: FakeStripe) -> None:
    _, created = create_customer(fake, "Ada")
    started = time.monotonic()
    with pytest.raises(TimeoutError, match=rf"event {created['id']} \(customers cus_\w+\).*0.5 s"):
        await sync.wait_until_synced(created, timeout=0.5)
    assert time.monotonic() - started >= 0.5


async def test_tombstone_satisfies_it(
    sync: AsyncStripeSync, writer: AsyncStripeSync, fake: FakeStripe, clock: Clock
) -> None:
    customer, created = create_customer(fake, "Ada")
    await writer.process_event(created)
    clock.tick()
    fake.call("DELETE", f"/v1/customers/{customer['id']}")
    deleted = newest_event(fake, customer["id"])
    waiting = asyncio.create_task(sync.wait_until_synced(deleted, timeout=20))
    assert await still_waiting(waiting)
    await writer.process_event(deleted)
    await asyncio.wait_for(waiting, timeout=5)


async def test_notifies_only_while_someone_listens(
    sync: AsyncStripeSync, writer: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    with psycopg.connect(database_url, autocommit=True) as spy:
        channel = spy.execute("SELECT stripe._written_channel()").fetchone()
        assert channel is not None
        spy.execute(psycopg.sql.SQL("LISTEN {}").format(psycopg.sql.Identifier(channel[0])))

        _, first = create_customer(fake, "Ada")
        await writer.process_event(first)
        assert list(spy.notifies(timeout=SETTLE)) == []  # no listener registered

        customer, second = create_customer(fake, "Grace")
        waiting = asyncio.create_task(sync.wait_until_synced(customer, timeout=20))
        assert await still_waiting(waiting)
        await writer.process_event(second)
        await asyncio.wait_for(waiting, timeout=5)
        notes = list(spy.notifies(timeout=SETTLE, stop_after=1))
        assert [n.payload for n in notes] == ["customers"]


async def test_bad_targets_are_refused(sync: AsyncStripeSync) -> None:
    with pytest.raises(UnknownObjectError):
        await sync.wait_until_synced("zz_unknown_prefix", timeout=0)
    with pytest.raises(ConfigError, match="not int"):
        await sync.wait_until_synced(42, timeout=0)
    with pytest.raises(ConfigError, match="no string id"):
        await sync.wait_until_synced({"object": "customer"}, timeout=0)
    with pytest.raises(ConfigError, match="timezone-aware"):
        await sync.wait_until_synced("cus_1", at=datetime(2025, 1, 1), timeout=0)


def test_the_sync_twin(fake: FakeStripe, database_url: str) -> None:
    customer, created = create_customer(fake, "Ada")
    with StripeSync(
        make_config(fake, database_url),
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    ) as sync:
        with pytest.raises(TimeoutError):
            sync.wait_until_synced(customer, timeout=SETTLE)
        sync.process_event(created)
        sync.wait_until_synced(customer, timeout=0)


async def test_closing_the_engine_ends_a_wait(sync: AsyncStripeSync, fake: FakeStripe) -> None:
    _, created = create_customer(fake, "Ada")
    waiting = asyncio.create_task(sync.wait_until_synced(created, timeout=20))
    assert await still_waiting(waiting)
    await sync.close()
    with pytest.raises(ConfigError, match="closed"):
        await asyncio.wait_for(waiting, timeout=5)
