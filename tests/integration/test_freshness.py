"""Freshness: every applied event's delay from Stripe's ``created`` to the commit, in the
``stripe_sync_event_freshness_seconds`` histogram and the ``stripe.freshness`` view, by object
and by how the event came (webhook, Events API poller, direct ``process_event``)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg

from stripe_sync import AsyncStripeSync, Outcome
from stripe_sync.metrics import Metrics
from stripe_sync.testing import FakeStripe
from tests.integration.helpers import WEBHOOK_SECRET


def created_event(fake: FakeStripe, path: str, params: dict[str, Any]) -> dict[str, Any]:
    obj = fake.call("POST", path, params)
    return next(e for e in fake.events() if e["data"]["object"]["id"] == obj["id"])


def view(url: str) -> dict[tuple[str, str], tuple[int, float, float, float]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT object, source, events, p50_seconds, p99_seconds, max_seconds"
            " FROM stripe.freshness"
        ).fetchall()
    return {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in rows}


def recorded_delays(url: str) -> dict[str, tuple[str | None, float]]:
    """Per event id: its via and processed_at - created, as the database has them."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT id, via, extract(epoch FROM processed_at - created)::float8"
            " FROM stripe._processed_events"
        ).fetchall()
    return {r[0]: (r[1], r[2]) for r in rows}


def histogram(metrics: Metrics, obj: str, source: str) -> tuple[float, float]:
    """(count, sum) of the freshness histogram for one object and source."""
    labels = {"object": obj, "source": source}
    count = metrics.registry.get_sample_value("stripe_sync_event_freshness_seconds_count", labels)
    total = metrics.registry.get_sample_value("stripe_sync_event_freshness_seconds_sum", labels)
    return count or 0.0, total or 0.0


async def test_every_path_is_measured_in_the_histogram_and_the_view(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    metrics = Metrics()
    sync._add_event_listener(metrics.observe_event)
    started = datetime.now(UTC) - timedelta(seconds=5)
    await sync.poll_events()  # the poller's baseline
    ada = created_event(fake, "/v1/customers", {"name": "Ada"})
    grace = created_event(fake, "/v1/customers", {"name": "Grace"})
    widget = created_event(fake, "/v1/products", {"name": "Widget"})

    body, header = fake.signed_event(ada, WEBHOOK_SECRET)
    assert (await sync.process_webhook(body, header)).outcome is Outcome.WRITTEN
    # A redelivery is a duplicate: not measured again.
    assert (await sync.process_webhook(body, header)).outcome is Outcome.DUPLICATE
    assert (await sync.process_event(grace)).outcome is Outcome.WRITTEN
    # The poller applies the product's event; the two customers' it finds handled already.
    assert (await sync.poll_events(since=started)).applied == 1

    delays = recorded_delays(database_url)
    assert {e["id"]: delays[e["id"]][0] for e in (ada, grace, widget)} == {
        ada["id"]: "webhook",
        grace["id"]: None,
        widget["id"]: "events",
    }
    for event in (ada, grace, widget):
        # Stripe's created is whole seconds: a delay reads up to 1 s long, never negative.
        assert 0 <= delays[event["id"]][1] < 5

    found = view(database_url)
    assert set(found) == {("customer", "webhook"), ("customer", "direct"), ("product", "events")}
    for (obj, source), (events, p50, p99, longest) in found.items():
        event = {"webhook": ada, "direct": grace, "events": widget}[source]
        assert events == 1
        assert p50 == p99 == longest == delays[event["id"]][1]
        # The histogram observes the same delay, from the commit time the write answered.
        count, total = histogram(metrics, obj, source)
        assert count == 1
        assert abs(total - longest) < 0.01


async def test_the_view_covers_the_last_hour(
    sync: AsyncStripeSync, fake: FakeStripe, database_url: str
) -> None:
    events = [created_event(fake, "/v1/customers", {"name": f"c{n}"}) for n in range(4)]
    for event in events:
        await sync.process_event(event)
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "UPDATE stripe._processed_events SET processed_at = now() - interval '61 minutes'"
            " WHERE id = %s",
            (events[0]["id"],),
        )
        conn.execute(
            "UPDATE stripe._processed_events SET processed_at = created + interval '3 seconds'"
            " WHERE id = %s",
            (events[1]["id"],),
        )
    ((events_counted, p50, p99, longest),) = view(database_url).values()
    assert events_counted == 3
    assert longest == 3.0
    assert p50 < 3.0 < p99 + 0.1
