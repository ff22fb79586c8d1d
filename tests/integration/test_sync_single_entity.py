"""``sync_single_entity``: one object fetched by id, its type told by the id prefix."""

from __future__ import annotations

import httpx
import pytest

from stripe_sync import AsyncStripeSync, Outcome, StripeSync, UnknownObjectError
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.resources import REGISTRY
from stripe_sync.testing import FakeStripe, FakeStripeError
from tests.integration.helpers import WEBHOOK_SECRET, count, make_config, rows

# Registry name -> the id prefix the fake gives it (for sub_sched_ the longest prefix must win).
PREFIXED = [
    ("customer", "cus_"),
    ("product", "prod_"),
    ("price", "price_"),
    ("plan", "plan_"),
    ("subscription", "sub_"),
    ("subscription_schedule", "sub_sched_"),
    ("invoice", "in_"),
    ("invoice_item", "ii_"),
    ("payment_intent", "pi_"),
    ("charge", "ch_"),
    ("refund", "re_"),
    ("dispute", "dp_"),
    ("payout", "po_"),
    ("balance_transaction", "txn_"),
    ("tax_rate", "txr_"),
    ("promotion_code", "promo_"),
    ("setup_intent", "seti_"),
    ("credit_note", "cn_"),
    ("checkout_session", "cs_"),
    ("transfer", "tr_"),
    ("quote", "qt_"),
    ("review", "prv_"),
    ("early_fraud_warning", "issfr_"),
    ("feature", "feat_"),
    ("payment_method", "pm_"),
    ("tax_id", "txi_"),
]


@pytest.mark.parametrize(("name", "prefix"), PREFIXED, ids=[n for n, _ in PREFIXED])
async def test_type_from_prefix(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str, name: str, prefix: str
) -> None:
    (object_id,) = fake.seed(name, 1)
    assert object_id.startswith(prefix)
    table = REGISTRY[name].table

    result = await sync.sync_single_entity(object_id)

    assert result.outcome is Outcome.WRITTEN
    assert (result.object, result.object_id) == (name, object_id)
    assert result.account_id == fake.account_id
    assert result.event_id is None
    stored = rows(database_url, table)[object_id]
    assert stored["_raw_data"] == fake.get(name, object_id)
    assert stored["_account_id"] == fake.account_id
    assert stored["_version_source"] == "fetch"
    assert not stored.get("deleted")


async def test_schedule_is_not_taken_for_a_subscription(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    (schedule_id,) = fake.seed("subscription_schedule", 1)
    await sync.sync_single_entity(schedule_id)
    assert set(rows(database_url, "subscription_schedules")) == {schedule_id}
    assert schedule_id not in rows(database_url, "subscriptions")


async def test_same_object_twice_is_unchanged(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    assert (await sync.sync_single_entity(customer["id"])).outcome is Outcome.WRITTEN
    fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "Ada Lovelace"})
    assert (await sync.sync_single_entity(customer["id"])).outcome is Outcome.WRITTEN
    assert rows(database_url, "customers")[customer["id"]]["name"] == "Ada Lovelace"
    assert count(database_url, "customers") == 1


