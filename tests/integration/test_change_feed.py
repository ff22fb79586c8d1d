"""The change feed: what the write path changes is in it, in order, and nothing is skipped."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import psycopg
import pytest

from stripe_sync import AsyncStripeSync, Change, ChangeFeedExpiredError, StripeSync
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import WEBHOOK_SECRET, make_config


async def read(sync: AsyncStripeSync, **kwargs: Any) -> list[Change]:
    return [c async for c in sync.changes(**kwargs)]


def write(conn: psycopg.Connection[Any], *ids: str, name: str = "x") -> None:
    """Write customers with the write path's SQL function, in ``conn``'s transaction."""
    objects = [{"id": i, "object": "customer", "name": name} for i in ids]
    conn.execute(
        "SELECT * FROM stripe._write_objects('customers', 'acct_1', %s::jsonb, now(), 'fetch')",
        (json.dumps(objects),),
    )


async def test_webhooks_backfill_and_sync_by_id_are_in_the_feed(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    await sync.run_migrations()
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    (created,) = fake.events(type_="customer.created")
    await sync.process_webhook(*fake.signed_event(created, WEBHOOK_SECRET))
    fake.seed("customer", 3)
    await sync.process_until_done("customer")
    fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "Ada L."})
    await sync.sync_single_entity(customer["id"])

    changes = await read(sync)
    assert [c.position for c in changes] == sorted({c.position for c in changes})
    assert (changes[0].table, changes[0].object_id, changes[0].operation) == (
        "customers",
        customer["id"],
        "insert",
    )
    backfilled = {c.object_id for c in changes[1:-1] if c.operation == "insert"}
    assert len(backfilled) == 3
    assert customer["id"] not in backfilled
    assert (changes[-1].object_id, changes[-1].operation) == (customer["id"], "update")
    assert all(c.account_id == fake.account_id for c in changes)
    # A replay writes nothing, so it adds no change.
    await sync.process_webhook(*fake.signed_event(created, WEBHOOK_SECRET))
    assert await read(sync, since=changes[-1].position) == []


async def test_child_rows_and_tombstones_are_in_the_feed(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    await sync.run_migrations()
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})["id"]
    items = []
    for amount in (100, 200):
        product = fake.call("POST", "/v1/products", {"name": "Plan"})["id"]
        price = fake.call(
            "POST",
            "/v1/prices",
            {
                "product": product,
                "currency": "usd",
                "unit_amount": str(amount),
                "recurring": {"interval": "month"},
            },
        )
        items.append({"price": price["id"]})
    fake.call("POST", "/v1/subscriptions", {"customer": customer, "items": items})
    (created,) = fake.events(type_="customer.subscription.created")
    await sync.process_event(created)
    start = (await read(sync))[-1].position
    fake.call("DELETE", f"/v1/customers/{customer}")
    (deleted,) = fake.events(type_="customer.deleted")
    await sync.process_event(deleted)

    everything = [(c.table, c.operation) for c in await read(sync) if c.position <= start]
    assert ("subscriptions", "insert") in everything
    assert everything.count(("subscription_items", "insert")) == 2
    after = await read(sync, since=start)
    assert ("customers", customer, "delete") in [(c.table, c.object_id, c.operation) for c in after]
    only_items = await read(sync, tables=["subscription_item"])
    assert {c.table for c in only_items} == {"subscription_items"}
    assert len(only_items) >= 2


async def test_a_transaction_that_commits_later_is_not_skipped(
    sync: AsyncStripeSync, database_url: str
) -> None:
    """T1 writes first (the lower position), T2 writes and commits, T1 commits last: a reader
    must never deliver T2's change before T1's can no longer come."""
    await sync.run_migrations()
    with (
        psycopg.connect(database_url) as t1,
        psycopg.connect(database_url) as t2,
    ):
        write(t1, "cus_first")
        write(t2, "cus_second")
        t2.commit()
        # T2 committed, but T1 (an older transaction) still runs: nothing is final yet.
        assert await read(sync) == []
        following = sync.changes(follow=True)
        follower = asyncio.create_task(anext(following))
        await asyncio.sleep(0.3)
        assert not follower.done()
        t1.commit()
        first = await asyncio.wait_for(follower, 10)
        await following.aclose()
    changes = await read(sync)
    assert [c.object_id for c in changes] == ["cus_first", "cus_second"]
    assert first.object_id == "cus_first"
    assert changes[0].position < changes[1].position
    # A reader that read while T1 ran got nothing (above), not cus_second alone, which would
    # have put its position past cus_first's for good.


async def test_held_back_changes_come_when_an_older_transaction_ends_without_writing(
    sync: AsyncStripeSync, database_url: str
) -> None:
    """An older transaction that writes no object row (so sends no NOTIFY) holds changes back;
    the follower still delivers them once it ends."""
    await sync.run_migrations()
    with psycopg.connect(database_url) as older, psycopg.connect(database_url) as t2:
        older.execute("SELECT pg_current_xact_id()")  # takes a transaction id, writes nothing
        following = sync.changes(follow=True)
        follower = asyncio.create_task(anext(following))
        await asyncio.sleep(0.2)
        write(t2, "cus_held")
        t2.commit()
        await asyncio.sleep(0.3)
        assert not follower.done()
        older.rollback()
        change = await asyncio.wait_for(follower, 10)
        await following.aclose()
    assert change.object_id == "cus_held"


async def test_a_named_consumer_resumes_after_the_last_change_it_processed(
    sync: AsyncStripeSync, database_url: str
) -> None:
    await sync.run_migrations()
    with psycopg.connect(database_url) as conn:
        write(conn, "cus_a", "cus_b", "cus_c")
    seen = []
    async for change in sync.changes(consumer="app"):
        seen.append(change.object_id)
        if len(seen) == 2:
            break  # cus_b was being processed: it comes again
    rest = [c.object_id for c in await read(sync, consumer="app")]
    assert rest == ["cus_b", "cus_c"]
    assert await read(sync, consumer="app") == []
    state = await sync.change_feed()
    assert state.consumers["app"] == state.newest


async def test_a_reader_behind_the_retention_gets_an_error_not_a_gap(
    sync: AsyncStripeSync, database_url: str
) -> None:
    await sync.run_migrations()
    with psycopg.connect(database_url) as conn:
        write(conn, "cus_old")
    old = await read(sync)
    async for _ in sync.changes(consumer="slow"):
        pass
    with psycopg.connect(database_url) as conn:
        write(conn, "cus_old2")
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE stripe._change_feed SET changed_at = now() - interval '8 days'")
        write(conn, "cus_new")
    assert await sync.prune_changes(retention_days=7) == 2
    with pytest.raises(ChangeFeedExpiredError, match="pruned") as caught:
        await read(sync, since=old[0].position)
    assert caught.value.pruned_through > old[0].position
    with pytest.raises(ChangeFeedExpiredError):
        await read(sync, consumer="slow")
    # From the oldest change kept, or from the recorded gap: no error.
    assert [c.object_id for c in await read(sync)] == ["cus_new"]
    assert [c.object_id for c in await read(sync, since=caught.value.pruned_through)] == ["cus_new"]


async def test_turned_off_the_feed_records_nothing_and_turned_on_records_the_gap(
    sync: AsyncStripeSync, database_url: str
) -> None:
    await sync.run_migrations()
    with psycopg.connect(database_url) as conn:
        write(conn, "cus_1")
    (before,) = await read(sync)
    assert not (await sync.change_feed(enabled=False)).enabled
    with psycopg.connect(database_url) as conn:
        write(conn, "cus_2")
    assert (await sync.change_feed(enabled=True)).enabled
    with psycopg.connect(database_url) as conn:
        write(conn, "cus_3")
    with pytest.raises(ChangeFeedExpiredError):
        await read(sync, since=before.position)
    assert [c.object_id for c in await read(sync)] == ["cus_3"]


def test_the_sync_engine_iterates_the_same_changes(fake: FakeStripe, database_url: str) -> None:
    with StripeSync(make_config(fake, database_url)) as sync:
        sync.run_migrations()
        with psycopg.connect(database_url) as conn:
            write(conn, "cus_1", "cus_2")
        assert [c.object_id for c in sync.changes()] == ["cus_1", "cus_2"]
        first = next(iter(sync.changes(since="now", follow=False)), None)
        assert first is None
