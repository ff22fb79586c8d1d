"""``stripe-sync supabase install|status|uninstall`` against a fake Supabase project.

The fake (:class:`tests.support.fake_supabase.FakeSupabase`) speaks the Management API, runs the
SQL it receives on a real PostgreSQL 15 with pg_cron, and runs the deployed edge functions with
Deno; the functions call a fake Stripe over HTTP. So these tests see the whole deployment work:
the install's calls and database, a webhook delivered by Stripe landing in the project's
database, a pg_cron tick backfilling through the worker, and uninstall removing it all again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from stripe_sync._version import __version__
from stripe_sync.cli import main
from stripe_sync.errors import SupabaseError
from stripe_sync.migrations import load_migrations
from stripe_sync.resources import REGISTRY
from stripe_sync.supabase import FUNCTIONS
from stripe_sync.supabase.management import MAX_TRIES
from stripe_sync.testing import FakeStripe, run_in_thread
from stripe_sync.testing.server import RunningServer
from tests.integration.supabase_fixtures import all_rows, deployment, management, one
from tests.support.fake_supabase import FakeSupabase

STRIPE_KEY = "sk_test_supabase_install_key"


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    with FakeStripe(seed=11, api_keys=(STRIPE_KEY,)) as fake, run_in_thread(fake) as server:
        yield server


def our_secrets(project: FakeSupabase) -> dict[str, str]:
    """The project's secrets (digests) but Supabase's built-in SUPABASE_* ones."""
    with management(project) as api:
        return {k: v for k, v in api.secrets().items() if not k.startswith("SUPABASE_")}


def install(project: FakeSupabase, stripe: RunningServer, **options: Any) -> Any:
    with deployment(project) as d:
        try:
            return d.install(STRIPE_KEY, stripe_api_base=stripe.url, **options)
        except SupabaseError:
            for slug in project.functions:  # shown when the test fails
                print(f"--- {slug} ---\n{project.function_logs(slug)}")
            raise


def calls(project: FakeSupabase, method: str, fragment: str) -> list[Any]:
    return [c for c in project.calls if c.method == method and fragment in c.path]


def test_install_on_an_empty_project(fake_supabase: FakeSupabase, stripe: RunningServer) -> None:
    db = fake_supabase.project_db_url
    result = install(fake_supabase, stripe)

    assert result.changed == (
        "migrations",
        "install_sql",
        "secrets",
        "functions",
        "schedule",
        "webhook",
    )
    assert result.migrations_applied == tuple(m.name for m in load_migrations())
    assert result.functions_deployed == FUNCTIONS
    # The database: every migration, the registry copy, the install record.
    assert one(db, 'SELECT count(*) FROM stripe."_migrations"') == len(load_migrations())
    assert one(db, 'SELECT count(*) FROM stripe."_resources"') == len(REGISTRY)
    assert one(db, 'SELECT state FROM stripe."_supabase_installation"') == "installed"
    assert one(db, 'SELECT version FROM stripe."_supabase_installation"') == __version__
    # The schedule calls a function; its command holds no secret.
    schedule, command = all_rows(
        db, "SELECT schedule, command FROM cron.job WHERE jobname = 'stripe-sync-worker'"
    )[0]
    assert schedule == "* * * * *"
    assert command == 'SELECT "stripe"."_supabase_invoke_worker"()'
    secret = one(db, 'SELECT secret FROM stripe."_supabase_secret"')
    assert len(secret) >= 40
    assert secret not in command
    # Functions and secrets in the project; the function secret is the database's.
    assert set(fake_supabase.functions) == set(FUNCTIONS)
    for slug in FUNCTIONS:
        assert fake_supabase.functions[slug].entrypoint_path == f"{slug}/index.ts"
        assert fake_supabase.functions[slug].verify_jwt is False
    digests = our_secrets(fake_supabase)
    assert digests["STRIPE_SYNC_FUNCTION_SECRET"] == hashlib.sha256(secret.encode()).hexdigest()
    assert digests["STRIPE_SYNC_STRIPE_KEY"] == hashlib.sha256(STRIPE_KEY.encode()).hexdigest()
    # The managed webhook endpoint, created in Stripe by stripe-setup and recorded.
    webhook_url = f"{fake_supabase.project_url}/functions/v1/stripe-webhook"
    endpoints = stripe.fake.webhooks.endpoints
    assert [e["url"] for e in endpoints.values()] == [webhook_url]
    assert result.webhook_id in endpoints
    assert one(db, 'SELECT url FROM stripe."_managed_webhooks"') == webhook_url
    # Nothing in the recorded calls carries a secret value.
    recorded = json.dumps([c.summary for c in fake_supabase.calls], default=str)
    assert STRIPE_KEY not in recorded
    assert secret not in recorded


def test_a_webhook_from_stripe_lands_in_the_project(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    install(fake_supabase, stripe)
    customer = stripe.fake.call("POST", "/v1/customers", {"name": "Grace", "email": "g@x.io"})
    stripe.fake.webhooks.wait_idle()
    attempts = [a for a in stripe.fake.webhooks.attempts if a.succeeded]
    assert attempts, stripe.fake.webhooks.attempts
    name = one(
        fake_supabase.project_db_url,
        "SELECT name FROM stripe.customers WHERE id = %s",
        customer["id"],
    )
    assert name == "Grace"


def test_a_cron_tick_backfills_through_the_worker(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    ids = stripe.fake.seed("customer", 30)
    stripe.fake.seed("product", 12)
    install(fake_supabase, stripe)
    fake_supabase.run_cron_job("stripe-sync-worker")
    responses = fake_supabase.drain_net()
    assert [r.status_code for r in responses] == [200], responses
    db = fake_supabase.project_db_url
    synced = {r[0] for r in all_rows(db, "SELECT id FROM stripe.customers")}
    assert synced == set(ids)
    assert one(db, "SELECT count(*) FROM stripe.products") == 12
    assert one(db, "SELECT status FROM stripe.sync_runs ORDER BY run_id DESC LIMIT 1") == (
        "complete"
    )


def test_functions_other_than_the_webhook_require_the_function_secret(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    install(fake_supabase, stripe)
    secret = one(fake_supabase.project_db_url, 'SELECT secret FROM stripe."_supabase_secret"')
    with management(fake_supabase) as api:
        service_role = api.api_keys()["service_role"]
    for slug, method in (
        ("stripe-worker", "POST"),
        ("stripe-setup", "GET"),
        ("stripe-setup", "DELETE"),
    ):
        url = f"{fake_supabase.project_url}/functions/v1/{slug}"
        for headers in (
            {},
            {"Authorization": "Bearer nope"},
            {"Authorization": f"Bearer {service_role}"},
        ):
            answer = httpx.request(method, url, headers=headers, timeout=30)
            assert answer.status_code == 401, (slug, method, headers)
            assert secret not in answer.text
    # The webhook endpoint still exists: nobody could delete it.
    assert len(stripe.fake.webhooks.endpoints) == 1
    ok = httpx.get(
        f"{fake_supabase.project_url}/functions/v1/stripe-setup",
        headers={"Authorization": f"Bearer {secret}"},
        timeout=30,
    )
    assert ok.status_code == 200
    assert secret not in ok.text
    assert STRIPE_KEY not in ok.text
    # A webhook without a valid signature is refused and writes nothing.
    refused = httpx.post(
        f"{fake_supabase.project_url}/functions/v1/stripe-webhook",
        content=b'{"id": "evt_1", "object": "event"}',
        headers={"Stripe-Signature": "t=1,v1=00"},
        timeout=30,
    )
    assert refused.status_code == 400
    assert one(fake_supabase.project_db_url, 'SELECT count(*) FROM stripe."_processed_events"') == 0


def test_install_again_changes_nothing(fake_supabase: FakeSupabase, stripe: RunningServer) -> None:
    install(fake_supabase, stripe)
    db = fake_supabase.project_db_url
    before = all_rows(
        db,
        'SELECT version, state, steps, functions, webhook_id FROM stripe."_supabase_installation"',
    )
    secret = one(db, 'SELECT secret FROM stripe."_supabase_secret"')
    mark = len(fake_supabase.calls)

    again = install(fake_supabase, stripe)

    assert again.changed == ()
    assert again.migrations_applied == ()
    assert again.functions_deployed == ()
    new_calls = fake_supabase.calls[mark:]
    writes = [
        c
        for c in new_calls
        if c.method in ("POST", "DELETE")
        and c.path.startswith("/v1/")
        and not c.path.endswith("/database/query")
    ]
    assert [c.path for c in writes] == [], writes
    assert not any("cron.schedule" in json.dumps(c.summary) for c in new_calls)
    assert one(db, 'SELECT secret FROM stripe."_supabase_secret"') == secret
    after = all_rows(
        db,
        'SELECT version, state, steps, functions, webhook_id FROM stripe."_supabase_installation"',
    )
    assert [r[:2] + r[3:] for r in after] == [r[:2] + r[3:] for r in before]
    assert len(stripe.fake.webhooks.endpoints) == 1


def test_install_after_a_failure_halfway_finishes_the_job(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    # The second function's deploy fails on every one of the client's tries.
    fake_supabase.fail_next(
        "POST", r"/functions/deploy\?slug=stripe-worker", status=500, times=MAX_TRIES
    )
    with pytest.raises(SupabaseError) as failed:
        install(fake_supabase, stripe)
    assert failed.value.step == "functions"
    db = fake_supabase.project_db_url
    assert one(db, 'SELECT state FROM stripe."_supabase_installation"') == "error"
    assert "functions" in one(db, 'SELECT error FROM stripe."_supabase_installation"')
    assert set(fake_supabase.functions) == {"stripe-webhook"}
    with deployment(fake_supabase) as d:
        status = d.status()
    assert status.state == "error"
    assert not status.installed

    mark = len(fake_supabase.calls)
    result = install(fake_supabase, stripe)

    assert result.functions_deployed == ("stripe-worker", "stripe-setup")
    assert result.migrations_applied == ()
    deploys = [c.path for c in calls(fake_supabase, "POST", "/functions/deploy")]
    assert sum("slug=stripe-webhook" in p for p in deploys) == 1  # not deployed twice
    assert set(fake_supabase.functions) == set(FUNCTIONS)
    assert one(db, 'SELECT state FROM stripe."_supabase_installation"') == "installed"
    assert one(db, 'SELECT error FROM stripe."_supabase_installation"') is None
    assert len(stripe.fake.webhooks.endpoints) == 1
    assert len(fake_supabase.calls) > mark


def test_status_reports_the_installation_and_no_secret(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    with deployment(fake_supabase) as d:
        empty = d.status()
    assert empty.state is None
    assert not empty.installed

    install(fake_supabase, stripe)
    stripe.fake.seed("customer", 5)
    fake_supabase.run_cron_job("stripe-sync-worker")
    fake_supabase.drain_net()
    with deployment(fake_supabase) as d:
        status = d.status()
    assert status.installed
    assert status.version == __version__
    assert status.schedule == "* * * * *"
    assert set(status.functions) == set(FUNCTIONS)
    assert status.migrations_applied == status.migrations_shipped == len(load_migrations())
    assert [w["url"] for w in status.webhooks] == [
        f"{fake_supabase.project_url}/functions/v1/stripe-webhook"
    ]
    assert status.recent_runs
    assert status.recent_runs[0]["status"] == "complete"
    text = json.dumps(status.as_json(), default=str)
    secret = one(fake_supabase.project_db_url, 'SELECT secret FROM stripe."_supabase_secret"')
    webhook_secret = one(
        fake_supabase.project_db_url, 'SELECT secret FROM stripe."_managed_webhooks"'
    )
    for value in (STRIPE_KEY, secret, webhook_secret):
        assert value not in text


def test_uninstall_removes_exactly_what_install_created(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    db = fake_supabase.project_db_url
    extensions_before = {r[0] for r in all_rows(db, "SELECT extname FROM pg_extension")}
    # Someone else's secret and function stay.
    with management(fake_supabase) as api:
        api.set_secrets({"OTHER_APP_KEY": "x"})
    install(fake_supabase, stripe)
    stripe.fake.call("POST", "/v1/customers", {"name": "Kept"})
    stripe.fake.webhooks.wait_idle()

    with deployment(fake_supabase) as d:
        result = d.uninstall()

    assert set(result.functions_deleted) == set(FUNCTIONS)
    assert fake_supabase.functions == {}
    assert set(our_secrets(fake_supabase)) == {"OTHER_APP_KEY"}
    assert stripe.fake.webhooks.endpoints == {}
    assert result.unscheduled
    # pg_cron, which install created, is gone; pg_net stays (other code may use net.http_post).
    extensions_after = {r[0] for r in all_rows(db, "SELECT extname FROM pg_extension")}
    assert extensions_after - extensions_before == {"pg_net"}
    assert extensions_before <= extensions_after
    # The synced data stays; the deployment's own tables go.
    assert one(db, "SELECT name FROM stripe.customers") == "Kept"
    assert one(db, "SELECT to_regclass('stripe._supabase_installation')") is None
    assert one(db, "SELECT to_regclass('stripe._supabase_secret')") is None

    # Uninstall again: nothing left to remove, no error. Then --drop-data removes the schema.
    sent = len(fake_supabase.calls)
    with deployment(fake_supabase) as d:
        again = d.uninstall()
        assert again.functions_deleted == ()
        assert not again.unscheduled
        # pg_cron is gone: no schedule to remove, so no statement naming its schema was sent
        # (and no error text had to be read to tell that apart from a real failure).
        queries = [str(c.summary.get("query", "")) for c in fake_supabase.calls[sent:]]
        assert queries
        assert not [q for q in queries if "cron.unschedule" in q]
        assert d.uninstall(drop_data=True).dropped_schema
    assert one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'stripe'") == 0


def test_the_cli(fake_supabase: FakeSupabase, stripe: RunningServer) -> None:
    env = {
        "SUPABASE_ACCESS_TOKEN": fake_supabase.token,
        "SUPABASE_PROJECT_REF": fake_supabase.ref,
        "SUPABASE_MANAGEMENT_URL": fake_supabase.management_url,
        "SUPABASE_PROJECT_URL": fake_supabase.project_url,
        "STRIPE_API_KEY": STRIPE_KEY,
        "STRIPE_SYNC_FUNCTIONS_API_BASE": stripe.url,
    }
    runner = CliRunner()
    installed = runner.invoke(main, ["supabase", "install", "--json"], env=env)
    assert installed.exit_code == 0, installed.output
    assert json.loads(installed.stdout)["functions_deployed"] == list(FUNCTIONS)
    status = runner.invoke(main, ["supabase", "status", "--json"], env=env)
    assert status.exit_code == 0, status.output
    assert json.loads(status.stdout)["state"] == "installed"
    assert STRIPE_KEY not in status.output
    refused = runner.invoke(main, ["supabase", "uninstall", "--drop-data"], env=env)
    assert refused.exit_code == 2
    assert "--yes" in refused.output
    removed = runner.invoke(main, ["supabase", "uninstall", "--drop-data", "--yes"], env=env)
    assert removed.exit_code == 0, removed.output
    assert "synced data" in removed.output
    bad = runner.invoke(main, ["supabase", "status"], env={**env, "SUPABASE_ACCESS_TOKEN": "wrong"})
    assert bad.exit_code == 1
    assert "401" in bad.output
    assert "wrong" not in bad.output


def test_an_event_that_cannot_be_applied_becomes_a_dead_letter(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    install(fake_supabase, stripe)
    db = fake_supabase.project_db_url
    # 15 invoice lines: the event embeds 10, and the key may not list the rest (403).
    stripe.fake.deny("GET /v1/invoices/{id}/lines")
    customer = stripe.fake.call("POST", "/v1/customers", {"name": "Lines"})["id"]
    for i in range(15):
        stripe.fake.call(
            "POST",
            "/v1/invoiceitems",
            {"customer": customer, "amount": str(100 + i), "currency": "usd"},
        )
    invoice = stripe.fake.call(
        "POST", "/v1/invoices", {"customer": customer, "pending_invoice_items_behavior": "include"}
    )
    stripe.fake.webhooks.wait_idle()
    (event_id,) = [e["id"] for e in stripe.fake.events(type_="invoice.created")]
    delivered = [a for a in stripe.fake.webhooks.attempts if a.event_id == event_id]
    assert [a.status_code for a in delivered] == [200]  # answered: Stripe does not retry for 3 days
    row = all_rows(
        db,
        "SELECT error_class, error_message, attempts, payload->>'id' FROM stripe.\"_dead_letters\""
        " WHERE event_id = %s",
        event_id,
    )
    assert len(row) == 1
    error_class, message, attempts, payload_id = row[0]
    assert (error_class, attempts, payload_id) == ("StripeAPIError", 1, event_id)
    assert "403" in message
    assert STRIPE_KEY not in message
    # Nothing of the invoice was written half-way, and the failure shows in failed_events.
    assert one(db, "SELECT count(*) FROM stripe.invoices WHERE id = %s", invoice["id"]) == 0
    assert one(db, "SELECT count(*) FROM stripe.failed_events") == 1
