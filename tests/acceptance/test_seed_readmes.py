"""The TypeScript engine's READMEs, followed in Python: no wall for a user coming from them.

The seeds are the READMEs of Stripe's TypeScript Sync Engine (repository
``supabase/stripe-sync-engine``, npm ``stripe-experiment-sync``):

- ``root``: the monorepo's ``README.md`` (Quick Start, manual webhook processing, Supabase, CLI);
- ``package``: ``packages/sync-engine/README.md`` (managed webhooks, configuration, migrations,
  ``sync_runs``, single entities, backfill and its supported objects, accounts, Supabase, CLI);
- ``older``: the library's earlier README (package ``@stripe-experiment/sync``), the one that
  documents ``stripe.sync_status`` and ``startResumableSync``.

``seed_readmes.toml`` (:data:`SAMPLES`) lists every code sample and command they show, its
translation (by the rules of docs/typescript.md, "From the TypeScript engine": snake_case, keyword
arguments for option objects, dicts and dataclasses for results, ``stripe-sync`` for ``npx
stripe-experiment-sync``) and the test below that runs it against the fake Stripe and a real
PostgreSQL. A sample that cannot apply, or
applies only in part, says why in ``reason``; none is skipped silently
(:func:`test_every_sample_is_walked_or_has_a_reason`).

What is the test's harness and not the translation: the fake Stripe's URL (``stripe_api_base``,
``STRIPE_API_BASE``), its key for ``sk_test_...``, and the ports and URLs of local servers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from psycopg import sql
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from stripe_sync import (
    AsyncStripeSync,
    ConfigError,
    PoolConfig,
    StripeSync,
    StripeSyncConfig,
    run_migrations,
)
from stripe_sync._version import __version__
from stripe_sync.testing import FakeStripe, RunningServer, free_port, run_in_thread
from tests.acceptance.helpers import stop, wait_for
from tests.support.fake_supabase import FakeSupabase

#: The table: every sample of the seeds, its translation and the test here that runs it.
TABLE = Path(__file__).with_name("seed_readmes.toml")
WEBHOOK_SECRET = "whsec_seed_readmes_0000000000"
#: Unix seconds in the seeds' backfill samples (2022-02-03).
SEED_CREATED_GTE = 1643872333


@dataclass(frozen=True, slots=True)
class Sample:
    """One code sample or command of a seed README and what it is here."""

    seed: str
    #: The sample, abridged to its call or command.
    sample: str
    translation: str = ""
    #: The test of this module that runs the translation; empty when it cannot apply.
    test: str = ""
    #: Why the translation is more than a renaming, or why it cannot apply.
    reason: str = ""


def load_samples() -> tuple[Sample, ...]:
    with TABLE.open("rb") as f:
        return tuple(Sample(**entry) for entry in tomllib.load(f)["sample"])


SAMPLES = load_samples()


def test_every_sample_is_walked_or_has_a_reason() -> None:
    tests = {name for name in globals() if name.startswith("test_")}
    for sample in SAMPLES:
        assert sample.seed in ("root", "package", "older"), sample
        if sample.test:
            assert sample.test in tests, sample
            assert sample.translation, sample
        else:
            assert sample.reason.startswith("not applicable: "), sample
    walked = {s.test for s in SAMPLES}
    # Every test here walks a sample (this one checks the table).
    assert tests - walked == {"test_every_sample_is_walked_or_has_a_reason"}


# -- harness ------------------------------------------------------------------------------------


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    """The fake Stripe over HTTP, with a few objects of every type the seeds name."""
    with (
        FakeStripe(seed=29, webhook_retry_schedule=(0.3,)) as fake,
        run_in_thread(fake) as running,
    ):
        customers = fake.seed("customer", 3)
        for customer in customers[:2]:
            fake.seed("payment_method", 1, fields={"customer": customer})
            fake.seed("tax_id", 1, fields={"customer": customer})
            fake.seed("active_entitlement", 2, fields={"customer": customer})
        for name in (
            "product", "price", "plan", "charge", "refund", "dispute", "early_fraud_warning",
            "invoice", "credit_note", "payment_intent", "setup_intent", "subscription",
            "subscription_schedule", "checkout_session",
        ):  # fmt: skip
            fake.seed(name, 2)
        yield running


@pytest.fixture
def env(stripe: RunningServer, database_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The variables the seeds' samples read (``process.env.X``, ``$X``)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("STRIPE_SECRET_KEY", stripe.fake.api_key)
    monkeypatch.setenv("STRIPE_API_KEY", stripe.fake.api_key)


def count(url: str, statement: str, *params: Any) -> int:
    """The first column of ``statement``'s row (a fixed query of the test)."""
    with psycopg.connect(url) as conn:
        row = conn.execute(statement.encode(), params).fetchone()
    assert row is not None
    return int(row[0])


