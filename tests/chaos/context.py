"""What every chaos scenario gets: :class:`Chaos` (the run's secrets, its PostgreSQL, its
outputs, its random numbers) and :class:`Size` (how much each scenario does)."""

from __future__ import annotations

import contextlib
import random
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from stripe_sync.testing import RunningServer
from tests.chaos.harness import (
    ChaosPostgres,
    Outputs,
    Process,
    Secrets,
    chaos_postgres,
    cli_env,
    error_texts,
)


@dataclass(frozen=True)
class Size:
    """How much each scenario does (see :data:`SMALL` and :data:`FULL`)."""

    #: Customers of the killed backfill (and a twentieth as many products and prices) ...
    kill_customers: int
    #: ... and how many times it is killed before the run that completes.
    kills: int
    #: Customers of the backfill during which PostgreSQL restarts.
    restart_customers: int
    #: Customers of the backfill through a storm of 429s and 5xx.
    storm_customers: int
    #: Events delivered while PostgreSQL restarts.
    webhook_events: int
    #: Events of the shuffled history (delivered with a fifth more as duplicates).
    events: int
    #: Bodies of the fuzz corpus sent to the server.
    fuzz: int


#: The pytest layer: every scenario, a few minutes in all on 2 cores.
SMALL = Size(
    kill_customers=8_000,
    kills=3,
    restart_customers=6_000,
    storm_customers=3_000,
    webhook_events=600,
    events=1_000,
    fuzz=300,
)
#: ``bench/chaos.py``.
FULL = Size(
    kill_customers=100_000,
    kills=10,
    restart_customers=40_000,
    storm_customers=20_000,
    webhook_events=4_000,
    events=10_000,
    fuzz=1_200,
)


@dataclass
class Chaos:
    """One chaos run: its secrets, PostgreSQL, outputs and random ``seed``."""

    secrets: Secrets
    postgres: ChaosPostgres
    outputs: Outputs
    seed: int
    databases: list[str] = field(default_factory=list)

    def random(self, scenario: str) -> random.Random:
        """The random numbers of ``scenario``: the same for a seed whatever ran before."""
        return random.Random(f"{self.seed}:{scenario}")

    def database(self, name: str) -> str:
        """A new migrated database; its URL carries the password."""
        url = self.postgres.database(name)
        self.databases.append(url)
        return url

    def cli(
        self, stripe: RunningServer, url: str, *args: str, env: Mapping[str, str] | None = None
    ) -> Process:
        """``stripe-sync ARGS`` against the fake and the database ``url`` (and ``env``),
        running."""
        return self.outputs.start(*args, env={**cli_env(self.secrets, stripe, url), **(env or {})})

    def run(self, stripe: RunningServer, url: str, *args: str, timeout: float = 600) -> Process:
        """``stripe-sync ARGS``, waited for."""
        process = self.cli(stripe, url, *args)
        process.wait(timeout)
        return process

    def texts(self) -> list[tuple[str, str]]:
        """Everything that could hold a secret: every output, the PostgreSQL server's log and
        the errors each database keeps."""
        kept = [text for url in self.databases for text in error_texts(url)]
        return [*self.outputs.everything(), ("PostgreSQL log", self.postgres.log()), *kept]


@contextlib.contextmanager
def chaos_run(seed: int, root: Path | None = None) -> Iterator[Chaos]:
    """A chaos run with new secrets and its own PostgreSQL 15; outputs go to ``root``."""
    found_in = Secrets.new()
    with contextlib.ExitStack() as stack:
        if root is None:
            root = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="ss-chaos-out-")))
        root.mkdir(parents=True, exist_ok=True)
        postgres = stack.enter_context(chaos_postgres(found_in.db_password))
        yield Chaos(found_in, postgres, Outputs(root), seed)
