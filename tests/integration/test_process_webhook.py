"""``process_webhook``: a signed delivery is applied; any rejected one changes no row at all."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import psycopg
import pytest
from psycopg import sql

from stripe_sync import (
    AsyncStripeSync,
    MalformedPayloadError,
    Outcome,
    SignatureVerificationError,
    WebhookError,
)
from stripe_sync.facade import SECRETS_REFRESH_MIN
from stripe_sync.signature import compute_signature
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import WEBHOOK_SECRET, count, make_sync, rows

OTHER_SECRET = "whsec_somebody_else_1111111111111"
MANAGED_SECRET = "whsec_managed_endpoint_22222222222"

Snapshot = dict[str, tuple[int, str]]


def snapshot(url: str) -> Snapshot:
    """Row count and a digest of the full contents of every table in the ``stripe`` schema."""
    with psycopg.connect(url) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'stripe' AND table_type = 'BASE TABLE' ORDER BY 1"
            )
        ]
        out: Snapshot = {}
        for table in tables:
            stmt = sql.SQL(
                "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                "FROM stripe.{} AS t"
            ).format(sql.Identifier(table))
            found = conn.execute(stmt).fetchone()
            assert found is not None
            out[table] = (int(found[0]), str(found[1]))
    assert "_processed_events" in out
    # Object rows live in storage tables behind the views (0016).
    assert "_raw_customers" in out
    return out


def create_customer(fake: FakeStripe, name: str) -> tuple[str, dict[str, Any]]:
    customer = fake.call("POST", "/v1/customers", {"name": name})
    (event,) = [
        e
        for e in fake.events(type_="customer.created")
        if e["data"]["object"]["id"] == customer["id"]
    ]
    return str(customer["id"]), event


def update_customer(fake: FakeStripe, customer_id: str, name: str) -> dict[str, Any]:
    fake.call("POST", f"/v1/customers/{customer_id}", {"name": name})
    return fake.events(type_="customer.updated")[0]


@pytest.mark.parametrize("as_text", [False, True], ids=["bytes", "str"])
async def test_signed_delivery_is_applied(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str, as_text: bool
) -> None:
    customer_id, created = create_customer(fake, "Ada")
    payload, header = fake.signed_event(created, WEBHOOK_SECRET)

    result = await sync.process_webhook(payload.decode() if as_text else payload, header)

    assert result.outcome is Outcome.WRITTEN
    assert (result.object, result.object_id, result.event_id) == (
        "customer",
        customer_id,
        created["id"],
    )
    assert result.account_id == fake.account_id
    stored = rows(database_url, "customers")[customer_id]
    assert stored["name"] == "Ada"
    assert stored["_account_id"] == fake.account_id
    assert stored["_raw_data"]["name"] == "Ada"
    assert set(rows(database_url, "_processed_events")) == {created["id"]}

    # The next event for the same object, as the other payload type, updates the row.
    updated = update_customer(fake, customer_id, "Ada Lovelace")
    payload, header = fake.signed_event(updated, WEBHOOK_SECRET)
    result = await sync.process_webhook(payload if as_text else payload.decode(), header)
    assert result.outcome is Outcome.WRITTEN
    assert rows(database_url, "customers")[customer_id]["name"] == "Ada Lovelace"


def _sign(body: bytes, secret: str = WEBHOOK_SECRET, at: int | None = None) -> tuple[bytes, str]:
    """``body`` (any bytes) with a valid ``Stripe-Signature`` for it."""
    t = int(time.time()) if at is None else at
    return body, f"t={t},v1={compute_signature(body, secret, t)}"


def rejected_delivery(case: str, event: dict[str, Any]) -> tuple[bytes | str, str | None]:
    """A delivery of ``event`` (or of a broken body) that ``process_webhook`` must refuse."""
    body = json.dumps(event).encode()
    now = int(time.time())
    match case:
        case "bad_signature":
            payload, header = _sign(body)
            t, _, v1 = header.partition(",v1=")
            return payload, f"{t},v1={'0' if v1[0] != '0' else '1'}{v1[1:]}"
        case "body_changed_after_signing":
            payload, header = _sign(body)
            return payload.replace(b"Mallory", b"Mallorz"), header
        case "wrong_secret":
            return _sign(body, OTHER_SECRET)
        case "missing_header":
            return body, None
        case "empty_header":
            return body, ""
        case "header_without_v1":
            return body, f"t={now}"
        case "header_without_timestamp":
            return body, _sign(body)[1].partition(",")[2]
        case "stale_timestamp":
            return _sign(body, at=now - 400)
        case "future_timestamp":
            return _sign(body, at=now + 400)
        case "malformed_json":
            return _sign(b'{"id": "evt_1", "object": "event", "type": ')
        case "not_utf8":
            return _sign(b"\xff\xfe" + body)
        case "json_array":
            return _sign(json.dumps([event]).encode())
        case "not_an_event":
            return _sign(json.dumps(event["data"]["object"]).encode())
        case "no_data_object":
            return _sign(json.dumps({**event, "data": {"previous_attributes": {}}}).encode())
        case "data_object_not_an_object":
            return _sign(json.dumps({**event, "data": {"object": "cus_123"}}).encode())
    raise AssertionError(case)


SIGNATURE_CASES = [
    "bad_signature",
    "body_changed_after_signing",
    "wrong_secret",
    "missing_header",
    "empty_header",
    "header_without_v1",
    "header_without_timestamp",
    "stale_timestamp",
    "future_timestamp",
]
PAYLOAD_CASES = [
    "malformed_json",
    "not_utf8",
    "json_array",
    "not_an_event",
    "no_data_object",
    "data_object_not_an_object",
]
CASES: dict[str, type[WebhookError]] = {
    **dict.fromkeys(SIGNATURE_CASES, SignatureVerificationError),
    **dict.fromkeys(PAYLOAD_CASES, MalformedPayloadError),
}


@pytest.mark.parametrize("case", list(CASES))
async def test_rejected_delivery_changes_nothing(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str, case: str
) -> None:
    # Something in the database first, so that an accepted update would be visible.
    customer_id, created = create_customer(fake, "Ada")
    payload, header = fake.signed_event(created, WEBHOOK_SECRET)
    assert (await sync.process_webhook(payload, header)).outcome is Outcome.WRITTEN
    event = update_customer(fake, customer_id, "Mallory")
    expected = CASES[case]
    bad_payload, bad_header = rejected_delivery(case, event)
    before = snapshot(database_url)

    with pytest.raises(expected) as raised:
        await sync.process_webhook(bad_payload, bad_header)

    assert type(raised.value) is expected
    assert snapshot(database_url) == before
    assert rows(database_url, "customers")[customer_id]["name"] == "Ada"
    message = str(raised.value)
    assert message
    for secret in (WEBHOOK_SECRET, OTHER_SECRET):
        assert secret not in message
    for part in (bad_header or "").split(","):
        scheme, _, value = part.partition("=")
        if scheme == "v1":
            assert value not in message


async def test_secret_and_signature_never_in_message(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    _, created = create_customer(fake, "Ada")
    payload, header = fake.signed_event(created, OTHER_SECRET)
    with pytest.raises(SignatureVerificationError) as raised:
        await sync.process_webhook(payload, header)
    text = f"{raised.value!s} {raised.value!r} {raised.value.args!r}"
    signature = header.partition(",v1=")[2]
    assert len(signature) == 64
    assert signature not in text
    assert WEBHOOK_SECRET not in text
    assert OTHER_SECRET not in text


def _insert_managed_webhook(url: str, secret: str) -> None:
    with psycopg.connect(url) as conn:
        conn.execute(
            "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, enabled_events) "
            "VALUES (%s, %s, %s, %s, %s)",
            ("we_managed_1", "https://example.com/stripe", "acct_x", secret, ["*"]),
        )


async def test_managed_webhook_secret_added_after_first_verification(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    # The first delivery loads (and caches) the secrets: only the configured one exists.
    _, first = create_customer(fake, "Ada")
    assert (await sync.process_webhook(*fake.signed_event(first, WEBHOOK_SECRET))).applied

    _insert_managed_webhook(database_url, MANAGED_SECRET)
    # A failed check re-reads the secrets, at most once per SECRETS_REFRESH_MIN seconds.
    await asyncio.sleep(SECRETS_REFRESH_MIN + 0.05)
    customer_id, second = create_customer(fake, "Grace")

    result = await sync.process_webhook(*fake.signed_event(second, MANAGED_SECRET))

    assert result.outcome is Outcome.WRITTEN
    assert result.object_id == customer_id
    assert rows(database_url, "customers")[customer_id]["name"] == "Grace"
    # The configured secret keeps working next to the managed one.
    _, third = create_customer(fake, "Alan")
    assert (await sync.process_webhook(*fake.signed_event(third, WEBHOOK_SECRET))).applied
    # And a secret nobody holds is still refused.
    _, fourth = create_customer(fake, "Eve")
    with pytest.raises(SignatureVerificationError):
        await sync.process_webhook(*fake.signed_event(fourth, OTHER_SECRET))
    assert count(database_url, "customers") == 3


async def test_managed_secret_alone_without_configured_secret(
    fake: FakeStripe, database_url: str
) -> None:
    _insert_managed_webhook(database_url, MANAGED_SECRET)
    async with make_sync(fake, database_url, stripe_webhook_secret=None) as engine:
        customer_id, created = create_customer(fake, "Ada")
        with pytest.raises(SignatureVerificationError):
            await engine.process_webhook(*fake.signed_event(created, WEBHOOK_SECRET))
        result = await engine.process_webhook(*fake.signed_event(created, MANAGED_SECRET))
    assert result.outcome is Outcome.WRITTEN
    assert set(rows(database_url, "customers")) == {customer_id}


async def test_no_secret_at_all_is_refused(fake: FakeStripe, database_url: str) -> None:
    async with make_sync(fake, database_url, stripe_webhook_secret=None) as engine:
        _, created = create_customer(fake, "Ada")
        before = snapshot(database_url)
        with pytest.raises(SignatureVerificationError, match="no webhook signing secret"):
            await engine.process_webhook(*fake.signed_event(created, WEBHOOK_SECRET))
    assert snapshot(database_url) == before


def _foreign_event(event_type: str, obj: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": "evt_unknown_type_1",
        "object": "event",
        "api_version": "2026-10-28.endive",
        "created": int(time.time()),
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
        "data": {"object": obj},
    }


async def test_unknown_event_type_is_skipped(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    event = _foreign_event("widget.sparkled", {"id": "wdg_123", "object": "widget"})
    before = snapshot(database_url)

    result = await sync.process_webhook(*fake.signed_event(event, WEBHOOK_SECRET))

    assert result.outcome is Outcome.SKIPPED
    assert not result.applied
    assert result.event_type == "widget.sparkled"
    assert result.object is None
    assert result.reason
    after = snapshot(database_url)
    changed = {t for t in after if after[t] != before[t]}
    # Only the processed-events record (and the account row the engine looked up) may change.
    assert changed <= {"_processed_events", "accounts"}
    processed = rows(database_url, "_processed_events")
    assert processed["evt_unknown_type_1"]["outcome"] == "skipped"

    # A redelivery is recognised.
    again = await sync.process_webhook(*fake.signed_event(event, WEBHOOK_SECRET))
    assert again.outcome is Outcome.DUPLICATE


async def test_unknown_event_type_with_a_mirrored_object_is_applied(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    # Events are routed by the object they carry, so a newer event type is not lost.
    customer = fake.call("POST", "/v1/customers", {"name": "Ada"})
    event = _foreign_event("customer.teleported", customer)

    result = await sync.process_webhook(*fake.signed_event(event, WEBHOOK_SECRET))

    assert result.outcome is Outcome.WRITTEN
    assert rows(database_url, "customers")[customer["id"]]["name"] == "Ada"
