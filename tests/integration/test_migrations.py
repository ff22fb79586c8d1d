"""The migration runner against a real PostgreSQL: idempotent, atomic, locked, never destructive."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
import pytest
from psycopg import sql
from psycopg.types.json import Jsonb

from stripe_sync import MigrationChecksumError, MigrationError, migrations
from stripe_sync.history import enable_history
from stripe_sync.migrations import Migration, load_migrations, run_migrations
from stripe_sync.queries import query, raw_queries
from stripe_sync.resources import REGISTRY
from tests.support.waiting import wait_until

SYNC_RUNS_COLUMNS = [
    "account_id",
    "started_at",
    "closed_at",
    "status",
    "total_processed",
    "complete_count",
    "error_count",
    "running_count",
    "pending_count",
]
METADATA_TABLES = {"accounts", "_migrations", "_managed_webhooks", "_sync_runs", "_sync_obj_runs"}


def relations(url: str, schema: str) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = %s",
            (schema,),
        ).fetchall()
    return {name: kind for name, kind in rows}


def columns(url: str, schema: str, table: str) -> dict[str, tuple[str, str]]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT column_name, data_type, is_generated FROM information_schema.columns "
            "WHERE table_schema = %s AND table_name = %s ORDER BY ordinal_position",
            (schema, table),
        ).fetchall()
    return {name: (dtype, generated) for name, dtype, generated in rows}


def test_fresh_database_gets_every_table_and_view(empty_database_url: str) -> None:
    result = run_migrations(empty_database_url)

    assert result.applied == tuple(m.name for m in load_migrations())
    rels = relations(empty_database_url, "stripe")
    object_tables = {r.table for r in REGISTRY.values()}
    # Every listable resource of Stripe's API has its table (issue 15): objects and child rows.
    assert len(object_tables) >= 80
    storage = {f"_raw_{t}" for t in object_tables}
    assert storage | METADATA_TABLES <= {n for n, k in rels.items() if k == "BASE TABLE"}
    assert {n for n, k in rels.items() if k == "VIEW"} == object_tables | {
        "sync_runs",
        "sync_obj_progress",
        "failed_events",
        "sync_lag",
        "sync_status",
        "verify_runs",
        "freshness",
        "history",
        # The billing metrics (0027).
        "subscription_item_intervals",
        "subscription_discount_intervals",
        "mrr_subscription_segments",
        "_mrr_customer_segments",
        "mrr_daily",
        "mrr_monthly",
        "mrr_movements",
        "active_subscribers",
        "revenue_monthly",
        "payment_failures_monthly",
        "dunning",
        # Their subscription states, from history or the current rows (0028).
        "_subscription_states",
    }
    for table in object_tables:
        # The view people query: typed columns computed from _raw_data.
        cols = columns(empty_database_url, "stripe", table)
        assert cols["_raw_data"][0] == "jsonb", table
        assert {"id", "_account_id", "_last_synced_at", "_updated_at", "deleted", "deleted_at"} <= (
            cols.keys()
        ), table
        assert len(cols) >= 12, f"{table} has only {list(cols)}"
        # Whether a row is live or test data is visible on every table (0040: the mode of
        # whoever wrote it where the payload does not say).
        assert cols["livemode"][0] == "boolean", table
        # The storage table under it: only the indexed typed columns are stored, and the
        # bookkeeping (_livemode since 0040).
        stored = columns(empty_database_url, "stripe", f"_raw_{table}")
        generated = [c for c, (_, g) in stored.items() if g == "ALWAYS"]
        assert set(generated) < set(cols), table
        assert stored["_livemode"] == ("boolean", "NEVER"), table
        assert len(stored) <= 17, f"{table} stores {list(stored)}"
    assert list(columns(empty_database_url, "stripe", "sync_runs"))[:9] == SYNC_RUNS_COLUMNS


def test_second_run_is_a_no_op_and_keeps_data(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe.customers (id, _raw_data, _account_id) "
            "VALUES ('cus_1', %s, 'acct_1')",
            (Jsonb({"id": "cus_1", "object": "customer", "email": "a@b.c"}),),
        )
        before = conn.execute("SELECT name, applied_at FROM stripe._migrations").fetchall()

    result = run_migrations(database_url)

    assert result.applied == ()
    assert set(result.already_applied) == {m.name for m in load_migrations()}
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT name, applied_at FROM stripe._migrations").fetchall() == before
        assert conn.execute("SELECT email FROM stripe.customers").fetchall() == [("a@b.c",)]


def test_schema_option_puts_everything_in_that_schema(empty_database_url: str) -> None:
    run_migrations(empty_database_url, schema="billing_mirror")

    assert relations(empty_database_url, "stripe") == {}
    rels = relations(empty_database_url, "billing_mirror")
    assert {r.table for r in REGISTRY.values()} | METADATA_TABLES <= rels.keys()
    assert {"sync_runs", "sync_obj_progress"} <= rels.keys()


def test_concurrent_runs_apply_once_without_error(empty_database_url: str) -> None:
    results: list[Any] = []
    errors: list[BaseException] = []
    barrier = threading.Barrier(3)

    def run() -> None:
        barrier.wait()
        try:
            results.append(run_migrations(empty_database_url))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)

    assert errors == []
    applied = sorted(len(r.applied) for r in results)
    assert applied == [0, 0, len(load_migrations())]
    with psycopg.connect(empty_database_url) as conn:
        assert conn.execute("SELECT count(*) FROM stripe._migrations").fetchone() == (
            len(load_migrations()),
        )


def test_changed_checksum_is_a_clear_error_and_touches_nothing(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe.products (id, _raw_data, _account_id) "
            """VALUES ('prod_1', '{"id": "prod_1", "name": "Gold"}', 'acct_1')"""
        )
        conn.execute("UPDATE stripe._migrations SET checksum = 'deadbeef' WHERE name LIKE '0001%'")

    with pytest.raises(MigrationChecksumError, match="must never change") as info:
        run_migrations(database_url)

    assert info.value.name.startswith("0001")
    assert not info.value.transient
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT name FROM stripe.products").fetchall() == [("Gold",)]


def test_database_from_a_newer_version_is_refused(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe._migrations (name, checksum, stripe_sync_version) "
            "VALUES ('9999_future', 'x', '99.0')"
        )

    with pytest.raises(MigrationError, match="newer version"):
        run_migrations(database_url)


def test_database_of_the_squashed_development_migrations_is_refused(database_url: str) -> None:
    # A schema migrated by the files 0001_metadata ... 0027_billing_metrics (before they were
    # squashed into 0001_baseline) has their rows and not the baseline's.
    with psycopg.connect(database_url) as conn:
        conn.execute("DELETE FROM stripe._migrations")
        conn.execute(
            "INSERT INTO stripe._migrations (name, checksum, stripe_sync_version) "
            "VALUES ('0001_metadata', 'x', '0.1.0'), ('0027_billing_metrics', 'y', '0.1.0')"
        )
        before = conn.execute("SELECT name FROM stripe._migrations ORDER BY name").fetchall()

    with pytest.raises(MigrationError, match="squashed into 0001_baseline") as info:
        run_migrations(database_url)

    message = str(info.value)
    assert "0001_metadata ... 0027_billing_metrics" in message
    assert "newer version" not in message
    assert "nothing was changed" in message
    with psycopg.connect(database_url) as conn:
        after = conn.execute("SELECT name FROM stripe._migrations ORDER BY name").fetchall()
    assert after == before


def test_failed_migration_leaves_nothing_behind(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = load_migrations()
    broken = Migration(
        number=len(shipped) + 1,
        name=f"{len(shipped) + 1:04d}_broken",
        sql="CREATE TABLE half_done (x int); SELECT 1/0;",
        checksum="0" * 64,
    )
    monkeypatch.setattr(migrations, "load_migrations", lambda: (*shipped, broken))

    with pytest.raises(MigrationError, match="broken"):
        run_migrations(database_url)

    rels = relations(database_url, "stripe")
    assert "half_done" not in rels
    with psycopg.connect(database_url) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM stripe._migrations")]
    assert broken.name not in names


def test_postgres_15_works(pg15_admin_url: str) -> None:
    with psycopg.connect(pg15_admin_url, autocommit=True) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        conn.execute("DROP DATABASE IF EXISTS pg15_migrate")
        conn.execute("CREATE DATABASE pg15_migrate")
    assert version is not None
    assert 150000 <= int(version[0]) < 160000
    url = psycopg.conninfo.make_conninfo(pg15_admin_url, dbname="pg15_migrate")

    first = run_migrations(url)
    second = run_migrations(url, schema="other")

    assert first.applied == second.applied == tuple(m.name for m in load_migrations())
    assert {r.table for r in REGISTRY.values()} <= relations(url, "stripe").keys()
    assert run_migrations(url).applied == ()


def listable_without_table(views: set[str], excluded: dict[str, str]) -> set[str]:
    """Objects the SDK lists that have neither a table (view) in the schema nor a reason."""
    root = Path(__file__).parents[2]
    sdk = json.loads((root / "vendor" / "stripe-sdk" / "resources.json").read_text("utf-8"))
    listable = {o for e in sdk["endpoints"] if e["list"] for o in e["returns"]}
    with_table = {
        o for r in REGISTRY.values() if r.table in views for o in (r.object, *r.event_objects)
    }
    return {o for o in listable - with_table if not excluded.get(o, "").strip()}


def test_every_listable_resource_of_the_sdk_has_a_table_or_a_named_reason(
    database_url: str,
) -> None:
    views = {n for n, k in relations(database_url, "stripe").items() if k == "VIEW"}
    registry = json.loads(
        (Path(__file__).parents[2] / "src" / "stripe_sync" / "registry.json").read_text("utf-8")
    )
    excluded = {x["object"]: x["reason"] for x in registry["excluded"]}
    assert listable_without_table(views, excluded) == set()
    # The check can fail: a resource whose table is missing, or whose reason is blank.
    assert listable_without_table(views - {"issuing_cards"}, excluded) == {"issuing.card"}
    assert listable_without_table(views, {**excluded, "country_spec": " "}) == {"country_spec"}


@contextmanager
def before_migration(
    url: str, name: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[psycopg.Connection[Any]]:
    """A connection to ``url`` migrated up to the shipped migration ``name`` (excluded), for
    the block to write what an older database holds; then the rest is applied."""
    shipped = load_migrations()
    before = [m.name for m in shipped].index(name)
    monkeypatch.setattr(migrations, "load_migrations", lambda: shipped[:before])
    if before < [m.name for m in shipped].index("0041_one_router"):
        # The registry copy as the runner of before 0041 wrote it: "_resources" has no "refs".
        monkeypatch.setattr(migrations, "query", _query_before_0041)
    run_migrations(url)
    with psycopg.connect(url) as conn:
        yield conn
    monkeypatch.setattr(migrations, "load_migrations", lambda: shipped)
    monkeypatch.setattr(migrations, "query", query)
    run_migrations(url)


def _query_before_0041(name: str, schema: str) -> sql.Composed:
    text = raw_queries()[name]
    if name == "sync_registry":
        text = text.replace(", refs = excluded.refs", "")
        assert "refs" not in text
    return sql.SQL(text).format(schema=sql.Identifier(schema))


def test_0029_upgrades_bookkeeping_in_place_with_the_synced_datas_mode(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    live = {"id": "cus_L1", "object": "customer", "created": 1700000000, "livemode": True}
    with before_migration(empty_database_url, "0029_livemode", monkeypatch) as conn:
        conn.execute(
            "SELECT * FROM stripe._write_objects('customers', 'acct_1', %s, now(), 'fetch')",
            (Jsonb([live]),),
        )
        conn.execute("INSERT INTO stripe._sync_runs (account_id, objects) VALUES ('acct_1', '{}')")
        conn.execute(
            "INSERT INTO stripe._backfill_cursors (account_id, object, listed_until) VALUES "
            "('acct_1', 'customer', now()), ('acct_1', 'sigma.some_table', now())"
        )
        conn.execute(
            "INSERT INTO stripe._event_cursors (account_id, last_event_created) "
            "VALUES ('acct_1', now())"
        )
        conn.execute(
            "INSERT INTO stripe._verified_windows (account_id, object, created_gte, created_lt, "
            "verified_at, row_count) VALUES ('acct_1', 'customer', '-infinity', 'infinity', "
            "now(), 1)"
        )
    with psycopg.connect(empty_database_url) as conn:
        modes = {
            "_sync_runs": conn.execute("SELECT mode FROM stripe._sync_runs").fetchall(),
            "_backfill_cursors": conn.execute(
                "SELECT object, mode FROM stripe._backfill_cursors ORDER BY object"
            ).fetchall(),
            "_event_cursors": conn.execute("SELECT mode FROM stripe._event_cursors").fetchall(),
            "_verified_windows": conn.execute(
                "SELECT mode FROM stripe._verified_windows"
            ).fetchall(),
        }
        customers = conn.execute("SELECT id, livemode FROM stripe.customers").fetchall()
    assert modes == {
        "_sync_runs": [("live",)],
        # Sigma's watermarks are not a mode's backfill: they stay 'unknown'.
        "_backfill_cursors": [("customer", "live"), ("sigma.some_table", "unknown")],
        "_event_cursors": [("live",)],
        "_verified_windows": [("live",)],
    }
    assert customers == [("cus_L1", True)]


def test_0037_gives_existing_windows_their_runs_mode(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    runs: dict[str, int] = {}
    with before_migration(empty_database_url, "0037_modes_in_views", monkeypatch) as conn:
        for mode in ("live", "test"):
            found = conn.execute(
                "INSERT INTO stripe._sync_runs (account_id, objects, mode) "
                "VALUES ('acct_1', '{customer}', %s) RETURNING id",
                (mode,),
            ).fetchone()
            assert found is not None
            runs[mode] = found[0]
            conn.execute(
                "INSERT INTO stripe._sync_obj_runs (run_id, account_id, object, status, "
                "completed_at) VALUES (%s, 'acct_1', 'customer', 'complete', now())",
                (runs[mode],),
            )
        conn.execute(
            "INSERT INTO stripe._processed_events (id, account_id, type, created, object_type, "
            "object_id, outcome) VALUES ('evt_1', 'acct_1', 'customer.updated', now(), "
            "'customer', 'cus_1', 'written')"
        )
    with psycopg.connect(empty_database_url) as conn:
        windows = conn.execute(
            "SELECT r.mode, w.mode FROM stripe._sync_obj_runs w "
            "JOIN stripe._sync_runs r ON r.id = w.run_id ORDER BY 1"
        ).fetchall()
        status = conn.execute(
            "SELECT resource, mode, status, run_id FROM stripe.sync_status ORDER BY 2"
        ).fetchall()
        lag = conn.execute(
            "SELECT object, mode, last_event_created IS NOT NULL, "
            "last_backfill_completed_at IS NOT NULL FROM stripe.sync_lag ORDER BY 2"
        ).fetchall()
        # A window is its run's mode or none: one made without it is refused.
        with pytest.raises(psycopg.errors.ForeignKeyViolation):
            conn.execute(
                "INSERT INTO stripe._sync_obj_runs (run_id, account_id, object) "
                "VALUES (%s, 'acct_1', 'customer')",
                (runs["live"],),
            )
    assert windows == [("live", "live"), ("test", "test")]
    assert status == [
        ("customer", "live", "complete", runs["live"]),
        ("customer", "test", "complete", runs["test"]),
    ]
    # The event is of either mode: shown on each mode's row.
    assert lag == [("customer", "live", True, True), ("customer", "test", True, True)]


def test_0038_keeps_tracked_endpoints_without_a_mode(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before 0038 the endpoint of a URL was whichever key last found or created it, which the
    synced data does not say (here: live data, and the endpoint may be the test key's)."""
    live = {"id": "cus_L1", "object": "customer", "created": 1, "livemode": True}
    with before_migration(
        empty_database_url, "0038_managed_webhooks_per_mode", monkeypatch
    ) as conn:
        conn.execute(
            "SELECT * FROM stripe._write_objects('customers', 'acct_1', %s, now(), 'fetch')",
            (Jsonb([live]),),
        )
        conn.execute(
            "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, enabled_events) "
            "VALUES ('we_1', 'https://a.example/webhooks', 'acct_1', 'whsec_1', '{*}')"
        )
    with psycopg.connect(empty_database_url) as conn:
        kept = conn.execute("SELECT id, mode FROM stripe._managed_webhooks").fetchall()
        # One endpoint per URL, account and mode from now on.
        conn.execute(
            "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, enabled_events, "
            "mode) VALUES ('we_2', 'https://a.example/webhooks', 'acct_1', 'whsec_2', '{*}', "
            "'live')"
        )
        with pytest.raises(psycopg.errors.UniqueViolation):
            conn.execute(
                "INSERT INTO stripe._managed_webhooks (id, url, account_id, secret, "
                "enabled_events, mode) VALUES ('we_3', 'https://a.example/webhooks', 'acct_1', "
                "'whsec_3', '{*}', 'live')"
            )
    assert kept == [("we_1", "unknown")]


