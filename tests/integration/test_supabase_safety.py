"""Review of the Supabase deployment (issue 8): bugs found, each shown by a failing test.

Every test here states what a correct deployment must do and fails against the code as
reviewed. They use the fake Supabase project (real PostgreSQL 15 with pg_cron, the pg_net
stand-in, functions run by Deno) and the fake Stripe over HTTP, as test_supabase_install.py does.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import psycopg
import pytest

from stripe_sync.errors import SupabaseError
from stripe_sync.supabase import ManagementClient, SupabaseDeployment
from stripe_sync.testing import FakeStripe, run_in_thread
from stripe_sync.testing.server import RunningServer
from tests.integration.supabase_fixtures import all_rows, deployment, management, one
from tests.support.fake_supabase import FakeSupabase

STRIPE_KEY = "sk_test_supabase_review_key"
#: Another application's Stripe key, kept by the project under the name most Stripe
#: integrations on Supabase use (Supabase's own Stripe examples read STRIPE_SECRET_KEY).
OTHER_APP_STRIPE_KEY = "sk_live_other_application_key"


@pytest.fixture
def stripe() -> Iterator[RunningServer]:
    with FakeStripe(seed=13, api_keys=(STRIPE_KEY,)) as fake, run_in_thread(fake) as server:
        yield server


def install(project: FakeSupabase, stripe: RunningServer, schema: str = "stripe") -> Any:
    with deployment(project, schema) as d:
        return d.install(STRIPE_KEY, stripe_api_base=stripe.url)


def digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


# -- data loss: uninstall --drop-data --------------------------------------------------------------


def test_uninstall_drop_data_never_drops_a_schema_holding_other_applications_tables(
    fake_supabase: FakeSupabase,
) -> None:
    """``uninstall --drop-data --schema public`` runs ``DROP SCHEMA public CASCADE``.

    The schema name is only checked to be an identifier, so ``public`` (or ``auth``,
    ``storage``, ``extensions`` ...) is accepted, and drop-data drops the whole schema with every
    table of every application in it, although stripe-sync never created that schema (here it was
    not even installed). Drop-data must remove only what stripe-sync's migrations created.
    """
    db = fake_supabase.project_db_url
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("CREATE TABLE public.other_app_orders (id int PRIMARY KEY)")
        conn.execute("INSERT INTO public.other_app_orders VALUES (1), (2)")
        conn.execute("CREATE SCHEMA analytics")
        conn.execute("CREATE TABLE analytics.reports (id int PRIMARY KEY)")

    with pytest.raises(SupabaseError, match="public"):
        deployment(fake_supabase, schema="public")
    # A schema of someone else's: --drop-data refuses it.
    with (
        deployment(fake_supabase, schema="analytics") as d,
        pytest.raises(SupabaseError, match="not created by stripe-sync"),
    ):
        d.uninstall(drop_data=True)

    assert one(db, "SELECT to_regclass('public.other_app_orders')::text") == "other_app_orders"
    assert one(db, "SELECT count(*) FROM public.other_app_orders") == 2
    assert one(db, "SELECT to_regclass('analytics.reports')::text") == "analytics.reports"


# -- name collisions with the project's other edge functions -------------------------------------


def test_install_and_uninstall_leave_another_applications_stripe_secret_key_alone(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """Edge function secrets are project-wide, and the deployment uses the generic names
    STRIPE_SECRET_KEY / STRIPE_API_VERSION / STRIPE_API_BASE.

    ``install`` overwrites a STRIPE_SECRET_KEY the project already had (another app's payment
    functions now run with stripe-sync's key, perhaps a read-only restricted one), and
    ``uninstall`` deletes it (those functions lose their key), although install did not create
    it. The deployment's secrets need names of its own (STRIPE_SYNC_*), or install must record
    which secrets it created and uninstall delete only those.
    """
    fake_supabase.set_secrets({"STRIPE_SECRET_KEY": OTHER_APP_STRIPE_KEY})

    with contextlib.suppress(SupabaseError):
        install(fake_supabase, stripe)
    with management(fake_supabase) as api:
        after_install = api.secrets().get("STRIPE_SECRET_KEY")
    with deployment(fake_supabase) as d, contextlib.suppress(SupabaseError):
        d.uninstall()
    with management(fake_supabase) as api:
        after_uninstall = api.secrets().get("STRIPE_SECRET_KEY")

    assert (after_install, after_uninstall) == (
        digest(OTHER_APP_STRIPE_KEY),
        digest(OTHER_APP_STRIPE_KEY),
    )


def test_install_does_not_replace_an_edge_function_it_did_not_deploy(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """A project that already has its own ``stripe-webhook`` function (a common slug) gets it
    silently replaced by install (``_deploy_functions`` deploys every slug whose digest is not
    in the install record), and uninstall then deletes it. Install must refuse (or use
    namespaced slugs) when a function of that slug exists that it did not deploy.
    """
    theirs = {"stripe-webhook/index.ts": b"Deno.serve(() => new Response('their webhook'));\n"}
    with management(fake_supabase) as api:
        api.deploy_function(
            "stripe-webhook", theirs, entrypoint="stripe-webhook/index.ts", verify_jwt=False
        )

    with contextlib.suppress(SupabaseError):
        install(fake_supabase, stripe)

    assert dict(fake_supabase.functions["stripe-webhook"].files) == theirs


# -- extensions uninstall drops while others use them --------------------------------------------


def test_uninstall_keeps_pg_net_when_another_application_uses_it(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """Uninstall drops pg_net whenever install created it (``supabase_drop_extension_net`` is
    an unconditional ``DROP EXTENSION``), unlike pg_cron, which is dropped only when no other
    job uses it. pg_net is what Supabase Database Webhooks and other apps' triggers call: once
    stripe-sync made it available, anything created since that calls ``net.http_post`` breaks
    and requests still queued are lost.
    """
    db = fake_supabase.project_db_url
    install(fake_supabase, stripe)
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute(
            "CREATE FUNCTION public.other_app_notify() RETURNS bigint LANGUAGE sql AS "
            "$$ SELECT net.http_post(url := 'http://example.invalid/hook') $$"
        )
        conn.execute("SELECT public.other_app_notify()")

    with deployment(fake_supabase) as d:
        d.uninstall()

    assert one(db, "SELECT to_regproc('net.http_post')::text") is not None
    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("SELECT public.other_app_notify()")


# -- security: the webhook signing secret readable through the project's public API ---------------


def test_install_into_public_does_not_expose_the_webhook_signing_secret_to_anon(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """Supabase projects grant anon and authenticated ALL on new tables of schema ``public``
    (default privileges; PostgREST serves that schema with the public anon key). Installing with
    ``--schema public`` (accepted) revokes only ``_supabase_secret``: ``_managed_webhooks`` keeps
    the endpoint's signing secret readable by anon, so anyone with the anon key can forge signed
    Stripe events into the project (and read every synced table). Install must refuse a schema
    exposed to the API roles, or revoke anon/authenticated on every stripe-sync table.
    """
    db = fake_supabase.project_db_url
    with psycopg.connect(db, autocommit=True) as conn:
        # What every Supabase project has (supabase/postgres init scripts).
        conn.execute(
            "ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA public "
            "GRANT ALL ON TABLES TO anon, authenticated, service_role"
        )
    try:
        install(fake_supabase, stripe, schema="public")
    except SupabaseError:
        # Refusing the schema is a fix too: then nothing may have been created in it.
        assert one(db, "SELECT to_regclass('public._managed_webhooks')") is None
        return

    with psycopg.connect(db, autocommit=True) as conn:
        conn.execute("SET ROLE anon")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("SELECT secret FROM public._managed_webhooks").fetchall()


def test_a_second_schema_gets_its_own_schedule_and_uninstall_leaves_the_first_alone(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    install(fake_supabase, stripe)
    db = fake_supabase.project_db_url
    with deployment(fake_supabase, schema="billing") as d:
        # The functions belong to the first deployment: the second refuses to replace them.
        with pytest.raises(SupabaseError, match="did not deploy"):
            d.install(STRIPE_KEY, stripe_api_base=stripe.url)
        jobs = {r[0] for r in all_rows(db, "SELECT jobname FROM cron.job")}
        assert jobs == {"stripe-sync-worker"}
        d.uninstall(drop_data=True)
    # The first deployment is untouched: its schedule, functions, secrets and data.
    assert {r[0] for r in all_rows(db, "SELECT jobname FROM cron.job")} == {"stripe-sync-worker"}
    assert set(fake_supabase.functions) == {"stripe-webhook", "stripe-worker", "stripe-setup"}
    assert one(db, 'SELECT state FROM stripe."_supabase_installation"') == "installed"
    with management(fake_supabase) as api:
        assert "STRIPE_SYNC_FUNCTION_SECRET" in api.secrets()
    assert one(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'billing'") == 0


# -- install and uninstall interrupted by the Management API ---------------------------------------


class _FlakyManagementApi(httpx.BaseTransport):
    """The Management API, except that requests ``matches`` picks are not answered while armed
    (a network failure or a timeout); with ``forward`` the API still receives and carries them
    out (the answer is what got lost)."""

    def __init__(self, matches: Callable[[httpx.Request], bool], *, forward: bool) -> None:
        self.inner = httpx.HTTPTransport()
        self.matches = matches
        self.forward = forward
        self.armed = True
        self.dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if self.armed and self.matches(request):
            self.dropped += 1
            if self.forward:
                with contextlib.closing(self.inner.handle_request(request)) as response:
                    response.read()
            raise httpx.ReadTimeout("injected: no answer", request=request)
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


@contextlib.contextmanager
def _flaky_deployment(
    project: FakeSupabase, transport: _FlakyManagementApi
) -> Iterator[SupabaseDeployment]:
    with httpx.Client(transport=transport, timeout=120.0) as http:
        api = ManagementClient(
            project.token,
            project.ref,
            base_url=project.management_url,
            http=http,
            sleep=lambda s: None,
        )
        with SupabaseDeployment(api, project_url=project.project_url) as d:
            yield d


def _sql_of(request: httpx.Request) -> str:
    if not request.url.path.endswith("/database/query"):
        return ""
    return str(json.loads(request.content).get("query", ""))


def test_install_interrupted_after_the_install_tables_can_be_finished_by_running_it_again(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """``_install_sql`` creates ``_supabase_installation`` (supabase_install_tables) and inserts
    its row in a second request (supabase_start). When the Management API fails in between, the
    table exists without a row, and then ``install`` fails before its try block in
    ``_recorded_functions`` (``(record,) = []``: ValueError, not even recorded), on every
    re-run; ``uninstall`` and ``status`` fail the same way (``(record,) = ...``). Nothing but
    hand-written SQL gets the project out of it. A re-run of install must finish the job.
    """
    transport = _FlakyManagementApi(
        lambda r: "INSERT INTO" in _sql_of(r) and "_supabase_installation" in _sql_of(r),
        forward=False,
    )
    with _flaky_deployment(fake_supabase, transport) as d, pytest.raises(SupabaseError):
        d.install(STRIPE_KEY, stripe_api_base=stripe.url)
    assert transport.dropped > 0
    db = fake_supabase.project_db_url
    # The table and its row go in one request now: never a table without its row.
    if one(db, "SELECT to_regclass('stripe._supabase_installation')::text") is not None:
        assert one(db, 'SELECT count(*) FROM stripe."_supabase_installation"') == 1
    with deployment(fake_supabase) as d:
        assert d.status().state in (None, "error")

    install(fake_supabase, stripe)

    assert one(db, 'SELECT state FROM stripe."_supabase_installation"') == "installed"


def test_install_whose_function_deploy_answer_was_lost_can_be_finished_by_running_it_again(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """A function is recorded in the install record only after ``deploy_function`` answered.
    When the deploy went through but its answer was lost (a timeout on a slow deploy, the API
    down just after), the project has ``stripe-webhook`` and the record does not name it. The
    new preflight (``_refuse_foreign_functions``) then takes the deployment's own function for
    another application's, and every re-run of install refuses ("did not deploy"); uninstall
    leaves that function behind too (it deletes only recorded ones). Record the slug before
    deploying it (e.g. ``{slug: "deploying"}``), then its digest after.
    """
    transport = _FlakyManagementApi(
        lambda r: (
            r.url.path.endswith("/functions/deploy")
            and r.url.params.get("slug") == "stripe-webhook"
        ),
        forward=True,
    )
    with _flaky_deployment(fake_supabase, transport) as d, pytest.raises(SupabaseError):
        d.install(STRIPE_KEY, stripe_api_base=stripe.url)
    assert "stripe-webhook" in fake_supabase.functions

    install(fake_supabase, stripe)

    db = fake_supabase.project_db_url
    assert one(db, 'SELECT state FROM stripe."_supabase_installation"') == "installed"


# -- the webhook function: dead letters for transient failures -------------------------------------


def test_a_lock_timeout_in_the_webhook_function_is_transient_not_a_dead_letter(
    fake_supabase: FakeSupabase, stripe: RunningServer
) -> None:
    """``isTransientDbError`` (store.ts) counts only SQLSTATE 08*, 53*, 57P*, 40001 and 40P01 as
    transient, so a ``lock_timeout`` (55P03) or ``statement_timeout`` (57014) while the table is
    locked (a migration, a VACUUM FULL, a long report) makes the new dead-letter path store the
    event and answer 200 'failed': Stripe stops delivering it and the row stays missing until a
    person replays it. The Python app answers 503 for these (psycopg's OperationalError, which
    includes classes 55 and 57, is DatabaseUnavailableError) and Stripe delivers again.
    """
    install(fake_supabase, stripe)
    db = fake_supabase.project_db_url
    with psycopg.connect(db, autocommit=True) as conn:
        # New sessions (the webhook function's) give up on a lock after 200 ms.
        conn.execute("ALTER DATABASE postgres SET lock_timeout = '200ms'")
    with psycopg.connect(db) as locker:
        locker.execute("LOCK TABLE stripe.customers IN SHARE MODE")
        customer = stripe.fake.call("POST", "/v1/customers", {"name": "Locked out"})
        stripe.fake.webhooks.wait_idle()
        locker.rollback()
    (event_id,) = [e["id"] for e in stripe.fake.events(type_="customer.created")]
    statuses = [a.status_code for a in stripe.fake.webhooks.attempts if a.event_id == event_id]
    applied = one(db, "SELECT count(*) FROM stripe.customers WHERE id = %s", customer["id"])
    dead = one(db, 'SELECT count(*) FROM stripe."_dead_letters" WHERE event_id = %s', event_id)
    assert (applied, dead, 200 in statuses) == (0, 0, False), statuses
    assert set(statuses) == {503}, statuses
