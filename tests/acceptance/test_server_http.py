"""The webhook server over real HTTP: uvicorn on a free port, the fake Stripe delivering to it.

The app is ``create_app(config)``: it makes its own engine, which reaches the fake Stripe over
HTTP too and is closed by the app's lifespan when uvicorn stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from prometheus_client.parser import text_string_to_metric_families

from stripe_sync import ConfigError, PoolConfig, StripeSyncConfig
from stripe_sync.server import create_app
from stripe_sync.service import KEEP_ALIVE_SECONDS
from stripe_sync.testing import FakeStripe, RunningServer, free_port, run_in_thread
from tests.conftest import RestartablePostgres
from tests.integration.helpers import count, rows


@contextlib.contextmanager
def serve(config: StripeSyncConfig, port: int) -> Iterator[str]:
    """``create_app(config)`` under uvicorn in a thread (lifespan on); yields its base URL."""
    app = create_app(config)
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            host="127.0.0.1",
            port=port,
            lifespan="on",
            log_level="warning",
            access_log=False,
            # As stripe-sync start: the fake's deliveries (httpx, 5 s) close idle ones first.
            timeout_keep_alive=KEEP_ALIVE_SECONDS,
        )
    )
    # uvicorn installs no signal handlers outside the main thread.
    thread = threading.Thread(target=lambda: asyncio.run(server.serve()), daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert thread.is_alive(), "the webhook server stopped during startup"
        assert time.monotonic() < deadline, "the webhook server did not start"
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=15)
    assert not thread.is_alive(), "the webhook server did not stop"
    # The lifespan closed the engine the app made.
    with pytest.raises(ConfigError, match="closed"):
        asyncio.run(app.state.stripe_sync.run_migrations())


@contextlib.contextmanager
def fake_stripe(max_attempts: int) -> Iterator[RunningServer]:
    """The fake over HTTP, retrying failed deliveries every 0.3 s up to ``max_attempts``."""
    with (
        FakeStripe(
            seed=7, webhook_retry_schedule=(0.3,), webhook_max_attempts=max_attempts
        ) as fake,
        run_in_thread(fake) as running,
    ):
        yield running


def config_for(
    stripe: RunningServer, database_url: str, secret: str, **extra: Any
) -> StripeSyncConfig:
    return StripeSyncConfig(
        stripe_secret_key=stripe.fake.api_key,
        stripe_webhook_secret=secret,
        stripe_api_base=stripe.url,
        database_url=database_url,
        initial_retry_delay_ms=1,
        max_retry_delay_ms=4,
        **extra,
    )


def endpoint(fake: FakeStripe) -> tuple[int, str, str]:
    """A free port, a webhook endpoint in the fake for it, and the endpoint's secret."""
    port = free_port()
    created = fake.add_webhook_endpoint(f"http://127.0.0.1:{port}/webhooks")
    return port, str(created["id"]), str(created["secret"])


def test_objects_created_updated_deleted_in_stripe_appear_in_postgres(database_url: str) -> None:
    with fake_stripe(max_attempts=3) as stripe:
        fake = stripe.fake
        port, endpoint_id, secret = endpoint(fake)
        with serve(config_for(stripe, database_url, secret), port) as url:
            health = httpx.get(f"{url}/health")
            ada = fake.call("POST", "/v1/customers", {"name": "Ada", "email": "ada@example.com"})
            bob = fake.call("POST", "/v1/customers", {"name": "Bob"})
            fake.call("POST", f"/v1/customers/{ada['id']}", {"name": "Ada Lovelace"})
            fake.call("DELETE", f"/v1/customers/{bob['id']}")
            assert fake.wait_for_webhooks(30)
            metrics = httpx.get(f"{url}/metrics").text

    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    attempts = [(a.event_type, a.status_code) for a in fake.deliveries]
    assert sorted(attempts) == [
        ("customer.created", 200),
        ("customer.created", 200),
        ("customer.deleted", 200),
        ("customer.updated", 200),
    ]
    assert {a.endpoint_id for a in fake.deliveries} == {endpoint_id}
    stored = rows(database_url, "customers")
    assert set(stored) == {ada["id"], bob["id"]}
    assert stored[ada["id"]]["name"] == "Ada Lovelace"
    assert stored[ada["id"]]["email"] == "ada@example.com"
    assert stored[ada["id"]]["deleted"] is False
    assert stored[bob["id"]]["deleted"] is True
    assert count(database_url, "_processed_events") == 4
    # Four workers deliver concurrently, so the outcomes depend on the order of arrival; the
    # counts by type do not.
    by_type: dict[str, float] = {}
    for family in text_string_to_metric_families(metrics):
        for sample in family.samples:
            if sample.name == "stripe_sync_events_total":
                kind = sample.labels["type"]
                by_type[kind] = by_type.get(kind, 0) + sample.value
    assert by_type == {"customer.created": 2, "customer.updated": 1, "customer.deleted": 1}


