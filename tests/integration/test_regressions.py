"""Bugs found in review of the backfill, service and Sigma code: each test once failed.

Real PostgreSQL and the fake Stripe, as in ``test_backfill.py``.
"""

from __future__ import annotations

import asyncio

import psycopg

from stripe_sync.service import ServiceOptions, run_service
from stripe_sync.sigma.catalog import resolve_tables
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync, rows
from tests.integration.test_sigma_sync import db_rows, engine, fake_rows
from tests.support.waiting import until


def _customer_with_card(fake: FakeStripe) -> tuple[str, str]:
    customer = fake.call("POST", "/v1/customers", {"email": "x@example.com"})
    pm = fake.call("POST", "/v1/payment_methods", {"type": "card"})
    fake.call("POST", f"/v1/payment_methods/{pm['id']}/attach", {"customer": customer["id"]})
    return str(customer["id"]), str(pm["id"])


async def test_a_parent_deleted_between_its_listing_and_its_children_does_not_block_the_others(
    fake: FakeStripe, database_url: str
) -> None:
    """A 'children' window lists each parent's objects; a parent deleted after the 'parents'
    page was committed answers 404, the whole batch (up to 10 parents) fails, and every later
    run carries the window and fails again: the other parents' objects are never synced."""
    pairs = [_customer_with_card(fake) for _ in range(3)]
    async with make_sync(fake, database_url, backfill_workers=2) as sync:
        first = await sync.process_next("payment_method")  # the parents page: spawns children
        assert first.has_more
        fake.call("DELETE", f"/v1/customers/{pairs[0][0]}")
        result = await sync.process_until_done("payment_method")
        synced = set(rows(database_url, "payment_methods"))
        again = await sync.process_until_done("payment_method")
    assert {pm for _, pm in pairs[1:]} <= synced, "the other customers' cards are synced"
    assert result.status == "complete", result.errors
    assert again.status == "complete", again.errors
    with psycopg.connect(database_url) as conn:
        stuck = conn.execute(
            "SELECT count(*) FROM stripe._sync_obj_runs"
            " WHERE status = 'error' AND superseded_by IS NULL"
        ).fetchone()
    assert stuck == (0,)


async def test_stopping_one_instance_keeps_the_endpoint_another_instance_reuses(
    fake: FakeStripe, database_url: str
) -> None:
    """A rolling deploy: instance B starts while A runs; both point Stripe at the same public
    URL, so B's find_or_create reuses A's endpoint (same database). A is then stopped (SIGTERM)
    and deletes the endpoint: B, still running, receives no webhook from then on."""
    url = "https://sync.example.com/webhooks"
    options = ServiceOptions(public_url=url, port=0, backfill=False)
    stop = asyncio.Event()
    async with make_sync(fake, database_url) as a, make_sync(fake, database_url) as b:
        service = asyncio.create_task(run_service(a, options, stop))
        await until(
            lambda: fake.call("GET", "/v1/webhook_endpoints")["data"] or service.done(),
            "instance A to create its endpoint",
        )
        assert not service.done()
        # Instance B starts as run_service does: finds the endpoint and registers as a user.
        endpoint = await b.find_or_create_managed_webhook(url)
        await b.use_managed_webhook(endpoint["id"], "instance-b")
        stop.set()  # instance A stops
        await service
        remaining = [e["id"] for e in fake.call("GET", "/v1/webhook_endpoints")["data"]]
        assert endpoint["id"] in remaining, "the endpoint instance B relies on was deleted"
        # B stops last: the endpoint goes.
        assert await b.release_managed_webhook(endpoint["id"], "instance-b")
        assert fake.call("GET", "/v1/webhook_endpoints")["data"] == []


async def test_a_keyed_sigma_table_without_cursor_column_drops_rows_gone_from_sigma(
    fake: FakeStripe, database_url: str
) -> None:
    """22 catalogue tables have a key but no cursor column: every sync re-reads them by keyset
    and upserts, but nothing removes the rows Sigma no longer has (``prune`` is built in
    ``load_statements`` and never used), although the README says they are "re-read in full"."""
    (table,) = resolve_tables(["radar_rules"])
    assert table.primary_key
    assert table.cursor_column is None
    fake.sigma.generate(table.name, 30)
    sync, store, client = await engine(fake, database_url)
    try:
        first = await sync.sync([table], fake.account_id)
        assert first.status == "complete", first
        assert db_rows(database_url, table) == fake_rows(fake, table)
        fake.sigma.generate(table.name, 20)  # ten rules deleted in Stripe
        second = await sync.sync([table], fake.account_id)
        assert second.status == "complete", second
    finally:
        await client.aclose()
        await store.close()
    assert len(fake_rows(fake, table)) == 20
    assert set(db_rows(database_url, table)) == set(fake_rows(fake, table))


async def test_claims_without_failures_do_not_use_up_the_retries(
    fake: FakeStripe, database_url: str
) -> None:
    """Every process_next claims and gives back its window: those claims are not failures, so
    a transient error after several pages is still retried instead of failing the window."""
    from stripe_sync.errors import StripeServerError

    fake.seed("product", 450)
    async with make_sync(fake, database_url, max_retries=0) as sync:
        for _ in range(3):
            assert (await sync.process_next("product")).has_more
        fake.configure(server_error_probability=1.0)
        for _ in range(2):
            try:
                await sync.process_next("product")
            except StripeServerError:
                pass
            else:  # pragma: no cover - the fault always fires
                raise AssertionError("expected a 5xx")
        with psycopg.connect(database_url) as conn:
            statuses = {s for (s,) in conn.execute("SELECT status FROM stripe._sync_obj_runs")}
        # Given back after each transient failure (not failed, not left claimed).
        assert statuses == {"pending"}
        fake.configure(server_error_probability=0.0)
        while (await sync.process_next("product")).has_more:
            pass
    assert len(rows(database_url, "products")) == 450
