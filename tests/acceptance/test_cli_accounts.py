"""``stripe-sync accounts list|delete`` in a subprocess, on data synced from the fake Stripe."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import httpx
import psycopg

from stripe_sync import StripeSync, StripeSyncConfig
from stripe_sync.ratelimit import TokenBucketLimiter
from stripe_sync.testing import FakeStripe


def cli(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    # stdin is not a terminal here, as in CI or a pipe.
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def customers_of(url: str, account: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT count(*) FROM stripe.customers WHERE _account_id = %s", (account,)
        ).fetchone()
    assert row is not None
    return int(row[0])


def test_accounts_are_listed_and_one_is_deleted(database_url: str) -> None:
    with FakeStripe(seed=11) as fake:
        platform = fake.account_id
        connected = fake.add_account()
        fake.seed("customer", 3)
        fake.seed("customer", 2, account=connected)
        config = StripeSyncConfig(
            stripe_secret_key=fake.api_key,
            stripe_api_base="http://fake-stripe",
            database_url=database_url,
        )
        with StripeSync(
            config,
            http_transport=httpx.ASGITransport(app=fake.app),
            rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
        ) as sync:
            sync.process_until_done("customer")
            sync.process_until_done("customer", account=connected)
            webhook = sync.create_managed_webhook("https://example.com/hooks")
    base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
    # No Stripe key: these commands only read and write the database.
    env = {**base, "DATABASE_URL": database_url}

    listed = cli("accounts", "list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    accounts = json.loads(listed.stdout)
    assert [a["id"] for a in accounts] == [platform, connected]  # the key's own first
    assert accounts[0]["has_api_key"] is True
    assert accounts[0]["managed_webhooks"] == [webhook["id"]]
    assert accounts[1]["has_api_key"] is False
    assert "customers" in accounts[1]["tables"]

    text = cli("accounts", "list", env=env)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert [line.split()[0] for line in lines] == [platform, connected]
    assert "key's own" in lines[0]
    assert "connected" in lines[1]

    dry = cli("accounts", "delete", connected, "--dry-run", env=env)
    assert dry.returncode == 0, dry.stderr
    assert dry.stdout.splitlines()[0].startswith("would delete ")
    assert "  customers: 2" in dry.stdout.splitlines()
    assert "  accounts: 1" in dry.stdout.splitlines()
    assert customers_of(database_url, connected) == 2

    refused = cli("accounts", "delete", connected, env=env)
    assert refused.returncode == 2
    assert "refusing to delete without --yes when stdin is not a terminal" in refused.stderr
    assert customers_of(database_url, connected) == 2

    deleted = cli("accounts", "delete", connected, "--yes", env=env)
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.replace("deleted ", "would delete ", 1) == dry.stdout
    assert customers_of(database_url, connected) == 0
    assert customers_of(database_url, platform) == 3

    again = cli("accounts", "delete", connected, "--yes", env=env)
    assert again.returncode == 2
    assert f"no data of account {connected!r}" in again.stderr

    # The platform's endpoint in Stripe is not deleted: the command says so, with its id.
    platform_dry = cli("accounts", "delete", platform, "--dry-run", env=env)
    assert platform_dry.returncode == 0, platform_dry.stderr
    assert webhook["id"] in platform_dry.stderr
    assert "stripe-sync webhooks delete" in platform_dry.stderr
    after = json.loads(cli("accounts", "list", "--json", env=env).stdout)
    assert [a["id"] for a in after] == [platform]


def on_a_terminal(answer: str, *args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run with stdin a terminal (a pseudo-terminal) on which ``answer`` is typed."""
    controller, terminal = pty.openpty()
    try:
        os.write(controller, answer.encode())
        return subprocess.run(
            [sys.executable, "-m", "stripe_sync.cli", *args],
            env=env,
            stdin=terminal,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    finally:
        os.close(terminal)
        os.close(controller)


def test_delete_asks_on_a_terminal(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe.customers (id, _raw_data, _account_id) "
            'VALUES (\'cus_1\', \'{"id": "cus_1", "object": "customer"}\', \'acct_1Asked\')'
        )
    base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
    env = {**base, "DATABASE_URL": database_url}

    declined = on_a_terminal("n\n", "accounts", "delete", "acct_1Asked", env=env)
    assert declined.returncode == 1
    # The customer and its change in the change feed (deleted with the account's data).
    assert "acct_1Asked has 2 row(s):" in declined.stdout
    assert "  _change_feed: 1\n  customers: 1\n" in declined.stdout
    assert "Delete these rows of acct_1Asked? [y/N]" in declined.stdout
    assert "Aborted" in declined.stderr
    assert customers_of(database_url, "acct_1Asked") == 1

    accepted = on_a_terminal("y\n", "accounts", "delete", "acct_1Asked", env=env)
    assert accepted.returncode == 0, accepted.stderr
    assert "deleted 2 row(s):\n  _change_feed: 1\n  customers: 1" in accepted.stdout
    assert customers_of(database_url, "acct_1Asked") == 0


def test_accounts_list_shows_the_modes_synced(database_url: str) -> None:
    # One account's live and test data (two keys, two fakes with one account id) in one
    # database, and a connected account synced with the test key only.
    account = "acct_1CliLiveAndTest01"
    connected = ""
    for key, seed in (("sk_live_cli_modes_0001", 31), ("sk_test_cli_modes_0001", 32)):
        with FakeStripe(api_keys=(key,), account_id=account, seed=seed) as fake:
            fake.seed("customer", 2)
            if not fake.livemode:
                connected = fake.add_account()
                fake.seed("customer", 1, account=connected)
            config = StripeSyncConfig(
                stripe_secret_key=key,
                stripe_api_base="http://fake-stripe",
                database_url=database_url,
            )
            with StripeSync(
                config,
                http_transport=httpx.ASGITransport(app=fake.app),
                rate_limiter=TokenBucketLimiter(global_rps=None, endpoint_rps=None),
            ) as sync:
                sync.process_until_done("customer")
                if connected:
                    sync.process_until_done("customer", account=connected)
    base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
    env = {**base, "DATABASE_URL": database_url}

    listed = cli("accounts", "list", "--json", env=env)
    assert listed.returncode == 0, listed.stderr
    modes = {a["id"]: a["modes"] for a in json.loads(listed.stdout)}
    assert modes == {account: "live+test", connected: "test"}

    text = cli("accounts", "list", env=env)
    assert text.returncode == 0, text.stderr
    by_id = {line.split()[0]: line for line in text.stdout.splitlines()}
    assert by_id[account].endswith("modes live+test")
    assert by_id[connected].endswith("modes test")