def rows_in(url: str, table: str, schema: str = "stripe") -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(schema, table))
        ).fetchone()
    assert row is not None
    return int(row[0])


def cli(
    stripe: RunningServer, *args: str, extra_env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stripe_sync.cli", *args],
        env=command_env(stripe, extra_env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def command_env(stripe: RunningServer, extra: dict[str, str] | None = None) -> dict[str, str]:
    # Nothing from the environment but what the sample passes: the key and the database come
    # from its flags. STRIPE_API_BASE points the command at the fake (the harness).
    base = {k: v for k, v in os.environ.items() if not k.startswith(("STRIPE_", "DATABASE_"))}
    return {**base, "STRIPE_API_BASE": stripe.url, **(extra or {})}


def endpoints(fake: FakeStripe) -> list[dict[str, Any]]:
    data: list[dict[str, Any]] = fake.call("GET", "/v1/webhook_endpoints", {})["data"]
    return data


# -- install and configuration -----------------------------------------------------------------


def test_install() -> None:
    # pip install stripe-sync-engine: the distribution, its import package and its command.
    distribution = metadata.distribution("stripe-sync-engine")
    assert distribution.version == __version__
    scripts = {e.name: e.value for e in distribution.entry_points if e.group == "console_scripts"}
    assert scripts["stripe-sync"].startswith("stripe_sync.cli")


def test_quick_start(stripe: RunningServer, env: None, database_url: str) -> None:
    url = "https://example.com/stripe-webhooks"
    sync = StripeSync(
        StripeSyncConfig(
            database_url=os.environ["DATABASE_URL"],
            pool_config=PoolConfig(max_size=10),
            stripe_secret_key=os.environ["STRIPE_SECRET_KEY"],
            stripe_api_base=stripe.url,  # harness
        )
    )
    webhook = sync.find_or_create_managed_webhook(url)
    sync.close()
    assert [e["id"] for e in endpoints(stripe.fake)] == [webhook["id"]]
    assert webhook["url"] == url

    # The same object as the TypeScript one, camelCase keys and all.
    config = StripeSyncConfig.from_mapping(
        {
            "poolConfig": {"connectionString": os.environ["DATABASE_URL"], "max": 10},
            "stripeSecretKey": os.environ["STRIPE_SECRET_KEY"],
            "stripeApiBase": stripe.url,  # harness
        }
    )
    assert (config.database_url, config.pool_config.max_size) == (database_url, 10)
    with StripeSync(config) as sync:
        again = sync.find_or_create_managed_webhook(url)
    assert again["id"] == webhook["id"]  # found, not created twice
    assert len(endpoints(stripe.fake)) == 1


def test_pool_config(database_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = StripeSyncConfig(
        database_url=database_url,
        pool_config=PoolConfig(max_size=20, keepalives=True),
    )
    with StripeSync(config) as sync:
        sync.run_migrations()
        sync.ping()
    assert config.pool_config.connection_kwargs()["keepalives"] == 1
    from_ts = StripeSyncConfig.from_mapping(
        {"poolConfig": {"connectionString": database_url, "max": 20, "keepAlive": True}}
    )
    assert from_ts.pool_config == config.pool_config
    assert from_ts.database_url == database_url

    # ssl: { ca: ... } from an environment variable holding the PEM text.
    pem = "-----BEGIN CERTIFICATE-----\nMIIBseed\n-----END CERTIFICATE-----\n"
    monkeypatch.setenv("SSL_CA_CERT", pem)
    with_ca = StripeSyncConfig(
        database_url=database_url, pool_config=PoolConfig(ssl_ca=os.environ["SSL_CA_CERT"])
    )
    # What libpq gets: verify the server against that CA (given as a file: libpq reads no text).
    kwargs = with_ca.pool_config.connection_kwargs()
    assert kwargs["sslmode"] == "verify-full"
    assert Path(kwargs["sslrootcert"]).read_text() == pem
    assert StripeSyncConfig.from_mapping(
        {"poolConfig": {"connectionString": database_url, "ssl": {"ca": pem}}}
    ).pool_config == PoolConfig(ssl_ca=pem)
    with pytest.raises(ConfigError, match="poolConfig key 'idleTimeout'"):
        StripeSyncConfig.from_mapping({"poolConfig": {"idleTimeout": 1}})


def test_run_migrations(empty_database_url: str) -> None:
    result = run_migrations(database_url=empty_database_url)
    assert result.applied
    assert count(empty_database_url, "SELECT count(*) FROM stripe._migrations") == len(
        result.applied
    )
    assert count(empty_database_url, "SELECT count(*) FROM stripe.sync_status") == 0
    assert not run_migrations(database_url=empty_database_url).applied


# -- webhooks ----------------------------------------------------------------------------------


def test_managed_webhooks(stripe: RunningServer, database_url: str) -> None:
    url = "https://example.com/stripe-webhooks"
    config = StripeSyncConfig(
        database_url=database_url, stripe_secret_key=stripe.fake.api_key, stripe_api_base=stripe.url
    )
    with StripeSync(config) as sync:
        webhook = sync.find_or_create_managed_webhook(url)
        assert webhook["id"].startswith("we_")
        assert "secret" not in webhook
        secret = count_secret(database_url, webhook["id"])
        assert secret.startswith("whsec_")

        assert [w["id"] for w in sync.list_managed_webhooks()] == [webhook["id"]]
        got = sync.get_managed_webhook(webhook["id"])
        assert got is not None
        assert got["url"] == url
        assert sync.delete_managed_webhook(webhook["id"]) is True
        assert endpoints(stripe.fake) == []
        assert sync.list_managed_webhooks() == []

        webhook = sync.create_managed_webhook(
            url, enabled_events=["customer.created", "customer.updated", "invoice.paid"]
        )
        (endpoint,) = endpoints(stripe.fake)
        assert endpoint["id"] == webhook["id"]
        assert sorted(endpoint["enabled_events"]) == [
            "customer.created", "customer.updated", "invoice.paid",
        ]  # fmt: skip


def count_secret(url: str, webhook_id: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute(
            "SELECT secret FROM stripe._managed_webhooks WHERE id = %s", (webhook_id,)
        ).fetchone()
    assert row is not None
    return str(row[0])


def test_usage_process_webhook(stripe: RunningServer, database_url: str) -> None:
    sync = StripeSync(
        StripeSyncConfig(
            database_url=database_url,
            pool_config=PoolConfig(max_size=10),
            stripe_secret_key=stripe.fake.api_key,
            stripe_webhook_secret=WEBHOOK_SECRET,
            stripe_api_base=stripe.url,  # harness
        )
    )
    customer = stripe.fake.call("POST", "/v1/customers", {"email": "usage@example.com"})
    (event,) = stripe.fake.events(type_="customer.created")[:1]
    payload, signature = stripe.fake.signed_event(event, WEBHOOK_SECRET)
    try:
        result = sync.process_webhook(payload, signature)
    finally:
        sync.close()
    assert result.object_id == customer["id"]
    assert (
        count(database_url, "SELECT count(*) FROM stripe.customers WHERE id = %s", customer["id"])
        == 1
    )


async def test_manual_webhook_processing(stripe: RunningServer, database_url: str) -> None:
    sync = AsyncStripeSync(
        StripeSyncConfig(
            database_url=database_url,
            stripe_secret_key=stripe.fake.api_key,
            stripe_webhook_secret=WEBHOOK_SECRET,
            stripe_api_base=stripe.url,  # harness
        )
    )

    async def stripe_webhooks(request: Request) -> JSONResponse:
        signature = request.headers.get("stripe-signature")
        payload = await request.body()
        try:
            await sync.process_webhook(payload, signature)
            return JSONResponse({"received": True}, status_code=200)
        except Exception as error:
            return JSONResponse({"error": str(error)}, status_code=400)

    app = Starlette(routes=[Route("/stripe-webhooks", stripe_webhooks, methods=["POST"])])

    first = stripe.fake.call("POST", "/v1/customers", {"email": "express@example.com"})
    second = stripe.fake.call("POST", "/v1/customers", {"email": "direct@example.com"})
    by_object = {e["data"]["object"]["id"]: e for e in stripe.fake.events(type_="customer.created")}
    payload, signature = stripe.fake.signed_event(by_object[first["id"]], WEBHOOK_SECRET)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://app") as client:
        ok = await client.post(
            "/stripe-webhooks", content=payload, headers={"stripe-signature": signature}
        )
        bad = await client.post(
            "/stripe-webhooks", content=payload, headers={"stripe-signature": "t=1,v1=forged"}
        )
    assert (ok.status_code, ok.json()) == (200, {"received": True})
    assert bad.status_code == 400
    assert "error" in bad.json()

    # Or process an event directly (no signature validation).
    stripe_event = by_object[second["id"]]
    await sync.process_event(stripe_event)
    await sync.close()
    ids = {first["id"], second["id"]}
    assert (
        count(database_url, "SELECT count(*) FROM stripe.customers WHERE id = ANY(%s)", list(ids))
        == 2
    )


# -- syncing data ------------------------------------------------------------------------------


def engine(stripe: RunningServer, database_url: str) -> StripeSync:
    return StripeSync(
        StripeSyncConfig(
            database_url=database_url,
            stripe_secret_key=stripe.fake.api_key,
            stripe_api_base=stripe.url,  # harness
        )
    )


def test_sync_single_entity(stripe: RunningServer, database_url: str) -> None:
    # The seeds' ids, made real in the fake.
    stripe.fake.seed("customer", 1, fields={"id": "cus_12345", "email": "seed@example.com"})
    stripe.fake.call("POST", "/v1/products", {"id": "prod_xyz", "name": "XYZ"})
    with engine(stripe, database_url) as sync:
        customer = sync.sync_single_entity("cus_12345")
        product = sync.sync_single_entity("prod_xyz")
    assert (customer.object, customer.outcome.value) == ("customer", "written")
    assert (product.object, product.outcome.value) == ("product", "written")
    email = "SELECT count(*) FROM stripe.customers WHERE id = 'cus_12345' AND email = %s"
    assert count(database_url, email, "seed@example.com") == 1
    assert count(database_url, "SELECT count(*) FROM stripe.products WHERE id = 'prod_xyz'") == 1


def test_process_until_done(stripe: RunningServer, database_url: str) -> None:
    fake = stripe.fake
    with engine(stripe, database_url) as sync:
        # Sync all products created after a date (the fake's objects are all newer)
        products = sync.process_until_done("product", created={"gte": SEED_CREATED_GTE})
        assert (products.status, products.objects["product"].processed) == ("complete", 2)
        # Sync all customers
        customers = sync.process_until_done("customer")
        assert (customers.status, customers.objects["customer"].processed) == ("complete", 3)
        # Sync everything
        everything = sync.process_until_done("all")
        assert everything.status == "complete", everything.errors
    assert count(database_url, "SELECT count(*) FROM stripe.products") == 2
    assert count(database_url, "SELECT count(*) FROM stripe.checkout_sessions") == 2

    with psycopg.connect(database_url) as conn:
        runs = conn.execute(
            """
            SELECT
              account_id,
              started_at,
              closed_at,
              status,              -- 'running', 'complete', or 'error'
              total_processed,     -- Total records synced
              complete_count,      -- Completed object types
              error_count,         -- Object types with errors
              running_count,       -- Currently syncing
              pending_count        -- Not yet started
            FROM stripe.sync_runs
            ORDER BY started_at DESC;
            """
        ).fetchall()
    assert [r[3] for r in runs] == ["complete"] * 3
    assert {r[0] for r in runs} == {fake.account_id}
    assert runs[-1][4] == 2  # the products run, the oldest
    assert all(r[2] is not None and r[6] == r[7] == r[8] == 0 for r in runs)


#: The seed's "Supported objects" and the tables each fills.
DOCUMENTED_OBJECTS: dict[str, tuple[str, ...]] = {
    "charge": ("charges",),
    "checkout_sessions": ("checkout_sessions",),
    "credit_note": ("credit_notes",),
    "customer": ("customers",),
    "customer_with_entitlements": ("customers", "active_entitlements"),
    "dispute": ("disputes",),
    "early_fraud_warning": ("early_fraud_warnings",),
    "invoice": ("invoices",),
    "payment_intent": ("payment_intents",),
    "payment_method": ("payment_methods",),
    "plan": ("plans",),
    "price": ("prices",),
    "product": ("products",),
    "refund": ("refunds",),
    "setup_intent": ("setup_intents",),
    "subscription": ("subscriptions",),
    "subscription_schedules": ("subscription_schedules",),
    "tax_id": ("tax_ids",),
}


def test_every_documented_object(stripe: RunningServer, database_url: str) -> None:
    with engine(stripe, database_url) as sync:
        for name, tables in DOCUMENTED_OBJECTS.items():
            result = sync.process_until_done(name)
            assert result.status == "complete", (name, result.errors)
            for table in tables:
                assert rows_in(database_url, table) > 0, name
        assert sync.process_until_done("all").status == "complete"
    # customer_with_entitlements: customers plus their active entitlements.
    assert (
        count(
            database_url,
            "SELECT count(*) FROM stripe.active_entitlements e JOIN stripe.customers c"
            " ON c.id = e.customer",
        )
        == 4
    )

    # The command takes the same names (a later run: it lists only what is new).
    new_names = ("checkout_sessions", "customer_with_entitlements", "subscription_schedules")
    done = cli(
        stripe, "backfill", *new_names, "--stripe-key", stripe.fake.api_key,
        "--database-url", database_url, "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert set(json.loads(done.stdout)["objects"]) == {
        "checkout_session", "customer", "active_entitlement", "subscription_schedule",
    }  # fmt: skip


def test_cli_backfill(stripe: RunningServer, database_url: str) -> None:
    done = cli(
        stripe, "backfill", "customer", "--stripe-key", stripe.fake.api_key,
        "--database-url", database_url,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "complete" in done.stdout
    assert count(database_url, "SELECT count(*) FROM stripe.customers") == 3
    # Our own name for the flag still works (an incremental run: it finds the new customer).
    stripe.fake.call("POST", "/v1/customers", {"email": "new@example.com"})
    again = cli(
        stripe, "backfill", "customer", "--api-key", stripe.fake.api_key,
        "--database-url", database_url,
    )  # fmt: skip
    assert again.returncode == 0, again.stderr
    assert count(database_url, "SELECT count(*) FROM stripe.customers") == 4


def test_cli_migrate(stripe: RunningServer, empty_database_url: str) -> None:
    done = cli(stripe, "migrate", "--database-url", empty_database_url)
    assert done.returncode == 0, done.stderr
    assert count(empty_database_url, "SELECT count(*) FROM stripe._migrations") > 0
    assert "sync_status" in done.stdout


# -- accounts ----------------------------------------------------------------------------------


def test_accounts(stripe: RunningServer, database_url: str) -> None:
    fake = stripe.fake
    connected = fake.add_account("acct_xxx")
    fake.seed("customer", 2, account=connected)
    with engine(stripe, database_url) as sync:
        account = sync.get_current_account()
        assert account["id"] == fake.account_id
        sync.process_until_done("customer")
        sync.process_until_done("customer", account="acct_xxx")
        accounts = sync.get_all_synced_accounts()
        assert [a["id"] for a in accounts] == [fake.account_id, "acct_xxx"]

        # Preview deletion
        preview = sync.dangerously_delete_synced_account_data("acct_xxx", dry_run=True)
        assert preview.deleted_record_counts["customers"] == 2
        assert preview.deleted_record_counts["accounts"] == 1
        assert (
            count(
                database_url, "SELECT count(*) FROM stripe.customers WHERE _account_id = 'acct_xxx'"
            )
            == 2
        )

        # Actually delete
        result = sync.dangerously_delete_synced_account_data("acct_xxx")
        assert result.deleted_record_counts == preview.deleted_record_counts
        assert not result.dry_run
        assert result.deleted_account_id == "acct_xxx"
        assert (
            count(
                database_url, "SELECT count(*) FROM stripe.customers WHERE _account_id = 'acct_xxx'"
            )
            == 0
        )
        assert count(database_url, "SELECT count(*) FROM stripe.customers") == 3
        assert [a["id"] for a in sync.get_all_synced_accounts()] == [fake.account_id]


# -- sync_status -------------------------------------------------------------------------------


def status_of(url: str, resource: str) -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            "SELECT resource, status, last_incremental_cursor, error_message, error_count"
            " FROM stripe.sync_status WHERE resource = %s",
            (resource,),
        )
        rows = cur.fetchall()
        assert cur.description is not None
        names = [c.name for c in cur.description]
    assert len(rows) == 1, rows  # one row per resource (and account)
    return dict(zip(names, rows[0], strict=True))


def test_sync_status(stripe: RunningServer, database_url: str) -> None:
    fake = stripe.fake
    with engine(stripe, database_url) as sync:
        # Resume or start a backfill using incremental sync semantics
        sync.start_resumable_sync("product", created={"gte": SEED_CREATED_GTE})
        product = status_of(database_url, "product")
        assert (product["status"], product["error_count"]) == ("complete", 0)
        # An explicit range lists that range: the incremental cursor is not moved by it.
        assert product["last_incremental_cursor"] is None
        sync.process_until_done("product")
        cursor = status_of(database_url, "product")["last_incremental_cursor"]
        assert cursor is not None
        assert datetime.now(UTC) - cursor < timedelta(minutes=5)

        # A failing resource: status error with the failure, and a rerun picks it up.
        fake.deny("GET /v1/disputes")
        failed = sync.process_until_done("dispute")
        assert failed.status == "error"
        dispute = status_of(database_url, "dispute")
        assert dispute["status"] == "error"
        assert dispute["error_count"] >= 1  # its failed windows (the range is listed in parts)
        assert "does not have the required permissions" in dispute["error_message"]
        fake.deny()
        assert sync.process_until_done("dispute").status == "complete"
        dispute = status_of(database_url, "dispute")
        assert (dispute["status"], dispute["error_count"], dispute["error_message"]) == (
            "complete", 0, None,
        )  # fmt: skip
    assert count(database_url, "SELECT count(*) FROM stripe.disputes") == 2


# -- long-running commands ---------------------------------------------------------------------


def start_command(
    stripe: RunningServer, *args: str, extra_env: dict[str, str]
) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "stripe_sync.cli", "start", *args],
        env=command_env(stripe, extra_env),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def test_cli_start(stripe: RunningServer, database_url: str) -> None:
    fake = stripe.fake
    port = free_port()
    public_url = f"http://127.0.0.1:{port}/webhooks"
    process = start_command(
        stripe, "--stripe-key", fake.api_key, "--public-url", public_url,
        "--database-url", database_url, extra_env={"PORT": str(port)},
    )  # fmt: skip
    try:
        wait_for(lambda: [e["url"] for e in endpoints(fake)] == [public_url], process, timeout=60)
        # The background backfill lists what exists; the endpoint brings what happens next.
        wait_for(
            lambda: count(database_url, "SELECT count(*) FROM stripe.customers") >= 3,
            process,
            timeout=60,
        )
        created = fake.call("POST", "/v1/customers", {"email": "live@example.com"})["id"]
        wait_for(
            lambda: (
                count(database_url, "SELECT count(*) FROM stripe.customers WHERE id = %s", created)
                == 1
            ),
            process,
            timeout=60,
        )
    finally:
        stop(process, timeout=60)
    assert endpoints(fake) == []  # deleted on exit


def test_cli_start_sigma(stripe: RunningServer, database_url: str) -> None:
    fake = stripe.fake
    fake.sigma.generate("charges", 30)
    port = free_port()
    public_url = f"http://127.0.0.1:{port}/webhooks"
    process = start_command(
        stripe, "--stripe-key", fake.api_key, "--database-url", database_url, "--sigma",
        extra_env={"PORT": str(port), "STRIPE_SYNC_PUBLIC_URL": public_url},
    )  # fmt: skip
    try:
        wait_for(lambda: [e["url"] for e in endpoints(fake)] == [public_url], process, timeout=60)
        wait_for(lambda: sigma_rows(database_url, "charges") == 30, process, timeout=120)
    finally:
        stop(process, timeout=60)


def sigma_rows(url: str, table: str) -> int:
    with psycopg.connect(url) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", (f"sigma.{table}",)).fetchone()
        if exists is None or exists[0] is None:
            return 0
    return rows_in(url, table, "sigma")


# -- Supabase ----------------------------------------------------------------------------------


def test_supabase_install_and_uninstall(fake_supabase: FakeSupabase, stripe: RunningServer) -> None:
    project = fake_supabase
    harness = {
        "SUPABASE_PROJECT_URL": project.project_url,
        "STRIPE_SYNC_FUNCTIONS_API_BASE": stripe.url,
    }
    common = (
        "--token", project.token, "--project", project.ref,
        "--management-url", project.management_url,
    )  # fmt: skip
    installed = cli(
        stripe, "supabase", "install", *common, "--stripe-key", stripe.fake.api_key,
        extra_env=harness,
    )  # fmt: skip
    assert installed.returncode == 0, installed.stdout + installed.stderr
    assert sorted(project.functions) == ["stripe-setup", "stripe-webhook", "stripe-worker"]
    (endpoint,) = endpoints(stripe.fake)
    assert endpoint["url"].startswith(project.project_url)

    # A specific version: this stripe-sync's own; an npm release number is refused.
    pinned = cli(
        stripe, "supabase", "install", *common, "--stripe-key", stripe.fake.api_key,
        "--package-version", __version__, "--worker-interval", "60", extra_env=harness,
    )  # fmt: skip
    assert pinned.returncode == 0, pinned.stdout + pinned.stderr
    npm = cli(
        stripe, "supabase", "install", *common, "--stripe-key", stripe.fake.api_key,
        "--package-version", "1.0.15", extra_env=harness,
    )  # fmt: skip
    assert npm.returncode != 0, npm.stdout + npm.stderr
    assert "pip install stripe-sync-engine==1.0.15" in npm.stderr

    removed = cli(stripe, "supabase", "uninstall", *common, extra_env=harness)
    assert removed.returncode == 0, removed.stdout + removed.stderr
    assert project.functions == {} or not project.functions
    assert endpoints(stripe.fake) == []
