"""Live events over the Stripe CLI's websocket channel: real PostgreSQL, the fake Stripe over
real HTTP (the websocket needs a socket), and :meth:`AsyncStripeSync.listen_websocket`."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterator

import psycopg
import pytest

from stripe_sync import AsyncStripeSync, StripeSync
from stripe_sync.errors import StripeAuthenticationError
from stripe_sync.ingest import SyncResult
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe, RunningServer, run_in_thread
from tests.integration.helpers import make_config, rows


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    with FakeStripe(seed=23) as fake, run_in_thread(fake) as running:
        yield running


@pytest.fixture
async def engine(stripe: RunningServer, database_url: str) -> AsyncIterator[AsyncStripeSync]:
    config = make_config(
        stripe.fake,
        database_url,
        stripe_api_base=stripe.url,
        initial_retry_delay_ms=50,
        max_retry_delay_ms=200,
    )
    limiter = TokenBucketLimiter(global_rps=None, endpoint_rps=None)
    async with AsyncStripeSync(config, rate_limiter=limiter) as sync:
        await sync.run_migrations()
        yield sync


class Listening:
    """``listen_websocket`` running in a task, and every result the engine reported."""

    def __init__(self, sync: AsyncStripeSync) -> None:
        self.stop = asyncio.Event()
        self.results: list[SyncResult] = []
        self._remove = sync._add_event_listener(lambda r, _: self.results.append(r))
        self.task = asyncio.create_task(sync.listen_websocket(self.stop))

    async def until(self, condition: Callable[[], object]) -> None:
        async with asyncio.timeout(20):
            while not await asyncio.to_thread(condition):
                assert not self.task.done(), self.task.exception()
                await asyncio.sleep(0.05)

    async def close(self) -> None:
        self.stop.set()
        await asyncio.wait_for(self.task, 20)
        self._remove()

    def sources(self) -> dict[str, list[str | None]]:
        found: dict[str, list[str | None]] = {}
        for result in self.results:
            if result.event_id is not None:
                found.setdefault(result.event_id, []).append(result.source)
        return found


def has_cursor(database_url: str) -> bool:
    with psycopg.connect(database_url) as conn:
        row = conn.execute("SELECT count(*) FROM stripe._event_cursors").fetchone()
    return row is not None and row[0] > 0


def names(database_url: str) -> dict[str, str | None]:
    """Live customers (tombstones left out) and their names."""
    return {
        i: r["_raw_data"].get("name")
        for i, r in rows(database_url, "customers").items()
        if not r["deleted"]
    }


def fake_names(fake: FakeStripe) -> dict[str, str | None]:
    listed = fake.call("GET", "/v1/customers", {"limit": "100"})
    assert not listed["has_more"]
    return {c["id"]: c.get("name") for c in listed["data"]}


async def test_events_are_applied_and_acknowledged_once_committed(
    stripe: RunningServer, engine: AsyncStripeSync, database_url: str
) -> None:
    fake = stripe.fake
    listening = Listening(engine)
    try:
        await listening.until(lambda: fake.cli_sessions.open_connections == 1)
        await listening.until(lambda: has_cursor(database_url))
        ids = [
            (await asyncio.to_thread(fake.call, "POST", "/v1/customers", {"name": f"c{n}"}))["id"]
            for n in range(5)
        ]
        await listening.until(lambda: set(ids) <= set(rows(database_url, "customers")))
        events = {e["id"] for e in fake.events(type_="customer.created")}
        await listening.until(lambda: set(fake.cli_sessions.acked_event_ids()) == events)
        await listening.until(lambda: len(fake.cli_sessions.responses()) == len(events))
    finally:
        await listening.close()
    assert names(database_url) == fake_names(fake)
    # One session, events signed with its secret, each acknowledged once, after its commit.
    assert len(fake.cli_sessions.sessions) == 1
    assert sorted(fake.cli_sessions.acked_event_ids()) == sorted(events)
    assert [r["status"] for r in fake.cli_sessions.responses()] == [200] * 5
    assert {e: s for e, s in listening.sources().items() if e in events} == {
        e: ["websocket"] for e in events
    }
    # Recorded as such for the freshness view (issue 16, part 2).
    with psycopg.connect(database_url) as conn:
        via: dict[str, str | None] = dict(
            conn.execute("SELECT id, via FROM stripe._processed_events").fetchall()
        )
        fresh = conn.execute(
            "SELECT events, p99_seconds FROM stripe.freshness"
            " WHERE object = 'customer' AND source = 'websocket'"
        ).fetchone()
    assert {e: via[e] for e in events} == dict.fromkeys(events, "websocket")
    assert fresh is not None
    assert fresh[0] == 5
    assert 0 <= fresh[1] < 5


async def test_a_connection_dropped_mid_stream_is_filled_from_the_events_api(
    stripe: RunningServer,
    engine: AsyncStripeSync,
    database_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    fake = stripe.fake
    channel = fake.cli_sessions
    listening = Listening(engine)

    def create(name: str) -> str:
        return str(fake.call("POST", "/v1/customers", {"name": name})["id"])

    try:
        await listening.until(lambda: channel.open_connections == 1)
        await listening.until(lambda: has_cursor(database_url))
        live = [await asyncio.to_thread(create, f"live {n}") for n in range(10)]
        # Mid-stream: the connection goes while those deliveries are still being applied, and
        # reconnections are refused while more happens.
        channel.refuse = True
        assert channel.drop() == 1
        missed = [await asyncio.to_thread(create, f"missed {n}") for n in range(12)]
        await asyncio.to_thread(fake.call, "POST", f"/v1/customers/{live[0]}", {"name": "moved"})
        await asyncio.to_thread(fake.call, "DELETE", f"/v1/customers/{live[1]}")
        # A few refused handshakes, with backoff.
        await listening.until(lambda: channel.refused >= 2)
        assert channel.open_connections == 0
        channel.refuse = False
        await listening.until(lambda: channel.open_connections == 1)
        after = [await asyncio.to_thread(create, f"after {n}") for n in range(3)]
        await listening.until(lambda: names(database_url) == fake_names(fake))
        await listening.until(
            lambda: set(after) <= {e for e in (r.object_id for r in listening.results)}
        )
    finally:
        await listening.close()

    # Exactly the fake's customers, the deleted one a tombstone.
    stored = rows(database_url, "customers")
    assert stored[live[1]]["deleted"] is True
    assert stored[live[0]]["_raw_data"]["name"] == "moved"
    assert set(missed) <= set(stored)
    created_after_start = {
        e["id"] for e in fake.events() if e["data"]["object"]["id"] in {*live, *missed, *after}
    }
    # Every event since the listener started applied exactly once: none lost, none twice.
    applied = Counter(
        r.event_id for r in listening.results if r.event_id and r.outcome != "duplicate"
    )
    assert set(applied) == created_after_start
    twice = [
        (r.event_id, r.outcome, r.source)
        for r in listening.results
        if r.event_id and applied[r.event_id] > 1
    ]
    assert max(applied.values()) == 1, twice
    sources = listening.sources()
    missed_events = {e["id"] for e in fake.events() if e["data"]["object"]["id"] in missed}
    assert {sources[e][0] for e in missed_events} == {"events"}  # never pushed: the gap fill
    assert {p.event_id for p in channel.pushed}.isdisjoint(missed_events)
    after_events = {e["id"] for e in fake.events() if e["data"]["object"]["id"] in after}
    assert {s for e in after_events for s in sources[e]} <= {"websocket", "events"}
    assert set(channel.acked_event_ids()) >= after_events
    # Secrets: neither the key, a session's secret nor a websocket id in any log record.
    assert channel.connects >= 2
    secrets = [fake.api_key]
    for websocket_id in channel.sessions:
        secrets += [websocket_id, channel.secret_of(websocket_id)]
    logged = "\n".join(f"{r.getMessage()} {r.args!r} {r.__dict__!r}" for r in caplog.records)
    assert "reconnecting" in logged
    for secret in secrets:
        assert secret not in logged


async def test_a_bad_signature_is_refused_neither_applied_nor_acknowledged(
    stripe: RunningServer,
    engine: AsyncStripeSync,
    database_url: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake = stripe.fake
    channel = fake.cli_sessions
    listening = Listening(engine)
    try:
        await listening.until(lambda: channel.open_connections == 1)
        await listening.until(lambda: has_cursor(database_url))
        channel.bad_signatures = 1
        forged = (await asyncio.to_thread(fake.call, "POST", "/v1/customers", {"name": "x"}))["id"]
        good = (await asyncio.to_thread(fake.call, "POST", "/v1/customers", {"name": "y"}))["id"]
        await listening.until(lambda: good in rows(database_url, "customers"))
        await listening.until(lambda: len(channel.acked_event_ids()) == 1)
        await asyncio.sleep(0.3)  # time for a wrongly accepted delivery to show
    finally:
        await listening.close()
    (bad,) = [p for p in channel.pushed if p.bad_signature]
    assert bad.event_id == fake.events(type_="customer.created")[1]["id"]  # the forged one
    assert forged not in rows(database_url, "customers")
    assert bad.event_id not in channel.acked_event_ids()
    assert bad.event_id not in listening.sources()
    refusals = [r for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) == 1
    assert "signature" in refusals[0].getMessage()


async def test_an_expired_session_is_replaced_and_a_revoked_key_stops_the_listener(
    stripe: RunningServer, engine: AsyncStripeSync, database_url: str
) -> None:
    fake = stripe.fake
    channel = fake.cli_sessions
    listening = Listening(engine)
    try:
        await listening.until(lambda: channel.open_connections == 1)
        (first,) = channel.sessions
        # Stripe forgets the session: the handshake is refused ("Unknown WebSocket ID.").
        channel.reset()
        await listening.until(lambda: channel.open_connections == 1)
        (second,) = channel.sessions
        assert second != first
        created = (await asyncio.to_thread(fake.call, "POST", "/v1/customers", {}))["id"]
        await listening.until(lambda: created in rows(database_url, "customers"))
        # The key is revoked: a new session cannot be created, and that is not retried.
        fake.api_keys = ("sk_test_someone_else",)
        channel.reset()
        with pytest.raises(StripeAuthenticationError):
            await asyncio.wait_for(listening.task, 20)
    finally:
        listening.stop.set()
        with contextlib.suppress(StripeAuthenticationError):
            await asyncio.wait_for(listening.task, 20)


def test_the_sync_twin_listens_until_its_threading_event_is_set(
    stripe: RunningServer, database_url: str
) -> None:
    fake = stripe.fake
    config = make_config(fake, database_url, stripe_api_base=stripe.url)
    stop = threading.Event()
    with StripeSync(config) as sync:
        sync.run_migrations()
        listener = threading.Thread(target=sync.listen_websocket, args=(stop,))
        listener.start()
        try:
            deadline = time.monotonic() + 20
            while not has_cursor(database_url):
                assert time.monotonic() < deadline
                assert listener.is_alive()
                time.sleep(0.05)
            created = fake.call("POST", "/v1/customers", {"name": "from a thread"})["id"]
            while created not in rows(database_url, "customers") or not (
                fake.cli_sessions.acked_event_ids()
            ):
                assert time.monotonic() < deadline
                assert listener.is_alive()
                time.sleep(0.05)
        finally:
            stop.set()
            listener.join(20)
        assert not listener.is_alive()
    assert fake.cli_sessions.acked_event_ids() == [fake.events()[0]["id"]]
