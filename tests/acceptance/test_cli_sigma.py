"""``stripe-sync migrate --sigma`` and ``stripe-sync backfill --sigma`` as real processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator

import psycopg
import pytest

from stripe_sync.testing import FakeStripe, RunningServer, run_in_thread


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    with FakeStripe(seed=5) as fake, run_in_thread(fake) as running:
        yield running


def cli(stripe: RunningServer, database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "STRIPE_API_KEY": stripe.fake.api_key,
        "STRIPE_API_BASE": stripe.url,
        "DATABASE_URL": database_url,
    }
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_migrate_and_backfill_sigma_tables(stripe: RunningServer, database_url: str) -> None:
    migrated = cli(
        stripe, database_url, "migrate", "--sigma-tables", "balance_transactions,charges"
    )
    assert migrated.returncode == 0, migrated.stderr
    assert "2 created" in migrated.stdout

    stripe.fake.sigma.generate("balance_transactions", 250)
    done = cli(stripe, database_url, "backfill", "--sigma", "balance_transactions", "--json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["status"] == "complete"
    assert result["tables"]["balance_transactions"]["rows"] == 250
    with psycopg.connect(database_url) as conn:
        (n,) = conn.execute("SELECT count(*) FROM sigma.balance_transactions").fetchone() or (0,)
    assert n == 250


def test_backfill_sigma_without_a_subscription_says_so(
    stripe: RunningServer, database_url: str
) -> None:
    stripe.fake.sigma.disable()
    done = cli(stripe, database_url, "backfill", "--sigma", "balance_transactions")
    assert done.returncode == 1
    assert "Sigma" in done.stdout