async def test_deleted_customer_becomes_a_tombstone(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    await sync.sync_single_entity(customer["id"])
    fake.call("DELETE", f"/v1/customers/{customer['id']}")

    result = await sync.sync_single_entity(customer["id"])

    assert result.outcome is Outcome.DELETED
    stored = rows(database_url, "customers")[customer["id"]]
    assert stored["deleted"] is True
    assert stored["deleted_at"] is not None
    # The last known state is kept on the tombstone.
    assert stored["name"] == "Ada"
    # Fetching it again changes nothing: deleted stays deleted.
    again = await sync.sync_single_entity(customer["id"])
    assert again.outcome is Outcome.TOMBSTONED
    assert rows(database_url, "customers")[customer["id"]]["deleted"] is True


async def test_deleted_customer_never_seen_before_is_a_tombstone(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    fake.call("DELETE", f"/v1/customers/{customer['id']}")

    result = await sync.sync_single_entity(customer["id"])

    assert result.outcome is Outcome.DELETED
    assert rows(database_url, "customers")[customer["id"]]["deleted"] is True


@pytest.mark.parametrize(
    ("object_id", "table"),
    [("cus_doesnotexist000", "customers"), ("in_doesnotexist000", "invoices")],
)
async def test_missing_object_becomes_a_tombstone(
    sync: AsyncStripeSync, database_url: str, object_id: str, table: str
) -> None:
    result = await sync.sync_single_entity(object_id)

    assert result.outcome is Outcome.DELETED
    assert result.object_id == object_id
    stored = rows(database_url, table)[object_id]
    assert stored["deleted"] is True
    assert stored["_raw_data"]["id"] == object_id


@pytest.mark.parametrize("object_id", ["xyz_123", "evt_123", "mandate_123", "123", ""])
async def test_unknown_prefix_raises(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str, object_id: str
) -> None:
    before = fake.stats()["totals"]["requests"]
    with pytest.raises(UnknownObjectError) as raised:
        await sync.sync_single_entity(object_id)
    message = str(raised.value)
    assert repr(object_id) in message
    assert "prefix" in message
    assert "cus_" in message  # it lists the prefixes it knows
    # Nothing was asked of Stripe and nothing was written.
    assert fake.stats()["totals"]["requests"] == before
    assert count(database_url, "customers") == 0


async def test_unknown_object_name_raises(sync: AsyncStripeSync) -> None:
    with pytest.raises(UnknownObjectError, match=r"unknown object 'widget'.*customer"):
        await sync.sync_single_entity("wdg_1", object="widget")


async def test_coupon_by_explicit_object(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    coupon = fake.call("POST", "/v1/coupons", {"id": "SUMMER25", "percent_off": "25"})
    assert coupon["id"] == "SUMMER25"
    # Coupon ids are free-form: the prefix cannot tell the type.
    with pytest.raises(UnknownObjectError):
        await sync.sync_single_entity("SUMMER25")

    result = await sync.sync_single_entity("SUMMER25", object="coupon")

    assert result.outcome is Outcome.WRITTEN
    assert result.object == "coupon"
    stored = rows(database_url, "coupons")["SUMMER25"]
    assert stored["_raw_data"]["percent_off"] == 25


async def test_missing_coupon_is_a_tombstone(sync: AsyncStripeSync, database_url: str) -> None:
    result = await sync.sync_single_entity("GONE10", object="coupon")
    assert result.outcome is Outcome.DELETED
    assert rows(database_url, "coupons")["GONE10"]["deleted"] is True


async def test_child_object_by_name_says_to_sync_the_parent(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    before = fake.stats()["totals"]["requests"]
    with pytest.raises(UnknownObjectError) as raised:
        await sync.sync_single_entity("si_123", object="subscription_item")
    message = str(raised.value)
    assert "subscription_item" in message
    assert "subscription" in message.replace("subscription_item", "")
    assert "parent" in message
    assert fake.stats()["totals"]["requests"] == before


@pytest.mark.parametrize(
    ("object_id", "parent"),
    [("si_123", "subscription"), ("il_123", "invoice"), ("cnli_123", "credit_note")],
)
async def test_child_id_gives_a_clear_error(
    sync: AsyncStripeSync, database_url: str, object_id: str, parent: str
) -> None:
    with pytest.raises(UnknownObjectError) as raised:
        await sync.sync_single_entity(object_id)
    message = str(raised.value)
    assert repr(object_id) in message
    # A child id has a well-known prefix: the error should say what it is and what to sync
    # instead, not that the prefix is unknown.
    assert parent in message, message
    assert count(database_url, REGISTRY[parent].table) == 0


async def test_connected_account(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    account = fake.add_account()
    customer = fake.call("POST", "/v1/customers", {"name": "Connected"}, account=account)

    result = await sync.sync_single_entity(customer["id"], account=account)

    assert result.outcome is Outcome.WRITTEN
    assert result.account_id == account
    stored = rows(database_url, "customers")[customer["id"]]
    assert stored["_account_id"] == account
    assert stored["name"] == "Connected"
    # The object exists only in the connected account: the platform's view is a 404.
    with pytest.raises(FakeStripeError, match="No such customer"):
        fake.get("customer", customer["id"])


async def test_connected_account_coupon(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    account = fake.add_account()
    fake.call(
        "POST",
        "/v1/coupons",
        {"id": "CONNECT5", "amount_off": "500", "currency": "usd"},
        account=account,
    )
    result = await sync.sync_single_entity("CONNECT5", object="coupon", account=account)
    assert result.outcome is Outcome.WRITTEN
    assert rows(database_url, "coupons")["CONNECT5"]["_account_id"] == account


def test_sync_facade_in_plain_code(fake: FakeStripe, database_url: str) -> None:
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    config = make_config(fake, database_url)
    with StripeSync(
        config,
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    ) as engine:
        synced = engine.sync_single_entity(customer["id"])
        assert synced.outcome is Outcome.WRITTEN
        assert rows(database_url, "customers")[customer["id"]]["name"] == "Ada"

        fake.call("POST", f"/v1/customers/{customer['id']}", {"name": "Ada Lovelace"})
        event = fake.events(type_="customer.updated")[0]
        processed = engine.process_event(event)
        assert processed.outcome is Outcome.WRITTEN
        assert processed.event_id == event["id"]
        assert rows(database_url, "customers")[customer["id"]]["name"] == "Ada Lovelace"

        # And a signed webhook through the same facade.
        product = fake.call("POST", "/v1/products", {"name": "Widget"})
        created = fake.events(type_="product.created")[0]
        assert created["data"]["object"]["id"] == product["id"]
        hooked = engine.process_webhook(*fake.signed_event(created, WEBHOOK_SECRET))
        assert hooked.outcome is Outcome.WRITTEN
    assert set(rows(database_url, "products")) == {product["id"]}
    assert set(rows(database_url, "_processed_events")) == {event["id"], created["id"]}


async def test_sync_facade_called_from_a_coroutine(fake: FakeStripe, database_url: str) -> None:
    """StripeSync inside a running event loop works (its own loop runs on its own thread); the
    call blocks the caller's loop while it runs."""
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    with StripeSync(
        make_config(fake, database_url),
        http_transport=httpx.ASGITransport(app=fake.app),
        rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
    ) as engine:
        assert engine.sync_single_entity(customer["id"]).outcome is Outcome.WRITTEN
        event = fake.events(type_="customer.created")[0]
        assert engine.process_event(event).outcome is Outcome.UNCHANGED
    assert rows(database_url, "customers")[customer["id"]]["name"] == "Ada"
    assert set(rows(database_url, "_processed_events")) == {event["id"]}
