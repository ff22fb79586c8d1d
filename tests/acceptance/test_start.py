"""``stripe-sync start`` as a real process: real time by webhooks or by the Events API.

The fake Stripe runs over HTTP in this process (``run_in_thread``); ``stripe-sync start`` runs
as a subprocess against it and a real PostgreSQL database, and is stopped with SIGTERM.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import click
import httpx
import pytest

from stripe_sync.testing import FakeStripe, RunningServer, free_port, run_in_thread
from tests.acceptance.helpers import stop, wait_for
from tests.integration.helpers import rows


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    with FakeStripe(seed=11, webhook_retry_schedule=(0.3,)) as fake, run_in_thread(fake) as running:
        yield running


def start(
    stripe: RunningServer, database_url: str, *args: str, verbose: bool = False
) -> subprocess.Popen[str]:
    env = {
        **os.environ,
        "STRIPE_API_KEY": stripe.fake.api_key,
        "STRIPE_API_BASE": stripe.url,
        "DATABASE_URL": database_url,
    }
    return subprocess.Popen(
        [sys.executable, "-m", "stripe_sync.cli", *(["-vv"] if verbose else []), "start", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_events_mode_keeps_the_database_current_without_any_endpoint(
    stripe: RunningServer, database_url: str
) -> None:
    fake = stripe.fake
    before = fake.call("POST", "/v1/customers", {"name": "before start"})["id"]
    process = start(
        stripe, database_url, "--listen-mode", "events", "--poll-interval", "0.3",
        "--port", str(free_port()),
    )  # fmt: skip
    try:
        # The background backfill lists what existed; the poller applies what happens next.
        wait_for(lambda: before in rows(database_url, "customers"), process)
        created = fake.call("POST", "/v1/customers", {"name": "after start"})["id"]
        fake.call("POST", f"/v1/customers/{before}", {"name": "renamed live"})
        wait_for(
            lambda: (
                created in rows(database_url, "customers")
                and rows(database_url, "customers")[before]["name"] == "renamed live"
            ),
            process,
        )
    finally:
        stop(process)
    assert fake.call("GET", "/v1/webhook_endpoints", {})["data"] == []


def test_webhook_mode_creates_the_endpoint_and_deletes_it_on_exit(
    stripe: RunningServer, database_url: str
) -> None:
    fake = stripe.fake
    port = free_port()
    url = f"http://127.0.0.1:{port}/webhooks"
    process = start(stripe, database_url, "--public-url", url, "--no-backfill", "--port", str(port))
    try:
        wait_for(lambda: len(fake.call("GET", "/v1/webhook_endpoints", {})["data"]) == 1, process)
        (endpoint,) = fake.call("GET", "/v1/webhook_endpoints", {})["data"]
        assert endpoint["url"] == url
        created = fake.call("POST", "/v1/customers", {"name": "via webhook"})["id"]
        wait_for(lambda: created in rows(database_url, "customers"), process)
    finally:
        stop(process)
    assert fake.call("GET", "/v1/webhook_endpoints", {})["data"] == []


def test_a_public_url_without_a_path_gets_the_webhook_route(
    stripe: RunningServer, database_url: str
) -> None:
    # "https://host" alone would register an endpoint whose every delivery gets 404.
    fake = stripe.fake
    port = free_port()
    origin = f"http://127.0.0.1:{port}"
    process = start(
        stripe, database_url, "--public-url", origin, "--no-backfill", "--port", str(port)
    )
    try:
        wait_for(lambda: len(fake.call("GET", "/v1/webhook_endpoints", {})["data"]) == 1, process)
        (endpoint,) = fake.call("GET", "/v1/webhook_endpoints", {})["data"]
        assert endpoint["url"] == f"{origin}/webhooks"
        created = fake.call("POST", "/v1/customers", {"name": "via the bare origin"})["id"]
        wait_for(lambda: created in rows(database_url, "customers"), process)
    finally:
        stop(process)


def test_a_busy_port_is_a_configuration_error_before_any_listening_line(
    stripe: RunningServer, database_url: str
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        process = start(stripe, database_url, "--listen-mode", "events", "--port", str(port))
        out, _ = process.communicate(timeout=60)
    assert process.returncode == 2, out
    assert f"cannot listen on 127.0.0.1:{port}" in out
    assert "listening on" not in out


def test_the_listening_line_comes_once_the_port_answers(
    stripe: RunningServer, database_url: str
) -> None:
    port = free_port()
    process = start(stripe, database_url, "--listen-mode", "events", "--port", str(port))
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if "listening on" in line:
                break
        assert f"http://127.0.0.1:{port}" in line
        # Printed after the bind: the health route answers right away.
        assert httpx.get(f"http://127.0.0.1:{port}/health", timeout=10).status_code == 200
    finally:
        stop(process)


def test_webhook_mode_without_a_public_url_is_refused(
    stripe: RunningServer, database_url: str
) -> None:
    process = start(stripe, database_url, "--port", str(free_port()))
    out, _ = process.communicate(timeout=30)
    assert process.returncode == 2
    assert "--listen-mode events" in out


def test_websocket_mode_applies_events_and_fills_a_dropped_connection_from_the_events_api(
    stripe: RunningServer, database_url: str
) -> None:
    fake = stripe.fake
    channel = fake.cli_sessions
    process = start(
        stripe, database_url, "--listen-mode", "websocket", "--no-backfill",
        "--port", str(free_port()), verbose=True,
    )  # fmt: skip
    try:
        wait_for(lambda: channel.open_connections == 1, process)
        live = [fake.call("POST", "/v1/customers", {"name": f"live {n}"})["id"] for n in range(5)]
        wait_for(lambda: set(live) <= set(rows(database_url, "customers")), process)
        # Killed mid-stream, and kept down while more happens.
        channel.refuse = True
        channel.drop()
        missed = [fake.call("POST", "/v1/customers", {"name": f"gap {n}"})["id"] for n in range(5)]
        fake.call("POST", f"/v1/customers/{live[0]}", {"name": "renamed in the gap"})
        wait_for(lambda: channel.refused >= 1, process)  # it tried to come back, and could not
        channel.refuse = False
        wait_for(lambda: channel.open_connections == 1, process)
        after = fake.call("POST", "/v1/customers", {"name": "after"})["id"]

        def synced() -> bool:
            stored = rows(database_url, "customers")
            return set(stored) == {*live, *missed, after} and (
                stored[live[0]]["_raw_data"]["name"] == "renamed in the gap"
            )

        wait_for(synced, process)
    finally:
        out = stop(process)
    assert "websocket mode" in out
    assert channel.connects >= 2
    # Live events were acknowledged over the channel; the gap's never went through it.
    pushed = {p.event_id for p in channel.pushed}
    gap_events = {e["id"] for e in fake.events() if e["data"]["object"]["id"] in missed}
    assert gap_events.isdisjoint(pushed)
    assert set(channel.acked_event_ids()) <= pushed
    assert len(channel.acked_event_ids()) >= len(live)
    # Even at debug level: no key, session secret or websocket id in the output.
    assert out.count("\n") > 10
    for websocket_id in channel.sessions:
        assert websocket_id not in out
        assert channel.secret_of(websocket_id) not in out
    assert fake.api_key not in out
    assert fake.call("GET", "/v1/webhook_endpoints", {})["data"] == []


def _get_health(conn: socket.socket) -> bytes:
    """GET /health on a kept-alive connection; the answer's bytes (b"" if the server closed
    it)."""
    conn.sendall(b"GET /health HTTP/1.1\r\nHost: sync\r\n\r\n")
    answer = b""
    while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
        chunk = conn.recv(65536)
        if not chunk:
            break
        answer += chunk
    return answer


def _listening(process: subprocess.Popen[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        if "listening on" in line:
            return
    raise AssertionError("the server ended before it listened")


def test_an_idle_connection_stays_open_longer_than_uvicorns_five_seconds(
    stripe: RunningServer, database_url: str
) -> None:
    """A load balancer (or Stripe) that sends a delivery on a connection idle for 5 s must not
    meet a server closing it at that moment: uvicorn's default keep-alive, 5 s, was httpx's
    too, which lost a delivery in the chaos suite (a ReadError)."""
    port = free_port()
    process = start(
        stripe, database_url, "--listen-mode", "events", "--no-backfill", "--port", str(port)
    )
    try:
        _listening(process)
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            assert _get_health(conn).startswith(b"HTTP/1.1 200")
            # A window in which the server must not close the connection (uvicorn's default
            # closed it at 5 s).
            time.sleep(6)
            assert _get_health(conn).startswith(b"HTTP/1.1 200")
    finally:
        stop(process)


def test_keep_alive_sets_how_long_an_idle_connection_stays_open(
    stripe: RunningServer, database_url: str
) -> None:
    port = free_port()
    process = start(
        stripe, database_url, "--listen-mode", "events", "--no-backfill", "--port", str(port),
        "--keep-alive", "1",
    )  # fmt: skip
    try:
        _listening(process)
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            assert _get_health(conn).startswith(b"HTTP/1.1 200")
            started = time.monotonic()
            assert conn.recv(1) == b"", "the server closes the idle connection"
            assert time.monotonic() - started < 10
    finally:
        stop(process)


def test_keep_alives_help_gives_the_services_default() -> None:
    """The CLI does not import the service (``--help`` stays light): its help text names the
    default, which must be the service's."""
    from stripe_sync.cli.start import start as command
    from stripe_sync.service import KEEP_ALIVE_SECONDS

    (option,) = [p for p in command.params if p.name == "keep_alive"]
    assert isinstance(option, click.Option)
    assert option.default is None
    assert f"[default: {KEEP_ALIVE_SECONDS}]" in (option.help or "")
