"""The websocket channel's pure parts: the session answer, backoff, acks after the commit, and
one write for an event that arrives two ways at once. (End to end: tests/integration.)"""

from __future__ import annotations

import asyncio
import json
from typing import Any, cast

import pytest

from stripe_sync import StripeSyncConfig
from stripe_sync.errors import (
    DatabaseUnavailableError,
    SignatureVerificationError,
    StripeServerError,
)
from stripe_sync.ingest import Outcome, SyncResult
from stripe_sync.poller import PollResult
from stripe_sync.websocket_listener import CliSession, InFlight, WebsocketListener
from tests.support.waiting import until

SESSION = {
    "object": "stripecli_session",
    "websocket_url": "wss://stripe-cli.example/subscribe/acct_1",
    "websocket_id": "cliws_secret_id",
    "websocket_authorized_feature": "webhook-payloads",
    "secret": "whsec_session_secret",
    "reconnect_delay": 5,
}


def config(**overrides: Any) -> StripeSyncConfig:
    return StripeSyncConfig(
        stripe_secret_key="sk_test_x", database_url="postgresql://x", **overrides
    )


def test_the_session_answer_and_the_url_to_open() -> None:
    session = CliSession.from_response(SESSION)
    assert session.url == (
        "wss://stripe-cli.example/subscribe/acct_1?websocket_feature=webhook-payloads"
    )
    assert session.reconnect_delay == 5.0
    # The credentials stay out of reprs (and so out of logs and tracebacks).
    assert "cliws_secret_id" not in repr(session)
    assert "whsec_session_secret" not in repr(session)


def test_a_session_answer_without_a_field_is_an_error_that_names_it() -> None:
    with pytest.raises(StripeServerError, match="secret"):
        CliSession.from_response({**SESSION, "secret": ""})
    # No delay named: the CLI's own default renewal, one minute.
    assert CliSession.from_response({**SESSION, "reconnect_delay": None}).reconnect_delay == 60


def _listener(apply: Any, *, random: float = 0.5, **overrides: Any) -> WebsocketListener:
    async def catch_up() -> PollResult:
        return PollResult(account_id="acct_1")

    return WebsocketListener(
        lambda: cast(Any, None), config(**overrides), apply, catch_up, random=lambda: random
    )


def test_backoff_doubles_with_jitter_up_to_the_cap() -> None:
    listener = _listener(None, initial_retry_delay_ms=1000, max_retry_delay_ms=8000, random=1.0)
    assert [listener._delay(n) for n in range(1, 6)] == [1.0, 2.0, 4.0, 8.0, 8.0]
    low = _listener(None, initial_retry_delay_ms=1000, max_retry_delay_ms=8000, random=0.0)
    assert [low._delay(n) for n in range(1, 5)] == [0.5, 1.0, 2.0, 4.0]


class Socket:
    """What the listener sends, in order, with what happened meanwhile."""

    def __init__(self, log: list[str]) -> None:
        self.log = log

    async def send(self, text: str) -> None:
        self.log.append(json.loads(text)["type"])


MESSAGE = {
    "type": "webhook_event",
    "webhook_id": "wh_1",
    "webhook_conversation_id": "wc_1",
    "event_payload": "{}",
    "http_headers": {"stripe-signature": "t=1,v1=00"},
    "endpoint": {"api_version": None},
}


async def test_the_ack_goes_out_only_after_the_commit() -> None:
    log: list[str] = []
    seen: list[tuple[str, str | None, str]] = []

    async def apply(payload: str, signature: str | None, secret: str) -> SyncResult:
        seen.append((payload, signature, secret))
        await asyncio.sleep(0.01)
        log.append("committed")
        return SyncResult(Outcome.WRITTEN, "customer", "cus_1", "acct_1", event_id="evt_1")

    listener = _listener(apply)
    session = CliSession.from_response(SESSION)
    await listener._deliver(cast(Any, Socket(log)), session, MESSAGE)
    assert log == ["committed", "event_ack", "webhook_response"]
    # The header is found whatever its case; the session's secret verifies it.
    assert seen == [("{}", "t=1,v1=00", "whsec_session_secret")]
    assert listener.acknowledged == 1


@pytest.mark.parametrize(
    ("error", "gap"),
    [
        (SignatureVerificationError("no v1 signature matches"), False),
        (DatabaseUnavailableError("down"), True),
    ],
)
async def test_a_refused_or_failed_delivery_is_not_acknowledged(
    error: Exception, gap: bool
) -> None:
    log: list[str] = []

    async def apply(payload: str, signature: str | None, secret: str) -> SyncResult:
        raise error

    listener = _listener(apply)
    await listener._deliver(cast(Any, Socket(log)), CliSession.from_response(SESSION), MESSAGE)
    assert log == []
    assert listener.acknowledged == 0
    # Only a failure to apply sends the listener back to the Events API; a forgery does not.
    assert listener._gap.is_set() is gap
    assert listener.refused == (0 if gap else 1)


async def test_the_latest_version_copy_is_acknowledged_not_applied() -> None:
    log: list[str] = []

    async def apply(payload: str, signature: str | None, secret: str) -> SyncResult:
        raise AssertionError("applied")

    message = {**MESSAGE, "endpoint": {"api_version": "2099-01-01"}}
    listener = _listener(apply)
    await listener._deliver(cast(Any, Socket(log)), CliSession.from_response(SESSION), message)
    assert log == ["event_ack"]


async def test_an_event_arriving_two_ways_at_once_is_written_once() -> None:
    inflight = InFlight()
    writes = 0
    release = asyncio.Event()

    async def write() -> SyncResult:
        nonlocal writes
        writes += 1
        await release.wait()
        return SyncResult(Outcome.WRITTEN, "customer", "cus_1", "acct_1", event_id="evt_1")

    first = asyncio.create_task(inflight.apply("evt_1", write))
    second = asyncio.create_task(inflight.apply("evt_1", write))
    other = asyncio.create_task(inflight.apply("evt_2", write))
    # All three are in: evt_1's first and evt_2's writes (or a second evt_1 write, the bug).
    await until(lambda: writes >= 2, "two writes under way")
    release.set()
    results = await asyncio.gather(first, second, other)
    assert writes == 2  # evt_1 once, evt_2 once
    assert [r.outcome for r in results] == [Outcome.WRITTEN, Outcome.DUPLICATE, Outcome.WRITTEN]


async def test_when_the_first_fails_the_second_applies_it() -> None:
    inflight = InFlight()
    release = asyncio.Event()
    calls = 0

    async def write() -> SyncResult:
        nonlocal calls
        calls += 1
        if calls == 1:
            await release.wait()
            raise DatabaseUnavailableError("down")
        return SyncResult(Outcome.WRITTEN, "customer", "cus_1", "acct_1", event_id="evt_1")

    first = asyncio.create_task(inflight.apply("evt_1", write))
    second = asyncio.create_task(inflight.apply("evt_1", write))
    # The first is writing; the second, started in the same turn of the loop, waits for it.
    await until(lambda: calls == 1, "the first write under way")
    release.set()
    with pytest.raises(DatabaseUnavailableError):
        await first
    assert (await second).outcome == Outcome.WRITTEN
    assert calls == 2
