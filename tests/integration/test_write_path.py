"""The SQL write path (``_write_objects``): set-based, idempotent, never older over newer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

T0 = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


def write(
    url: str,
    objects: list[dict[str, Any]],
    version: datetime,
    source: str = "event",
    *,
    table: str = "customers",
    delete: bool = False,
    parent: tuple[str, str] | None = None,
    tie_wins: bool = False,
) -> dict[str, str]:
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT object_id, outcome FROM stripe._write_objects("
            "%s, %s, %s, %s, %s, %s, %s, %s, %s)",
            (
                table,
                "acct_1",
                Jsonb(objects),
                version,
                source,
                delete,
                parent[0] if parent else None,
                parent[1] if parent else None,
                tie_wins,
            ),
        ).fetchall()
    return dict(rows)


def row(url: str, object_id: str, table: str = "customers") -> dict[str, Any]:
    with psycopg.connect(url) as conn:
        cur = conn.execute(
            psycopg.sql.SQL("SELECT * FROM stripe.{} WHERE id = %s").format(
                psycopg.sql.Identifier(table)
            ),
            (object_id,),
        )
        assert cur.description is not None
        values = cur.fetchone()
        assert values is not None
        return dict(zip([c.name for c in cur.description], values, strict=True))


def set_updated_at(url: str, object_id: str, at: datetime) -> None:
    with psycopg.connect(url) as conn:
        conn.execute("UPDATE stripe.customers SET _updated_at = %s WHERE id = %s", (at, object_id))


def cus(name: str, **extra: Any) -> dict[str, Any]:
    return {"id": "cus_1", "object": "customer", "name": name, **extra}


def test_insert_then_newer_update(database_url: str) -> None:
    assert write(database_url, [cus("a")], T0) == {"cus_1": "written"}
    assert write(database_url, [cus("b")], T0 + timedelta(seconds=1)) == {"cus_1": "written"}
    stored = row(database_url, "cus_1")
    assert stored["name"] == "b"
    assert stored["_account_id"] == "acct_1"
    assert stored["_version_source"] == "event"


def test_older_event_is_stale(database_url: str) -> None:
    write(database_url, [cus("new")], T0 + timedelta(seconds=5))
    assert write(database_url, [cus("old")], T0) == {"cus_1": "stale"}
    assert row(database_url, "cus_1")["name"] == "new"


def test_replay_is_unchanged_and_touches_nothing(database_url: str) -> None:
    write(database_url, [cus("a")], T0)
    before = row(database_url, "cus_1")
    assert write(database_url, [cus("a")], T0 + timedelta(seconds=3)) == {"cus_1": "unchanged"}
    assert row(database_url, "cus_1") == before


def test_same_second_events_are_ambiguous_until_refetched(database_url: str) -> None:
    write(database_url, [cus("first")], T0)
    assert write(database_url, [cus("second")], T0) == {"cus_1": "ambiguous"}
    assert row(database_url, "cus_1")["name"] == "first"
    # The caller re-fetches. Its version is the database clock when it saw the conflict; the
    # row was last written (_updated_at, pinned here) a little earlier in the same second.
    set_updated_at(database_url, "cus_1", T0 + timedelta(milliseconds=200))
    # A fetch begun before that write may have missed it: still ambiguous, fetch again.
    assert write(database_url, [cus("early")], T0 + timedelta(milliseconds=100), "refetch") == {
        "cus_1": "ambiguous"
    }
    # A fetch begun after it includes it and wins the tie.
    assert write(database_url, [cus("truth")], T0 + timedelta(milliseconds=300), "refetch") == {
        "cus_1": "written"
    }
    assert row(database_url, "cus_1")["name"] == "truth"
    assert row(database_url, "cus_1")["_version_source"] == "fetch"
    # Without an API at hand the caller may let the last arrival win.
    assert write(database_url, [cus("last")], T0, tie_wins=True) == {"cus_1": "written"}


def test_fetches_are_ordered_to_the_microsecond(database_url: str) -> None:
    later = T0 + timedelta(microseconds=500)
    write(database_url, [cus("later")], later, "fetch")
    assert write(database_url, [cus("earlier")], T0, "fetch") == {"cus_1": "stale"}
    assert write(database_url, [cus("latest")], later, "fetch") == {"cus_1": "written"}


def test_event_in_the_same_second_as_a_fetch_is_ambiguous(database_url: str) -> None:
    write(database_url, [cus("fetched")], T0 + timedelta(milliseconds=300), "fetch")
    assert write(database_url, [cus("event")], T0) == {"cus_1": "ambiguous"}
    assert write(database_url, [cus("event")], T0 + timedelta(seconds=1)) == {"cus_1": "written"}


def test_tombstone_is_final(database_url: str) -> None:
    write(database_url, [cus("alive", email="a@x")], T0)
    stub = {"id": "cus_1", "object": "customer", "deleted": True}
    assert write(database_url, [stub], T0 + timedelta(seconds=1), delete=True) == {
        "cus_1": "deleted"
    }
    stored = row(database_url, "cus_1")
    assert stored["deleted"] is True
    assert stored["deleted_at"] == T0 + timedelta(seconds=1)
    assert stored["email"] == "a@x"  # a stub keeps the last known state
    # A late update, even one stamped after the deletion, cannot resurrect it.
    assert write(database_url, [cus("zombie")], T0 + timedelta(seconds=9)) == {
        "cus_1": "tombstoned"
    }
    assert write(database_url, [stub], T0 + timedelta(seconds=9), delete=True) == {
        "cus_1": "tombstoned"
    }
    assert row(database_url, "cus_1")["name"] == "alive"


def test_delete_of_unknown_object_leaves_a_tombstone(database_url: str) -> None:
    full = cus("gone", email="g@x")
    assert write(database_url, [full], T0, delete=True) == {"cus_1": "deleted"}
    stored = row(database_url, "cus_1")
    assert stored["deleted"] is True
    assert stored["email"] == "g@x"


def test_batch_is_one_statement_and_last_duplicate_wins(database_url: str) -> None:
    batch = [{"id": f"cus_{i}", "object": "customer", "name": str(i)} for i in range(500)]
    batch.append({"id": "cus_7", "object": "customer", "name": "dup"})
    batch.append({"object": "customer", "name": "no id"})
    outcomes = write(database_url, batch, T0, "fetch")
    assert len(outcomes) == 500
    assert set(outcomes.values()) == {"written"}
    assert row(database_url, "cus_7")["name"] == "dup"


def test_child_rows_carry_their_parent_and_missing_ones_are_tombstoned(database_url: str) -> None:
    items = [{"id": f"si_{i}", "object": "subscription_item"} for i in range(3)]
    parent = ("subscription", "sub_1")
    outcomes = write(database_url, items, T0, "fetch", table="subscription_items", parent=parent)
    assert set(outcomes.values()) == {"written"}
    assert row(database_url, "si_0", "subscription_items")["subscription"] == "sub_1"
    with psycopg.connect(database_url) as conn:
        removed = conn.execute(
            "SELECT stripe._tombstone_missing_children(%s, %s, %s, %s, %s)",
            ("subscription_items", "subscription", "sub_1", ["si_0", "si_2"], T0),
        ).fetchone()
    assert removed == (1,)
    assert row(database_url, "si_1", "subscription_items")["deleted"] is True
    assert row(database_url, "si_0", "subscription_items")["deleted"] is False


@pytest.mark.parametrize("bad", [{"not": "an array"}, "x"])
def test_bad_input_is_an_error_and_writes_nothing(database_url: str, bad: Any) -> None:
    with pytest.raises(psycopg.errors.RaiseException, match="JSON array"):
        write(database_url, bad, T0)
    with pytest.raises(psycopg.errors.RaiseException, match="p_source"):
        write(database_url, [cus("a")], T0, "guess")
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT count(*) FROM stripe.customers").fetchone() == (0,)


def test_functions_follow_a_custom_schema(empty_database_url: str) -> None:
    from stripe_sync.migrations import run_migrations

    run_migrations(empty_database_url, schema="mirror")
    with psycopg.connect(empty_database_url) as conn:
        conn.execute("SET search_path TO public")
        out = conn.execute(
            "SELECT outcome FROM mirror._write_objects('customers', 'acct_1', %s, now(), 'event')",
            (Jsonb([cus("m")]),),
        ).fetchall()
        count = conn.execute("SELECT count(*) FROM mirror.customers").fetchone()
    assert out == [("written",)]
    assert count == (1,)


def test_prune_processed_events_keeps_recent_ones(database_url: str) -> None:
    with psycopg.connect(database_url) as conn:
        conn.execute(
            "INSERT INTO stripe._processed_events (id, account_id, type, created, outcome, "
            "processed_at) VALUES ('evt_old', 'acct_1', 'customer.updated', now(), 'written', "
            "now() - interval '40 days'), ('evt_new', 'acct_1', 'customer.updated', now(), "
            "'written', now() - interval '2 days')"
        )
        assert conn.execute("SELECT stripe._prune_processed_events()").fetchone() == (1,)
        left = conn.execute("SELECT id FROM stripe._processed_events").fetchall()
    assert left == [("evt_new",)]


def test_the_write_path_runs_on_generic_plans(database_url: str) -> None:
    """0031: the entry points of the write path run on generic plans. Under the default
    (``plan_cache_mode = auto``) PostgreSQL planned every statement over unnested arrays again on
    each call, a quarter of the backends' CPU at 64 webhooks in flight (bench/webhooks.py under
    perf). The setting of a function holds for what it calls, so the entry points carry it."""
    with psycopg.connect(database_url) as conn:
        config: dict[str, list[str]] = dict(
            conn.execute(
                "SELECT p.proname, p.proconfig FROM pg_proc p "
                "JOIN pg_namespace n ON n.oid = p.pronamespace "
                "WHERE n.nspname = 'stripe' "
                "AND p.proname IN ('_apply_changes', '_backfill_page_write', '_write_objects')"
            ).fetchall()
        )
        assert sorted(config) == ["_apply_changes", "_backfill_page_write", "_write_objects"]
        for name, settings in config.items():
            assert "plan_cache_mode=force_generic_plan" in settings, name
        # The setting is the function's own: the caller's session keeps the default.
        conn.execute(
            "SELECT * FROM stripe._write_objects('customers', 'acct_1', %s, %s, 'event')",
            (Jsonb([{"id": "cus_plan", "object": "customer"}]), T0),
        ).fetchall()
        assert conn.execute("SHOW plan_cache_mode").fetchone() == ("auto",)


def test_payloads_up_to_a_page_are_not_compressed_with_pglz(database_url: str) -> None:
    """0032: a payload of a few kB is compressed with lz4 where the server has it, else kept in
    the row uncompressed (up to a page; larger ones still go through pglz); pglz cost more CPU
    than the rest of a write (bench/backfill.py under perf). Every object table's storage table
    is set up so, the child objects' tables included; a table made later by _create_writers
    too."""
    invoice = {
        "id": "in_storage",
        "object": "invoice",
        "lines": {"object": "list", "data": [{"id": f"il_{i}", "amount": i} for i in range(100)]},
        "description": "x" * 200,
    }
    write(database_url, [invoice], T0, table="invoices")
    with psycopg.connect(database_url) as conn:
        lz4 = conn.execute(
            "SELECT 'lz4' = ANY (enumvals) FROM pg_settings "
            "WHERE name = 'default_toast_compression'"
        ).fetchone() == (True,)
        size, method = conn.execute(
            "SELECT octet_length(_raw_data::text), pg_column_compression(_raw_data) "
            "FROM stripe._raw_invoices WHERE id = 'in_storage'"
        ).fetchone() or (0, None)
        assert size > 2500  # over the threshold at which PostgreSQL compresses by default
        assert method == ("lz4" if lz4 else None)
        tables = conn.execute(
            "SELECT c.relname, c.reloptions, a.attcompression FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '_raw_data' "
            "WHERE n.nspname = 'stripe' AND c.relkind = 'r' AND c.relname LIKE '\\_raw\\_%'"
        ).fetchall()
        assert len(tables) >= 90
        for name, options, compression in tables:
            if lz4:
                assert compression == "l", name
            else:
                assert "toast_tuple_target=8160" in (options or []), name
        # A table made later (as a migration adding a resource would) gets the rule too.
        conn.execute(
            "CREATE TABLE stripe._raw_later_things (LIKE stripe._raw_coupons INCLUDING ALL)"
        )
        conn.execute("SELECT stripe._create_writers('later_things', NULL)")
        options, compression = conn.execute(
            "SELECT c.reloptions, a.attcompression FROM pg_class c "
            "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = '_raw_data' "
            "WHERE c.oid = 'stripe._raw_later_things'::regclass"
        ).fetchone() or (None, None)
        if lz4:
            assert compression == "l"
        else:
            assert "toast_tuple_target=8160" in (options or [])


def test_the_commit_time_answered_is_the_one_recorded(database_url: str) -> None:
    """0034: ``_apply_changes`` answers each change with the same instant that it records as the
    event's ``processed_at`` (the freshness view), so that the /metrics histogram, which
    observes the answer, and the view measure the same delay."""
    group = [
        {
            "event_id": f"evt_clock_{n}",
            "event_type": "customer.updated",
            "event_created": T0.isoformat(),
            "account_id": "acct_1",
            "action": "upsert",
            "table": "customers",
            "version": (T0 + timedelta(seconds=n)).isoformat(),
            "source": "event",
            "objects": [{"id": f"cus_clock_{n}", "object": "customer"}],
            # A missing reference takes the other branch of the answer (missing_refs).
            "refs": [["customers", "cus_clock_missing"]] if n == 2 else [],
        }
        for n in range(3)
    ]
    with psycopg.connect(database_url) as conn:
        answered = conn.execute(
            "SELECT ord, outcome, seen_at, missing_refs FROM stripe._apply_changes(%s)",
            (Jsonb(group),),
        ).fetchall()
        recorded: dict[str, datetime] = dict(
            conn.execute(
                "SELECT id, processed_at FROM stripe._processed_events WHERE id LIKE 'evt_clock_%'"
            ).fetchall()
        )
    assert [outcome for _, outcome, _, _ in answered] == ["written"] * 3
    assert answered[2][3] == [["customers", "cus_clock_missing"]]
    assert {f"evt_clock_{n}": seen for n, _, seen, _ in answered} == recorded
