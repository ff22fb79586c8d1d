"""Accounts: listing the accounts whose data the database holds, deleting one account's data from
every table in one transaction (``_delete_account_data``) without touching another's, and the
``sync_lag`` view per account and object."""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

import psycopg
import pytest
from psycopg import sql

from stripe_sync import AsyncStripeSync, run_migrations
from stripe_sync.errors import UnknownAccountError
from stripe_sync.resources import REGISTRY, by_object
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import make_sync, rows

#: A connected account with nothing but a dead letter: no accounts row, no objects.
STRAY = "acct_1StrayDeadLetter0"
#: The objects backfilled for both accounts: lists, a per-parent list (payment methods) and
#: parents with embedded child lists (subscription items, invoice lines).
OBJECTS = ("product", "price", "customer", "payment_method", "subscription", "invoice", "charge")
#: Tables that hold no account's data.
#: _write_listeners: the backends waiting for writes (wait_until_synced), by pid.
NOT_ACCOUNT_DATA = {
    "_migrations", "_installation", "_resources", "_route_objects", "_typed_columns",
    "_write_listeners",
    "_change_feed_state", "_change_feed_consumers",
    "_history_objects",
}  # fmt: skip

Snapshot = dict[str, Counter[str]]


def execute(url: str, statement: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(statement.encode(), params)
        return cur.fetchall() if cur.description else []


def base_tables(url: str, schema: str = "stripe") -> set[str]:
    """Every table of the schema; an object's storage table (``_raw_customers``) by the name of
    its view (``customers``), through which its rows are read, counted and deleted."""
    found = execute(
        url,
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = %s AND table_type = 'BASE TABLE'",
        (schema,),
    )
    return {t.removeprefix("_raw_") for (t,) in found}


def snapshot(url: str) -> Snapshot:
    """Every row of every table of the schema, as JSON text (a multiset per table)."""
    with psycopg.connect(url) as conn:
        return {
            table: Counter(
                r[0]
                for r in conn.execute(
                    sql.SQL("SELECT to_jsonb(t)::text FROM stripe.{} t").format(
                        sql.Identifier(table)
                    )
                )
            )
            for table in sorted(base_tables(url))
        }


def belongs(table: str, row_json: str, account: str) -> bool:
    """Whether a row is the account's, read from the row itself (not from the SQL function)."""
    row = json.loads(row_json)
    if table == "accounts":
        return bool(row["id"] == account)
    if table == "_rate_limits":
        return bool(row["key"].startswith(f"{account}/"))
    return account in (row.get("_account_id"), row.get("account_id"))


def rows_of(before: Snapshot, account: str) -> dict[str, int]:
    return {
        t: sum(n for r, n in rows.items() if belongs(t, r, account)) for t, rows in before.items()
    }


async def populate(sync: AsyncStripeSync, fake: FakeStripe, url: str) -> tuple[str, str]:
    """Data of the platform and of a connected account in every kind of table; returns both ids."""
    platform = fake.account_id
    connected = fake.add_account()
    fake.seed_realistic(2)
    fake.seed_realistic(2, account=connected, seed=1)
    # History mode: the versions of each account's customers are its data too.
    execute(url, "SELECT stripe.history_enable(ARRAY['customers'])")
    for account in (None, connected):
        # Backfill runs, windows and cursors, the event cursor, objects and child rows.
        result = await sync.process_until_done(OBJECTS, account=account)
        assert not result.errors
        # Events applied (process_event, the account from the event as Stripe sends it).
        customer = fake.call("POST", "/v1/customers", {"name": "Late"}, account=account)
        (event,) = [
            e
            for e in fake.events(account, type_="customer.created")
            if e["data"]["object"]["id"] == customer["id"]
        ]
        assert event.get("account") == account
        assert (await sync.process_event(event)).outcome == "written"
    # A backfill window that fails (403), for the connected account only.
    fake.deny("GET /v1/payouts")
    failed = await sync.process_until_done("payout", account=connected)
    assert failed.errors
    fake.deny()
    await sync.create_managed_webhook("https://example.com/platform-hooks")
    for account in (platform, connected):
        # Tables no engine call above fills for both accounts, with rows as their writers make.
        execute(
            url,
            "INSERT INTO stripe._dead_letters (event_id, account_id, type, created, payload, "
            "error_class, error_message) VALUES (%s, %s, 'coupon.created', now(), '{}', "
            "'StripePermissionError', 'denied')",
            (f"evt_dead_{account}", account),
        )
        execute(
            url,
            "INSERT INTO stripe._child_sets (table_name, parent_id, account_id, version, "
            "version_source) VALUES ('active_entitlements', %s, %s, now(), 'event')",
            (f"cus_set_{account}", account),
        )
        execute(
            url,
            "SELECT * FROM stripe._rate_limit_acquire(%s, ARRAY[25.0, 25.0], ARRAY[25.0, 25.0])",
            ([f"{account}/test/*", f"{account}/test/GET /v1/customers"],),
        )
    execute(
        url,
        "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, enabled_events) "
        "VALUES ('we_connected', 'https://example.com/connect-hooks', %s, 'whsec_x', '{*}')",
        (connected,),
    )
    # Another account whose id starts with the connected one's: its bucket is not the account's.
    execute(
        url,
        "SELECT * FROM stripe._rate_limit_acquire(%s, ARRAY[25.0], ARRAY[25.0])",
        ([f"{connected}0/test/*"],),
    )
    execute(
        url,
        "INSERT INTO stripe._dead_letters (event_id, account_id, type, created, payload, "
        "error_class, error_message) VALUES ('evt_stray', %s, 'customer.created', now(), '{}', "
        "'StripePermissionError', 'denied')",
        (STRAY,),
    )
    return platform, connected


@pytest.mark.parametrize("which", ["connected", "platform"])
async def test_deleting_one_account_deletes_all_its_rows_and_nothing_else(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str, which: str
) -> None:
    platform, connected = await populate(sync, fake, database_url)
    gone, kept = (connected, platform) if which == "connected" else (platform, connected)
    before = snapshot(database_url)
    expected = rows_of(before, gone)
    # Every kind of table holds rows of both accounts, so the comparison below means something.
    for table in (
        "accounts", "customers", "subscriptions", "subscription_items", "invoice_line_items",
        "payment_methods", "_sync_runs", "_sync_obj_runs", "_backfill_cursors", "_event_cursors",
        "_processed_events", "_dead_letters", "_child_sets", "_managed_webhooks", "_rate_limits",
        "_history", "_history_payloads",
    ):  # fmt: skip
        assert expected[table] > 0, table
        assert rows_of(before, kept)[table] > 0, table

    preview = await sync.dangerously_delete_synced_account_data(gone, dry_run=True)
    assert snapshot(database_url) == before  # a dry run changes nothing
    assert (preview.deleted_account_id, preview.dry_run) == (gone, True)
    dry = preview.deleted_record_counts
    assert set(dry) == set(before) - NOT_ACCOUNT_DATA
    assert dry == {t: n for t, n in expected.items() if t in dry}
    assert preview.total == sum(expected[t] for t in dry)

    deleted = await sync.dangerously_delete_synced_account_data(gone)
    assert (deleted.deleted_account_id, deleted.dry_run) == (gone, False)
    assert deleted.deleted_record_counts == dry
    after = snapshot(database_url)
    assert after == {
        t: Counter({r: n for r, n in rows.items() if not belongs(t, r, gone)})
        for t, rows in before.items()
    }
    assert sum(rows_of(after, gone).values()) == 0
    assert rows_of(after, kept) == rows_of(before, kept)

    listed = {a["id"] for a in await sync.get_all_synced_accounts()}
    assert listed == {kept, STRAY, f"{connected}0"}
    with pytest.raises(UnknownAccountError, match=gone):
        await sync.dangerously_delete_synced_account_data(gone)


async def test_an_unknown_account_is_refused_and_nothing_changes(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    _, connected = await populate(sync, fake, database_url)
    before = snapshot(database_url)
    # A prefix of a real id (its rate-limit buckets start with it too), another case, a LIKE
    # pattern, and an id that is nowhere.
    for unknown in (connected[:-1], connected.lower(), "acct_%", "acct_1Nowhere"):
        for dry_run in (True, False):
            with pytest.raises(UnknownAccountError) as raised:
                await sync.dangerously_delete_synced_account_data(unknown, dry_run=dry_run)
            assert raised.value.account_id == unknown
            assert not raised.value.transient
    assert snapshot(database_url) == before


async def test_every_table_with_account_data_is_covered(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str, empty_database_url: str
) -> None:
    _, connected = await populate(sync, fake, database_url)
    preview = await sync.dangerously_delete_synced_account_data(connected, dry_run=True)
    covered = set(preview.deleted_record_counts)
    tables = base_tables(database_url)
    # Any table not known to hold no account data must be covered: a new table fails here until
    # _delete_account_data (_account_tables) covers it or it is added to NOT_ACCOUNT_DATA.
    assert tables - covered == NOT_ACCOUNT_DATA
    assert covered <= tables
    with_account_column = {
        t.removeprefix("_raw_")
        for (t,) in execute(
            database_url,
            "SELECT DISTINCT c.table_name FROM information_schema.columns c "
            "JOIN information_schema.tables t USING (table_schema, table_name) "
            "WHERE c.table_schema = 'stripe' AND t.table_type = 'BASE TABLE' "
            "AND c.column_name LIKE '%%account%%'",
        )
    }
    assert with_account_column <= covered
    assert NOT_ACCOUNT_DATA.isdisjoint(with_account_column)
    # The account column named by _account_tables is the one each table has.
    for table, column, _match, _ord in execute(
        database_url, "SELECT * FROM stripe._account_tables()"
    ):
        (found,) = execute(
            database_url,
            "SELECT count(*) FROM information_schema.columns "
            "WHERE table_schema = 'stripe' AND table_name = %s AND column_name = %s",
            (table, column),
        )
        assert found == (1,), (table, column)

    # The same tables in a schema of another name (the functions address their own schema).
    run_migrations(empty_database_url, schema="billing_mirror")
    mirrored = execute(
        empty_database_url, "SELECT table_name FROM billing_mirror._account_tables()"
    )
    assert {t for (t,) in mirrored} == covered
    assert base_tables(empty_database_url, "billing_mirror") - covered == NOT_ACCOUNT_DATA


async def test_synced_accounts_lists_every_account_with_data(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    platform, connected = await populate(sync, fake, database_url)
    found = await sync.get_all_synced_accounts()
    twin = f"{connected}0"  # known only from a rate-limit bucket
    assert [a["id"] for a in found] == [platform, *sorted([connected, twin, STRAY])]
    by_id = {a["id"]: a for a in found}

    assert by_id[platform]["has_api_key"] is True
    assert by_id[platform]["email"] == f"owner+{platform.lower()}@example.com"
    assert by_id[platform]["managed_webhooks"] == [
        w["id"] for w in await sync.list_managed_webhooks()
    ]
    assert by_id[connected]["has_api_key"] is False
    assert by_id[connected]["managed_webhooks"] == ["we_connected"]
    for account in (platform, connected):
        entry = by_id[account]
        assert {"accounts", "customers", "subscription_items", "_processed_events"} <= set(
            entry["tables"]
        )
        (newest,) = execute(
            database_url,
            "SELECT max(created) FROM stripe._processed_events WHERE account_id = %s",
            (account,),
        )
        assert entry["last_event_created"] == newest[0]
        assert entry["last_backfill_at"] is not None
        assert entry["last_synced_at"] >= entry["last_backfill_at"]

    # Known only from a dead letter: listed, with nothing fetched about it.
    assert by_id[STRAY]["tables"] == ["_dead_letters"]
    assert by_id[STRAY]["email"] is None
    assert by_id[STRAY]["has_api_key"] is False
    assert by_id[STRAY]["last_event_created"] is None
    assert by_id[twin]["tables"] == ["_rate_limits"]


async def test_sync_lag_per_account_and_object(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    platform, connected = await populate(sync, fake, database_url)
    with psycopg.connect(database_url) as conn:
        cur = conn.execute(
            "SELECT l.*, extract(epoch FROM now() - l.last_event_created) AS expected_behind "
            "FROM stripe.sync_lag l"
        )
        assert cur.description is not None
        names = [c.name for c in cur.description]
        lag = {(r[0], r[1]): dict(zip(names, r, strict=True)) for r in cur.fetchall()}

    for account in (platform, connected):
        customer = lag[(account, "customer")]
        (newest,) = execute(
            database_url,
            "SELECT max(created), max(processed_at) FROM stripe._processed_events "
            "WHERE account_id = %s AND object_type = 'customer'",
            (account,),
        )
        assert (customer["last_event_created"], customer["last_event_processed_at"]) == newest
        assert customer["seconds_behind"] == pytest.approx(float(customer["expected_behind"]))
        assert customer["seconds_behind"] >= 0
        assert customer["last_backfill_completed_at"] is not None
        assert customer["backfill_listed_until"] is not None
        assert customer["backfill_running"] is False
        assert customer["failing_windows"] == 0
        assert customer["last_error"] is None
        # Child objects listed with their parents have no runs of their own; listed objects do.
        for name in OBJECTS:
            assert lag[(account, name)]["last_backfill_completed_at"] is not None, name

    # The failed payout window: failing for the connected account, never complete.
    payout = lag[(connected, "payout")]
    (windows,) = execute(
        database_url,
        "SELECT count(*) FROM stripe._sync_obj_runs WHERE account_id = %s AND object = 'payout'",
        (connected,),
    )
    assert payout["failing_windows"] == windows[0] > 0
    assert payout["last_backfill_completed_at"] is None
    assert payout["last_error"]
    assert (platform, "payout") not in lag
    # Rows exist only for accounts and objects with events or backfills.
    assert {account for account, _ in lag} == {platform, connected}


async def test_object_name_maps_every_stripe_object_type_to_its_registry_name(
    database_url: str,
) -> None:
    for resource in REGISTRY.values():
        (mapped,) = execute(database_url, "SELECT stripe._object_name(%s)", (resource.object,))
        if by_object(resource.object) is None:
            # Line items of checkout sessions, payment links and quotes: all "item".
            assert mapped == (resource.object,), resource
        else:
            assert mapped == (resource.name,), resource
    assert execute(database_url, "SELECT stripe._object_name('card')") == [("external_account",)]


async def test_one_test_key_on_two_fake_servers_keeps_their_accounts_apart(
    database_url: str,
) -> None:
    # The demo's fake and a later `stripe-sync fake-stripe` accept the same default key but are
    # two accounts: the key's hash must not send the second one's rows to the first account.
    with (
        FakeStripe(seed=1, account_id="acct_demo0000000001") as demo,
        FakeStripe(seed=2, account_id="acct_other000000002") as other,
    ):
        assert demo.api_key == other.api_key
        ids = {}
        for fake, base in ((demo, "http://demo-fake"), (other, "http://127.0.0.1:12111")):
            customer = fake.call("POST", "/v1/customers", {"name": base})
            (event,) = fake.events(type_="customer.created")
            async with make_sync(fake, database_url, stripe_api_base=base) as sync:
                assert (await sync.process_event(event)).outcome == "written"
            ids[customer["id"]] = fake
    stored = rows(database_url, "customers")
    assert {cid: stored[cid]["_account_id"] for cid in ids} == {
        cid: fake.account_id for cid, fake in ids.items()
    }
