"""The fake over real HTTP: the official ``stripe`` client and signed webhook delivery."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
import stripe

from stripe_sync.testing import FakeStripe, RunningServer, run_in_thread


@dataclass
class Receiver:
    """A local webhook receiver: records every POST, answers 500 to the first ``fail_first``."""

    url: str = ""
    fail_first: int = 0
    received: list[tuple[bytes, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, body: bytes, signature: str) -> int:
        with self.lock:
            self.received.append((body, signature))
            return 500 if len(self.received) <= self.fail_first else 200


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    state = Receiver()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = state.handle(body, self.headers.get("Stripe-Signature", ""))
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture
def running() -> Iterator[RunningServer]:
    fake = FakeStripe(webhook_retry_schedule=(0.05, 0.1), webhook_max_attempts=4)
    with fake, run_in_thread(fake) as server:
        yield server


@pytest.fixture
def client(running: RunningServer) -> Iterator[stripe.StripeClient]:
    http_client = stripe.RequestsClient()
    try:
        yield stripe.StripeClient(
            running.fake.api_key,
            base_addresses={"api": running.url},
            http_client=http_client,
            max_network_retries=0,
        )
    finally:
        http_client.close()  # type: ignore[no-untyped-call]


def test_official_client_crud_and_auto_pagination(
    running: RunningServer, client: stripe.StripeClient
) -> None:
    created = client.v1.customers.create(
        params={"email": "ada@example.com", "metadata": {"team": "core"}}
    )
    assert created.id.startswith("cus_")
    assert created.metadata is not None
    assert created.metadata["team"] == "core"
    running.fake.seed("customer", 250)
    seen = [c.id for c in client.v1.customers.list(params={"limit": 100}).auto_paging_iter()]
    assert len(seen) == len(set(seen)) == 251
    assert created.id in seen

    got = client.v1.customers.retrieve(created.id)
    assert got.email == "ada@example.com"
    updated = client.v1.customers.update(created.id, params={"name": "Ada"})
    assert updated.name == "Ada"
    deleted = client.v1.customers.delete(created.id)
    assert deleted.deleted is True
    with pytest.raises(stripe.InvalidRequestError) as missing:
        client.v1.products.retrieve("prod_missing")
    assert missing.value.http_status == 404
    assert missing.value.code == "resource_missing"


def test_wrong_key_is_authentication_error(running: RunningServer) -> None:
    http_client = stripe.RequestsClient()
    try:
        bad = stripe.StripeClient(
            "sk_test_not_the_key_1234",
            base_addresses={"api": running.url},
            http_client=http_client,
            max_network_retries=0,
        )
        with pytest.raises(stripe.AuthenticationError) as err:
            bad.v1.customers.list()
        assert "sk_test_not_the_key_1234" not in str(err.value)
    finally:
        http_client.close()  # type: ignore[no-untyped-call]


def test_signed_webhooks_are_delivered_and_verified(
    running: RunningServer, client: stripe.StripeClient, receiver: Receiver
) -> None:
    fake = running.fake
    endpoint = client.v1.webhook_endpoints.create(
        params={"url": receiver.url, "enabled_events": ["customer.created", "product.*"]}  # type: ignore[list-item]
    )
    secret = endpoint.secret
    assert secret is not None
    customer = client.v1.customers.create(params={"email": "w@example.com"})
    client.v1.products.create(params={"name": "Hooked"})
    client.v1.customers.update(customer.id, params={"name": "not subscribed"})
    assert fake.wait_for_webhooks(timeout=10)

    types = []
    for body, signature in receiver.received:
        event = stripe.Webhook.construct_event(body.decode(), signature, secret)
        types.append(event["type"])
    assert sorted(types) == ["customer.created", "product.created"]
    with pytest.raises(stripe.SignatureVerificationError):
        stripe.Webhook.construct_event(
            receiver.received[0][0].decode(), receiver.received[0][1], "whsec_wrong"
        )


def test_failed_delivery_is_retried(running: RunningServer, receiver: Receiver) -> None:
    fake = running.fake
    receiver.fail_first = 2
    endpoint = fake.add_webhook_endpoint(receiver.url, ["customer.created"])
    fake.call("POST", "/v1/customers", {"email": "r@example.com"})
    assert fake.wait_for_webhooks(timeout=10)
    attempts = [a for a in fake.deliveries if a.endpoint_id == endpoint["id"]]
    assert [a.status_code for a in attempts] == [500, 500, 200]
    assert [a.attempt for a in attempts] == [1, 2, 3]
    assert len({json.loads(b)["id"] for b, _ in receiver.received}) == 1
    assert fake.events(type_="customer.created")[0]["pending_webhooks"] == 0

    resent = fake.resend_event(attempts[0].event_id)
    assert resent == 1
    assert fake.wait_for_webhooks(timeout=10)
    assert len(receiver.received) == 4


def test_disabled_endpoint_gets_nothing(running: RunningServer, receiver: Receiver) -> None:
    fake = running.fake
    endpoint = fake.add_webhook_endpoint(receiver.url)
    fake.call("POST", f"/v1/webhook_endpoints/{endpoint['id']}", {"disabled": "true"})
    fake.call("POST", "/v1/customers", {})
    assert fake.wait_for_webhooks(timeout=10)
    assert receiver.received == []
    assert fake.events()[0]["pending_webhooks"] == 0


def test_control_endpoints_over_http(running: RunningServer) -> None:
    with httpx.Client(base_url=running.url) as http:
        assert http.post("/_fake/seed_realistic", json={"scale": 50}).status_code == 200
        http.post("/_fake/config", json={"rate_limit_probability": 1.0, "seed": 1})
        headers = {"Authorization": f"Bearer {running.fake.api_key}"}
        limited = http.get("/v1/customers", headers=headers)
        assert limited.status_code == 429
        assert limited.headers["Stripe-Rate-Limited-Reason"]
        stats = http.get("/_fake/stats").json()
        assert stats["totals"]["rate_limited"] == 1
        assert stats["objects"][running.fake.account_id]["customer"] == 50
