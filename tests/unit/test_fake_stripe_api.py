"""The fake's HTTP surface in process: errors, faults, writes, events, accounts."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

import stripe_sync.testing as testing
from stripe_sync.testing import FakeStripe, encode


@pytest.fixture
def fake() -> Iterator[FakeStripe]:
    with FakeStripe(api_keys=("sk_test_fakekey_abcd1234wxyz",), seed=1) as fake:
        yield fake


async def _post(
    client: httpx.AsyncClient, path: str, params: dict[str, Any], **headers: str
) -> httpx.Response:
    return await client.post(
        path,
        content=encode(params),
        headers={"Content-Type": "application/x-www-form-urlencoded", **headers},
    )


def _error(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["request-id"].startswith("req_")
    body: dict[str, Any] = response.json()["error"]
    assert set(body) >= {"type", "message"}
    return body


def test_public_api_is_pinned() -> None:
    assert sorted(testing.__all__) == sorted(
        [
            "DEFAULT_API_KEY",
            "DEFAULT_API_VERSION",
            "RATE_LIMIT_REASONS",
            "DeliveryAttempt",
            "FakeStripe",
            "FakeStripeError",
            "FaultConfig",
            "RunningServer",
            "decode_query",
            "encode",
            "free_port",
            "run_in_thread",
            "serve",
            "sign_payload",
            "signed_event",
        ]
    )


@pytest.mark.parametrize("auth", [None, "Bearer sk_test_wrongkey_9999zzzz", "Bearer "])
async def test_401_never_echoes_the_key(client: httpx.AsyncClient, auth: str | None) -> None:
    headers = {"Authorization": auth} if auth is not None else {}
    client.headers.pop("Authorization")
    error = _error(await client.get("/v1/customers", headers=headers), 401)
    assert error["type"] == "invalid_request_error"
    assert "sk_test_wrongkey_9999zzzz" not in error["message"]
    if auth and auth.strip() != "Bearer":
        assert error["message"].endswith("****zzzz")


async def test_basic_auth_with_key_as_user(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    token = base64.b64encode(f"{fake.api_key}:".encode()).decode()
    response = await client.get("/v1/customers", headers={"Authorization": f"Basic {token}"})
    assert response.status_code == 200


async def test_404_resource_missing_shape(client: httpx.AsyncClient) -> None:
    error = _error(await client.get("/v1/customers/cus_doesnotexist"), 404)
    assert error == {
        **error,
        "type": "invalid_request_error",
        "code": "resource_missing",
        "param": "id",
        "message": "No such customer: 'cus_doesnotexist'",
    }
    assert error["doc_url"].endswith("resource_missing")


async def test_version_header_is_echoed(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/customers", headers={"Stripe-Version": "2024-06-20"})
    assert response.headers["stripe-version"] == "2024-06-20"
    response = await client.get("/v1/customers")
    assert response.headers["stripe-version"] == testing.DEFAULT_API_VERSION


@pytest.mark.parametrize(
    ("path", "params", "param"),
    [
        ("/v1/customers", {"foo": "1"}, "foo"),
        ("/v1/quotes", {"created[gte]": "1"}, "created"),
        ("/v1/entitlements/features", {"created": "1"}, "created"),
        ("/v1/customers", {"created[foo]": "1"}, "created[foo]"),
        ("/v1/customers", {"limit": "101"}, "limit"),
        ("/v1/customers", {"limit": "0"}, "limit"),
    ],
)
async def test_400_on_bad_list_params(
    client: httpx.AsyncClient, path: str, params: dict[str, str], param: str
) -> None:
    error = _error(await client.get(path, params=params), 400)
    assert error["param"] == param
    if "unknown" in error.get("code", ""):
        assert error["message"] == f"Received unknown parameter: {param}"


async def test_injected_429_and_5xx(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    fake.configure(rate_limit_probability=1.0, retry_after=2, seed=3)
    response = await client.get("/v1/customers")
    error = _error(response, 429)
    assert error["code"] == "rate_limit"
    assert response.headers["stripe-rate-limited-reason"] in testing.RATE_LIMIT_REASONS
    assert response.headers["stripe-should-retry"] == "true"
    assert response.headers["retry-after"] == "2"

    fake.configure(rate_limit_probability=0.0, server_error_probability=1.0)
    statuses = set()
    for _ in range(30):
        response = await client.get("/v1/customers")
        assert _error(response, response.status_code)["type"] == "api_error"
        statuses.add(response.status_code)
    assert statuses <= {500, 502, 503}
    assert len(statuses) > 1
    stats = fake.stats()
    assert stats["rate_limited"]["GET /v1/customers"] == 1
    assert stats["server_errors"]["GET /v1/customers"] == 30


async def test_first_statuses_come_first_whatever_the_probabilities(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    fake.configure(first_statuses=[503, 429, 500], seed=5)
    statuses = [(await client.get("/v1/customers")).status_code for _ in range(5)]
    assert statuses == [503, 429, 500, 200, 200]
    # A new configuration starts the script again.
    fake.configure(first_statuses=(429,), server_error_probability=1.0)
    statuses = [(await client.get("/v1/customers")).status_code for _ in range(2)]
    assert statuses[0] == 429
    assert statuses[1] in {500, 502, 503}
    with pytest.raises(ValueError, match="first_statuses"):
        fake.configure(first_statuses=(404,))


async def test_token_buckets_limit_list_endpoints(
    fake: FakeStripe, client: httpx.AsyncClient
) -> None:
    fake.configure(list_rps=5)
    statuses = [(await client.get("/v1/customers")).status_code for _ in range(12)]
    assert statuses.count(429) >= 5
    assert statuses[:5] == [200] * 5
    response = await client.get("/v1/customers")
    assert response.headers.get("stripe-rate-limited-reason") == "endpoint-rate"
    # other endpoints have their own bucket
    assert (await client.get("/v1/products")).status_code == 200


async def test_customer_crud_and_events(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    created = (
        await _post(
            client,
            "/v1/customers",
            {"email": "a@example.com", "metadata": {"k": "v"}},
            **{"Idempotency-Key": "abc"},
        )
    ).json()
    assert created["id"].startswith("cus_")
    assert 14 <= len(created["id"]) - 4 <= 24
    assert created["object"] == "customer"
    assert created["livemode"] is False
    assert created["metadata"] == {"k": "v"}
    replay = await _post(
        client,
        "/v1/customers",
        {"email": "a@example.com", "metadata": {"k": "v"}},
        **{"Idempotency-Key": "abc"},
    )
    assert replay.json()["id"] == created["id"]
    assert replay.headers["idempotent-replayed"] == "true"

    updated = (
        await _post(
            client, f"/v1/customers/{created['id']}", {"name": "Ada", "metadata": {"k": ""}}
        )
    ).json()
    assert updated["name"] == "Ada"
    assert updated["metadata"] == {}
    deleted = (await client.delete(f"/v1/customers/{created['id']}")).json()
    assert deleted == {"id": created["id"], "object": "customer", "deleted": True}
    assert (await client.get(f"/v1/customers/{created['id']}")).json() == deleted

    events = (await client.get("/v1/events", params={"type": "customer.*"})).json()["data"]
    assert [e["type"] for e in events] == [
        "customer.deleted",
        "customer.updated",
        "customer.created",
    ]
    update = events[1]
    assert update["data"]["previous_attributes"] == {"name": None, "metadata": {"k": "v"}}
    assert update["object"] == "event"
    assert update["id"].startswith("evt_")
    assert update["request"]["id"].startswith("req_")
    assert events[2]["request"]["idempotency_key"] == "abc"
    one = (await client.get(f"/v1/events/{update['id']}")).json()
    assert one == update
    typed = (await client.get("/v1/events", params={"types[]": ["customer.created"]})).json()
    assert [e["type"] for e in typed["data"]] == ["customer.created"]


async def test_prices_cannot_be_deleted_only_archived(client: httpx.AsyncClient) -> None:
    product = (await _post(client, "/v1/products", {"name": "T"})).json()
    price = (
        await _post(
            client, "/v1/prices", {"product": product["id"], "currency": "usd", "unit_amount": 500}
        )
    ).json()
    assert price["type"] == "one_time"
    assert price["unit_amount"] == 500
    assert (await client.delete(f"/v1/prices/{price['id']}")).status_code == 404
    archived = (await _post(client, f"/v1/prices/{price['id']}", {"active": False})).json()
    assert archived["active"] is False
    bad = await _post(client, f"/v1/prices/{price['id']}", {"unit_amount": 1})
    assert _error(bad, 400)["param"] == "unit_amount"
    assert (await client.delete(f"/v1/products/{product['id']}")).status_code == 400


async def test_subscription_lifecycle(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    customer = (await _post(client, "/v1/customers", {})).json()
    product = (await _post(client, "/v1/products", {"name": "Pro"})).json()
    price = (
        await _post(
            client,
            "/v1/prices",
            {
                "product": product["id"],
                "currency": "usd",
                "unit_amount": 900,
                "recurring": {"interval": "month"},
            },
        )
    ).json()
    sub = (
        await _post(
            client,
            "/v1/subscriptions",
            {"customer": customer["id"], "items": [{"price": price["id"], "quantity": 2}]},
        )
    ).json()
    assert sub["status"] == "active"
    assert sub["items"]["data"][0]["price"]["id"] == price["id"]
    assert sub["items"]["data"][0]["quantity"] == 2
    canceled = (await client.delete(f"/v1/subscriptions/{sub['id']}")).json()
    assert canceled["status"] == "canceled"
    assert canceled["canceled_at"] is not None
    assert canceled["ended_at"] is not None
    event = fake.events(type_="customer.subscription.deleted")[0]
    assert event["data"]["object"]["id"] == sub["id"]
    listed = (await client.get("/v1/subscriptions")).json()["data"]
    assert sub["id"] not in [s["id"] for s in listed]


async def test_invoice_with_items_finalize_pay(client: httpx.AsyncClient) -> None:
    customer = (await _post(client, "/v1/customers", {})).json()
    invoice = (await _post(client, "/v1/invoices", {"customer": customer["id"]})).json()
    for amount in (100, 250):
        item = await _post(
            client,
            "/v1/invoiceitems",
            {
                "customer": customer["id"],
                "amount": amount,
                "currency": "usd",
                "invoice": invoice["id"],
            },
        )
        assert item.status_code == 200, item.text
    invoice = (await client.get(f"/v1/invoices/{invoice['id']}")).json()
    assert invoice["total"] == 350
    assert len(invoice["lines"]["data"]) == 2
    paid = (await _post(client, f"/v1/invoices/{invoice['id']}/pay", {})).json()
    assert paid["status"] == "paid"
    assert paid["amount_remaining"] == 0
    deleted = await client.delete(f"/v1/invoices/{invoice['id']}")
    assert _error(deleted, 400)["type"] == "invalid_request_error"


async def test_charge_refunds_expand(client: httpx.AsyncClient) -> None:
    charge = (await _post(client, "/v1/charges", {"amount": 1000, "currency": "usd"})).json()
    assert "refunds" not in charge
    for amount in (300, 200):
        assert (
            await _post(client, "/v1/refunds", {"charge": charge["id"], "amount": amount})
        ).status_code == 200
    too_much = await _post(client, "/v1/refunds", {"charge": charge["id"], "amount": 9999})
    assert _error(too_much, 400)["param"] == "amount"
    got = (await client.get(f"/v1/charges/{charge['id']}", params={"expand[]": "refunds"})).json()
    assert got["amount_refunded"] == 500
    assert [r["amount"] for r in got["refunds"]["data"]] == [200, 300]
    listed = (await client.get("/v1/charges", params={"expand[]": "data.refunds"})).json()
    assert listed["data"][0]["refunds"]["url"] == f"/v1/charges/{charge['id']}/refunds"
    by_charge = (await client.get("/v1/refunds", params={"charge": charge["id"]})).json()
    assert [r["amount"] for r in by_charge["data"]] == [200, 300]


async def test_payment_method_attach_and_per_customer_list(client: httpx.AsyncClient) -> None:
    customer = (await _post(client, "/v1/customers", {})).json()
    pm = (await _post(client, "/v1/payment_methods", {"type": "card"})).json()
    await _post(client, f"/v1/payment_methods/{pm['id']}/attach", {"customer": customer["id"]})
    listed = (await client.get(f"/v1/customers/{customer['id']}/payment_methods")).json()
    assert [p["id"] for p in listed["data"]] == [pm["id"]]
    await _post(client, f"/v1/payment_methods/{pm['id']}/detach", {})
    listed = (await client.get(f"/v1/customers/{customer['id']}/payment_methods")).json()
    assert listed["data"] == []
    tax_id = (
        await _post(
            client,
            f"/v1/customers/{customer['id']}/tax_ids",
            {"type": "eu_vat", "value": "DE123456789"},
        )
    ).json()
    gone = await client.delete(f"/v1/customers/{customer['id']}/tax_ids/{tax_id['id']}")
    assert gone.json()["deleted"] is True
    assert (await client.get(f"/v1/tax_ids/{tax_id['id']}")).status_code == 404


async def test_connected_accounts_are_separate(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    acct = fake.add_account()
    await _post(client, "/v1/customers", {"email": "c@example.com"}, **{"Stripe-Account": acct})
    platform = (await client.get("/v1/customers")).json()["data"]
    connected = (await client.get("/v1/customers", headers={"Stripe-Account": acct})).json()
    assert platform == []
    assert len(connected["data"]) == 1
    event = fake.events(account=acct)[0]
    assert event["account"] == acct
    me = (await client.get("/v1/account", headers={"Stripe-Account": acct})).json()
    assert me["id"] == acct
    assert isinstance(me["created"], int)
    unknown = await client.get("/v1/customers", headers={"Stripe-Account": "acct_nope"})
    assert unknown.status_code == 403


async def test_webhook_endpoint_crud(client: httpx.AsyncClient) -> None:
    made = (
        await _post(
            client,
            "/v1/webhook_endpoints",
            {"url": "http://127.0.0.1:1/hook", "enabled_events": ["customer.*"]},
        )
    ).json()
    assert made["secret"].startswith("whsec_")
    assert made["status"] == "enabled"
    got = (await client.get(f"/v1/webhook_endpoints/{made['id']}")).json()
    assert "secret" not in got
    off = (await _post(client, f"/v1/webhook_endpoints/{made['id']}", {"disabled": True})).json()
    assert off["status"] == "disabled"
    listed = (await client.get("/v1/webhook_endpoints")).json()
    assert [e["id"] for e in listed["data"]] == [made["id"]]
    gone = (await client.delete(f"/v1/webhook_endpoints/{made['id']}")).json()
    assert gone["deleted"] is True


async def test_control_endpoints(fake: FakeStripe, client: httpx.AsyncClient) -> None:
    seeded = (await client.post("/_fake/seed", json={"object": "product", "count": 5})).json()
    assert seeded["count"] == 5
    assert len(seeded["ids"]) == 5
    cfg = (await client.post("/_fake/config", json={"latency_ms": 1})).json()
    assert cfg["latency_ms"] == 1
    assert (await client.post("/_fake/config", json={"nope": 1})).status_code == 400
    stats = (await client.get("/_fake/stats")).json()
    assert stats["objects"][fake.account_id]["product"] == 5
    await client.post("/_fake/reset", json={})
    assert fake.stats()["objects"][fake.account_id] == {}
