"""``stripe-sync events failed|replay`` in a subprocess, against the fake Stripe over HTTP."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import psycopg

from stripe_sync import Outcome, StripeSync, StripeSyncConfig
from stripe_sync.testing import FakeStripe, run_in_thread

#: A key Stripe no longer accepts (revoked or rotated): every event that needs the API fails.
REVOKED = "sk_test_revoked_0123456789abcdefXYZ"


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def customer_created(fake: FakeStripe, name: str) -> dict[str, Any]:
    customer = fake.call("POST", "/v1/customers", {"name": name})
    (event,) = [
        e
        for e in fake.events(type_="customer.created")
        if e["data"]["object"]["id"] == customer["id"]
    ]
    return event


def customer_names(url: str) -> set[str]:
    with psycopg.connect(url) as conn:
        return {name for (name,) in conn.execute("SELECT name FROM stripe.customers")}


def test_failed_events_are_listed_and_replayed(database_url: str) -> None:
    with FakeStripe(seed=5) as fake, run_in_thread(fake) as server:
        base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
        env = {**base, "STRIPE_API_BASE": server.url, "DATABASE_URL": database_url}
        good = {**env, "STRIPE_API_KEY": fake.api_key}
        revoked = {**env, "STRIPE_API_KEY": REVOKED}
        events = [customer_created(fake, name) for name in ("Ada", "Grace", "Edsger")]
        ids = [e["id"] for e in events]

        # The webhook side runs with a key Stripe refuses: each event becomes a dead letter.
        config = StripeSyncConfig(
            stripe_secret_key=REVOKED,
            stripe_api_base=server.url,
            database_url=database_url,
            initial_retry_delay_ms=1,
        )
        with StripeSync(config) as sync:
            assert [sync.process_event(e).outcome for e in events] == [Outcome.FAILED] * 3

        # Listing reads the database only: no Stripe key needed.
        listed = cli("events", "failed", env=env)
        assert listed.returncode == 0, listed.stderr
        assert sorted(line.split()[0] for line in listed.stdout.splitlines()) == sorted(ids)
        assert "customer.created" in listed.stdout
        assert "StripeAuthenticationError" in listed.stdout
        assert REVOKED not in listed.stdout + listed.stderr
        assert REVOKED[-4:] not in listed.stdout  # not even Stripe's masked form

        as_json = cli("events", "failed", "--json", "--limit", "2", env=good)
        assert as_json.returncode == 0, as_json.stderr
        failed = json.loads(as_json.stdout)
        assert len(failed) == 2
        by_id = {e["id"]: e for e in events}
        for letter in failed:
            assert letter["payload"] == by_id[letter["event_id"]]
            assert letter["attempts"] == 1
            assert letter["resolved_at"] is None

        # Bad input: exit 2, nothing replayed.
        neither = cli("events", "replay", env=good)
        assert neither.returncode == 2
        assert "give event ids or --all" in neither.stderr
        both = cli("events", "replay", ids[0], "--all", env=good)
        assert both.returncode == 2
        unknown = cli("events", "replay", "evt_unknown", env=good)
        assert unknown.returncode == 2
        assert "no dead letter for event id(s): evt_unknown" in unknown.stderr

        # Still the revoked key: the replay fails again, exit 1, counted.
        again = cli("events", "replay", ids[0], env=revoked)
        assert again.returncode == 1
        assert "1 of 1 event(s) failed again" in again.stderr
        assert f"{ids[0]} customer.created: failed" in again.stdout
        assert REVOKED not in again.stdout + again.stderr
        assert customer_names(database_url) == set()

        # With the key fixed: one by id, then the rest.
        one = cli("events", "replay", ids[0], env=good)
        assert one.returncode == 0, one.stderr
        assert one.stdout.strip() == f"{ids[0]} customer.created: written"
        assert customer_names(database_url) == {"Ada"}

        rest = cli("events", "replay", "--all", "--json", env=good)
        assert rest.returncode == 0, rest.stderr
        results = json.loads(rest.stdout)
        assert sorted(r["event_id"] for r in results) == sorted(ids[1:])
        assert {r["outcome"] for r in results} == {"written"}
        assert customer_names(database_url) == {"Ada", "Grace", "Edsger"}

        none_left = cli("events", "failed", env=good)
        assert none_left.returncode == 0, none_left.stderr
        assert none_left.stdout.strip() == "no failed events"
        history = cli("events", "failed", "--include-resolved", "--json", env=good)
        resolved = json.loads(history.stdout)
        assert sorted(r["event_id"] for r in resolved) == sorted(ids)
        assert all(r["resolved_at"] is not None for r in resolved)
        assert [r["attempts"] for r in resolved if r["event_id"] == ids[0]] == [2]

        nothing = cli("events", "replay", "--all", env=good)
        assert nothing.returncode == 0, nothing.stderr
        assert nothing.stdout.strip() == "no failed events to replay"
