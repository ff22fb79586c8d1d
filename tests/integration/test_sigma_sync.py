"""Sigma sync end to end: the fake's query runs (sqlite) into PostgreSQL's sigma schema.

The fake's rows are the oracle: after a sync, each table holds exactly them, typed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql

from stripe_sync.client import StripeClient
from stripe_sync.sigma.api import SigmaClient
from stripe_sync.sigma.catalog import SigmaTable, resolve_tables
from stripe_sync.sigma.sync import SigmaSync
from stripe_sync.store import Store
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_config, make_sync

TABLES = ["balance_transactions", "invoice_line_items", "exchange_rates_from_usd"]


async def no_sleep(seconds: float) -> None:
    return None


def typed(sigma_type: str, value: Any) -> Any:
    """A fake CSV spelling, or a value read from PostgreSQL, as one comparable Python value."""
    if value is None:
        return None
    if isinstance(value, str):
        if sigma_type == "bigint":
            return int(value)
        if sigma_type == "double":
            return float(value)
        if sigma_type.startswith("decimal"):
            return Decimal(value)
        if sigma_type == "boolean":
            return value == "true"
        if sigma_type == "timestamp":
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        return value
    if isinstance(value, Decimal) and sigma_type == "double":
        return float(value)
    return value


def fake_rows(fake: FakeStripe, table: SigmaTable) -> dict[tuple[Any, ...], dict[str, Any]]:
    out = {}
    for row in fake.sigma.rows(table.name):
        values = {c.name: typed(c.sigma_type, row[c.name]) for c in table.columns}
        out[tuple(values[k] for k in table.primary_key)] = values
    return out


def db_rows(url: str, table: SigmaTable) -> dict[tuple[Any, ...], dict[str, Any]]:
    with psycopg.connect(url) as conn:
        conn.execute("SET TIME ZONE 'UTC'")
        cur = conn.execute(
            sql.SQL("SELECT {} FROM {}").format(
                sql.SQL(", ").join(sql.Identifier(c.pg_name) for c in table.columns),
                sql.Identifier("sigma", table.pg_name),
            )
        )
        out = {}
        for row in cur.fetchall():
            values = {
                c.name: typed(c.sigma_type, v) for c, v in zip(table.columns, row, strict=True)
            }
            out[tuple(values[k] for k in table.primary_key)] = values
        return out


async def engine(
    fake: FakeStripe,
    url: str,
    page_rows: int = 37,
    sleep: Callable[[float], Awaitable[None]] = no_sleep,
) -> tuple[SigmaSync, Store, StripeClient]:
    config = make_config(fake, url)
    store = Store(config, url)
    await store.open()
    client = StripeClient(config, transport=httpx.ASGITransport(app=fake.app))
    sigma = SigmaClient(client, poll_interval=0.01, sleep=sleep)
    return SigmaSync(config, store, sigma, page_rows=page_rows), store, client


async def test_first_load_then_incremental_equals_the_fake(
    fake: FakeStripe, database_url: str
) -> None:
    tables = resolve_tables(TABLES)
    for name in TABLES:
        fake.sigma.generate(name, 120)
    sync, store, client = await engine(fake, database_url)
    try:
        first = await sync.sync(tables, fake.account_id)
        assert first.status == "complete", first
        for table in tables:
            result = first.tables[table.name]
            assert result.mode == "first_load"
            assert result.pages >= 4, "keyset pages of 37 rows"
            assert db_rows(database_url, table) == fake_rows(fake, table), table.name

        # New and changed rows: a later batch_timestamp makes them visible to the increment.
        bt = tables[0]
        existing = fake.sigma.rows(bt.name)
        changed = {
            **existing[5],
            "description": 'changed, "quoted"\nline',
            "batch_timestamp": "2100-01-01 00:00:00.000",
        }
        added = {**existing[6], "id": "txn_new_1", "batch_timestamp": "2100-01-01 00:00:00.000"}
        fake.sigma.upsert(bt.name, [changed, added])
        second = await sync.sync([bt], fake.account_id)
        assert second.tables[bt.name].mode == "incremental"
        assert second.tables[bt.name].rows < 120, "an increment reads the recent rows only"
        assert db_rows(database_url, bt) == fake_rows(fake, bt)
    finally:
        await client.aclose()
        await store.close()


async def test_failed_runs_are_retried_then_reported_and_other_tables_go_on(
    fake: FakeStripe, database_url: str
) -> None:
    tables = resolve_tables(TABLES[:2])
    for name in TABLES[:2]:
        fake.sigma.generate(name, 20)
    sync, store, client = await engine(fake, database_url, page_rows=1000)
    try:
        fake.sigma.fail_next(3, "Query exceeded the time limit", "internal_error")
        result = await sync.sync(tables, fake.account_id)
        assert result.status == "error"
        failed = [r for r in result.tables.values() if r.status == "error"]
        assert len(failed) == 1
        assert failed[0].error is not None
        assert "Query exceeded the time limit" in failed[0].error
        ok = [r for r in result.tables.values() if r.status == "complete"]
        assert len(ok) == 1
        # The next sync retries the failed table.
        again = await sync.sync(tables, fake.account_id)
        assert again.status == "complete"
        for table in tables:
            assert db_rows(database_url, table) == fake_rows(fake, table)
    finally:
        await client.aclose()
        await store.close()


async def test_no_sigma_is_reported_and_the_rest_of_the_sync_goes_on(
    fake: FakeStripe, database_url: str
) -> None:
    fake.sigma.disable()
    fake.seed("customer", 30)
    async with make_sync(fake, database_url) as sync:
        result = await sync.sync_sigma(["balance_transactions"])
        assert result.status == "unavailable"
        assert result.error is not None
        assert "Sigma" in result.error
        backfill = await sync.process_until_done("customer")
    assert backfill.status == "complete"
    assert backfill.objects["customer"].processed == 30


def as_multiset(rows: Any) -> list[tuple[Any, ...]]:
    return sorted((tuple(repr(v) for v in r.values()) for r in rows), key=str)


async def test_a_table_without_a_key_is_reloaded_in_full_with_exact_decimals(
    fake: FakeStripe, database_url: str
) -> None:
    (table,) = resolve_tables(["itemized_fees"])
    assert not table.primary_key
    assert any(c.sigma_type.startswith("decimal") for c in table.columns)
    fake.sigma.generate(table.name, 90)
    sync, store, client = await engine(fake, database_url)
    try:
        for count in (90, 40):  # the second run sees fewer rows: the old ones must go
            fake.sigma.generate(table.name, count)
            result = await sync.sync([table], fake.account_id)
            assert result.tables[table.name].mode == "full_reload"
            expected = [
                {c.name: typed(c.sigma_type, row[c.name]) for c in table.columns}
                for row in fake.sigma.rows(table.name)
            ]
            with psycopg.connect(database_url) as conn:
                conn.execute("SET TIME ZONE 'UTC'")
                cur = conn.execute(
                    sql.SQL("SELECT {} FROM {}").format(
                        sql.SQL(", ").join(sql.Identifier(c.pg_name) for c in table.columns),
                        sql.Identifier("sigma", table.pg_name),
                    )
                )
                stored = [
                    {c.name: typed(c.sigma_type, v) for c, v in zip(table.columns, r, strict=True)}
                    for r in cur.fetchall()
                ]
            assert len(stored) == count
            assert as_multiset(stored) == as_multiset(expected)
            decimals = [r["amount"] for r in stored if r["amount"] is not None]
            assert decimals
            assert all(isinstance(d, Decimal) for d in decimals)
    finally:
        await client.aclose()
        await store.close()


async def test_a_cancel_while_a_query_runs_gives_the_table_back(
    fake: FakeStripe, database_url: str
) -> None:
    """Ctrl-C while Sigma runs a table's query (minutes, for a big table): the table's window
    is given back, so the next sync takes it at once instead of waiting out its 5-minute lease."""
    (table,) = resolve_tables(["balance_transactions"])
    fake.sigma.generate(table.name, 20)
    fake.sigma.slow_next(1, polls=3)
    polling = asyncio.Event()

    async def hang(seconds: float) -> None:
        polling.set()
        await asyncio.Event().wait()

    sync, store, client = await engine(fake, database_url, sleep=hang)
    try:
        task = asyncio.create_task(sync.sync([table], fake.account_id))
        await polling.wait()
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        with psycopg.connect(database_url) as conn:
            windows = conn.execute(
                "SELECT status, claimed_until FROM stripe._sync_obj_runs WHERE object = %s",
                ("sigma." + table.name,),
            ).fetchall()
        assert windows == [("pending", None)]
    finally:
        await client.aclose()
        await store.close()
    sync, store, client = await engine(fake, database_url)
    try:
        again = await asyncio.wait_for(sync.sync([table], fake.account_id), 60)
        assert again.status == "complete"
        assert db_rows(database_url, table) == fake_rows(fake, table)
    finally:
        await client.aclose()
        await store.close()


async def test_the_watermark_commits_with_the_page_that_completes_the_table(
    fake: FakeStripe, database_url: str
) -> None:
    """The next sync's watermark is set in the transaction of the table's last page: when it
    cannot be (here a trigger refuses it once; in life a stop or a crash between the two), the
    page is not committed either and the next sync goes on from there. Set apart, the table
    was left complete without a watermark and the next sync read it all again."""
    (table,) = resolve_tables(["balance_transactions"])
    fake.sigma.generate(table.name, 120)
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(
            """
            CREATE TABLE public.refuse_watermarks (n int);
            INSERT INTO public.refuse_watermarks VALUES (1);
            CREATE FUNCTION public.refuse_watermark() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF EXISTS (SELECT FROM public.refuse_watermarks) THEN
                    RAISE EXCEPTION 'watermark refused by the test';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER refuse_watermark BEFORE INSERT OR UPDATE ON stripe._backfill_cursors
            FOR EACH ROW EXECUTE FUNCTION public.refuse_watermark();
            """
        )
    sync, store, client = await engine(fake, database_url)
    try:
        first = await sync.sync([table], fake.account_id)
        assert first.tables[table.name].status == "error"
        assert "watermark refused by the test" in (first.tables[table.name].error or "")
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute("DELETE FROM public.refuse_watermarks")
        again = await sync.sync([table], fake.account_id)
        assert again.status == "complete", again
        # The last page (120 = 3 x 37 + 9) again, not the whole table.
        assert again.tables[table.name].mode == "first_load"
        assert again.tables[table.name].rows == 9
        assert db_rows(database_url, table) == fake_rows(fake, table)
        third = await sync.sync([table], fake.account_id)
        assert third.tables[table.name].mode == "incremental"
    finally:
        await client.aclose()
        await store.close()


@pytest.mark.parametrize("where", ["query", "watermark"])
async def test_a_bug_on_one_table_fails_it_at_once_and_the_others_go_on(
    where: str, fake: FakeStripe, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A failure that is not a StripeSyncError (a bug), while a page is read or before (the
    table's watermark), is recorded on the table's window, which is not left claimed for its
    lease (5 minutes), and the other tables are synced."""
    tables = resolve_tables(TABLES[:2])
    for name in TABLES[:2]:
        fake.sigma.generate(name, 20)
    broken = tables[0].name
    query = SigmaSync._query
    watermark = Store.sigma_watermark

    def buggy_query(self: SigmaSync, table: SigmaTable, *args: Any) -> str:
        if table.name == broken:
            raise RuntimeError("a bug in the query builder")
        return query(self, table, *args)

    async def buggy_watermark(self: Store, account_id: str, object_name: str) -> Any:
        if object_name == "sigma." + broken:
            raise RuntimeError("a bug in the query builder")
        return await watermark(self, account_id, object_name)

    if where == "query":
        monkeypatch.setattr(SigmaSync, "_query", buggy_query)
    else:
        monkeypatch.setattr(Store, "sigma_watermark", buggy_watermark)
    sync, store, client = await engine(fake, database_url)
    try:
        result = await sync.sync(tables, fake.account_id)
        assert result.tables[broken].status == "error"
        assert result.tables[broken].error == "RuntimeError: a bug in the query builder"
        assert result.tables[tables[1].name].status == "complete"
        assert db_rows(database_url, tables[1]) == fake_rows(fake, tables[1])
        with psycopg.connect(database_url) as conn:
            window = conn.execute(
                "SELECT status, claimed_until FROM stripe._sync_obj_runs WHERE object = %s",
                ("sigma." + broken,),
            ).fetchall()
        assert window == [("error", None)]
    finally:
        await client.aclose()
        await store.close()
