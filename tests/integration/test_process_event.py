"""``AsyncStripeSync.process_event`` end to end: the fake Stripe, the engine, a real PostgreSQL.

Events come from the fake itself (an API call, then ``fake.events(type_=...)``) wherever it can
produce them; the others are Stripe's example objects from
``vendor/stripe-openapi/fixtures3.json`` announced with ``fake.emit_event``. The fake runs on a
manual clock in the past, so each test decides which events share a second and every fetch
(stamped with the real clock) is newer than any event.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from stripe_sync import AsyncStripeSync, Outcome
from stripe_sync.changes import id_of
from stripe_sync.resources import REGISTRY
from stripe_sync.testing import FakeStripe
from stripe_sync.testing.templates import fixture
from tests.integration.helpers import count, make_sync, rows

REPO_ROOT = Path(__file__).resolve().parents[2]
STRIPE_EXAMPLES = REPO_ROOT / "vendor" / "stripe-openapi" / "fixtures3.json"
EVENT_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "events"
#: 2025-01-01T00:00:00Z: the fake's clock starts here, well before any real fetch.
T0 = 1_735_689_600
#: Stripe embeds the first 10 items of a truncated list.
EMBEDDED = 10


class Clock:
    """The fake's clock: stands still until a test moves it."""

    def __init__(self, start: float) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def tick(self, seconds: float = 1) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> Clock:
    return Clock(T0)


@pytest.fixture
def fake(clock: Clock) -> Iterator[FakeStripe]:
    """Overrides the package fixture: the same fake, on the manual clock."""
    with FakeStripe(seed=7, clock=clock) as fake:
        yield fake


@cache
def _examples() -> dict[str, dict[str, Any]]:
    data: dict[str, dict[str, Any]] = json.loads(STRIPE_EXAMPLES.read_text())["resources"]
    return data


def example(object_name: str) -> dict[str, Any]:
    """A private copy of Stripe's example ``object_name`` (``radar.early_fraud_warning``), or
    for objects newer than Stripe's examples the fake's (made from the SDK's fields)."""
    if object_name not in _examples():
        return fixture(object_name)
    return copy.deepcopy(_examples()[object_name])


def load_event(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EVENT_FIXTURES / name).read_text())
    return data


def latest(fake: FakeStripe, type_: str, account: str | None = None) -> dict[str, Any]:
    """The newest recorded event of ``type_``."""
    found = fake.events(account=account, type_=type_)
    assert found, f"the fake recorded no {type_} event"
    return found[0]


