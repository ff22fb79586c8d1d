"""Dead letters: an event that cannot be applied for a non-transient reason is stored with its
error, listed, and applied again by a replay once the cause is gone; transient failures are
never stored (they propagate, and Stripe delivers the event again)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import make_conninfo

from stripe_sync import (
    ConfigError,
    DatabaseUnavailableError,
    Outcome,
    PoolConfig,
    StripeServerError,
    StripeSync,
)
from stripe_sync.dead_letters import describe_error
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.server import create_app
from stripe_sync.testing import FakeStripe
from tests.conftest import RestartablePostgres
from tests.integration.helpers import WEBHOOK_SECRET, count, make_config, make_sync, rows
from tests.support.waiting import until

#: A connected account that the platform's key cannot reach (yet): the fake answers 403.
CONNECTED = "acct_1DeadLetterTest00"
REVALIDATE_COUPONS = {"revalidate_objects_via_stripe_api": ("coupon",)}


def connect_event(fake: FakeStripe, coupon_id: str) -> dict[str, Any]:
    """A Connect ``coupon.created`` event of :data:`CONNECTED`, shaped as Stripe sends it."""
    fake.call("POST", "/v1/coupons", {"id": coupon_id, "percent_off": 25})
    (event,) = [
        e for e in fake.events(type_="coupon.created") if e["data"]["object"]["id"] == coupon_id
    ]
    return {**event, "account": CONNECTED}


def connect_account(fake: FakeStripe, *coupon_ids: str) -> None:
    """The cause goes away: the account is reachable and holds the coupons."""
    fake.add_account(CONNECTED)
    for coupon_id in coupon_ids:
        fake.call("POST", "/v1/coupons", {"id": coupon_id, "percent_off": 30}, account=CONNECTED)


def customer_created(fake: FakeStripe, name: str) -> dict[str, Any]:
    customer = fake.call("POST", "/v1/customers", {"name": name})
    (event,) = [
        e
        for e in fake.events(type_="customer.created")
        if e["data"]["object"]["id"] == customer["id"]
    ]
    return event


def dead_letters(url: str, relation: str = "_dead_letters") -> dict[str, dict[str, Any]]:
    """The rows of ``_dead_letters`` (or the ``failed_events`` view) by event id."""
    statement = sql.SQL("SELECT * FROM stripe.{} ORDER BY event_id").format(
        sql.Identifier(relation)
    )
    with psycopg.connect(url) as conn:
        cur = conn.execute(statement)
        assert cur.description is not None
        names = [c.name for c in cur.description]
        return {r[0]: dict(zip(names, r, strict=True)) for r in cur.fetchall()}


def dead_letter(url: str, event_id: str) -> dict[str, Any]:
    return dead_letters(url)[event_id]


def processed(url: str, event_id: str) -> bool:
    return count(url, "_processed_events", f"id = '{event_id}'") == 1


async def deliver(http: httpx.AsyncClient, event: dict[str, Any]) -> httpx.Response:
    body, header = FakeStripe.signed_event(event, WEBHOOK_SECRET)
    return await http.post("/webhooks", content=body, headers={"Stripe-Signature": header})


async def test_webhook_batch_stores_the_failing_event_and_applies_the_rest(
    fake: FakeStripe, database_url: str
) -> None:
    before = customer_created(fake, "Before")
    failing = connect_event(fake, "SPRING25")
    after = customer_created(fake, "After")
    async with make_sync(fake, database_url, **REVALIDATE_COUPONS) as sync:
        app = create_app(sync=sync)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sync") as http:
            answers = [await deliver(http, e) for e in (before, failing, after)]

    # 200 for all three: Stripe stops retrying the one that cannot succeed.
    assert [a.status_code for a in answers] == [200, 200, 200]
    assert [a.json()["outcome"] for a in answers] == ["written", "failed", "written"]
    assert set(rows(database_url, "customers")) == {
        before["data"]["object"]["id"],
        after["data"]["object"]["id"],
    }
    assert count(database_url, "coupons") == 0

    stored = dead_letter(database_url, failing["id"])
    assert stored["payload"] == failing
    assert stored["account_id"] == CONNECTED
    assert stored["type"] == "coupon.created"
    assert stored["error_class"] == "StripePermissionError"
    assert "does not have access to account" in stored["error_message"]
    assert "status=403" in stored["error_message"]
    assert stored["attempts"] == 1
    assert stored["resolved_at"] is None
    # Not recorded as processed, or its replay would be a no-op 'duplicate'.
    assert not processed(database_url, failing["id"])
    view = dead_letters(database_url, "failed_events")
    assert list(view) == [failing["id"]]
    assert view[failing["id"]]["payload"] == failing


async def test_result_says_failed_and_why(fake: FakeStripe, database_url: str) -> None:
    event = connect_event(fake, "SUMMER10")
    async with make_sync(fake, database_url, **REVALIDATE_COUPONS) as sync:
        result = await sync.process_event(event)
        assert result.outcome is Outcome.FAILED
        assert not result.applied
        assert (result.event_id, result.event_type) == (event["id"], "coupon.created")
        assert (result.object, result.object_id, result.account_id) == (
            "coupon",
            "SUMMER10",
            CONNECTED,
        )
        assert result.reason is not None
        assert result.reason.startswith("StripePermissionError: ")

        listed = await sync.list_failed_events()
        assert [f["event_id"] for f in listed] == [event["id"]]
        assert listed[0]["payload"] == event
        assert listed[0]["error_class"] == "StripePermissionError"


async def test_a_failed_summary_names_the_parent_whose_rows_it_replaces(
    fake: FakeStripe, database_url: str
) -> None:
    # A truncated summary is listed first; on an account the key cannot reach, that fails.
    path = Path(__file__).parents[1] / "fixtures" / "events" / "active_entitlement_summary.json"
    event = json.loads(path.read_text())
    event["account"] = CONNECTED
    event["data"]["object"]["entitlements"]["has_more"] = True
    async with make_sync(fake, database_url) as sync:
        result = await sync.process_event(event)
    assert result.outcome is Outcome.FAILED
    assert (result.object, result.object_id) == (
        "active_entitlement",
        event["data"]["object"]["customer"],
    )


async def test_redelivery_after_the_cause_is_gone_resolves_it(
    fake: FakeStripe, database_url: str
) -> None:
    event = connect_event(fake, "WINTER5")
    async with make_sync(fake, database_url, **REVALIDATE_COUPONS) as sync:
        assert (await sync.process_event(event)).outcome is Outcome.FAILED
        again = await sync.process_event(event)
        assert again.outcome is Outcome.FAILED
        assert dead_letter(database_url, event["id"])["attempts"] == 2

        connect_account(fake, "WINTER5")
        assert (await sync.process_event(event)).outcome is Outcome.WRITTEN
        assert await sync.list_failed_events() == []
        resolved = await sync.list_failed_events(include_resolved=True)
    assert [r["event_id"] for r in resolved] == [event["id"]]
    assert resolved[0]["resolved_at"] is not None
    assert dead_letters(database_url, "failed_events") == {}
    coupon = rows(database_url, "coupons")["WINTER5"]
    assert coupon["_account_id"] == CONNECTED
    assert coupon["_raw_data"]["percent_off"] == 30  # as fetched from the account


async def test_replay_by_id_and_all(fake: FakeStripe, database_url: str) -> None:
    first, second, third = (connect_event(fake, c) for c in ("ONE", "TWO", "THREE"))
    async with make_sync(fake, database_url, **REVALIDATE_COUPONS) as sync:
        for event in (first, second, third):
            assert (await sync.process_event(event)).outcome is Outcome.FAILED

        # Still broken: the replay fails again, counted, nothing resolved.
        (still,) = await sync.replay_failed_events([second["id"]])
        assert still.outcome is Outcome.FAILED
        assert dead_letter(database_url, second["id"])["attempts"] == 2

        # An unknown id refuses the whole replay before doing anything.
        with pytest.raises(ConfigError, match="evt_nope"):
            await sync.replay_failed_events([first["id"], "evt_nope"])
        assert dead_letter(database_url, first["id"])["attempts"] == 1

        connect_account(fake, "ONE", "TWO", "THREE")
        (by_id,) = await sync.replay_failed_events([second["id"]])
        assert (by_id.outcome, by_id.event_id) == (Outcome.WRITTEN, second["id"])
        assert [f["event_id"] for f in await sync.list_failed_events()] != []
        assert second["id"] not in {f["event_id"] for f in await sync.list_failed_events()}

        everything = await sync.replay_failed_events()
        assert sorted(r.event_id or "" for r in everything) == sorted([first["id"], third["id"]])
        assert {r.outcome for r in everything} == {Outcome.WRITTEN}
        assert await sync.list_failed_events() == []
        assert await sync.replay_failed_events() == []

        # Replaying a resolved event again changes nothing.
        (dup,) = await sync.replay_failed_events([first["id"]])
        assert dup.outcome is Outcome.DUPLICATE
    assert set(rows(database_url, "coupons")) == {"ONE", "TWO", "THREE"}
    assert all(processed(database_url, e["id"]) for e in (first, second, third))


def test_the_sync_facade_lists_and_replays(fake: FakeStripe, database_url: str) -> None:
    event = connect_event(fake, "SYNCED")
    config = make_config(fake, database_url, **REVALIDATE_COUPONS)
    with StripeSync(
        config,
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    ) as sync:
        assert sync.process_event(event).outcome is Outcome.FAILED
        assert [f["event_id"] for f in sync.list_failed_events(limit=1)] == [event["id"]]
        connect_account(fake, "SYNCED")
        (result,) = sync.replay_failed_events(None)
        assert result.outcome is Outcome.WRITTEN
        assert sync.list_failed_events() == []


async def test_failure_after_the_write_committed_is_resolved_by_its_replay(
    fake: FakeStripe, database_url: str
) -> None:
    # The invoice item is written (and its event recorded as processed); fetching its missing
    # customer from the unreachable account then fails. The replay answers 'duplicate' and
    # resolves the dead letter; the customer is not fetched again (sync-entity does that).
    customer = fake.call("POST", "/v1/customers", {"name": "Elsewhere"})["id"]
    params = {"customer": customer, "amount": "750", "currency": "usd"}
    item = fake.call("POST", "/v1/invoiceitems", params)
    event = {**fake.events(type_="invoiceitem.created")[0], "account": CONNECTED}
    async with make_sync(fake, database_url) as sync:
        assert (await sync.process_event(event)).outcome is Outcome.FAILED
        assert dead_letter(database_url, event["id"])["error_class"] == "StripePermissionError"
        assert item["id"] in rows(database_url, "invoice_items")
        assert processed(database_url, event["id"])

        connect_account(fake)
        (replayed,) = await sync.replay_failed_events([event["id"]])
        assert replayed.outcome is Outcome.DUPLICATE
        assert await sync.list_failed_events() == []
    assert dead_letter(database_url, event["id"])["resolved_at"] is not None


async def test_a_payload_the_database_refuses_is_stored_and_replayable(
    fake: FakeStripe, database_url: str
) -> None:
    # PostgreSQL's jsonb cannot hold U+0000, which a Stripe string may carry: the write path
    # refuses the event (a DatabaseError, not transient), and no redelivery can change that.
    event = customer_created(fake, "Ann\x00Smith")
    async with make_sync(fake, database_url) as sync:
        result = await sync.process_event(event)
        assert result.outcome is Outcome.FAILED
        stored = dead_letter(database_url, event["id"])
        assert stored["error_class"] == "DatabaseError"
        assert "U+0000" in stored["error_message"]
        assert stored["payload"]["data"]["object"]["name"] == "Ann\ufffdSmith"
        assert stored["payload"]["id"] == event["id"]
        assert count(database_url, "customers") == 0

        # The stored payload is what a replay applies.
        (replayed,) = await sync.replay_failed_events([event["id"]])
        assert replayed.outcome is Outcome.WRITTEN
    customer = rows(database_url, "customers")[event["data"]["object"]["id"]]
    assert customer["name"] == "Ann\ufffdSmith"
    assert dead_letters(database_url, "failed_events") == {}


async def test_no_api_key_in_the_stored_error(fake: FakeStripe, database_url: str) -> None:
    # A revoked key: Stripe answers 401 and names the key (masked) in its message.
    revoked = "sk_test_revoked_0123456789abcdefXYZ"
    event = customer_created(fake, "Keyless")
    async with make_sync(fake, database_url, stripe_secret_key=revoked) as sync:
        result = await sync.process_event(event)
    assert result.outcome is Outcome.FAILED
    stored = dead_letter(database_url, event["id"])
    assert stored["error_class"] == "StripeAuthenticationError"
    assert "status=401" in stored["error_message"]
    for text in (stored["error_message"], result.reason or ""):
        assert revoked not in text
        assert revoked[-4:] not in text  # not even Stripe's masked form
        assert "sk_test_" not in text
        assert "****" not in text

    # With the key fixed, the replay applies it.
    async with make_sync(fake, database_url) as sync:
        (replayed,) = await sync.replay_failed_events()
    assert replayed.outcome is Outcome.WRITTEN
    assert replayed.account_id == fake.account_id
    assert count(database_url, "customers") == 1


async def test_a_transient_stripe_error_propagates_and_is_not_stored(
    fake: FakeStripe, database_url: str
) -> None:
    fake.call("POST", "/v1/coupons", {"id": "FLAKY", "percent_off": 5})
    event = fake.events(type_="coupon.created")[0]
    async with make_sync(fake, database_url, max_retries=1, **REVALIDATE_COUPONS) as sync:
        await sync.get_current_account()
        fake.configure(server_error_probability=1.0, seed=1)
        with pytest.raises(StripeServerError):
            await sync.process_event(event)
        app = create_app(sync=sync)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sync") as http:
            answer = await deliver(http, event)
        assert answer.status_code == 503  # Stripe delivers it again
        assert await sync.list_failed_events() == []
        assert dead_letters(database_url) == {}

        fake.configure(server_error_probability=0.0)
        assert (await sync.process_event(event)).outcome is Outcome.WRITTEN


async def test_a_transient_database_error_propagates_and_is_not_stored(
    fake: FakeStripe, database_url: str
) -> None:
    # A lock held elsewhere makes the write time out: transient (retry later), database up.
    impatient = make_conninfo(database_url, options="-c lock_timeout=200")
    event = customer_created(fake, "Locked")
    customer_id = event["data"]["object"]["id"]
    async with make_sync(fake, database_url) as sync:
        assert (await sync.process_event(event)).outcome is Outcome.WRITTEN
    fake.call("POST", f"/v1/customers/{customer_id}", {"name": "Renamed"})
    update = fake.events(type_="customer.updated")[0]
    async with make_sync(fake, impatient) as sync:
        with psycopg.connect(database_url) as holder:
            holder.execute(
                "SELECT 1 FROM stripe.customers WHERE id = %s FOR UPDATE", (customer_id,)
            )
            with pytest.raises(DatabaseUnavailableError) as caught:
                await sync.process_event(update)
            assert caught.value.transient
            assert dead_letters(database_url) == {}
        assert (await sync.process_event(update)).outcome is Outcome.WRITTEN
    assert rows(database_url, "customers")[customer_id]["name"] == "Renamed"


async def test_database_down_propagates_and_nothing_is_stored(
    fake: FakeStripe, restartable_pg15: RestartablePostgres
) -> None:
    server = restartable_pg15
    url = server.url
    first = customer_created(fake, "First")
    pool = PoolConfig(min_size=1, max_size=1, connect_timeout_seconds=1)
    async with make_sync(fake, url, pool_config=pool) as sync:
        assert (await sync.process_event(first)).outcome is Outcome.WRITTEN
        second = customer_created(fake, "Second")
        server.stop()
        # A transient error, not a 'failed' result: the webhook answers 503 and Stripe delivers
        # the event again. (That nothing is stored while the database is up is shown by the
        # lock timeout test above: here nothing could be stored either way.)
        with pytest.raises(DatabaseUnavailableError) as caught:
            await sync.process_event(second)
        assert caught.value.transient

        server.start()

        async def redeliver() -> Outcome | None:
            try:
                return (await sync.process_event(second)).outcome
            except DatabaseUnavailableError:
                return None

        outcome = await until(redeliver, "the redelivered event to apply", interval=0.2)
        assert outcome == Outcome.WRITTEN
    assert dead_letters(url) == {}


async def test_malformed_events_are_not_dead_letters(fake: FakeStripe, database_url: str) -> None:
    event = customer_created(fake, "Shapeless")
    broken = copy.deepcopy(event)
    del broken["data"]["object"]["object"]
    async with make_sync(fake, database_url) as sync:
        app = create_app(sync=sync)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://sync") as http:
            malformed = await deliver(http, broken)
            body, _ = FakeStripe.signed_event(event, WEBHOOK_SECRET)
            unsigned = await http.post(
                "/webhooks", content=body, headers={"Stripe-Signature": "t=1,v1=00"}
            )
    assert (malformed.status_code, unsigned.status_code) == (400, 400)
    assert dead_letters(database_url) == {}


def test_messages_are_scrubbed_of_anything_secret() -> None:
    class Surprise(Exception):
        pass

    try:
        raise Surprise("bug near sk_live_51Habc_def, whsec_abc123 and the configured hunter2-key")
    except Surprise as caught:
        name, message = describe_error(caught, ("hunter2-key", None))
    assert name.endswith(
        "test_dead_letters.test_messages_are_scrubbed_of_anything_secret.<locals>.Surprise"
    )
    assert message.startswith("bug near [redacted], [redacted] and the configured [redacted] (at ")
    assert "integration/test_dead_letters.py:" in message
    assert describe_error(KeyError("x")) == ("KeyError", "'x'")
    long_name, long_message = describe_error(ValueError("x" * 5000))
    assert (long_name, len(long_message)) == ("ValueError", 2000)
