"""A database that goes away and comes back: a clear transient error, then nothing lost."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from stripe_sync import DatabaseUnavailableError, Outcome, PoolConfig, run_migrations
from stripe_sync.testing import FakeStripe
from tests.conftest import PG15_BIN, _free_port
from tests.integration.helpers import make_sync, rows


class Server:
    """A private PostgreSQL 15 that the test may stop and start (as the ``postgres`` user)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.data = root / "data"
        self.port = _free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        self._pg("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres")

    def _pg(self, tool: str, *args: str) -> None:
        subprocess.run(
            ["runuser", "-u", "postgres", "--", str(PG15_BIN / tool), *args],
            check=True,
            capture_output=True,
            cwd="/",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1"
        log = str(self.root / "log")
        self._pg("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-o", options, "start")

    def stop(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")


@pytest.fixture
def server(pg15_admin_url: str) -> Iterator[Server]:
    # pg15_admin_url: only to fail clearly when PostgreSQL 15 is not installed.
    root = Path(tempfile.mkdtemp(prefix="ss-rst-"))
    root.chmod(0o777)
    server = Server(root)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


async def test_restart_and_outage(fake: FakeStripe, server: Server) -> None:
    url = server.url
    run_migrations(url)
    first = fake.call("POST", "/v1/customers", {"email": "one@example.com"})
    second = fake.call("POST", "/v1/customers", {"email": "two@example.com"})
    created = {e["data"]["object"]["id"]: e for e in fake.events(type_="customer.created")}
    pool = PoolConfig(min_size=2, max_size=2, connect_timeout_seconds=1)
    async with make_sync(fake, url, pool_config=pool) as sync:
        assert (await sync.process_event(created[first["id"]])).outcome is Outcome.WRITTEN

        # Restart: pooled connections are now broken; the next call gets a fresh one.
        server.stop()
        server.start()
        assert (await sync.process_event(created[second["id"]])).outcome is Outcome.WRITTEN

        # Outage: a transient error that says so, and no secret in it.
        server.stop()
        update = fake.call("POST", f"/v1/customers/{first['id']}", {"name": "Renamed"})
        event = fake.events(type_="customer.updated")[0]
        with pytest.raises(DatabaseUnavailableError) as caught:
            await sync.process_event(event)
        assert caught.value.transient
        assert fake.api_key not in str(caught.value)

        # Back up: the same event (Stripe redelivers it) applies.
        server.start()
        assert (await sync.process_event(event)).outcome is Outcome.WRITTEN
    stored = rows(url, "customers")
    assert stored[first["id"]]["name"] == update["name"] == "Renamed"
    assert stored[second["id"]]["email"] == "two@example.com"