def obj(event: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = event["data"]["object"]
    return data


def ts(seconds: int) -> datetime:
    return datetime.fromtimestamp(seconds, UTC)


def object_tables_total(url: str) -> int:
    return sum(count(url, r.table) for r in REGISTRY.values())


# -- building blocks in the fake -------------------------------------------------------------


def new_customer(fake: FakeStripe, name: str = "Ada", account: str | None = None) -> str:
    params = {"email": "ada@example.com", "name": name}
    return str(fake.call("POST", "/v1/customers", params, account=account)["id"])


def new_price(fake: FakeStripe, unit_amount: int = 1500) -> str:
    product = fake.call("POST", "/v1/products", {"name": "Plan"})
    params = {
        "product": product["id"],
        "currency": "usd",
        "unit_amount": str(unit_amount),
        "recurring": {"interval": "month"},
    }
    return str(fake.call("POST", "/v1/prices", params)["id"])


def new_charge(fake: FakeStripe, customer: str, account: str | None = None) -> str:
    params = {"amount": "2000", "currency": "usd", "customer": customer}
    return str(fake.call("POST", "/v1/charges", params, account=account)["id"])


def new_subscription(fake: FakeStripe, n_items: int) -> str:
    customer = new_customer(fake)
    items = [{"price": new_price(fake, 100 + i)} for i in range(n_items)]
    return str(fake.call("POST", "/v1/subscriptions", {"customer": customer, "items": items})["id"])


def new_invoice(fake: FakeStripe, n_lines: int) -> str:
    customer = new_customer(fake)
    for i in range(n_lines):
        fake.call(
            "POST",
            "/v1/invoiceitems",
            {"customer": customer, "amount": str(100 + i), "currency": "usd"},
        )
    params = {"customer": customer, "pending_invoice_items_behavior": "include"}
    return str(fake.call("POST", "/v1/invoices", params)["id"])


# -- 1. every event family lands in its table ---------------------------------------------------


def _customer(fake: FakeStripe) -> dict[str, Any]:
    new_customer(fake)
    return latest(fake, "customer.created")


def _product(fake: FakeStripe) -> dict[str, Any]:
    fake.call("POST", "/v1/products", {"name": "Widget"})
    return latest(fake, "product.created")


def _price(fake: FakeStripe) -> dict[str, Any]:
    new_price(fake, 4200)
    return latest(fake, "price.created")


def _coupon(fake: FakeStripe) -> dict[str, Any]:
    fake.call("POST", "/v1/coupons", {"amount_off": "500", "currency": "usd", "name": "Five"})
    return latest(fake, "coupon.created")


def _charge(fake: FakeStripe) -> dict[str, Any]:
    new_charge(fake, new_customer(fake))
    return latest(fake, "charge.succeeded")


def _refund(fake: FakeStripe) -> dict[str, Any]:
    fake.call("POST", "/v1/refunds", {"charge": new_charge(fake, new_customer(fake))})
    return latest(fake, "refund.created")


def _refund_updated(fake: FakeStripe) -> dict[str, Any]:
    charge = new_charge(fake, new_customer(fake))
    refund = fake.call("POST", "/v1/refunds", {"charge": charge, "amount": "700"})
    fake.call("POST", f"/v1/refunds/{refund['id']}", {"metadata": {"reason": "late"}})
    return latest(fake, "charge.refund.updated")


def _invoice(fake: FakeStripe) -> dict[str, Any]:
    new_invoice(fake, 2)
    return latest(fake, "invoice.created")


def _invoice_item(fake: FakeStripe) -> dict[str, Any]:
    params = {"customer": new_customer(fake), "amount": "750", "currency": "usd"}
    fake.call("POST", "/v1/invoiceitems", params)
    return latest(fake, "invoiceitem.created")


def _subscription(fake: FakeStripe) -> dict[str, Any]:
    new_subscription(fake, 2)
    return latest(fake, "customer.subscription.created")


def _payout(fake: FakeStripe) -> dict[str, Any]:
    fake.call("POST", "/v1/payouts", {"amount": "3000", "currency": "usd"})
    return latest(fake, "payout.created")


def _tax_id(fake: FakeStripe) -> dict[str, Any]:
    params = {"type": "eu_vat", "value": "DE123456789"}
    fake.call("POST", f"/v1/customers/{new_customer(fake)}/tax_ids", params)
    return latest(fake, "customer.tax_id.created")


def _payment_method(fake: FakeStripe) -> dict[str, Any]:
    pm = fake.call("POST", "/v1/payment_methods", {"type": "card"})
    fake.call("POST", f"/v1/payment_methods/{pm['id']}/attach", {"customer": new_customer(fake)})
    return latest(fake, "payment_method.attached")


def _emitted(type_: str, object_name: str) -> Callable[[FakeStripe], dict[str, Any]]:
    """An event the fake never emits itself: Stripe's example object, announced."""

    def make(fake: FakeStripe) -> dict[str, Any]:
        return fake.emit_event(type_, example(object_name))

    return make


@dataclass(frozen=True)
class Family:
    table: str
    make: Callable[[FakeStripe], dict[str, Any]]
    #: Typed columns to check against the payload, with the Python type each must come back as.
    #: ``datetime`` columns hold Unix seconds in the payload; ``str`` columns named after a
    #: reference hold the referenced id (also when the payload expands the object).
    columns: dict[str, type]


FAMILIES: dict[str, Family] = {
    "customer": Family("customers", _customer, {"email": str, "name": str}),
    "product": Family("products", _product, {"name": str, "active": bool}),
    "price": Family("prices", _price, {"unit_amount": int, "product": str, "currency": str}),
    "coupon": Family("coupons", _coupon, {"amount_off": int, "name": str}),
    "payment_intent": Family(
        "payment_intents",
        _emitted("payment_intent.succeeded", "payment_intent"),
        {"amount": int, "status": str, "currency": str},
    ),
    "charge": Family("charges", _charge, {"amount": int, "customer": str, "status": str}),
    "refund": Family("refunds", _refund, {"amount": int, "charge": str}),
    "charge.refund.updated": Family(
        "refunds", _refund_updated, {"amount": int, "charge": str, "metadata": dict}
    ),
    "dispute": Family(
        "disputes",
        _emitted("charge.dispute.created", "dispute"),
        {"amount": int, "charge": str, "status": str},
    ),
    "invoice": Family(
        "invoices", _invoice, {"amount_due": int, "total": int, "customer": str, "status": str}
    ),
    "invoice_item": Family(
        "invoice_items", _invoice_item, {"amount": int, "customer": str, "date": datetime}
    ),
    "credit_note": Family(
        "credit_notes",
        _emitted("credit_note.created", "credit_note"),
        {"amount": int, "total": int, "customer": str, "invoice": str},
    ),
    "subscription": Family("subscriptions", _subscription, {"customer": str, "status": str}),
    "subscription_schedule": Family(
        "subscription_schedules",
        _emitted("subscription_schedule.created", "subscription_schedule"),
        {"customer": str, "status": str},
    ),
    "checkout_session": Family(
        "checkout_sessions",
        _emitted("checkout.session.completed", "checkout.session"),
        {"payment_intent": str, "status": str},
    ),
    "payout": Family("payouts", _payout, {"amount": int, "arrival_date": datetime, "status": str}),
    "tax_id": Family("tax_ids", _tax_id, {"customer": str, "type": str, "value": str}),
    "payment_method": Family("payment_methods", _payment_method, {"customer": str, "type": str}),
    "setup_intent": Family(
        "setup_intents", _emitted("setup_intent.created", "setup_intent"), {"status": str}
    ),
    # Stripe sends no feature events today; routing goes by the object's type, so an event type
    # this code has never heard of is still applied.
    "feature": Family(
        "features",
        _emitted("entitlements.feature.created", "entitlements.feature"),
        {"lookup_key": str, "name": str},
    ),
    "early_fraud_warning": Family(
        "early_fraud_warnings",
        _emitted("radar.early_fraud_warning.created", "radar.early_fraud_warning"),
        {"charge": str, "fraud_type": str},
    ),
    "review": Family("reviews", _emitted("review.opened", "review"), {"charge": str, "open": bool}),
}


def expected(payload: dict[str, Any], column: str, kind: type) -> Any:
    value = payload[column]
    if kind is datetime:
        return ts(value)
    if kind is str and isinstance(value, dict):
        return id_of(value)
    return value


@pytest.mark.parametrize("family", FAMILIES.values(), ids=list(FAMILIES))
async def test_event_lands_in_its_table_with_typed_columns(
    fake: FakeStripe, sync: AsyncStripeSync, database_url: str, family: Family
) -> None:
    event = family.make(fake)
    payload = obj(event)

    result = await sync.process_event(event)

    assert result.outcome is Outcome.WRITTEN
    assert (result.event_id, result.object_id) == (event["id"], payload["id"])
    row = rows(database_url, family.table)[payload["id"]]
    assert row["_raw_data"] == payload
    assert row["_account_id"] == fake.account_id == result.account_id
    assert row["deleted"] is False
    assert row["_version"] == ts(event["created"])
    assert row["_version_source"] == "event"
    if "created" in row:  # invoice items have ``date`` instead
        assert isinstance(row["created"], datetime)
        assert row["created"] == ts(payload["created"])
    for column, kind in family.columns.items():
        assert payload[column] is not None, f"pick a column the example fills, not {column}"
        assert isinstance(row[column], kind), (column, row[column])
        assert row[column] == expected(payload, column, kind), column


async def test_percent_off_is_numeric(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    fake.call("POST", "/v1/coupons", {"percent_off": "12.5", "id": "TWELVE"})

    await sync.process_event(latest(fake, "coupon.created"))

    assert rows(database_url, "coupons")["TWELVE"]["percent_off"] == Decimal("12.5")


async def test_embedded_credit_note_lines_are_written(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    note = example("credit_note")
    event = fake.emit_event("credit_note.created", note)

    await sync.process_event(event)

    lines = rows(database_url, "credit_note_line_items")
    assert set(lines) == {line["id"] for line in note["lines"]["data"]}
    assert {line["credit_note"] for line in lines.values()} == {note["id"]}
    assert all(isinstance(line["amount"], int) for line in lines.values())


# -- 2. deletions -----------------------------------------------------------------------------


async def test_customer_deleted_leaves_a_tombstone_with_the_last_state(
    sync: AsyncStripeSync, fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    customer = new_customer(fake, "first")
    created = latest(fake, "customer.created")
    clock.tick()
    fake.call("POST", f"/v1/customers/{customer}", {"name": "last"})
    updated = latest(fake, "customer.updated")
    clock.tick()
    fake.call("DELETE", f"/v1/customers/{customer}")
    deleted = latest(fake, "customer.deleted")

    assert (await sync.process_event(created)).outcome is Outcome.WRITTEN
    result = await sync.process_event(deleted)

    assert result.outcome is Outcome.DELETED
    row = rows(database_url, "customers")[customer]
    assert row["deleted"] is True
    assert row["deleted_at"] == ts(deleted["created"])
    assert row["name"] == "last"  # the deleted event carries the last state

    # The update, delivered late, does not bring the customer back.
    late = await sync.process_event(updated)
    assert late.outcome is Outcome.TOMBSTONED
    row = rows(database_url, "customers")[customer]
    assert (row["deleted"], row["name"]) == (True, "last")


async def test_an_update_after_the_deletion_does_not_resurrect(
    sync: AsyncStripeSync, fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    customer = new_customer(fake)
    clock.tick()
    fake.call("DELETE", f"/v1/customers/{customer}")
    await sync.process_event(latest(fake, "customer.deleted"))
    clock.tick()
    ghost = fake.emit_event(
        "customer.updated", {**obj(latest(fake, "customer.created")), "name": "ghost"}
    )

    assert (await sync.process_event(ghost)).outcome is Outcome.TOMBSTONED
    row = rows(database_url, "customers")[customer]
    assert row["deleted"] is True
    assert row["name"] == "Ada"


async def test_subscription_deleted_is_a_final_state(
    sync: AsyncStripeSync, fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    subscription = new_subscription(fake, 2)
    await sync.process_event(latest(fake, "customer.subscription.created"))
    clock.tick()
    fake.call("DELETE", f"/v1/subscriptions/{subscription}")
    deleted = latest(fake, "customer.subscription.deleted")

    result = await sync.process_event(deleted)

    assert result.outcome is Outcome.WRITTEN
    row = rows(database_url, "subscriptions")[subscription]
    assert (row["status"], row["deleted"], row["deleted_at"]) == ("canceled", False, None)
    assert row["canceled_at"] == ts(deleted["created"])
    assert count(database_url, "subscription_items", "deleted") == 0


def _delete_product(fake: FakeStripe) -> tuple[str, str]:
    product = fake.call("POST", "/v1/products", {"name": "Gone"})["id"]
    return product, f"/v1/products/{product}"


def _delete_coupon(fake: FakeStripe) -> tuple[str, str]:
    coupon = fake.call("POST", "/v1/coupons", {"percent_off": "10", "id": "GONE"})["id"]
    return coupon, f"/v1/coupons/{coupon}"


def _delete_invoice_item(fake: FakeStripe) -> tuple[str, str]:
    params = {"customer": new_customer(fake), "amount": "100", "currency": "usd"}
    item = fake.call("POST", "/v1/invoiceitems", params)["id"]
    return item, f"/v1/invoiceitems/{item}"


def _delete_tax_id(fake: FakeStripe) -> tuple[str, str]:
    customer = new_customer(fake)
    params = {"type": "eu_vat", "value": "FR12345678901"}
    tax_id = fake.call("POST", f"/v1/customers/{customer}/tax_ids", params)["id"]
    return tax_id, f"/v1/customers/{customer}/tax_ids/{tax_id}"


def _delete_invoice(fake: FakeStripe) -> tuple[str, str]:
    invoice = new_invoice(fake, 3)
    return invoice, f"/v1/invoices/{invoice}"


@pytest.mark.parametrize(
    ("table", "created_type", "deleted_type", "make"),
    [
        ("products", "product.created", "product.deleted", _delete_product),
        ("coupons", "coupon.created", "coupon.deleted", _delete_coupon),
        ("invoice_items", "invoiceitem.created", "invoiceitem.deleted", _delete_invoice_item),
        ("tax_ids", "customer.tax_id.created", "customer.tax_id.deleted", _delete_tax_id),
        ("invoices", "invoice.created", "invoice.deleted", _delete_invoice),
    ],
    ids=["product", "coupon", "invoice_item", "tax_id", "draft_invoice"],
)
async def test_deleted_event_leaves_a_tombstone(
    sync: AsyncStripeSync,
    fake: FakeStripe,
    clock: Clock,
    database_url: str,
    table: str,
    created_type: str,
    deleted_type: str,
    make: Callable[[FakeStripe], tuple[str, str]],
) -> None:
    object_id, path = make(fake)
    await sync.process_event(latest(fake, created_type))
    clock.tick()
    fake.call("DELETE", path)
    deleted = latest(fake, deleted_type)

    result = await sync.process_event(deleted)

    assert result.outcome is Outcome.DELETED
    row = rows(database_url, table)[object_id]
    assert (row["deleted"], row["deleted_at"]) == (True, ts(deleted["created"]))
    # A deleted invoice takes its lines with it.
    lines = rows(database_url, "invoice_line_items")
    assert all(line["deleted"] for line in lines.values())
    assert len(lines) == (3 if table == "invoices" else 0)


# -- 3. nested lists ------------------------------------------------------------------------


@dataclass(frozen=True)
class Nested:
    field: str
    child_table: str
    parent_column: str
    total: int
    make: Callable[[FakeStripe], str]
    event_type: str


NESTED = {
    "subscription_items": Nested(
        "items",
        "subscription_items",
        "subscription",
        120,
        lambda fake: new_subscription(fake, 120),
        "customer.subscription.created",
    ),
    "invoice_lines": Nested(
        "lines",
        "invoice_line_items",
        "invoice",
        250,
        lambda fake: new_invoice(fake, 250),
        "invoice.created",
    ),
}


@pytest.mark.parametrize("auto_expand", [True, False], ids=["auto_expand", "embedded_only"])
@pytest.mark.parametrize("nested", NESTED.values(), ids=list(NESTED))
async def test_truncated_list_is_paged_only_when_asked(
    fake: FakeStripe, database_url: str, nested: Nested, auto_expand: bool
) -> None:
    parent = nested.make(fake)
    event = latest(fake, nested.event_type)
    embedded = obj(event)[nested.field]
    assert (len(embedded["data"]), embedded["has_more"]) == (EMBEDDED, True)

    async with make_sync(fake, database_url, auto_expand_lists=auto_expand) as engine:
        assert (await engine.process_event(event)).outcome is Outcome.WRITTEN

    children = rows(database_url, nested.child_table)
    assert len(children) == (nested.total if auto_expand else EMBEDDED)
    assert {c[nested.parent_column] for c in children.values()} == {parent}
    assert {c["_account_id"] for c in children.values()} == {fake.account_id}
    if not auto_expand:
        assert set(children) == {item["id"] for item in embedded["data"]}
    assert count(database_url, nested.child_table, "deleted") == 0


async def test_truncated_list_without_auto_expand_tombstones_nothing(
    fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    subscription = new_subscription(fake, 120)
    async with make_sync(fake, database_url, auto_expand_lists=True) as engine:
        await engine.process_event(latest(fake, "customer.subscription.created"))
    clock.tick()
    fake.call("POST", f"/v1/subscriptions/{subscription}", {"metadata": {"plan": "gold"}})

    async with make_sync(fake, database_url) as engine:
        result = await engine.process_event(latest(fake, "customer.subscription.updated"))

    assert result.outcome is Outcome.WRITTEN
    assert count(database_url, "subscription_items") == 120
    assert count(database_url, "subscription_items", "deleted") == 0


@pytest.mark.parametrize(
    ("n_items", "auto_expand"),
    [(3, False), (120, True)],
    ids=["complete_embedded_list", "paged_list"],
)
async def test_item_removed_in_stripe_becomes_deleted(
    fake: FakeStripe, clock: Clock, database_url: str, n_items: int, auto_expand: bool
) -> None:
    subscription = new_subscription(fake, n_items)
    async with make_sync(fake, database_url, auto_expand_lists=auto_expand) as engine:
        await engine.process_event(latest(fake, "customer.subscription.created"))
        assert count(database_url, "subscription_items") == n_items
        removed = obj(latest(fake, "customer.subscription.created"))["items"]["data"][1]["id"]
        clock.tick()
        fake.call("DELETE", f"/v1/subscription_items/{removed}")

        result = await engine.process_event(latest(fake, "customer.subscription.updated"))

    assert result.outcome is Outcome.WRITTEN
    items = rows(database_url, "subscription_items")
    assert len(items) == n_items
    assert {i for i, item in items.items() if item["deleted"]} == {removed}
    assert items[removed]["subscription"] == subscription
    assert items[removed]["deleted_at"] is not None


def seed_checkout_session(fake: FakeStripe, n_items: int) -> tuple[dict[str, Any], list[str]]:
    """A checkout session with line items in the fake, which has no endpoint to create one."""
    (session_id,) = fake.seed("checkout_session", 1, created_range=(T0, T0))
    items = fake.seed("checkout_session_line_item", n_items, fields={"amount_total": 1200})
    with fake.store.lock:
        for item in items:
            fake.store.platform.add_child("checkout_session_line_item", session_id, item)
    return fake.get("checkout_session", session_id), items


@pytest.mark.parametrize("auto_expand", [True, False], ids=["auto_expand", "embedded_only"])
async def test_checkout_session_line_items_are_listed_with_auto_expand(
    fake: FakeStripe, database_url: str, auto_expand: bool
) -> None:
    session, items = seed_checkout_session(fake, 3)
    assert "line_items" not in session  # Stripe shows them only when expanded
    event = fake.emit_event("checkout.session.completed", session)

    async with make_sync(fake, database_url, auto_expand_lists=auto_expand) as engine:
        assert (await engine.process_event(event)).outcome is Outcome.WRITTEN

    lines = rows(database_url, "checkout_session_line_items")
    if not auto_expand:
        assert lines == {}
        return
    assert set(lines) == set(items)
    for line in lines.values():
        assert line["checkout_session"] == session["id"]
        assert line["amount_total"] == 1200
        assert line["deleted"] is False


# -- 4. active entitlement summaries --------------------------------------------------------------


async def test_entitlement_summary_replaces_the_customers_rows(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    first = load_event("active_entitlement_summary.json")
    customer = obj(first)["customer"]

    result = await sync.process_event(first)

    assert result.outcome is Outcome.REPLACED
    assert (result.object, result.object_id) == ("active_entitlement", customer)
    stored = rows(database_url, "active_entitlements")
    assert set(stored) == {"ent_1", "ent_2", "ent_3"}
    assert {r["customer"] for r in stored.values()} == {customer}
    assert stored["ent_2"]["lookup_key"] == "sso"
    assert stored["ent_2"]["feature"] == "feat_2"
    assert {r["_account_id"] for r in stored.values()} == {fake.account_id}

    second = copy.deepcopy(first)
    second["id"] = "evt_2Summary"
    second["created"] = first["created"] + 60
    kept = [e for e in obj(first)["entitlements"]["data"] if e["id"] != "ent_2"]
    added = {**kept[0], "id": "ent_4", "feature": "feat_4", "lookup_key": "api"}
    obj(second)["entitlements"]["data"] = [*kept, added]

    assert (await sync.process_event(second)).outcome is Outcome.REPLACED

    stored = rows(database_url, "active_entitlements")
    assert {i for i, r in stored.items() if r["deleted"]} == {"ent_2"}
    assert {i for i, r in stored.items() if not r["deleted"]} == {"ent_1", "ent_3", "ent_4"}


def summary_event(event_id: str, created: int, entitlements: list[str]) -> dict[str, Any]:
    """The fixture summary listing only ``entitlements`` (ids from the fixture)."""
    event = load_event("active_entitlement_summary.json")
    event["id"], event["created"] = event_id, created
    listed = obj(event)["entitlements"]
    listed["data"] = [e for e in listed["data"] if e["id"] in entitlements]
    return event


async def test_truncated_entitlement_summary_is_paged(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = new_customer(fake)
    ids = fake.seed("active_entitlement", 25, fields={"customer": customer})
    event = load_event("active_entitlement_summary.json")
    summary = obj(event)
    summary["customer"] = customer
    summary["entitlements"]["data"] = [fake.get("active_entitlement", i) for i in ids[:EMBEDDED]]
    summary["entitlements"]["has_more"] = True

    assert (await sync.process_event(event)).outcome is Outcome.REPLACED

    stored = rows(database_url, "active_entitlements")
    assert set(stored) == set(ids)
    assert not any(r["deleted"] for r in stored.values())


async def test_stale_entitlement_summary_does_not_undo_a_newer_one(
    sync: AsyncStripeSync, database_url: str
) -> None:
    """A summary older than the last one applied must not bring back what that one dropped,
    even rows it never stored (``_child_sets`` versions the set per customer)."""
    newer = summary_event("evt_newer", T0 + 60, ["ent_1"])
    older = summary_event("evt_older", T0, ["ent_1", "ent_2"])

    assert (await sync.process_event(newer)).outcome is Outcome.REPLACED
    assert (await sync.process_event(older)).outcome is Outcome.STALE

    # Whatever the delivery order, the customer's entitlements are the newest summary's.
    active = {i for i, r in rows(database_url, "active_entitlements").items() if not r["deleted"]}
    assert active == {"ent_1"}


async def test_same_second_summaries_are_settled_by_listing_the_customers_entitlements(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = new_customer(fake)
    ids = fake.seed("active_entitlement", 3, fields={"customer": customer})
    current = [fake.get("active_entitlement", i) for i in ids]

    def summary(event_id: str, items: list[dict[str, Any]]) -> dict[str, Any]:
        event = load_event("active_entitlement_summary.json")
        event["id"], event["created"] = event_id, T0 + 5
        obj(event)["customer"] = customer
        obj(event)["entitlements"]["data"] = items
        return event

    # Two summaries of one second, in no knowable order: the engine asks Stripe for the set.
    assert (await sync.process_event(summary("evt_a", current[:1]))).outcome is Outcome.REPLACED
    second = await sync.process_event(summary("evt_b", current[:2]))
    assert second.outcome is Outcome.REPLACED
    assert second.refetches >= 1
    active = {i for i, r in rows(database_url, "active_entitlements").items() if not r["deleted"]}
    assert active == set(ids)


async def test_a_stripe_sdk_event_object_is_accepted(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    import stripe

    customer = fake.call("POST", "/v1/customers", {"email": "sdk@example.com"})
    event = stripe.Event.construct_from(fake.events(type_="customer.created")[0], "sk_test_x")

    result = await sync.process_event(event)

    assert result.outcome is Outcome.WRITTEN
    assert rows(database_url, "customers")[customer["id"]]["_raw_data"] == customer


# -- 5. skips and duplicates -------------------------------------------------------------------


def _unsupported(fake: FakeStripe) -> dict[str, Any]:
    return fake.emit_event("balance.available", example("balance"))


def _upcoming_invoice(fake: FakeStripe) -> dict[str, Any]:
    preview = example("invoice")
    del preview["id"]
    return fake.emit_event("invoice.upcoming", preview)


@pytest.mark.parametrize(
    ("make", "object_name", "reason"),
    [
        (_unsupported, None, "'balance.available' is a named skip"),
        (_upcoming_invoice, "invoice", "has no id"),
    ],
    ids=["unsupported_object", "invoice_upcoming"],
)
async def test_event_without_a_stored_object_is_skipped(
    sync: AsyncStripeSync,
    fake: FakeStripe,
    database_url: str,
    make: Callable[[FakeStripe], dict[str, Any]],
    object_name: str | None,
    reason: str,
) -> None:
    event = make(fake)

    result = await sync.process_event(event)

    assert result.outcome is Outcome.SKIPPED
    assert result.reason is not None
    assert reason in result.reason
    assert (result.object, result.object_id) == (object_name, None)
    assert not result.applied
    assert object_tables_total(database_url) == 0
    # Recorded all the same: a redelivery is a duplicate.
    assert (await sync.process_event(event)).outcome is Outcome.DUPLICATE


async def test_same_event_twice_is_a_duplicate(
    sync: AsyncStripeSync, fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    customer = new_customer(fake, "before")
    event = latest(fake, "customer.created")
    assert (await sync.process_event(event)).outcome is Outcome.WRITTEN
    clock.tick()
    fake.call("POST", f"/v1/customers/{customer}", {"name": "after"})
    await sync.process_event(latest(fake, "customer.updated"))

    again = await sync.process_event(event)

    assert again.outcome is Outcome.DUPLICATE
    assert (again.event_id, again.object_id) == (event["id"], customer)
    assert rows(database_url, "customers")[customer]["name"] == "after"


# -- 6. Connect ---------------------------------------------------------------------------------


async def test_connected_account_event_is_stored_under_that_account(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    account = fake.add_account()
    customer = new_customer(fake, account=account)
    event = latest(fake, "customer.created", account=account)
    assert event["account"] == account

    result = await sync.process_event(event)

    assert (result.outcome, result.account_id) == (Outcome.WRITTEN, account)
    assert rows(database_url, "customers")[customer]["_account_id"] == account


async def test_connected_account_references_are_fetched_from_that_account(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    account = fake.add_account()
    customer = new_customer(fake, account=account)
    charge = new_charge(fake, customer, account=account)

    result = await sync.process_event(latest(fake, "charge.succeeded", account=account))

    assert result.related_fetched == 2  # the customer and the balance transaction
    assert rows(database_url, "charges")[charge]["_account_id"] == account
    assert rows(database_url, "customers")[customer]["_account_id"] == account


# -- 7. revalidation and related objects ------------------------------------------------------


async def test_revalidated_object_is_stored_as_stripe_holds_it_now(
    fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    customer = new_customer(fake, "old")
    clock.tick()
    fake.call("POST", f"/v1/customers/{customer}", {"name": "middle"})
    event = latest(fake, "customer.updated")
    clock.tick()
    fake.call("POST", f"/v1/customers/{customer}", {"name": "current", "phone": "+15550100"})

    async with make_sync(
        fake, database_url, revalidate_objects_via_stripe_api=("customer",)
    ) as engine:
        result = await engine.process_event(event)

    assert result.outcome is Outcome.WRITTEN
    row = rows(database_url, "customers")[customer]
    assert row["_raw_data"] == fake.get("customer", customer)
    assert (row["name"], row["phone"]) == ("current", "+15550100")
    assert row["_version_source"] == "fetch"


async def test_revalidation_trusts_a_deleted_event(
    fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    customer = new_customer(fake)
    clock.tick()
    fake.call("DELETE", f"/v1/customers/{customer}")

    async with make_sync(
        fake, database_url, revalidate_objects_via_stripe_api=("customer",)
    ) as engine:
        result = await engine.process_event(latest(fake, "customer.deleted"))

    assert result.outcome is Outcome.DELETED
    assert rows(database_url, "customers")[customer]["name"] == "Ada"
    assert "GET /v1/customers/{id}" not in fake.stats()["requests"]


async def test_revalidating_an_update_of_a_since_deleted_customer_tombstones_it(
    fake: FakeStripe, clock: Clock, database_url: str
) -> None:
    customer = new_customer(fake, "before")
    clock.tick()
    fake.call("POST", f"/v1/customers/{customer}", {"name": "after"})
    clock.tick()
    fake.call("DELETE", f"/v1/customers/{customer}")

    async with make_sync(
        fake, database_url, revalidate_objects_via_stripe_api=("customer",)
    ) as engine:
        result = await engine.process_event(latest(fake, "customer.updated"))

    assert result.outcome is Outcome.DELETED
    assert rows(database_url, "customers")[customer]["deleted"] is True


@pytest.mark.parametrize("backfill", [True, False], ids=["backfill", "no_backfill"])
async def test_missing_customer_of_a_charge_is_fetched_when_asked(
    fake: FakeStripe, database_url: str, backfill: bool
) -> None:
    customer = new_customer(fake, "Grace")
    charge = new_charge(fake, customer)

    async with make_sync(fake, database_url, backfill_related_entities=backfill) as engine:
        result = await engine.process_event(latest(fake, "charge.succeeded"))

    assert result.outcome is Outcome.WRITTEN
    assert charge in rows(database_url, "charges")
    customers = rows(database_url, "customers")
    if backfill:
        assert result.related_fetched == 2  # the customer and the balance transaction
        assert customers[customer]["name"] == "Grace"
        assert customers[customer]["_version_source"] == "fetch"
        assert customers[customer]["_account_id"] == fake.account_id
    else:
        assert result.related_fetched == 0
        assert customers == {}


async def test_present_customer_is_not_fetched_again(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = new_customer(fake)
    new_charge(fake, customer)
    await sync.process_event(latest(fake, "customer.created"))
    balance = obj(latest(fake, "charge.succeeded"))["balance_transaction"]

    result = await sync.process_event(latest(fake, "charge.succeeded"))

    # Only the balance transaction had no row.
    assert result.related_fetched == 1
    assert balance in rows(database_url, "balance_transactions")
    assert rows(database_url, "customers")[customer]["_version_source"] == "event"


# -- 8. same-second ties --------------------------------------------------------------------------


async def test_same_second_updates_in_the_wrong_order_end_with_stripes_state(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    customer = new_customer(fake, "zero")
    fake.call("POST", f"/v1/customers/{customer}", {"name": "one"})
    fake.call("POST", f"/v1/customers/{customer}", {"name": "two"})
    newer, older = fake.events(type_="customer.updated")[:2]
    assert newer["created"] == older["created"]
    assert (obj(newer)["name"], obj(older)["name"]) == ("two", "one")

    assert (await sync.process_event(newer)).outcome is Outcome.WRITTEN
    result = await sync.process_event(older)

    assert result.refetches >= 1
    assert result.outcome in (Outcome.WRITTEN, Outcome.UNCHANGED)
    row = rows(database_url, "customers")[customer]
    assert row["_raw_data"] == fake.get("customer", customer)
    assert row["name"] == "two"


# -- every subscribed event type -------------------------------------------------------------------

#: A discount as ``customer.discount.*`` events carry it (the shape the fake gives them).
DISCOUNT: dict[str, Any] = {
    "object": "discount",
    "checkout_session": None,
    "customer": "cus_discounted",
    "customer_account": None,
    "end": None,
    "invoice": None,
    "invoice_item": None,
    "promotion_code": None,
    "source": {"coupon": "co_quarter", "type": "coupon"},
    "start": 1_721_948_000,
    "subscription": "sub_discounted",
    "subscription_item": None,
}


async def test_every_supported_event_type_is_applied(fake: FakeStripe, database_url: str) -> None:
    """Each of the event types a managed endpoint subscribes to, with Stripe's example object,
    is applied to its table (the summary replaces rows; invoice.upcoming, id-less, is skipped)."""
    from stripe_sync.events import DISCOUNT_EVENT_TYPES, SUPPORTED_EVENT_TYPES
    from stripe_sync.resources import Delete

    outcomes: dict[str, Outcome] = {}
    expected: dict[str, Outcome] = {}
    async with make_sync(fake, database_url, backfill_related_entities=False) as sync:
        for n, resource in enumerate(REGISTRY.values()):
            for event_type in resource.event_types:
                if resource.event_objects and resource.is_child:
                    event = load_event("active_entitlement_summary.json")
                    event["id"] = f"evt_all_{n}_{event_type}"
                    expected[event_type] = Outcome.REPLACED
                else:
                    payload = example(resource.object)
                    payload["id"] = f"{payload['id']}_{event_type.replace('.', '_')}"
                    if event_type == "invoice.upcoming":
                        del payload["id"]
                        expected[event_type] = Outcome.SKIPPED
                    elif event_type.endswith(".deleted") and resource.delete is Delete.TOMBSTONE:
                        expected[event_type] = Outcome.DELETED
                    else:
                        expected[event_type] = Outcome.WRITTEN
                    event = fake.emit_event(event_type, payload)
                outcomes[event_type] = (await sync.process_event(event)).outcome
        # The discount events feed no table: the discount is kept for the billing metrics.
        for event_type in DISCOUNT_EVENT_TYPES:
            discount = {**DISCOUNT, "id": f"di_all_{event_type.rsplit('.', 1)[1]}"}
            event = fake.emit_event(event_type, discount)
            outcomes[event_type] = (await sync.process_event(event)).outcome
            expected[event_type] = Outcome.SKIPPED
    assert set(outcomes) == set(SUPPORTED_EVENT_TYPES)
    assert outcomes == expected
    assert list(rows(database_url, "_discounts")) == [
        f"di_all_{action}" for action in ("created", "deleted", "updated")
    ]
