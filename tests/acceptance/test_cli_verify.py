"""``stripe-sync verify`` in a subprocess, against the fake Stripe over HTTP: the report as a
table and as JSON, and the exit codes (0 clean, 1 drift left, 2 bad input)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import psycopg

from stripe_sync import StripeSync, StripeSyncConfig
from stripe_sync.testing import FakeStripe, run_in_thread


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_verify_reports_drift_repairs_it_and_exits_by_what_is_left(database_url: str) -> None:
    with FakeStripe(seed=11) as fake, run_in_thread(fake) as server:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
        env = {
            **base,
            "STRIPE_API_BASE": server.url,
            "DATABASE_URL": database_url,
            "STRIPE_API_KEY": fake.api_key,
        }
        ids = fake.seed("customer", 40)
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key,
            stripe_api_base=server.url,
            database_url=database_url,
        )
        with StripeSync(config) as sync:
            sync.run_migrations()
            assert sync.process_until_done("customer").status == "complete"
        with psycopg.connect(database_url, autocommit=True) as conn:
            conn.execute("DELETE FROM stripe._raw_customers WHERE id = %s", (ids[3],))

        found = cli("verify", "customer", "--settle-seconds", "0", env=env)
        assert found.returncode == 1, found.stderr
        assert "drift remains: 1 id(s) (--repair fixes it)" in found.stderr
        assert ": drift" in found.stdout
        (row,) = [line for line in found.stdout.splitlines() if "│ customer" in line]
        cells = [c.strip() for c in row.split("│") if c.strip()]
        # check, object, checked, missing, extra, stale, repaired, remaining, windows
        assert cells[:8] == ["deep", "customer", "40", "1", "0", "0", "0", "1"]
        assert f"customer missing: {ids[3]}" in found.stdout
        assert fake.api_key not in found.stdout + found.stderr

        repaired = cli("verify", "customer", "--repair", "--settle-seconds", "0", "--json", env=env)
        assert repaired.returncode == 0, repaired.stderr
        result = json.loads(repaired.stdout)
        assert result["status"] == "clean"
        assert result["remaining"] == 0
        deep = {r["object"]: r for r in result["reports"] if r["check"] == "deep"}
        assert deep["customer"]["missing"] == [ids[3]]
        assert deep["customer"]["repaired"] == [ids[3]]

        clean = cli("verify", "customer", "--settle-seconds", "0", "--events-only", env=env)
        assert clean.returncode == 0, clean.stderr
        assert ": clean" in clean.stdout
        assert "│ deep" not in clean.stdout

        fake.deny("GET /v1/events")  # a restricted key: nothing proven, exit 1
        refused = cli("verify", "customer", "--settle-seconds", "0", "--events-only", env=env)
        assert refused.returncode == 1, refused.stderr
        assert "error: could not verify events: StripePermissionError" in refused.stderr
        assert ": error" in refused.stdout
        fake.deny()

        bad = cli("verify", "customer", "--since", "last week", env=env)
        assert bad.returncode == 2
        assert "ISO date" in bad.stderr
        unknown = cli("verify", "kittens", env=env)
        assert unknown.returncode == 2
        assert "unknown object 'kittens'" in unknown.stderr

    with psycopg.connect(database_url) as conn:
        runs = conn.execute(
            "SELECT run_id, status, remaining FROM stripe.verify_runs WHERE object = 'customer' "
            "AND check_type = 'deep' ORDER BY run_id"
        ).fetchall()
    assert [(status, left) for _, status, left in runs] == [("drift", 1), ("clean", 0)]
