"""The Events API poller end to end: the fake Stripe's ``/v1/events``, the engine, PostgreSQL.

Changes are made through the fake's API (``fake.call``), which records an event for each, as
Stripe does; the poller must bring the database to the fake's state from those events alone.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql

from stripe_sync import AsyncStripeSync, DatabaseUnavailableError, PoolConfig, StripeSync
from stripe_sync.ingest import SyncResult
from stripe_sync.poller import EventPoller, PollResult
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import count, make_config, make_sync, rows
from tests.support.waiting import until


def cursor_row(url: str, account_id: str) -> tuple[str | None, datetime] | None:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT last_event_id, last_event_created FROM stripe._event_cursors "
            "WHERE account_id = %s",
            (account_id,),
        ).fetchone()
    return (row[0], row[1]) if row else None


def processed_ids(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {r[0] for r in conn.execute("SELECT id FROM stripe._processed_events")}


def create_customer(fake: FakeStripe, name: str, account: str | None = None) -> str:
    return str(fake.call("POST", "/v1/customers", {"name": name}, account=account)["id"])


def assert_mirrors(fake: FakeStripe, url: str, ids: list[str], account: str | None = None) -> None:
    """Each customer's row holds the fake's current object (or is its tombstone)."""
    stored = rows(url, "customers")
    for customer_id in ids:
        row = stored[customer_id]
        assert row["_account_id"] == (account or fake.account_id)
        live = fake.get("customer", customer_id, account=account)
        if live.get("deleted"):
            assert row["deleted"] is True, customer_id
        else:
            assert row["deleted"] is False, customer_id
            assert row["_raw_data"] == live, customer_id


def recording_poller(
    sync: AsyncStripeSync,
    store: Any,
    order: list[str],
    before: Callable[[dict[str, Any]], Awaitable[None]] | None = None,
) -> EventPoller:
    """A poller applying through the engine's ``process_event`` and noting the order in which
    it hands events over (a page's events are applied together, as write groups that keep it)."""

    async def apply(event: dict[str, Any]) -> SyncResult:
        order.append(str(event["id"]))
        if before is not None:
            await before(event)
        return await sync.process_event(event)

    return EventPoller(store, sync._stripe, sync.config, apply)


async def test_first_poll_takes_a_baseline_and_applies_nothing(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    create_customer(fake, "old news")
    newest = fake.events()[0]["id"]

    result = await sync.poll_events()

    assert result.baseline
    assert result.applied == 0
    assert not result.cursor_expired
    assert result.cursor == newest
    assert cursor_row(database_url, fake.account_id) == (
        newest,
        datetime.fromtimestamp(fake.events()[0]["created"], UTC),
    )
    assert count(database_url, "customers") == 0


async def test_changes_after_the_baseline_are_applied_once(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    kept = create_customer(fake, "before the baseline")
    await sync.poll_events()
    created = create_customer(fake, "Ada")
    fake.call("POST", f"/v1/customers/{created}", {"name": "Ada Lovelace"})
    gone = create_customer(fake, "Grace")
    fake.call("DELETE", f"/v1/customers/{gone}")
    fake.call("POST", f"/v1/customers/{kept}", {"email": "kept@example.com"})

    result = await sync.poll_events()

    # The five new events, and the baseline event: it is within the overlap re-read before the
    # cursor, and was never applied.
    assert result.applied == 6
    assert not result.baseline
    assert result.by_outcome == {"written": 5, "deleted": 1}
    assert result.cursor == fake.events()[0]["id"]
    assert result.lag is not None
    assert result.lag >= 0
    assert_mirrors(fake, database_url, [created, gone, kept])
    assert rows(database_url, "customers")[created]["_raw_data"]["name"] == "Ada Lovelace"

    again = await sync.poll_events()
    assert again.applied == 0
    assert again.by_outcome == {}
    # The overlap before the cursor was read again and recognised, not applied.
    assert again.already_processed >= 1
    assert again.cursor == result.cursor
    assert again.lag is None


async def test_many_events_are_applied_oldest_first_page_by_page(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    await sync.poll_events()  # baseline: no events yet
    ids = [create_customer(fake, f"customer {i}") for i in range(60)]
    for i, customer_id in enumerate(ids):
        fake.call("POST", f"/v1/customers/{customer_id}", {"name": f"renamed {i}"})
    for customer_id in ids[:15]:
        fake.call("DELETE", f"/v1/customers/{customer_id}")
    expected = [e["id"] for e in reversed(fake.events())]
    assert len(expected) == 135

    order: list[str] = []
    poller = recording_poller(sync, await sync._open_store(), order)
    result = await poller.catch_up(fake.account_id)

    assert order == expected
    assert result.applied == 135
    assert result.pages >= 2
    # An update in the same second as the delete re-fetches the customer and finds it gone.
    assert sum(result.by_outcome.values()) == 135
    assert_mirrors(fake, database_url, ids)
    stored = rows(database_url, "customers")
    assert count(database_url, "customers", "deleted") == 15
    assert stored[ids[20]]["_raw_data"]["name"] == "renamed 20"  # the update won
    assert stored[ids[3]]["deleted"] is True  # the delete after the update left a tombstone
    assert cursor_row(database_url, fake.account_id) == (
        expected[-1],
        datetime.fromtimestamp(fake.events()[0]["created"], UTC),
    )
    assert (await sync.poll_events()).applied == 0


async def test_since_applies_history_without_a_cursor(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    ids = [create_customer(fake, f"c{i}") for i in range(3)]

    result = await sync.poll_events(since=datetime.now(UTC) - timedelta(hours=1))

    assert result.applied == 3
    assert not result.baseline
    assert_mirrors(fake, database_url, ids)
    assert cursor_row(database_url, fake.account_id) is not None


async def test_an_event_visible_late_in_the_overlap_is_applied(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    """An event older than the cursor that Stripe lists only now (it became visible late) is
    applied by the next pass, which re-reads the seconds before the cursor."""
    await sync.poll_events()
    first = create_customer(fake, "seen")
    await sync.poll_events()
    late = fake.call("POST", "/v1/customers", {"name": "late"})
    # Make the new event look as old as the cursor's second: it sorts before the cursor.
    event = fake.events()[0]
    with fake.store.lock:
        table = fake.store.platform.table("event")
        table.remove(event["id"])
        event["created"] -= 2
        table.insert(event)

    result = await sync.poll_events()

    assert result.applied == 1
    assert_mirrors(fake, database_url, [first, str(late["id"])])


async def test_database_outage_mid_pass_does_not_advance_past_unapplied_events(
    fake: FakeStripe, database_url: str, pg_admin_url: str
) -> None:
    dbname = psycopg.conninfo.conninfo_to_dict(database_url)["dbname"]
    assert isinstance(dbname, str)

    def allow_connections(allowed: bool) -> None:
        with psycopg.connect(pg_admin_url, autocommit=True) as admin:
            admin.execute(
                sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS {}").format(
                    sql.Identifier(dbname), sql.Literal(allowed)
                )
            )
            if not allowed:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    (dbname,),
                )

    config = {"pool_config": PoolConfig(connect_timeout_seconds=1)}
    async with make_sync(fake, database_url, **config) as sync:
        await sync.poll_events()
        ids = [create_customer(fake, f"customer {i}") for i in range(250)]
        expected = [e["id"] for e in reversed(fake.events())]
        failing = expected[150]

        async def outage(event: dict[str, Any]) -> None:
            if event["id"] == failing:
                await asyncio.to_thread(allow_connections, False)

        order: list[str] = []
        poller = recording_poller(sync, await sync._open_store(), order, outage)
        try:
            with pytest.raises(DatabaseUnavailableError):
                await poller.catch_up(fake.account_id)
        finally:
            allow_connections(True)

        # Handed over oldest first, up to the page that failed (applied together).
        assert order == expected[: len(order)]
        assert len(order) > 150
        stored = cursor_row(database_url, fake.account_id)
        assert stored is not None
        assert stored[0] in expected
        done = processed_ids(database_url)
        # Everything up to the cursor was applied; the failed event was not, and is after it.
        assert set(expected[: expected.index(stored[0]) + 1]) <= done
        assert failing not in done
        assert expected.index(stored[0]) < expected.index(failing)

        # The pool reconnects in the background, with its own backoff: wait until it has.
        async def reconnected() -> bool:
            try:
                await sync.ping()
            except DatabaseUnavailableError:
                return False
            return True

        await until(reconnected, "the pool to reconnect", interval=0.1)
        result = await sync.poll_events()

        # The failed page again (what of it was applied before the outage is only counted),
        # and the page after it.
        assert result.applied >= 50
        assert result.applied + result.already_processed >= len(expected) - 100
        assert processed_ids(database_url) >= set(expected)
        assert_mirrors(fake, database_url, ids)
        assert result.cursor == expected[-1]


async def test_a_cursor_older_than_the_retention_is_reported_expired(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    create_customer(fake, "a")
    await sync.poll_events()
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "UPDATE stripe._event_cursors SET last_event_created = now() - interval '31 days'"
        )
    missed = create_customer(fake, "missed")

    with caplog.at_level(logging.WARNING, logger="stripe_sync.poller"):
        result = await sync.poll_events()

    assert result.cursor_expired
    assert result.baseline
    assert result.applied == 0
    assert result.cursor == fake.events()[0]["id"]
    assert cursor_row(database_url, fake.account_id) == (
        fake.events()[0]["id"],
        datetime.fromtimestamp(fake.events()[0]["created"], UTC),
    )
    warning = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warning) == 1
    assert "missing" in warning[0].getMessage()
    assert "backfill" in warning[0].getMessage()
    assert missed not in rows(database_url, "customers")
    # From the new baseline on, polling works again.
    later = create_customer(fake, "later")
    after = await sync.poll_events()
    assert not after.cursor_expired
    assert after.applied >= 1
    assert later in rows(database_url, "customers")


async def test_a_cursor_stripe_no_longer_lists_is_reported_expired(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    create_customer(fake, "a")
    await sync.poll_events()
    with psycopg.connect(database_url) as conn:
        conn.execute("UPDATE stripe._event_cursors SET last_event_id = 'evt_forgotten'")

    with caplog.at_level(logging.WARNING, logger="stripe_sync.poller"):
        result = await sync.poll_events()

    assert result.cursor_expired
    assert result.cursor == fake.events()[0]["id"]
    assert any("evt_forgotten" in r.getMessage() for r in caplog.records)


async def test_connected_account_events_are_polled_with_stripe_account(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    connected = fake.add_account()
    await sync.poll_events()
    await sync.poll_events(account=connected)
    theirs = create_customer(fake, "connected customer", account=connected)
    ours = create_customer(fake, "platform customer")

    platform_result = await sync.poll_events()
    connected_result = await sync.poll_events(account=connected)

    assert platform_result.applied == 1
    assert connected_result.applied == 1
    assert connected_result.cursor == fake.events(connected)[0]["id"]
    assert cursor_row(database_url, connected) is not None
    assert_mirrors(fake, database_url, [theirs], account=connected)
    assert_mirrors(fake, database_url, [ours])


async def test_listen_events_polls_until_stopped(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str
) -> None:
    connected = fake.add_account()
    stop = asyncio.Event()
    task = asyncio.create_task(
        sync.listen_events(stop, interval=0.05, accounts=[fake.account_id, connected])
    )
    try:
        await until(
            lambda: (
                cursor_row(database_url, connected) and cursor_row(database_url, fake.account_id)
            ),
            "a stored cursor for both accounts",
        )
        ours = create_customer(fake, "ours")
        theirs = create_customer(fake, "theirs", account=connected)
        await until(lambda: count(database_url, "customers") == 2, "both customers applied")
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
    assert_mirrors(fake, database_url, [ours])
    assert_mirrors(fake, database_url, [theirs], account=connected)


async def test_listen_events_backs_off_on_transient_errors(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    await sync.poll_events()
    fake.configure(server_error_probability=1.0)
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING, logger="stripe_sync.poller"):
        task = asyncio.create_task(sync.listen_events(stop, interval=0.01))
        await until(
            lambda: any("next try" in r.getMessage() for r in caplog.records),
            "a warning that names the next try",
        )
        fake.configure(server_error_probability=0.0)
        customer = create_customer(fake, "after the outage")
        await until(lambda: count(database_url, "customers") == 1, "the customer applied")
        stop.set()
        await asyncio.wait_for(task, 30)
    assert any("next try" in r.getMessage() for r in caplog.records)
    assert not task.cancelled()
    assert task.exception() is None
    assert_mirrors(fake, database_url, [customer])


def test_sync_facade_polls_and_listens(fake: FakeStripe, database_url: str) -> None:
    engine = StripeSync(
        make_config(fake, database_url),
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    )
    with engine:
        first = engine.poll_events()
        assert isinstance(first, PollResult)
        assert first.baseline
        customer = create_customer(fake, "sync")
        assert engine.poll_events().applied == 1
        stop = threading.Event()
        stop.set()  # already set: returns at once
        engine.listen_events(stop, interval=0.01)
    assert_mirrors(fake, database_url, [customer])
