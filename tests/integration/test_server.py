"""The webhook app in process (``httpx.ASGITransport``) over the real PostgreSQL and the fake.

ASGITransport runs no lifespan, so every app here gets an engine through ``sync=``.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import psycopg
import pytest
from prometheus_client import CollectorRegistry
from prometheus_client.parser import text_string_to_metric_families
from starlette.applications import Starlette
from starlette.requests import ClientDisconnect
from starlette.responses import JSONResponse
from starlette.types import Message

from stripe_sync import AsyncStripeSync, ConfigError, PoolConfig
from stripe_sync.server import RETRY_AFTER_SECONDS, create_app
from stripe_sync.signature import compute_signature
from stripe_sync.testing import FakeStripe, free_port, run_in_thread
from tests.integration.helpers import WEBHOOK_SECRET, count, make_config, make_sync, rows

OTHER_SECRET = "whsec_somebody_else_1111111111111"


def client_for(sync: AsyncStripeSync, **options: Any) -> httpx.AsyncClient:
    app = create_app(sync=sync, **options)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://sync")


@pytest.fixture
async def client(sync: AsyncStripeSync) -> AsyncIterator[httpx.AsyncClient]:
    async with client_for(sync) as http:
        yield http


def customer_created(fake: FakeStripe, name: str) -> dict[str, Any]:
    customer = fake.call("POST", "/v1/customers", {"name": name})
    (event,) = [
        e
        for e in fake.events(type_="customer.created")
        if e["data"]["object"]["id"] == customer["id"]
    ]
    return event


def customer_updated(fake: FakeStripe, customer_id: str, name: str) -> dict[str, Any]:
    fake.call("POST", f"/v1/customers/{customer_id}", {"name": name})
    return fake.events(type_="customer.updated")[0]


async def deliver(
    http: httpx.AsyncClient, event: dict[str, Any], secret: str = WEBHOOK_SECRET
) -> httpx.Response:
    body, header = FakeStripe.signed_event(event, secret)
    return await http.post("/webhooks", content=body, headers={"Stripe-Signature": header})


def signed(body: bytes, secret: str = WEBHOOK_SECRET) -> dict[str, str]:
    t = int(time.time())
    return {"Stripe-Signature": f"t={t},v1={compute_signature(body, secret, t)}"}


def database_state(url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return rows(url, "customers"), rows(url, "_processed_events")


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of a Prometheus text exposition, by name and sorted labels."""
    out: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            out[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return out


async def test_signed_event_is_committed_before_200(
    client: httpx.AsyncClient, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Ada")
    customer_id = event["data"]["object"]["id"]

    response = await deliver(client, event)

    assert response.status_code == 200
    assert response.json() == {"received": True, "outcome": "written", "event_id": event["id"]}
    # The answer came after the commit: another connection sees the row at once.
    assert rows(database_url, "customers")[customer_id]["name"] == "Ada"
    assert set(rows(database_url, "_processed_events")) == {event["id"]}

    again = await deliver(client, event)
    assert again.status_code == 200
    assert again.json()["outcome"] == "duplicate"


@pytest.mark.parametrize("case", ["wrong_secret", "tampered_body", "missing_header"])
async def test_bad_signature_is_400_and_changes_nothing(
    client: httpx.AsyncClient, fake: FakeStripe, database_url: str, case: str
) -> None:
    first = customer_created(fake, "Ada")
    assert (await deliver(client, first)).status_code == 200
    event = customer_updated(fake, first["data"]["object"]["id"], "Mallory")
    body, header = FakeStripe.signed_event(
        event, OTHER_SECRET if case == "wrong_secret" else WEBHOOK_SECRET
    )
    headers = {"Stripe-Signature": header}
    if case == "tampered_body":
        body = body.replace(b"Mallory", b"Mallorz")
    if case == "missing_header":
        headers = {}
    before = database_state(database_url)

    response = await client.post("/webhooks", content=body, headers=headers)

    assert response.status_code == 400
    assert response.json()["received"] is False
    assert response.json()["error"]
    assert database_state(database_url) == before
    for secret_part in (WEBHOOK_SECRET, OTHER_SECRET, *header.split(",")):
        assert secret_part not in response.text


@pytest.mark.parametrize(
    "body",
    [b'{"id": "evt_1", "object": "event", "type": ', b"[1, 2]", b"\xff\xfe{}"],
    ids=["truncated_json", "json_array", "not_utf8"],
)
async def test_malformed_body_is_400_and_changes_nothing(
    client: httpx.AsyncClient, database_url: str, body: bytes
) -> None:
    before = database_state(database_url)

    response = await client.post("/webhooks", content=body, headers=signed(body))

    assert response.status_code == 400
    assert response.json()["received"] is False
    assert database_state(database_url) == before


async def test_oversized_body_is_413_by_content_length(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Ada")
    body, header = FakeStripe.signed_event(event, WEBHOOK_SECRET)
    async with client_for(sync, max_body_bytes=len(body) - 1) as http:
        response = await http.post("/webhooks", content=body, headers={"Stripe-Signature": header})
    assert response.status_code == 413
    assert count(database_url, "customers") == 0

    # The same body exactly at the limit is accepted.
    async with client_for(sync, max_body_bytes=len(body)) as http:
        response = await http.post("/webhooks", content=body, headers={"Stripe-Signature": header})
    assert response.status_code == 200


async def test_oversized_streamed_body_is_413_before_it_is_all_read(
    sync: AsyncStripeSync, database_url: str
) -> None:
    sent = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent
        for _ in range(100):
            sent += 1
            yield b"x" * 100

    async with client_for(sync, max_body_bytes=1000) as http:
        # A generator body goes out chunked, without Content-Length.
        response = await http.post(
            "/webhooks", content=chunks(), headers={"Stripe-Signature": "t=1,v1=00"}
        )

    assert response.status_code == 413
    assert sent < 100
    assert count(database_url, "_processed_events") == 0


async def test_the_200_is_the_json_response_starlette_would_send(
    client: httpx.AsyncClient, fake: FakeStripe
) -> None:
    # POST /webhooks answers without Starlette's response objects: the same bytes and headers.
    event = customer_created(fake, "Ada")
    response = await deliver(client, event)
    expected = JSONResponse({"received": True, "outcome": "written", "event_id": event["id"]})
    assert response.status_code == 200
    assert response.content == expected.body
    assert response.headers.raw == expected.raw_headers


async def test_a_body_in_several_chunks_is_joined(
    client: httpx.AsyncClient, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Ada")
    body, header = FakeStripe.signed_event(event, WEBHOOK_SECRET)

    async def chunks() -> AsyncIterator[bytes]:
        for start in range(0, len(body), 100):
            yield body[start : start + 100]

    response = await client.post(
        "/webhooks", content=chunks(), headers={"Stripe-Signature": header}
    )
    assert response.status_code == 200
    assert response.json()["outcome"] == "written"
    assert rows(database_url, "customers")[event["data"]["object"]["id"]]["name"] == "Ada"


async def test_other_methods_on_webhooks_are_405(client: httpx.AsyncClient) -> None:
    response = await client.get("/webhooks")
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


async def test_a_mounted_app_takes_webhooks_under_its_path(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    outer = Starlette()
    outer.mount("/stripe", create_app(sync=sync))
    event = customer_created(fake, "Ada")
    body, header = FakeStripe.signed_event(event, WEBHOOK_SECRET)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=outer), base_url="http://sync"
    ) as http:
        assert (await http.post("/webhooks", content=body)).status_code == 404
        response = await http.post(
            "/stripe/webhooks", content=body, headers={"Stripe-Signature": header}
        )
    assert response.status_code == 200
    assert set(rows(database_url, "_processed_events")) == {event["id"]}


async def test_a_client_gone_before_its_body_arrived_writes_nothing(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Ada")
    body, header = FakeStripe.signed_event(event, WEBHOOK_SECRET)
    messages: list[Message] = [
        {"type": "http.request", "body": body[:100], "more_body": True},
        {"type": "http.disconnect"},
    ]
    sent: list[Message] = []

    async def receive() -> Message:
        return messages.pop(0)

    async def send(message: Message) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/webhooks",
        "raw_path": b"/webhooks",
        "root_path": "",
        "query_string": b"",
        "headers": [(b"stripe-signature", header.encode())],
        "server": ("sync", 80),
        "client": ("127.0.0.1", 1234),
    }
    with pytest.raises(ClientDisconnect):
        await create_app(sync=sync)(scope, receive, send)
    assert count(database_url, "_processed_events") == 0


async def test_database_down_is_503_with_retry_after(fake: FakeStripe) -> None:
    closed = f"postgresql://postgres@127.0.0.1:{free_port()}/postgres"
    event = customer_created(fake, "Ada")
    async with (
        make_sync(
            fake, closed, pool_config=PoolConfig(min_size=0, connect_timeout_seconds=1)
        ) as engine,
        client_for(engine) as http,
    ):
        response = await deliver(http, event)

        assert response.status_code == 503
        assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
        assert response.json()["received"] is False
        # The database address stays in the log, out of the answer.
        assert "127.0.0.1" not in response.text
        errors = samples((await http.get("/metrics")).text)
        assert errors[("stripe_sync_webhook_errors_total", (("reason", "transient"),))] == 1


async def test_stripe_rate_limited_is_503(fake: FakeStripe, database_url: str) -> None:
    # The first event makes the engine look up its own account at Stripe, which answers 429.
    event = customer_created(fake, "Ada")
    fake.configure(rate_limit_probability=1.0)
    async with make_sync(fake, database_url, max_retries=0) as engine, client_for(engine) as http:
        response = await deliver(http, event)

    assert response.status_code == 503
    assert response.headers["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert count(database_url, "customers") == 0


async def test_terminal_error_is_a_dead_letter_without_details(
    fake: FakeStripe, database_url: str
) -> None:
    # A revoked key: the account lookup fails with 401, which retrying cannot fix. The event is
    # kept as a dead letter (replayed once the key is fixed), so Stripe need not retry it.
    event = customer_created(fake, "Ada")
    key = "sk_test_revoked_0000000000000000"
    async with (
        make_sync(fake, database_url, stripe_secret_key=key) as engine,
        client_for(engine) as http,
    ):
        response = await deliver(http, event)
        metrics = samples((await http.get("/metrics")).text)

    assert response.status_code == 200
    assert response.json()["outcome"] == "failed"
    assert key not in response.text
    assert (
        metrics[("stripe_sync_events_total", (("outcome", "failed"), ("type", "customer.created")))]
        == 1
    )
    assert count(database_url, "customers") == 0
    with psycopg.connect(database_url) as conn:
        failed = conn.execute("SELECT event_id FROM stripe.failed_events").fetchall()
    assert failed == [(event["id"],)]


async def test_metrics_count_events_by_type_and_outcome(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    registry = CollectorRegistry()
    app = create_app(sync=sync, registry=registry)
    ada = customer_created(fake, "Ada")
    bob = customer_created(fake, "Bob")
    ada_renamed = customer_updated(fake, ada["data"]["object"]["id"], "Ada L.")
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sync"
    ) as http:
        for event in (ada, bob, ada_renamed, ada):  # the last one is a redelivery
            assert (await deliver(http, event)).status_code == 200
        assert (await deliver(http, bob, OTHER_SECRET)).status_code == 400
        bad = b"not json"
        assert (await http.post("/webhooks", content=bad, headers=signed(bad))).status_code == 400
        response = await http.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    events = {
        labels: value
        for (name, labels), value in found.items()
        if name == "stripe_sync_events_total"
    }
    assert events == {
        (("outcome", "written"), ("type", "customer.created")): 2,
        (("outcome", "written"), ("type", "customer.updated")): 1,
        (("outcome", "duplicate"), ("type", "customer.created")): 1,
    }
    errors = {
        dict(labels)["reason"]: value
        for (name, labels), value in found.items()
        if name == "stripe_sync_webhook_errors_total"
    }
    assert errors == {
        "bad_signature": 1,
        "malformed": 1,
        "too_large": 0,
        "transient": 0,
        "error": 0,
    }
    assert found[("stripe_sync_event_processing_seconds_count", ())] == 4
    # Freshness: the three events applied (not the redelivery), as webhooks.
    fresh = (("object", "customer"), ("source", "webhook"))
    assert found[("stripe_sync_event_freshness_seconds_count", fresh)] == 3
    assert 0 <= found[("stripe_sync_event_freshness_seconds_sum", fresh)] < 3 * 5
    newest = max(e["created"] for e in (ada, bob, ada_renamed))
    assert found[("stripe_sync_last_event_timestamp_seconds", ())] == newest
    assert found[("stripe_sync_last_event_age_seconds", ())] >= 0
    # The app wrote to the registry it was given.
    assert (
        registry.get_sample_value(
            "stripe_sync_events_total",
            {
                "type": "customer.updated",
                "outcome": "written",
            },
        )
        == 1
    )


async def test_each_app_has_its_own_registry(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    event = customer_created(fake, "Ada")
    async with (
        make_sync(fake, database_url) as other,
        client_for(sync) as first,
        client_for(other) as second,
    ):
        assert (await deliver(first, event)).status_code == 200
        first_text = (await first.get("/metrics")).text
        second_text = (await second.get("/metrics")).text
    assert "customer.created" in first_text
    assert "customer.created" not in second_text
    # Before any event the freshness gauges have no sample.
    assert ("stripe_sync_last_event_age_seconds", ()) not in samples(second_text)


async def test_apps_of_one_engine_count_its_events(sync: AsyncStripeSync, fake: FakeStripe) -> None:
    # Events are counted where the engine applies them, so an app sees the events of its engine
    # whichever app (or poller) received them; webhook errors stay with the app that answered.
    async with client_for(sync) as first, client_for(sync) as second:
        assert (await deliver(first, customer_created(fake, "Ada"))).status_code == 200
        assert (
            await deliver(second, customer_created(fake, "Bob"), OTHER_SECRET)
        ).status_code == 400
        first_found = samples((await first.get("/metrics")).text)
        second_found = samples((await second.get("/metrics")).text)
    written = ("stripe_sync_events_total", (("outcome", "written"), ("type", "customer.created")))
    assert first_found[written] == second_found[written] == 1
    bad = ("stripe_sync_webhook_errors_total", (("reason", "bad_signature"),))
    assert (first_found[bad], second_found[bad]) == (0, 1)


# /health needs AsyncStripeSync.ping() (a public wrapper of Store.ping): until the facade has it,
# the app answers {"database": "unknown"} and these two tests fail.
async def test_health_ok_when_database_answers(client: httpx.AsyncClient) -> None:
    response = await client.get("/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


async def test_health_503_when_database_is_down(fake: FakeStripe) -> None:
    closed = f"postgresql://postgres@127.0.0.1:{free_port()}/postgres"
    async with (
        make_sync(
            fake, closed, pool_config=PoolConfig(min_size=0, connect_timeout_seconds=1)
        ) as engine,
        client_for(engine) as http,
    ):
        response = await http.get("/health")

    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unreachable"}
    assert "127.0.0.1" not in response.text


async def test_create_app_takes_a_config_or_an_engine(sync: AsyncStripeSync) -> None:
    with pytest.raises(ConfigError):
        create_app()
    with pytest.raises(ConfigError):
        create_app(sync.config, sync=sync)
    with pytest.raises(ConfigError):
        create_app(sync=sync, max_body_bytes=0)
    # With a config the app makes its own engine, which opens nothing until used.
    app = create_app(sync.config)
    assert isinstance(app.state.stripe_sync, AsyncStripeSync)
    assert app.state.stripe_sync is not sync
    await app.state.stripe_sync.close()


async def test_metrics_count_events_the_poller_applies(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    # Events mode: the app serves /metrics while the Events API poller applies the events; the
    # same counters move as for webhooks (issue 17, defect 8: they stayed at nothing).
    registry = CollectorRegistry()
    app = create_app(sync=sync, registry=registry)
    await sync.poll_events()  # the baseline
    ada = customer_created(fake, "Ada")
    customer_updated(fake, ada["data"]["object"]["id"], "Ada L.")
    newest = max(e["created"] for e in fake.events())
    assert (await sync.poll_events()).applied >= 2
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://sync"
    ) as http:
        found = samples((await http.get("/metrics")).text)
    assert (
        found[
            (
                "stripe_sync_events_total",
                (("outcome", "written"), ("type", "customer.created")),
            )
        ]
        == 1
    )
    assert (
        found[
            (
                "stripe_sync_events_total",
                (("outcome", "written"), ("type", "customer.updated")),
            )
        ]
        == 1
    )
    assert found[("stripe_sync_last_event_timestamp_seconds", ())] == newest
    assert found[("stripe_sync_event_processing_seconds_count", ())] >= 2
    fresh = (("object", "customer"), ("source", "events"))
    assert found[("stripe_sync_event_freshness_seconds_count", fresh)] >= 2
    # No webhook was delivered: nothing is counted as a webhook error.
    assert all(
        value == 0
        for (name, _), value in found.items()
        if name == "stripe_sync_webhook_errors_total"
    )


async def test_a_failing_event_listener_never_fails_the_event(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    seen: list[str | None] = []

    def broken(result: Any, seconds: float) -> None:
        seen.append(result.event_id)
        raise RuntimeError("listener bug")

    remove = sync._add_event_listener(broken)
    event = customer_created(fake, "Ada")
    assert (await sync.process_event(event)).outcome.value == "written"
    remove()
    assert (await sync.process_event(customer_created(fake, "Bob"))).outcome.value == "written"
    assert seen == [event["id"]]
    assert count(database_url, "customers") == 2


def _written(registry: CollectorRegistry) -> float | None:
    return registry.get_sample_value(
        "stripe_sync_events_total", {"type": "customer.created", "outcome": "written"}
    )


async def test_metrics_count_events_in_every_lifespan_of_the_app(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    """An app started a second time (a test's second TestClient, a server restarted in one
    process) still counts events: the first lifespan's end must not stop it listening."""
    registry = CollectorRegistry()
    app = create_app(sync=sync, registry=registry)
    transport = httpx.ASGITransport(app=app)
    for run, name in enumerate(("Ada", "Bob", "Cy"), start=1):
        async with (
            app.router.lifespan_context(app),
            httpx.AsyncClient(transport=transport, base_url="http://sync") as http,
        ):
            assert (await deliver(http, customer_created(fake, name))).status_code == 200
        assert _written(registry) == run
    # Once the app stopped, its engine no longer tells it about events.
    await sync.process_event(customer_created(fake, "Dee"))
    assert _written(registry) == 3


async def test_an_app_that_owns_its_engine_serves_a_second_lifespan(
    fake: FakeStripe, database_url: str
) -> None:
    registry = CollectorRegistry()
    engines = []
    with run_in_thread(fake) as stripe_server:
        config = make_config(fake, database_url, stripe_api_base=stripe_server.url)
        app = create_app(config, registry=registry)
        transport = httpx.ASGITransport(app=app)
        for run, name in enumerate(("Ada", "Bob"), start=1):
            async with (
                app.router.lifespan_context(app),
                httpx.AsyncClient(transport=transport, base_url="http://sync") as http,
            ):
                engines.append(app.state.stripe_sync)
                assert (await deliver(http, customer_created(fake, name))).status_code == 200
                assert (await http.get("/health")).json()["database"] == "ok"
            assert _written(registry) == run
    assert count(database_url, "customers") == 2
    # Each lifespan closed the engine it ran on.
    assert all(e._closed for e in engines)


async def test_a_listener_that_removes_itself_does_not_skip_the_next(
    sync: AsyncStripeSync, fake: FakeStripe
) -> None:
    calls: list[str] = []
    removers: list[Any] = []

    def once(result: Any, seconds: float) -> None:
        calls.append("once")
        removers[0]()

    def always(result: Any, seconds: float) -> None:
        calls.append("always")

    removers.append(sync._add_event_listener(once))
    remove_always = sync._add_event_listener(always)
    try:
        await sync.process_event(customer_created(fake, "Ada"))
        await sync.process_event(customer_created(fake, "Bob"))
    finally:
        remove_always()
    assert calls == ["once", "always", "always"]
