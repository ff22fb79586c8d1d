"""The chaos suite's machinery: a PostgreSQL to restart, the fake Stripe, ``stripe-sync``
processes whose every output is kept, and the secrets those outputs must never hold.

- :class:`Secrets`: a Stripe key, a webhook secret and a database password made for the run,
  each around a random marker that :func:`leaks` looks for in any text.
- :class:`ChaosPostgres`: Debian's PostgreSQL 15 of the suite's own (run as ``postgres``, so it
  can be stopped fast or immediately and started again); the engine logs in as ``chaos`` with
  the password (scram-sha-256), so the password is really needed and really sent.
- :class:`Outputs`: ``stripe-sync`` subprocesses (with ``-vv``: debug logging) whose stdout
  and stderr go to files, plus any other text to check (HTTP answers): what :func:`leaks`
  reads, with the PostgreSQL server's log and the errors the databases keep.
- :func:`fake_stripe`: the fake Stripe over HTTP in a thread of this process, accepting only
  the run's key.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict, make_conninfo

from stripe_sync.migrations import run_migrations
from stripe_sync.resources import get
from stripe_sync.testing import FakeStripe, RunningServer, free_port, run_in_thread
from tests.conftest import RestartablePostgres

CLI = (sys.executable, "-m", "stripe_sync.cli", "-vv")
#: The role the engine logs in as, with the run's password.
ROLE = "chaos"


@dataclass(frozen=True)
class Secrets:
    """The run's secrets. Each holds a marker of its own (random hex) in its middle, so that a
    prefix or suffix shown on purpose (``sk_test_****abcd``) is never taken for a leak."""

    api_key: str
    webhook_secret: str
    db_password: str

    @classmethod
    def new(cls) -> Secrets:
        return cls(
            api_key=f"sk_test_{secrets.token_hex(12)}x4Ky",
            webhook_secret=f"whsec_{secrets.token_hex(12)}xS3c",
            db_password=f"pw{secrets.token_hex(12)}xPwd",
        )

    def markers(self) -> dict[str, str]:
        """What to look for, by name: the 24 hex digits of each secret."""
        return {
            "Stripe API key": self.api_key[8:32],
            "webhook secret": self.webhook_secret[6:30],
            "database password": self.db_password[2:26],
        }


def leaks(found_in: Secrets, texts: Iterable[tuple[str, str]]) -> list[str]:
    """``"<where>: <which secret>"`` for every text that holds a marker of ``found_in``."""
    markers = found_in.markers()
    return [
        f"{where}: {name}"
        for where, text in texts
        for name, marker in markers.items()
        if marker in text
    ]


# -- PostgreSQL ------------------------------------------------------------------------------


class ChaosPostgres(RestartablePostgres):
    """PostgreSQL 15 in ``root``, stopped and started at will; ``postgres`` logs in without a
    password (the suite's own checks), ``chaos`` only with ``password`` (the engine)."""

    def __init__(self, root: Path, password: str) -> None:
        super().__init__(root)
        self.password = password
        self.admin_url = f"postgresql://postgres@127.0.0.1:{self.port}/postgres"
        hba = self.data / "pg_hba.conf"
        # Written in place: the file stays the postgres user's.
        with hba.open("w") as f:
            f.write(
                "local all all trust\n"
                "host all postgres 127.0.0.1/32 trust\n"
                "host all all 127.0.0.1/32 scram-sha-256\n"
            )

    def start(self) -> None:
        super().start()
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            if conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (ROLE,)).fetchone():
                return
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(
                    sql.Identifier(ROLE), sql.Literal(self.password)
                )
            )

    def restart(self, mode: str) -> float:
        """Stop (``fast``: sessions are ended; ``immediate``: the server is killed and
        recovers from its WAL at the next start) and start again; the seconds it was down."""
        began = time.monotonic()
        self.stop(mode)
        self.start()
        return time.monotonic() - began

    def database(self, name: str) -> str:
        """A new migrated database owned by ``chaos``: the engine's URL, password included."""
        with psycopg.connect(self.admin_url, autocommit=True) as conn:
            ident = sql.Identifier(name)
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(ident))
            conn.execute(sql.SQL("CREATE DATABASE {} OWNER {}").format(ident, sql.Identifier(ROLE)))
        url = make_conninfo(self.admin_url, dbname=name, user=ROLE, password=self.password)
        run_migrations(url)
        return url

    def log(self) -> str:
        path = self.root / "log"
        return path.read_text(errors="replace") if path.exists() else ""


@contextlib.contextmanager
def chaos_postgres(password: str) -> Iterator[ChaosPostgres]:
    root = Path(tempfile.mkdtemp(prefix="ss-chaos-"))
    root.chmod(0o777)
    server = ChaosPostgres(root, password)
    server.start()
    try:
        yield server
    finally:
        with contextlib.suppress(subprocess.CalledProcessError):
            server.stop()
        shutil.rmtree(root, ignore_errors=True)


def admin_view(url: str) -> str:
    """``url`` as the ``postgres`` user, without password (the suite's own reads)."""
    return make_conninfo(url, user="postgres", password="")


