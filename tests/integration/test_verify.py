"""verify against the fake Stripe and a real PostgreSQL: drift injected into a synced database.

The fake's state is the oracle: each kind of drift (a deleted row, a stale payload, a lost
delete, a missed event) is made by hand, verify must report exactly those, ``repair`` must make
the tables equal the fake's, and a second run must find nothing.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import psycopg
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families

from stripe_sync import AsyncStripeSync, ConfigError, Outcome, VerifyResult
from stripe_sync.resources import REGISTRY
from stripe_sync.server import create_app
from stripe_sync.testing import FakeStripe
from stripe_sync.verify import CheckReport, month_windows
from tests.integration.helpers import make_sync, rows
from tests.support.waiting import until

DAY = 86400


def report(result: VerifyResult, check: str, name: str) -> CheckReport:
    (found,) = [r for r in result.reports if r.check == check and r.object == name]
    return found


def list_requests(fake: FakeStripe, path: str) -> int:
    return int(fake.stats()["requests"].get(f"GET {path}", 0))


def execute(url: str, statement: str, params: tuple[Any, ...] = ()) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(statement, params)


async def next_second(url: str) -> None:
    """Wait until the database's clock (verify's "now") is in a later second than when called:
    what was written or verified before is then strictly older than the next run."""

    def second() -> int:
        with psycopg.connect(url, autocommit=True) as conn:
            row = conn.execute("SELECT floor(extract(epoch FROM clock_timestamp()))").fetchone()
        assert row is not None
        return int(row[0])

    start = second()
    await until(lambda: second() > start, "the database clock to pass a second", interval=0.05)


async def synced(fake: FakeStripe, url: str, sync: AsyncStripeSync) -> None:
    """Customers and products spread over the last year, backfilled, their rows dated 5 s back
    (as if the backfill ran then: a listing now is from a later second)."""
    fake.seed("customer", 240)
    fake.seed("product", 30)
    result = await sync.process_until_done(["customer", "product"])
    assert result.status == "complete"
    for table in ("_raw_customers", "_raw_products"):
        execute(
            url,
            f"UPDATE stripe.{table} SET _version = _version - interval '5 seconds', "  # noqa: S608
            "_updated_at = _updated_at - interval '5 seconds'",
        )


def alive(url: str, table: str) -> set[str]:
    return set(rows(url, table, "NOT deleted"))


def fake_ids(fake: FakeStripe, name: str) -> set[str]:
    state = fake.store.account(None)
    assert state is not None
    return set(state.tables[name].records) if name in state.tables else set()


async def test_a_synced_mirror_verifies_clean(fake: FakeStripe, database_url: str) -> None:
    async with make_sync(fake, database_url) as sync:
        await synced(fake, database_url, sync)
        # Events after the backfill, applied as a webhook would: applied, not missing. An
        # event before the backfill is superseded by the listing.
        customers = sorted(fake_ids(fake, "customer"))
        fake.call("POST", f"/v1/customers/{customers[0]}", {"name": "Before"})
        await next_second(database_url)  # the listing's second comes after the event's
        await sync.process_until_done("customer", created={"gte": 0})
        fake.call("POST", f"/v1/customers/{customers[1]}", {"name": "After"})
        (event, *_) = fake.events(type_="customer.updated")
        await sync.process_event(event)
        result = await sync.verify(["customer", "product"], settle_seconds=0)
    assert result.remaining == 0, result.as_json()
    events = report(result, "events", "events")
    assert events.checked == 2
    assert events.missing == ()
    deep = report(result, "deep", "customer")
    assert deep.checked == 240
    assert deep.windows_listed == len(deep_windows(fake))
    assert deep.windows_skipped == 0
    assert report(result, "deep", "product").checked == 30
    with psycopg.connect(database_url) as conn:
        stored = conn.execute(
            "SELECT status, check_type, object, checked, remaining FROM stripe.verify_runs "
            "WHERE run_id = %s ORDER BY check_type, object",
            (result.run_id,),
        ).fetchall()
    assert stored == [
        ("clean", "deep", "customer", 240, 0),
        ("clean", "deep", "product", 30, 0),
        ("clean", "events", "events", 2, 0),
    ]


def deep_windows(fake: FakeStripe) -> list[tuple[datetime, datetime]]:
    created = datetime.fromtimestamp(int(fake.call("GET", "/v1/account")["created"]), UTC)
    return month_windows(created, datetime.now(UTC))


async def test_every_object_of_a_realistic_account_verifies_clean(
    fake: FakeStripe, database_url: str
) -> None:
    fake.seed_realistic(60)
    async with make_sync(fake, database_url, auto_expand_lists=True) as sync:
        assert (await sync.process_until_done("all")).status == "complete"
        result = await sync.verify(settle_seconds=0)
    assert result.remaining == 0, [r.as_json() for r in result.reports if r.drift]
    deep = {r.object: r for r in result.reports if r.check == "deep"}
    assert set(deep) == set(REGISTRY)
    listed = {name for name, r in deep.items() if r.note is None}
    assert {"customer", "subscription", "invoice", "charge", "invoice_item"} <= listed
    for name in listed:
        alive = {i for i, row in rows(database_url, REGISTRY[name].table).items()}
        assert deep[name].checked == len(alive), name


async def test_finds_exactly_the_injected_drift_and_repair_leaves_none(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        await synced(fake, database_url, sync)
        lost, stale, deleted, updated = sorted(fake_ids(fake, "customer"))[10:14]
        # A deleted row: the mirror lost it.
        execute(database_url, "DELETE FROM stripe._raw_customers WHERE id = %s", (lost,))
        # A stale payload: an older state, with an older version.
        execute(
            database_url,
            'UPDATE stripe._raw_customers SET _raw_data = _raw_data || \'{"email": "old@x"}\', '
            "_version = _version - interval '1 day' WHERE id = %s",
            (stale,),
        )
        # A lost delete and a missed event: Stripe changed, the events never arrived.
        fake.call("DELETE", f"/v1/customers/{deleted}")
        fake.call("POST", f"/v1/customers/{updated}", {"name": "Renamed"})
        (delete_event,) = fake.events(type_="customer.deleted")
        (update_event,) = fake.events(type_="customer.updated")

        found = await sync.verify(["customer", "product"], settle_seconds=0)
        assert found.status == "drift"
        events = report(found, "events", "events")
        assert set(events.missing) == {delete_event["id"], update_event["id"]}
        assert events.repaired == ()
        deep = report(found, "deep", "customer")
        assert deep.missing == (lost,)
        assert set(deep.stale) == {stale, updated}
        assert deep.extra == (deleted,)
        assert deep.repaired == ()
        assert report(found, "deep", "product").drift == 0, "no false positive elsewhere"
        assert found.remaining == 6
        assert lost not in alive(database_url, "customers"), "without repair nothing is written"

        repaired = await sync.verify(["customer", "product"], repair=True, settle_seconds=0)
        events = report(repaired, "events", "events")
        assert set(events.repaired) == {delete_event["id"], update_event["id"]}
        # The events repaired the lost delete and the missed update before the deep check.
        deep = report(repaired, "deep", "customer")
        assert (deep.missing, deep.stale, deep.extra) == ((lost,), (stale,), ())
        assert set(deep.repaired) == {lost, stale}
        assert repaired.remaining == 0

        again = await sync.verify(["customer", "product"], settle_seconds=0)
    assert again.remaining == 0
    assert again.status == "clean"
    assert all(r.drift == 0 for r in again.reports)
    customers = rows(database_url, "customers")
    assert alive(database_url, "customers") == fake_ids(fake, "customer")
    assert customers[deleted]["deleted"] is True
    assert customers[stale]["_raw_data"] == fake.get("customer", stale)
    assert customers[updated]["_raw_data"]["name"] == "Renamed"
    with psycopg.connect(database_url) as conn:
        statuses = conn.execute("SELECT status FROM stripe._verify_runs ORDER BY id").fetchall()
    assert statuses == [("drift",), ("clean",), ("clean",)]


async def test_a_tombstone_stripe_still_lists_is_reported_and_never_revived(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        await synced(fake, database_url, sync)
        buried = sorted(fake_ids(fake, "customer"))[0]
        execute(
            database_url,
            "UPDATE stripe._raw_customers SET deleted = true, deleted_at = now() WHERE id = %s",
            (buried,),
        )
        result = await sync.verify("customer", repair=True, settle_seconds=0)
    deep = report(result, "deep", "customer")
    assert deep.missing == (buried,)
    assert deep.repaired == ()
    assert result.remaining == 1
    assert result.status == "drift"
    assert rows(database_url, "customers")[buried]["deleted"] is True


async def test_a_second_deep_check_lists_only_changed_or_unverified_windows(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        await synced(fake, database_url, sync)
        windows = len(deep_windows(fake))
        before = list_requests(fake, "/v1/customers")
        first = await sync.verify("customer", settle_seconds=0)
        first_requests = list_requests(fake, "/v1/customers") - before
        assert report(first, "deep", "customer").windows_listed == windows
        assert first_requests >= windows

        await next_second(database_url)  # the current month's window grows by a second
        before = list_requests(fake, "/v1/customers")
        second = await sync.verify("customer", settle_seconds=0)
        deep = report(second, "deep", "customer")
        # Only the current month, whose window grew since, is listed again.
        assert (deep.windows_listed, deep.windows_skipped) == (1, windows - 1)
        assert list_requests(fake, "/v1/customers") - before == 1
        assert second.remaining == 0

        # A write in an old month (an event applied) makes that month be listed again.
        state = fake.store.account(None)
        assert state is not None
        oldest = min(state.tables["customer"].records.values(), key=lambda r: r["created"])
        fake.call("POST", f"/v1/customers/{oldest['id']}", {"name": "Changed"})
        (event,) = fake.events(type_="customer.updated")
        await sync.process_event(event)
        await next_second(database_url)
        third = await sync.verify("customer", settle_seconds=0)
        deep = report(third, "deep", "customer")
        assert (deep.windows_listed, deep.windows_skipped) == (2, windows - 2)
        assert third.remaining == 0

        # A row deleted by hand leaves no write behind: its month has one row fewer than when
        # it was verified, so it is listed again and the row is found missing.
        execute(database_url, "DELETE FROM stripe._raw_customers WHERE id = %s", (oldest["id"],))
        await next_second(database_url)
        fourth = await sync.verify("customer", settle_seconds=0)
        deep = report(fourth, "deep", "customer")
        assert (deep.windows_listed, deep.windows_skipped) == (2, windows - 2)
        assert deep.missing == (oldest["id"],)


async def test_events_skipped_for_a_named_reason_count_as_applied(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        # A named skip of the registry (unrouted_events): the balance has no table.
        balance = {"object": "balance", "livemode": False, "available": [], "pending": []}
        skipped = fake.emit_event("balance.available", balance)
        missed = fake.emit_event("balance.available", {**balance, "available": [{"amount": 1}]})
        applied = await sync.process_event(skipped)
        assert applied.outcome is Outcome.SKIPPED
        assert applied.reason

        found = await sync.verify(deep=False, settle_seconds=0)
        assert [r.check for r in found.reports] == ["events"]
        events = report(found, "events", "events")
        assert events.checked == 2
        assert events.missing == (missed["id"],)
        only = await sync.verify("customer", deep=False, settle_seconds=0)
        assert report(only, "events", "events").checked == 0, "about other objects: not asked"

        fixed = await sync.verify(deep=False, repair=True, settle_seconds=0)
        assert report(fixed, "events", "events").repaired == (missed["id"],)
        again = await sync.verify(deep=False, settle_seconds=0)
    assert report(again, "events", "events").checked == 2
    assert again.remaining == 0


async def test_a_connected_account_is_verified_under_its_own_id(
    fake: FakeStripe, database_url: str
) -> None:
    connected = fake.add_account()
    ids = fake.seed("customer", 30, account=connected)
    fake.seed("customer", 20)
    async with make_sync(fake, database_url) as sync:
        (run,) = await sync.process_connected_accounts("customer", accounts=[connected])
        assert run.status == "complete"
        await sync.process_until_done("customer")
        execute(database_url, "DELETE FROM stripe._raw_customers WHERE id = %s", (ids[0],))
        fake.call("DELETE", f"/v1/customers/{ids[1]}", account=connected)

        found = await sync.verify("customer", account=connected, settle_seconds=0)
        assert found.account_id == connected
        deep = report(found, "deep", "customer")
        assert (deep.missing, deep.extra, deep.stale) == ((ids[0],), (ids[1],), ())
        assert deep.checked == 29, "the platform's customers are not compared"
        (deleted,) = fake.events(account=connected, type_="customer.deleted")
        assert report(found, "events", "events").missing == (deleted["id"],)
        platform = await sync.verify("customer", settle_seconds=0)
        assert platform.remaining == 0, "the connected account's drift is its own"

        await sync.verify("customer", account=connected, repair=True, settle_seconds=0)
        again = await sync.verify("customer", account=connected, settle_seconds=0)
    assert again.remaining == 0


async def test_a_listing_stripe_refuses_is_an_error_and_the_rest_is_checked(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        await synced(fake, database_url, sync)
        fake.deny("GET /v1/products", "GET /v1/events")
        result = await sync.verify(["customer", "product"], settle_seconds=0)
    assert result.status == "error"
    assert result.remaining == 0
    assert report(result, "deep", "customer").error is None
    assert report(result, "deep", "customer").checked == 240
    product = report(result, "deep", "product")
    assert product.error is not None
    assert "StripePermissionError" in product.error
    events = report(result, "events", "events")
    assert events.error is not None
    assert "permission" in events.error
    assert result.errors == (f"events: {events.error}", f"product: {product.error}")
    with psycopg.connect(database_url) as conn:
        stored = conn.execute(
            "SELECT DISTINCT status FROM stripe.verify_runs WHERE run_id = %s", (result.run_id,)
        ).fetchall()
        recorded = conn.execute(
            "SELECT count(*) FROM stripe._verified_windows WHERE object = 'product'"
        ).fetchone()
    assert stored == [("error",)]
    assert recorded == (0,), "a window Stripe refused is not verified"


async def test_objects_listed_per_parent_get_the_events_check_only(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        result = await sync.verify(["payment_method", "invoice_line_item"], settle_seconds=0)
    assert report(result, "deep", "payment_method").note == (
        "not re-listed: it is listed per customer; its events are checked"
    )
    assert "comes with its invoice" in (report(result, "deep", "invoice_line_item").note or "")
    assert result.remaining == 0


async def test_since_limits_both_checks_and_bad_input_is_refused(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        await synced(fake, database_url, sync)
        since = datetime.now(UTC) - timedelta(days=40)
        result = await sync.verify("customer", since=since.date().isoformat(), settle_seconds=0)
        assert result.since >= datetime.now(UTC) - timedelta(days=30, minutes=1), (
            "events older than Stripe keeps are not asked for"
        )
        deep = report(result, "deep", "customer")
        assert deep.windows_listed == len(month_windows(since, datetime.now(UTC)))
        state = fake.store.account(None)
        assert state is not None
        first_month = datetime(since.year, since.month, 1, tzinfo=UTC).timestamp()
        records = state.tables["customer"].records.values()
        assert deep.checked == len([r for r in records if r["created"] >= first_month])
        with pytest.raises(ConfigError):
            await sync.verify("customer", since="yesterday")
        with pytest.raises(ConfigError):
            await sync.verify("customer", settle_seconds=-1)
        with pytest.raises(ConfigError, match="in the future"):
            await sync.verify("customer", since=int(time.time()) + DAY)


async def test_metrics_show_the_drift_of_the_newest_run(
    fake: FakeStripe, database_url: str
) -> None:
    async with make_sync(fake, database_url) as sync:
        app = create_app(sync=sync, registry=CollectorRegistry())
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://sync"
        ) as http:
            before = samples((await http.get("/metrics")).text)
            assert not [k for k in before if k[0].startswith("stripe_sync_verify")]
            await synced(fake, database_url, sync)
            lost = sorted(fake_ids(fake, "customer"))[0]
            execute(database_url, "DELETE FROM stripe._raw_customers WHERE id = %s", (lost,))
            await sync.verify(["customer", "product"], settle_seconds=0)
            found = samples((await http.get("/metrics")).text)
            await sync.verify("customer", repair=True, settle_seconds=0)
            after = samples((await http.get("/metrics")).text)
    account = (("account", fake.account_id),)
    mode = (("mode", "test"),)
    drift = "stripe_sync_verify_drift"
    assert found[(drift, (*account, ("check", "deep"), *mode, ("object", "customer")))] == 1
    assert found[(drift, (*account, ("check", "deep"), *mode, ("object", "product")))] == 0
    assert found[(drift, (*account, ("check", "events"), *mode, ("object", "events")))] == 0
    assert after[(drift, (*account, ("check", "deep"), *mode, ("object", "customer")))] == 0
    assert (drift, (*account, ("check", "deep"), *mode, ("object", "product"))) not in after, (
        "only the newest run counts"
    )
    stamp = after[("stripe_sync_verify_last_run_timestamp_seconds", (*account, *mode))]
    assert abs(stamp - time.time()) < 60


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(text)
        for s in family.samples
    }


async def test_an_event_holding_u0000_does_not_fail_the_events_check(
    fake: FakeStripe, database_url: str
) -> None:
    # jsonb cannot hold U+0000: the events are routed in the database, without it.
    async with make_sync(fake, database_url) as sync:
        charge = {"id": "ch_nul", "object": "charge", "description": "a\x00b", "created": 1}
        event = fake.emit_event("charge.updated", charge)
        for objects in ("customer", None):
            found = await (
                sync.verify(objects, deep=False, settle_seconds=0)
                if objects
                else sync.verify(deep=False, settle_seconds=0)
            )
            events = report(found, "events", "events")
            assert events.error is None
            assert found.status != "error"
            if objects is None:
                assert events.missing == (event["id"],)