def test_bad_signatures_get_400_and_change_nothing(database_url: str) -> None:
    with fake_stripe(max_attempts=2) as stripe:
        fake = stripe.fake
        # The endpoint signs with its own secret; the server knows only another one.
        port, _, secret = endpoint(fake)
        with serve(config_for(stripe, database_url, "whsec_not_this_endpoint_00000"), port) as url:
            fake.call("POST", "/v1/customers", {"name": "Mallory"})
            assert fake.wait_for_webhooks(30)
            # A body changed after signing, sent by hand with the endpoint's real secret.
            event = fake.events(type_="customer.created")[0]
            body, header = FakeStripe.signed_event(event, secret)
            tampered = httpx.post(
                f"{url}/webhooks",
                content=body.replace(b"Mallory", b"Mallorz"),
                headers={"Stripe-Signature": header},
            )
            metrics = httpx.get(f"{url}/metrics").text

    assert [a.status_code for a in fake.deliveries] == [400, 400]  # both attempts refused
    assert tampered.status_code == 400
    assert secret not in tampered.text
    assert count(database_url, "customers") == 0
    assert count(database_url, "_processed_events") == 0
    assert 'stripe_sync_webhook_errors_total{reason="bad_signature"} 3.0' in metrics


def test_database_down_answers_5xx_and_stripe_retries_land_every_event(
    restartable_pg15: RestartablePostgres,
) -> None:
    postgres = restartable_pg15
    with fake_stripe(max_attempts=200) as stripe:
        fake = stripe.fake
        port, _, secret = endpoint(fake)
        config = config_for(
            stripe, postgres.url, secret, pool_config=PoolConfig(connect_timeout_seconds=1)
        )
        with serve(config, port):
            first = fake.call("POST", "/v1/customers", {"name": "before"})
            assert fake.wait_for_webhooks(30)
            assert [a.status_code for a in fake.deliveries] == [200]

            postgres.stop()
            try:
                created = [
                    fake.call("POST", "/v1/customers", {"name": f"during {n}"}) for n in range(3)
                ]
                fake.call("POST", f"/v1/customers/{first['id']}", {"name": "renamed during"})
                # Every event is refused at least once while the database is down.
                deadline = time.monotonic() + 60
                while len({a.event_id for a in fake.deliveries if a.status_code == 503}) < 4:
                    assert time.monotonic() < deadline, "the events were never refused"
                    time.sleep(0.1)
            finally:
                postgres.start()
            assert fake.wait_for_webhooks(60)

    statuses = {a.status_code for a in fake.deliveries}
    assert statuses == {200, 503}
    delivered = {a.event_id for a in fake.deliveries if a.status_code == 200}
    assert delivered == {a.event_id for a in fake.deliveries}
    stored = rows(postgres.url, "customers")
    assert stored[first["id"]]["name"] == "renamed during"
    for customer in created:
        assert stored[customer["id"]]["name"] == customer["name"]
    assert count(postgres.url, "_processed_events") == 5