def scalar(url: str, query: str, *params: Any) -> Any:
    with psycopg.connect(admin_view(url)) as conn:
        row = conn.execute(query, params).fetchone()
    assert row is not None
    return row[0]


def table_rows(url: str, name: str) -> dict[str, tuple[bool, Any]]:
    """``id -> (deleted, _raw_data)`` of registry object ``name``'s table."""
    statement = sql.SQL("SELECT id, deleted, _raw_data FROM stripe.{}").format(
        sql.Identifier(get(name).table)
    )
    with psycopg.connect(admin_view(url)) as conn:
        return {str(i): (bool(d), raw) for i, d, raw in conn.execute(statement)}


def error_texts(url: str) -> list[tuple[str, str]]:
    """The errors the database keeps (failed windows and runs, dead letters), to check too."""
    queries = {
        "_sync_runs": "SELECT error_message FROM stripe._sync_runs WHERE error_message <> ''",
        "_sync_obj_runs": (
            "SELECT error_message FROM stripe._sync_obj_runs WHERE error_message <> ''"
        ),
        "_dead_letters": "SELECT error_message FROM stripe._dead_letters",
    }
    database = conninfo_to_dict(url)["dbname"]
    with psycopg.connect(admin_view(url)) as conn:
        return [
            (f"{database}.{where}", str(value))
            for where, query in queries.items()
            for (value,) in conn.execute(query)
        ]


# -- the fake Stripe -------------------------------------------------------------------------


@contextlib.contextmanager
def fake_stripe(
    found_in: Secrets, *, seed: int, clock: Callable[[], float] = time.time
) -> Iterator[RunningServer]:
    """The fake Stripe over HTTP, accepting only the run's key."""
    with (
        FakeStripe((found_in.api_key,), seed=seed, clock=clock) as fake,
        run_in_thread(fake) as running,
    ):
        yield running


# -- processes and what they print -------------------------------------------------------------


@dataclass
class Process:
    """A ``stripe-sync`` subprocess whose output goes to ``out`` and ``err``."""

    popen: subprocess.Popen[bytes]
    out: Path
    err: Path
    started: float

    def kill(self) -> None:
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(timeout=30)

    def wait(self, timeout: float) -> int:
        return self.popen.wait(timeout=timeout)

    def stderr(self) -> str:
        return self.err.read_text(errors="replace")


@dataclass
class Outputs:
    """Runs ``stripe-sync`` commands with outputs in ``root``; keeps every text to check."""

    root: Path
    texts: list[tuple[str, str]] = field(default_factory=list)
    _count: int = 0

    def start(self, *args: str, env: Mapping[str, str]) -> Process:
        self._count += 1
        stem = self.root / f"{self._count:03d}-{args[0]}"
        out, err = stem.with_suffix(".out"), stem.with_suffix(".err")
        with out.open("wb") as stdout, err.open("wb") as stderr:
            popen = subprocess.Popen([*CLI, *args], env=dict(env), stdout=stdout, stderr=stderr)
        return Process(popen, out, err, time.monotonic())

    def add(self, texts: Iterable[tuple[str, str]]) -> None:
        self.texts.extend(texts)

    def everything(self) -> list[tuple[str, str]]:
        """Every process's output so far and the texts added."""
        files = sorted(self.root.glob("*.out")) + sorted(self.root.glob("*.err"))
        return [(path.name, path.read_text(errors="replace")) for path in files] + self.texts


def cli_env(found_in: Secrets, stripe: RunningServer, database_url: str) -> dict[str, str]:
    """The environment of a ``stripe-sync`` process: the run's secrets, and nothing of ours."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_URL"))}
    return {
        **base,
        "STRIPE_API_KEY": found_in.api_key,
        "STRIPE_API_BASE": stripe.url,
        "STRIPE_WEBHOOK_SECRET": found_in.webhook_secret,
        "DATABASE_URL": database_url,
    }


@dataclass
class Server:
    """A ``stripe-sync start`` process serving the webhook app on ``url``."""

    process: Process
    url: str

    def alive(self) -> bool:
        """The process runs and ``/health`` says the database answers."""
        if self.process.popen.poll() is not None:
            return False
        try:
            return httpx.get(f"{self.url}/health", timeout=10).status_code == 200
        except httpx.TransportError:
            return False


@contextlib.contextmanager
def webhook_server(outputs: Outputs, env: Mapping[str, str]) -> Iterator[Server]:
    """``stripe-sync start`` taking webhooks signed with the run's secret: events mode (no
    endpoint in the fake), with no backfill and no poll after the first (which only records
    where events start), so that only the deliveries sent to it write."""
    port = free_port()
    process = outputs.start(
        "start", "--listen-mode", "events", "--poll-interval", "86400", "--no-backfill",
        "--port", str(port), env=env,
    )  # fmt: skip
    server = Server(process, f"http://127.0.0.1:{port}")
    try:
        deadline = time.monotonic() + 60
        while not server.alive():
            if process.popen.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"stripe-sync start did not come up:\n{process.stderr()}")
            time.sleep(0.1)
        yield server
    finally:
        if process.popen.poll() is None:
            process.popen.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                process.kill()