def test_0039_gives_verify_runs_the_mode_of_their_windows(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with before_migration(empty_database_url, "0039_verify_runs_per_mode", monkeypatch) as conn:
        runs = [
            conn.execute(
                "INSERT INTO stripe._verify_runs (account_id, since, until, objects, repair, "
                "finished_at, status) VALUES ('acct_1', now(), now(), '{customer}', false, "
                "now(), 'clean') RETURNING id"
            ).fetchone()
            for _ in range(2)
        ]
        conn.execute(
            "INSERT INTO stripe._verified_windows (account_id, object, created_gte, created_lt, "
            "verified_at, row_count, run_id, mode) VALUES ('acct_1', 'customer', '-infinity', "
            "'infinity', now(), 1, %s, 'live')",
            (runs[0][0] if runs[0] else None,),
        )
    with psycopg.connect(empty_database_url) as conn:
        modes = conn.execute("SELECT run_id, mode FROM stripe.verify_runs ORDER BY 1").fetchall()
    assert [m for _, m in modes] == ["live", "unknown"]


def test_0040_queues_behind_a_writer_of_a_parent_and_its_children(
    empty_database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write group takes a parent's table, then its children's (subscriptions, then
    subscription_items). 0040 locks every storage table to the commit; in name order it took
    subscription_items first and deadlocked with such a writer (a review reproduced it). In the
    writers' order the migration waits for the writer and then goes on."""
    shipped = load_migrations()
    before = [m.name for m in shipped].index("0040_rows_say_their_mode")
    monkeypatch.setattr(migrations, "load_migrations", lambda: shipped[:before])
    monkeypatch.setattr(migrations, "query", _query_before_0041)
    run_migrations(empty_database_url)
    monkeypatch.setattr(migrations, "load_migrations", lambda: shipped)
    monkeypatch.setattr(migrations, "query", query)

    sub = {"id": "sub_1", "object": "subscription", "created": 1700000000, "livemode": True}
    item = {"id": "si_1", "object": "subscription_item", "created": 1700000000}
    failed: list[BaseException] = []

    def migrate() -> None:
        try:
            run_migrations(empty_database_url)
        except Exception as exc:  # the test reports it
            failed.append(exc)

    with (
        psycopg.connect(empty_database_url) as writer,
        psycopg.connect(empty_database_url, autocommit=True) as db,
    ):
        writer.execute(
            "SELECT * FROM stripe._write_objects('subscriptions', 'acct_1', %s, now(), 'fetch')",
            (Jsonb([sub]),),
        )
        thread = threading.Thread(target=migrate)
        thread.start()
        wait_until(
            lambda: db.execute(
                "SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND position(%s IN query) > 0",
                ("Every row says its mode",),
            ).fetchone(),
            "the migration waits for the writer's table",
        )
        writer.execute(
            "SELECT * FROM stripe._write_objects('subscription_items', 'acct_1', %s, now(), "
            "'fetch', false, 'subscription', 'sub_1', true)",
            (Jsonb([item]),),
        )
        writer.commit()
        thread.join(60)
    assert failed == []
    assert not thread.is_alive()
    with psycopg.connect(empty_database_url) as conn:
        found = conn.execute("SELECT id, livemode FROM stripe.subscriptions").fetchall()
    assert found == [("sub_1", True)]


def test_history_as_of_reads_the_rows_mode_as_the_view_does(database_url: str) -> None:
    """Refunds have no livemode of their own: refunds_as_of (history mode, the columns of the
    view refunds) reads the row's mode as the view does."""
    refund = {"id": "re_2", "object": "refund", "created": 1700000000, "amount": 100}
    with psycopg.connect(database_url, autocommit=True) as conn:
        enable_history(conn, "stripe", ["refund"])
        conn.execute(
            "SELECT * FROM stripe._write_objects('refunds', 'acct_1', %s, now(), 'fetch', "
            "p_livemode => true)",
            (Jsonb([refund]),),
        )
        view = conn.execute("SELECT livemode FROM stripe.refunds").fetchall()
        as_of = conn.execute("SELECT livemode FROM stripe.refunds_as_of(now())").fetchall()
    assert view == [(True,)]
    assert as_of == view
