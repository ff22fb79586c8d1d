"""The fake Stripe's billing details the metric views are tested with: discounts on
subscriptions (ids, expandable), billing periods by interval, cancel at period end, declined
cards on charges and on invoice payments."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from stripe_sync.testing import FakeStripe, encode

START = int(datetime(2025, 1, 31, 10, tzinfo=UTC).timestamp())


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(seed=3, clock=lambda: START) as fake:
        yield fake


async def post(client: httpx.AsyncClient, path: str, params: dict[str, Any]) -> httpx.Response:
    return await client.post(
        path, content=encode(params), headers={"Content-Type": "application/x-www-form-urlencoded"}
    )


async def price(client: httpx.AsyncClient, interval: str, count: int = 1) -> str:
    product = (await post(client, "/v1/products", {"name": "P"})).json()["id"]
    params = {
        "product": product,
        "currency": "usd",
        "unit_amount": 1000,
        "recurring": {"interval": interval, "interval_count": count},
    }
    return str((await post(client, "/v1/prices", params)).json()["id"])


async def subscribe(client: httpx.AsyncClient, price_id: str, **more: Any) -> dict[str, Any]:
    customer = (await post(client, "/v1/customers", {})).json()["id"]
    params = {"customer": customer, "items": [{"price": price_id}], **more}
    response = await post(client, "/v1/subscriptions", params)
    assert response.status_code == 200, response.text
    return dict(response.json())


@pytest.mark.parametrize(
    ("interval", "count", "end"),
    [
        ("month", 1, datetime(2025, 2, 28, 10, tzinfo=UTC)),  # Jan 31 + 1 month: clamped
        ("month", 3, datetime(2025, 4, 30, 10, tzinfo=UTC)),
        ("year", 1, datetime(2026, 1, 31, 10, tzinfo=UTC)),
        ("week", 2, datetime(2025, 2, 14, 10, tzinfo=UTC)),
        ("day", 3, datetime(2025, 2, 3, 10, tzinfo=UTC)),
    ],
)
async def test_the_first_period_follows_the_price(
    client: httpx.AsyncClient, interval: str, count: int, end: datetime
) -> None:
    sub = await subscribe(client, await price(client, interval, count))
    assert sub["current_period_end"] == int(end.timestamp())
    assert sub["items"]["data"][0]["current_period_end"] == int(end.timestamp())


async def test_discounts_are_ids_unless_expanded(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    coupon = (
        await post(
            client,
            "/v1/coupons",
            {"percent_off": 50, "duration": "repeating", "duration_in_months": 3},
        )
    ).json()
    sub = await subscribe(
        client, await price(client, "month"), discounts=[{"coupon": coupon["id"]}]
    )
    [discount_id] = sub["discounts"]
    assert discount_id.startswith("di_")
    got = (
        await client.get(f"/v1/subscriptions/{sub['id']}", params={"expand[]": "discounts"})
    ).json()
    [discount] = got["discounts"]
    assert discount["id"] == discount_id
    assert discount["source"] == {"coupon": coupon["id"], "type": "coupon"}
    assert discount["start"] == START
    assert discount["end"] == int(datetime(2025, 4, 30, 10, tzinfo=UTC).timestamp())
    listed = (await client.get("/v1/subscriptions", params={"expand[]": "data.discounts"})).json()
    assert listed["data"][0]["discounts"][0]["object"] == "discount"
    assert fake.events(type_="customer.discount.created")[0]["data"]["object"]["id"] == discount_id
    unknown = await subscribe_error(client, await price(client, "month"), "nope")
    assert unknown["param"] == "discounts[0][coupon]"


async def subscribe_error(client: httpx.AsyncClient, price_id: str, coupon: str) -> dict[str, Any]:
    customer = (await post(client, "/v1/customers", {})).json()["id"]
    params = {
        "customer": customer,
        "items": [{"price": price_id}],
        "discounts": [{"coupon": coupon}],
    }
    response = await post(client, "/v1/subscriptions", params)
    assert response.status_code == 404, response.text
    return dict(response.json()["error"])


async def test_cancel_at_period_end(client: httpx.AsyncClient) -> None:
    sub = await subscribe(client, await price(client, "month"))
    path = f"/v1/subscriptions/{sub['id']}"
    canceling = (await post(client, path, {"cancel_at_period_end": "true"})).json()
    assert canceling["cancel_at"] == sub["current_period_end"]
    assert canceling["canceled_at"] == START
    assert canceling["status"] == "active"
    kept = (await post(client, path, {"cancel_at_period_end": "false"})).json()
    assert (kept["cancel_at"], kept["canceled_at"]) == (None, None)


async def test_a_declined_card_fails_the_charge(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    response = await post(
        client, "/v1/charges", {"amount": 700, "currency": "usd", "source": "tok_chargeDeclined"}
    )
    assert response.status_code == 402
    error = response.json()["error"]
    assert (error["type"], error["code"], error["decline_code"]) == (
        "card_error",
        "card_declined",
        "generic_decline",
    )
    charge = (await client.get(f"/v1/charges/{error['charge']}")).json()
    assert (charge["status"], charge["paid"], charge["amount_captured"]) == ("failed", False, 0)
    assert charge["failure_code"] == "card_declined"
    assert fake.events(type_="charge.failed")[0]["data"]["object"]["id"] == charge["id"]


async def test_a_declined_invoice_payment_is_counted_and_retried(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    sub = await subscribe(client, await price(client, "month"))
    params = {"customer": sub["customer"], "subscription": sub["id"]}
    invoice = (await post(client, "/v1/invoices", params)).json()
    item = {"customer": sub["customer"], "amount": 900, "currency": "usd", "invoice": invoice["id"]}
    await post(client, "/v1/invoiceitems", item)
    pay = f"/v1/invoices/{invoice['id']}/pay"
    failed = await post(client, pay, {"payment_method": "pm_card_chargeDeclined"})
    assert failed.status_code == 402
    got = (await client.get(f"/v1/invoices/{invoice['id']}")).json()
    assert (got["status"], got["attempt_count"], got["amount_remaining"]) == ("open", 1, 900)
    assert got["next_payment_attempt"] == START + 3 * 86_400
    assert (await client.get(f"/v1/subscriptions/{sub['id']}")).json()["status"] == "past_due"
    assert fake.events(type_="invoice.payment_failed")[0]["data"]["object"]["id"] == invoice["id"]
    paid = (await post(client, pay, {})).json()
    assert (paid["status"], paid["attempt_count"]) == ("paid", 2)
