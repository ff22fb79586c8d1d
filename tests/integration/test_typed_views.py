"""Typed columns computed on read: lean storage tables behind same-named views (0015-0017).

What users query must not change (the same columns, the same values, joins through an index),
a database made before the change keeps every row, and adding a field of a newer API version
rewrites no table.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

import psycopg
import pytest
from psycopg.types.json import Jsonb

from stripe_sync.resources import REGISTRY
from stripe_sync.testing import FakeStripe

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "src" / "stripe_sync" / "testing" / "fixtures" / "objects.json"


@cache
def gen_schema() -> ModuleType:
    spec = importlib.util.spec_from_file_location("gen_schema", REPO / "scripts" / "gen_schema.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["gen_schema"] = module
    spec.loader.exec_module(module)
    return module


def examples() -> dict[str, Any]:
    return json.loads(EXAMPLES.read_text())["resources"]  # type: ignore[no-any-return]


def rows(conn: psycopg.Connection[Any], table: str) -> dict[str, dict[str, Any]]:
    cur = conn.execute(f'SELECT * FROM stripe."{table}" ORDER BY id')  # noqa: S608 - test table names
    names = [d.name for d in cur.description or ()]
    return {str(r[0]): dict(zip(names, r, strict=True)) for r in cur.fetchall()}


def write_examples(conn: psycopg.Connection[Any], resources: Any = None) -> None:
    """Every registry object's Stripe example (twice, with two ids) through _write_objects
    (or only those of ``resources``)."""
    found = examples()
    for resource in REGISTRY.values() if resources is None else resources:
        example = found.get(resource.object)
        if not isinstance(example, dict):
            continue
        objects = [{**example, "id": f"{example.get('id', 'x')}_{n}"} for n in (1, 2)]
        conn.execute(
            "SELECT count(*) FROM stripe._write_objects(%s, 'acct_1', %s, now(), 'fetch', "
            "false, %s, %s)",
            (resource.table, Jsonb(objects), resource.parent, "parent_1"),
        )


def test_views_compute_what_the_stored_columns_held(database_url: str) -> None:
    """Fresh schema: every typed value read from a view equals what 0002's generation
    expression gives for the same payload (both rules are held together here)."""
    gen = gen_schema()
    with psycopg.connect(database_url, autocommit=True) as conn:
        write_examples(conn)
        typed = conn.execute(
            "SELECT table_name, column_name, kind FROM stripe._typed_columns "
            "WHERE kind <> 'parent' ORDER BY table_name, ordinal"
        ).fetchall()
        assert len(typed) > 700
        for table, column, kind in typed:
            expression = gen.column_expression(column, gen.Kind(kind))
            mismatches = conn.execute(
                f'SELECT count(*) FROM stripe."{table}" v WHERE v."{column}" '  # noqa: S608
                f"IS DISTINCT FROM ({expression})"
            ).fetchone()
            assert mismatches == (0,), (table, column)


@pytest.mark.parametrize(
    "value",
    [
        "1",
        "-12",
        "1.5",
        '"12.50"',
        '"abc"',
        "true",
        "null",
        '{"id": "cus_1"}',
        '{"id": 5}',
        "[1, 2]",
        "1e400",
        "99999999999999999999",
        '"' + "9" * 150 + '"',
        "253402300800",
        "-62135596801",
    ],
)
def test_sql_and_python_expressions_agree_on_any_value(database_url: str, value: str) -> None:
    gen = gen_schema()
    with psycopg.connect(database_url, autocommit=True) as conn:
        for kind in gen.Kind:
            python_expr = gen.column_expression("f", kind)
            (sql_expr,) = conn.execute(
                "SELECT stripe._typed_expression('f', %s)", (kind.value,)
            ).fetchone() or (None,)
            assert sql_expr is not None
            same = conn.execute(
                f"SELECT ({python_expr}) IS NOT DISTINCT FROM ({sql_expr}) "  # noqa: S608
                "FROM (SELECT jsonb_build_object('f', %s::jsonb) AS _raw_data) x",
                (value,),
            ).fetchone()
            assert same == (True,), (kind, value)


def relfilenodes(conn: psycopg.Connection[Any]) -> dict[str, int]:
    """Every table, toast table and index of the schema with its file: a rewrite changes it."""
    return {
        str(name): int(node)
        for name, node in conn.execute(
            "SELECT c.oid::regclass::text, pg_relation_filenode(c.oid) FROM pg_class c "
            "WHERE c.relkind IN ('r', 'i', 't') AND (c.relnamespace = 'stripe'::regnamespace "
            "OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = "
            "'stripe'::regnamespace))"
        ).fetchall()
    }


def test_a_newer_api_field_is_a_catalogue_change(database_url: str) -> None:
    with psycopg.connect(database_url, autocommit=True) as conn:
        conn.execute(
            "SELECT stripe._write_objects('customers', 'acct_1', %s, now(), 'fetch')",
            (Jsonb([{"id": "cus_new", "object": "customer", "tax_exempt_since": 1767225600}]),),
        )
        before = relfilenodes(conn)
        assert len(before) > 100
        conn.execute(
            "INSERT INTO stripe._typed_columns (table_name, column_name, kind, ordinal, comment) "
            "SELECT 'customers', 'tax_exempt_since', 'timestamptz', max(ordinal) + 1, "
            "'A field of a newer API version.' FROM stripe._typed_columns "
            "WHERE table_name = 'customers'"
        )
        conn.execute("SELECT stripe._create_typed_view('customers')")
        assert relfilenodes(conn) == before
        found = conn.execute(
            "SELECT extract(epoch FROM tax_exempt_since)::bigint, email FROM stripe.customers "
            "WHERE id = 'cus_new'"
        ).fetchone()
        assert found == (1767225600, None)


README_JOIN = """
SELECT c.email, s.status, s.created
FROM stripe.subscriptions s JOIN stripe.customers c ON c.id = s.customer
WHERE NOT s.deleted
"""


def test_the_readme_join_uses_the_reference_index(database_url: str) -> None:
    fake = FakeStripe(seed=3)
    fake.seed_realistic(scale=300, seed=3)
    with psycopg.connect(database_url, autocommit=True) as conn:
        for kind, table in (("customer", "customers"), ("subscription", "subscriptions")):
            listed = [fake.get(kind, str(r["id"])) for r in fake.store.all_records(None, kind)]
            assert len(listed) >= 100
            conn.execute(
                "SELECT count(*) FROM stripe._write_objects(%s, 'acct_1', %s, now(), 'fetch')",
                (table, Jsonb(listed)),
            )
        conn.execute("ANALYZE stripe._raw_customers, stripe._raw_subscriptions")
        customer = conn.execute("SELECT customer FROM stripe.subscriptions LIMIT 1").fetchone()
        assert customer is not None
        # The test's tables are small enough for a sequential scan to win; what is shown here is
        # that the reference columns read through the views are the indexed stored ones.
        conn.execute("SET enable_seqscan = off")
        # One customer's subscriptions: through the index on the reference column.
        plan = "\n".join(
            str(r[0])
            for r in conn.execute(
                f"EXPLAIN {README_JOIN} AND c.id = %s",
                (customer[0],),
            ).fetchall()
        )
        assert "subscriptions_customer_idx" in plan, plan
        # Every subscription's customer, one at a time: through the customers' primary key.
        conn.execute("SET enable_hashjoin = off")
        conn.execute("SET enable_mergejoin = off")
        plan = "\n".join(str(r[0]) for r in conn.execute(f"EXPLAIN {README_JOIN}").fetchall())
        assert "customers_pkey" in plan, plan
        answered = conn.execute(README_JOIN).fetchall()
        assert len(answered) >= 100
